"""The corpus loaded into each store (the real Neo4j server and the embedded store), read back with Cypher."""
from __future__ import annotations

from newsgraph.app import ingest
from newsgraph.extract.pipeline import PipelineOptions
from newsgraph.staged import write_documents

from ..conftest import CORPUS
from .conftest import snapshot

def _rows(store, query, **params):
    return store.read(query, params)[1]


def test_counts_match_the_extraction(corpus_store, corpus_documents):
    labels = corpus_store.label_counts()
    assert labels["Article"] == len(corpus_documents)
    assert labels["Sentence"] == sum(len(d["sentences"]) for d in corpus_documents)
    assert labels["Figure"] == sum(len(d["figures"]) for d in corpus_documents)
    assert labels["Claim"] == sum(len(d["claims"]) for d in corpus_documents)
    mentions = sum(len(e["mentions"]) for d in corpus_documents for e in d["entities"])
    assert corpus_store.type_counts()["MENTIONS"] == mentions
    companies = {e["name"] for d in corpus_documents for e in d["entities"] if e["type"] == "Company"}
    assert labels["Company"] == len(companies)


def test_an_entity_in_several_articles_is_one_node(corpus_store):
    [[nodes, articles, mentions]] = _rows(corpus_store, """
        MATCH (a:Article)-[m:MENTIONS]->(c:Company {name: '腾讯控股'})
        RETURN count(DISTINCT c) AS nodes, count(DISTINCT a) AS articles, count(m) AS mentions""")
    assert nodes == 1 and articles >= 3 and mentions > articles
    [[aliases]] = _rows(corpus_store, "MATCH (c:Company {name: '腾讯控股'}) RETURN c.aliases")
    assert {"腾讯", "腾讯控股"} <= set(aliases)


def test_stored_offsets_point_at_the_mention_text(corpus_store):
    rows = _rows(corpus_store, """
        MATCH (a:Article)-[m:MENTIONS]->(e)
        RETURN a.text AS text, m.start_char AS s, m.end_char AS e, m.text AS mention""")
    assert len(rows) > 100
    assert all(text[s:e] == mention for text, s, e, mention in rows)
    rows = _rows(corpus_store, """
        MATCH (f:Figure)-[:IN_SENTENCE]->(s:Sentence)<-[:HAS_SENTENCE]-(a:Article)
        RETURN a.text, s.start_char, s.end_char, f.start_char, f.end_char, f.text""")
    assert rows and all(t[fs:fe] == ft and ss <= fs and fe <= se for t, ss, se, fs, fe, ft in rows)


def test_writing_the_corpus_again_changes_nothing(corpus_store, corpus_documents):
    before = snapshot(corpus_store)
    write_documents(corpus_store, corpus_documents, "test-extractor")
    assert snapshot(corpus_store) == before


def test_ingest_twice_skips_unchanged_articles(store):
    options = PipelineOptions()
    first = ingest([str(CORPUS)], store, options=options)
    before = snapshot(store)
    second = ingest([str(CORPUS)], store, options=options)
    assert (first.failed, second.failed) == ([], [])
    assert (second.ingested, second.unchanged) == (0, first.ingested)
    assert snapshot(store) == before
