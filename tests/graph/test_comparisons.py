"""Figures compared across articles at load time, on both stores: the Values figures report, the
AGREES_WITH / DISAGREES_WITH between Values, Value.sources and the per-figure view computed through
them stay exact whatever the order, batching, re-ingest or edit."""
from __future__ import annotations

import math
import random

import pytest

from newsgraph.graph import GraphWriteError, remove_articles
from newsgraph.graph.compare_report import figure_level
from newsgraph.staged import write_documents

from .conftest import snapshot

YI = 100_000_000


# Figure ids are "article:start-end" (model.fact_id); the tests name them "article:fN" (the Nth figure).
NAMES: dict[str, str] = {}


def named(figure_id: str) -> str:
    return NAMES.get(figure_id, figure_id)


def article(id_, figures, *, path=None, title="标题", published="2025-03-20"):
    """A hand-made extraction document: one company, 小米集团, and the given figures
    (text, value, measure[, extra fields]) in sentences of their own."""
    text, sentences, rows = "", [], []
    for number, (figure_text, value, measure, *extra) in enumerate(figures):
        sentence = f"小米集团2024年{measure}为{figure_text}。"
        start = len(text) + sentence.index(figure_text)
        NAMES[f"{id_}:{start}-{start + len(figure_text)}"] = f"{id_}:f{number}"
        row = {"id": f"{id_}:{start}-{start + len(figure_text)}", "text": figure_text, "start": start,
               "end": start + len(figure_text), "value": value, "unit": "CNY", "measure": measure,
               "subject": "小米集团", "period": "2024", "period_interval": ["2024-01-01", "2024-12-31"]}
        row.update(extra[0] if extra else {})
        sentences.append({"start": len(text), "end": len(text) + len(sentence)})
        rows.append(row)
        text += sentence
    path = path or f"news/{id_}.md"
    return {
        "article": {"id": id_, "path": path, "source_path": f"/{path}", "title": title,
                    "published": published, "source": "测试", "author": None, "url": None, "text": text},
        "sentences": sentences,
        "entities": [{"type": "Company", "name": "小米集团", "aliases": ["小米集团"],
                      "mentions": [{"start": s["start"], "end": s["start"] + 4, "text": "小米集团"}
                                   for s in sentences]}],
        "figures": rows, "dates": [], "claims": [], "relations": [],
    }


A = article("a", [("3659亿元", 3659 * YI, "营收")])
B = article("b", [("3,659.0亿元", 3659 * YI, "营收")])
C = article("c", [("3500亿元", 3500 * YI, "营收")])


def comparisons(store):
    """The per-figure view: (figure, AGREES_WITH or DISAGREES_WITH, figure), figures of different articles."""
    return sorted((named(c.source), "AGREES_WITH" if c.agrees else "DISAGREES_WITH", named(c.target))
                  for found in figure_level(store).values() for c in found)


def value_edges(store):
    """The stored edges between Values, each end named by the texts of its figures."""
    relation = "label(r)" if store.name == "embedded" else "type(r)"
    _, rows = store.read(f"""
        MATCH (v:Value)-[r]->(w:Value) MATCH (f:Figure)-[:REPORTS]->(v) MATCH (g:Figure)-[:REPORTS]->(w)
        RETURN f.text, {relation}, g.text""")
    return sorted({tuple(row) for row in rows})


def sources(store):
    """Per figure: the sources of the Value it reports."""
    _, rows = store.read("MATCH (f:Figure)-[:REPORTS]->(v:Value) RETURN f.id, v.sources ORDER BY f.id")
    return {named(id_): count for id_, count in rows}


def values(store):
    _, rows = store.read("MATCH (v:Value) RETURN v.name, v.sources ORDER BY v.name")
    return [tuple(row) for row in rows]


