"""build_nlp() and extract(): Articles -> Extraction records."""
from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from pathlib import Path
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import components  # noqa: F401  (registers the factories)
from . import segmenter  # noqa: F401  (registers the tokenizer)
from .components.spans import results
from .rules.dates import interval_of
from .options import PipelineOptions  # noqa: F401  (re-exported: the pipeline's options)
from ..model import (Article, Claim, DateMention, Entity, EntityRef, Extraction, Figure, Mention, Role, Sentence,
                     fact_id, sentence_index, types_by_name)

# spaCy refuses longer texts (nlp.max_length); we refuse them first, naming the article.
MAX_ARTICLE_CHARS = 1_000_000


class ArticleTooLong(ValueError):
    """An article longer than MAX_ARTICLE_CHARS; the message names it and says what to do."""


def check_length(article: Article) -> None:
    if len(article.text) > MAX_ARTICLE_CHARS:
        raise ArticleTooLong(
            f"{article.path or article.id}: {len(article.text):,} characters, more than the "
            f"{MAX_ARTICLE_CHARS:,} one article may have; split it into several files")


def build_nlp(options: PipelineOptions = PipelineOptions()) -> Language:
    for path in options.user_dicts + options.aliases:
        if not Path(path).is_file():
            raise FileNotFoundError(f"{path}: no such dictionary file")
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {
        "@tokenizers": "newsgraph.jieba_tokenizer.v1", "user_dicts": list(options.user_dicts)}}})
    nlp.max_length = MAX_ARTICLE_CHARS
    nlp.add_pipe("newsgraph_sentences")
    nlp.add_pipe("newsgraph_entities", config={
        "aliases": list(options.aliases), "use_ner": options.use_ner, "ner_model": options.ner_model})
    nlp.add_pipe("newsgraph_dates")
    nlp.add_pipe("newsgraph_figures")
    nlp.add_pipe("newsgraph_claims")
    return nlp


def _within(spans: list[tuple[int, int, object]], starts: list[int], start: int, end: int) -> list:
    """The items of ``spans`` (sorted by start, with ``starts`` their starts) inside [start, end):
    a bisection, so that many claims over many mentions stay linear in the article."""
    first, last = bisect_left(starts, start), bisect_right(starts, end)
    return [item for s, e, item in spans[first:last] if e <= end]


def _entities(doc: Doc, article: Article, in_sentence) -> tuple[Entity, ...]:
    aid, text = article.id, article.text
    resolved = sorted(doc._.resolved or [], key=lambda r: (r.type, r.name))
    label_of = types_by_name((entity.type, entity.name) for entity in resolved)
    roles_by_person: dict[str, list[Role]] = {}
    for start, end, role in results(doc, "roles"):
        org = EntityRef(label_of.get(role.org, "Company"), role.org) if role.org else None
        roles_by_person.setdefault(role.person, []).append(
            Role(EntityRef(label_of.get(role.person), role.person), org, role.title, aid, start, end,
                 text[start:end]))
    return tuple(
        Entity(
            type=entity.type, name=entity.name,
            aliases=tuple(sorted({text[s:e] for s, e, *_ in entity.mentions})),
            mentions=tuple(Mention(aid, s, e, text[s:e], in_sentence(s)) for s, e, *_ in sorted(entity.mentions)),
            roles=tuple(roles_by_person.get(entity.name, ())) if entity.type == "Person" else (),
        )
        for entity in resolved
    )


def _figures(doc: Doc, article: Article, label_of: dict[str, str], in_sentence) -> tuple[Figure, ...]:
    aid, text = article.id, article.text
    found = results(doc, "figures")
    ids = [fact_id(aid, s, e) for s, e, _ in found]
    return tuple(
        Figure(aid, s, e, text[s:e], v.value, v.unit, v.qualifier, v.direction, v.high, v.vague,
               a.measure, EntityRef(label_of.get(a.subject), a.subject) if a.subject else None, a.period,
               ids[a.change_of] if a.change_of is not None else None, a.compared_with,
               interval_of(a.period), in_sentence(s))
        for s, e, (v, a) in found
    )


def _claims(doc: Doc, article: Article, entities: tuple[Entity, ...], figures: tuple[Figure, ...],
            in_sentence) -> tuple[Claim, ...]:
    aid, text = article.id, article.text
    type_of = {entity.name: entity.type for entity in entities}
    mentions = sorted(results(doc, "mentions"), key=lambda m: m[0])
    mention_starts = [s for s, _, _ in mentions]
    figure_spans = sorted(((f.start, f.end, f) for f in figures), key=lambda f: f[0])
    figure_starts = [s for s, _, _ in figure_spans]
    claims = []
    for s, e, value in results(doc, "claims"):
        about = tuple(dict.fromkeys(
            EntityRef(m.type, m.name) for m in _within(mentions, mention_starts, s, e) if m.name != value.speaker))
        cites = tuple(f.id for f in _within(figure_spans, figure_starts, s, e))
        # the entity's type, else the rule's hint for an untagged name
        speaker = EntityRef(type_of.get(value.speaker) or value.speaker_type, value.speaker) if value.speaker else None
        claims.append(Claim(aid, s, e, text[s:e], speaker, value.cue, value.quoted, about, cites, in_sentence(s)))
    return tuple(claims)


def to_extraction(article: Article, doc: Doc) -> Extraction:
    """The records of one processed Doc; spaCy objects never leave this module."""
    aid, text = article.id, article.text
    sentences = tuple(Sentence(aid, i, s, e) for i, (s, e, _) in enumerate(results(doc, "sentences")))
    starts = sorted(s.start for s in sentences)

    def in_sentence(offset: int) -> int:
        return sentence_index(starts, offset)

    entities = _entities(doc, article, in_sentence)
    label_of = types_by_name((entity.type, entity.name) for entity in entities)
    dates = tuple(
        DateMention(aid, s, e, text[s:e], v.value, tuple(v.interval) if v.interval else None, v.kind, in_sentence(s))
        for s, e, v in results(doc, "dates")
    )
    figures = _figures(doc, article, label_of, in_sentence)
    claims = _claims(doc, article, entities, figures, in_sentence)
    return Extraction(article, sentences, entities, figures, dates, claims)


def _published(article: Article) -> dt.date | None:
    return dt.date.fromisoformat(article.published) if article.published else None


def extract(articles: Iterable[Article], nlp: Language | None = None,
            batch_size: int = 16) -> Iterator[Extraction]:
    """Run the pipeline over articles through ``nlp.pipe``, in order, one Extraction each."""
    nlp = nlp or build_nlp()

    def docs() -> Iterator[tuple[Doc, Article]]:
        for article in articles:
            check_length(article)
            doc = nlp.make_doc(article.text)
            doc._.published = _published(article)
            yield doc, article

    for doc, article in nlp.pipe(docs(), as_tuples=True, batch_size=batch_size):
        yield to_extraction(article, doc)


__all__ = ["MAX_ARTICLE_CHARS", "ArticleTooLong", "PipelineOptions", "build_nlp", "extract", "to_extraction"]
