"""app.ingest against both stores: edits replace, bad files are reported, nothing is duplicated."""
from __future__ import annotations

from newsgraph.app import ingest
from newsgraph.extract.pipeline import PipelineOptions

from .conftest import snapshot

OPTIONS = PipelineOptions(use_ner=False)
FIRST = """---
title: 星河科技发布年报
published: 2025-03-20
source: 测试财经
---

星河科技2024年营收120亿元，同比增长15%。星河科技董事长李明表示，公司将继续投入研发。
"""
EDITED = FIRST.replace("120亿元", "125亿元").replace("15%", "18%")


def _count(store, query):
    return store.read(query)[1][0][0]


def test_an_edited_file_replaces_its_facts(store, tmp_path):
    path = tmp_path / "a.md"
    path.write_text(FIRST, encoding="utf-8")
    assert ingest([str(path)], store, options=OPTIONS).ingested == 1
    path.write_text(EDITED, encoding="utf-8")
    report = ingest([str(path)], store, options=OPTIONS)
    assert (report.ingested, report.unchanged) == (1, 0)
    assert _count(store, "MATCH (a:Article) RETURN count(a)") == 1
    _, rows = store.read("MATCH (f:Figure) RETURN f.text ORDER BY f.text")
    assert [r[0] for r in rows] == ["125亿元", "18%"]
    assert _count(store, "MATCH (c:Company {name: '星河科技'}) RETURN count(c)") == 1


def test_a_bad_file_is_reported_and_the_others_are_loaded_once(store, tmp_path):
    (tmp_path / "good.md").write_text(FIRST, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary")
    report = ingest([str(tmp_path)], store, options=OPTIONS)
    assert report.ingested == 1
    assert [f["error"].rsplit("/", 1)[-1] for f in report.failed] == [
        "bad.txt: binary file (NUL bytes); expected UTF-8 or GB18030 text"]
    before = snapshot(store)
    again = ingest([str(tmp_path)], store, options=OPTIONS)
    assert (again.ingested, again.unchanged, len(again.failed)) == (0, 1, 1)
    assert snapshot(store) == before
