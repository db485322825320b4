"""Sentence boundaries from punctuation and line breaks."""
from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..rules.sentences import split_sentences
from .spans import attr, write_results


class SentenceSplitter:
    def __call__(self, doc: Doc) -> Doc:
        # Over-long sentences are cut at word starts, so that every sentence starts a token.
        found = split_sentences(doc.text, cut_points=[t.idx for t in doc])
        starts = {start for start, _ in found}
        # One array write: setting token.is_sent_start one by one rescans the Doc each time.
        flags = numpy.array([1 if t.i == 0 or t.idx in starts else -1 for t in doc], dtype="int64").astype("uint64")
        if len(doc):
            doc.from_array([SENT_START], flags.reshape(-1, 1))
        write_results(doc, "sentences", [(s, e, None) for s, e in found])
        return doc


@Language.factory("newsgraph_sentences", assigns=["token.is_sent_start", attr("sentences"), "doc.spans"])
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter()
