"""The agreement rule (graph/compare.py): table tests, positives and negatives."""
from __future__ import annotations

import math
import random

import pytest

from newsgraph.graph.compare import (NEIGHBOURS, Reading, changed_keys, compare, compare_new_values,
                                     compare_values, contiguous_runs, figure_comparisons, interval,
                                     neighbour_comparisons, order, quantity_key, value_caption, value_of)


def fig(text, value, unit="CNY", qualifier=None, direction=None, high=None, id_="a:0-1", article="a"):
    return Reading(id=id_, article_id=article, text=text, value=value, unit=unit, qualifier=qualifier,
                   direction=direction, high=high)


YI = 100_000_000

AGREE = [
    # precision from the written digits
    (fig("3659亿元", 3659 * YI), fig("3,659.0亿元", 3659 * YI)),
    (fig("3659亿元", 3659 * YI), fig("3659.4亿元", 3659.4 * YI)),
    (fig("5546亿元", 5546 * YI), fig("5545.5亿元", 5545.5 * YI)),
    (fig("3659亿元", 3659 * YI), fig("0.3659万亿元", 3659 * YI)),  # another magnitude word
    (fig("3659亿元", 3659 * YI), fig("36590000万元", 3659 * YI)),
    (fig("15.01%", 15.01, "%"), fig("15.0%", 15.0, "%")),
    (fig("三成", 30, "%"), fig("31%", 31, "%")),                # 三成: 25–35%
    # qualifiers
    (fig("约500亿元", 500 * YI, qualifier="about"), fig("498.7亿元", 498.7 * YI)),
    (fig("3600多亿元", 3600 * YI, qualifier="over"), fig("3659亿元", 3659 * YI)),
    (fig("1000亿港元", 1000 * YI, "HKD", "over"), fig("1120亿港元", 1120 * YI, "HKD")),
    (fig("近500亿元", 500 * YI, qualifier="nearly"), fig("478亿元", 478 * YI)),
    (fig("不足10万辆", 100000, "辆", "under"), fig("9.2万辆", 92000, "辆")),
    # ranges overlap
    (fig("5亿至6亿元", 5 * YI, high=6 * YI), fig("5.4亿元", 5.4 * YI)),
    (fig("10%-15%", 10, "%", high=15), fig("14%至18%", 14, "%", high=18)),
    # changes are signed
    (fig("1%", 1, "%", direction="down"), fig("1.0%", 1.0, "%", direction="down")),
    (fig("2.1个百分点", 2.1, "pp", direction="up"), fig("2.1个百分点", 2.1, "pp", direction="up")),
    (fig("-5%", -5, "%"), fig("-5.0%", -5.0, "%")),                        # a negative value as written
    (fig("翻番", 2, "x"), fig("2倍", 2, "x")),
]

DISAGREE = [
    (fig("3659亿元", 3659 * YI), fig("3658亿元", 3658 * YI)),       # one unit of the last digit apart
    (fig("3,659.0亿元", 3659 * YI), fig("3659.2亿元", 3659.2 * YI)),  # the precise one decides
    (fig("193亿元", 193 * YI), fig("272亿元", 272 * YI)),
    (fig("约48%", 48, "%", "about"), fig("47.2%", 47.2, "%")),
    (fig("3600多亿元", 3600 * YI, qualifier="over"), fig("3710亿元", 3710 * YI)),
    (fig("超过1000亿港元", 1000 * YI, "HKD", "over"), fig("980亿港元", 980 * YI, "HKD")),
    (fig("近500亿元", 500 * YI, qualifier="nearly"), fig("503亿元", 503 * YI)),
    (fig("不足10万辆", 100000, "辆", "under"), fig("10.2万辆", 102000, "辆")),
    (fig("5亿至6亿元", 5 * YI, high=6 * YI), fig("6.2亿元", 6.2 * YI)),
    (fig("12%", 12, "%", direction="up"), fig("12%", 12, "%", direction="down")),  # growth vs decline
    (fig("-5%", -5, "%"), fig("5%", 5, "%")),
]


