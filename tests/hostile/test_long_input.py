"""Over-long input: sentences are cut into bounded pieces (so every rule's work per character is
bounded and cost stays linear; benchmarks/long_lines.py prints the figures), and an article longer
than spaCy accepts gets our own error naming the file."""
from __future__ import annotations

import pytest

from newsgraph.app import extract_documents
from newsgraph.extract.pipeline import MAX_ARTICLE_CHARS, ArticleTooLong, extract
from newsgraph.model import Article
from newsgraph.extract.rules.sentences import MAX_SENTENCE_CHARS, split_sentences

PHRASE = "星河电子营收增长百分之十二董事长林海表示公司在杭州发布新款耳机销量达到三十万台"


@pytest.mark.parametrize("text, expected", [
    ("短句。", [(0, 3)]),
    ("甲" * 10 + "，" + "乙" * 10, [(0, 11), (11, 21)]),       # cut after the comma
    ("甲" * 10 + " " + "乙" * 10, [(0, 10), (11, 21)]),        # at a space, which joins neither
    ("甲" * 25, [(0, 12), (12, 25)]),                          # at the last word start
    ("甲" * 20, [(0, 20)]),                                    # at the limit: not cut
])
def test_overlong_sentences_are_cut_at_safe_boundaries(text, expected):
    assert split_sentences(text, max_chars=20, cut_points=[0, 12, 24]) == expected


def test_an_overlong_sentence_without_cut_points_is_cut_at_the_limit():
    assert split_sentences("甲" * 45, max_chars=20) == [(0, 20), (20, 40), (40, 45)]


def test_a_long_line_becomes_bounded_sentences_with_exact_offsets(nlp):
    text = (PHRASE * 200)[:8000]
    [x] = list(extract([Article(id="long", text=text, published="2025-03-19")], nlp))
    lengths = [s.end - s.start for s in x.sentences]
    assert max(lengths) <= MAX_SENTENCE_CHARS and sum(lengths) == len(text)
    for record in x.figures + x.dates + x.claims:
        assert text[record.start:record.end] == record.text
    assert len(x.figures) > 50  # the rules still run over every piece


def test_an_article_longer_than_the_limit_gets_our_error(tmp_path):
    path = tmp_path / "huge.md"
    path.write_text("星河电子。" * (MAX_ARTICLE_CHARS // 5 + 1), encoding="utf-8")
    [(result, document)] = list(extract_documents([str(path)]))
    assert document is None
    assert result.error == (f"{path}: 1,000,005 characters, more than the 1,000,000 one article may have; "
                            "split it into several files")
    assert "E088" not in result.error


def test_the_limit_is_checked_before_spacy(nlp):
    with pytest.raises(ArticleTooLong, match=r"^big\.md: 1,000,001 characters"):
        list(extract([Article(id="x", text="字" * (MAX_ARTICLE_CHARS + 1), path="big.md")], nlp))


@pytest.mark.parametrize("text", [
    "小米集团 2024年营收3659亿元。", "  前导空格\n\n两段\t制表符  ", "Xiaomi  Corp 发布 新品 ", "", "。",
])
def test_our_words_and_spaces_match_spacy(nlp, text):
    from spacy.util import get_words_and_spaces

    from newsgraph.extract.segmenter import words_and_spaces

    words = [w for w in nlp.tokenizer.segmenter.cut(text, HMM=True) if w]
    assert words_and_spaces(words, text) == get_words_and_spaces(words, text)
