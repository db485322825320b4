"""Punctuation classes the rules share: one definition each."""
from __future__ import annotations

SENTENCE_END = "。！？!?"  # a sentence ends at one of these (rules/sentences.py adds …… and line breaks)
CLAUSE_MARKS = "，,；;：:、"  # where a clause ends inside a sentence
CLOSING_QUOTES = "”’」』）)\"'"  # closing quotes or brackets that stay with the sentence before them
LINE_BREAK = "\n"
# where a clause stops for the rules that read back from a figure: clause marks, sentence ends,
# line breaks, brackets and quotes
CLAUSE_SEPARATORS = CLAUSE_MARKS + SENTENCE_END + LINE_BREAK + "（）()“”\""