@pytest.mark.parametrize("a, b", AGREE, ids=lambda r: r.text)
def test_values_within_written_precision_agree(a, b):
    b = Reading(**{**{k: getattr(b, k) for k in Reading.__slots__}, "id": "b:0-1", "article_id": "b"})
    assert compare(a, b).agrees and compare(b, a).agrees


@pytest.mark.parametrize("a, b", DISAGREE, ids=lambda r: r.text)
def test_values_outside_written_precision_disagree(a, b):
    b = Reading(**{**{k: getattr(b, k) for k in Reading.__slots__}, "id": "b:0-1", "article_id": "b"})
    assert not compare(a, b).agrees and not compare(b, a).agrees


def test_interval_of_written_precision():
    assert interval(fig("3659亿元", 3659 * YI)) == pytest.approx((3658.5 * YI, 3659.5 * YI))
    assert interval(fig("3,659.0亿元", 3659 * YI)) == pytest.approx((3658.95 * YI, 3659.05 * YI))
    assert interval(fig("约500亿元", 500 * YI, qualifier="about")) == pytest.approx((450 * YI, 550 * YI))
    assert interval(fig("1%", 1, "%", direction="down")) == pytest.approx((-1.5, -0.5))


def test_comparison_goes_from_the_smaller_id_with_signed_difference_and_ratio():
    late = fig("272亿元", 272 * YI, id_="b:5-11", article="b")
    early = fig("193亿元", 193 * YI, id_="a:9-15", article="a")
    for pair in ((late, early), (early, late)):
        result = compare(*pair)
        assert (result.source, result.target, result.agrees) == ("a:9-15", "b:5-11", False)
        assert result.difference == pytest.approx(79 * YI)
        assert result.ratio == pytest.approx(272 / 193)
    changes = compare(fig("1%", 1, "%", direction="down"), fig("3%", 3, "%", "up", id_="b:0-1", article="b"))
    assert changes.difference == pytest.approx(4) and changes.ratio == pytest.approx(-3)


KEY = dict(owner="Company:小米集团", measure="净利润", period="2024", unit="CNY", value=1)


@pytest.mark.parametrize("changes, expected", [
    ({}, "Company:小米集团|净利润|2024|CNY"),
    ({"measure": "经调整净利润"}, "Company:小米集团|经调整净利润|2024|CNY"),  # a different measure
    ({"measure": "营　收"}, "Company:小米集团|营收|2024|CNY"),
    ({"unit": "%"}, "Company:小米集团|净利润|2024|%"),                    # percent apart from pp
    ({"unit": "pp"}, "Company:小米集团|净利润|2024|pp"),
    ({"qualifier": "forecast"}, "Company:小米集团|净利润|2024|CNY|预计"),
    ({"measure": "同比增长", "unit": "%", "base_measure": "营收"}, "Company:小米集团|营收/同比|2024|%"),
    ({"measure": "同比下降", "unit": "%", "base_measure": "营收"}, "Company:小米集团|营收/同比|2024|%"),
    ({"measure": "环比增长", "unit": "%", "base_measure": "营收"}, "Company:小米集团|营收/环比|2024|%"),
    ({"measure": "同比增长", "unit": "%"}, None),   # a change of nothing known
    ({"owner": None}, None),
    ({"period": None}, None),
    ({"measure": None}, None),
    ({"vague": True}, None),
    ({"value": None}, None),
])
def test_quantity_key(changes, expected):
    assert quantity_key(**{**KEY, **changes}) == expected


Q = "Company:小米集团|营收|2024|CNY"


