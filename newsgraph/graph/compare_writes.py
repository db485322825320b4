"""Keeps Values, their AGREES_WITH / DISAGREES_WITH and Value.sources exact as articles come and go.

Runs inside the transaction that writes a batch. A figure reports one Value of its quantity
(graph/compare.py); `sources` changes by the number of articles the batch adds to a Value or
takes from it. The edges are always compare.neighbour_comparisons over the stored Values: a Value
new to the graph or gone from it changes only the edges of the Values around it in value order,
so the batch reads those neighbourhoods (Neo4j: an index on quantity and value; the embedded
store: the writer's value orders, value_orders.py, read from the store once a quantity), and
writes only the edges that changed.
"""
from __future__ import annotations

import math
import os
from collections import defaultdict
from typing import Iterable

from . import cypher
from .batches import chunks, unwind
from .compare import (NEIGHBOURS, Comparison, Reading, Value, changed_keys, contiguous_runs,
                      neighbour_comparisons, order, value_caption, value_of)
from .shared_nodes import merge_shared
from .store import Run
from .value_orders import QuantityOrder, ValueOrders

KEYS_PER_QUERY = 500


def comparing() -> bool:
    """NEWSGRAPH_COMPARE=0 leaves comparison out of loading (Quantity, Value and their edges),
    for measuring what it costs; a graph loaded so has no comparisons."""
    return os.environ.get("NEWSGRAPH_COMPARE", "1") != "0"


def _chunks(items: list, size: int = KEYS_PER_QUERY):
    return chunks(items, size)


def _unwind(run: Run, query: str, rows: list[dict]) -> None:
    unwind(run, query, rows, KEYS_PER_QUERY)


def values_of_articles(run: Run, article_ids: Iterable[str]) -> list[dict]:
    """What the figures of these (about to be deleted) articles report: one row per article and
    Value ({article_id, key, quantity}), for refresh_comparisons to take them out."""
    ids = sorted(set(article_ids))
    if not comparing():
        return []
    return [row for chunk in _chunks(ids) for row in run(cypher.VALUES_OF_ARTICLES, {"ids": chunk})]


def write_quantities(run: Run, rows: dict, dialect: str) -> None:
    if not comparing():
        return
    merge_shared(run, "Quantity", cypher.MERGE_QUANTITIES, rows.get("quantities", []), dialect, KEYS_PER_QUERY)
    links = {(row["id"], row["key"]): row for row in rows.get("figure_quantities", [])}  # a document twice
    _unwind(run, cypher.CREATE_FIGURE_QUANTITIES, [links[pair] for pair in sorted(links)])


def _per_key(run: Run, queries: dict[str, str], dialect: str, keys: list[str]) -> list[dict]:
    """Rows of a per-key query: one query per key on the embedded store, batches on Neo4j."""
    if dialect == "embedded":
        return [row for key in keys for row in run(queries[dialect], {"key": key})]
    return [row for chunk in _chunks(keys) for row in run(queries[dialect], {"keys": chunk})]


def _stored(row: dict) -> Value:
    lower = -math.inf if row["lower"] is None else row["lower"]
    upper = math.inf if row["upper"] is None else row["upper"]
    return Value(row["key"], row["quantity"], row["value"], lower, upper)


def _finite(x: float) -> float | None:
    return x if math.isfinite(x) else None


def value_properties(value: Value, unit: str, sources: int) -> dict:
    """A Value node's properties, as the batched writer and the bulk path store them."""
    return {"key": value.key, "name": value_caption(value, unit), "quantity": value.quantity,
            "value": value.value, "lower": _finite(value.lower), "upper": _finite(value.upper),
            "unit": unit, "sources": sources}


def batch_values(rows: dict) -> tuple[dict[str, Value], dict[str, str], list[dict], dict[str, set[str]]]:
    """The Values the batch's figures report: (Values by key, their units, REPORTS rows, the
    articles of the batch reporting each Value)."""
    values: dict[str, Value] = {}
    units: dict[str, str] = {}
    reports: dict[str, dict] = {}
    articles: dict[str, set[str]] = defaultdict(set)
    for figure in rows.get("figures", []):
        if not figure.get("quantity") or figure.get("value") is None:
            continue
        reading = Reading(id=figure["id"], article_id=figure["article_id"], text=figure["text"] or "",
                          value=figure["value"], unit=figure["unit"], qualifier=figure["qualifier"],
                          direction=figure["direction"], high=figure["high"])
        value = value_of(figure["quantity"], reading)
        values[value.key], units[value.key] = value, figure["unit"]
        reports[figure["id"]] = {"id": figure["id"], "key": value.key}
        articles[value.key].add(figure["article_id"])
    return values, units, [reports[id_] for id_ in sorted(reports)], articles


