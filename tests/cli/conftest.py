"""The store a command-line test runs on: the embedded store, and the real Neo4j server (cleared)."""
from __future__ import annotations

import pytest


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store_args(request, tmp_path) -> list[str]:
    """The options naming an empty store of each kind."""
    if request.param == "embedded":
        return ["--db", str(tmp_path / "graph.db")]
    from newsgraph.graph.neo4j_store import Neo4jStore

    uri = request.getfixturevalue("neo4j_uri")
    store = Neo4jStore(uri)
    store.clear()
    store.close()
    return ["--neo4j", uri]
