"""Reading the comparisons back: every disagreement with both sides (`newsgraph conflicts`)."""
from __future__ import annotations

from . import cypher
from .store import Store

FIGURE_FIELDS = ("id", "text", "value", "high", "unit", "qualifier", "direction", "measure", "period",
                 "sources", "sentence")
ARTICLE_FIELDS = {"article_id": "id", "title": "title", "published": "published", "source": "source",
                  "path": "path"}


def _side(row: dict, prefix: str) -> dict:
    figure = {name: row[f"{prefix}_{name}"] for name in FIGURE_FIELDS}
    figure["article"] = {key: row[f"{prefix}_{column}"] for column, key in ARTICLE_FIELDS.items()}
    return figure


def _newest_first(item: dict) -> tuple:
    published = [side["article"]["published"] or "" for side in item["figures"]]
    return (max(published), min(published))


def disagreements(store: Store, company: str | None = None, measure: str | None = None) -> list[dict]:
    """Every DISAGREES_WITH between two figures, optionally of one company (name or alias) and one
    measure (营收 also finds changes of 营收), newest article first. Each item has the quantity,
    the difference and ratio (second - first, second / first) and both figures with their
    sentence and article."""
    parameters = {"company": company or None, "measure": measure or None,
                  "measure_part": f"|{measure}/" if measure else ""}
    columns, rows = store.read(cypher.DISAGREEMENTS, parameters)
    found = []
    for values in rows:
        row = dict(zip(columns, values))
        found.append({
            "company": row["company"], "quantity": row["quantity"], "difference": row["difference"],
            "ratio": row["ratio"], "figures": [_side(row, "a"), _side(row, "b")],
        })
    found.sort(key=lambda item: (item["figures"][0]["id"], item["figures"][1]["id"]))
    found.sort(key=_newest_first, reverse=True)
    return found
