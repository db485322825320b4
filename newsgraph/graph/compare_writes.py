"""Keeps AGREES_WITH / DISAGREES_WITH and Figure.sources exact as articles come and go.

Runs inside the transaction that writes a batch. Only the quantities the batch touches are read
(a key lookup on :Quantity, then its figures), so the cost grows with the batch and the size of
those quantities, not with the graph. A replaced or removed article's figures are deleted with
their comparisons (DETACH DELETE); the figures left in its quantities get their `sources` again.
"""
from __future__ import annotations

from typing import Iterable

from . import cypher
from .batches import chunks, unwind
from .compare import Reading, compare_group, source_counts
from .store import Run

KEYS_PER_QUERY = 500


def _chunks(items: list, size: int = KEYS_PER_QUERY):
    return chunks(items, size)


def _unwind(run: Run, query: str, rows: list[dict]) -> None:
    unwind(run, query, rows, KEYS_PER_QUERY)


def quantities_of_articles(run: Run, article_ids: Iterable[str]) -> set[str]:
    """The quantity keys the figures of these (about to be deleted) articles measure."""
    ids = sorted(set(article_ids))
    return {row["key"] for chunk in _chunks(ids) for row in run(cypher.QUANTITIES_OF_ARTICLES, {"ids": chunk})}


def write_quantities(run: Run, rows: dict) -> None:
    _unwind(run, cypher.MERGE_QUANTITIES, rows.get("quantities", []))
    links = {(row["id"], row["key"]): row for row in rows.get("figure_quantities", [])}  # a document twice
    _unwind(run, cypher.CREATE_FIGURE_QUANTITIES, [links[pair] for pair in sorted(links)])


def _per_quantity(run: Run, queries: dict[str, str], dialect: str, keys: list[str]) -> list[dict]:
    """Rows of a per-quantity query: one query per key on the embedded store, batches on Neo4j."""
    if dialect == "embedded":
        return [row for key in keys for row in run(queries[dialect], {"key": key})]
    return [row for chunk in _chunks(keys) for row in run(queries[dialect], {"keys": chunk})]


def _readings(run: Run, dialect: str, keys: list[str]) -> dict[str, list[Reading]]:
    groups: dict[str, list[Reading]] = {}
    for row in _per_quantity(run, cypher.QUANTITY_FIGURES, dialect, keys):
        if row["value"] is None:
            continue
        groups.setdefault(row["key"], []).append(Reading(
            id=row["id"], article_id=row["article_id"], text=row["text"] or "", value=row["value"],
            unit=row["unit"], qualifier=row["qualifier"], direction=row["direction"], high=row["high"],
        ))
    return groups


def refresh_comparisons(run: Run, rows: dict, stale_keys: Iterable[str], dialect: str) -> None:
    """Compare the batch's figures with the figures already stored for the same quantities, then
    recount `sources` in every quantity the batch added to or removed from.

    `sources` comes from the rule applied to every pair of articles in the quantity, which gives
    exactly the stored AGREES_WITH edges (each was made by the same rule from the same figures)
    without reading them back: the embedded store scans relationships for that query."""
    new_articles = {row["id"] for row in rows.get("articles", [])}
    keys = sorted({row["key"] for row in rows.get("quantities", [])} | set(stale_keys))
    if not keys:
        return
    groups = _readings(run, dialect, keys)
    agree, disagree, counts = [], [], {}
    for key in sorted(groups):
        article_of = {r.id: r.article_id for r in groups[key]}
        comparisons = compare_group(groups[key], set(article_of.values()))
        counts.update(source_counts(article_of, [(c.source, c.target) for c in comparisons if c.agrees]))
        for comparison in comparisons:
            if not {article_of[comparison.source], article_of[comparison.target]} & new_articles:
                continue  # stored when the later of its two articles was written
            if comparison.agrees:
                agree.append({"source": comparison.source, "target": comparison.target})
            else:
                disagree.append({"source": comparison.source, "target": comparison.target,
                                 "difference": comparison.difference, "ratio": comparison.ratio})
    _unwind(run, cypher.CREATE_AGREEMENTS, agree)
    _unwind(run, cypher.CREATE_DISAGREEMENTS[dialect], disagree)
    _unwind(run, cypher.SET_SOURCES, [{"id": id_, "sources": n} for id_, n in sorted(counts.items())])
    empty = sorted(set(stale_keys) - set(groups))
    for chunk in _chunks(empty):
        run(cypher.DELETE_EMPTY_QUANTITIES, {"keys": chunk})
