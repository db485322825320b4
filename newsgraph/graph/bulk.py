"""First loads into an EMPTY embedded store: the batched writer's rows, written with `COPY FROM`.

The rows are those graph/rows.py makes for the batched writer (`{query name: [row dicts]}`, one
dict per batch). The graph is the one the batched writer makes from the same batches in the same
order: MERGE keys become de-duplication keys (the last row wins, as a later SET does), rows whose
ends do not exist are dropped (a MATCH finds nothing), aliases are the sorted surface forms of an
entity's mentions, and figure comparisons come from the same rule (compare.py) over each whole
quantity. Each table becomes one CSV file in a temporary folder, copied in one statement;
nothing of the batched writer's per-batch reads is needed, since nothing is stored yet.
"""
from __future__ import annotations

import math
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable, Iterable

from .article_lookup import lookup_rows
from .batches import unwind
from .compare import compare_new_values
from .compare_writes import batch_values, value_properties
from .schema import ENTITY_LABELS, NODES, OWNER_LABELS, RELATIONSHIPS, ROLE_ORG_LABELS, SPEAKER_LABELS
from .store import GraphError, GraphWriteError, Store

Rows = dict[str, list[dict[str, Any]]]
NULL = "NULL"  # unquoted in the CSV files: the engine reads it as null; a quoted "NULL" stays text
_COPY_OPTIONS = f"header=true, parallel=false, escape='\"', null_strings=['{NULL}']"
ALIASES_PER_QUERY = 1000


class _Graph:
    """Nodes per label (key -> properties) and relationships per (type, from, to) (key -> properties)."""

    def __init__(self) -> None:
        self.nodes: dict[str, dict[Any, dict]] = {label: {} for label in NODES}
        self.rels: dict[tuple[str, str, str], dict[tuple, dict]] = defaultdict(dict)
        self.articles: set[str] = set()

    def node(self, label: str, key: Any, properties: dict) -> None:
        self.nodes[label][key] = properties

    def rel(self, rel: str, source: tuple[str, Any], target: tuple[str, Any], properties: dict | None = None,
            merge_key: tuple = ()) -> None:
        """A relationship between two nodes that must exist (else dropped, as a MATCH finds nothing)."""
        if source[1] not in self.nodes[source[0]] or target[1] not in self.nodes[target[0]]:
            return
        self.rels[(rel, source[0], target[0])][(source[1], target[1]) + merge_key] = properties or {}


def _columns(label: str) -> list[str]:
    return list(NODES[label][1])


def _article_nodes(graph: _Graph, rows: Rows) -> None:
    for row in rows.get("articles", []):
        if row["id"] in graph.articles:
            raise ValueError(f"article {row['id']} comes twice: the bulk path needs each article once; "
                             "keep its last version, or load with the batched writer")
    for row in rows.get("articles", []):
        graph.articles.add(row["id"])
        graph.node("Article", row["id"], {k: row.get(k) for k in _columns("Article")})
    for row in rows.get("sentences", []):
        if row["article_id"] in graph.nodes["Article"]:
            graph.node("Sentence", row["id"], {k: row.get(k) for k in _columns("Sentence")})
            graph.rel("HAS_SENTENCE", ("Article", row["article_id"]), ("Sentence", row["id"]))


def _entity_nodes(graph: _Graph, rows: Rows, forms: dict[str, dict[str, set[str]]]) -> None:
    for label in ENTITY_LABELS:
        for row in rows.get(f"entities:{label}", []):
            graph.node(label, row["key"], {"key": row["key"], "name": row["name"], "aliases": None})
        for row in rows.get(f"mentions:{label}", []):
            props = {"start_char": row["start_char"], "end_char": row["end_char"], "text": row["text"],
                     "sentence": row["sentence"]}
            graph.rel("MENTIONS", ("Article", row["article_id"]), (label, row["key"]), props, (row["start_char"],))
            if row["key"] in graph.nodes[label]:  # the writer adds a batch's forms to the entities it finds
                forms[label][row["key"]].add(row["text"])


