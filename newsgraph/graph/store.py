"""The small protocol both stores implement, and the errors they raise."""
from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any, Callable, Protocol

Run = Callable[[str, dict[str, Any] | None], list[dict[str, Any]]]


class GraphError(Exception):
    """A store could not be reached or refused a query; the message says how to fix it."""


class GraphWriteError(GraphError):
    """A write transaction failed and was rolled back: nothing of the batch was kept."""


class GraphQueryError(GraphError):
    """A read query was rejected (syntax, or a write attempted through a read-only query)."""


class Store(Protocol):
    name: str      # "neo4j" | "embedded"
    location: str  # URI or path, for messages

    def ensure_schema(self) -> None: ...

    def transaction(self) -> AbstractContextManager[Run]:
        """A write transaction; commits on exit, rolls back on an exception."""

    def read(self, query: str, parameters: dict[str, Any] | None = None) -> tuple[list[str], list[list[Any]]]:
        """A read-only query -> (column names, rows of plain JSON-able values)."""

    def label_counts(self) -> dict[str, int]: ...

    def type_counts(self) -> dict[str, int]: ...

    def close(self) -> None: ...