def test_agreeing_and_disagreeing_figures_are_linked_with_sources(store):
    write_documents(store, [A], "x")
    write_documents(store, [B], "x")
    write_documents(store, [C], "x")
    assert comparisons(store) == [("a:f0", "AGREES_WITH", "b:f0"),
                                  ("a:f0", "DISAGREES_WITH", "c:f0"),
                                  ("b:f0", "DISAGREES_WITH", "c:f0")]
    # three Values: 3,659.0亿 is written more precisely than 3659亿, and agrees with it
    assert value_edges(store) == [("3500亿元", "DISAGREES_WITH", "3,659.0亿元"), ("3500亿元", "DISAGREES_WITH", "3659亿元"),
                                  ("3659亿元", "AGREES_WITH", "3,659.0亿元")]
    assert sources(store) == {"a:f0": 1, "b:f0": 1, "c:f0": 1}
    _, [[difference, ratio]] = store.read("""
        MATCH (:Figure {id: $c})-[:REPORTS]->(v:Value) MATCH (:Figure {id: $a})-[:REPORTS]->(w:Value)
        MATCH (v)-[d:DISAGREES_WITH]->(w) RETURN d.difference, d.ratio""",
        {"a": A["figures"][0]["id"], "c": C["figures"][0]["id"]})
    assert difference == pytest.approx(159 * YI) and ratio == pytest.approx(3659 / 3500)
    [a_c] = [c for found in figure_level(store).values() for c in found if (named(c.source), named(c.target)) == ("a:f0", "c:f0")]
    assert a_c.difference == pytest.approx(-159 * YI) and a_c.ratio == pytest.approx(3500 / 3659)


def test_figures_saying_the_same_share_one_value_whose_sources_follow_its_articles(store):
    same = [article(id_, [("3659亿元", 3659 * YI, "营收")]) for id_ in ("a", "b", "s")]
    write_documents(store, same[:2], "x")
    write_documents(store, [same[2], article("d", [("3659亿元", 3659 * YI, "营收"), ("3659亿元", 3659 * YI, "营收")])], "x")
    assert values(store) == [("3658.5亿–3659.5亿 CNY", 4)]  # d's two figures count once
    assert comparisons(store) == [(x, "AGREES_WITH", y) for x, y in (
        ("a:f0", "b:f0"), ("a:f0", "d:f0"), ("a:f0", "d:f1"), ("a:f0", "s:f0"), ("b:f0", "d:f0"),
        ("b:f0", "d:f1"), ("b:f0", "s:f0"), ("d:f0", "s:f0"), ("d:f1", "s:f0"))]
    write_documents(store, [C], "x")  # a new value: compared with the one Value, not with four figures
    assert value_edges(store) == [("3500亿元", "DISAGREES_WITH", "3659亿元")]
    _, [[count]] = store.read("MATCH (:Value)-[r:DISAGREES_WITH]->(:Value) RETURN count(r)")
    assert count == 1
    remove_articles(store, ["a", "d"])
    assert values(store) == [("3499.5亿–3500.5亿 CNY", 1), ("3658.5亿–3659.5亿 CNY", 2)]
    remove_articles(store, ["b", "c", "s"])
    assert values(store) == [] and value_edges(store) == []


def test_order_batching_and_reingest_give_the_same_graph(store, tmp_path):
    write_documents(store, [C], "x")
    write_documents(store, [B, A], "x")
    first = snapshot(store)
    write_documents(store, [A, B, C], "x")  # everything again, in one batch
    assert snapshot(store) == first
    write_documents(store, [B], "x")
    assert snapshot(store) == first
    assert len(comparisons(store)) == 3