def refresh_comparisons(run: Run, rows: dict, stale: Iterable[dict], dialect: str,
                        orders: ValueOrders | None = None) -> None:
    """Take the stale articles (already deleted, see values_of_articles) out of their Values,
    add the batch's figures to theirs, delete the Values no article reports any more, and
    re-link the neighbours of each Value that came or went (compare.neighbour_comparisons).
    The embedded store passes its value orders (``orders``), which this stages the batch's
    changes in; without them they are read from the store."""
    if not comparing():
        return
    values, units, reports, added = batch_values(rows)
    removed: dict[str, set[str]] = defaultdict(set)
    stale_quantities = set()
    for row in stale:
        removed[row["key"]].add(row["article_id"])
        stale_quantities.add(row["quantity"])
    keys = sorted(set(added) | set(removed))
    stored = {row["key"]: row for row in _per_key(run, cypher.STORED_VALUES, dialect, keys)}
    sources = {key: (stored[key]["sources"] if key in stored else 0) - len(removed[key]) + len(added[key])
               for key in keys}
    gone = [_stored(stored[key]) for key in sorted(stored) if sources[key] <= 0]
    _unwind_keys(run, cypher.DELETE_VALUES, [value.key for value in gone])
    _unwind(run, cypher.SET_VALUE_SOURCES, [{"key": key, "sources": sources[key]} for key in sorted(stored)
                                            if 0 < sources[key] != stored[key]["sources"]])
    new = [values[key] for key in sorted(values) if key not in stored]
    before = None
    if dialect == "embedded":
        orders = orders if orders is not None else ValueOrders()
        before = _orders_before(run, orders, [*new, *gone])
    _unwind(run, cypher.CREATE_VALUES[dialect], [value_properties(v, units[v.key], sources[v.key]) for v in new])
    _relink(run, new, gone, dialect, before, orders)
    _unwind(run, cypher.CREATE_REPORTS, reports)
    _unwind_keys(run, cypher.DELETE_EMPTY_QUANTITIES, sorted(stale_quantities))


def _unwind_keys(run: Run, query: str, keys: list[str]) -> None:
    for chunk in _chunks(keys):
        run(query, {"keys": list(chunk)})


def _orders_before(run: Run, orders: ValueOrders, points: list[Value]) -> dict[str, QuantityOrder]:
    """The embedded store: the value order of each quantity with a Value added or gone, as the store
    holds it before this batch's Values are written (read from it when not known)."""
    def read(quantity: str) -> list[Value]:
        return [_stored(row) for row in run(cypher.VALUE_NEIGHBOURS["embedded"], {"quantity": quantity})]

    return {quantity: orders.get(quantity, read) for quantity in sorted({p.quantity for p in points})}


def _neo4j_segments(run: Run, points: list[Value]) -> list[list[Value]]:
    """Per point (a Value added or gone), the Values around it, found in Neo4j's index: the same
    window of value order as the embedded store's value orders give (QuantityOrder.around)."""
    found: list[dict[str, Value]] = [{} for _ in points]
    numbered = [{"point": number, "quantity": point.quantity, "value": point.value, "key": point.key}
                for number, point in enumerate(points)]
    for chunk in _chunks(numbered):
        for row in run(cypher.VALUE_NEIGHBOURS["neo4j"], {"points": list(chunk)}):
            found[row["point"]][row["key"]] = _stored(row)
    return [QuantityOrder(values.values()).around(order(point), cypher.NEIGHBOUR_LIMIT)
            for point, values in zip(points, found)]


def _orders_after(orders: ValueOrders, before: dict[str, QuantityOrder], new: list[Value],
                  gone: list[Value]) -> dict[str, QuantityOrder]:
    """The value orders once the batch is written, staged in the writer's value orders."""
    after = {}
    for quantity, values in before.items():
        after[quantity] = values.changed([v for v in new if v.quantity == quantity],
                                         [v for v in gone if v.quantity == quantity])
        orders.stage(quantity, after[quantity])
    return after


