"""Two ingests writing into the same Neo4j at once: deadlocks are retried, nothing is lost."""
from __future__ import annotations

import copy
import threading

from newsgraph.staged import write_documents
from newsgraph.graph.neo4j_store import Neo4jStore

from .test_rows import TEXT, document


def _documents(prefix: str, count: int) -> list[dict]:
    docs = []
    for i in range(count):
        doc = copy.deepcopy(document())
        doc["article"] = dict(doc["article"], id=f"{prefix}{i}", path=f"{prefix}{i}.md",
                              source_path=f"/news/{prefix}{i}.md", text=TEXT)
        docs.append(doc)
    return docs


def test_concurrent_writers_sharing_entities_all_land(neo4j_uri):
    setup = Neo4jStore(neo4j_uri)
    setup.clear()
    setup.ensure_schema()
    errors: list[BaseException] = []

    def writer(prefix: str) -> None:
        store = Neo4jStore(neo4j_uri)
        try:
            docs = _documents(prefix, 16)
            for start in range(0, len(docs), 2):
                write_documents(store, docs[start:start + 2], "x1")
        except BaseException as error:  # reported below
            errors.append(error)
        finally:
            store.close()

    threads = [threading.Thread(target=writer, args=(prefix,)) for prefix in ("p", "q")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert errors == []
    assert setup.label_counts()["Article"] == 32
    _, [[companies, mentions]] = setup.read(
        "MATCH (c:Company)<-[m:MENTIONS]-() RETURN count(DISTINCT c), count(m)")
    assert (companies, mentions) == (1, 64)
    setup.close()
