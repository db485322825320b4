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


def _ndjson(*records):
    import json

    return "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n"


def test_stdin_batches_and_ndjson_lines_never_replace_each_other(store, tmp_path):
    import io

    day1 = _ndjson({"text": "星河科技发布新品。", "published": "2025-03-01"})
    day2 = _ndjson({"text": "云帆集团发布年报。", "published": "2025-03-02"})
    ingest(["-"], store, options=OPTIONS, stdin=io.BytesIO(day1.encode()))
    ingest(["-"], store, options=OPTIONS, stdin=io.BytesIO(day2.encode()))
    assert _count(store, "MATCH (a:Article) RETURN count(a)") == 2
    bulk = tmp_path / "bulk.ndjson"
    bulk.write_text(_ndjson({"text": "A公司公告。"}, {"text": "B公司公告。"}), encoding="utf-8")
    ingest([str(bulk)], store, options=OPTIONS)
    bulk.write_text(_ndjson({"text": "新插入的一条。"}, {"text": "A公司公告。"}, {"text": "B公司公告。"}), encoding="utf-8")
    report = ingest([str(bulk)], store, options=OPTIONS)
    assert (report.ingested, report.unchanged) == (1, 2)
    assert _count(store, "MATCH (a:Article) RETURN count(a)") == 5


def test_a_renamed_file_keeps_its_article_and_a_new_file_at_the_old_name_is_added(store, tmp_path):
    (tmp_path / "a.md").write_text(FIRST, encoding="utf-8")
    ingest([str(tmp_path)], store, options=OPTIONS)
    (tmp_path / "a.md").rename(tmp_path / "b.md")
    (tmp_path / "a.md").write_text(EDITED, encoding="utf-8")
    report = ingest([str(tmp_path)], store, options=OPTIONS)
    assert (report.ingested, report.unchanged) == (1, 1)
    _, rows = store.read("MATCH (a:Article) RETURN a.path ORDER BY a.path")
    assert [r[0].rsplit("/", 1)[-1] for r in rows] == ["a.md", "b.md"]


def test_the_same_file_from_another_working_directory_is_the_same_article(store, tmp_path, monkeypatch):
    (tmp_path / "news").mkdir()
    path = tmp_path / "news" / "a.md"
    path.write_text(FIRST, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    ingest(["news/a.md"], store, options=OPTIONS)
    path.write_text(EDITED, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "news")
    assert ingest(["a.md"], store, options=OPTIONS).ingested == 1
    assert _count(store, "MATCH (a:Article) RETURN count(a)") == 1


def test_a_metadata_edit_is_ingested_again(store, tmp_path):
    path = tmp_path / "a.md"
    path.write_text(FIRST, encoding="utf-8")
    ingest([str(path)], store, options=OPTIONS)
    path.write_text(FIRST.replace("published: 2025-03-20", "published: 2026-03-20"), encoding="utf-8")
    report = ingest([str(path)], store, options=OPTIONS)
    assert (report.ingested, report.unchanged) == (1, 0)
    _, [[published]] = store.read("MATCH (a:Article) RETURN a.published")
    assert published == "2026-03-20"


def test_the_same_url_twice_keeps_the_last_version_with_a_warning(store, tmp_path):
    bulk = tmp_path / "bulk.ndjson"
    bulk.write_text(_ndjson({"text": "初版。", "url": "https://example.com/1"},
                            {"text": "修订版。", "url": "https://example.com/1"}), encoding="utf-8")
    report = ingest([str(bulk)], store, options=OPTIONS)
    assert report.ingested == 1 and report.warnings == [
        f"{bulk}:2: the same article as {bulk}:1; keeping this one"]
    _, [[text]] = store.read("MATCH (a:Article) RETURN a.text")
    assert text == "修订版。"
