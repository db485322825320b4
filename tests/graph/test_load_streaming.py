"""`newsgraph load` reads its input twice and builds records only for the articles it writes."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from benchmarks.synthetic import EXTRACTOR, documents
from newsgraph import staged
from newsgraph.cli import main
from newsgraph.graph.embedded_store import EmbeddedStore
from newsgraph.staged import load

from .conftest import snapshot

pytestmark = pytest.mark.integration  # a real store


def _line(document: dict) -> str:
    return json.dumps({**document, "extractor": EXTRACTOR}, ensure_ascii=False) + "\n"


def _write(path, docs) -> str:
    path.write_text("".join(_line(d) for d in docs), encoding="utf-8")
    return str(path)


def _retitled(document: dict, title: str) -> dict:
    return {**document, "article": {**document["article"], "title": title}}


def _store(folder, name="graph.db"):
    store = EmbeddedStore(folder / name)
    store.ensure_schema()
    return store


class _CountingWrites:
    """The store, counting its write transactions."""

    def __init__(self, store):
        self.store, self.count = store, 0

    def __getattr__(self, name):
        return getattr(self.store, name)

    def write(self, work):
        self.count += 1
        return self.store.write(work)


@pytest.fixture
def built(monkeypatch):
    """Counts the documents turned into records."""
    calls = []
    original = staged.from_document

    def counting(document):
        calls.append(document["article"]["id"])
        return original(document)

    monkeypatch.setattr(staged, "from_document", counting)
    return calls


def test_an_unchanged_article_builds_no_records_and_new_ones_are_written(tmp_path, built):
    docs = documents(30, seed=3)
    store = _store(tmp_path)
    first = load([_write(tmp_path / "a.ndjson", docs[:25])], store, batch_size=7)
    assert (first.ingested, first.bulk) == (25, True)
    built.clear()
    again = load([_write(tmp_path / "b.ndjson", docs)], store, batch_size=7)
    assert (again.read, again.unchanged, again.ingested, again.bulk, again.failed) == (30, 25, 5, False, [])
    assert built == [d["article"]["id"] for d in docs[25:]]  # only the 5 new documents were parsed
    built.clear()
    writes = _CountingWrites(store)
    assert load([str(tmp_path / "b.ndjson")], writes).unchanged == 30
    assert (built, writes.count) == ([], 0)  # nothing parsed, no write transaction (the paths are the same)
    batched = _store(tmp_path, "batched.db")
    load([_write(tmp_path / "c.ndjson", docs[:1])], batched)
    load([str(tmp_path / "b.ndjson")], batched, batch_size=7)
    assert snapshot(store) == snapshot(batched)


def test_the_later_version_of_an_article_wins_across_files(tmp_path):
    docs = documents(4, seed=4)
    first = _write(tmp_path / "first.ndjson", docs)
    later = _write(tmp_path / "later.ndjson", [_retitled(docs[1], "改过的标题"), docs[3]])
    store = _store(tmp_path)
    report = load([first, later], store, batch_size=2)
    assert (report.read, report.ingested, report.failed) == (4, 4, [])
    assert report.warnings == [f"{later}:1: the same article as {first}:2; keeping this one",
                               f"{later}:2: the same article as {first}:4; keeping this one"]
    _, rows = store.read("MATCH (a:Article {id: $id}) RETURN a.title", {"id": docs[1]["article"]["id"]})
    assert rows == [["改过的标题"]]


def test_a_line_broken_after_its_article_fails_by_file_and_line_and_the_others_load(tmp_path):
    docs = documents(3, seed=6)
    good = [_line(d) for d in docs]
    broken = good[1].replace('"figures": [', '"figures": [,', 1)  # the article and the extractor still read
    path = tmp_path / "mixed.ndjson"
    path.write_text(good[0] + "\n" + broken + "{not json\n" + good[2], encoding="utf-8")
    store = _store(tmp_path)
    store.write(lambda run: run("CREATE (:Period {key: 'keeps the store non-empty'})", None))
    report = load([str(path)], store)
    assert [f["source"] for f in report.failed] == [f"{path}:4", f"{path}:3"]
    assert report.failed[0]["error"].startswith(f"{path}:4: not valid JSON (")
    assert report.failed[1]["error"].startswith(f"{path}:3: not valid JSON (")
    assert (report.read, report.ingested) == (3, 2)
    _, rows = store.read("MATCH (a:Article) RETURN a.id ORDER BY a.id")
    assert [r[0] for r in rows] == sorted([docs[0]["article"]["id"], docs[2]["article"]["id"]])


def test_stdin_loads_as_a_file_does_and_a_second_load_changes_nothing(tmp_path):
    docs = documents(12, seed=8)
    text = "".join(_line(d) for d in docs)
    from_stdin = CliRunner().invoke(main, ["load", "--db", str(tmp_path / "in.db"), "--silent", "-"],
                                    input=text.encode("utf-8"))
    assert from_stdin.exit_code == 0, from_stdin.output
    assert json.loads(from_stdin.stdout)["ingested"] == 12
    again = CliRunner().invoke(main, ["load", "--db", str(tmp_path / "in.db"), "--silent", "-"],
                               input=(text + _line(_retitled(docs[0], "新标题"))).encode("utf-8"))
    summary = json.loads(again.stdout)
    assert (summary["ingested"], summary["unchanged"], summary["warnings"]) == (
        1, 11, ["<stdin>:13: the same article as <stdin>:1; keeping this one"])
    from_file = _store(tmp_path, "file.db")
    load([_write(tmp_path / "all.ndjson", [*docs[1:], _retitled(docs[0], "新标题")])], from_file)
    in_store = EmbeddedStore(tmp_path / "in.db")
    assert snapshot(in_store) == snapshot(from_file)
