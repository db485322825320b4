"""Staged runs: `extract --with-text` output loaded with staged.load builds the graph ingest builds."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsgraph.app import extract_documents, ingest
from newsgraph.cli import main
from newsgraph.extract.pipeline import PipelineOptions
from newsgraph.staged import load

from ..conftest import CORPUS
from .conftest import snapshot

OPTIONS = PipelineOptions(use_ner=False)
FILES = [str(CORPUS / name) for name in ("a02-xiaomi-2024-annual-results.md", "a03-yuanhang-series-c-financing.md",
                                          "a09-yuanhang-nova3-launch.md")]
ARTICLE = """---
title: 星河科技发布年报
published: 2025-03-20
source: 测试财经
---

星河科技2024年营收120亿元，同比增长15%。星河科技董事长李明表示，公司将继续投入研发。
"""


def _extract(paths, out):
    lines = [json.dumps(doc, ensure_ascii=False) for _, doc in
             extract_documents(paths, options=OPTIONS, with_text=True) if doc is not None]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    return _extract(FILES, tmp_path_factory.mktemp("staged") / "corpus.ndjson")


def test_extract_then_load_builds_the_graph_ingest_builds(store, extracted):
    report = load([str(extracted)], store)
    assert (report.ingested, report.unchanged, report.failed) == (3, 0, [])
    loaded = snapshot(store)
    assert len(loaded[0]) > 50 and len(loaded[1]) > 100
    for query in ("MATCH (n) DETACH DELETE n",):
        store.write(lambda run: run(query, None))
    assert ingest(FILES, store, options=OPTIONS).ingested == 3
    assert snapshot(store) == loaded


@pytest.mark.integration
def test_a_first_load_into_an_empty_embedded_store_is_bulk_and_the_batched_graph(extracted, tmp_path):
    from newsgraph.graph.embedded_store import EmbeddedStore

    embedded_store = EmbeddedStore(tmp_path / "graph.db")
    first = load([str(extracted)], embedded_store)
    assert first.bulk and (first.ingested, first.failed) == (3, [])
    bulk = snapshot(embedded_store)
    embedded_store.write(lambda run: run("MATCH (n) DETACH DELETE n", None))
    head, tail = extracted.read_text(encoding="utf-8").splitlines(keepends=True)[:1], \
        extracted.read_text(encoding="utf-8").splitlines(keepends=True)[1:]
    (tmp_path / "head.ndjson").write_text("".join(head), encoding="utf-8")
    (tmp_path / "tail.ndjson").write_text("".join(tail), encoding="utf-8")
    assert load([str(tmp_path / "head.ndjson")], embedded_store).bulk  # empty again: bulk
    batched = load([str(tmp_path / "tail.ndjson")], embedded_store)  # not empty: the batched writer
    assert not batched.bulk and batched.ingested == 2
    assert snapshot(embedded_store) == bulk


def test_loading_twice_changes_nothing_and_ingest_then_skips_the_articles(store, extracted):
    load([str(extracted)], store)
    before = snapshot(store)
    again = load([str(extracted)], store)
    assert (again.ingested, again.unchanged) == (0, 3)
    assert snapshot(store) == before
    assert ingest(FILES, store, options=OPTIONS).unchanged == 3


def test_a_loaded_edit_replaces_the_older_version_of_the_file(store, tmp_path):
    path = tmp_path / "a.md"
    path.write_text(ARTICLE, encoding="utf-8")
    load([str(_extract([str(path)], tmp_path / "v1.ndjson"))], store)
    path.write_text(ARTICLE.replace("120亿元", "125亿元"), encoding="utf-8")
    report = load([str(_extract([str(path)], tmp_path / "v2.ndjson"))], store)
    assert (report.ingested, report.unchanged) == (1, 0)
    assert store.read("MATCH (a:Article) RETURN count(a)")[1] == [[1]]
    _, rows = store.read("MATCH (f:Figure) RETURN f.text ORDER BY f.text")
    assert [r[0] for r in rows] == ["125亿元", "15%"]


@pytest.mark.integration
def test_malformed_lines_are_reported_by_file_and_line_and_the_others_load(tmp_path, extracted):
    good = extracted.read_text(encoding="utf-8").splitlines()
    no_text = json.loads(good[1])
    del no_text["article"]["text"]
    no_extractor = json.loads(good[2])
    del no_extractor["extractor"]
    bad = tmp_path / "bad.ndjson"
    bad.write_text("\n".join([good[0], "{not json", json.dumps(no_text, ensure_ascii=False),
                              json.dumps(no_extractor, ensure_ascii=False), ""]), encoding="utf-8")
    result = CliRunner().invoke(main, ["load", "--db", str(tmp_path / "g.db"), "--silent", str(bad)])
    assert result.exit_code == 1
    assert f"error: {bad}:2: not valid JSON" in result.stderr
    assert f"error: {bad}:3: the article has no text; produce it with `newsgraph extract --with-text`" in result.stderr
    assert f"error: {bad}:4: no \"extractor\" id" in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert json.loads(result.stdout)["ingested"] == 1


def test_a_missing_file_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["load", "--db", str(tmp_path / "g.db"), str(tmp_path / "nope.ndjson")])
    assert result.exit_code == 1
    assert f"{tmp_path / 'nope.ndjson'}: no such file" in result.stderr
    assert not (tmp_path / "g.db").exists()
