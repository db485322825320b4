"""The measure of one figure: what it counts or amounts to (营收, 同比增长, 门店数, 营收变动 …).

``measure_of_figure`` tries named steps in order (see rules/attribution.py for what each covers):
a figure listed after another of its unit; a measure named right after it; a change (its verb,
its rate, its amount); a share or a total; the noun phrase before it; the counted noun before or
after a count; the words that name money; else the measure of the figure before it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from newsgraph.extract.rules.figures import NOUN_UNITS, FigureValue
from newsgraph.extract.rules.measure_names import (
    CHANGE, CHANGE_DOWN, CHANGE_MEASURES, ENDS_IN_HEAD, normalize_measure)
from newsgraph.extract.rules.measure_phrases import (
    JUNK_START, LINK_TAIL, PER_UNIT, QUANTITY_NOUNS, counted_noun, phrase_before)
from newsgraph.extract.rules.measures import MEASURE_SYNONYMS
from newsgraph.extract.rules.punctuation import CLAUSE_SEPARATORS, LINE_BREAK, SENTENCE_END
from newsgraph.extract.rules.vocab import alternation, read_by, table

__all__ = ["FigureSite", "is_change_unit", "measure_of_figure", "restated", "unrestated"]

# what a count is of when only the verb says it: 蔚来交付新车31138辆
_VERB_CANON = table("count_verb_measures.tsv")
_VERB_MEASURE = re.compile("(?P<v>" + "|".join(map(re.escape, _VERB_CANON)) + ")")
# a sector or the whole market, not a counted noun: 全国乳制品产量, 行业国产化率
_SECTOR_NP = re.compile(r"^(?:" + "|".join(read_by("sector_words.tsv", "phrase")) + r")|^[^，。]{0,10}?行业(?!收入)")
# a change named by a verb the figure rules do not mark: 出厂价上调约8%, 市值蒸发550亿美元
_EXTRA_CHANGE = re.compile(
    "(?:(?P<up>" + "|".join(read_by("change_verbs.tsv", "price", direction="up"))
    + ")|(?P<down>" + "|".join(read_by("change_verbs.tsv", "price", direction="down")) + "))(?:" + "|".join(read_by("change_fillers.tsv", "price")) + ")*$")
# a net change of a count the figure rules leave undirected: 净关闭213家, 净增30家
_NET_CHANGE = re.compile(r"(?:净(?:" + alternation("net_change_verbs.txt") + r")|关闭)了?$")
# the verbs of a change (data/change_verbs.tsv) before which a change's measure is named
_MEASURE_CHANGE_VERBS = "|".join(read_by("change_verbs.tsv", "measure"))
_CHANGE_VERB = re.compile(
    r"(?P<cmp>(?:同比|环比)(?:" + alternation("comparison_adverbs.txt") + r")*|(?<![同环])(?:较|比|相比)(?P<base>[^，,。；;]{0,10}?))?"
    r"(?:净)?(?:" + _MEASURE_CHANGE_VERBS + ")"
    "(?:" + "|".join(read_by("change_fillers.tsv", "measure")) + ")*$"
)
_YOY_BASE = re.compile(r"年|同期|去年|上年")
_SHARE_OF = re.compile(r"(?:约占|占)(?P<whole>[^，,。；;]{0,12}?)的(?:比重|比例|份额)?"
                       r"(?:首次|进一步|已|已经|由|从)?(?:" + alternation("share_links.txt") + r")*$")
_TOTAL_TAIL = re.compile(r"[（(]?[^，,。]{0,4}[）)]?[，,](?:合计|共计|总计)(?:约|达|为|约为)*")
_EQUIV = re.compile(r"(?:约合|折合|相当于|合)$")
_TIMES_BASE = re.compile(r"(?:" + alternation("multiple_links.txt") + r")(?P<base>[^，,。；;]{0,12})的$")
_MEASURE_AFTER = re.compile(r"的(?P<m>" + alternation("measures_after_figure.txt") + r")")
_NP_AFTER = re.compile(r"的(?P<m>[\u4e00-\u9fff]{1,8}?)(?=[，,。；;：:、\n（(]|" + alternation("rank_verbs.txt") + ")")
# the compared party of a level: 高于阿迪达斯的50.8% (the figure is the party's, the measure is named before)
_COMPARISON = "|".join(read_by("comparison_verbs.tsv", "party"))
_PARTY_BEFORE = re.compile(f"(?:{_COMPARISON})[^，,。；;]{{1,12}}的$")
_PARTY_TAIL = re.compile(f"(?:{_COMPARISON})[^，,。；;]{{1,12}}$")
_SHARE_IN = re.compile(r"(?:在|于)[^，,。；;]{1,14}?(?:中|里|内|当中)的?(?:占比|比重|比例)")
# a verb of acquiring before a count names it with its noun: 新引进12架飞机 (引进飞机数)
_ACQUIRE_BEFORE = re.compile(r"(?:引进|接收|采购|订购|购入|购买)$")
# 其中7架为租赁飞机: the part of a count is what follows 为/是
_PART_IS = re.compile(r"(?:为|是)(?P<n>[\u4e00-\u9fffA-Za-z0-9]{2,8}?)(?=[，,。；;：:、\n]|$)")
# money named by the verb before it: 回购至少800亿港元股份, 拟募集资金不超过45亿港元
_MONEY_VERB_CANON = table("money_verb_measures.tsv")
_MONEY_VERB = re.compile("(?P<v>" + "|".join(map(re.escape, _MONEY_VERB_CANON)) + ")")

# money named by the noun after it: 完成4500万美元C轮融资, 发行4500万美元三年期债券
_MONEY_NOUN = table("money_noun_measures.tsv")
_MONEY_NOUN_AFTER = re.compile(r"(?:(?!估值|完成|获得|用于|进行)[^，,。；;、（(\n]){0,8}?(?P<n>"
                               + "|".join(map(re.escape, _MONEY_NOUN)) + ")")
# money named by the verb after it: 拟以30亿元至60亿元回购公司股份
_MONEY_VERB_AFTER = re.compile(r"(?:用于|来|的资金)?(?P<v>回购|收购|募集)")

# the noun right after a count, up to a clause mark or 的 (1.2万台服务器 -> 服务器)
_COUNT_NOUN = re.compile(r"(?:(?!的)[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9]{0,7}?)?(?=[，,。；;：:、和及与并\n（(的]|$)")
# a restated figure is a measure of its own: 按照重述后的口径，营收为152.7亿元
_RESTATED = re.compile(r"重述后|经重述|重述的|重列后|经重列")
_SENTENCE_END = SENTENCE_END + LINE_BREAK
_CLAUSE_END = re.compile("[" + re.escape("，,；;" + _SENTENCE_END) + "]")


def is_change_unit(unit: str) -> bool:
    return unit in ("%", "pp", "x", "bp")


def _is_money(unit: str) -> bool:
    return unit.isupper() and len(unit) == 3  # CNY, USD, HKD …


def _is_counted(unit: str) -> bool:
    return not (_is_money(unit) or is_change_unit(unit))


@dataclass(frozen=True, slots=True)
class FigureSite:
    """A figure with what its measure is read from; ``clause`` is where its clause starts."""
    text: str
    clause: int
    start: int
    end: int
    fig: FigureValue
    prev: tuple[int, int, FigureValue] | None  # the figure before it in the sentence
    prev_measure: str | None  # the measure a change or a listed figure may take over
    blocked: Callable[[int], tuple[int, int, bool] | None]  # the entity or date span at a position
    date_starts: dict[int, int] | None = None  # date end -> date start
    level_measure: str | None = None  # the measure of the last level figure of the sentence

    @property
    def prefix(self) -> str:
        return self.text[self.clause:self.start]

    @property
    def context(self) -> str:
        return self.text[max(0, self.clause - 40):self.start]

    def phrase(self, hi: int, lo: int | None = None, *, dates: bool = False, need_head: bool = True) -> str:
        """The measure phrase ending at ``hi`` within the clause (or from ``lo``)."""
        return phrase_before(self.text, self.clause if lo is None else lo, hi, self.blocked,
                             self.date_starts if dates else None, need_head=need_head)


# a step that does not decide returns _NEXT; None is a decision (the figure has no measure)
_NEXT = object()


def measure_of_figure(site: FigureSite) -> str | None:
    """The measure of one figure: the first step that decides, in this order."""
    for step in (_listed_with_previous, _named_right_after, _change_by_price_verb, _change_rate,
                 _change_amount, _doubling_or_net_change, _share_of_whole, _total_or_equivalent,
                 _phrase_before_figure, _noun_before_count, _same_as_previous_level, _named_after_figure,
                 _money_named_by_words, _count_named_by_verb, _part_or_previous, _counted_noun_after):
        found = step(site)
        if found is not _NEXT:
            return found
    return _previous_measure(site)


def _previous_measure(s: FigureSite) -> str | None:
    if s.prev_measure and s.prev is not None and (s.prev[2].unit == s.fig.unit or s.prev[2].direction):
        return s.prev_measure
    return None


def _listed_with_previous(s: FigureSite):
    if s.prev is not None and s.prev[2].unit == s.fig.unit and re.fullmatch(r"[和、及与]|以及", s.text[s.prev[1]:s.start]):
        return s.prev_measure  # 营收和净利润分别为…和… / 同比分别增长3.7%和4.5%
    return _NEXT


def _named_right_after(s: FigureSite):
    after = _MEASURE_AFTER.match(s.text, s.end)
    return normalize_measure(after.group("m"), s.context, s.fig.unit) if after else _NEXT


def _change_by_price_verb(s: FigureSite):
    """A change named by a verb the figure rules leave undirected: 出厂价上调约8%, 市值蒸发550亿美元."""
    xc = _EXTRA_CHANGE.search(s.prefix) if not s.fig.direction else None
    if not xc:
        return _NEXT
    np = s.phrase(s.clause + xc.start())
    m = normalize_measure(np, s.context, s.fig.unit) if np else None
    up = bool(xc.group("up"))
    if s.fig.unit == "%":
        if m == "股价":
            return "股价涨幅" if up else "股价跌幅"
        if m and m.endswith("价"):
            return m + ("涨幅" if up else "降幅")  # 出厂价上调约8%
        return m
    if not is_change_unit(s.fig.unit) and m:
        return m + "变动"  # 市值蒸发550亿美元
    return _NEXT


def _change_verb(s: FigureSite) -> re.Match | None:
    """The change verb ending the clause before the figure (增长, 较…下降); 比亚迪 is no 比."""
    cv = _CHANGE_VERB.search(s.prefix)
    while cv and cv.group("cmp") and s.blocked(s.clause + cv.start()):
        cv = _CHANGE_VERB.search(s.prefix, s.blocked(s.clause + cv.start())[1] - s.clause)
    return cv


def _change_rate(s: FigureSite):
    """A change in %, x or pp: 同比增长10% -> 同比增长; 毛利率…提升2.1个百分点 -> 毛利率."""
    fig = s.fig
    cv = _change_verb(s) if fig.direction else None
    if not (cv and fig.unit in ("%", "x", "pp")):
        return _NEXT
    verb_at = s.clause + cv.start()
    np = s.phrase(verb_at)
    if not np and s.date_starts and verb_at in s.date_starts:
        np = s.phrase(verb_at, dates=True)  # 股价今日上涨3%
    base = cv.group("base")
    yoy = cv.group("cmp") is None or cv.group("cmp").startswith("同比") or bool(base and _YOY_BASE.search(base))
    if fig.unit == "pp":
        return normalize_measure(np, s.context, fig.unit) if np else s.prev_measure
    if np and normalize_measure(np).endswith("股价"):
        return "股价涨幅" if fig.direction == "up" else "股价跌幅"
    if cv.group("cmp") and cv.group("cmp").startswith("环比"):
        return "环比增长"
    if yoy:
        return CHANGE_DOWN if fig.direction == "down" else CHANGE
    return normalize_measure(np, s.context, fig.unit) if np else s.prev_measure


def _change_amount(s: FigureSite):
    """A change in money or counts is "<level>变动": 营收减少36亿元 -> 营收变动."""
    fig, prev, prev_measure = s.fig, s.prev, s.prev_measure
    if not fig.direction or is_change_unit(fig.unit):
        return _NEXT
    cv = _change_verb(s)
    np = s.phrase(s.start)
    if np.endswith("增量") or np.endswith("减量"):
        return normalize_measure(np[:-2], s.context) + "变动"
    base_np = s.phrase(s.clause + cv.start()) if cv else ""
    if base_np:
        return normalize_measure(base_np, s.context, fig.unit) + "变动"  # 营收减少36亿元
    if cv and prev_measure and prev_measure not in CHANGE_MEASURES and prev is not None \
            and (_is_money(prev[2].unit) == _is_money(fig.unit) or prev[2].direction):  # not 飞机数 of 增加20亿元
        return prev_measure + "变动"
    if cv and np:
        return normalize_measure(np, s.context, fig.unit) + "变动"
    if cv and prev is not None and prev_measure in CHANGE_MEASURES:
        # 净利润在一年间接近翻番，增加了超过520亿元: the level named before the previous change
        pcs = 1 + max(s.text.rfind(c, 0, prev[0]) for c in CLAUSE_SEPARATORS)
        pcv = _CHANGE_VERB.search(s.text, pcs, prev[0])
        pnp = s.phrase(pcv.start() if pcv else prev[0], pcs, dates=True)
        if pnp:
            return normalize_measure(pnp, s.context, fig.unit) + "变动"
    return _NEXT


def _doubling_or_net_change(s: FigureSite):
    fig, prev = s.fig, s.prev
    if fig.unit == "x" and fig.direction and "翻" in s.text[s.start:s.end]:
        return CHANGE
    if _is_counted(fig.unit) and prev is not None and s.prev_measure and prev[2].unit == fig.unit \
            and not prev[2].direction and _NET_CHANGE.search(s.prefix):
        return s.prev_measure + "变动"  # 共有门店4127家，全年净关闭213家
    return _NEXT


def _share_of_whole(s: FigureSite):
    """占X的20.8% -> "<previous measure>占比"; the share names its part itself when written before 占."""
    share = _SHARE_OF.search(s.prefix)
    if share and not share.group().endswith("的") and re.sub(r"[并且其约也则]", "", s.prefix[:share.start()]):
        share = None  # 人工成本占营业成本的比重为18%: the share names its part itself
    if not share:
        return _NEXT
    prev_measure = s.prev_measure
    if prev_measure in CHANGE_MEASURES and s.level_measure:
        prev_measure = s.level_measure  # 收入2524亿元，同比增长20%，占…的比重提升至29%
    if prev_measure:
        base = prev_measure[:-1] if prev_measure.endswith("数") else prev_measure
        return base + "占比"
    return normalize_measure(share.group("whole")) + "占比"


def _total_or_equivalent(s: FigureSite):
    prev_measure, prev = s.prev_measure, s.prev
    if prev_measure and prev_measure.startswith("每股") and prev is not None and _TOTAL_TAIL.fullmatch(
            s.text, prev[1], s.start):
        return "分红总额" if prev_measure == "每股股息" else prev_measure[2:] + "总额"  # 每股派…元，合计约347亿元
    if _EQUIV.search(s.prefix.rstrip("约")) and prev_measure:
        return prev_measure  # 约合530亿美元
    return _NEXT


def _measure_phrase(s: FigureSite) -> tuple[str, int]:
    """(phrase, where it must end): the measure phrase before the figure, before a comparison in it."""
    text, cs, prefix = s.text, s.clause, s.prefix
    times = _TIMES_BASE.search(prefix) if s.fig.unit == "x" else None
    hi = cs + times.start() if times else s.start
    party = _PARTY_BEFORE.search(prefix)
    if party and not times and s.blocked(cs + party.end() - 2):
        hi = cs + party.start()  # 增速高于李宁的3.9%: the measure stands before the comparison
    np = s.phrase(hi, dates=True)
    if not np:
        # 增速较上一季度的7%: the measure stands before the comparison
        k = max(prefix.rfind("较"), prefix.rfind("比"))
        if k > 0:
            np = s.phrase(cs + k)
    if not np and cs > 0 and text[cs - 1] in "，," and LINK_TAIL.fullmatch(prefix) and (
            s.prev is None or s.prev[1] < cs):
        # 毛利率高于华润啤酒，达到40%: the measure of the clause before, named before its comparison
        pcs = cs - 1
        while pcs > 0 and text[pcs - 1] not in CLAUSE_SEPARATORS:
            pcs -= 1
        pm = _PARTY_TAIL.search(text, pcs, cs - 1)
        if pm and s.blocked(cs - 2):
            np = s.phrase(pm.start(), pcs, dates=True)
    return np, hi


def _phrase_before_figure(s: FigureSite):
    """The noun phrase before the figure that ends in a measure head (研发投入约为 -> 研发投入)."""
    np, hi = _measure_phrase(s)
    if not np:
        return _NEXT
    np = JUNK_START.sub("", np) or np  # 与营收 / 每家面积: a measure starts at a word
    m = normalize_measure(np, s.context, s.fig.unit)
    if m == "规模" and s.prev_measure and s.prev_measure.endswith("规模"):
        return s.prev_measure
    if m in ("占比", "比重", "比例"):
        # 新能源车辆在公司自有车队中的占比: the share of the thing named before 在…中
        sm = _SHARE_IN.search(s.text, s.clause, hi)
        if sm:
            x = counted_noun(s.phrase(sm.start(), need_head=False))
            if len(x) >= 2:
                return normalize_measure(x, s.context, s.fig.unit) + "占比"
    if m in ("数量", "总数", "数") and s.prev_measure:
        return s.prev_measure  # 预计到2026年数量将达到300万个
    return m


def _noun_before_count(s: FigureSite):
    """A noun right before a count names what is counted: 存栏奶牛4.2万头, 拥有牧场21座."""
    if not (_is_counted(s.fig.unit) and s.fig.unit not in NOUN_UNITS and _nothing_counted_after(s.text, s.end)
            and (s.prev is None or s.prev[1] <= s.clause)):
        return _NEXT
    raw = counted_noun(s.phrase(s.start, dates=True, need_head=False))
    if 2 <= len(raw) <= (12 if raw.endswith(QUANTITY_NOUNS) else 8) and not _VERB_MEASURE.search(raw) and not (
            _SECTOR_NP.match(raw) and not raw.startswith("国内外")):
        if raw.endswith(QUANTITY_NOUNS):
            return raw  # 年处理能力 is already a quantity
        return raw if raw.endswith(("数", "数量")) else raw + "数量"  # 门店数为…家
    return _NEXT


def _nothing_counted_after(text: str, end: int) -> bool:
    """No noun follows the count (存栏奶牛4.2万头，), unlike 覆盖300个城市."""
    m = _COUNT_NOUN.match(text, end)
    return m is not None and not m.group()


def _same_as_previous_level(s: FigureSite):
    prev = s.prev
    if prev is not None and s.prev_measure and prev[2].unit == s.fig.unit and not prev[2].direction and (
            not any(c in CLAUSE_SEPARATORS for c in s.text[prev[1]:s.start])):
        return s.prev_measure  # 由此前的30万辆上调至35万辆
    return _NEXT


def _named_after_figure(s: FigureSite):
    na = _NP_AFTER.match(s.text, s.end)
    if na and ENDS_IN_HEAD.search(na.group("m")):
        return normalize_measure(na.group("m"), s.context, s.fig.unit)  # 以427.21万辆的年销量领跑
    if s.fig.unit in NOUN_UNITS:
        return MEASURE_SYNONYMS.get(s.fig.unit, s.fig.unit + "数")  # 覆盖数十万用户
    return _NEXT


def _money_named_by_words(s: FigureSite):
    """Money named by the noun after it (4500万美元C轮融资) or by a verb (回购至少800亿港元, 拟以30亿元回购)."""
    if not _is_money(s.fig.unit):
        return _NEXT
    mn = _MONEY_NOUN_AFTER.match(s.text, s.end)
    if mn:
        return _MONEY_NOUN[mn.group("n")]
    mv = _last(_MONEY_VERB, s.prefix if not PER_UNIT.search(s.prefix) else "")
    if mv is not None:
        return _MONEY_VERB_CANON[mv.group("v")]
    ma = _MONEY_VERB_AFTER.match(s.text, s.end)
    if ma and re.search(r"以$", s.prefix):
        return _MONEY_VERB_CANON[ma.group("v")]
    return _NEXT


def _last(pattern: re.Pattern, text: str) -> re.Match | None:
    found = None
    for found in pattern.finditer(text):
        pass
    return found


def _count_named_by_verb(s: FigureSite):
    """交付新车31138辆 -> 交付量; a share of stock -> 持股比例."""
    counted = _is_counted(s.fig.unit)
    vm = _last(_VERB_MEASURE, s.prefix) if counted else None
    if vm is not None:
        return _VERB_CANON[vm.group("v")]
    if s.fig.unit == "%" and re.match(r"(?:的)?(?:股份|股权)", s.text[s.end:s.end + 3]):
        return "持股比例"
    return _NEXT


def _part_or_previous(s: FigureSite):
    part = _PART_IS.match(s.text, s.end) if _is_counted(s.fig.unit) and s.prefix.endswith("其中") else None
    if part:
        return part.group("n") + "数"  # 其中7架为租赁飞机: a part named after the figure
    if s.prev_measure and s.prev is not None and not s.prev[2].direction and s.prev[2].unit == s.fig.unit:
        return s.prev_measure
    return _NEXT


def _counted_noun_after(s: FigureSite):
    """The counted noun after a classifier: 1.2万台服务器 -> 服务器数量, 新引进12架飞机 -> 引进飞机数."""
    if not _is_counted(s.fig.unit):
        return _NEXT
    for known in ("员工", "客户", "用户", "门店"):
        if s.text.startswith(known, s.end):
            return MEASURE_SYNONYMS[known]
    noun = _COUNT_NOUN.match(s.text, s.end)
    if noun and noun.group():
        verb = _ACQUIRE_BEFORE.search(s.prefix)  # 新引进12架飞机 -> 引进飞机数, as 引进飞机12架 is
        n = (verb.group() if verb else "") + noun.group()
        return MEASURE_SYNONYMS.get(n, n + "数量")
    return _NEXT


def unrestated(measure: str | None) -> str | None:
    """The measure a later figure may inherit: whether it is restated depends on its own clauses."""
    return measure[len("重述后"):] if measure and measure.startswith("重述后") else measure


def restated(measure: str | None, text: str, start: int) -> str | None:
    """A restated figure (按照重述后的口径，营收为152.7亿元) is another measure than the one first
    reported: 重述后营收. The frame counts in the figure's own clause or the clause just before it,
    within the sentence."""
    if not measure or measure.startswith("重述后"):
        return measure
    marks = list(_CLAUSE_END.finditer(text, max(0, start - 80), start))
    if not marks:
        scope = text[max(0, start - 80):start]
    elif marks[-1].group() in _SENTENCE_END or len(marks) == 1:
        scope = text[marks[-1].end():start] if marks[-1].group() in _SENTENCE_END else text[max(0, start - 80):start]
    else:
        scope = text[marks[-2].end():start]
    return "重述后" + measure if _RESTATED.search(scope) else measure
