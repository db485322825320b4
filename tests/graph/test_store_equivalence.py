"""Both stores give the same answer at scale: every named question and the README's queries, run on
a generated corpus of 10,000 articles loaded into Neo4j and into the embedded store, return the
same rows.

The documents are generated directly (benchmarks/synthetic.py), without the NLP: what is tested
is the stores, not the extraction. The embedded store is loaded with the bulk path (test_bulk.py
proves it makes the batched writer's graph), Neo4j with the batched writer.
"""
from __future__ import annotations

import math
import os

import pytest

from benchmarks.synthetic import EXTRACTOR, documents
from newsgraph.graph import write_batch
from newsgraph.graph.bulk import bulk_load
from newsgraph.graph.embedded_store import EmbeddedStore
from newsgraph.graph.neo4j_store import Neo4jStore
from newsgraph.graph.questions import ask, questions
from newsgraph.graph.rows import batch_rows
from newsgraph.graph.store import GraphQueryError

from .test_readme_queries import readme_query

pytestmark = pytest.mark.neo4j

ARTICLES = int(os.environ.get("NEWSGRAPH_EQUIVALENCE_ARTICLES", "10000"))  # smaller only to try changes
BATCH = 1000

# Parameters per question; a question with optional parameters runs with and without them.
PARAMETERS = {
    "co-mentioned": [{"first": "小米", "second": "腾讯"}],
    "company-profile": [{"company": "小米"}],
    "company-summary": [{"company": "小米"}],
    "connected-people": [{"company": "小米"}, {"company": "腾讯"}],
    "disagreeing-figures": [{"company": "小米"}, {"company": "腾讯", "measure": "营收"}],
    "figure-timeline": [{"company": "小米", "measure": "营收"}],
    "provenance": [{"id": "FIGURE"}, {"id": "CLAIM"}],
    "who-said-what-about": [{"company": "小米"}, {"company": "小米", "person": "雷军"}],
}
README_QUERIES = ("revenue-timeline", "person-about-company", "most-mentioned")


@pytest.fixture(scope="module")
def docs():
    from newsgraph.extract.serialize import from_document

    return [from_document(d) for d in documents(ARTICLES)]


@pytest.fixture(scope="module")
def stores(docs, neo4j_uri, tmp_path_factory):
    embedded = EmbeddedStore(tmp_path_factory.mktemp("equivalence") / "graph.db")
    bulk_load(embedded, (batch_rows(docs[i:i + BATCH], EXTRACTOR) for i in range(0, len(docs), BATCH)))
    neo4j = Neo4jStore(neo4j_uri)
    neo4j.clear()
    neo4j.ensure_schema()
    for start in range(0, len(docs), BATCH):
        write_batch(neo4j, docs[start:start + BATCH], EXTRACTOR)
    yield {"embedded": embedded, "neo4j": neo4j}
    neo4j.clear()
    embedded.close()
    neo4j.close()


def _comparable(value):
    """Rows compare as values: floats to 12 significant digits (sums may add in another order)."""
    if isinstance(value, float):
        return float(f"{value:.12g}") if math.isfinite(value) else value
    if isinstance(value, list):
        return [_comparable(v) for v in value]
    if isinstance(value, dict):
        return {k: _comparable(v) for k, v in value.items()}
    return value


def _rows(rows):
    return [_comparable(row) for row in rows]


def _ids(docs):
    """A figure and a claim of 小米 for `provenance`."""
    for doc in docs:
        if doc.claims and doc.claims[0].about[0].name == "小米":
            return {"FIGURE": doc.figures[0].id, "CLAIM": doc.claims[0].id}
    raise AssertionError("the generated corpus has no claim about 小米")


def test_the_corpus_is_large_and_loaded_alike(stores):
    counts = stores["neo4j"].label_counts()
    assert counts["Article"] == ARTICLES
    assert stores["embedded"].label_counts() == counts
    assert stores["embedded"].type_counts() == stores["neo4j"].type_counts()


def test_every_named_question_has_parameters_here():
    assert set(PARAMETERS) == set(questions())


# Known failure, kept visible (strict: it fails the run once it passes): at 10,000 generated
# articles the embedded store runs out of buffer pool on disagreeing-figures for the most reported
# company (LadybugDB 0.22, "Unable to allocate memory! The buffer pool is full"); Neo4j answers.
# It passes at 1,500 articles. Issue 16/17 notes carry it.
_BUFFER_POOL = pytest.mark.xfail(ARTICLES >= 10000, strict=True, raises=GraphQueryError,
                                 reason="LadybugDB buffer pool on the hot company's disagreements at 10k")


def _cases():
    for name, values_list in PARAMETERS.items():
        for values in values_list:
            marks = [_BUFFER_POOL] if (name, values) == ("disagreeing-figures", {"company": "小米"}) else []
            yield pytest.param(name, values, marks=marks,
                               id=f"{name}-" + ",".join(f"{k}={v}" for k, v in values.items()))


@pytest.mark.parametrize("name,values", list(_cases()))
def test_named_question_same_rows_on_both_stores(stores, docs, name, values):
    ids = _ids(docs)
    values = {k: ids.get(v, v) for k, v in values.items()}
    neo4j_columns, neo4j_rows = ask(stores["neo4j"], name, values)
    columns, rows = ask(stores["embedded"], name, values)
    assert columns == neo4j_columns
    assert neo4j_rows, f"{name} {values} has no answer: the test would compare nothing"
    assert _rows(rows) == _rows(neo4j_rows)  # in the same order: every question orders its rows


@pytest.mark.parametrize("name", README_QUERIES)
def test_readme_query_same_rows_on_both_stores(stores, name):
    query = readme_query(name)
    neo4j_columns, neo4j_rows = stores["neo4j"].read(query)
    columns, rows = stores["embedded"].read(query)
    assert columns == neo4j_columns
    assert neo4j_rows
    if "ORDER BY" in query and "LIMIT" in query:
        assert _rows(rows) == _rows(neo4j_rows)
    else:  # ordered by a column with ties, or not at all: the same rows, perhaps in another order
        assert sorted(map(repr, _rows(rows))) == sorted(map(repr, _rows(neo4j_rows)))


def test_readme_mention_offsets_agree_on_both_stores(stores):
    for store in stores.values():
        _, rows = store.read(readme_query("mention-offsets"))
        assert len(rows) == 5  # LIMIT without ORDER BY: any five mentions
        assert all(mention == at_offsets for mention, at_offsets in rows)
