"""Extraction records -> rows for the write queries, per label as schema.NODES lists properties.

Pure functions: no store, no I/O. Every row is keyed deterministically (article id, normalized
entity name, "article_id:start-end"), so writing the same rows twice changes nothing. A node row
takes every property of its label from the record field of the same name (references as their
names), the few listed in ``_COLUMNS`` from elsewhere; a new record field that the schema lists
reaches the row with no edit here.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any, Callable, Iterable

from ..model import Claim, DateMention, EntityRef, Extraction, Figure, Sentence
from .compare import quantity_key, quantity_name
from .schema import ENTITY_LABELS, NODES, OWNER_LABELS, ROLE_ORG_LABELS, SPEAKER_LABELS, entity_name

CAPTION_CHARS = 40
SOURCE_LABEL = "Organization"  # named sources that are not entities (媒体报道) become organizations

Rows = dict[str, Any]

# What identifies a relationship each kind of row writes (the fields its MERGE pattern matches on):
# a batch keeps one row per identity, the last, as MERGE followed by SET leaves it. So the embedded
# store can CREATE these relationships (cypher._links_per_store) and give Neo4j's graph.
RELATIONSHIP_IDENTITIES = {
    "mentions": ("article_id", "key", "start_char"),
    "date_references": ("sentence_id", "period", "start_char"),
    "figure_owners": ("id", "key"),
    "figure_periods": ("id", "period"),
    "figure_changes": ("id", "base"),
    "speakers": ("id", "key"),
    "claim_topics": ("id", "key"),
    "claim_citations": ("id", "figure"),
    "roles": ("person", "org", "title", "article_id", "start_char"),
}


def caption(text: str, limit: int = CAPTION_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# Node properties named otherwise on the records: property -> record field.
RENAMED = {"start_char": "start", "end_char": "end", "position": "index"}
# Node properties no record field gives: label -> {property: how it is computed}.
_COMPUTED: dict[str, dict[str, Callable[[Any], Any]]] = {
    "Figure": {"name": lambda f: f.text},
    "Claim": {"name": lambda c: caption(c.text)},
}
NOT_FROM_RECORDS = {"Figure": ("sources",)}  # set by the write query (graph/compare.py counts them)


def _plain(value: Any) -> Any:
    return value.name if isinstance(value, EntityRef) else value


def node_row(label: str, record: Any, **given: Any) -> dict[str, Any]:
    """The properties schema.NODES lists for ``label``, from the record (or ``given``), plus the
    other ``given`` columns (the keys of relationships the write query makes)."""
    computed, row = _COMPUTED.get(label, {}), dict(given)
    for prop in NODES[label][1]:
        if prop in given or prop in NOT_FROM_RECORDS.get(label, ()):
            continue
        if prop in computed:
            row[prop] = computed[prop](record)
        else:
            row[prop] = _plain(getattr(record, RENAMED.get(prop, prop)))
    return row


def _label(kind: str | None, allowed: tuple[str, ...], where: str) -> str:
    if kind not in allowed:
        raise ValueError(f"{where}: type {kind!r} is not one of {', '.join(allowed)}")
    return kind


class _ArticleRows:
    """The rows of one extraction, built a kind of record at a time."""

    def __init__(self, x: Extraction, extractor: str):
        self.x, self.extractor = x, extractor
        self.article_id = x.article.id
        self.where = x.article.path or x.article.id
        self.rows: Rows = defaultdict(list)
        self.periods: dict[str, dict] = {}
        self.quantities: dict[str, dict] = {}

    def sentence_id(self, record: Figure | Claim | DateMention) -> str:
        return f"{self.article_id}:s{record.sentence}"

    def period(self, value: str | None, interval: tuple[str, str] | None) -> str | None:
        if not value:
            return None
        first, last = interval if interval else (None, None)
        self.periods.setdefault(value, {"key": value, "first_day": first, "last_day": last})
        return value

    def article(self) -> None:
        a, text = self.x.article, self.x.article.text
        self.rows["articles"].append(node_row("Article", a, name=a.title or self.where, extractor=self.extractor))
        sentences = self.x.sentences or (Sentence(self.article_id, 0, 0, len(text)),)
        for s in sorted(sentences, key=lambda s: s.start):
            self.rows["sentences"].append(node_row("Sentence", s, text=text[s.start:s.end],
                                                   name=caption(text[s.start:s.end])))

    def entities(self) -> None:
        for entity in self.x.entities:
            label = _label(entity.type, ENTITY_LABELS, f"{self.where}: entity {entity.name!r}")
            self.rows[f"entities:{label}"].append({"key": entity.key, "name": entity_name(entity.name)})
            for m in entity.mentions:
                self.rows[f"mentions:{label}"].append({
                    "article_id": self.article_id, "key": entity.key, "start_char": m.start,
                    "end_char": m.end, "text": m.text, "sentence": m.sentence,
                })

    def dates(self) -> None:
        for date in self.x.dates:
            key = self.period(date.value, date.interval)
            if key:
                self.rows["date_references"].append({
                    "sentence_id": self.sentence_id(date), "period": key, "start_char": date.start,
                    "end_char": date.end, "text": date.text, "kind": date.kind,
                })

    def figures(self) -> None:
        measures_by_id = {f.id: f.measure for f in self.x.figures}
        for figure in self.x.figures:
            owner = figure.subject.type if figure.subject and figure.subject.type in OWNER_LABELS else None
            quantity = quantity_key(
                owner=f"{owner}:{figure.subject.key}" if owner else None, measure=figure.measure,
                period=figure.period, unit=figure.unit, qualifier=figure.qualifier, vague=figure.vague,
                value=figure.value, base_measure=measures_by_id.get(figure.change_of),
            )
            self.rows["figures"].append(node_row("Figure", figure, sentence_id=self.sentence_id(figure),
                                                 quantity=quantity))
            if quantity:
                self.quantities.setdefault(quantity, {"key": quantity, "name": quantity_name(quantity)})
                self.rows["figure_quantities"].append({"id": figure.id, "key": quantity})
            if owner:
                self.rows[f"figure_owners:{owner}"].append({"id": figure.id, "key": figure.subject.key})
            key = self.period(figure.period, figure.period_interval)
            if key:
                self.rows["figure_periods"].append({"id": figure.id, "period": key})
            if figure.change_of:
                self.rows["figure_changes"].append({"id": figure.id, "base": figure.change_of})

    def claims(self) -> None:
        names = {entity.name for entity in self.x.entities}
        for claim in self.x.claims:
            self.rows["claims"].append(node_row("Claim", claim, sentence_id=self.sentence_id(claim)))
            speaker = claim.speaker
            label = (speaker.type or SOURCE_LABEL) if speaker else None
            if label in SPEAKER_LABELS:
                if speaker.name not in names:  # a named source, or a person the tagger missed
                    self.rows[f"entities:{label}"].append({"key": speaker.key, "name": entity_name(speaker.name)})
                self.rows[f"speakers:{label}"].append({"id": claim.id, "key": speaker.key})
            for topic in claim.about:
                if topic.type in ENTITY_LABELS:
                    self.rows[f"claim_topics:{topic.type}"].append({"id": claim.id, "key": topic.key})
            for figure_id in claim.cites:
                self.rows["claim_citations"].append({"id": claim.id, "figure": figure_id})

    def roles(self) -> None:
        for entity in self.x.entities:
            for role in entity.roles:
                if role.org is None or role.org.type not in ROLE_ORG_LABELS or role.person.type != "Person":
                    continue
                self.rows[f"roles:{role.org.type}"].append({
                    "person": role.person.key, "org": role.org.key, "title": role.title,
                    "article_id": self.article_id, "start_char": role.start, "end_char": role.end,
                    "text": role.text,
                })


def article_rows(x: Extraction, extractor: str) -> Rows:
    """One extraction -> rows grouped by the query that writes them."""
    built = _ArticleRows(x, extractor)
    built.article()
    built.entities()
    built.dates()
    built.figures()
    built.rows["periods"].extend(built.periods.values())
    built.rows["quantities"].extend(built.quantities.values())
    built.claims()
    built.roles()
    return dict(built.rows)


def _unique_relationships(name: str, rows: list[dict]) -> list[dict]:
    """The last row of each relationship identity, in the order identities first appear."""
    fields = RELATIONSHIP_IDENTITIES.get(name.split(":")[0])
    if fields is None:
        return rows
    unique = {tuple(row[f] for f in fields): row for row in rows}
    return rows if len(unique) == len(rows) else list(unique.values())


def batch_rows(extractions: Iterable[Extraction], extractor: str) -> Rows:
    """Rows of several extractions, concatenated per query; entities, periods and quantities
    de-duplicated by key, relationships by RELATIONSHIP_IDENTITIES."""
    merged: Rows = defaultdict(list)
    for x in extractions:
        for name, items in article_rows(x, extractor).items():
            merged[name].extend(items)
    for name in [n for n in merged if n.startswith("entities:")] + ["periods", "quantities"]:
        unique = {row["key"]: row for row in merged.get(name, [])}
        merged[name] = [unique[k] for k in sorted(unique)]
    return {name: _unique_relationships(name, items) for name, items in merged.items()}
