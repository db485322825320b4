"""Older versions of an article are found by URL and by file whatever their id; on the embedded
store through its internal ArticleLookup table, kept in step with the articles."""
from __future__ import annotations

import pytest

from newsgraph.graph import remove_articles, update_article_paths
from newsgraph.graph.bulk import bulk_load
from newsgraph.graph.embedded_store import EmbeddedStore

from newsgraph.staged import write_documents

from .conftest import snapshot
from .test_rows import article_rows, document

pytestmark = pytest.mark.integration

URL = "https://example.org/news/1"


def _doc(article_id, url=None, source_path=None, text=None):
    doc = document(figures=[], claims=[])
    doc["article"] = dict(doc["article"], id=article_id, url=url, source_path=source_path,
                          path=source_path and source_path.rsplit("/", 1)[-1],
                          text=text or doc["article"]["text"])
    return doc


def _article_ids(store):
    return sorted(row[0] for row in store.read("MATCH (a:Article) RETURN a.id")[1])


def _lookups(store):
    return sorted((key, list(ids)) for key, ids in store.read("MATCH (n:ArticleLookup) RETURN n.key, n.articles")[1])


@pytest.fixture
def embedded(tmp_path):
    opened = EmbeddedStore(tmp_path / "graph.db")
    opened.ensure_schema()
    yield opened
    opened.close()


# (stored document, new document, articles after writing the new one)
REPLACEMENTS = [
    pytest.param(_doc("old", url=URL), _doc("new", url=URL), ["new"], id="same URL, other id: replaced"),
    pytest.param(_doc("old", source_path="/n/a.md"), _doc("new", source_path="/n/a.md"), ["new"],
                 id="same file, other id: replaced"),
    pytest.param(_doc("old", url=URL, source_path="/n/a.md"), _doc("new", url=URL, source_path="/n/b.md"), ["new"],
                 id="same URL, other file: replaced"),
    pytest.param(_doc("old", url=URL), _doc("new", url=URL + "?x"), ["new", "old"], id="other URL: both stay"),
    pytest.param(_doc("old", source_path="/n/a.md"), _doc("new", source_path="/n/a.md.bak"), ["new", "old"],
                 id="other file: both stay"),
    pytest.param(_doc("old", url=URL), _doc("new", source_path=URL), ["new", "old"],
                 id="a file named like the URL: both stay"),
    pytest.param(_doc("old"), _doc("new"), ["new", "old"], id="neither URL nor file: both stay"),
]


@pytest.mark.parametrize("stored, new, expected", REPLACEMENTS)
def test_an_older_version_is_found_by_url_or_file(store, stored, new, expected):
    write_documents(store, [stored], "x1")
    write_documents(store, [new], "x1")
    assert _article_ids(store) == expected


@pytest.mark.parametrize("stored, new, expected", REPLACEMENTS)
def test_the_lookup_table_lists_exactly_the_stored_articles(embedded, stored, new, expected):
    write_documents(embedded, [stored], "x1")
    write_documents(embedded, [new], "x1")
    rows = [article_rows(d, "x1")["articles"][0] for d in (stored, new) if d["article"]["id"] in expected]
    wanted = sorted([f"{field}:{row[field]}", [row["id"]]] for row in rows for field in ("url", "source_path")
                    if row[field] is not None)
    assert [list(entry) for entry in _lookups(embedded)] == wanted


def test_articles_of_one_run_share_a_url_until_a_later_run_replaces_both(embedded):
    write_documents(embedded, [_doc("a", url=URL)], "x1", keep={"a", "b"})
    write_documents(embedded, [_doc("b", url=URL, text="另一篇")], "x1", keep={"a", "b"})
    assert _article_ids(embedded) == ["a", "b"] and _lookups(embedded) == [(f"url:{URL}", ["a", "b"])]
    write_documents(embedded, [_doc("c", url=URL)], "x1")
    assert _article_ids(embedded) == ["c"] and _lookups(embedded) == [(f"url:{URL}", ["c"])]


def test_removed_articles_leave_the_table(embedded):
    write_documents(embedded, [_doc("a", url=URL, source_path="/n/a.md"), _doc("b", url=URL + "2")], "x1")
    remove_articles(embedded, ["a"])
    assert _lookups(embedded) == [(f"url:{URL}2", ["b"])]
    remove_articles(embedded, ["b"])
    assert _lookups(embedded) == []


def test_writing_the_same_articles_again_changes_nothing(embedded):
    docs = [_doc("a", url=URL, source_path="/n/a.md"), _doc("b", source_path="/n/b.md")]
    write_documents(embedded, docs, "x1")
    before = snapshot(embedded)
    write_documents(embedded, docs, "x1")
    assert snapshot(embedded) == before


class _Moved:
    def __init__(self, id_, path, source_path):
        self.id, self.path, self.source_path = id_, path, source_path


def test_a_moved_file_is_found_at_its_new_path_only(embedded):
    write_documents(embedded, [_doc("a", source_path="/n/a.md")], "x1")
    update_article_paths(embedded, [_Moved("a", "b.md", "/n/b.md")])
    assert _lookups(embedded) == [("source_path:/n/b.md", ["a"])]
    write_documents(embedded, [_doc("other", source_path="/n/a.md")], "x1")  # a new file at the old path
    assert _article_ids(embedded) == ["a", "other"]
    write_documents(embedded, [_doc("edited", source_path="/n/b.md")], "x1")
    assert _article_ids(embedded) == ["edited", "other"]


def test_a_store_written_before_the_table_gets_it_when_opened_for_writing(tmp_path):
    store = EmbeddedStore(tmp_path / "graph.db")
    store.ensure_schema()
    write_documents(store, [_doc("a", url=URL, source_path="/n/a.md"), _doc("b")], "x1")
    expected = _lookups(store)
    store.write(lambda run: run("DROP TABLE ArticleLookup", None))
    store.ensure_schema()
    assert _lookups(store) == expected == [(f"source_path:/n/a.md", ["a"]), (f"url:{URL}", ["a"])]
    store.close()


def test_the_bulk_path_fills_the_table_as_the_writer_does(tmp_path):
    docs = [_doc("a", url=URL, source_path="/n/a.md"), _doc("b", source_path="/n/b.md"), _doc("c")]
    batched = EmbeddedStore(tmp_path / "batched.db")
    batched.ensure_schema()
    write_documents(batched, docs, "x1")
    bulk = EmbeddedStore(tmp_path / "bulk.db")
    bulk_load(bulk, [article_rows(d, "x1") for d in docs])
    assert _lookups(bulk) == _lookups(batched) and len(_lookups(bulk)) == 3
    write_documents(bulk, [_doc("a2", url=URL)], "x1")  # found by URL after a bulk load
    assert _article_ids(bulk) == ["a2", "b", "c"]
    batched.close()
    bulk.close()


def test_the_table_is_not_counted_among_the_labels(embedded):
    write_documents(embedded, [_doc("a", url=URL)], "x1")
    assert "ArticleLookup" not in embedded.label_counts() and embedded.label_counts()["Article"] == 1
