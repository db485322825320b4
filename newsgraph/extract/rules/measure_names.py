"""What a measure noun phrase is called: 营业收入 -> 营收, 归属于股东的净利润 -> 净利润.

``normalize_measure`` first reduces the phrase to its measure (company, segment and sector words
are handled here), then names it with the shared vocabulary of data/measures.tsv
(``canonical_measure``). See rules/attribution.py for the synonyms this covers.
"""
from __future__ import annotations

import re

from newsgraph.extract.rules.measures import MEASURE_SYNONYMS, canonical_measure
from newsgraph.extract.rules.vocab import alternation, read_by, rows, words

__all__ = ["CHANGE", "CHANGE_DOWN", "CHANGE_MEASURES", "MARKET_MEASURE", "MEASURE_HEADS", "ENDS_IN_HEAD",
           "clean_phrase", "normalize_measure"]

CHANGE = "同比增长"
CHANGE_DOWN = "同比下降"

# A measure noun phrase ends in one of these.
MEASURE_HEADS: tuple[str, ...] = words("measure_heads.txt")
ENDS_IN_HEAD = re.compile("(?:" + "|".join(sorted(map(re.escape, MEASURE_HEADS), key=len, reverse=True)) + ")$")

# a share of a whole: 电商收入占总收入比重 / 运输成本占营业成本的比例 -> 电商收入占比 / 运输成本占比
_SHARE_NP_RE = re.compile(r"(?P<x>.+?)(?<!应)(?:约)?占(?P<w>.{0,10}?)(?:比重|比例)")
_ADJUSTED_RE = re.compile(r"非国际财务报告准则|非通用会计准则|[Nn]on-?(?:IFRS|GAAP)|(?<!未)经调整")  # 未经调整 is the reported figure
# names written in many ways: revenue, net profit, net loss, payout ratio … (data/measure_patterns.tsv)
_NAME_PATTERNS = tuple((re.compile(pattern), canonical, adjusted_in) for pattern, canonical, adjusted_in in rows("measure_patterns.tsv"))
# heads whose modifiers are dropped (X出货量 -> 出货量); a few modifiers survive
_PLAIN_HEADS = words("measure_plain_heads.txt")
_KEPT_MODIFIERS = ("海外", "国内", "境外", "累计")
# written measure -> canonical measure, shared by every article (data/measures.tsv)
_CANON = MEASURE_SYNONYMS
_DROP_PREFIX = re.compile("^(?:" + alternation("measure_drop_prefixes.txt", fragments=True) + ")+")
CHANGE_MEASURES = frozenset({"同比增长", "同比下降", "环比增长", "环比下降"})
# a market's measure: with no company in its sentence it is nobody's (碳酸锂价格, 国内…市场规模)
MARKET_MEASURE = re.compile(r"市场规模|行业规模|渗透率|国产化率|^(?:" + "|".join(read_by("sector_words.tsv", "market")) + r")|(?<!售|零|厂|批|导)价格$")


def clean_phrase(np: str) -> str:
    np = np.replace("的", "")
    np = _DROP_PREFIX.sub("", np)
    return np


def _adjusted(where: str, np: str, context: str) -> bool:
    """Whether an adjusted-basis marker stands where ``where`` (a measure_patterns.tsv column) says."""
    if where == "name":
        return bool(_ADJUSTED_RE.search(np))
    if where == "name,context":
        return bool(_ADJUSTED_RE.search(np) or _ADJUSTED_RE.search(context))
    if where == "recent-context":
        return bool(_ADJUSTED_RE.search(context[-12:]))
    return False


def normalize_measure(np: str, context: str = "", unit: str = "") -> str:
    """Canonical form of a measure noun phrase (营业收入 -> 营收, 综合毛利率 -> 毛利率).

    The phrase is first reduced to its measure (company words, segment and sector words are
    handled here), then named by the shared vocabulary in data/measures.tsv.
    """
    measure = _measure_of(np, context, unit)
    return canonical_measure(measure) if measure else measure


_NON_RECURRING = re.compile(r"扣非|扣除非经常性损益")


def _measure_of(np: str, context: str, unit: str) -> str:
    direct = MEASURE_SYNONYMS.get(np.replace("的", ""))  # before 经营 / 公司 words are dropped
    np = clean_phrase(np)
    if not np:
        return np
    direct = direct or MEASURE_SYNONYMS.get(np)
    if direct and not (direct in ("净利润", "净亏损") and _ADJUSTED_RE.search(context)):
        return direct  # 按非国际财务报告准则计算的归母净利润 goes on to the adjusted check
    if _NON_RECURRING.search(np) and np.endswith(("净利润", "净利")):
        return "扣非净利润"  # a different measure from 净利润
    share = _SHARE_NP_RE.fullmatch(np)
    if share:
        # the thing whose share it is; 营业成本中运输成本 -> 运输成本
        x = re.sub(r"^.*?(?:成本|收入|营收|费用|业务|支出)中(?=..)", "", share.group("x"))
        return normalize_measure(x, context, unit) + "占比"
    for pattern, canonical, adjusted_in in _NAME_PATTERNS:
        if pattern.fullmatch(np):
            return "经调整" + canonical if _adjusted(adjusted_in, np, context) else canonical
    if "回购" in np and unit and unit.isupper():
        return "回购金额"
    if np.endswith("分红") and unit and unit.isupper():
        return np + "总额"  # 中期分红约300亿元 -> 中期分红总额
    if "股息" in np or "派息" in np or "红利" in np:
        return "每股股息" if "每股" in np or "每股" in context[-3:] else "股息"
    for head in _PLAIN_HEADS:
        if np.endswith(head):
            mod = np[: -len(head)]
            keep = "累计" if "累计" in mod else next((k for k in _KEPT_MODIFIERS if mod.endswith(k)), "")
            return keep + _CANON.get(head, head)
    if unit in ("人", "名", "位"):
        for head in ("员工总数", "员工人数", "人员", "员工", "雇员"):
            if np.endswith(head):
                mod = np[: -len(head)]
                return (mod + head + "数") if mod else "员工数"
    for head in ("客户", "用户"):
        if np.endswith(head):
            segment = np[: -len(head)]  # a segment keeps its name: 5G网络客户 -> 5G网络客户数
            return (segment if len(segment) <= 4 and "累计" not in segment else "") + _CANON[head]
    if np.endswith("门店"):
        return _CANON["门店"]
    if np.endswith("总数") and len(np) > 2:
        return normalize_measure(np[:-2] + "数", context, unit)  # 移动客户总数 -> 移动客户数
    return _CANON.get(np, np)
