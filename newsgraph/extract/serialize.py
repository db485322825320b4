"""Extraction records <-> the public `newsgraph extract` JSON contract (docs/extract-contract.md).

Both directions go over the dataclass fields, so a new record field is written and read back
with no edit here. Left out: ``article_id`` (the document's), and fields marked ``DERIVED`` in
model.py (recomputed on reading). What the contract spells differently from the records is
listed below: key order, references written as names, a claim speaker's type.
"""
from __future__ import annotations

from dataclasses import MISSING, fields, is_dataclass
from typing import Any, Callable

from ..model import (Article, Claim, DateMention, Entity, EntityRef, Extraction, Figure, Mention, Role, Sentence,
                     sentence_index, types_by_name)

# Keys written first, in this order (as the contract has always had them); any other field follows.
_KEY_ORDER: dict[type, tuple[str, ...]] = {
    Figure: ("id", "text", "start", "end", "value", "unit", "qualifier", "measure", "subject", "period",
             "direction", "high", "vague", "period_interval", "change_of", "compared_with"),
    DateMention: ("text", "start", "end", "value", "interval", "kind"),
    Claim: ("id", "speaker", "speaker_type", "cue", "text", "start", "end", "quoted", "about", "cites"),
}
# Article keys written even when empty; the others only when set; the text only on request.
_ARTICLE_ALWAYS = ("id", "path", "title", "published", "source", "author", "url")


def _contract_fields(cls: type) -> list[str]:
    return [f.name for f in fields(cls) if f.name != "article_id" and not f.metadata.get("derived")]


def _keys(cls: type) -> list[str]:
    first = _KEY_ORDER.get(cls, ())
    return list(first) + [name for name in _contract_fields(cls) if name not in first]


def _value(value: Any) -> Any:
    if isinstance(value, EntityRef):
        return value.name
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, tuple):
        return [_value(item) for item in value]
    if is_dataclass(value):
        return _record(value)
    return value


_WRITERS: dict[tuple[type, str], Callable[[Any], Any]] = {
    (Claim, "speaker_type"): lambda c: c.speaker.type if c.speaker else None,
    (Claim, "about"): lambda c: [{"type": ref.type, "name": ref.name} for ref in c.about],
    (Entity, "roles"): lambda e: list(dict.fromkeys(role.title for role in e.roles)),
}


def _record(record: Any) -> dict[str, Any]:
    cls, item = type(record), {}
    for key in _keys(cls):
        if cls is Entity and key == "roles" and record.type != "Person":
            continue
        write = _WRITERS.get((cls, key))
        item[key] = write(record) if write else _value(getattr(record, key))
    return item


def article_dict(a: Article, with_text: bool = False) -> dict[str, Any]:
    article: dict[str, Any] = {}
    for name in _contract_fields(Article):
        value = getattr(a, name)
        if name in _ARTICLE_ALWAYS or (value and name != "text"):
            article[name] = value
    if with_text:
        article["text"] = a.text
    return article


def to_document(extraction: Extraction, with_text: bool = False) -> dict[str, Any]:
    relations = [
        {"subject": role.person.name, "type": "HOLDS_ROLE", "object": role.org.name, "title": role.title,
         "text": role.text, "start": role.start, "end": role.end}
        for entity in extraction.entities for role in entity.roles if role.org
    ]
    return {
        "article": article_dict(extraction.article, with_text),
        "sentences": [{"start": s.start, "end": s.end} for s in extraction.sentences],
        "entities": [_record(e) for e in extraction.entities],
        "figures": [_record(f) for f in extraction.figures],
        "dates": [_record(d) for d in extraction.dates],
        "claims": [_record(c) for c in extraction.claims],
        "relations": relations,
    }


# --- reading a document back ----------------------------------------------------------------