def test_an_edited_article_withdraws_its_comparisons(store):
    write_documents(store, [A, B, C], "x")
    corrected = article("c2", [("3659.2亿元", 3659.2 * YI, "营收")], path="news/c.md")
    write_documents(store, [corrected], "x")  # the same file, edited: replaces article c
    assert comparisons(store) == [("a:f0", "AGREES_WITH", "b:f0"),
                                  ("a:f0", "AGREES_WITH", "c2:f0"),
                                  ("b:f0", "DISAGREES_WITH", "c2:f0")]  # 3659.0 vs 3659.2
    assert sources(store) == {"a:f0": 1, "b:f0": 1, "c2:f0": 1}  # three Values; 3659.2 agrees with 3659 only
    emptied = article("c3", [], path="news/c.md")
    write_documents(store, [emptied], "x")
    assert comparisons(store) == [("a:f0", "AGREES_WITH", "b:f0")]
    assert sources(store) == {"a:f0": 1, "b:f0": 1}
    assert value_edges(store) == [("3659亿元", "AGREES_WITH", "3,659.0亿元")]
    gone = article("b2", [("3659亿元", 3659 * YI, "经调整净利润")], path="news/b.md")
    write_documents(store, [gone], "x")
    assert comparisons(store) == [] and sources(store) == {"a:f0": 1, "b2:f0": 1}
    _, [[quantities]] = store.read("MATCH (q:Quantity) RETURN count(q)")
    assert quantities == 2  # 营收 (a) and 经调整净利润 (b2); c's are gone with its figures
    assert values(store) == [("3658.5亿–3659.5亿 CNY", 1), ("3658.5亿–3659.5亿 CNY", 1)] and value_edges(store) == []


def test_different_measures_and_figures_of_one_article_are_not_compared(store):
    adjusted = article("d", [("272亿元", 272 * YI, "经调整净利润"), ("200亿元", 200 * YI, "营收")])
    unadjusted = article("e", [("236亿元", 236 * YI, "净利润")])
    write_documents(store, [adjusted, unadjusted, A], "x")
    assert comparisons(store) == [("a:f0", "DISAGREES_WITH", "d:f1")]  # 营收 3659 vs 200


def test_a_change_is_compared_only_with_a_change_of_the_same_measure(store):
    def with_change(id_, pct, direction):
        doc = article(id_, [("3659亿元", 3659 * YI, "营收")])
        text = doc["article"]["text"] + f"同比{'增长' if direction == 'up' else '下降'}{pct}%。"
        start = text.rindex(f"{pct}%")
        doc["article"]["text"] = text
        doc["sentences"].append({"start": doc["sentences"][-1]["end"], "end": len(text)})
        NAMES[f"{id_}:{start}-{start + len(str(pct)) + 1}"] = f"{id_}:f1"
        doc["figures"].append({"id": f"{id_}:{start}-{start + len(str(pct)) + 1}", "text": f"{pct}%",
                               "start": start, "end": start + len(str(pct)) + 1, "value": pct, "unit": "%",
                               "measure": "同比增长" if direction == "up" else "同比下降",
                               "direction": direction, "subject": "小米集团", "period": "2024",
                               "change_of": doc["figures"][0]["id"]})
        return doc

    write_documents(store, [with_change("f", 35, "up"), with_change("g", 35.0, "up")], "x")
    write_documents(store, [with_change("h", 35, "down")], "x")
    found = comparisons(store)
    assert found == [("f:f0", "AGREES_WITH", "g:f0"), ("f:f0", "AGREES_WITH", "h:f0"),
                     ("f:f1", "AGREES_WITH", "g:f1"), ("f:f1", "DISAGREES_WITH", "h:f1"),
                     ("g:f0", "AGREES_WITH", "h:f0"), ("g:f1", "DISAGREES_WITH", "h:f1")]


def test_the_disagreeing_figures_question(store):
    from newsgraph.graph.questions import ask

    late = article("c", [("3500亿元", 3500 * YI, "营收")], title="晚到的报道", published="2025-04-01")
    write_documents(store, [A, B, late, article("d", [("10亿元", 10 * YI, "净利润")])], "x")
    columns, rows = ask(store, "disagreeing-figures", {"company": "小米集团"})
    rows = [[*row[:-2], named(row[-2]), named(row[-1])] for row in rows]
    assert columns == ["company", "quantity", "figure", "value", "disagreement", "other_value", "other_figure",
                       "article", "other_article", "id", "other_id"]
    assert rows == [["小米集团", "小米集团 营收 2024 CNY", "3500亿元", "3499.5亿–3500.5亿 CNY", "DISAGREES_WITH",
                     "3658.5亿–3659.5亿 CNY", "3659亿元", "晚到的报道", "标题", "c:f0", "a:f0"],
                    ["小米集团", "小米集团 营收 2024 CNY", "3500亿元", "3499.5亿–3500.5亿 CNY", "DISAGREES_WITH",
                     "3658.95亿–3659.05亿 CNY", "3,659.0亿元", "晚到的报道", "标题", "c:f0", "b:f0"]]
    assert [[*row[:-2], named(row[-2]), named(row[-1])]
            for row in ask(store, "disagreeing-figures", {"measure": "营收"})[1]] == rows
    assert ask(store, "disagreeing-figures", {"measure": "净利润"})[1] == []
    assert ask(store, "disagreeing-figures", {"company": "宁德时代"})[1] == []


