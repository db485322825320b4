from __future__ import annotations

import json

import pytest

from newsgraph.graph.embedded_store import EmbeddedStore
from newsgraph.graph.neo4j_store import Neo4jStore


def _empty_store(request, folder):
    """An empty store of the kind the fixture parameter names, with its schema."""
    if request.param == "embedded":
        opened = EmbeddedStore(folder / "graph.db")
    else:
        opened = Neo4jStore(request.getfixturevalue("neo4j_uri"))
        opened.clear()
    opened.ensure_schema()
    return opened


@pytest.fixture(params=["embedded", "neo4j"])
def store(request, tmp_path):
    """An empty store of each kind: the same assertions run on both."""
    opened = _empty_store(request, tmp_path)
    yield opened
    opened.close()


def _identity(node: dict) -> str:
    props = node["properties"]
    return f"{node['label']}:{props.get('id') or props.get('key')}"


def snapshot(store) -> tuple[list[str], list[str]]:
    """Every node and relationship with all properties, as sorted JSON lines."""
    _, nodes = store.read("MATCH (n) RETURN n")
    _, rels = store.read("MATCH (a)-[r]->(b) RETURN a, r, b")
    node_lines = sorted(json.dumps(n, ensure_ascii=False, sort_keys=True) for [n] in nodes)
    rel_lines = sorted(
        json.dumps([_identity(a), r["type"], r["properties"], _identity(b)], ensure_ascii=False, sort_keys=True)
        for a, r, b in rels
    )
    return node_lines, rel_lines


@pytest.fixture(scope="module", params=["embedded", "neo4j"])
def corpus_store(request, tmp_path_factory, corpus_documents):
    """The whole corpus loaded once per test module into each store."""
    from newsgraph.staged import write_documents

    opened = _empty_store(request, tmp_path_factory.mktemp("corpus"))
    for start in range(0, len(corpus_documents), 10):
        write_documents(opened, corpus_documents[start:start + 10], "test-extractor")
    yield opened
    opened.close()