def _period_nodes(graph: _Graph, rows: Rows) -> None:
    for row in rows.get("periods", []):
        stored = graph.nodes["Period"].get(row["key"], {})
        graph.node("Period", row["key"], {
            "key": row["key"], "name": row["key"],
            "first_day": row["first_day"] if row["first_day"] is not None else stored.get("first_day"),
            "last_day": row["last_day"] if row["last_day"] is not None else stored.get("last_day")})
    for row in rows.get("date_references", []):
        graph.rel("REFERS_TO", ("Sentence", row["sentence_id"]), ("Period", row["period"]),
                  {"start_char": row["start_char"], "end_char": row["end_char"], "text": row["text"],
                   "kind": row["kind"]}, (row["start_char"],))


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def _fact_nodes(graph: _Graph, rows: Rows) -> None:
    for row in rows.get("figures", []):
        if row["sentence_id"] in graph.nodes["Sentence"]:
            props = {k: row.get(k) for k in _columns("Figure")}
            props.update(value=_float(row.get("value")), high=_float(row.get("high")))
            graph.node("Figure", row["id"], props)
            graph.rel("IN_SENTENCE", ("Figure", row["id"]), ("Sentence", row["sentence_id"]))
    for row in rows.get("claims", []):
        if row["sentence_id"] in graph.nodes["Sentence"]:
            graph.node("Claim", row["id"], {k: row.get(k) for k in _columns("Claim")})
            graph.rel("IN_SENTENCE", ("Claim", row["id"]), ("Sentence", row["sentence_id"]))
    for row in rows.get("quantities", []):
        graph.node("Quantity", row["key"], {"key": row["key"], "name": row["name"]})


def _links(graph: _Graph, rows: Rows) -> None:
    for label in OWNER_LABELS:
        for row in rows.get(f"figure_owners:{label}", []):
            graph.rel("OF", ("Figure", row["id"]), (label, row["key"]))
    for row in rows.get("figure_periods", []):
        graph.rel("FOR_PERIOD", ("Figure", row["id"]), ("Period", row["period"]))
    for row in rows.get("figure_changes", []):
        graph.rel("CHANGE_OF", ("Figure", row["id"]), ("Figure", row["base"]))
    for row in rows.get("figure_quantities", []):
        graph.rel("MEASURES", ("Figure", row["id"]), ("Quantity", row["key"]))
    for label in SPEAKER_LABELS:
        for row in rows.get(f"speakers:{label}", []):
            graph.rel("SAID_BY", ("Claim", row["id"]), (label, row["key"]))
    for label in ENTITY_LABELS:
        for row in rows.get(f"claim_topics:{label}", []):
            graph.rel("ABOUT", ("Claim", row["id"]), (label, row["key"]))
    for row in rows.get("claim_citations", []):
        graph.rel("CITES", ("Claim", row["id"]), ("Figure", row["figure"]))
    for label in ROLE_ORG_LABELS:
        for row in rows.get(f"roles:{label}", []):
            graph.rel("HOLDS_ROLE", ("Person", row["person"]), (label, row["org"]),
                      {"title": row["title"], "article_id": row["article_id"], "start_char": row["start_char"],
                       "end_char": row["end_char"], "text": row["text"]},
                      (row["title"], row["article_id"], row["start_char"]))


def _comparisons(graph: _Graph) -> None:
    """Values, REPORTS, OF_QUANTITY, AGREES_WITH / DISAGREES_WITH and `sources`: what the batched
    writer has stored once the last article of a quantity is in (compare_writes.py)."""
    values, units, reports, articles = batch_values({"figures": list(graph.nodes["Figure"].values())})
    for key, value in sorted(values.items()):
        graph.node("Value", key, value_properties(value, units[key], len(articles[key])))
        graph.rel("OF_QUANTITY", ("Value", key), ("Quantity", value.quantity))
    for report in reports:
        graph.rel("REPORTS", ("Figure", report["id"]), ("Value", report["key"]))
    for c in compare_new_values(values.values(), values.values()):
        if c.agrees:
            graph.rel("AGREES_WITH", ("Value", c.source), ("Value", c.target))
        else:
            graph.rel("DISAGREES_WITH", ("Value", c.source), ("Value", c.target),
                      {"difference": _float(c.difference), "ratio": _float(c.ratio)})


