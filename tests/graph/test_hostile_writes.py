"""Hostile input on both stores: over-long names fit the indexes, and a batch that fails is
retried article by article so that only the bad article fails, named by its path."""
from __future__ import annotations

import copy

import pytest

from newsgraph.app import ingest
from newsgraph.extract.pipeline import PipelineOptions
from newsgraph.extract.serialize import from_document
from newsgraph.graph import write_articles
from newsgraph.graph.schema import MAX_KEY_CHARS, entity_key, entity_name

from .test_rows import document


@pytest.mark.parametrize("name, expected", [
    ("小米集团", "小米集团"),
    ("Xiaomi  Corp", "xiaomicorp"),
    ("A" * MAX_KEY_CHARS, "a" * MAX_KEY_CHARS),
])
def test_short_keys_are_the_normalized_name(name, expected):
    assert entity_key(name) == expected


def test_long_keys_are_bounded_distinct_and_deterministic():
    first, second = entity_key("Ab" * 4500), entity_key("Ab" * 4499 + "Ac")
    assert len(first) == len(second) == MAX_KEY_CHARS
    assert first != second and first == entity_key("Ab" * 4500)
    assert first.startswith("ab" * 50)
    assert len(entity_name("Ab" * 4500)) == MAX_KEY_CHARS and entity_name("小米") == "小米"


def _doc(number: int) -> dict:
    doc = copy.deepcopy(document())
    doc["article"] = dict(doc["article"], id=f"b{number}", path=f"news/{number}.md",
                          source_path=f"/news/{number}.md")
    for item in doc["figures"] + doc["claims"]:
        item["id"] = item["id"].replace("a1", f"b{number}")
    return doc


def test_a_bad_article_fails_alone_and_the_rest_of_its_batch_is_written(store):
    batch = [_doc(n) for n in range(5)]
    batch[2]["figures"][0]["value"] = {"not": "a number"}  # refused inside the store's transaction
    failed = write_articles(store, [from_document(doc) for doc in batch], "x1")
    assert [x.article.path for x, _ in failed] == ["news/2.md"]
    assert failed[0][1].startswith("writing 1 article(s) (news/2.md) to ")
    _, rows = store.read("MATCH (a:Article) RETURN a.path ORDER BY a.path")
    assert rows == [["news/0.md"], ["news/1.md"], ["news/3.md"], ["news/4.md"]]


def test_a_good_batch_is_written_in_one_go(store):
    assert write_articles(store, [from_document(_doc(n)) for n in range(3)], "x1") == []
    assert store.read("MATCH (a:Article) RETURN count(a)")[1] == [[3]]


def test_a_nine_thousand_character_latin_company_name_is_ingested(store, tmp_path):
    long_name = "Abcdefgh" * 1125
    for number in range(4):
        (tmp_path / f"n{number}.md").write_text(
            f"星河电子第{number + 1}季度营收12亿元。\n", encoding="utf-8")
    (tmp_path / "latin.md").write_text(f"据悉，{long_name}公司宣布营收增长10%。\n", encoding="utf-8")
    report = ingest([str(tmp_path)], store, options=PipelineOptions(use_ner=False))
    assert (report.ingested, report.failed) == (5, [])
    _, rows = store.read("MATCH (c:Company) WHERE c.name STARTS WITH 'Abcdefgh' RETURN c.key, c.name")
    [[key, name]] = rows
    assert len(key) == len(name) == MAX_KEY_CHARS and name.endswith("…")
