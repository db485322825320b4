"""Splitting rows into query-sized chunks: one parameter list per query, never an unbounded one."""
from __future__ import annotations

from typing import Any, Iterator, Sequence

from .store import Run


def chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def unwind(run: Run, query: str, rows: Sequence[dict] | None, size: int) -> None:
    """Run an `UNWIND $rows …` query over ``rows``, ``size`` rows at a time."""
    for chunk in chunks(rows or [], size):
        run(query, {"rows": list(chunk)})
