"""Attach each figure to what it measures, whose it is and for which period.

Pure rules, stdlib only, over what the other rules found::

    attribute_figures(text, figures, sentences, entities, dates, published)
        -> [Attribution(measure, subject, period, change_of), ...]   # one per figure

measure
    The noun phrase that names the figure, read back from the figure over the
    linking words (为, 约为, 达到, 超过 ...) up to a stop (a company or date
    mention, 其中, 的 ...), and kept only when it ends in a measure head (收入,
    净利润, 毛利率, 规模, 金额, 人员 ...). ``normalize_measure`` then maps the
    usual synonyms (营业收入/总收入/销售收入 -> 营收; 归母净利润/净利 -> 净利润;
    non-IFRS 净利润 -> 经调整净利润; 综合毛利率 -> 毛利率; X出货量 -> 出货量);
    segment measures stay as written (网络广告收入, 终端业务收入). Without a noun
    phrase the figure takes the measure of the figure before it in the sentence
    (营收…，约合850亿美元), or the counted noun after it (1.2万台服务器 -> 服务器数量).
    Changes: a year-on-year change in % or x (同比增长10%, 较上一年减少3.2%,
    翻番) has measure ``同比增长`` (its ``direction`` says up or down) and
    ``change_of`` the index of the level figure of the same sentence it follows;
    a change in percentage points keeps the measure of its level (毛利率…，较上一年
    提升2.1个百分点 -> 毛利率); a change in money or counts is "<level>变动"
    (减少约7100万元 -> 净利润变动); other comparisons keep their own measure
    (推理成本较上一代产品下降六成 -> 推理成本). 占X的20.8% -> "<previous>占比".
subject
    The nearest Company (else Organization) mention before the figure in the
    same sentence, skipping sources (赛诺咨询数据显示) and the compared party of
    "比亚迪的两倍"; else the company of the earlier sentences of the paragraph;
    else the subject of the previous figure (implicit subject, 该公司). A market
    measure (国内…市场规模) with no company in its sentence has no subject.
period
    A date written right before the figure (2020年8914亿元, 去年同期的3.83亿元);
    else the nearest date in the same sentence before the figure (else after it
    in the same clause) that is not a comparison (较上一年), an event day
    (5日宣布…: days count only after 截至) or the base of a multiple (2023年的6倍);
    else the year, quarter or range of an earlier sentence of the paragraph;
    else None (present tense). Prices (售价) and spans (近十年累计) have no period.
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_right
from dataclasses import dataclass

from newsgraph.extract.rules.dates import DateValue
from newsgraph.extract.rules.figures import FigureValue

__all__ = ["Attribution", "MEASURE_HEADS", "attribute_figures", "normalize_measure"]


@dataclass(frozen=True, slots=True)
class Attribution:
    measure: str | None
    subject: str | None
    period: str | None
    change_of: int | None


CHANGE = "同比增长"

# A measure noun phrase ends in one of these.
MEASURE_HEADS: tuple[str, ...] = (
    "营业收入", "营业额", "营收", "收入", "净利润", "净利", "纯利", "利润", "毛利率", "毛利", "利润率",
    "净利率", "净亏损", "亏损", "经营利润", "营业利润", "占比", "比例", "比重", "份额", "市占率",
    "规模", "金额", "总额", "余额", "投入", "投资", "开支", "支出", "费用", "成本", "资金", "资产",
    "负债", "估值", "市值", "股价", "股息", "分红", "派息", "价格", "售价", "起售价", "均价", "单价",
    "定价", "人员", "员工", "雇员", "员工总数", "人数", "客户", "用户", "会员", "门店", "面积", "产能",
    "出货量", "交付量", "销量", "产量", "装机量", "装车量", "订单", "订单量", "补贴", "融资", "现金",
    "现金流", "收益", "储备", "资本", "目标", "增速", "增幅", "涨幅", "降幅", "跌幅", "增量", "利率",
    "不良率", "回报率", "存款", "贷款", "数量", "总数", "量", "率",
)
_HEAD_RE = re.compile("(?:" + "|".join(sorted(map(re.escape, MEASURE_HEADS), key=len, reverse=True)) + ")$")

_REVENUE_RE = re.compile(r"(?:总|营业总|营业|销售|单季|季度|全年|整体|累计|总营|公司)?(?:收入|营收|营业额)")
_NET_PROFIT_RE = re.compile(r"(?:归母|归属于.{1,12}|扣非|扣非归母|公司|整体|全年|单季)?(?:净利润|净利|纯利)")
_ADJUSTED_RE = re.compile(r"非国际财务报告准则|非通用会计准则|[Nn]on-?(?:IFRS|GAAP)|经调整")
# heads whose modifiers are dropped (X出货量 -> 出货量); a few modifiers survive
_PLAIN_HEADS = ("毛利率", "净利率", "出货量", "交付量", "销量", "产量", "研发投入", "研发费用", "市场规模",
                "资本开支", "资本支出", "估值", "市值", "市场份额", "份额", "市占率", "融资")
_KEPT_MODIFIERS = ("海外", "国内", "境外", "累计")
_CANON = {
    "研发费用": "研发投入", "研发支出": "研发投入", "资本支出": "资本开支", "份额": "市场份额",
    "市占率": "市场份额", "融资": "融资额", "融资金额": "融资额", "员工总数": "员工数", "员工人数": "员工数",
    "员工": "员工数", "雇员": "员工数", "客户": "客户数", "用户": "用户数", "门店": "门店数",
    "起售价": "售价", "价格": "售价", "定价": "售价",
}
_PRICE = frozenset({"售价", "均价", "单价", "股价"})
_DROP_PREFIX = re.compile(r"^(?:其中|公司|该公司|集团|其|该|这一|这家|整体|综合|单季|当季|本季|全年|年度|总体|合计|共)+")

# linking words between a measure and its figure: 营收为 / 研发投入约为 / 估值已超过
_LINK_TAIL = re.compile(
    r"(?:约为|约占|约合|折合|相当于|大约|约|超过了|超过|超出|超|逾|将近|接近|近|几乎|尚不足|不足|不到|低于|高于|"
    r"至少|不少于|不低于|达到了|达到|高达|已达|达|分别为|分别|仅为|仅|为|是|有|共计|合计|共|累计达|"
    r"已经|已|也|则|都|均|实现了|实现|录得|首次突破|突破|跃升至|攀升至|升至|降至|增至|增长至|下降至|回落至|"
    r"提升至|提高到|提高至|扩大到|扩大至|增加到|增加至|上调至|下调至|达到|将在|将达到|将达|将|预计|有望|"
    r"由此前的|此前的|由|从|在|的|了|继续|再|又|一度|还|更|首次|同比|环比|每股)$"
)
_NP_STOP = re.compile(
    r"(?:其中|来自|实现|显示|表示|方面|看|对|把|将|由|从|向|以|于|为|是|在|中的|等|较|比|同比|环比|而|但|且|并|"
    r"也|则|已|还|仍|达|首次|约|该|这|此|称|据|和其|后|前|内|以及|还有|另外|此外|同时|其)$"
)
_NP_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z&·]")
_SEP = "，,；;：:。！？!?\n（）()“”\"、"
_SENT_SEP = "。！？!?\n"
_COMPARE_BEFORE = re.compile(r"(?:较|比|相比|与|同比|相较|对比|接近|超过|高于|低于)[^，,。；;]{0,2}$")
_POINT_BEFORE = re.compile(r"(?:截至|截止|截止到)\s*$")
_EVENT_BEFORE = re.compile(r"于\s*$")
_SOURCE_AFTER = re.compile(r"(?:的)?(?:数据|统计|报告|研究|调研|监测|测算|预测|报道|援引)")
_SPAN_MARKER = re.compile(r"近[一二两三四五六七八九十\d]+年|过去[一二两三四五六七八九十\d]+年|[一二两三四五六七八九十\d]+年来|近年来|历年|成立以来|上市以来")
_CHANGE_VERB = re.compile(
    r"(?P<cmp>(?:同比|环比)|(?:较|比|相比)(?P<base>[^，,。；;]{0,10}?))?"
    r"(?:净)?(?:增长|增加|提升|上升|上涨|提高|下降|减少|下滑|下跌|降低|回落|缩减|收窄|扩大|攀升|大增|大涨|大跌|"
    r"翻番|翻了一番|增|涨|降|跌|减)"
    r"(?:了|约|超过|超|逾|近|接近|将近|达|高达|不足|不到|幅度|幅度为)*$"
)
_YOY_BASE = re.compile(r"年|同期|去年|上年")
_SHARE_OF = re.compile(r"(?:约占|占)(?P<whole>[^，,。；;]{0,12})的$")
_EQUIV = re.compile(r"(?:约合|折合|相当于|合)$")
_TIMES_BASE = re.compile(r"(?:约为|约是|为|是|接近|达到|扩大至|扩大到|增长至|增长到|相当于|超过)(?P<base>[^，,。；;]{0,12})的$")
_MEASURE_AFTER = re.compile(r"的(?P<m>市场份额|份额|市占率|毛利率|增速|增幅|占比)")
_MARKET_RE = re.compile(r"^(?:国内|全国|全球|中国|国际|行业|整个|全行业|市场)|市场规模|行业规模")
_COUNT_NOUN = re.compile(r"[\u4e00-\u9fffA-Za-z]{1,6}?(?=[，,。；;：:、和及与并\n（(的]|$)")


def _is_change_unit(unit: str) -> bool:
    return unit in ("%", "pp", "x", "bp")


def _clean_np(np: str) -> str:
    np = np.replace("的", "")
    np = _DROP_PREFIX.sub("", np)
    return np


def normalize_measure(np: str, context: str = "", unit: str = "") -> str:
    """Canonical form of a measure noun phrase (营业收入 -> 营收, 综合毛利率 -> 毛利率)."""
    np = _clean_np(np)
    if not np:
        return np
    if _REVENUE_RE.fullmatch(np):
        return "营收"
    if _NET_PROFIT_RE.fullmatch(np) or np.endswith("净利润") and _ADJUSTED_RE.search(np):
        return "经调整净利润" if (_ADJUSTED_RE.search(np) or _ADJUSTED_RE.search(context)) else "净利润"
    if "回购" in np and unit and unit.isupper():
        return "回购金额"
    if "股息" in np or "派息" in np:
        return "每股股息" if "每股" in np or "每股" in context[-3:] else "股息"
    for head in _PLAIN_HEADS:
        if np.endswith(head):
            mod = np[: -len(head)]
            keep = next((k for k in _KEPT_MODIFIERS if mod.endswith(k)), "")
            return keep + _CANON.get(head, head)
    if unit in ("人", "名", "位"):
        for head in ("员工总数", "员工人数", "人员", "员工", "雇员"):
            if np.endswith(head):
                mod = np[: -len(head)]
                return (mod + head + "数") if mod else "员工数"
    for head in ("客户", "用户", "门店"):
        if np.endswith(head) or np.endswith(head + "数"):
            return _CANON[head]
    return _CANON.get(np, np)


def _np_before(text: str, lo: int, hi: int, blocked) -> str:
    """The noun phrase ending at ``hi`` (after linking words are stripped), not before ``lo``."""
    end = hi
    while True:
        m = _LINK_TAIL.search(text, lo, end)
        if not m or m.end() != end or m.start() == end:
            break
        end = m.start()
    i = end
    while i > lo:
        c = text[i - 1]
        if not _NP_CHAR.match(c) and c not in "及与和":
            break
        if blocked(i - 1):
            break
        if i < end and _NP_STOP.search(text, max(lo, i - 3), i):
            break
        i -= 1
    np = text[i:end]
    # 智能电动汽车等创新业务分部收入 -> 创新业务分部收入
    np = re.split(r"[等]", np)[-1]
    return np if _HEAD_RE.search(np) else ""


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
        sentences = [m.span() for m in re.finditer(r"[^。！？!?\n]+[。！？!?]*", text)]
    sentences = sorted(sentences)
    sent_starts = [s for s, _ in sentences]
    para_breaks = [i for i, c in enumerate(text) if c == "\n"]

    mentions = sorted((s, e, t, n) for s, e, t, n in entities if t in ("Company", "Organization"))
    # sources (赛诺咨询数据显示) are not subjects
    mentions = [x for x in mentions if not _SOURCE_AFTER.match(text, x[1])]
    blocked_spans = sorted([(s, e) for s, e, *_ in entities] + [(s, e) for s, e, _ in dates])
    block_starts = [s for s, _ in blocked_spans]

    def blocked(pos: int) -> bool:
        i = bisect_right(block_starts, pos) - 1
        return i >= 0 and blocked_spans[i][0] <= pos < blocked_spans[i][1]

    def sent_of(pos: int) -> tuple[int, int]:
        i = bisect_right(sent_starts, pos) - 1
        if i < 0:
            return 0, len(text)
        s, e = sentences[i]
        return (s, e) if pos < e else (s, max(e, pos + 1))

    def para_start(pos: int) -> int:
        i = bisect_right(para_breaks, pos)
        return para_breaks[i - 1] + 1 if i else 0

    def clause_start(pos: int, floor: int) -> int:
        i = pos
        while i > floor and text[i - 1] not in _SEP:
            i -= 1
        return i

    def clause_end(pos: int, ceil: int) -> int:
        i = pos
        while i < ceil and text[i] not in _SEP:
            i += 1
        return i

    # --- dates: which may serve as a figure's period -------------------------
    usable = []  # (start, end, value, role) role: period | point | compare | event | day
    for s, e, d in dates:
        if not d.value:
            continue
        if _COMPARE_BEFORE.search(text, max(0, s - 6), s):
            role = "compare"
        elif _POINT_BEFORE.search(text, max(0, s - 4), s):
            role = "point"
        elif len(d.value) == 10:
            role = "day"
        elif _EVENT_BEFORE.search(text, max(0, s - 2), s):
            role = "event"
        elif len(d.value) == 7 and d.value[5:7].isdigit():
            role = "month"
        else:
            role = "period"
        usable.append((s, e, d.value, role))

    def period_at(start: int, end: int, fig: FigureValue, measure: str | None) -> str | None:
        if measure in _PRICE or (measure and measure.endswith("售价")):
            return None
        ss, se = sent_of(start)
        # a date written right before: 2020年8914亿元 / 去年同期的3.83亿元 / 上一季度的7%
        for s, e, v, role in usable:
            if ss <= s and e <= start and re.fullmatch(r"的?|(?:为|达|约|实现营收)", text[e:start]) and fig.unit != "x":
                return v
        cs = clause_start(start, ss)
        if _SPAN_MARKER.search(text, cs, start) and not any(cs <= s < start for s, *_ in usable):
            return None
        before = [
            (s, v) for s, e, v, role in usable
            if ss <= s and e <= start and role in ("period", "point", "month")
            and not (fig.unit == "x" and text.startswith("的", e) and e + 1 == start)
        ]
        if before:
            return before[-1][1]
        ce = clause_end(end, se)
        after = [v for s, e, v, role in usable if end <= s and e <= ce and role in ("period", "point", "month")]
        if after:
            return after[0]
        ps = para_start(start)
        carried = [v for s, e, v, role in usable if ps <= s and e <= ss and role == "period"]
        return carried[-1] if carried else None

    out: list[Attribution] = []
    prev_subject: str | None = None
    for i, (start, end, fig) in enumerate(figures):
        ss, se = sent_of(start)
        cs = clause_start(start, ss)
        prev = figures[i - 1] if i > 0 and figures[i - 1][0] >= ss else None
        prev_measure = out[i - 1].measure if prev is not None else None
        prefix = text[cs:start]

        measure, change_of = _measure(text, cs, start, end, se, fig, prev, prev_measure, blocked)
        if measure == CHANGE or (fig.direction and prev is not None and prev[2].direction is None
                                 and not _is_change_unit(prev[2].unit) and measure and measure.endswith("变动")):
            if prev is not None and prev[2].direction is None and (
                    not _is_change_unit(prev[2].unit) or fig.unit == "pp" and prev[2].unit == "%"):
                change_of = i - 1
        if fig.unit == "pp" and fig.direction and prev is not None and prev[2].unit == "%" and prev[2].direction is None:
            change_of = i - 1

        # --- subject ----------------------------------------------------------
        subject = None
        pool = [x for x in mentions if ss <= x[0] and x[1] <= start]
        # 宁德时代的份额约为比亚迪的两倍: the compared party is not the subject
        pool = [x for x in pool if not (fig.unit == "x" and text.startswith("的", x[1]) and x[1] + 1 == start)]
        comp = [x for x in pool if x[2] == "Company"]
        if comp or pool:
            subject = (comp or pool)[-1][3]
        else:
            ps = para_start(start)
            earlier = [x for x in mentions if ps <= x[0] and x[1] <= ss]
            ecomp = [x for x in earlier if x[2] == "Company"]
            if ecomp or earlier:
                subject = (ecomp or earlier)[-1][3]
            elif measure and _MARKET_RE.search(measure) or _MARKET_RE.search(text[cs:start]):
                subject = None
            elif prev_subject is not None:
                subject = prev_subject
            else:
                before_all = [x for x in mentions if x[1] <= start]
                subject = before_all[-1][3] if before_all else None
        if subject is not None and measure and _MARKET_RE.search(measure) and not comp and not pool:
            subject = None
        if pool == [] and measure == "市场规模":
            subject = None

        period = period_at(start, end, fig, measure)
        if change_of is not None and out[change_of].period is not None and not any(
                ss <= s and e <= start and role in ("period", "point", "month") and s > figures[change_of][1]
                for s, e, v, role in usable):
            period = out[change_of].period
        out.append(Attribution(measure, subject, period, change_of))
        if subject is not None:
            prev_subject = subject
        del prefix
    return out


def _measure(text, cs, start, end, se, fig, prev, prev_measure, blocked):
    """(measure, change_of placeholder) of one figure."""
    prefix = text[cs:start]
    context = text[max(0, cs - 40):start]
    after = _MEASURE_AFTER.match(text, end)
    if after:
        return normalize_measure(after.group("m"), context, fig.unit), None
    # --- changes ---------------------------------------------------------------
    cv = _CHANGE_VERB.search(prefix)
    if fig.direction and cv and (fig.unit in ("%", "x") or fig.unit == "pp"):
        np = _np_before(text, cs, cs + cv.start(), blocked)
        base = cv.group("base")
        yoy = cv.group("cmp") is None or cv.group("cmp").startswith("同比") or bool(base and _YOY_BASE.search(base))
        if fig.unit == "pp":
            return (normalize_measure(np, context, fig.unit) if np else prev_measure), None
        if np and normalize_measure(np) == "股价":
            return ("股价涨幅" if fig.direction == "up" else "股价跌幅"), None
        if cv.group("cmp") and cv.group("cmp").startswith("环比"):
            return "环比增长", None
        if yoy:
            return CHANGE, None
        return (normalize_measure(np, context, fig.unit) if np else prev_measure), None
    if fig.direction and not _is_change_unit(fig.unit):
        np = _np_before(text, cs, start, blocked)
        if np.endswith("增量") or np.endswith("减量"):
            return normalize_measure(np[:-2], context) + "变动", None
        if cv and prev_measure:
            return prev_measure + "变动", None
        if cv and np:
            return normalize_measure(np, context, fig.unit) + "变动", None
    if fig.unit == "x" and fig.direction and "翻" in text[start:end]:
        return CHANGE, None
    # --- levels ----------------------------------------------------------------
    share = _SHARE_OF.search(prefix)
    if share:
        if prev_measure:
            base = prev_measure[:-1] if prev_measure.endswith("数") else prev_measure
            return base + "占比", None
        return normalize_measure(share.group("whole")) + "占比", None
    if _EQUIV.search(prefix.rstrip("约")) and prev_measure:
        return prev_measure, None
    times = _TIMES_BASE.search(prefix) if fig.unit == "x" else None
    hi = cs + times.start() if times else start
    np = _np_before(text, cs, hi, blocked)
    if np:
        m = normalize_measure(np, context, fig.unit)
        if m == "规模" and prev_measure and prev_measure.endswith("规模"):
            return prev_measure, None
        return m, None
    if prev_measure and not (prev is not None and prev[2].direction):
        return prev_measure, None
    if fig.unit not in ("CNY", "USD", "HKD", "EUR", "JPY", "GBP", "%", "pp", "x", "bp"):
        noun = _COUNT_NOUN.match(text, end)
        if noun and noun.group():
            n = noun.group()
            return _CANON.get(n, n + "数量"), None
    return None, None
