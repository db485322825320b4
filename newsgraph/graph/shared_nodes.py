"""Shared nodes (entities, periods, quantities) written by key, as many batches refer to them.

Neo4j MERGEs them. LadybugDB's MERGE of a key costs in proportion to the stored table
(benchmarks/ladybug_merge.py), so the embedded store looks the batch's keys up, CREATEs those it
lacks, then MATCHes every key and SETs what MERGE would (cypher._shared_per_store): flat in the
table size.
"""
from __future__ import annotations

from . import cypher
from .batches import chunks, unwind
from .store import Run


def merge_shared(run: Run, label: str, queries: dict[str, str], rows: list[dict] | None, dialect: str,
                 size: int) -> None:
    """Write the rows of ``label`` (keys unique, as batch_rows gives them), ``size`` rows a query."""
    if dialect == "embedded":
        for chunk in chunks(rows or [], size):
            stored = {row["key"] for row in run(cypher.STORED_KEYS[label], {"keys": [r["key"] for r in chunk]})}
            unwind(run, cypher.CREATE_KEYS[label], [{"key": r["key"]} for r in chunk if r["key"] not in stored],
                   size)
    unwind(run, queries[dialect], rows, size)
