"""Reading the comparisons back per figure: which figures of different articles agree or
disagree (through their Values), and every disagreement with both sides (`newsgraph conflicts`)."""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from . import cypher
from .batches import chunks
from .compare import Comparison, figure_comparisons
from .store import Store

FIGURE_FIELDS = ("id", "text", "value", "high", "unit", "qualifier", "direction", "measure", "period",
                 "sources", "sentence")
ARTICLE_FIELDS = {"article_id": "id", "title": "title", "published": "published", "source": "source",
                  "path": "path"}
KEYS_PER_QUERY = 500


def _rows(store: Store, query: str, parameters: dict | None = None) -> list[dict]:
    columns, rows = store.read(query, parameters or {})
    return [dict(zip(columns, values)) for values in rows]


def _chunked(store: Store, query: str, name: str, items: Iterable[str]) -> list[dict]:
    return [row for chunk in chunks(sorted(set(items)), KEYS_PER_QUERY)
            for row in _rows(store, query, {name: list(chunk)})]


def figure_level(store: Store, quantities: Iterable[str] | None = None) -> dict[str, list[Comparison]]:
    """Per quantity key: the comparisons between figures of different articles, computed from
    the Values they report and the stored edges between those Values (compare.figure_comparisons).
    Every quantity that has Values when ``quantities`` is None."""
    if quantities is None:
        quantities = [row["key"] for row in _rows(store, cypher.ALL_QUANTITIES_WITH_VALUES)]
    figures: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for row in _chunked(store, cypher.VALUE_FIGURES, "keys", quantities):
        figures[row["quantity"]].append((row["id"], row["article_id"], row["value"]))
    relation = {}
    for row in _chunked(store, cypher.VALUE_EDGES[store.name], "keys", quantities):
        relation[frozenset((row["source"], row["target"]))] = Comparison(
            row["source"], row["target"], row["relation"] == "AGREES_WITH",
            row["difference"] or 0.0, row["ratio"])
    return {key: figure_comparisons(figures[key], relation) for key in sorted(figures)}


def _side(row: dict) -> dict:
    figure = {name: row[name] for name in FIGURE_FIELDS}
    figure["article"] = {key: row[column] for column, key in ARTICLE_FIELDS.items()}
    return figure


def _newest_first(item: dict) -> tuple:
    published = [side["article"]["published"] or "" for side in item["figures"]]
    return (max(published), min(published))


def _wanted(row: dict, company: str | None, measure: str | None) -> bool:
    if company and not (row["company"] == company or company in (row["aliases"] or ())):
        return False
    return not measure or row["measure"] == measure or f"|{measure}/" in row["quantity_key"]


def disagreements(store: Store, company: str | None = None, measure: str | None = None) -> list[dict]:
    """Every pair of figures of different articles that disagree (their Values are joined by
    DISAGREES_WITH and the two articles agree on no other value of the quantity), optionally of
    one company (name or alias) and one measure (营收 also finds changes of 营收), newest article
    first. Each item has the quantity, the difference and ratio (second - first, second / first)
    and both figures with their Value's `sources`, sentence and article."""
    quantities = [row["key"] for row in _rows(store, cypher.DISAGREEING_QUANTITIES)]
    pairs = [c for found in figure_level(store, quantities).values() for c in found if not c.agrees]
    details = {row["id"]: row for row in _chunked(store, cypher.FIGURE_DETAILS, "ids",
                                                  [id_ for c in pairs for id_ in (c.source, c.target)])}
    found = []
    for pair in pairs:
        first, second = details.get(pair.source), details.get(pair.target)
        if first is None or second is None or not _wanted(first, company, measure):
            continue
        found.append({"company": first["company"], "quantity": first["quantity"],
                      "difference": pair.difference, "ratio": pair.ratio,
                      "figures": [_side(first), _side(second)]})
    found.sort(key=lambda item: (item["figures"][0]["id"], item["figures"][1]["id"]))
    found.sort(key=_newest_first, reverse=True)
    return found
