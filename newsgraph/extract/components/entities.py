"""Companies, people and organizations: gazetteer, rules and the trained NER, resolved per article."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..rules import entities as rules
from ..rules.resolve import resolve_article
from .spans import write_results

# Which finder wins when candidates overlap: earlier is more precise.
SOURCE_RANK = {"gazetteer": 0, "stock": 1, "suffix": 2, "title": 3, "latin": 4, "ner": 5}
NER_TYPES = {"company": "Company", "name": "Person", "organization": "Organization",
             "government": "Organization"}


@dataclass(frozen=True, slots=True)
class EntityMention:
    type: str
    name: str  # canonical


def select_candidates(candidates: Sequence[tuple[int, int, rules.EntityCandidate]]):
    """Non-overlapping candidates: most precise source first, then the longest."""
    ordered = sorted(candidates, key=lambda c: (SOURCE_RANK.get(c[2].source, 9), -(c[1] - c[0]), c[0]))
    taken: list[tuple[int, int, rules.EntityCandidate]] = []
    occupied = bytearray()
    for start, end, candidate in ordered:
        if len(occupied) < end:
            occupied.extend(b"\x00" * (end - len(occupied)))
        if any(occupied[start:end]):
            continue
        occupied[start:end] = b"\x01" * (end - start)
        taken.append((start, end, candidate))
    return sorted(taken, key=lambda c: c[0])


class EntityFinder:
    def __init__(self, gazetteer, titles, surnames, tagger=None):
        self.gazetteer = gazetteer
        self.titles = titles
        self.surnames = surnames
        self.tagger = tagger

    def candidates(self, text: str) -> list[tuple[int, int, rules.EntityCandidate]]:
        found = []
        found += rules.find_gazetteer(text, self.gazetteer)
        found += rules.find_stock_names(text)
        found += rules.find_company_suffix(text)
        found += rules.find_latin_names(text)
        found += rules.find_people(text, self.titles, self.surnames)
        if self.tagger is not None:
            for start, end, label in self.tagger.tag(text):
                kind = NER_TYPES.get(label)
                if kind:
                    found.append((start, end, rules.EntityCandidate(kind, text[start:end], "ner")))
        return found

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        resolved = resolve_article(select_candidates(self.candidates(text)), self.gazetteer)
        mentions = sorted(
            (start, end, EntityMention(entity.type, entity.name))
            for entity in resolved for start, end, _ in entity.mentions
        )
        write_results(doc, "entities", mentions, lambda m: m.type)
        doc.user_data["newsgraph:resolved"] = list(resolved)
        ents = [doc.char_span(s, e, label=m.type, alignment_mode="expand") for s, e, m in mentions]
        doc.ents = filter_spans([span for span in ents if span is not None])
        roles = rules.find_roles(text, [(s, e, m.type, m.name) for s, e, m in mentions])
        write_results(doc, "roles", roles, lambda role: role.title)
        return doc


@Language.factory(
    "newsgraph_entities",
    default_config={"gazetteer": None, "aliases": [], "use_ner": True, "ner_model": None},
)
def make_entity_finder(nlp: Language, name: str, gazetteer: str | None, aliases: list[str],
                       use_ner: bool, ner_model: str | None) -> EntityFinder:
    tagger = None
    if use_ner:
        from ..ner import load_tagger

        tagger = load_tagger(ner_model)
    return EntityFinder(
        rules.load_gazetteer(gazetteer, aliases), rules.load_titles(), rules.load_surnames(), tagger
    )
