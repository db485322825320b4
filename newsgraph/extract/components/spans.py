"""Writing rule results onto a Doc.

Rule results keep their exact character offsets (the provenance of every record) in
``doc.user_data``; ``doc.spans[group]`` gets token-aligned views of them for spaCy users.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Sequence

from spacy.tokens import Doc

PUBLISHED = "newsgraph:published"


def results_key(group: str) -> str:
    return f"newsgraph:{group}"


def write_results(doc: Doc, group: str, results: Sequence[tuple[int, int, Any]],
                  label_of=lambda payload: "") -> None:
    doc.user_data[results_key(group)] = list(results)
    spans = []
    for start, end, payload in results:
        span = doc.char_span(start, end, label=label_of(payload), alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[group] = spans


def results(doc: Doc, group: str) -> list[tuple[int, int, Any]]:
    return doc.user_data.get(results_key(group), [])


def published(doc: Doc) -> dt.date | None:
    """The article's publication date: what relative dates resolve against."""
    value = doc.user_data.get(PUBLISHED)
    return dt.date.fromisoformat(value) if value else None
