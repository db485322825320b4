"""Sentence boundaries in Chinese news text."""
from __future__ import annotations

import re

# A sentence ends at 。！？!? (or a run of them, or ……) plus any closing quotes or brackets,
# or at a line break. Whitespace between sentences belongs to no sentence.
_SENTENCE = re.compile(
    r"[^\n]*?(?:[。！？!?]+|……|$)[”’」』）)\"']*",
    re.M,
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Half-open (start, end) offsets of each sentence, stripped of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    for match in _SENTENCE.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans
