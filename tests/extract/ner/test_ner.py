"""Tests for the CRF NER tagger (newsgraph.extract.ner)."""

from __future__ import annotations

import json
import socket

import pytest

from newsgraph.extract.ner import DEFAULT_MODEL_DIR, NerModelError, load_tagger, tags_to_spans
from newsgraph.extract.ner.evaluate import evaluate, read_cluener
from newsgraph.extract.ner.features import (
    build_lexicon,
    char_features,
    lexicon_matches,
    load_lexicon,
    segment,
)
from newsgraph.extract.ner.train import spans_to_tags, train_ner


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


@pytest.fixture(scope="module")
def shipped(request):
    # offline: any attempt to open a network connection while loading fails the test
    mp = pytest.MonkeyPatch()

    def no_network(*args, **kwargs):
        raise AssertionError("the NER model must load without network access")

    mp.setattr(socket.socket, "connect", no_network)
    mp.setattr(socket, "create_connection", no_network)
    try:
        tagger = load_tagger()
    finally:
        mp.undo()
    return tagger


# --- shipped model -------------------------------------------------------------------------


def test_shipped_model_is_small_and_complete():
    files = [p for p in DEFAULT_MODEL_DIR.iterdir() if p.is_file()]
    names = {p.name for p in files}
    assert {"ner.crfsuite", "meta.json"} <= names
    assert sum(p.stat().st_size for p in files) < 60_000_000
    meta = json.loads((DEFAULT_MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    assert {"company", "name", "organization"} <= set(meta["labels"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("阿里巴巴集团董事长马云今天在杭州宣布了这一消息。", {("阿里巴巴集团", "company"), ("马云", "name")}),
        ("中国平安保险集团股份有限公司总经理李源祥表示，", {("李源祥", "name")}),
        ("浙商银行行长刘晓春认为，", {("浙商银行", "company"), ("刘晓春", "name")}),
        ("腾讯控股有限公司发布公告称，", {("腾讯控股有限公司", "company")}),
        ("据新华社报道，国务院总理李克强主持召开常务会议。", {("李克强", "name")}),
    ],
)
def test_shipped_model_finds_companies_and_people(shipped, text, expected):
    spans = shipped.tag(text)
    found = {(text[s:e], label) for s, e, label in spans}
    assert expected <= found, spans
    for s, e, label in spans:
        assert 0 <= s < e <= len(text)
        assert label in shipped.labels


@pytest.mark.parametrize(
    "text",
    ["今天天气很好，我们去公园散步吧。", "", "1234567890", "。。。！！！"],
)
def test_shipped_model_leaves_plain_text_alone(shipped, text):
    assert [(s, e, lab) for s, e, lab in shipped.tag(text) if lab in {"company", "name"}] == []


def test_tag_many_matches_tag_and_long_text_offsets(shipped):
    texts = ["浙商银行行长刘晓春认为，", "阿里巴巴集团董事长马云今天在杭州宣布了这一消息。"]
    assert list(shipped.tag_many(texts)) == [shipped.tag(t) for t in texts]
    # a long text is tagged sentence by sentence; offsets still point into the whole text
    long = "今天天气很好。" * 80 + "浙商银行行长刘晓春认为，"
    spans = shipped.tag(long)
    assert ("刘晓春", "name") in {(long[s:e], lab) for s, e, lab in spans}


def test_load_tagger_missing_dir_says_how_to_fix(tmp_path):
    with pytest.raises(NerModelError, match="train-ner"):
        load_tagger(tmp_path)


# --- features ------------------------------------------------------------------------------


def test_char_features_are_deterministic_and_aligned(lexicon):
    text = "华为技术有限公司总裁任正非在深圳表示，ＡＢＣ集团2023年营收增长。"
    a = char_features(text, lexicon)
    b = char_features(text, lexicon)
    assert a == b
    assert len(a) == len(text)
    assert all(isinstance(f, str) for row in a for f in row)
    assert char_features("", lexicon) == []
    # full-width letters are featurised like half-width ones, offsets unchanged
    assert "uA" in char_features("ＡＢＣ", lexicon)[0]
    # the char itself is a feature
    assert "u华" in a[0] and "u司" in a[7]


def test_lexicon_scan_and_segmentation():
    lex = build_lexicon(
        [("公司", 100, "n"), ("有限", 50, "a"), ("有限公司", 80, "n"), ("华为", 30, "nz"),
         ("华", 10, "ns"), ("为", 10, "p")]
    )
    text = "华为有限公司"
    assert lexicon_matches(text, lex) == [(0, 2), (2, 4), (2, 6), (4, 6)]
    assert segment(text, lex) == [(0, 2), (2, 6)]
    rows = char_features(text, lex)
    assert "wB2" in rows[0] and "wE2" in rows[1]
    assert "wB4" in rows[2] and "wM4" in rows[3] and "wE4" in rows[5]
    assert "gB" in rows[2] and "gw有限公司" in rows[4] and "gE" in rows[5]
    assert "wBpz" in rows[0]  # nz -> proper-noun group
    assert any(f.startswith("kc") for f in rows[0])  # company suffix ahead


@pytest.mark.parametrize("scheme", ["BIO", "BIOES"])
def test_tags_round_trip(scheme):
    spans = [(0, 4, "company"), (4, 5, "name"), (7, 9, "position")]
    tags = spans_to_tags(10, spans, scheme)
    assert len(tags) == 10
    assert tags_to_spans(tags) == spans


def test_tags_to_spans_is_lenient():
    assert tags_to_spans(["I-name", "I-name", "O", "B-company", "I-name"]) == [
        (0, 2, "name"), (3, 4, "company"), (4, 5, "name")]
    assert tags_to_spans(["S-name", "B-company", "E-company", "E-company"]) == [
        (0, 1, "name"), (1, 3, "company"), (3, 4, "company")]


# --- evaluation ----------------------------------------------------------------------------


class _Fixed:
    def __init__(self, answers):
        self.answers = answers

    def tag(self, text):
        return self.answers[text]


def test_evaluate_converts_inclusive_offsets(tmp_path):
    path = tmp_path / "dev.jsonl"
    rows = [
        {"text": "浙商银行叶老桂", "label": {"company": {"浙商银行": [[0, 3]]}, "name": {"叶老桂": [[4, 6]]}}},
        {"text": "没有实体", "label": {}},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    assert read_cluener(path)[0][1] == [(0, 4, "company"), (4, 7, "name")]
    tagger = _Fixed({"浙商银行叶老桂": [(0, 4, "company"), (4, 6, "name")], "没有实体": [(0, 2, "game")]})
    scores = evaluate(tagger, path)
    assert scores["per_label"]["company"]["f1"] == 1.0
    assert scores["per_label"]["name"]["f1"] == 0.0  # off by one char is a miss
    assert scores["per_label"]["game"]["precision"] == 0.0
    assert scores["overall"]["precision"] == pytest.approx(1 / 3)
    assert scores["overall"]["recall"] == pytest.approx(1 / 2)


# --- training ------------------------------------------------------------------------------

_TINY = [
    ("腾讯集团总裁刘炽平表示", [("腾讯集团", "company"), ("刘炽平", "name")]),
    ("万科集团董事长郁亮认为", [("万科集团", "company"), ("郁亮", "name")]),
    ("招商银行行长田惠宇指出", [("招商银行", "company"), ("田惠宇", "name")]),
    ("小米集团创始人雷军宣布", [("小米集团", "company"), ("雷军", "name")]),
    ("今天上午天气晴朗", []),
    ("市场整体表现平稳", []),
]


def _write_cluener(path, sentences):
    lines = []
    for text, ents in sentences:
        label: dict = {}
        for surface, cls in ents:
            start = text.index(surface)
            label.setdefault(cls, {})[surface] = [[start, start + len(surface) - 1]]
        lines.append(json.dumps({"text": text, "label": label}, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_tiny_training_run_tags_its_training_data(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    _write_cluener(data / "train.jsonl", _TINY)
    _write_cluener(data / "dev.jsonl", _TINY[:2])
    seen = []
    metrics = train_ner(data, tmp_path / "m1", max_iterations=60, c1=0.0, c2=0.01,
                        progress=seen.append)
    assert seen and "loss" in seen[-1]
    assert metrics["dev"]["per_label"]["company"]["f1"] == 1.0
    tagger = load_tagger(tmp_path / "m1")
    assert tagger.labels == ("company", "name")
    for text, ents in _TINY:
        assert {(text[s:e], lab) for s, e, lab in tagger.tag(text)} == set(ents)
    # deterministic: the same data and parameters give the same model bytes
    train_ner(data, tmp_path / "m2", max_iterations=60, c1=0.0, c2=0.01)
    assert (tmp_path / "m1" / "ner.crfsuite").read_bytes() == (
        tmp_path / "m2" / "ner.crfsuite").read_bytes()


def test_tiny_training_with_gazetteer(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    _write_cluener(data / "train.jsonl", _TINY)
    train_ner(data, tmp_path / "g", max_iterations=60, c1=0.0, c2=0.01, gazetteer_folds=2)
    lines = (tmp_path / "g" / "gazetteer.tsv").read_text(encoding="utf-8").splitlines()
    assert "腾讯集团\tcompany" in lines and "雷军\tname" in lines
    tagger = load_tagger(tmp_path / "g" / "ner.crfsuite")  # the file path works too
    assert tagger.meta["gazetteer"] == "gazetteer.tsv"
    text, ents = _TINY[2]
    assert {(text[s:e], lab) for s, e, lab in tagger.tag(text)} == set(ents)