# --- the corpus ----------------------------------------------------------------------------------


def _corpus_comparisons(store) -> tuple[list, list, dict, list]:
    found = [c for group in figure_level(store).values() for c in group]
    agree = sorted((c.source, c.target) for c in found if c.agrees)
    disagree = sorted((c.source, c.target, round(c.difference, 3), c.ratio) for c in found if not c.agrees)
    return agree, disagree, sources(store), value_edges(store)


def _figure_texts(store, agrees: bool) -> set:
    """(subject, {text, text}) of the figure pairs that agree (or disagree)."""
    _, rows = store.read("MATCH (f:Figure) RETURN f.id, f.subject, f.text")
    figure = {id_: (subject, text) for id_, subject, text in rows}
    return {(figure[c.source][0], frozenset((figure[c.source][1], figure[c.target][1])))
            for group in figure_level(store).values() for c in group if c.agrees == agrees}


def test_the_corpus_pairs_disagree_where_the_articles_do(corpus_store):
    found = _figure_texts(corpus_store, agrees=False)
    assert (("青石电气", frozenset(("9.42亿元", "9.17亿元"))) in found  # preliminary vs final
            and ("青石电气", frozenset(("18.3%", "15.1%"))) in found
            and ("澄海半导体", frozenset(("52.4亿元", "25.4亿元"))) in found)  # the misreport
    agreeing = {pair for subject, pair in _figure_texts(corpus_store, agrees=True) if subject == '北辰乳业'}
    assert agreeing >= {frozenset(("316.27亿元", "316亿元")), frozenset(("21.35亿元", "21.4亿元"))}  # rounded, agree
    compared = {pair for subject, pair in found | _figure_texts(corpus_store, agrees=True) if subject == '星途出行'}
    assert frozenset(("12.6亿元", "8.1亿元")) not in compared  # adjusted vs unadjusted profit: never flagged
    _, rows = corpus_store.read("""
        MATCH (f:Figure {subject: '星途出行'})-[:REPORTS]->(v:Value)-[r]-(w:Value)<-[:REPORTS]-(g:Figure)
        WHERE f.text = '12.6亿元' AND g.text = '8.1亿元' RETURN count(r)""")
    assert rows == [[0]]


def test_reingesting_the_corpus_in_another_order_keeps_the_comparisons(store, corpus_documents):
    for doc in reversed(corpus_documents):
        write_documents(store, [doc], "x")
    one_by_one = _corpus_comparisons(store)
    assert len(one_by_one[0]) > 40 and len(one_by_one[1]) >= 3
    for start in range(0, len(corpus_documents), 10):
        write_documents(store, corpus_documents[start:start + 10], "x")
    assert _corpus_comparisons(store) == one_by_one
    first = snapshot(store)
    remove_articles(store, [doc["article"]["id"] for doc in corpus_documents[::2]])
    for start in range(0, len(corpus_documents), 7):
        write_documents(store, corpus_documents[start:start + 7], "x")
    assert snapshot(store) == first  # removed, written again in other batches: the same graph


