"""Store mechanics on hand-made documents, on the embedded store and on the real Neo4j server."""
from __future__ import annotations

import copy

import pytest

from newsgraph.extract.serialize import from_document
from newsgraph.graph import GraphQueryError, GraphWriteError, unchanged_articles
from newsgraph.staged import write_documents

from .conftest import snapshot
from .test_rows import TEXT, _mentions, _with_role, document


def _count(store, query, **params):
    return store.read(query, params)[1][0][0]


def test_a_document_becomes_nodes_and_relationships(store):
    write_documents(store, [document()], "x1")
    assert store.label_counts() == {"Article": 1, "Claim": 1, "Company": 1, "Figure": 1, "Period": 1,
                                    "Person": 1, "Quantity": 1, "Sentence": 2, "Value": 1}
    types = store.type_counts()
    assert types["MENTIONS"] == 3 and types["OF"] == 1 and types["SAID_BY"] == 1 and types["FOR_PERIOD"] == 1
    assert types["MEASURES"] == types["REPORTS"] == types["OF_QUANTITY"] == 1
    assert "AGREES_WITH" not in types  # one article: nothing to compare
    _, rows = store.read("MATCH (c:Company {key: '小米集团'}) RETURN c.name, c.aliases")
    assert rows == [["小米集团", ["小米", "小米集团"]]]


def test_writing_the_same_document_twice_changes_nothing(store):
    write_documents(store, [document()], "x1")
    before = snapshot(store)
    write_documents(store, [document()], "x1")
    assert snapshot(store) == before


def test_an_edited_article_at_the_same_path_replaces_its_facts(store):
    write_documents(store, [document()], "x1")
    edited = document(figures=[], claims=[])
    edited["article"] = dict(edited["article"], id="a1-edited", text=TEXT.replace("3659", "3660"))
    write_documents(store, [edited], "x1")
    assert _count(store, "MATCH (a:Article) RETURN count(a)") == 1
    assert _count(store, "MATCH (a:Article) RETURN a.id") == "a1-edited"
    assert _count(store, "MATCH (f:Figure) RETURN count(f)") == 0
    assert _count(store, "MATCH (c:Claim) RETURN count(c)") == 0
    assert _count(store, "MATCH (p:Period) RETURN count(p)") == 1  # still referred to by a date
    assert _count(store, "MATCH (s:Sentence) RETURN count(s)") == 2


def test_entities_left_without_mentions_are_removed(store):
    write_documents(store, [document()], "x1")
    edited = document(entities=[], figures=[], claims=[])
    write_documents(store, [edited], "x1")
    assert _count(store, "MATCH (c:Company) RETURN count(c)") == 0
    assert _count(store, "MATCH (p:Person) RETURN count(p)") == 0


def test_a_failing_batch_is_rolled_back_and_earlier_batches_stay(store):
    write_documents(store, [document()], "x1")
    before = snapshot(store)
    good = copy.deepcopy(document())
    good["article"] = dict(good["article"], id="a2", path="corpora/y.md", source_path="/news/corpora/y.md")
    broken = copy.deepcopy(document())
    broken["article"] = dict(broken["article"], id="a3")  # an edit of a1: a1 must survive the failure
    broken["figures"][0]["value"] = {"not": "a number"}  # fails inside the transaction
    with pytest.raises(GraphWriteError, match=r"^writing 2 article\(s\) \(corpora/y.md, corpora/x.md\) to "):
        write_documents(store, [good, broken], "x1")
    assert snapshot(store) == before


def test_unchanged_articles_are_those_with_the_same_fingerprint_and_extractor(store):
    write_documents(store, [document()], "x1")
    fingerprint = from_document(document()).article.fingerprint
    assert unchanged_articles(store, {"a1": fingerprint, "a9": fingerprint}, "x1") == {"a1"}
    assert unchanged_articles(store, {"a1": fingerprint}, "x2") == set()
    edited = document()
    edited["article"] = dict(edited["article"], published="2026-03-19")  # metadata edits count
    assert unchanged_articles(store, {"a1": from_document(edited).article.fingerprint}, "x1") == set()


def test_an_older_version_that_this_run_also_reads_is_kept(store):
    # A renamed file: the old text now lives at b.md, a new text at a.md. Both are in the run.
    write_documents(store, [document()], "x1")
    new = document()
    new["article"] = dict(new["article"], id="a2", text=TEXT.replace("3659", "3700"))
    write_documents(store, [new], "x1", keep=["a1", "a2"])
    _, rows = store.read("MATCH (a:Article) RETURN a.id ORDER BY a.id")
    assert rows == [["a1"], ["a2"]]


def test_replacing_an_article_refreshes_the_aliases_it_contributed(store):
    write_documents(store, [document()], "x1")
    edited = document()
    edited["entities"][0]["mentions"] = edited["entities"][0]["mentions"][:1]  # no more 小米
    write_documents(store, [edited], "x1")
    _, rows = store.read("MATCH (c:Company {key: '小米集团'}) RETURN c.aliases")
    assert rows == [[["小米集团"]]]


def test_a_relationship_written_twice_in_a_batch_is_one_with_the_last_properties(store):
    # The embedded store CREATEs these relationships: rows.batch_rows must leave one per identity.
    doc = _with_role(document(), ("董事长", 17), ("董事长", 17))
    doc["entities"][0]["mentions"] = _mentions((0, 4), (0, 2), (23, 25))
    doc["claims"][0]["about"] = [{"type": "Company", "name": "小米集团"}] * 2
    write_documents(store, [doc], "x1")
    _, mentions = store.read("MATCH (:Article)-[m:MENTIONS]->(:Company) RETURN m.start_char, m.end_char, m.text "
                             "ORDER BY m.start_char")
    assert mentions == [[0, 2, "小米"], [23, 25, "小米"]]
    assert _count(store, "MATCH (:Claim)-[r:ABOUT]->(:Company) RETURN count(r)") == 1
    assert _count(store, "MATCH (:Person)-[r:HOLDS_ROLE]->(:Company) RETURN count(r)") == 1
    counts = store.type_counts()
    edited = copy.deepcopy(doc)
    edited["article"] = dict(edited["article"], published="2026-03-19")  # rewritten in place
    write_documents(store, [edited], "x1")
    assert store.type_counts() == counts


def test_bad_queries_raise_a_query_error(store):
    with pytest.raises(GraphQueryError):
        store.read("MATCH (n RETURN n")
