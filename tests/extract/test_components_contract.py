"""The spaCy contract: components declare what they need and give, results travel as Doc
extensions, and extraction runs in batches with each article's failure its own."""
from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.extract.components.spans import EXTENSIONS
from newsgraph.model import Article
from newsgraph.parallel import extract_batch

TEXT = "星河电子2024年营收12亿元，同比增长8%。董事长张明表示，公司将加大研发投入。"


def test_every_component_declares_what_it_assigns_and_requires(nlp):
    analysis = nlp.analyze_pipes()
    for name in nlp.pipe_names:
        assert nlp.get_pipe_meta(name).assigns, name
        # what no component assigns is the publication date, which extract() sets on each Doc
        assert set(analysis["problems"][name]) <= {"doc._.published"}, name
    assigned = {attr for name in nlp.pipe_names for attr in nlp.get_pipe_meta(name).assigns}
    assert {f"doc._.{group}" for group in ("sentences", "mentions", "dates", "figures", "claims")} <= assigned


def test_results_travel_as_extensions_not_string_keys(nlp):
    doc = nlp(TEXT)
    assert [key for key in doc.user_data if isinstance(key, str)] == []
    assert {key[1] for key in doc.user_data if isinstance(key, tuple) and key[0] == "._."} <= set(EXTENSIONS)
    assert [(TEXT[s:e], m.type) for s, e, m in doc._.mentions if m.name == "星河电子"] == [("星河电子", "Company")]
    assert [TEXT[s:e] for s, e, _ in doc._.figures] == ["12亿元", "8%"]
    assert doc._.text == TEXT and [span.text for span in doc.spans["figures"]] == ["12亿元", "8%"]


@Language.component("test_fails_on_a_marked_article")
def _fails(doc):
    if "故障" in doc.text:
        raise RuntimeError("a component failed")
    return doc


@pytest.fixture(scope="module")
def failing_nlp():
    from newsgraph.extract.pipeline import PipelineOptions, build_nlp

    nlp = build_nlp(PipelineOptions(use_ner=False))
    nlp.add_pipe("test_fails_on_a_marked_article", first=True)
    return nlp


def test_a_failing_article_fails_alone_and_the_batch_keeps_its_order(failing_nlp):
    articles = [Article(id="a1", text=TEXT), None, Article(id="a2", text="故障" + TEXT, path="x.md"),
                Article(id="a3", text="北辰乳业营收316亿元。")]
    outcomes = extract_batch(articles, failing_nlp)
    assert [(x.article.id if x else None) for x, _ in outcomes] == ["a1", None, None, "a3"]
    assert [error for _, error in outcomes] == [None, None, "x.md: extraction failed: a component failed", None]
    alone = [extract_batch([article], failing_nlp)[0][0] for article in (articles[0], articles[3])]
    assert [outcomes[0][0], outcomes[3][0]] == alone  # a batch gives what one article at a time gives


def test_an_article_too_long_is_refused_by_name_without_failing_its_batch(failing_nlp, monkeypatch):
    from newsgraph.extract import pipeline

    monkeypatch.setattr(pipeline, "MAX_ARTICLE_CHARS", 30)
    outcomes = extract_batch([Article(id="long", text=TEXT, path="long.md"), Article(id="ok", text="营收12亿元。")],
                             failing_nlp)
    assert outcomes[0][0] is None and outcomes[0][1].startswith(f"long.md: {len(TEXT)} characters, more than the 30")
    assert outcomes[1][0].figures[0].text == "12亿元"
