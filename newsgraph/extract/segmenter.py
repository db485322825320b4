"""Word segmentation with a private jieba tokenizer, as a spaCy tokenizer."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterable

import jieba
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

logging.getLogger("jieba").setLevel(logging.WARNING)
jieba.setLogLevel(logging.WARNING)


def make_jieba(user_dicts: Iterable[str | Path] = (), words: Iterable[str] = ()) -> jieba.Tokenizer:
    """A private jieba tokenizer (never the global one) with our dictionaries."""
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for path in user_dicts:
        tokenizer.load_userdict(str(path))
    for word in words:
        tokenizer.add_word(word)
    return tokenizer


def words_and_spaces(words: list[str], text: str) -> tuple[list[str], list[bool]]:
    """spaCy's get_words_and_spaces without its copy of the rest of the text per word, which made
    a long line cost the square of its length: whitespace tokens are rebuilt from ``text``, and
    one space after a word becomes that word's trailing space."""
    out_words: list[str] = []
    out_spaces: list[bool] = []
    pos = 0
    for word in words:
        if word.isspace():
            continue
        start = text.find(word, pos)
        if start < 0:
            raise ValueError(f"the segmenter returned {word!r}, which is not in the text at {pos}")
        if start > pos:
            out_words.append(text[pos:start])
            out_spaces.append(False)
        out_words.append(word)
        out_spaces.append(False)
        pos = start + len(word)
        if pos < len(text) and text[pos] == " ":
            out_spaces[-1] = True
            pos += 1
    if pos < len(text):
        out_words.append(text[pos:])
        out_spaces.append(False)
    return out_words, out_spaces


class JiebaTokenizer:
    def __init__(self, vocab: Vocab, segmenter: jieba.Tokenizer):
        self.vocab = vocab
        self.segmenter = segmenter

    def __call__(self, text: str) -> Doc:
        words = [w for w in self.segmenter.cut(text, HMM=True) if w]
        words, spaces = words_and_spaces(words, text)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        if Doc.has_extension("text"):  # the components' cache of doc.text (components/spans.py)
            doc._.text = text
        return doc

    # spaCy serializes tokenizers with the pipeline; ours is rebuilt from config.
    def to_bytes(self, **_):
        return b""

    def from_bytes(self, _data, **_):
        return self

    def to_disk(self, _path, **_):
        return None

    def from_disk(self, _path, **_):
        return self


@registry.tokenizers("newsgraph.jieba_tokenizer.v1")
def create_jieba_tokenizer(user_dicts: list[str] = []):  # noqa: B006 (spaCy config default)
    def create(nlp) -> JiebaTokenizer:
        return JiebaTokenizer(nlp.vocab, make_jieba(user_dicts))

    return create
