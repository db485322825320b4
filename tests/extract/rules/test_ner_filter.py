from __future__ import annotations

import pytest

from newsgraph.extract.rules.ner_filter import gaps_only, plausible

SURNAMES = {"王", "任", "欧阳", "李", "高", "毛"}


@pytest.mark.parametrize("text, kind, confidence, expected", [
    ("王传福", "Person", 0.95, True),
    ("任正非", "Person", 0.81, True),
    ("欧阳明远", "Person", 0.9, True),
    ("王传福", "Person", 0.79, False),       # not sure enough
    ("IoT", "Person", 0.99, False),          # people here are written in Chinese characters
    ("比亚迪", "Person", 0.95, False),       # 比 is no surname
    ("王", "Person", 0.99, False),           # too short
    ("王传福表示称", "Person", 0.95, False),  # too long for a Chinese name
    ("“远航科技", "Company", 0.95, False),   # punctuation inside
    ("CYVN Holdings", "Company", 0.9, True),
    ("远航科技 ", "Company", 0.95, False),   # trailing space
    ("宁德", "Organization", 0.85, True),
])
def test_plausible(text, kind, confidence, expected):
    assert plausible(text, 0, len(text), kind, confidence, SURNAMES) is expected


def test_gaps_only_keeps_what_overlaps_nothing_found():
    found = [(0, 4, "腾讯控股")]
    candidates = [(0, 7, "腾讯控股董事会"), (10, 13, "马化腾"), (12, 15, "overlaps the previous")]
    assert gaps_only(found, candidates) == [(10, 13, "马化腾")]
    assert gaps_only([], []) == []
