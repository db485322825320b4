"""Sentence boundaries from punctuation and line breaks."""
from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..rules.sentences import split_sentences
from .spans import attr, text_of, token_bounds, write_results


class SentenceSplitter:
    def __call__(self, doc: Doc) -> Doc:
        token_starts = token_bounds(doc)[:, 0]
        # Over-long sentences are cut at word starts, so that every sentence starts a token.
        found = split_sentences(text_of(doc), cut_points=token_starts.tolist())
        starts = numpy.fromiter((start for start, _ in found), dtype="int64")
        # One array write: setting token.is_sent_start one by one rescans the Doc each time.
        flags = numpy.where(numpy.isin(token_starts, starts), 1, -1).astype("int64")
        if len(doc):
            flags[0] = 1
            doc.from_array([SENT_START], flags.astype("uint64").reshape(-1, 1))
        write_results(doc, "sentences", [(s, e, None) for s, e in found])
        return doc


@Language.factory("newsgraph_sentences", assigns=["token.is_sent_start", attr("sentences"), "doc.spans"])
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter()
