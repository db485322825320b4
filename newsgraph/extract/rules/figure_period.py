"""The period of a figure: a date written before it, else in its sentence or clause, else carried
over from its paragraph or the text (see rules/attribution.py for the rules in full).
"""
from __future__ import annotations

import datetime
import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import NamedTuple, Sequence

from newsgraph.extract.rules.dates import PERIOD_ENDING, DateValue, interval_of
from newsgraph.extract.rules.figure_subject import SAID_VERBS, SPEECH
from newsgraph.extract.rules.figures import FigureValue
from newsgraph.extract.rules.measure_names import MARKET_MEASURE
from newsgraph.extract.rules.numbers import parse_number
from newsgraph.extract.rules.text_layout import TextLayout, starting_in
from newsgraph.extract.rules.vocab import alternation, read_by, words

__all__ = ["PeriodFinder", "UsableDate", "is_list_price", "usable_dates"]

_LIST_PRICES = words("list_prices.txt")
_ANNOUNCED_AFTER = re.compile(r"[^。；;\n\d]{0,12}?(?:" + alternation("announcement_verbs.txt") + r")")
_TIMES_AFTER = re.compile(r"的[0-9０-９.一二两三四五六七八九十百几]+倍")
_COMPARE_BEFORE = re.compile("(?:" + "|".join(read_by("comparison_markers.tsv", "period")) + ")$")
# the report a date names: 2025年一季报 / 2024年年度报告 / 2025年第二季度业绩 (what 报告期内 refers to)
_REPORT_AFTER = re.compile(
    r"(?:(?P<q1>一季报|一季度报告|第一季度报告)|(?P<h1>半年报|中报|半年度报告|中期报告|中期业绩|半年度业绩|半年业绩)"
    r"|(?P<q3>三季报|三季度报告|第三季度报告)|年报|年度报告|年度业绩|全年业绩|的?(?:季度)?(?:业绩|财报|财务报告|报告|业绩报告|业绩快报))")
_REPORT_PERIOD = re.compile(r"报告期(?P<end>末)?")
# a view: said, 看来, or a forecast verb (data/forecast_words.tsv)
_OPINION = re.compile("|".join(map(re.escape, SAID_VERBS)) + "|看来|" + "|".join(read_by("forecast_words.tsv", "view")))
_FUTURE_SPAN = re.compile(r"(?:未来|今后|此后)[一二两三四五六七八九十\d]+(?:个)?年")
_SINCE_AFTER = re.compile(r"以来")  # 今年以来: the year to date
_PRESENT = re.compile(r"目前|当前|现有|如今|眼下")
_FUTURE = re.compile("|".join(read_by("forecast_words.tsv", "period")))
_POINT_BEFORE = re.compile(r"(?:截至|截止|截止到)\s*$")
_EVENT_BEFORE = re.compile(r"(?:于|自|从|始于)\s*$")  # 成立于2016年, 自2004年上市以来
_SPAN_MARKER = re.compile(r"近[一二两三四五六七八九十\d]+年|过去[一二两三四五六七八九十\d]+年|[一二两三四五六七八九十\d]+年来|近年来|历年|成立以来|上市以来")


class UsableDate(NamedTuple):
    start: int
    end: int
    value: str
    role: str  # period | point | compare | base | event | day | month | span


def usable_dates(text: str, dates: list[tuple[int, int, DateValue]],
                 published: datetime.date | None) -> tuple[list[UsableDate], list[tuple[int, str]]]:
    """(the dates that may serve as a period, each with its role; (start, value) of the reports the
    text names, for 报告期内), in text order."""
    usable, reports = [], []
    for s, e, d in dates:
        if not d.value:
            continue
        rm = _REPORT_AFTER.match(text, e)
        value = _report_value(d.value, rm) if rm and len(d.value) == 4 else d.value  # 根据2025年一季报，…
        if (text[s:e].endswith("以来") or _SINCE_AFTER.match(text, e)) and len(value) == 4:
            usable.append(UsableDate(s, e, *_since(value, published)))
            continue
        value, role = _role(text, s, e, value, d.value)
        usable.append(UsableDate(s, e, value, role))
        if rm and role == "period":
            reports.append((s, value))
    usable.sort()
    return usable, reports


def _report_value(year: str, rm: re.Match) -> str:
    return (f"{year}-Q1" if rm.group("q1") else f"{year}-H1" if rm.group("h1")
            else f"{year}-Q3" if rm.group("q3") else year)


def _since(year: str, published: datetime.date | None) -> tuple[str, str]:
    """今年以来 is the year to date; 2023年以来 is a span up to now (no period)."""
    if published is not None and int(year) == published.year:
        return (f"{year}-01/{year}-{published.month:02d}" if published.month > 1 else f"{year}-01"), "period"
    return year, "span"


