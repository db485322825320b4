"""The evaluation corpus and its gold annotations are internally consistent."""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from newsgraph.app import read_all
from newsgraph.extract.reader import Metadata
from newsgraph.extract.rules.dates import interval_of

ROOT = Path(__file__).resolve().parents[2]
GOLD = sorted((ROOT / "corpora" / "gold").glob("*.json"))
HOLDOUT = sorted((ROOT / "corpora" / "holdout" / "gold").glob("*.json"))
ARTICLES = sorted((ROOT / "corpora").glob("*.md"))
QUALIFIERS = {None, "about", "over", "under", "nearly", "forecast"}
DIRECTIONS = {None, "up", "down"}
ENTITY_TYPES = {"Company", "Person", "Organization", "Product"}


def _article(path: str):
    articles, failed, _ = read_all([str(ROOT / path)], Metadata())
    assert not failed and len(articles) == 1, failed
    return articles[0]


def test_the_corpus_has_enough_articles_of_the_right_size():
    articles, failed, _ = read_all([str(p) for p in ARTICLES], Metadata())
    assert failed == [] and len(articles) >= 24
    for article in articles:
        assert 600 <= len(article.text) <= 4000, (article.path, len(article.text))
        assert article.title and article.published and article.source, article.path
        assert "2019-01-01" <= article.published <= "2026-12-31"


def test_companies_and_people_recur_across_articles():
    seen = defaultdict(set)
    for path in GOLD:
        gold = json.loads(path.read_text(encoding="utf-8"))
        for entity in gold["entities"]:
            seen[(entity["type"], entity["name"])].add(path.name)
    recurring = defaultdict(int)
    for (kind, _), files in seen.items():
        if len(files) >= 3:
            recurring[kind] += 1
    assert recurring["Company"] >= 4, dict(recurring)
    assert {("Company", "远航科技"), ("Company", "远航物流")} <= set(seen)


def test_there_are_at_least_ten_gold_files():
    assert len(GOLD) >= 10


@pytest.mark.parametrize("path", GOLD + HOLDOUT, ids=lambda p: p.stem)
def test_gold_spans_and_values_are_consistent(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    article = _article(gold["article"]["path"])
    text = article.text
    assert gold["article"]["published"] == article.published
    names = set()
    for entity in gold["entities"]:
        assert entity["type"] in ENTITY_TYPES
        names.add(entity["name"])
        assert entity["mentions"], entity["name"]
        for mention in entity["mentions"]:
            assert text[mention["start"]:mention["end"]] == mention["text"]
        assert {m["text"] for m in entity["mentions"]} <= set(entity["aliases"]) | {entity["name"]}
    for figure in gold["figures"]:
        assert text[figure["start"]:figure["end"]] == figure["text"]
        assert isinstance(figure["value"], (int, float)) and figure["unit"]
        assert figure.get("qualifier") in QUALIFIERS and figure.get("direction") in DIRECTIONS
        if figure.get("high") is not None:
            assert figure["high"] > figure["value"]
        if figure.get("period"):
            assert interval_of(figure["period"]) is not None, figure["period"]
    for date in gold["dates"]:
        assert text[date["start"]:date["end"]] == date["text"]
        if date["value"] is None:
            assert date["interval"] is None
        else:
            assert tuple(date["interval"]) == interval_of(date["value"]), date
    for claim in gold["claims"]:
        assert text[claim["start"]:claim["end"]] == claim["text"]
        assert claim["speaker"] and claim["cue"]
        assert claim["text"][0] not in "“”\"「」" and claim["text"][-1] not in "“”\"「」。"
    for relation in gold["relations"]:
        assert relation["subject"] in names and relation["object"] in names
