"""What the components pass each other: typed Doc extensions, registered once, here.

Rule results keep their exact character offsets (the provenance of every record) in
``doc._.<name>`` as ``[(start, end, payload)]`` sorted as the rule returned them;
``doc.spans[<name>]`` gets token-aligned views of them for spaCy users. Each component declares
the extensions it ``requires`` and ``assigns`` (see ``nlp.analyze_pipes()``).

    extension           payload                                  assigned by
    doc._.text          str (not a list): doc.text, kept         the tokenizer (text_of)
    doc._.published     datetime.date | None (not a list)        extract(), before the pipeline
    doc._.sentences     None                                     newsgraph_sentences
    doc._.mentions      EntityMention(type, name)                newsgraph_entities
    doc._.resolved      [rules.resolve.ResolvedEntity] (no offsets) newsgraph_entities
    doc._.roles         rules.entities.Role                      newsgraph_entities
    doc._.dates         rules.dates.DateValue                    newsgraph_dates
    doc._.figures       (FigureValue, Attribution)               newsgraph_figures
    doc._.claims        rules.claims.ClaimValue                  newsgraph_claims
"""
from __future__ import annotations

from typing import Any, Sequence

import numpy
from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc

RESULTS = ("sentences", "mentions", "roles", "dates", "figures", "claims")
EXTENSIONS = ("text", "published", "resolved") + RESULTS

for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def attr(name: str) -> str:
    """The name of an extension as components declare it in ``requires`` / ``assigns``."""
    assert name in EXTENSIONS, name
    return f"doc._.{name}"


def text_of(doc: Doc) -> str:
    """The Doc's text. ``doc.text`` joins every token's text each time it is read (when every
    component read it, a fifth of the pipeline's time): it is kept on the Doc instead."""
    if doc._.text is None:
        doc._.text = doc.text
    return doc._.text


def token_bounds(doc: Doc) -> numpy.ndarray:
    """(start, end) character offsets of every token, read from the Doc's arrays without making
    a Token object per token."""
    bounds = doc.to_array([IDX, LENGTH]).reshape(-1, 2).astype("int64")
    bounds[:, 1] += bounds[:, 0]
    return bounds


def write_results(doc: Doc, group: str, results: Sequence[tuple[int, int, Any]],
                  label_of=lambda payload: "") -> None:
    setattr(doc._, group, list(results))
    aligned = []
    for start, end, payload in results:
        span = doc.char_span(start, end, label=label_of(payload), alignment_mode="expand")
        if span is not None:
            aligned.append(span)
    doc.spans[group] = aligned


def results(doc: Doc, group: str) -> list[tuple[int, int, Any]]:
    return getattr(doc._, group) or []
