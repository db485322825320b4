"""The gold comparisons (corpora/comparisons.json) name real figures of their article pairs."""
from __future__ import annotations

import json
from pathlib import Path

from newsgraph.app import read_all
from newsgraph.extract.reader import Metadata

ROOT = Path(__file__).resolve().parents[2]
GOLD = json.loads((ROOT / "corpora" / "comparisons.json").read_text(encoding="utf-8"))


def test_every_gold_figure_is_in_its_article_and_pairs_cross_articles():
    articles, failed, _ = read_all([str(ROOT / p) for p in GOLD["articles"]], Metadata())
    assert not failed and len(articles) == len(GOLD["articles"]) == 8
    texts = {Path(a.path).name[:3]: a.text for a in articles}
    for item in GOLD["comparisons"]:
        assert item["relation"] in ("AGREES_WITH", "DISAGREES_WITH", "NONE"), item
        (a, a_text, *_), (b, b_text, *_) = item["a"], item["b"]
        assert a != b, item  # only figures of different articles are compared
        assert a_text in texts[a] and b_text in texts[b], item
        assert item["what"]
    relations = [item["relation"] for item in GOLD["comparisons"]]
    assert relations.count("DISAGREES_WITH") >= 3 and relations.count("NONE") >= 2


def test_the_pairs_are_fictional_and_report_one_company_each():
    articles, _, _ = read_all([str(ROOT / p) for p in GOLD["articles"]], Metadata())
    for article in articles:
        assert article.fictional, article.path
    titles = sorted(a.title for a in articles)
    assert len(set(titles)) == 8
