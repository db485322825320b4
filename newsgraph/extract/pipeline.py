"""build_nlp() and extract(): Articles -> Extraction records."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import components  # noqa: F401  (registers the factories)
from . import segmenter  # noqa: F401  (registers the tokenizer)
from .components.spans import PUBLISHED, results
from .records import Article, Claim, DateMention, Entity, Extraction, Figure, Mention, Role, Sentence

PIPE_NAMES = ("newsgraph_sentences", "newsgraph_entities", "newsgraph_dates",
              "newsgraph_figures", "newsgraph_claims")


@dataclass(frozen=True)
class PipelineOptions:
    user_dicts: tuple[str, ...] = ()   # jieba user dictionaries
    aliases: tuple[str, ...] = ()      # alias files: canonical<TAB>type<TAB>alias|alias
    use_ner: bool = True
    ner_model: str | None = None


def build_nlp(options: PipelineOptions = PipelineOptions()) -> Language:
    for path in options.user_dicts + options.aliases:
        if not Path(path).is_file():
            raise FileNotFoundError(f"{path}: no such dictionary file")
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {
        "@tokenizers": "newsgraph.jieba_tokenizer.v1", "user_dicts": list(options.user_dicts)}}})
    nlp.add_pipe("newsgraph_sentences")
    nlp.add_pipe("newsgraph_entities", config={
        "aliases": list(options.aliases), "use_ner": options.use_ner, "ner_model": options.ner_model})
    nlp.add_pipe("newsgraph_dates")
    nlp.add_pipe("newsgraph_figures")
    nlp.add_pipe("newsgraph_claims")
    return nlp


def _inside(start: int, end: int, outer_start: int, outer_end: int) -> bool:
    return outer_start <= start and end <= outer_end


def to_extraction(article: Article, doc: Doc) -> Extraction:
    """The records of one processed Doc; spaCy objects never leave this module."""
    aid, text = article.id, article.text
    sentences = tuple(Sentence(aid, i, s, e) for i, (s, e, _) in enumerate(results(doc, "sentences")))

    roles_by_person: dict[str, list[Role]] = {}
    for start, end, role in results(doc, "roles"):
        roles_by_person.setdefault(role.person, []).append(
            Role(role.person, role.org, role.title, aid, start, end, text[start:end]))
    entities = tuple(
        Entity(
            type=resolved.type, name=resolved.name,
            aliases=tuple(sorted({text[s:e] for s, e, *_ in resolved.mentions})),
            mentions=tuple(Mention(aid, s, e, text[s:e]) for s, e, *_ in sorted(resolved.mentions)),
            roles=tuple(roles_by_person.get(resolved.name, ())) if resolved.type == "Person" else (),
        )
        for resolved in sorted(doc.user_data.get("newsgraph:resolved", []), key=lambda r: (r.type, r.name))
    )
    type_of = {entity.name: entity.type for entity in entities}

    dates = tuple(
        DateMention(aid, s, e, text[s:e], v.value, tuple(v.interval) if v.interval else None, v.kind)
        for s, e, v in results(doc, "dates")
    )

    found = results(doc, "figures")
    ids = [f"{aid}:{s}-{e}" for s, e, _ in found]
    figures = tuple(
        Figure(aid, s, e, text[s:e], v.value, v.unit, v.qualifier, v.direction, v.high, v.vague,
               a.measure, a.subject, a.period, ids[a.change_of] if a.change_of is not None else None)
        for s, e, (v, a) in found
    )

    mentions = [(s, e, m) for s, e, m in results(doc, "entities")]
    claims = []
    for s, e, value in results(doc, "claims"):
        about = tuple(dict.fromkeys(
            f"{m.type}:{m.name}" for ms, me, m in mentions
            if _inside(ms, me, s, e) and m.name != value.speaker))
        cites = tuple(f.id for f in figures if _inside(f.start, f.end, s, e))
        speaker_type = type_of.get(value.speaker) or value.speaker_type  # the rule's hint for untagged names
        claims.append(Claim(aid, s, e, text[s:e], value.speaker, speaker_type,
                            value.cue, value.quoted, about, cites))
    return Extraction(article, sentences, entities, figures, dates, tuple(claims))


def extract(articles: Iterable[Article], nlp: Language | None = None,
            batch_size: int = 16) -> Iterator[Extraction]:
    """Run the pipeline over articles, in order, one Extraction each."""
    nlp = nlp or build_nlp()

    def docs() -> Iterator[tuple[Doc, Article]]:
        for article in articles:
            doc = nlp.make_doc(article.text)
            doc.user_data[PUBLISHED] = article.published
            yield doc, article

    for doc, article in nlp.pipe(docs(), as_tuples=True, batch_size=batch_size):
        yield to_extraction(article, doc)


__all__ = ["PIPE_NAMES", "PipelineOptions", "build_nlp", "extract", "to_extraction"]
