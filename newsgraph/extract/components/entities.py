"""Companies, people and organizations: gazetteer, rules and the trained NER, resolved per article."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from ..rules import entities as rules
from ..rules import ner_filter
from ..rules.appointments import document_company
from ..rules.roles import find_roles
from ..rules.resolve import apply_declared_names, resolve_article
from .spans import attr, text_of, token_bounds, write_results


@dataclass(frozen=True, slots=True)
class EntityMention:
    type: str
    name: str  # canonical


# jieba parts of speech that never start or fill a company's name: conjunctions, adverbs,
# prepositions, pronouns, numerals and measures, particles, localizers.
_FUNCTION_POS = frozenset("c d p r rr rz m mq q u uj ul uz ug ud uv y e f dg ad".split())


@functools.lru_cache(maxsize=None)
def _dictionary_words(parts_of_speech: frozenset[str]) -> frozenset[str]:
    import jieba

    out = set()
    with jieba.Tokenizer().get_dict_file() as handle:
        for raw in handle:
            parts = raw.decode("utf-8").split()
            if len(parts) == 3 and parts[2] in parts_of_speech:
                out.add(parts[0])
    return frozenset(out)


def function_words() -> frozenset[str]:
    """Words of jieba's dictionary whose part of speech is a function word's (所以, 一些, 未)."""
    return _dictionary_words(_FUNCTION_POS)


def verb_words() -> frozenset[str]:
    """Words of jieba's dictionary tagged as plain verbs (通知, 致电, 支持)."""
    return _dictionary_words(frozenset({"v"}))


class EntityFinder:
    def __init__(self, gazetteer, titles, surnames, tagger=None, min_confidence=ner_filter.MIN_CONFIDENCE):
        self.min_confidence = min_confidence
        self.function_words = function_words()
        self.verbs = verb_words()
        self.gazetteer = gazetteer
        self.titles = titles
        self.surnames = surnames
        self.tagger = tagger

    def model_spans(self, text: str) -> list[tuple[int, int, str, float]] | None:
        if self.tagger is None:
            return None
        return ner_filter.model_candidates(text, self.tagger.tag_scored(text), self.surnames,
                                          self.min_confidence)

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        words = [tuple(bounds) for bounds in token_bounds(doc).tolist()]
        found = rules.find_entities(text, self.gazetteer, self.titles, self.surnames,
                                    words=words, model=self.model_spans(text),
                                    function_words=self.function_words, verbs=self.verbs)
        resolved = apply_declared_names(text, resolve_article(found, self.gazetteer, text), self.gazetteer)
        mentions = sorted(
            ((start, end, EntityMention(entity.type, entity.name))
             for entity in resolved for start, end, _ in entity.mentions),
            key=lambda m: (m[0], m[1], m[2].type, m[2].name),
        )
        write_results(doc, "mentions", mentions, lambda m: m.type)
        doc._.resolved = list(resolved)
        ents = [doc.char_span(s, e, label=m.type, alignment_mode="expand") for s, e, m in mentions]
        doc.ents = filter_spans([span for span in ents if span is not None])
        typed = [(s, e, m.type, m.name) for s, e, m in mentions]
        roles = find_roles(text, typed, self.titles, default_org=document_company(typed, text))
        write_results(doc, "roles", roles, lambda role: role.title)
        return doc


@Language.factory(
    "newsgraph_entities",
    assigns=["doc.ents", attr("mentions"), attr("resolved"), attr("roles"), "doc.spans"],
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
