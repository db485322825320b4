"""Attach each figure to what it measures, whose it is and for which period.

Pure rules, stdlib only, over what the other rules found::

    attribute_figures(text, figures, sentences, entities, dates, published)
        -> [Attribution(measure, subject, period, change_of), ...]   # one per figure

A "sentence" here also ends at ；. ``published`` is accepted for symmetry with
the other rules; relative dates arrive already resolved in ``dates``.

The rules below live in modules of one job each, which this one runs figure by figure:
text_layout (sentences, clauses, paragraphs, the mentions a phrase may not run into),
measure_phrases (reading a measure's phrase back from a figure), measure_names (what the
phrase is called), figure_measure, figure_subject and figure_period (the three answers, each a
sequence of named steps). Their word lists are data files, one per concept (data/*.txt, *.tsv).

measure
    The noun phrase that names the figure, read back from the figure over the
    linking words (为, 约为, 达到, 超过, 保持在 ...) and a date (有望在2030年超过)
    up to a stop (a company or date mention, 其中, 的, 较 ...), kept only when it
    ends in a measure head (收入, 净利润, 毛利率, 规模, 金额, 人员 ...; ``MEASURE_HEADS``).
    ``normalize_measure`` maps the usual synonyms (营业收入/总收入/销售收入 -> 营收;
    归母净利润/归属于…股东的净利润 -> 净利润; non-IFRS 净利润 -> 经调整净利润;
    综合毛利率 -> 毛利率; X出货量/X销量 -> 出货量/销量, keeping 海外/国内/累计;
    研发费用 -> 研发投入; 研发人员 -> 研发人员数; 净收入 -> 营收; 亏损/归属于…的净亏损 ->
    净亏损; 现金分红总额 -> 分红总额; X业务收入/X营业收入 -> X收入; 感冒灵颗粒出厂价 -> 出厂价);
    segment measures otherwise stay as written (网络广告收入). Scanning back never
    splits a word (其他收入, 该行) and keeps a maker's name inside a product name
    (茅台酒营业收入 -> 茅台酒收入). A count with a noun right before it and none
    after is of that noun (存栏奶牛4.2万头 -> 存栏奶牛数量, 拥有牧场21座 -> 牧场数量). Failing that, in order: the noun after the
    figure (以427.21万辆的年销量; 4500万美元C轮融资 -> 融资额), the verb before a
    count or an amount (交付新车31138辆 -> 交付量; 回购至少800亿港元 -> 回购金额),
    the measure of the previous figure of the same unit in the sentence, the
    counted noun after a classifier (1.2万台服务器 -> 服务器数量).
    Changes: a year-on-year change in % or x (同比增长10%, 较上一年减少3.2%, 翻番)
    has measure 同比增长, or 同比下降 when its direction is down (as the gold set
    writes it), 环比增长 after 环比, 股价涨幅/股价跌幅 for a share price; a change
    in percentage points keeps the measure of its level (verbs the figure rules
    leave undirected: 出厂价上调约8% -> 出厂价涨幅, 市值蒸发550亿美元 -> 市值变动) (毛利率…，较上一年提升
    2.1个百分点 -> 毛利率); a change in money or counts is "<level>变动"
    (减少约7100万元 -> 净利润变动); a comparison with something other than a
    year keeps its own measure (推理成本较上一代产品下降六成 -> 推理成本).
    占X的20.8% -> "<previous measure>占比"; 约合530亿美元 -> the previous measure.
    A share written as a phrase names its part: 电商收入占总收入比重 -> 电商收入占比,
    新能源车辆在车队中的占比 -> 新能源车辆占比. Hong Kong wording: 营运收入/收入总额 -> 营收;
    股东应占溢利/归属于股东的利润/净溢利 -> 净利润; 派息率/分红率/派息比率 -> 分红比例;
    X总数 -> X数. A measure starts at a word: never with 的/和/与/及/并/到/在/为, a lone
    classifier (家, 笔, 项) or 每家; never inside an alphanumeric token (5G基站, 3D打印); target
    verbs (力争, 预计到) and leading verbs of a count (新开和加密国际航线) are dropped; a noun
    that is already a quantity (年处理能力, 运输量, 面积) takes no 数量; a bare 数量 is the
    previous measure; only a time word or a verb before the figure -> None. The measure of a
    figure after 高于/低于 X的 is named before the comparison (增速低于X的8.1% -> 同比增长).
    Every measure leaves through ``canonical_measure`` (X数量 -> X数, X业务收入 -> X收入, 收入增速 ->
    同比增长). A verb inside the phrase before a count is cut (在湖州拥有一座年处理能力3万吨 ->
    年处理能力); 等地 closes a list of places; a verb of acquiring names a count with its noun
    (新引进12架飞机 -> 引进飞机数); 其中7架为租赁飞机 -> 租赁飞机数; 净关闭213家 after 门店4127家 ->
    门店数变动; a change in money takes a level's measure only from money (租赁负债因此增加约20亿元 ->
    租赁负债变动, never 飞机数变动), and after a change in x from the level named before it
    (净利润…翻番，增加了520亿元 -> 净利润变动); 实施的中期分红 in money -> 中期分红总额; 每股…元，合计约347亿元
    -> 分红总额; money named by a verb after 以 (拟以30亿元回购 -> 回购金额) or a noun up to eight
    characters on (可持续发展挂钩债券, A+轮投资 -> 融资额), never 的估值 (-> 估值); a segment of
    customers keeps its name (5G网络客户 -> 5G网络客户数). Word lists live in data/ (measure_heads.txt,
    measure_link_words.txt, measure_stop_words.txt, measure_drop_prefixes.txt, measure_patterns.tsv,
    *_measures.tsv, change_verbs.tsv, …); what someone said is read with the shared speech verbs
    (speech_verbs.tsv).
change_of
    For a change (direction set) right after a level figure of the same
    sentence: the index of that level (营收6090亿元，同比增长10% -> 0).
subject
    The nearest Company (else Organization) mention before the figure in the
    same sentence, skipping organizations quoted as sources (赛诺咨询数据显示,
    中汽协统计) and the compared party of "比亚迪的两倍"; else the company of the
    earlier sentences of the paragraph; else the subject of the previous figure
    (implicit subject, 该公司). A market measure (市场规模, 渗透率) with no company
    in its sentence has no subject; nor has an industry statistic (全国…, …行业…
    with no company or 公司 in its clause), whose measure loses the sector words
    and which takes no period from other sentences. A company governed by a
    preposition (受与亚马逊价格战影响, 在英伟达…后) is not a subject; nor is a maker modifying a product
    in an earlier clause (其中包括3架中国商飞生产的C919，全年旅客运输量…).
    In quoted or reported speech, "we" (我们/我司/本公司) after the last company named is the
    company named before the quote or speech verb (星河科技董事长说：“…我们的营收约为50亿元” -> 星河科技). When the sentence opens
    with a company, a later supplier or partner (波音向其交付, 其中商飞交付) or a compared party
    (毛利率高于华润啤酒，达到40%) is not the subject, except of the figure right after "X的"; a
    change of another company's level is no change_of.
period
    A date written right before the figure (2020年8914亿元, 去年同期的3.83亿元);
    else the nearest date in the same sentence before the figure (else after it
    in the same clause), leaving out comparisons (较上一年), event days (5日宣布…;
    a day counts after 截至, and for share-price moves), events (成立于2016年,
    自2004年以来) and the base of a multiple (2023年的6倍); else the year,
    quarter, range or 截至 day of an earlier sentence of the paragraph (not
    across 预计/计划/将 sentences; the latest period of the last dated sentence);
    a month followed by an announcement (2025年3月，公司宣布) is no period; else, in a paragraph without dates of its
    own that reports no speech and whose figure has a subject, the last period of
    the text; else None.
    List prices (售价, 均价, 出厂价) have no period (a market price, 收购价, keeps one); spans (近十年累计, 2023年以来, 未来五年) and the present (目前) have no
    period; nor has a market figure in a view (分析师指出，储能市场规模…). 今年以来 is the
    year to date (2025-01/<publication month>). 报告期内 is the period of the last report
    named before it (2025年一季报 -> 2025-Q1, 第二季度业绩 -> 2025-Q2); 报告期末 its last day.
    全年 after a quarter or a point of the same year is that year. A paragraph without
    dates takes the text's last period only when its figure's subject is that of the last
    figure before it. 截至…止的季度/年度/九个月 is that quarter, year or month range.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from newsgraph.extract.rules.dates import DateValue
from newsgraph.extract.rules.figure_measure import (
    FigureSite, is_change_unit, measure_of_figure, restated, unrestated)
from newsgraph.extract.rules.figure_period import PeriodFinder
from newsgraph.extract.rules.figure_subject import SubjectFinder
from newsgraph.extract.rules.figures import FigureValue
from newsgraph.extract.rules.measure_names import CHANGE, CHANGE_DOWN, MEASURE_HEADS, normalize_measure
from newsgraph.extract.rules.measures import canonical_measure
from newsgraph.extract.rules.text_layout import TextLayout

__all__ = ["Attribution", "MEASURE_HEADS", "attribute_figures", "normalize_measure"]

Figure = tuple[int, int, FigureValue]


@dataclass(frozen=True, slots=True)
class Attribution:
    measure: str | None
    subject: str | None
    period: str | None
    change_of: int | None
    compared_with: str | None = None  # A超过B的X: B


def attribute_figures(
    text: str,
    figures: list[Figure],
    sentences: list[tuple[int, int]],
    entities: list[tuple[int, int, str, str]],
    dates: list[tuple[int, int, DateValue]],
    published: datetime.date | None,
) -> list[Attribution]:
    """One Attribution per figure, in the order of ``figures``."""
    if not figures:
        return []
    attributor = _Attributor(text, figures, sentences, entities, dates, published)
    return [attributor.attribute(i) for i in range(len(figures))]


class _Attributor:
    """Attributes the figures of one text in order; later figures read what earlier ones got."""

    def __init__(self, text: str, figures: list[Figure], sentences: list[tuple[int, int]],
                 entities: list[tuple[int, int, str, str]], dates: list[tuple[int, int, DateValue]],
                 published: datetime.date | None) -> None:
        self.text = text
        self.figures = figures
        self.layout = TextLayout(text, sentences, entities, [(s, e) for s, e, _ in dates])
        self.subjects = SubjectFinder(self.layout, entities)
        self.periods = PeriodFinder(self.layout, dates, published, [f[0] for f in figures])
        self.date_starts = {e: s for s, e, _ in dates}
        self.done: list[Attribution] = []
        self.done_subjects: list[str | None] = []
        self.prev_subject: str | None = None  # the subject of the last figure that has one

    def attribute(self, i: int) -> Attribution:
        """The attribution of figure ``i``; figures before it are done."""
        start, end, fig = self.figures[i]
        sentence = self.layout.sentence_of(start)
        ss = sentence[0]
        cs = self.layout.clause_start(start, ss)
        measure = self._measure(i, ss, cs)
        change_of = self._change_of(i, measure, ss)
        subject, sector, measure = self.subjects.subject(start, fig, sentence, cs, measure, self.prev_subject)
        if change_of is not None and subject is not None and self.done[change_of].subject not in (None, subject):
            change_of = None  # 营收135.8亿元，增速高于李宁的3.9%: not a change of another's level
        compared_with = None
        cmp = self.subjects.comparison(start, ss)
        if cmp is not None:
            subject, compared_with, cmp_measure = cmp
            if measure is None and cmp_measure:
                measure = normalize_measure(cmp_measure, self.text[max(0, ss - 40):start], fig.unit)
        period = self.periods.period(start, end, fig, measure, sector, subject, self.done_subjects)
        measure = restated(canonical_measure(measure), self.text, start)
        attribution = Attribution(measure, subject, period, change_of, compared_with)
        self.done.append(attribution)
        self.done_subjects.append(subject)
        if subject is not None:
            self.prev_subject = subject
        return attribution

    def _measure(self, i: int, ss: int, cs: int) -> str | None:
        figures, done = self.figures, self.done
        start, end, fig = figures[i]
        prev = figures[i - 1] if i > 0 and figures[i - 1][0] >= ss else None
        prev_measure = unrestated(done[i - 1].measure) if prev is not None else None
        if prev is not None and prev[2].direction:
            # the measure of the last level figure of the sentence: 较去年同期的3.83亿元
            for j in range(i - 2, -1, -1):
                if figures[j][0] < ss:
                    break
                if not figures[j][2].direction:
                    if not is_change_unit(fig.unit) or fig.unit == "pp":
                        prev_measure = unrestated(done[j].measure)
                    break
        level_measure = next((done[j].measure for j in range(i - 1, -1, -1)
                              if figures[j][0] >= ss and not figures[j][2].direction), None)
        return measure_of_figure(FigureSite(self.text, cs, start, end, fig, prev, prev_measure, self.layout.blocked,
                                            self.date_starts, level_measure))

    def _change_of(self, i: int, measure: str | None, ss: int) -> int | None:
        """The level this figure is a change of: the figure right before it in the sentence
        (营收6090亿元，同比增长10% -> that 6090亿元), or the last level of its unit."""
        figures = self.figures
        fig = figures[i][2]
        prev = figures[i - 1] if i > 0 and figures[i - 1][0] >= ss else None
        if not fig.direction or prev is None:
            return None
        if prev[2].direction is None:
            if (measure in (CHANGE, CHANGE_DOWN) and not is_change_unit(prev[2].unit)
                    or fig.unit == "pp" and prev[2].unit == "%"
                    or measure and measure.endswith("变动") and prev[2].unit == fig.unit):
                return i - 1
            return None
        if measure and measure.endswith("变动"):
            for j in range(i - 2, -1, -1):  # 营收279.85亿元，同比增长22.6%，增加51.4亿元
                if figures[j][0] < ss:
                    break
                if figures[j][2].direction is None and figures[j][2].unit == fig.unit:
                    return j
        return None
