"""The per-batch steps that look only at what a batch touches give the graph a full recompute gives."""
from __future__ import annotations

import copy

from newsgraph.staged import write_documents

from .conftest import snapshot
from .test_rows import document


def _other(article_id, url, mention):
    """Another article about 小米集团 that names it ``mention``."""
    doc = document(figures=[], claims=[], dates=[])
    doc["article"] = dict(doc["article"], id=article_id, path=None, source_path=None, url=url)
    doc["entities"] = [{"type": "Company", "name": "小米集团", "aliases": [mention],
                        "mentions": [{"start": 0, "end": len(mention), "text": mention}]}]
    return doc


def _aliases(store):
    return store.read("MATCH (c:Company {key: '小米集团'}) RETURN c.aliases")[1]


def test_new_surface_forms_are_added_and_a_replaced_article_takes_its_forms_away(store):
    write_documents(store, [_other("b1", "https://example.org/1", "小米集团")], "x1")
    write_documents(store, [_other("b2", "https://example.org/2", "小米")], "x1")
    assert _aliases(store) == [[["小米", "小米集团"]]]
    write_documents(store, [_other("b3", "https://example.org/2", "小米公司")], "x1")  # replaces b2 by URL
    assert _aliases(store) == [[["小米公司", "小米集团"]]]


def test_a_speaker_only_organization_goes_with_the_article_that_quoted_it(store):
    doc = document()
    doc["claims"] = [dict(doc["claims"][0], speaker="新京财经研究院", speaker_type=None)]
    write_documents(store, [doc], "x1")
    assert store.read("MATCH (o:Organization) RETURN o.key")[1] == [["新京财经研究院"]]
    edited = copy.deepcopy(doc)
    edited["article"] = dict(edited["article"], id="a1-edited", text=doc["article"]["text"])
    edited["claims"] = []
    write_documents(store, [edited], "x1")  # same source_path: replaces a1
    assert store.read("MATCH (o:Organization) RETURN count(o)")[1] == [[0]]
    assert store.read("MATCH (p:Period) RETURN p.key")[1] == [["2024"]]  # still referred to by a date


def test_batch_by_batch_equals_all_at_once(store):
    docs = [_other(f"c{n}", f"https://example.org/c{n}", form) for n, form in enumerate(["小米", "小米集团", "小米"])]
    for doc in docs:
        write_documents(store, [doc], "x1")
    one_by_one = snapshot(store)
    store.write(lambda run: run("MATCH (n) DETACH DELETE n", None))
    write_documents(store, docs, "x1")
    assert snapshot(store) == one_by_one


def test_an_entity_only_mentioned_goes_with_the_article_that_mentioned_it(store):
    doc = document(figures=[], claims=[])
    doc["entities"].append({"type": "Product", "name": "小米SU7", "aliases": ["小米SU7"],
                            "mentions": [{"start": 23, "end": 25, "text": "小米"}]})
    write_documents(store, [doc], "x1")
    assert store.read("MATCH (p:Product) RETURN count(p)")[1] == [[1]]
    edited = document(figures=[], claims=[])
    edited["article"] = dict(edited["article"], id="a1-edited")
    write_documents(store, [edited], "x1")  # same source_path, without the product
    assert store.read("MATCH (p:Product) RETURN count(p)")[1] == [[0]]
