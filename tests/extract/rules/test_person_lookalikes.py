"""Words the model takes for people (the CLUENER-weighted CRF's 高端化, 金红利), as table tests over
sentences we wrote: a word ending 化/性/率 and a span inside 现金红利 are no person; names that
look alike stay people."""
from __future__ import annotations

import pytest

from newsgraph.extract.rules.entities import load_surnames
from newsgraph.extract.rules.ner_filter import model_candidates, plausible

from .entity_finding import entities

SURNAMES = frozenset({"高", "金", "覃", "王", "李", "毛", "任"})


@pytest.mark.parametrize("text, span, expected", [
    # a word ending like one is no name, however the model reads it
    ("高端化同样是海岳汽车的发力方向。", "高端化", False),
    ("他强调了改革的必要性。", "必要性", False),
    ("今年公司的毛利率有所回升。", "毛利率", False),
    ("任务化管理已经推开。", "任务化", False),
    # names of one given character may end so; other endings stay names
    ("覃化表示将继续推进改革。", "覃化", True),
    ("李胜利表示将继续推进改革。", "李胜利", True),
    ("高建华同样是这家公司的创始人。", "高建华", True),
    # a span inside a dividend term is no name
    ("公司拟向全体股东每10股派发现金红利1.5元（含税）。", "金红利", False),
    ("董事会建议派发现金股利每股0.3元。", "金股利", False),
    # but 发现 before a real name keeps it, and the term elsewhere in the text does not matter
    ("读完他的作品，才发现金庸就是我们身边的人。", "金庸", True),
    ("金红军表示，公司将派发现金红利。", "金红军", True),
])
def test_words_that_look_like_people(text, span, expected):
    start = text.index(span)
    assert plausible(text, start, start + len(span), "Person", 0.7, SURNAMES) is expected


def test_model_candidates_drop_a_lookalike_person_and_keep_the_name_beside_it():
    text = "王海川说，高端化同样是公司的方向。"
    spans = model_candidates(text, [(0, 3, "name", 0.95), (5, 8, "name", 0.61)], SURNAMES)
    assert [(text[s:e], kind) for s, e, kind, _ in spans] == [("王海川", "Person")]


@pytest.mark.parametrize("text, tagged, expected", [
    ("股东回报方面，澄川酒业拟每股派发现金红利27.624元（含税）。", [(17, 20, "name", 0.63)], set()),
    ("高端化同样是澄川汽车的发力方向。", [(0, 3, "name", 0.61)], set()),
    ("澄川酒业董事长金红军表示，将派发现金红利。", [(7, 10, "name", 0.95)], {"金红军"}),
])
def test_the_pipeline_rules_find_no_lookalike_person(text, tagged, expected):
    """The model's spans as the entity component passes them: filtered, then settled with the rules'."""
    model = model_candidates(text, tagged, load_surnames())
    people = {c.name for s, e, c in entities(text, model) if c.type == "Person"}
    assert people == expected
