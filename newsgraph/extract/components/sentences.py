"""Sentence boundaries from punctuation and line breaks."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..rules.sentences import split_sentences
from .spans import write_results


class SentenceSplitter:
    def __call__(self, doc: Doc) -> Doc:
        found = split_sentences(doc.text)
        starts = {start for start, _ in found}
        for token in doc:
            token.is_sent_start = token.i == 0 or token.idx in starts
        write_results(doc, "sentences", [(s, e, None) for s, e in found])
        return doc


@Language.factory("newsgraph_sentences")
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter()
