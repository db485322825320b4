"""Claims: who said or reported what."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..rules.claims import find_claims
from .spans import attr, results, text_of, write_results


class ClaimFinder:
    def __call__(self, doc: Doc) -> Doc:
        found = find_claims(
            text_of(doc), [(s, e) for s, e, _ in results(doc, "sentences")],
            [(s, e, m.type, m.name) for s, e, m in results(doc, "mentions")],
        )
        write_results(doc, "claims", found, lambda value: value.cue)
        return doc


@Language.factory("newsgraph_claims", assigns=[attr("claims"), "doc.spans"],
                  requires=[attr("sentences"), attr("mentions")])
def make_claim_finder(nlp: Language, name: str) -> ClaimFinder:
    return ClaimFinder()
