"""Extraction documents (the `newsgraph extract` JSON contract) -> rows for the write queries.

Pure functions: no store, no I/O. Every row is keyed deterministically (article id, normalized
entity name, "article_id:start-end"), so writing the same rows twice changes nothing.
"""
from __future__ import annotations

import bisect
import hashlib
import json
from collections import defaultdict
from typing import Any, Iterable

from .compare import quantity_key, quantity_name
from .schema import ENTITY_LABELS, OWNER_LABELS, ROLE_ORG_LABELS, SPEAKER_LABELS, entity_key, entity_name

CAPTION_CHARS = 40
SOURCE_LABEL = "Organization"  # named sources that are not entities (媒体报道) become organizations

Rows = dict[str, Any]


FINGERPRINT_KEYS = ("text", "title", "published", "source", "author", "url", "fictional")


def article_fingerprint(article: dict) -> str:
    """What an article's facts depend on: its text and metadata (an edited date re-extracts)."""
    basis = json.dumps({k: article.get(k) for k in FINGERPRINT_KEYS}, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()


def caption(text: str, limit: int = CAPTION_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Sentences:
    def __init__(self, article_id: str, text: str, spans: list[dict]):
        self.article_id = article_id
        self.spans = sorted((s["start"], s["end"]) for s in spans) or [(0, len(text))]
        self.starts = [start for start, _ in self.spans]

    def index_of(self, offset: int) -> int:
        return max(bisect.bisect_right(self.starts, offset) - 1, 0)

    def id_of(self, offset: int) -> str:
        return f"{self.article_id}:s{self.index_of(offset)}"


def _fact_id(article_id: str, item: dict) -> str:
    return item.get("id") or f"{article_id}:{item['start']}-{item['end']}"


def _label(kind: str | None, allowed: tuple[str, ...], where: str) -> str:
    if kind not in allowed:
        raise ValueError(f"{where}: type {kind!r} is not one of {', '.join(allowed)}")
    return kind


def article_rows(doc: dict, extractor: str) -> Rows:
    """One extraction document -> rows grouped by the query that writes them."""
    article = doc["article"]
    article_id = article["id"]
    text = article.get("text")
    if text is None:
        raise ValueError(f"{article.get('path') or article_id}: the document has no article text")
    where = article.get("path") or article_id
    sentences = _Sentences(article_id, text, doc.get("sentences", []))
    rows: Rows = defaultdict(list)

    rows["articles"].append({
        "id": article_id, "name": article.get("title") or where, "title": article.get("title"),
        "published": article.get("published"), "source": article.get("source"),
        "author": article.get("author"), "url": article.get("url"), "path": article.get("path"),
        "text": text, "extractor": extractor, "fictional": bool(article.get("fictional", False)),
        "source_path": article.get("source_path"), "fingerprint": article_fingerprint(article),
    })
    for index, (start, end) in enumerate(sentences.spans):
        rows["sentences"].append({
            "id": f"{article_id}:s{index}", "article_id": article_id, "position": index,
            "start_char": start, "end_char": end, "text": text[start:end],
            "name": caption(text[start:end]),
        })

    labels_by_name: dict[str, str] = {}
    for entity in doc.get("entities", []):
        label = _label(entity.get("type"), ENTITY_LABELS, f"{where}: entity {entity.get('name')!r}")
        key = entity_key(entity["name"])
        labels_by_name.setdefault(entity["name"], label)
        rows[f"entities:{label}"].append({"key": key, "name": entity_name(entity["name"])})
        for mention in entity.get("mentions", []):
            rows[f"mentions:{label}"].append({
                "article_id": article_id, "key": key, "start_char": mention["start"],
                "end_char": mention["end"], "text": mention["text"],
                "sentence": sentences.index_of(mention["start"]),
            })

    periods: dict[str, dict] = {}
    quantities: dict[str, dict] = {}

    def period(value: str | None, interval: list | tuple | None) -> str | None:
        if not value:
            return None
        first, last = interval if interval else (None, None)
        periods.setdefault(value, {"key": value, "first_day": first, "last_day": last})
        return value

    for date in doc.get("dates", []):
        key = period(date.get("value"), date.get("interval"))
        if key:
            rows["date_references"].append({
                "sentence_id": sentences.id_of(date["start"]), "period": key,
                "start_char": date["start"], "end_char": date["end"], "text": date["text"],
                "kind": date.get("kind"),
            })

    measures_by_id = {_fact_id(article_id, f): f.get("measure") for f in doc.get("figures", [])}
    for figure in doc.get("figures", []):
        figure_id = _fact_id(article_id, figure)
        subject = figure.get("subject")
        owner = labels_by_name.get(subject) if subject else None
        quantity = quantity_key(
            owner=f"{owner}:{entity_key(subject)}" if owner in OWNER_LABELS else None,
            measure=figure.get("measure"), period=figure.get("period"), unit=figure.get("unit"),
            qualifier=figure.get("qualifier"), vague=bool(figure.get("vague", False)),
            value=figure.get("value"), base_measure=measures_by_id.get(figure.get("change_of")),
        )
        rows["figures"].append({
            "id": figure_id, "article_id": article_id, "sentence_id": sentences.id_of(figure["start"]),
            "name": figure["text"], "text": figure["text"], "start_char": figure["start"],
            "end_char": figure["end"], "value": figure.get("value"),
            "unit": figure.get("unit"), "qualifier": figure.get("qualifier"),
            "direction": figure.get("direction"), "high": figure.get("high"),
            "vague": bool(figure.get("vague", False)), "measure": figure.get("measure"),
            "subject": figure.get("subject"), "period": figure.get("period"), "quantity": quantity,
        })
        if quantity:
            quantities.setdefault(quantity, {"key": quantity, "name": quantity_name(quantity)})
            rows["figure_quantities"].append({"id": figure_id, "key": quantity})
        if owner in OWNER_LABELS:
            rows[f"figure_owners:{owner}"].append({"id": figure_id, "key": entity_key(subject)})
        key = period(figure.get("period"), figure.get("period_interval"))
        if key:
            rows["figure_periods"].append({"id": figure_id, "period": key})
        if figure.get("change_of"):
            rows["figure_changes"].append({"id": figure_id, "base": figure["change_of"]})
    rows["periods"].extend(periods.values())
    rows["quantities"].extend(quantities.values())

    for claim in doc.get("claims", []):
        claim_id = _fact_id(article_id, claim)
        rows["claims"].append({
            "id": claim_id, "article_id": article_id, "sentence_id": sentences.id_of(claim["start"]),
            "name": caption(claim["text"]), "text": claim["text"], "start_char": claim["start"],
            "end_char": claim["end"], "speaker": claim.get("speaker"), "cue": claim.get("cue"),
            "quoted": bool(claim.get("quoted", False)),
        })
        speaker = claim.get("speaker")
        if speaker:
            label = claim.get("speaker_type") or labels_by_name.get(speaker) or SOURCE_LABEL
            if label in SPEAKER_LABELS:
                if speaker not in labels_by_name:  # a named source, or a person the tagger missed
                    rows[f"entities:{label}"].append({"key": entity_key(speaker), "name": entity_name(speaker)})
                rows[f"speakers:{label}"].append({"id": claim_id, "key": entity_key(speaker)})
        for topic in claim.get("about", []):
            label = labels_by_name.get(topic["name"]) or topic.get("type")
            if label in ENTITY_LABELS:
                rows[f"claim_topics:{label}"].append({"id": claim_id, "key": entity_key(topic["name"])})
        for figure_id in claim.get("cites", []):
            rows["claim_citations"].append({"id": claim_id, "figure": figure_id})

    for relation in doc.get("relations", []):
        if relation.get("type") != "HOLDS_ROLE" or not relation.get("subject") or not relation.get("object"):
            continue
        org_label = labels_by_name.get(relation["object"], "Company")
        if org_label not in ROLE_ORG_LABELS or labels_by_name.get(relation["subject"]) != "Person":
            continue
        rows[f"roles:{org_label}"].append({
            "person": entity_key(relation["subject"]), "org": entity_key(relation["object"]),
            "title": relation.get("title") or "", "article_id": article_id,
            "start_char": relation.get("start"), "end_char": relation.get("end"),
            "text": relation.get("text"),
        })
    return dict(rows)


def batch_rows(docs: Iterable[dict], extractor: str) -> Rows:
    """Rows of several documents, concatenated per query, entities de-duplicated by key."""
    merged: Rows = defaultdict(list)
    for doc in docs:
        for name, items in article_rows(doc, extractor).items():
            merged[name].extend(items)
    for name in [n for n in merged if n.startswith("entities:")] + ["periods", "quantities"]:
        unique = {row["key"]: row for row in merged.get(name, [])}
        merged[name] = [unique[k] for k in sorted(unique)]
    return dict(merged)
