from __future__ import annotations

import pytest

from newsgraph.extract.rules.ner_filter import (
    generic_organization,
    model_candidates,
    org_type,
    plausible,
)

SURNAMES = {"王", "任", "欧阳", "李", "高", "毛"}


@pytest.mark.parametrize("text, kind, confidence, expected", [
    ("王传福", "Person", 0.95, True),
    ("任正非", "Person", 0.81, True),
    ("欧阳明远", "Person", 0.9, True),
    ("王传福", "Person", 0.55, True),        # a listed surname: the model's word is enough
    ("王传福", "Person", 0.3, False),        # not sure enough
    ("托蒂", "Person", 0.7, True),           # no listed surname, but the model is sure
    ("克林顿", "Person", 0.9, True),
    ("比亚迪", "Person", 0.55, False),       # no surname and unsure
    ("丹尼斯·霍珀", "Person", 0.6, True),    # a transliterated name with its dot
    ("Ee Hock Leong", "Person", 0.8, True),  # a Latin name
    ("IoT", "Person", 0.99, False),
    ("王", "Person", 0.99, False),           # too short
    ("佐佐江贤一郎", "Person", 0.95, True),  # a long name the model is very sure of
    ("王传福表示称", "Person", 0.85, False),  # too long unless very sure
    ("“远航科技", "Company", 0.95, False),   # punctuation inside
    ("CYVN Holdings", "Company", 0.9, True),
    ("远航科技 ", "Company", 0.95, False),   # trailing space
    ("宁德", "Organization", 0.85, True),
    ("民政局", "Organization", 0.99, False),  # a kind of body, not one
    ("地方政府", "Organization", 0.99, False),
    ("杭州市民政局", "Organization", 0.9, True),
])
def test_plausible(text, kind, confidence, expected):
    assert plausible(text, 0, len(text), kind, confidence, SURNAMES) is expected


@pytest.mark.parametrize("name, label_type, expected", [
    ("远航科技有限公司", "Organization", "Company"),
    ("海岳银行", "Organization", "Company"),
    ("北岭大学", "Company", "Organization"),
    ("东川市人民政府", "Company", "Organization"),
    ("南港证券交易所", "Company", "Organization"),   # the last word decides: 交易所
    ("青禾证券业协会", "Company", "Organization"),
    ("蓝湾集团工会", "Company", "Organization"),
    ("星河", "Company", "Company"),                  # no telling word: the model's label
    ("星河", "Organization", "Organization"),
])
def test_org_type(name, label_type, expected):
    assert org_type(name, label_type) == expected


@pytest.mark.parametrize("text, start, end, expected", [
    ("王主席会见了代表团。", 0, 1, True),     # a leader by surname and title
    ("王先生会见了代表团。", 0, 1, False),    # no title after it
    ("比主席更早到场。", 0, 1, False),        # no surname
])
def test_one_character_person(text, start, end, expected):
    assert plausible(text, start, end, "Person", 0.9, SURNAMES) is expected


def test_generic_organization():
    assert generic_organization("民政局") and generic_organization("地方政府")
    assert not generic_organization("东川市民政局")


def test_model_candidates_types_and_filters():
    text = "北岭大学与民政局和远航科技的托蒂"
    scored = [(0, 4, "company", 0.9), (5, 8, "organization", 0.99), (9, 13, "organization", 0.8),
              (14, 16, "name", 0.7), (16, 18, "location", 0.9)]
    assert model_candidates(text, scored, SURNAMES) == [
        (0, 4, "Organization", 0.9), (9, 13, "Company", 0.8), (14, 16, "Person", 0.7)]
