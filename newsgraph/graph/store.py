"""The small protocol both stores implement, and the errors they raise."""
from __future__ import annotations

from typing import Any, Callable, Protocol, TypeVar

from .value_orders import ValueOrders

Run = Callable[[str, dict[str, Any] | None], list[dict[str, Any]]]
T = TypeVar("T")


class GraphError(Exception):
    """A store could not be reached or refused a query; the message says how to fix it."""


class GraphWriteError(GraphError):
    """A write transaction failed and was rolled back: nothing of the batch was kept."""


class GraphQueryError(GraphError):
    """A read query was rejected (syntax, or a write attempted through a read-only query)."""


class Store(Protocol):
    name: str      # "neo4j" | "embedded"
    location: str  # URI or path, for messages
    value_orders: ValueOrders | None  # the embedded writer's Values in order (value_orders.py); Neo4j: None

    def ensure_schema(self) -> None: ...

    def write(self, work: Callable[[Run], T]) -> T:
        """Run ``work`` in one write transaction: committed when it returns, rolled back when it
        raises. Neo4j retries it on transient errors (deadlocks between concurrent writers)."""

    def read(self, query: str, parameters: dict[str, Any] | None = None) -> tuple[list[str], list[list[Any]]]:
        """A read-only query -> (column names, rows of plain JSON-able values)."""

    def label_counts(self) -> dict[str, int]: ...

    def type_counts(self) -> dict[str, int]: ...

    def close(self) -> None: ...
