"""Neo4j through the official driver."""
from __future__ import annotations

from typing import Any, Callable, TypeVar
from urllib.parse import urlsplit

import neo4j
from neo4j import GraphDatabase
from neo4j import exceptions as neo4j_errors
from neo4j.graph import Node, Path, Relationship

from . import cypher
from .credentials import redact_credentials
from .readonly import check_read_only
from .store import GraphError, GraphQueryError, Run
from .values import node, plain, relationship

T = TypeVar("T")

START_HINT = "start a local server with `scripts/neo4j-server start`, or set NEO4J_URI to a running one"


def _plain(value: Any) -> Any:
    if isinstance(value, Node):
        return node(sorted(value.labels)[0] if value.labels else "", dict(value))
    if isinstance(value, Relationship):
        return relationship(value.type, dict(value))
    if isinstance(value, Path):
        return {"nodes": [_plain(n) for n in value.nodes],
                "relationships": [_plain(r) for r in value.relationships]}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return plain(value)


class Neo4jStore:
    name = "neo4j"
    value_orders = None  # Neo4j finds a Value's neighbours in its index

    def __init__(self, uri: str, username: str | None = None, password: str | None = None,
                 database: str | None = None):
        self.location = redact_credentials(uri)  # for messages: never the password
        self.database = database or None
        auth = (username, password or "") if username else None
        try:
            # Notifications (e.g. "property key does not exist" on a fresh database) are not errors.
            self.driver = GraphDatabase.driver(uri, auth=auth, notifications_min_severity="OFF")
        except (ValueError, neo4j_errors.ConfigurationError) as error:
            fix = ("put the user and password in NEO4J_USERNAME and NEO4J_PASSWORD, not in the URI"
                   if "@" in urlsplit(uri).netloc else "use e.g. bolt://127.0.0.1:7687")
            raise GraphError(redact_credentials(f"invalid Neo4j URI {uri!r} ({error}); {fix}")) from None
        try:
            self.driver.verify_connectivity()
        except neo4j_errors.AuthError as error:
            self.driver.close()
            raise GraphError(
                f"Neo4j at {self.location} refused the credentials ({error.message}); "
                "set NEO4J_USERNAME and NEO4J_PASSWORD"
            ) from None
        except (neo4j_errors.ServiceUnavailable, neo4j_errors.DriverError, OSError) as error:
            self.driver.close()
            raise GraphError(redact_credentials(
                f"cannot reach Neo4j at {self.location} ({error}); is it running? {START_HINT}")) from None

    def ensure_schema(self) -> None:
        try:
            for query in cypher.NEO4J_CONSTRAINTS + cypher.NEO4J_INDEXES:
                self.driver.execute_query(query, database_=self.database)
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError) as error:
            database = self.database or "the default database"
            raise GraphError(redact_credentials(
                f"cannot prepare {database} on Neo4j at {self.location} ({error}); "
                "check NEO4J_DATABASE names an existing database the user may write to"
            )) from None

    def write(self, work: Callable[[Run], T]) -> T:
        def in_transaction(tx: neo4j.ManagedTransaction) -> T:
            def run(query: str, parameters: dict[str, Any] | None = None) -> list[dict[str, Any]]:
                return [record.data() for record in tx.run(query, parameters or {})]

            return work(run)

        with self.driver.session(database=self.database) as session:
            return session.execute_write(in_transaction)

    def read(self, query: str, parameters: dict[str, Any] | None = None):
        def work(tx: neo4j.ManagedTransaction):
            result = tx.run(query, parameters or {})
            columns = list(result.keys())
            return columns, [[_plain(v) for v in record.values()] for record in result]

        check_read_only(query)
        try:
            with self.driver.session(database=self.database, default_access_mode=neo4j.READ_ACCESS) as session:
                return session.execute_read(work)
        except neo4j_errors.ClientError as error:
            hint = " (queries are read-only: use `newsgraph ingest` to write)" if "write" in (error.message or "").lower() else ""
            raise GraphQueryError(f"Neo4j rejected the query: {error.message}{hint}") from None
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError) as error:
            raise GraphError(redact_credentials(
                f"Neo4j at {self.location} failed to answer ({error}); is it still running? {START_HINT}")) from None

    def label_counts(self) -> dict[str, int]:
        return {row[0]: row[1] for row in self.read(cypher.NEO4J_LABEL_COUNTS)[1]}

    def type_counts(self) -> dict[str, int]:
        return {row[0]: row[1] for row in self.read(cypher.NEO4J_TYPE_COUNTS)[1]}

    def clear(self) -> None:
        """Delete everything, a slice per transaction: one transaction over a large graph runs out
        of the server's transaction memory (dbms.memory.transaction.total.max)."""
        while self.driver.execute_query(cypher.NEO4J_CLEAR_SLICE, database_=self.database).records[0]["deleted"]:
            pass

    def close(self) -> None:
        self.driver.close()
