"""The named steps attribution is built from: text layout, date roles, list prices, comparison verbs."""
from __future__ import annotations

import datetime

import pytest

from newsgraph.extract.rules.dates import find_dates
from newsgraph.extract.rules.figure_measure import FigureSite, measure_of_figure
from newsgraph.extract.rules.figure_period import is_list_price, usable_dates
from newsgraph.extract.rules.figures import find_figures
from newsgraph.extract.rules.text_layout import TextLayout


def test_a_semicolon_closes_a_sentence_and_clauses_stop_at_marks():
    text = "星河科技营收50亿元；公司还设立了研究院，投入3亿元。"
    layout = TextLayout(text, [(0, len(text))], [(0, 4, "Company", "星河科技")], [])
    assert layout.sentences == [(0, 11), (11, len(text))]
    assert layout.sentence_of(text.index("3亿元")) == (11, len(text))
    assert layout.clause_start(text.index("3亿元"), 11) == text.index("投入")
    assert layout.blocked(2) == (0, 4, True)
    assert layout.blocked(5) is None


def test_paragraph_start_is_after_the_last_line_break():
    text = "第一段。\n第二段营收5亿元。"
    layout = TextLayout(text, [], [], [])
    assert layout.paragraph_start(text.index("5亿元")) == text.index("第二段")
    assert layout.paragraph_start(1) == 0


@pytest.mark.parametrize(("text", "expected"), [
    ("截至2024年9月30日止九个月，营收为30亿元。", [("2024-01/2024-09", "period")]),
    ("截至2024年12月31日止的季度，营收为30亿元。", [("2024-Q4", "period")]),
    ("截至2024年12月31日，员工为300人。", [("2024-12-31", "point")]),
    ("营收较2023年增长10%。", [("2023", "compare")]),
    ("公司成立于2016年。", [("2016", "event")]),
    ("2025年3月，公司宣布扩产。", [("2025-03", "event")]),
    ("2025年3月，营收为5亿元。", [("2025-03", "month")]),
    ("规模约为2023年的1.7倍。", [("2023", "base")]),
    ("2023年以来，累计投资超过500亿元。", [("2023", "span")]),
    ("今年以来，累计投资超过500亿元。", [("2025-01/2025-08", "period")]),
])
def test_date_roles(text, expected):
    published = datetime.date(2025, 8, 20)
    usable, _ = usable_dates(text, find_dates(text, published), published)
    assert [(u.value, u.role) for u in usable] == expected


def test_a_report_named_after_a_year_is_its_period():
    text = "根据2025年一季报，营收为5亿元。"
    published = datetime.date(2025, 5, 1)
    usable, reports = usable_dates(text, find_dates(text, published), published)
    assert [(u.value, u.role) for u in usable] == [("2025-Q1", "period")]
    assert reports == [(text.index("2025"), "2025-Q1")]


@pytest.mark.parametrize(("measure", "listed"), [
    ("售价", True), ("出厂价", True), ("股价", True), ("出厂价涨幅", True),
    ("收购价", False), ("股价涨幅", False), ("营收", False), (None, False),
])
def test_list_prices_have_no_period(measure, listed):
    assert is_list_price(measure) is listed


@pytest.mark.parametrize(("text", "expected"), [
    ("星河科技的毛利率略高于远帆体育的50.8%。", "毛利率"),  # the measure stands before the comparison
    ("星河科技的毛利率不及远帆体育的50.8%。", "毛利率"),
    ("星河科技的毛利率为50.8%。", "毛利率"),
])
def test_a_measure_is_named_before_the_compared_party(text, expected):
    entities = [(text.index("星河科技"), text.index("星河科技") + 4, True)]
    if "远帆体育" in text:
        entities.append((text.index("远帆体育"), text.index("远帆体育") + 4, True))

    def blocked(pos):
        return next((e for e in entities if e[0] <= pos < e[1]), None)

    (start, end, fig), = find_figures(text)
    site = FigureSite(text, 0, start, end, fig, None, None, blocked)
    assert measure_of_figure(site) == expected


@pytest.mark.parametrize(("phrase", "context", "measure"), [
    # the rows of data/measure_patterns.tsv, each with where its adjusted marker counts
    ("派息比率", "", "分红比例"),
    ("营业总收入", "", "营收"),
    ("经调整净利润", "", "经调整净利润"),
    ("净利润", "按非国际财务报告准则，", "经调整净利润"),
    ("未经调整净利润", "", "净利润"),  # 未经调整 is the reported figure
    ("股东应占溢利", "", "净利润"),
    ("经调整股东应占溢利", "", "经调整净利润"),
    ("股东应占溢利", "按经调整口径，", "净利润"),  # read in the phrase only
    ("归属于上市公司股东的净亏损", "", "净亏损"),
    ("净亏损", "按经调整口径，", "经调整净亏损"),
    ("现金分红总额", "", "分红总额"),
    ("毛利率", "", "毛利率"),
])
def test_measure_patterns(phrase, context, measure):
    from newsgraph.extract.rules.measure_names import normalize_measure
    assert normalize_measure(phrase, context) == measure
