"""`newsgraph remove`: an article, its facts and what only it referred to go; the rest stays."""
from __future__ import annotations

import pytest
import json

from click.testing import CliRunner

from newsgraph.app import ingest, remove
from newsgraph.cli import main
from newsgraph.extract.pipeline import PipelineOptions

from .conftest import snapshot

OPTIONS = PipelineOptions(use_ner=False)
SHARED = "星河科技2024年营收120亿元。星河科技董事长李明表示，公司将继续投入研发。\n"
ONLY_OLD = "云帆物流2023年营收30亿元，同比增长8%。\n"


def _count(store, query):
    return store.read(query)[1][0][0]


def _setup(store, tmp_path):
    (tmp_path / "keep.md").write_text(SHARED, encoding="utf-8")
    (tmp_path / "old.md").write_text("星河科技又称星河。" + ONLY_OLD, encoding="utf-8")
    report = ingest([str(tmp_path)], store, options=OPTIONS)
    assert report.ingested == 2, report.failed


def test_a_renamed_and_edited_file_keeps_its_old_article_until_removed(store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "keep.md").write_text(SHARED, encoding="utf-8")
    before_only_keep = None
    ingest(["keep.md"], store, options=OPTIONS)
    before_only_keep = snapshot(store)
    (tmp_path / "old.md").write_text(ONLY_OLD, encoding="utf-8")
    ingest(["old.md"], store, options=OPTIONS)
    (tmp_path / "old.md").rename(tmp_path / "new.md")
    (tmp_path / "new.md").write_text(ONLY_OLD.replace("30亿元", "31亿元"), encoding="utf-8")
    ingest(["keep.md", "new.md"], store, options=OPTIONS)
    assert _count(store, "MATCH (a:Article) RETURN count(a)") == 3  # the old article is still there
    report = remove(["old.md"], store)  # the file is gone: its absolute path still names it
    assert [r["path"] for r in report.removed] == ["old.md"] and report.not_found == []
    _, rows = store.read("MATCH (a:Article) RETURN a.path ORDER BY a.path")
    assert rows == [["keep.md"], ["new.md"]]
    remove(["new.md"], store)
    assert snapshot(store) == before_only_keep


def test_orphans_go_shared_entities_stay_and_aliases_are_recomputed(store, tmp_path):
    _setup(store, tmp_path)
    _, [[aliases]] = store.read("MATCH (c:Company {name: '星河科技'}) RETURN c.aliases")
    assert "星河" in aliases
    [article_id] = store.read("MATCH (a:Article) WHERE a.text CONTAINS '云帆' RETURN a.id")[1][0]
    report = remove([article_id], store)
    assert [r["id"] for r in report.removed] == [article_id]
    assert _count(store, "MATCH (c:Company {name: '云帆物流'}) RETURN count(c)") == 0
    assert _count(store, "MATCH (p:Period {key: '2023'}) RETURN count(p)") == 0
    assert _count(store, "MATCH (f:Figure) WHERE f.text = '30亿元' RETURN count(f)") == 0
    assert store.read("MATCH (c:Company {name: '星河科技'}) RETURN c.aliases")[1] == [[["星河科技"]]]
    assert _count(store, "MATCH (p:Period {key: '2024'}) RETURN count(p)") == 1


def test_unknown_references_are_reported_and_nothing_changes(store, tmp_path):
    _setup(store, tmp_path)
    before = snapshot(store)
    report = remove(["nothing.md", "0" * 64], store)
    assert (report.removed, report.not_found) == ([], ["nothing.md", "0" * 64])
    assert snapshot(store) == before


@pytest.mark.integration
def test_the_remove_command_on_the_embedded_store(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(SHARED, encoding="utf-8")
    (tmp_path / "b.md").write_text(ONLY_OLD, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", "--no-ner", "--silent", "."]).exit_code == 0
    result = runner.invoke(main, ["remove", "b.md", "missing.md"])
    assert result.exit_code == 1
    assert "error: missing.md: no stored article has this path or id" in result.stderr
    summary = json.loads(result.stdout)
    assert [r["path"] for r in summary["removed"]] == ["b.md"] and summary["labels"]["Article"] == 1


def test_remove_without_a_graph_says_so(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["remove", "a.md"])
    assert result.exit_code == 1 and "no graph at newsgraph.db; pass --db PATH or --neo4j URI" in result.stderr
    assert not (tmp_path / "newsgraph.db").exists()
