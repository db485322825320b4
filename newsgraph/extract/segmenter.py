"""Word segmentation with a private jieba tokenizer, as a spaCy tokenizer."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterable

import jieba
from spacy.tokens import Doc
from spacy.util import get_words_and_spaces, registry
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


class JiebaTokenizer:
    def __init__(self, vocab: Vocab, segmenter: jieba.Tokenizer):
        self.vocab = vocab
        self.segmenter = segmenter

    def __call__(self, text: str) -> Doc:
        words = [w for w in self.segmenter.cut(text, HMM=True) if w]
        words, spaces = get_words_and_spaces(words, text)
        return Doc(self.vocab, words=words, spaces=spaces)

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