def build_graph(batches: Iterable[Rows]) -> tuple[_Graph, dict[str, dict[str, set[str]]], int]:
    """Every batch's rows, in order -> the graph the batched writer would make; also the surface
    forms per entity (its aliases) and the number of rows read."""
    graph = _Graph()
    forms: dict[str, dict[str, set[str]]] = {label: defaultdict(set) for label in ENTITY_LABELS}
    count = 0
    for rows in batches:
        count += sum(len(items) for items in rows.values())
        _article_nodes(graph, rows)
        _entity_nodes(graph, rows, forms)
        _period_nodes(graph, rows)
        _fact_nodes(graph, rows)
        _links(graph, rows)
    _comparisons(graph)
    return graph, forms, count


def _cell(value: Any) -> str:
    if value is None:
        return NULL
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{value} cannot be stored")
        return repr(value)
    return '"' + str(value).replace('"', '""') + '"'


def write_csv(path: Path, header: list[str], records: Iterable[list[Any]],
              cell: Callable[[Any], str] = _cell) -> int:
    """One CSV file, each value written by ``cell`` (the engines read nulls and lists differently)."""
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(",".join(header) + "\n")
        for record in records:
            out.write(",".join(cell(v) for v in record) + "\n")
            count += 1
    return count


def _copy_files(graph: _Graph, folder: Path) -> list[str]:
    """One CSV per node label and per (relationship, from, to); the COPY statements in order."""
    statements = []
    for label, nodes in graph.nodes.items():
        columns = [c for c in _columns(label) if c != "aliases"]
        path = folder / f"{label}.csv"
        if write_csv(path, columns, ([props.get(c) for c in columns] for props in nodes.values())):
            statements.append(f"COPY {label}({', '.join(columns)}) FROM '{path}' ({_COPY_OPTIONS})")
    for (rel, source, target), rels in sorted(graph.rels.items()):
        columns = list(RELATIONSHIPS[rel][1])
        path = folder / f"{rel}-{source}-{target}.csv"
        records = ([ends[0], ends[1]] + [props.get(c) for c in columns] for ends, props in rels.items())
        if write_csv(path, ["from", "to"] + columns, records):
            statements.append(f"COPY {rel} FROM '{path}' (from='{source}', to='{target}', {_COPY_OPTIONS})")
    return statements


def _alias_rows(forms: dict[str, dict[str, set[str]]]) -> dict[str, list[dict]]:
    return {label: [{"key": key, "aliases": sorted(texts)} for key, texts in sorted(by_key.items())]
            for label, by_key in forms.items()}


def is_empty(store: Store) -> bool:
    """Whether the bulk path applies: an embedded store without nodes (creates the schema)."""
    if store.name != "embedded":
        return False
    store.ensure_schema()
    return not any(store.label_counts().values())


def bulk_load(store: Store, batches: Iterable[Rows]) -> int:
    """Write the rows of ``batches`` (graph/rows.py output, in order) into an EMPTY embedded store
    with COPY FROM, in one transaction; returns the number of rows read (as the batched writer
    counts them). The whole graph is held in memory until it is written: for first loads of up to
    some 100k articles; larger archives go in slices (a first slice bulk, the rest batched)."""
    from . import cypher

    if store.name != "embedded":
        raise GraphError(f"the bulk path is for the embedded store; {store.name} loads with the batched writer")
    if not is_empty(store):
        raise GraphError(f"the embedded graph at {store.location} is not empty: the bulk path is for first "
                         "loads; new articles go through the batched writer")
    graph, forms, count = build_graph(batches)
    aliases = _alias_rows(forms)
    lookups = lookup_rows(graph.nodes["Article"].values())
    with tempfile.TemporaryDirectory(prefix="newsgraph-bulk-") as folder:
        statements = _copy_files(graph, Path(folder))

        def work(run) -> None:
            for statement in statements:
                run(statement, None)
            for label, rows in aliases.items():
                unwind(run, cypher.SET_ALIASES[label], rows, ALIASES_PER_QUERY)
            unwind(run, cypher.CREATE_LOOKUPS, lookups, ALIASES_PER_QUERY)  # the articles by URL and file

        try:
            store.write(work)
        except GraphError:
            raise
        except Exception as error:
            raise GraphWriteError(f"bulk load into the embedded graph at {store.location} failed and was "
                                  f"rolled back: {error}") from error
    return count
