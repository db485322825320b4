"""Who said it, in the graph: a company speaking (集团/公司 resolved to it), an anonymous source, and
a person the entity tagger missed (a transliterated name) typed Person by the claim rule's hint.

Claim-[:SAID_BY]->Company for 公司表示; an anonymous source (据知情人士透露) is kept as the
Organization named as written, the way named sources that are not entities are stored
(README, Graph model). The same assertions run on the embedded store and on Neo4j.
"""
from __future__ import annotations

import pytest

from newsgraph.app import ingest
from newsgraph.extract.pipeline import PipelineOptions

from .conftest import _empty_store

pytestmark = pytest.mark.integration  # a real store or other processes

ARTICLE = """---
title: 星河科技发布半年报
published: 2025-08-20
source: 测试财经
---

星河科技发布2025年半年报。公司表示，上半年营收同比增长12%、净利润增长8%；海外收入占比升至30%。

据知情人士透露，星河科技正在筹备赴港上市。

泰国商会主席育亭·维沙蓬表示，两国贸易额有望继续增长。
"""


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def loaded(request, tmp_path):
    store = _empty_store(request, tmp_path)
    path = tmp_path / "xinghe.md"
    path.write_text(ARTICLE, encoding="utf-8")
    assert ingest([str(path)], store, options=PipelineOptions(use_ner=False)).ingested == 1
    yield store
    store.close()


def test_a_company_speaks(loaded):
    _, rows = loaded.read(
        "MATCH (c:Claim)-[:SAID_BY]->(s:Company) RETURN s.name, c.cue, c.text ORDER BY c.start_char")
    assert rows == [["星河科技", "表示", "上半年营收同比增长12%、净利润增长8%；海外收入占比升至30%"]]


def test_an_anonymous_source_is_kept(loaded):
    _, rows = loaded.read(
        "MATCH (c:Claim)-[:SAID_BY]->(s:Organization) RETURN s.name, c.cue, c.text")
    assert rows == [["知情人士", "透露", "星河科技正在筹备赴港上市"]]
    _, unattributed = loaded.read("MATCH (c:Claim) WHERE NOT (c)-[:SAID_BY]->() RETURN count(c)")
    assert unattributed == [[0]]


def test_an_untagged_person_speaks_as_a_person(loaded):
    _, rows = loaded.read(
        "MATCH (c:Claim)-[:SAID_BY]->(s:Person) RETURN s.name, c.cue, c.text")
    assert rows == [["育亭·维沙蓬", "表示", "两国贸易额有望继续增长"]]