def _role(text: str, s: int, e: int, value: str, written: str) -> tuple[str, str]:
    """(value, role) of a date at ``s:e`` as a period for the figures near it."""
    if _COMPARE_BEFORE.search(text, max(0, s - 4), s):
        return value, "compare"
    if _TIMES_AFTER.match(text, e):
        return value, "base"  # 约为2023年的1.7倍: what the multiple is of
    if _POINT_BEFORE.search(text, max(0, s - 4), s):
        em = PERIOD_ENDING.match(text, e) if len(value) == 10 else None
        return (_period_ending(value, em), "period") if em else (value, "point")
    if len(value) == 10 and text[s:e] in ("同期", "同日", "截至同日"):
        return value, "point"  # the day of an earlier 截至
    if len(value) == 10:
        return value, "day"
    if _EVENT_BEFORE.search(text, max(0, s - 2), s):
        return value, "event"
    if len(written) == 7 and written[5:7].isdigit():
        return value, "event" if _ANNOUNCED_AFTER.match(text, e) else "month"  # 2025年3月，公司宣布…
    return value, "period"


def _period_ending(day: str, em: re.Match) -> str:
    """截至2024年12月31日止的季度 -> 2024-Q4; 截至2024年12月31日止九个月 -> 2024-04/2024-12."""
    mo = int(day[5:7])
    if em.group("n"):
        k = int(parse_number(em.group("n")))
        y0, m0 = divmod(int(day[:4]) * 12 + mo - 1 - (k - 1), 12)
        return f"{y0}-{m0 + 1:02d}/{day[:7]}"
    return (f"{day[:4]}-Q{(mo - 1) // 3 + 1}" if em.group("q")
            else f"{day[:4]}-H{1 if mo <= 6 else 2}" if em.group("h") else day[:4])


def is_list_price(measure: str | None) -> bool:
    """A list price holds until changed; a market price (收购价, 成交价) keeps its period."""
    return bool(measure) and (measure == "股价" or (measure.endswith(_LIST_PRICES) and not measure.startswith("股价")))


@dataclass(frozen=True, slots=True)
class _Figure:
    """A figure as period rules see it: where it stands and what was found of it."""
    start: int
    end: int
    fig: FigureValue
    measure: str | None
    sector: bool
    subject: str | None
    sentence: tuple[int, int]
    clause: int


# a step that does not decide returns _NEXT; None is a decision (the figure has no period)
_NEXT = object()
_DATED_ROLES = ("period", "point", "month")


