"""Attach each figure to what it measures, whose it is and for which period.

Pure rules, stdlib only, over what the other rules found::

    attribute_figures(text, figures, sentences, entities, dates, published)
        -> [Attribution(measure, subject, period, change_of), ...]   # one per figure

* measure: the nearest measure word before the figure in the same clause
  (``MEASURES`` maps surface words to the canonical measure: 营业收入/总收入 ->
  营收, 归母净利润/净利 -> 净利润). A change written right after a measure
  ("营收同比增长10%", "较上一年提升2.1个百分点") gets the measure ``同比增长``
  (the figure's ``direction`` says up or down) and, when it follows a level
  figure of the same sentence ("营收6090亿元，同比增长10%"), ``change_of`` is the
  index of that level figure.
* subject: the nearest Company (else Organization) mention before the figure
  in the same sentence; else the subject carried from the previous sentences
  of the paragraph (implicit subject, 该公司); a new paragraph keeps the
  previous subject only while it names no other company before the figure.
* period: the nearest dated expression before the figure in the same
  sentence (else after it in the same clause); else the period carried over
  from the previous sentence of the same paragraph; else None (present tense).
  Dates after 截至 are points in time: they serve a figure of their own
  sentence but are not carried on to later sentences when a period is known.
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_right
from dataclasses import dataclass

from newsgraph.extract.rules.dates import DateValue
from newsgraph.extract.rules.figures import FigureValue

__all__ = ["Attribution", "MEASURES", "attribute_figures", "normalize_measure"]


@dataclass(frozen=True, slots=True)
class Attribution:
    measure: str | None
    subject: str | None
    period: str | None
    change_of: int | None


# canonical measure -> surface words (the canonical word itself is implied)
MEASURES: dict[str, tuple[str, ...]] = {
    "营收": ("营业收入", "营业总收入", "总收入", "总营收", "销售收入", "收入", "营收入", "营业额", "收入规模"),
    "净利润": ("归母净利润", "归属于母公司股东的净利润", "归属于上市公司股东的净利润", "归属于普通股股东的净利润",
             "归母净利", "净利", "经调整净利润", "经调整净利", "扣非净利润", "扣非归母净利润", "纯利"),
    "净亏损": ("经调整净亏损", "亏损额", "净亏", "亏损"),
    "经营利润": ("营业利润", "经营溢利"),
    "毛利": ("毛利润",),
    "毛利率": ("综合毛利率", "整体毛利率"),
    "净利率": ("净利润率",),
    "同比增长": ("同比增加", "同比提升", "同比上升", "同比上涨", "同比下降", "同比减少", "同比下滑", "同比下跌",
              "环比增长", "环比下降", "增速", "增幅", "降幅", "跌幅", "涨幅"),
    "市场份额": ("市占率", "份额", "市场占有率"),
    "员工数": ("员工总数", "员工人数", "员工", "雇员", "研发人员", "研发员工", "员工规模"),
    "研发投入": ("研发费用", "研发支出", "研发开支", "研发投资"),
    "融资额": ("融资", "募资", "募集资金", "融资金额"),
    "估值": ("投后估值", "估值达"),
    "市值": ("总市值",),
    "销量": ("销售量", "销售", "售出", "卖出"),
    "交付量": ("交付",),
    "出货量": ("出货",),
    "产量": ("生产",),
    "装机量": ("装车量",),
    "用户数": ("用户规模", "月活跃用户", "月活跃账户数", "月活跃账户", "月活", "日活", "日活跃用户", "用户"),
    "资本开支": ("资本支出", "资本性支出", "资本性开支"),
    "回购": ("回购股份金额", "回购金额", "回购规模", "回购股份"),
    "股息": ("末期股息", "派息", "分红", "中期股息"),
    "市场规模": ("规模",),
    "投资": ("投资额", "投入"),
    "合同金额": ("新签合同金额", "订单金额"),
    "补贴": ("补贴金额",),
    "售价": ("起售价", "价格", "定价", "起价"),
    "占比": ("收入占比", "比例", "比重"),
    "股价": (),
    "现金": ("现金储备", "现金及现金等价物"),
    "订单量": ("订单",),
    "门店数": ("门店",),
    "客户数": ("客户",),
}
_CHANGE_MEASURE = "同比增长"
_SYNONYM: dict[str, str] = {}
for _canon, _words in MEASURES.items():
    _SYNONYM[_canon] = _canon
    for _w in _words:
        _SYNONYM.setdefault(_w, _canon)
_MEASURE_RE = re.compile("|".join(re.escape(w) for w in sorted(_SYNONYM, key=len, reverse=True)))
# a change verb between the measure and the figure: 营收同比增长10%, 较上一年提升2.1个百分点
_CHANGE_RE = re.compile(
    r"(?:同比|环比|较[^，,。；;]{0,8}?|比[^，,。；;]{0,6}?)?"
    r"(?:增长|增加|提升|上升|上涨|提高|下降|减少|下滑|下跌|降低|回落|缩减|收窄|扩大|攀升|大增|大涨|大跌|增|涨|降|跌|减)"
    r"(?:了|约|超过|超|逾|近|接近|将近|达|高达|不足|不到)*$"
)
_CLAUSE_SEP = "，,；;：:。！？!?\n"
_SENT_RE = re.compile(r"[^。！？!?\n]+[。！？!?]*")
_POINT_RE = re.compile(r"(?:截至|截止|截止到|截至到)\s*$")
_SUBJECT_TYPES = ("Company", "Organization")


def normalize_measure(word: str) -> str | None:
    """Canonical measure of a surface word (营业收入 -> 营收), None if not in the lexicon."""
    return _SYNONYM.get(word)


def _clause_start(text: str, pos: int, floor: int) -> int:
    i = pos
    while i > floor and text[i - 1] not in _CLAUSE_SEP:
        i -= 1
    return i


def _clause_end(text: str, pos: int, ceil: int) -> int:
    i = pos
    while i < ceil and text[i] not in _CLAUSE_SEP:
        i += 1
    return i


def _measure(text: str, cs: int, start: int) -> str | None:
    last = None
    for m in _MEASURE_RE.finditer(text, cs, start):
        last = m
    return _SYNONYM[last.group()] if last else None


def attribute_figures(
    text: str,
    figures: list[tuple[int, int, FigureValue]],
    sentences: list[tuple[int, int]],
    entities: list[tuple[int, int, str, str]],
    dates: list[tuple[int, int, DateValue]],
    published: datetime.date | None,
) -> list[Attribution]:
    """One Attribution per figure, in the order of ``figures``."""
    if not figures:
        return []
    if not sentences:
        sentences = [m.span() for m in _SENT_RE.finditer(text)]
    sentences = sorted(sentences)
    sent_starts = [s for s, _ in sentences]
    para_breaks = [i for i, c in enumerate(text) if c == "\n"]
    subjects = sorted((s, e, t, n) for s, e, t, n in entities if t in _SUBJECT_TYPES)
    companies = [x for x in subjects if x[2] == "Company"]
    orgs = [x for x in subjects if x[2] == "Organization"]
    dated = sorted((s, e, d) for s, e, d in dates if d.value)

    def sent_of(pos: int) -> tuple[int, int]:
        i = bisect_right(sent_starts, pos) - 1
        if i < 0:
            return 0, len(text)
        s, e = sentences[i]
        return (s, e) if pos < e else (s, max(e, pos + 1))

    def para_of(pos: int) -> int:
        return bisect_right(para_breaks, pos)

    def para_start(pos: int) -> int:
        i = bisect_right(para_breaks, pos)
        return para_breaks[i - 1] + 1 if i else 0

    def last_mention(pool, lo: int, hi: int):
        best = None
        for s, e, _t, n in pool:
            if s >= lo and e <= hi:
                best = n
            elif s >= hi:
                break
        return best

    def subject_at(pos: int) -> str | None:
        s, _ = sent_of(pos)
        found = last_mention(companies, s, pos) or last_mention(orgs, s, pos)
        if found:
            return found
        # implicit subject: earlier sentences of the paragraph, then earlier
        # paragraphs as long as this paragraph names no other company before the figure
        ps = para_start(pos)
        found = last_mention(companies, ps, s) or last_mention(orgs, ps, s)
        if found:
            return found
        found = last_mention(companies, 0, ps) or last_mention(orgs, 0, ps)
        return found

    def period_at(start: int, end: int) -> str | None:
        s, e = sent_of(start)
        before = [d for d in dated if d[0] >= s and d[1] <= start]
        if before:
            return before[-1][2].value
        ce = _clause_end(text, end, e)
        after = [d for d in dated if d[0] >= end and d[1] <= ce]
        if after:
            return after[0][2].value
        # carried over from the previous sentences of the same paragraph
        ps = para_start(start)
        prev = [d for d in dated if d[0] >= ps and d[1] <= s]
        if prev:
            points = [d for d in prev if not _POINT_RE.search(text, max(ps, d[0] - 4), d[0])]
            return (points or prev)[-1][2].value
        return None

    out: list[Attribution] = []
    for i, (start, end, fig) in enumerate(figures):
        ss, _se = sent_of(start)
        cs = _clause_start(text, start, ss)
        prefix = text[cs:start]
        change_of = None
        if fig.direction is not None and _CHANGE_RE.search(prefix) and fig.unit in ("%", "pp", "x"):
            measure = _CHANGE_MEASURE
            # the level figure this one is the change of: the previous figure of the sentence
            if i > 0:
                ps_, pe_, pfig = figures[i - 1]
                if ps_ >= ss and pfig.direction is None and pfig.unit not in ("%", "pp", "x") or (
                        ps_ >= ss and pfig.direction is None and pfig.unit == "%" and fig.unit == "pp"):
                    change_of = i - 1
        else:
            measure = _measure(text, cs, start)
            if measure is None:
                # the measure of the clause before: 营收为6090亿元，约合850亿美元
                pcs = _clause_start(text, cs - 1, ss) if cs > ss else cs
                if pcs < cs:
                    measure = None
        out.append(Attribution(measure, subject_at(start), period_at(start, end), change_of))
    return out
