"""The bulk path (COPY FROM into an empty embedded store) makes the graph the batched writer makes."""
from __future__ import annotations

import pytest

from benchmarks.synthetic import EXTRACTOR, documents
from newsgraph.extract.serialize import from_document
from newsgraph.graph import GraphError, write_batch
from newsgraph.graph.bulk import bulk_load, is_empty
from newsgraph.graph.embedded_store import EmbeddedStore
from newsgraph.graph.rows import batch_rows

from .conftest import snapshot

pytestmark = pytest.mark.integration  # a real store or other processes

BATCH = 20


def _records(docs):
    """Extraction records of extraction documents (what `newsgraph load` reads back)."""
    return [from_document(d) for d in docs]


def _batched(folder, docs, extractor):
    docs = _records(docs)
    store = EmbeddedStore(folder / "batched.db")
    store.ensure_schema()
    for start in range(0, len(docs), BATCH):
        write_batch(store, docs[start:start + BATCH], extractor)
    return store


def _bulk(folder, docs, extractor):
    docs = _records(docs)
    store = EmbeddedStore(folder / "bulk.db")
    rows = (batch_rows(docs[start:start + BATCH], extractor) for start in range(0, len(docs), BATCH))
    written = bulk_load(store, rows)
    return store, written


def _same_graph(batched, bulk):
    assert bulk.label_counts() == batched.label_counts()
    assert bulk.type_counts() == batched.type_counts()
    nodes, rels = snapshot(bulk)
    expected_nodes, expected_rels = snapshot(batched)
    assert nodes == expected_nodes  # every property of every node
    assert rels == expected_rels


def test_bulk_load_of_the_corpus_is_the_batched_graph(tmp_path, corpus_documents):
    batched = _batched(tmp_path, corpus_documents, "test-extractor")
    bulk, written = _bulk(tmp_path, corpus_documents, "test-extractor")
    _same_graph(batched, bulk)
    records = _records(corpus_documents)
    batches = [batch_rows(records[i:i + BATCH], "test-extractor") for i in range(0, len(records), BATCH)]
    assert written == sum(len(items) for rows in batches for items in rows.values())
    assert batched.type_counts().get("AGREES_WITH") and batched.label_counts().get("Claim")


def test_bulk_load_of_generated_articles_is_the_batched_graph(tmp_path):
    docs = documents(600, seed=5)
    batched = _batched(tmp_path, docs, EXTRACTOR)
    bulk, written = _bulk(tmp_path, docs, EXTRACTOR)
    _same_graph(batched, bulk)
    assert bulk.label_counts()["Article"] == 600
    assert bulk.type_counts()["DISAGREES_WITH"] > 0 and bulk.type_counts()["HOLDS_ROLE"] > 0


def test_bulk_load_refuses_a_store_that_is_not_empty(tmp_path):
    docs = documents(3)
    records = _records(docs)
    assert is_empty(EmbeddedStore(tmp_path / "new.db"))
    store = _batched(tmp_path, docs[:1], EXTRACTOR)
    assert not is_empty(store)
    with pytest.raises(GraphError, match="not empty"):
        bulk_load(store, [batch_rows(records[1:], EXTRACTOR)])
    assert store.label_counts()["Article"] == 1


def test_bulk_load_refuses_an_article_twice_and_keeps_nothing(tmp_path):
    docs = _records(documents(2))
    store = EmbeddedStore(tmp_path / "twice.db")
    with pytest.raises(ValueError, match="comes twice"):
        bulk_load(store, [batch_rows(docs, EXTRACTOR), batch_rows(docs[:1], EXTRACTOR)])
    assert not any(store.label_counts().values())



def test_neo4j_import_files_hold_the_bulk_graph(tmp_path):
    import csv

    from newsgraph.graph.neo4j_import import import_arguments, write_import_files

    docs = documents(60, seed=9)
    store, _ = _bulk(tmp_path, docs, EXTRACTOR)
    folder = tmp_path / "csv"
    folder.mkdir()
    files, _ = write_import_files([batch_rows(_records(docs), EXTRACTOR)], folder)
    nodes, rels, headers = {}, {}, {}
    for argument in files:
        option, name, path = argument.split("=", 2)
        with open(path, encoding="utf-8", newline="") as handle:
            header, *records = list(csv.reader(handle))
        headers[name] = header
        counts = nodes if option == "--nodes" else rels
        counts[name] = counts.get(name, 0) + len(records)
    assert nodes == store.label_counts()
    assert rels == store.type_counts()
    assert headers["Company"] == ["key:ID(Company)", "name:string", "aliases:string[]"]
    assert headers["MENTIONS"][:2] == [":START_ID(Article)", ":END_ID(Product)"]  # the last pair written
    assert "--multiline-fields=true" in import_arguments("neo4j", files)