class PeriodFinder:
    """The period of each figure of one text (see rules/attribution.py for the rules)."""

    def __init__(self, layout: TextLayout, dates: list[tuple[int, int, DateValue]],
                 published: datetime.date | None, figure_starts: list[int]) -> None:
        self.layout = layout
        self.text = layout.text
        self.usable, self.reports = usable_dates(layout.text, dates, published)
        self._usable_starts = [u.start for u in self.usable]
        self._figure_starts = figure_starts

    def dates_in(self, lo: int, hi: int) -> Sequence[UsableDate]:
        return starting_in(self.usable, self._usable_starts, lo, hi)

    def period(self, start: int, end: int, fig: FigureValue, measure: str | None, sector: bool,
               subject: str | None, subjects: list[str | None]) -> str | None:
        """The period of the figure at ``start:end``; ``subjects``: those of the figures before it."""
        v = self._period(self._figure(start, end, fig, measure, sector, subject), subjects)
        if v and "/" not in v and len(v) > 4:
            # 四季度交付7.2万辆，全年交付22.2万辆: 全年 is the year of the date it follows
            cs = self.layout.clause_start(start, self.layout.sentence_of(start)[0])
            if "全年" in self.text[cs:start] and not self.dates_in(cs, start):
                return v[:4]
        return v

    def _figure(self, start: int, end: int, fig: FigureValue, measure: str | None, sector: bool,
                subject: str | None) -> _Figure:
        sentence = self.layout.sentence_of(start)
        return _Figure(start, end, fig, measure, sector, subject, sentence,
                       self.layout.clause_start(start, sentence[0]))

    def _period(self, f: _Figure, subjects: list[str | None]) -> str | None:
        if is_list_price(f.measure):
            return None
        written = self._written_right_before(f)
        if written:
            return written
        if self._in_span(f):
            return None
        report = self._report_period(f, subjects)
        if report is not _NEXT:
            return report
        ss, cs = f.sentence[0], f.clause
        if _FUTURE_SPAN.search(self.text, ss, f.start) and not self.dates_in(ss, f.start):
            return None  # 未来五年，公司累计投入500亿元
        if _PRESENT.search(self.text, cs, f.start) and not self.dates_in(cs, f.start):
            return None  # 公司目前共有员工约1100人
        return self._in_sentence(f) or self._carried_over(f, subjects)

    def _written_right_before(self, f: _Figure) -> str | None:
        """2020年8914亿元 / 去年同期的3.83亿元 / 上一季度的7%."""
        for s, e, v, role in self.dates_in(f.sentence[0], f.start):
            if e <= f.start and re.fullmatch(r"的?|(?:为|达|约|实现营收)", self.text[e:f.start]) and f.fig.unit != "x":
                return v
        return None

    def _in_span(self, f: _Figure) -> bool:
        """近十年累计 / 2023年以来，累计投资超过500亿元: a span has no period."""
        own = self.dates_in(f.clause, f.start)
        if _SPAN_MARKER.search(self.text, f.clause, f.start) and not own:
            return True
        return bool(own) and own[-1].role == "span"

    def _report_period(self, f: _Figure, subjects: list[str | None]):
        """报告期内: the period of the report the text is about (the last one named before)."""
        rp = None
        for rp in _REPORT_PERIOD.finditer(self.text, f.sentence[0], f.start):
            pass
        if rp is None:
            return _NEXT
        if rp.group("end") and not self.reports:
            v = self._period(self._figure(rp.start(), rp.start(), f.fig, f.measure, f.sector, f.subject),
                             subjects)  # the text's period
            iv = interval_of(v) if v and len(v) < 10 else None
            return iv[1] if iv else v
        if self.reports and not any(u.role in _DATED_ROLES for u in self.dates_in(rp.end(), f.start)):
            named = [v for s, v in self.reports if s < rp.start()] or [self.reports[0][1]]
            if rp.group("end"):  # 截至报告期末: the report period's last day
                iv = interval_of(named[-1])
                return iv[1] if iv else named[-1]
            return named[-1]
        return _NEXT

    def _in_sentence(self, f: _Figure) -> str | None:
        """The nearest date before the figure in its sentence, else after it in its clause."""
        roles = _DATED_ROLES
        if f.measure and f.measure.startswith(("股价", "市值")):
            roles += ("day",)  # a share price moves on a day
        ss, se = f.sentence
        before = [
            (s, v) for s, e, v, role in self.dates_in(ss, f.start)
            if e <= f.start and role in roles
            and not (f.fig.unit == "x" and self.text.startswith("的", e) and e + 1 == f.start)
        ]
        if before:
            return before[-1][1]
        ce = self.layout.clause_end(f.end, se)
        after = [v for s, e, v, role in self.dates_in(f.end, ce) if e <= ce and role in roles]
        return after[0] if after else None

    def _carried_over(self, f: _Figure, subjects: list[str | None]) -> str | None:
        """A year, quarter or range (or a 截至 day) of the paragraph so far, else of the text."""
        ss = f.sentence[0]
        if f.sector:
            return None  # an industry statistic takes no period from a company's sentence
        if f.subject is None and f.measure and MARKET_MEASURE.search(f.measure) and _OPINION.search(self.text, ss, f.start):
            return None  # 分析师指出，储能市场规模约为3000亿元: a view, not a period's figure
        ps = self.layout.paragraph_start(f.start)
        carried = [(s, v) for s, e, v, role in self.dates_in(ps, ss) if e <= ss and role in ("period", "point")]
        if carried:
            # the latest period of the last sentence that has one (2024年…，2023年亏损…。全年… -> 2024)
            last_sent = self.layout.sentence_of(carried[-1][0])[0]
            carried = [max((v for s, v in carried if s >= last_sent), key=lambda v: v[:4])]
        if carried and ss > 0 and self.text[ss - 1] in "；;":
            return carried[-1]  # the part of the sentence before ；
        if _FUTURE.search(self.text, ss, f.start):
            return None  # 市场普遍预计，随着3800亿元计划落地: no period unless written
        if carried:
            return carried[-1]
        return self._continued_from_text(f, ps, subjects)

    def _continued_from_text(self, f: _Figure, ps: int, subjects: list[str | None]) -> str | None:
        """A paragraph without dates of its own continues the last period of the text, unless it
        reports what someone said or is about another company than the figure before it."""
        if any(role not in ("compare", "base") for *_, role in self.dates_in(ps, f.start)) or SPEECH.search(
                self.text, f.sentence[0], f.start) or f.subject is None:
            return None
        j = bisect_left(self._figure_starts, ps) - 1
        if j >= 0 and j < len(subjects) and subjects[j] != f.subject:
            return None  # a new paragraph about another company does not continue the period
        for s, e, v, role in reversed(self.dates_in(0, ps)):
            if role == "period" and e <= ps:
                return v
        return None