def _comparisons_before(before: dict[str, QuantityOrder], near: dict[str, set[str]],
                        near_values: dict[str, Value], new: list[Value], gone: list[Value]) -> dict[frozenset, str]:
    """The comparison edges stored at the given Values before this batch, without reading them:
    the store holds exactly what the neighbour rule gives for its Values, so they are the rule
    over the value order before, around each of those Values (less the edges of the gone Values,
    which went with them). Reading the edges back costs a scan of the Value table there."""
    new_keys, gone_keys = {value.key for value in new}, {value.key for value in gone}
    found: dict[frozenset, str] = {}
    for quantity, values in before.items():
        windows = [values.around(order(near_values[key]), NEIGHBOURS)
                   for key in sorted(near[quantity] - new_keys)]
        for run in contiguous_runs(windows):
            found.update({pair: _relation(c) for pair, c in neighbour_comparisons(run, touching=near[quantity]).items()
                          if not pair & gone_keys})
    return found


def _stored_comparisons(run: Run, near: dict[str, set[str]]) -> dict[frozenset, str]:
    """The comparison edges stored at the given Values (Neo4j: key lookups), by pair of keys."""
    keys = sorted(set().union(*near.values()))
    rows = [row for chunk in _chunks(keys) for row in run(cypher.NEO4J_COMPARISONS_OF_VALUES, {"keys": list(chunk)})]
    return {frozenset((row["key"], row["other"])): row["relation"] for row in rows}


def _relink(run: Run, new: list[Value], gone: list[Value], dialect: str,
            before: dict[str, QuantityOrder] | None, orders: ValueOrders | None) -> None:
    """Bring the comparisons near each point of value order where a Value came or went to what
    the neighbour rule gives for the Values there now: delete the edges it no longer gives,
    create the ones it gives that are missing. No pair farther away can change."""
    points = [*new, *gone]
    if not points:
        return
    if dialect == "embedded":
        after = _orders_after(orders, before, new, gone)
        found = [after[point.quantity].around(order(point), cypher.NEIGHBOUR_LIMIT) for point in points]
    else:
        found = _neo4j_segments(run, points)
    segments: dict[str, list[list[Value]]] = defaultdict(list)
    near: dict[str, set[str]] = defaultdict(set)
    near_values: dict[str, Value] = {}
    for point, segment in zip(points, found):
        segment = sorted(segment, key=order)
        segments[point.quantity].append(segment)
        near[point.quantity] |= changed_keys(segment, [order(point)])
        near_values.update((value.key, value) for value in segment)
    wanted: dict[frozenset, Comparison] = {}
    for quantity, runs in segments.items():
        for values in contiguous_runs(runs):
            wanted.update(neighbour_comparisons(values, touching=near[quantity]))
    if dialect == "embedded":
        have = _comparisons_before(before, near, near_values, new, gone)
    else:
        have = _stored_comparisons(run, near)
    _apply(run, wanted, have, dialect)


def _apply(run: Run, wanted: dict[frozenset, Comparison], have: dict[frozenset, str], dialect: str) -> None:
    """Delete the stored edges the rule no longer gives and create the ones it gives that are missing."""
    drop = [(pair, relation) for pair, relation in have.items() if _relation(wanted.get(pair)) != relation]
    add = [c for pair, c in wanted.items() if have.get(pair) != _relation(c)]
    for relation in ("AGREES_WITH", "DISAGREES_WITH"):
        rows = [dict(zip(("source", "target"), sorted(pair))) for pair, kind in sorted(drop, key=_sorted_pair)
                if kind == relation]
        if dialect == "embedded":
            for row in rows:
                run(cypher.DELETE_COMPARISONS[relation][dialect], row)
        else:
            _unwind(run, cypher.DELETE_COMPARISONS[relation][dialect], rows)
    _create(run, sorted(add, key=lambda c: (c.source, c.target)), dialect)


def _sorted_pair(item: tuple[frozenset, str]) -> tuple:
    return tuple(sorted(item[0])), item[1]


def _relation(comparison: Comparison | None) -> str | None:
    if comparison is None:
        return None
    return "AGREES_WITH" if comparison.agrees else "DISAGREES_WITH"


def _create(run: Run, comparisons: list[Comparison], dialect: str) -> None:
    agree, disagree = [], []
    for comparison in comparisons:
        if comparison.agrees:
            agree.append({"source": comparison.source, "target": comparison.target})
        else:
            disagree.append({"source": comparison.source, "target": comparison.target,
                             "difference": comparison.difference, "ratio": comparison.ratio})
    _unwind(run, cypher.CREATE_AGREEMENTS, agree)
    _unwind(run, cypher.CREATE_DISAGREEMENTS[dialect], disagree)
