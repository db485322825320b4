"""Keeps AGREES_WITH / DISAGREES_WITH and Figure.sources exact as articles come and go.

Runs inside the transaction that writes a batch. Only the quantities the batch touches are read
(a key lookup on :Quantity, then its figures), so the cost grows with the batch and the size of
those quantities, not with the graph. A replaced or removed article's figures are deleted with
their comparisons (DETACH DELETE); the figures left in its quantities get their `sources` again.
"""
from __future__ import annotations

from typing import Iterable

from . import cypher
from .compare import Reading, compare_group, source_counts
from .store import Run

KEYS_PER_QUERY = 500


def _chunks(items: list, size: int = KEYS_PER_QUERY):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _unwind(run: Run, query: str, rows: list[dict]) -> None:
    for chunk in _chunks(rows):
        run(query, {"rows": chunk})


def quantities_of_articles(run: Run, article_ids: Iterable[str]) -> set[str]:
    """The quantity keys the figures of these (about to be deleted) articles measure."""
    ids = sorted(set(article_ids))
    return {row["key"] for chunk in _chunks(ids) for row in run(cypher.QUANTITIES_OF_ARTICLES, {"ids": chunk})}


def write_quantities(run: Run, rows: dict) -> None:
    _unwind(run, cypher.MERGE_QUANTITIES, rows.get("quantities", []))
    _unwind(run, cypher.MERGE_FIGURE_QUANTITIES, rows.get("figure_quantities", []))


def _readings(run: Run, keys: list[str]) -> dict[str, list[Reading]]:
    groups: dict[str, list[Reading]] = {}
    for chunk in _chunks(keys):
        for row in run(cypher.QUANTITY_FIGURES, {"keys": chunk}):
            if row["value"] is None:
                continue
            groups.setdefault(row["key"], []).append(Reading(
                id=row["id"], article_id=row["article_id"], text=row["text"] or "", value=row["value"],
                unit=row["unit"], qualifier=row["qualifier"], direction=row["direction"], high=row["high"],
            ))
    return groups


def refresh_comparisons(run: Run, rows: dict, stale_keys: Iterable[str], dialect: str) -> None:
    """Compare the batch's figures with the figures already stored for the same quantities, then
    recount `sources` in every quantity the batch added to or removed from."""
    new_articles = {row["id"] for row in rows.get("articles", [])}
    keys = sorted({row["key"] for row in rows.get("quantities", [])} | set(stale_keys))
    if not keys:
        return
    groups = _readings(run, keys)
    agree, disagree = [], []
    for key in sorted(groups):
        for comparison in compare_group(groups[key], new_articles):
            if comparison.agrees:
                agree.append({"source": comparison.source, "target": comparison.target})
            else:
                disagree.append({"source": comparison.source, "target": comparison.target,
                                 "difference": comparison.difference, "ratio": comparison.ratio})
    _unwind(run, cypher.MERGE_AGREEMENTS, agree)
    _unwind(run, cypher.MERGE_DISAGREEMENTS[dialect], disagree)

    figures = {r.id: r.article_id for group in groups.values() for r in group}
    pairs = [(row["source"], row["target"]) for chunk in _chunks(keys)
             for row in run(cypher.QUANTITY_AGREEMENTS, {"keys": chunk})]
    counts = source_counts(figures, pairs)
    _unwind(run, cypher.SET_SOURCES, [{"id": id_, "sources": n} for id_, n in counts.items()])
    empty = sorted(set(stale_keys) - set(groups))
    for chunk in _chunks(empty):
        run(cypher.DELETE_EMPTY_QUANTITIES, {"keys": chunk})
