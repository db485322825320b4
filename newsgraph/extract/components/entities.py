"""Companies, people and organizations: gazetteer, rules and the trained NER, resolved per article."""
from __future__ import annotations

from dataclasses import dataclass
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from ..rules import entities as rules
from ..rules import ner_filter
from ..rules.resolve import apply_declared_names, resolve_article
from .spans import write_results

NER_TYPES = {"company": "Company", "name": "Person", "organization": "Organization",
             "government": "Organization"}


@dataclass(frozen=True, slots=True)
class EntityMention:
    type: str
    name: str  # canonical


class EntityFinder:
    def __init__(self, gazetteer, titles, surnames, tagger=None, min_confidence=ner_filter.MIN_CONFIDENCE):
        self.min_confidence = min_confidence
        self.gazetteer = gazetteer
        self.titles = titles
        self.surnames = surnames
        self.tagger = tagger

    def ner_candidates(self, text: str) -> list[tuple[int, int, rules.EntityCandidate]]:
        if self.tagger is None:
            return []
        return [(start, end, rules.EntityCandidate(NER_TYPES[label], text[start:end], "ner"))
                for start, end, label, confidence in self.tagger.tag_scored(text)
                if label in NER_TYPES and ner_filter.plausible(
                    text, start, end, NER_TYPES[label], confidence, self.surnames, self.min_confidence)]

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        found = rules.find_entities(text, self.gazetteer, self.titles, self.surnames)
        found = sorted(found + ner_filter.gaps_only(found, self.ner_candidates(text)), key=lambda m: m[0])
        resolved = apply_declared_names(text, resolve_article(found, self.gazetteer, text), self.gazetteer)
        mentions = sorted(
            ((start, end, EntityMention(entity.type, entity.name))
             for entity in resolved for start, end, _ in entity.mentions),
            key=lambda m: (m[0], m[1], m[2].type, m[2].name),
        )
        write_results(doc, "entities", mentions, lambda m: m.type)
        doc.user_data["newsgraph:resolved"] = list(resolved)
        ents = [doc.char_span(s, e, label=m.type, alignment_mode="expand") for s, e, m in mentions]
        doc.ents = filter_spans([span for span in ents if span is not None])
        roles = rules.find_roles(text, [(s, e, m.type, m.name) for s, e, m in mentions], self.titles)
        write_results(doc, "roles", roles, lambda role: role.title)
        return doc


@Language.factory(
    "newsgraph_entities",
    default_config={"gazetteer": None, "aliases": [], "use_ner": True, "ner_model": None,
                    "ner_min_confidence": ner_filter.MIN_CONFIDENCE},
)
def make_entity_finder(nlp: Language, name: str, gazetteer: str | None, aliases: list[str],
                       use_ner: bool, ner_model: str | None, ner_min_confidence: float) -> EntityFinder:
    tagger = None
    if use_ner:
        from ..ner import load_tagger

        tagger = load_tagger(ner_model)
    return EntityFinder(
        rules.load_gazetteer(gazetteer, aliases), rules.load_titles(), rules.load_surnames(), tagger,
        ner_min_confidence,
    )
