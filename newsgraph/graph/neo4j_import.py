"""First loads into an EMPTY Neo4j database: the batched writer's rows as `neo4j-admin database
import full` CSV files.

The graph is bulk.py's (the one the batched writer makes from the same rows); this module only
writes it in the import tool's format: one file per node label and per (type, from, to), typed
headers (`id:ID(Article)`, `start_char:long`, `aliases:string[]`), labels and types given on the
command line (`import_arguments`). Null properties are empty unquoted fields, which the tool
leaves unset, as Neo4j stores nulls; empty strings are quoted and kept. The constraints and
indexes are created after the import by `Neo4jStore.ensure_schema()`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from .bulk import Rows, build_graph, write_csv
from .schema import NODES, RELATIONSHIPS

ARRAY_DELIMITER = "\x1f"  # never in a name; the tool's default `;` can be
_TYPES = {"STRING": "string", "INT64": "long", "DOUBLE": "double", "BOOLEAN": "boolean", "STRING[]": "string[]"}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        value = ARRAY_DELIMITER.join(value)
    return '"' + str(value).replace('"', '""') + '"'


def _header(properties: dict[str, str], key: str | None = None, label: str | None = None) -> list[str]:
    return [f"{name}:ID({label})" if name == key else f"{name}:{_TYPES[kind]}"
            for name, kind in properties.items()]


def write_import_files(batches: Iterable[Rows], folder: Path) -> tuple[list[str], int]:
    """Files for `neo4j-admin database import full` in ``folder`` -> (its --nodes/--relationships
    arguments, rows read)."""
    graph, forms, count = build_graph(batches)
    for label, by_key in forms.items():
        for key, texts in by_key.items():
            graph.nodes[label][key]["aliases"] = sorted(texts)
    arguments = []
    for label, nodes in graph.nodes.items():
        key, properties = NODES[label]
        path = folder / f"{label}.csv"
        records = ([p.get(c) for c in properties] for p in nodes.values())
        if write_csv(path, _header(properties, key, label), records, _cell):
            arguments.append(f"--nodes={label}={path}")
    for (rel, source, target), rels in sorted(graph.rels.items()):
        properties = RELATIONSHIPS[rel][1]
        path = folder / f"{rel}-{source}-{target}.csv"
        header = [f":START_ID({source})", f":END_ID({target})"] + _header(properties)
        records = ([ends[0], ends[1]] + [p.get(c) for c in properties] for ends, p in rels.items())
        if write_csv(path, header, records, _cell):
            arguments.append(f"--relationships={rel}={path}")
    return arguments, count


def import_arguments(database: str, files: list[str]) -> list[str]:
    """The `neo4j-admin` arguments after the program: import into ``database`` (replaced)."""
    return ["database", "import", "full", database, *files, "--overwrite-destination=true",
            "--multiline-fields=true", f"--array-delimiter={ARRAY_DELIMITER}", "--id-type=string"]