class _Reader:
    """One document's context: its article id, sentence starts and the type each entity name has."""

    def __init__(self, document: dict, where: str):
        self.where = where
        self.article_id = document["article"]["id"]
        self.starts = sorted(s["start"] for s in document.get("sentences") or ())
        self.label_of = types_by_name((e.get("type"), e.get("name")) for e in document.get("entities") or ())

    def ref(self, name: str | None, type_: str | None = None) -> EntityRef | None:
        return EntityRef(type_ or self.label_of.get(name), name) if name else None

    def record(self, cls: type, item: dict, **given: Any) -> Any:
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name in given:
                values[f.name] = given[f.name]
            elif f.name == "article_id":
                values[f.name] = self.article_id
            elif f.name == "sentence":
                values[f.name] = sentence_index(self.starts, item["start"])
            elif f.name in item:
                values[f.name] = _tuples(item[f.name])
            elif f.name in _REQUIRED:
                raise ValueError(f"{self.where}: a {cls.__name__.lower()} has no {f.name!r}")
            elif f.default is MISSING:
                values[f.name] = None
        return cls(**values)


_REQUIRED = ("start", "end", "text", "name", "type")


def _tuples(value: Any) -> Any:
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


def _roles(reader: _Reader, relations: list[dict]) -> dict[str, list[Role]]:
    by_person: dict[str, list[Role]] = {}
    for r in relations:
        if r.get("type") == "HOLDS_ROLE" and r.get("subject") and r.get("object"):
            org = reader.ref(r["object"], reader.label_of.get(r["object"], "Company"))
            by_person.setdefault(r["subject"], []).append(reader.record(
                Role, {**r, "title": r.get("title") or ""}, person=reader.ref(r["subject"]), org=org))
    return by_person


def _held_roles(reader: _Reader, item: dict, related: list[Role], first: Mention) -> tuple[Role, ...]:
    """A person's roles in the order whose titles the document lists. A title without an
    organization has no relation, so no offsets in the contract: it is placed at the person's
    first mention."""
    pending, held = list(related), []
    known = {role.title for role in related}
    for title in item.get("roles") or ():
        if title not in known:
            held.append(Role(reader.ref(item["name"]), None, title, reader.article_id, first.start, first.end,
                             first.text))
            continue
        while pending:
            held.append(pending.pop(0))
            if held[-1].title == title:
                break
    return tuple(held + pending)


def _entity(reader: _Reader, item: dict, roles: dict[str, list[Role]]) -> Entity:
    mentions = tuple(reader.record(Mention, m) for m in item.get("mentions") or ())
    held: tuple[Role, ...] = ()
    if item.get("type") == "Person":
        first = mentions[0] if mentions else Mention(reader.article_id, 0, 0, "")
        held = _held_roles(reader, item, roles.get(item.get("name"), []), first)
    return reader.record(Entity, item, mentions=mentions, aliases=tuple(item.get("aliases") or ()), roles=held)


def from_document(document: dict) -> Extraction:
    """An extraction document (as `newsgraph extract --with-text` writes it) -> records. Raises
    ValueError naming the article when the document lacks what the records need."""
    data = document.get("article") or {}
    where = data.get("path") or data.get("id") or "<document>"
    if not isinstance(data.get("id"), str) or not isinstance(data.get("text"), str):
        raise ValueError(f"{where}: the document has no article {'text' if data.get('id') else 'id'}")
    reader = _Reader(document, where)
    article = Article(**{k: v for k, v in data.items() if k in {f.name for f in fields(Article)}})
    sentences = tuple(Sentence(article.id, i, s["start"], s["end"]) for i, s in enumerate(document.get("sentences") or ()))
    roles = _roles(reader, document.get("relations") or [])
    entities = tuple(_entity(reader, e, roles) for e in document.get("entities") or ())
    figures = tuple(reader.record(Figure, f, subject=reader.ref(f.get("subject")))
                    for f in document.get("figures") or ())
    dates = tuple(reader.record(DateMention, d) for d in document.get("dates") or ())
    claims = tuple(
        reader.record(Claim, {"quoted": False, **c},
                      speaker=reader.ref(c.get("speaker"), c.get("speaker_type")),
                      about=tuple(reader.ref(t["name"], t.get("type")) for t in c.get("about") or ()))
        for c in document.get("claims") or ())
    return Extraction(article, sentences, entities, figures, dates, claims)
