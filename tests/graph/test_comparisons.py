"""Figures compared across articles at load time, on both stores: AGREES_WITH, DISAGREES_WITH and
Figure.sources stay exact whatever the order, batching, re-ingest or edit."""
from __future__ import annotations

import pytest

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
    _, rows = store.read("""
        MATCH (a:Figure)-[r]->(b:Figure) WHERE label(r) IN ['AGREES_WITH', 'DISAGREES_WITH']
        RETURN a.id, label(r), b.id ORDER BY a.id, b.id""" if store.name == "embedded" else """
        MATCH (a:Figure)-[r:AGREES_WITH|DISAGREES_WITH]->(b:Figure)
        RETURN a.id, type(r), b.id ORDER BY a.id, b.id""")
    return sorted((named(a), kind, named(b)) for a, kind, b in rows)


def sources(store):
    _, rows = store.read("MATCH (f:Figure) RETURN f.id, f.sources ORDER BY f.id")
    return {named(id_): count for id_, count in rows}


def test_agreeing_and_disagreeing_figures_are_linked_with_sources(store):
    write_documents(store, [A], "x")
    write_documents(store, [B], "x")
    write_documents(store, [C], "x")
    assert comparisons(store) == [("a:f0", "AGREES_WITH", "b:f0"),
                                  ("a:f0", "DISAGREES_WITH", "c:f0"),
                                  ("b:f0", "DISAGREES_WITH", "c:f0")]
    assert sources(store) == {"a:f0": 2, "b:f0": 2, "c:f0": 1}
    _, [[difference, ratio]] = store.read(
        "MATCH (:Figure {id: $a})-[d:DISAGREES_WITH]->(:Figure {id: $c}) RETURN d.difference, d.ratio",
        {"a": A["figures"][0]["id"], "c": C["figures"][0]["id"]})
    assert difference == pytest.approx(-159 * YI) and ratio == pytest.approx(3500 / 3659)


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
    assert sources(store) == {"a:f0": 3, "b:f0": 2, "c2:f0": 2}
    emptied = article("c3", [], path="news/c.md")
    write_documents(store, [emptied], "x")
    assert comparisons(store) == [("a:f0", "AGREES_WITH", "b:f0")]
    assert sources(store) == {"a:f0": 2, "b:f0": 2}
    gone = article("b2", [("3659亿元", 3659 * YI, "经调整净利润")], path="news/b.md")
    write_documents(store, [gone], "x")
    assert comparisons(store) == [] and sources(store) == {"a:f0": 1, "b2:f0": 1}
    _, [[quantities]] = store.read("MATCH (q:Quantity) RETURN count(q)")
    assert quantities == 2  # 营收 (a) and 经调整净利润 (b2); c's are gone with its figures


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
    assert columns == ["company", "quantity", "figure", "disagreement", "other_figure", "article",
                       "other_article", "id", "other_id"]
    assert rows == [["小米集团", "小米集团 营收 2024 CNY", "3659亿元", "DISAGREES_WITH", "3500亿元", "标题",
                     "晚到的报道", "a:f0", "c:f0"],
                    ["小米集团", "小米集团 营收 2024 CNY", "3,659.0亿元", "DISAGREES_WITH", "3500亿元", "标题",
                     "晚到的报道", "b:f0", "c:f0"]]
    assert [[*row[:-2], named(row[-2]), named(row[-1])]
            for row in ask(store, "disagreeing-figures", {"measure": "营收"})[1]] == rows
    assert ask(store, "disagreeing-figures", {"measure": "净利润"})[1] == []
    assert ask(store, "disagreeing-figures", {"company": "宁德时代"})[1] == []


# --- the corpus ----------------------------------------------------------------------------------


def _corpus_comparisons(store) -> tuple[list, list, dict]:
    _, agree = store.read("MATCH (a:Figure)-[:AGREES_WITH]->(b:Figure) RETURN a.id, b.id")
    _, disagree = store.read("MATCH (a:Figure)-[r:DISAGREES_WITH]->(b:Figure) RETURN a.id, b.id, r.difference, r.ratio")
    return sorted(map(tuple, agree)), sorted(map(tuple, disagree)), sources(store)


def test_the_corpus_pairs_disagree_where_the_articles_do(corpus_store):
    _, rows = corpus_store.read("""
        MATCH (a:Figure)-[:DISAGREES_WITH]->(b:Figure)
        RETURN a.subject, a.measure, a.period, a.text, b.text ORDER BY a.subject, a.text""")
    found = {(subject, frozenset((x, y))) for subject, _, _, x, y in rows}
    assert (("青石电气", frozenset(("9.42亿元", "9.17亿元"))) in found  # preliminary vs final
            and ("青石电气", frozenset(("18.3%", "15.1%"))) in found
            and ("澄海半导体", frozenset(("52.4亿元", "25.4亿元"))) in found)  # the misreport
    _, rows = corpus_store.read("""
        MATCH (a:Figure)-[:AGREES_WITH]->(b:Figure) WHERE a.subject = '北辰乳业'
        RETURN a.text, b.text""")
    assert {frozenset(pair) for pair in rows} >= {frozenset(("316.27亿元", "316亿元")),
                                                  frozenset(("21.35亿元", "21.4亿元"))}  # rounded, agree
    _, rows = corpus_store.read("""
        MATCH (a:Figure {subject: '星途出行'})-[r]-(b:Figure)
        WHERE a.text = '12.6亿元' AND b.text = '8.1亿元' RETURN count(r)""")
    assert rows == [[0]]  # adjusted vs unadjusted profit: never flagged


def test_reingesting_the_corpus_in_another_order_keeps_the_comparisons(store, corpus_documents):
    for doc in reversed(corpus_documents):
        write_documents(store, [doc], "x")
    one_by_one = _corpus_comparisons(store)
    assert len(one_by_one[0]) > 40 and len(one_by_one[1]) >= 3
    for start in range(0, len(corpus_documents), 10):
        write_documents(store, corpus_documents[start:start + 10], "x")
    assert _corpus_comparisons(store) == one_by_one