def test_figures_saying_the_same_share_a_value_and_others_do_not():
    same = [fig("3659亿元", 3659 * YI), fig("0.3659万亿元", 3659 * YI), fig("3,659亿元", 3659 * YI),
            fig("约3659亿元", 3659 * YI, qualifier="about")]  # 约 rounds at the 1亿 written anyway
    assert len({value_of(Q, r).key for r in same}) == 1  # float noise of another magnitude word ignored
    apart = [fig("3659亿元", 3659 * YI), fig("3,659.0亿元", 3659 * YI), fig("36590000万元", 3659 * YI),
             fig("约3700亿元", 3700 * YI, qualifier="about"), fig("超过3659亿元", 3659 * YI, qualifier="over"),
             fig("3659亿至3700亿元", 3659 * YI, high=3700 * YI), fig("3659亿元", 3659 * YI, direction="down")]
    assert len({value_of(Q, r).key for r in apart}) == len(apart)
    assert value_of(Q, same[0]).key.startswith(Q + "|")
    assert value_of("Company:小米集团|营收|2023|CNY", same[0]).key != value_of(Q, same[0]).key


@pytest.mark.parametrize("a, b", AGREE, ids=lambda r: r.text)
def test_values_agree_as_their_figures_do(a, b):
    assert compare_values(value_of(Q, a), value_of(Q, b)).agrees


@pytest.mark.parametrize("a, b", DISAGREE, ids=lambda r: r.text)
def test_values_disagree_as_their_figures_do(a, b):
    assert not compare_values(value_of(Q, a), value_of(Q, b)).agrees


def test_a_value_comparison_goes_from_the_smaller_key_with_signed_difference_and_ratio():
    low, high = value_of(Q, fig("193亿元", 193 * YI)), value_of(Q, fig("272亿元", 272 * YI))
    assert low.key < high.key
    for pair in ((low, high), (high, low)):
        result = compare_values(*pair)
        assert (result.source, result.target, result.agrees) == (low.key, high.key, False)
        assert result.difference == pytest.approx(79 * YI) and result.ratio == pytest.approx(272 / 193)


def _v(text, number, qualifier=None, high=None):
    return value_of(Q, fig(text, number * YI, qualifier=qualifier, high=high))


def _edges(values, neighbours=NEIGHBOURS):
    """The neighbour rule's edges, each end named by the number it was made from."""
    name = {value.key: text for text, value in values.items()}
    return sorted((*sorted((name[c.source], name[c.target])), "agrees" if c.agrees else "disagrees")
                  for c in neighbour_comparisons(list(values.values()), neighbours).values())


def test_a_value_disagrees_only_with_its_nearest_disagreeing_neighbours():
    values = {text: _v(f"{text}亿元", int(text)) for text in ("10", "20", "30")}
    assert _edges(values) == [("10", "20", "disagrees"), ("20", "30", "disagrees")]  # not 10-30


def test_an_agreeing_rounded_value_joins_and_the_disagreement_goes_past_it():
    values = {"20": _v("20亿元", 20), "约20": _v("约20亿元", 20, "about"), "22": _v("22亿元", 22),
              "10": _v("10亿元", 10)}
    # 约20 (15-25亿) agrees with 20 and 22; 20 and 22 disagree; 10 disagrees with its upper neighbours.
    assert _edges(values) == [("10", "20", "disagrees"), ("10", "约20", "disagrees"),
                              ("20", "22", "disagrees"), ("20", "约20", "agrees"), ("22", "约20", "agrees")]


def test_a_wide_value_between_two_still_leaves_their_disagreement_visible():
    # 约20亿 rounds at 10亿 (15-25亿) and agrees with 16 and 24, which disagree with each other.
    values = {"16": _v("16亿元", 16), "约20": _v("约20亿元", 20, "about"), "24": _v("24亿元", 24)}
    assert _edges(values) == [("16", "24", "disagrees"), ("16", "约20", "agrees"), ("24", "约20", "agrees")]


def test_agreement_is_capped_at_the_neighbours_in_value_order():
    values = {str(n): _v(f"{n}亿元", n) for n in range(101, 111)}
    values["超过100"] = _v("超过100亿元", 100, "over")  # agrees with all ten, kept with the nearest
    agreeing = [edge for edge in _edges(values) if "超过100" in edge and edge[2] == "agrees"]
    assert sorted(a for a, b, _ in agreeing) == [str(n) for n in range(101, 101 + NEIGHBOURS)]
    assert len(_edges(values)) <= 2 * NEIGHBOURS * len(values)


