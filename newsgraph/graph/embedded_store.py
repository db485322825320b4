"""The embedded default store: LadybugDB (the maintained fork of Kùzu), a Cypher database in a file."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, TypeVar

import ladybug

from . import article_lookup, cypher
from .readonly import check_read_only
from .store import GraphError, GraphQueryError, Run
from .value_orders import ValueOrders
from .values import plain

T = TypeVar("T")


def _rows(result: Any) -> tuple[list[str], list[list[Any]]]:
    columns = result.get_column_names()
    rows = []
    while result.has_next():
        rows.append([plain(v) for v in result.get_next()])
    return columns, rows


# What the engine says when a writer died during a checkpoint (kill -9, power loss): only a
# read-write open replays it.
_RECOVERY_PENDING = ("checkpoint recovery is pending", "replay shadow pages")


# The write-ahead log's size at which a commit checkpoints (the engine's default: 16 MB). A
# checkpoint rewrites whole node groups of the relationship tables its changes touch, and the few
# shared nodes (companies, periods, quantities) have most of the relationships: its cost follows
# the graph's size more than what was written (after 25 or 100 new articles of extracted size:
# 0.6-0.75 CPU s in a 1k graph, 1.0-1.2 in a 10k one). So a batched load checkpoints less often;
# closing still checkpoints what is left (commands leave the log empty: reads never replay it), a
# commit is durable in the log either way (fdatasync), and after a crash the next open replays at
# most this much log.
CHECKPOINT_THRESHOLD = 256 * 1024 * 1024
RENEW_EVERY = 64  # write transactions on one connection, at most (see EmbeddedStore._renew_connection)


def _database(path: str, read_only: bool = False) -> ladybug.Database:
    return ladybug.Database(path, read_only=read_only, checkpoint_threshold=CHECKPOINT_THRESHOLD)


def _open(path: str, read_only: bool) -> ladybug.Database:
    try:
        return _database(path, read_only)
    except RuntimeError as error:
        if not (read_only and any(marker in str(error) for marker in _RECOVERY_PENDING)):
            raise
    try:  # recover: a read-write open finishes the interrupted checkpoint
        _database(path).close()
    except RuntimeError as error:
        raise GraphError(
            f"the embedded graph at {path} is being checkpointed by another process ({error}); "
            "retry when that process has finished"
        ) from None
    return _database(path, read_only=True)


class EmbeddedStore:
    name = "embedded"

    def __init__(self, path: str | Path, read_only: bool = False):
        self.location = str(path)
        self.value_orders = ValueOrders()  # only this process writes the file: see value_orders.py
        self._writes = self._writes_on_connection = 0  # write transactions, in all and on self.conn
        if read_only and not Path(path).exists():
            raise GraphError(f"no graph at {path}; run `newsgraph ingest corpora/` first, or pass --db PATH")
        try:
            self.db = _open(str(path), read_only)
            self.conn = ladybug.Connection(self.db)
        except RuntimeError as error:
            raise GraphError(
                f"cannot open the embedded graph at {path} ({error}); "
                "is another newsgraph process using it? Or pass --db with another path"
            ) from None

    def _execute(self, query: str, parameters: dict[str, Any] | None = None):
        return self.conn.execute(query, parameters or {})

    def _tables(self) -> set[str]:
        return {row[0] for row in _rows(self._execute("CALL show_tables() RETURN name"))[1]}

    def ensure_schema(self) -> None:
        tables = self._tables()
        for query in cypher.EMBEDDED_NODE_TABLES + cypher.EMBEDDED_REL_TABLES:
            self._execute(query)
        if "Article" in tables and cypher.ARTICLE_LOOKUP not in tables:  # a store older than the table
            self.write(article_lookup.rebuild)

    def write(self, work: Callable[[Run], T]) -> T:
        def run(query: str, parameters: dict[str, Any] | None = None) -> list[dict[str, Any]]:
            columns, rows = _rows(self._execute(query, parameters))
            return [dict(zip(columns, row)) for row in rows]

        self.value_orders.rollback()
        self._renew_connection()
        self._writes += 1
        self._writes_on_connection += 1
        self._execute("BEGIN TRANSACTION")
        try:
            result = work(run)
            self._execute("COMMIT")
        except BaseException:
            self.value_orders.rollback()
            try:
                self._execute("ROLLBACK")
            except RuntimeError:  # the engine already rolled back after a failed statement
                pass
            raise
        self.value_orders.commit()
        return result

    def _renew_connection(self) -> None:
        """A connection keeps the plan of each query it has run (LadybugDB 0.22 caches prepared
        statements per connection) and runs it unchanged as the tables grow: a plan made on an
        empty store looks a Quantity's Values up in 57 ms on a graph of 200,000 Values, a new
        connection's plan in 0.12 ms (benchmarks/ladybug_plans.py). Planning a query again costs
        about 2 ms, some 50 queries a batch. So a write transaction gets a new connection once the
        current one has served as many as were written before it (the graph has at most doubled
        since its plans, loading into an empty store) or RENEW_EVERY, whichever is fewer."""
        if self._writes_on_connection < min(max(self._writes - self._writes_on_connection, 1), RENEW_EVERY):
            return
        self.conn.close()
        self.conn = ladybug.Connection(self.db)
        self._writes_on_connection = 0

    def read(self, query: str, parameters: dict[str, Any] | None = None):
        check_read_only(query)
        try:
            result = self._execute(query, parameters)
        except RuntimeError as error:
            raise GraphQueryError(f"the embedded store rejected the query: {error}") from None
        if isinstance(result, list):  # several statements: the guard refuses them; never run silently
            raise GraphQueryError("the query has several statements: run one statement at a time")
        return _rows(result)

    def label_counts(self) -> dict[str, int]:
        return {row[0]: row[1] for row in self.read(cypher.EMBEDDED_LABEL_COUNTS)[1]}

    def type_counts(self) -> dict[str, int]:
        return {row[0]: row[1] for row in self.read(cypher.EMBEDDED_TYPE_COUNTS)[1]}

    def close(self) -> None:
        self.conn.close()
        self.db.close()
