"""Extraction records -> the public `newsgraph extract` JSON contract (docs/extract-contract.md)."""
from __future__ import annotations

from typing import Any

from .rules.dates import interval_of
from ..model import Article, Extraction


def _number(value: float | int | None) -> float | int | None:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _interval(value: str | None) -> list[str] | None:
    interval = interval_of(value)
    return list(interval) if interval else None


def article_dict(a: Article, with_text: bool = False) -> dict[str, Any]:
    article: dict[str, Any] = {
        "id": a.id, "path": a.path, "title": a.title, "published": a.published,
        "source": a.source, "author": a.author, "url": a.url,
    }
    if a.fictional:
        article["fictional"] = True
    if a.editor:
        article["editor"] = a.editor
    if a.published_time:
        article["published_time"] = a.published_time
    if a.source_path:
        article["source_path"] = a.source_path
    if with_text:
        article["text"] = a.text
    return article


def to_document(extraction: Extraction, with_text: bool = False) -> dict[str, Any]:
    article = article_dict(extraction.article, with_text)
    relations = [
        {"subject": role.person, "type": "HOLDS_ROLE", "object": role.org, "title": role.title,
         "text": role.text, "start": role.start, "end": role.end}
        for entity in extraction.entities for role in entity.roles if role.org
    ]
    entities = []
    for e in extraction.entities:
        item: dict[str, Any] = {
            "type": e.type, "name": e.name, "aliases": list(e.aliases),
            "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in e.mentions],
        }
        if e.type == "Person":
            item["roles"] = list(dict.fromkeys(role.title for role in e.roles))
        entities.append(item)
    return {
        "article": article,
        "sentences": [{"start": s.start, "end": s.end} for s in extraction.sentences],
        "entities": entities,
        "figures": [
            {"id": f.id, "text": f.text, "start": f.start, "end": f.end, "value": _number(f.value),
             "unit": f.unit, "qualifier": f.qualifier, "measure": f.measure, "subject": f.subject,
             "period": f.period, "direction": f.direction, "high": _number(f.high), "vague": f.vague,
             "period_interval": _interval(f.period),
             "change_of": f.change_of, "compared_with": f.compared_with}
            for f in extraction.figures
        ],
        "dates": [
            {"text": d.text, "start": d.start, "end": d.end, "value": d.value,
             "interval": list(d.interval) if d.interval else None, "kind": d.kind}
            for d in extraction.dates
        ],
        "claims": [
            {"id": c.id, "speaker": c.speaker, "speaker_type": c.speaker_type, "cue": c.cue,
             "text": c.text, "start": c.start, "end": c.end, "quoted": c.quoted,
             "about": [{"type": key.split(":", 1)[0], "name": key.split(":", 1)[1]} for key in c.about],
             "cites": list(c.cites)}
            for c in extraction.claims
        ],
        "relations": relations,
    }