def test_both_stores_hold_the_same_values_and_comparisons(tmp_path, neo4j_uri, corpus_documents):
    from newsgraph.graph.embedded_store import EmbeddedStore
    from newsgraph.graph.neo4j_store import Neo4jStore

    found = []
    for opened in (EmbeddedStore(tmp_path / "graph.db"), Neo4jStore(neo4j_uri)):
        try:
            if opened.name == "neo4j":
                opened.clear()
            opened.ensure_schema()
            for start in range(0, len(corpus_documents), 5):
                write_documents(opened, corpus_documents[start:start + 5], "x")
            relation = "label(r)" if opened.name == "embedded" else "type(r)"
            _, edges = opened.read(f"MATCH (v:Value)-[r]->(w:Value) RETURN v.key, {relation}, w.key, r.difference, r.ratio")
            _, nodes = opened.read("MATCH (v:Value) RETURN v.key, v.name, v.value, v.lower, v.upper, v.sources")
            found.append((sorted(map(tuple, edges)), sorted(map(tuple, nodes)), _corpus_comparisons(opened)))
        finally:
            opened.close()
    assert found[0] == found[1]
    assert len(found[0][0]) >= 10 and len(found[0][1]) >= 20


# --- the neighbour rule: a Value disagrees with its nearest disagreeing neighbours only ----------


def _revenue(id_, text, value, **extra):
    return article(id_, [(text, value * YI, "营收", extra)] if extra else [(text, value * YI, "营收")])


def test_a_value_is_linked_with_its_neighbours_and_a_gone_value_relinks_them(store):
    write_documents(store, [_revenue("p30", "30亿元", 30), _revenue("p10", "10亿元", 10)], "x")
    write_documents(store, [_revenue("p20", "20亿元", 20)], "x")
    assert value_edges(store) == [("10亿元", "DISAGREES_WITH", "20亿元"), ("20亿元", "DISAGREES_WITH", "30亿元")]
    write_documents(store, [_revenue("r20", "约20亿元", 20, qualifier="about")], "x")  # 15-25亿
    edges = value_edges(store)
    assert ("20亿元", "AGREES_WITH", "约20亿元") in edges or ("约20亿元", "AGREES_WITH", "20亿元") in edges
    assert not {("10亿元", "DISAGREES_WITH", "30亿元"), ("30亿元", "DISAGREES_WITH", "10亿元")} & set(edges)
    remove_articles(store, ["p20"])
    assert sorted(tuple(sorted((a, b))) for a, _, b in value_edges(store)) == [("10亿元", "约20亿元"),
                                                                               ("30亿元", "约20亿元")]
    remove_articles(store, ["r20"])
    assert value_edges(store) == [("10亿元", "DISAGREES_WITH", "30亿元")]
    assert comparisons(store) == [("p10:f0", "DISAGREES_WITH", "p30:f0")]


def _stored_value_edges(store):
    relation = "label(r)" if store.name == "embedded" else "type(r)"
    _, rows = store.read(f"MATCH (v:Value)-[r]->(w:Value) RETURN v.key, {relation}, w.key")
    return sorted(map(tuple, rows))


def _rule_edges(store):
    """What the neighbour rule gives for the Values stored now, computed afresh."""
    from newsgraph.graph.compare import Value, neighbour_comparisons

    _, rows = store.read("MATCH (v:Value) RETURN v.key, v.quantity, v.value, v.lower, v.upper")
    by_quantity = {}
    for key, quantity, value, lower, upper in rows:
        by_quantity.setdefault(quantity, []).append(
            Value(key, quantity, value, -math.inf if lower is None else lower, math.inf if upper is None else upper))
    return sorted((c.source, "AGREES_WITH" if c.agrees else "DISAGREES_WITH", c.target)
                  for values in by_quantity.values() for c in neighbour_comparisons(values).values())


def _many_values(count, seed):
    """Articles reporting one quantity with many values, some repeated, some rounded (约)."""
    rng = random.Random(seed)
    docs = []
    for number in range(count):
        value = rng.choice((rng.randint(10, 60), rng.randint(10, 60) * 10))
        if rng.random() < 0.2:
            docs.append(_revenue(f"m{number}", f"约{value}亿元", value, qualifier="about"))
        else:
            docs.append(_revenue(f"m{number}", f"{value}亿元", value))
    return docs