def test_the_neighbour_rule_is_the_same_whatever_order_the_values_come_in():
    rng = random.Random(3)
    values = [_v(f"{n}亿元", n) for n in rng.sample(range(1, 500), 60)]
    once = neighbour_comparisons(values)
    assert neighbour_comparisons(list(reversed(values))) == once
    assert len([c for c in once.values() if not c.agrees]) == len(values) - 1  # a chain of neighbours


def test_new_values_get_the_comparisons_that_touch_them_once_a_pair():
    other = "Company:小米集团|净利润|2024|CNY"
    a, b, c = (value_of(Q, fig(f"{n}亿元", n * YI)) for n in (100, 200, 300))
    elsewhere = value_of(other, fig("100亿元", 100 * YI))
    found = compare_new_values([b, c], [a, b, c, elsewhere])
    assert sorted((x.source, x.target) for x in found) == sorted(
        tuple(sorted(pair)) for pair in ((b.key, a.key), (b.key, c.key)))
    assert compare_new_values([a], [a, b, c]) == [compare_values(a, b)]
    assert compare_new_values([], [a, b]) == []


def test_changed_keys_are_the_neighbours_of_a_point_that_came_or_went():
    run = sorted((_v(f"{n}亿元", n) for n in range(1, 21)), key=order)
    added = run[10]
    assert changed_keys(run, [order(added)], 2) == {v.key for v in run[8:13]}
    gone = _v("10.5亿元", 10.5)  # between 10 and 11 (run[9] and run[10])
    assert changed_keys(run, [order(gone)], 2) == {v.key for v in run[8:12]}
    assert changed_keys(run, [order(_v("50亿元", 50))], 2) == {v.key for v in run[18:]}


def test_contiguous_runs_merge_only_segments_that_share_values():
    values = sorted((_v(f"{n}亿元", n) for n in range(1, 21)), key=order)
    runs = contiguous_runs([values[0:5], values[4:9], values[12:15]])
    assert [[v.key for v in run] for run in runs] == [[v.key for v in values[0:9]],
                                                       [v.key for v in values[12:15]]]


def test_value_caption():
    assert value_caption(value_of(Q, fig("3659亿元", 3659 * YI)), "CNY") == "3658.5亿–3659.5亿 CNY"
    assert value_caption(value_of(Q, fig("超过1000亿港元", 1000 * YI, "HKD", "over")), "HKD") == "≥1000亿 HKD"
    assert value_caption(value_of(Q, fig("不足10万辆", 100000, "辆", "under")), "辆") == "≤10万 辆"
    assert value_of(Q, fig("超过1000亿港元", 1000 * YI, "HKD", "over")).upper == math.inf


def test_the_figure_view_of_a_quantity_comes_from_its_values():
    v193, v272, v250 = (value_of(Q, fig(f"{n}亿元", n * YI)).key for n in (193, 272, 250))
    relation = {frozenset(pair): compare_values(*(value_of(Q, fig(f"{n}亿元", n * YI)) for n in ns))
                for pair, ns in (((v193, v272), (193, 272)), ((v193, v250), (193, 250)), ((v250, v272), (250, 272)))}
    figures = [("a:1-2", "a", v193), ("a:5-6", "a", v272), ("b:1-2", "b", v272), ("c:1-2", "c", v250)]
    found = figure_comparisons(figures, relation)
    # a and b share 272亿 (a's 193亿 is another value a wrote): only the agreement counts
    assert [(x.source, x.target, x.agrees) for x in found] == [
        ("a:5-6", "b:1-2", True), ("a:1-2", "c:1-2", False), ("a:5-6", "c:1-2", False), ("b:1-2", "c:1-2", False)]
    b_c = found[-1]  # 272 -> 250, whichever way the Value edge runs
    assert b_c.difference == pytest.approx(-22 * YI) and b_c.ratio == pytest.approx(250 / 272)
    assert figure_comparisons([("a:1-2", "a", v193), ("a:5-6", "a", v272)], relation) == []  # one article
