"""The pipeline over the whole corpus: provenance holds for every record, output is deterministic."""
from __future__ import annotations

import pytest

from newsgraph.extract.pipeline import extract
from newsgraph.model import Article
from newsgraph.extract.serialize import to_document


def test_every_record_points_at_its_text(corpus_extractions):
    checked = 0
    for x in corpus_extractions:
        text = x.article.text
        for entity in x.entities:
            for m in entity.mentions:
                assert (m.article_id, text[m.start:m.end]) == (x.article.id, m.text)
                checked += 1
            for role in entity.roles:
                assert text[role.start:role.end] == role.text
        for record in x.figures + x.dates + x.claims:
            assert (record.article_id, text[record.start:record.end]) == (x.article.id, record.text)
            checked += 1
    assert checked > 500


def test_sentences_are_ordered_disjoint_and_trimmed(corpus_extractions):
    for x in corpus_extractions:
        text = x.article.text
        previous_end = 0
        for s in x.sentences:
            assert previous_end <= s.start < s.end <= len(text)
            assert not text[s.start].isspace() and not text[s.end - 1].isspace()
            previous_end = s.end
        assert x.sentences, x.article.path


def test_extraction_is_deterministic(corpus_articles, corpus_documents, nlp):
    again = [to_document(x, with_text=True) for x in extract(corpus_articles[:5], nlp)]
    assert again == corpus_documents[:5]


def test_each_kind_is_found_in_the_corpus(corpus_documents):
    totals = {kind: sum(len(d[kind]) for d in corpus_documents)
              for kind in ("entities", "figures", "dates", "claims", "relations")}
    assert all(count > 10 for count in totals.values()), totals


@pytest.mark.parametrize("text, published, expected", [
    ("腾讯控股2023年营收6090亿元。", "2024-03-21", {("Company", "腾讯控股")}),
    ("比亚迪董事长王传福表示，海外市场是长期战略。", "2024-03-27", {("Company", "比亚迪"), ("Person", "王传福")}),
])
def test_a_short_article_end_to_end(nlp, text, published, expected):
    [x] = list(extract([Article(id="t", text=text, published=published)], nlp))
    assert expected <= {(e.type, e.name) for e in x.entities}