def test_stored_comparisons_are_the_rule_over_the_values_whatever_the_order_and_removals(store):
    docs = _many_values(60, seed=5)
    for start in range(0, len(docs), 7):
        write_documents(store, docs[start:start + 7], "x")
    assert _stored_value_edges(store) == _rule_edges(store)
    first = _stored_value_edges(store)
    assert len(first) < 4 * len(docs)  # not every pair: 60 figures, many distinct values
    removed = [doc["article"]["id"] for doc in docs[::3]]
    remove_articles(store, removed)
    assert _stored_value_edges(store) == _rule_edges(store)
    shuffled = docs[::3]
    random.Random(1).shuffle(shuffled)
    for doc in shuffled:  # back again, one by one in another order
        write_documents(store, [doc], "x")
    assert _stored_value_edges(store) == first


def _distinct_values(count, seed):
    """Articles reporting one quantity with many distinct values, to 0.1亿, some rounded (约)."""
    rng = random.Random(seed)
    docs = []
    for number in range(count):
        value = round(rng.uniform(100, 200), 1)
        if rng.random() < 0.15:
            docs.append(_revenue(f"d{number}", f"约{value:.0f}亿元", round(value), qualifier="about"))
        else:
            docs.append(_revenue(f"d{number}", f"{value:.1f}亿元", value))
    return docs


def _keeps_the_rule(store, docs, written: int, batch: int, edited: list, removed: list, written_check=None):
    """Write the first ``written`` docs in batches, then ``edited`` (same ids) with the rest, then
    remove ``removed``: after each step the stored comparisons are the rule over the stored Values."""
    for start in range(0, written, batch):
        write_documents(store, docs[start:start + batch], "x")
    if written_check:
        written_check()
    assert _stored_value_edges(store) == _rule_edges(store)
    write_documents(store, edited + docs[written:], "x")
    assert _stored_value_edges(store) == _rule_edges(store)
    remove_articles(store, [doc["article"]["id"] for doc in removed])
    assert _stored_value_edges(store) == _rule_edges(store)


def test_a_quantity_with_many_distinct_values_keeps_the_rule_through_batches_edits_and_removals(store):
    docs = _distinct_values(160, seed=8)
    edited = [_revenue(doc["article"]["id"], "150.0亿元", 150.0) for doc in docs[:120:5]]  # same paths
    _keeps_the_rule(store, docs, 120, 9, edited, docs[1:160:4])


def test_a_batch_rolled_back_after_its_comparisons_leaves_no_trace(store, monkeypatch):
    from newsgraph.graph import writer

    docs = _distinct_values(60, seed=9)
    write_documents(store, docs[:30], "x")

    def fail(*args):
        raise RuntimeError("made to fail after the comparisons were written")

    with monkeypatch.context() as patched, pytest.raises(GraphWriteError):
        patched.setattr(writer, "_refresh_aliases", fail)
        write_documents(store, docs[30:45], "x")
    assert _stored_value_edges(store) == _rule_edges(store)
    write_documents(store, docs[30:], "x")
    remove_articles(store, [doc["article"]["id"] for doc in docs[::7]])
    assert _stored_value_edges(store) == _rule_edges(store)


def _tied_values(count, seed):
    """Articles reporting one quantity where many Values share a value: ranges 150亿 to N亿 (one key
    each, the same value 150), among a few distinct values around them."""
    rng = random.Random(seed)
    docs = []
    for number in range(count):
        if rng.random() < 0.7:
            high = rng.randint(151, 400)
            docs.append(_revenue(f"t{number}", f"150亿至{high}亿元", 150, high=high * YI))
        else:
            value = rng.choice((140, 145, 150, 155, 160))
            docs.append(_revenue(f"t{number}", f"{value}亿元", value))
    return docs


def test_many_values_equal_in_value_keep_the_rule_through_batches_edits_and_removals(store):
    docs = _tied_values(150, seed=11)

    def many_tied():
        _, [[tied]] = store.read("MATCH (v:Value) WHERE v.value = 15000000000.0 RETURN count(v)")
        assert tied > 3 * 9  # more equal values than a neighbourhood holds

    edited = [_revenue(doc["article"]["id"], "150亿元", 150) for doc in docs[:110:4]]  # same paths
    _keeps_the_rule(store, docs, 110, 7, edited, docs[2:150:3], written_check=many_tied)
