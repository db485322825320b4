"""Find numeric figures (money, percentages, counts, multiples) in Chinese news.

Pure rules, stdlib only::

    >>> find_figures("小米集团2024年营收3659亿元，同比增长35%。")
    [(11, 17, FigureValue(value=365900000000, unit='CNY', ...)),
     (24, 27, FigureValue(value=35, unit='%', ..., direction='up', ...))]

A span covers the number and its unit only ("3659亿元", "12.5%", "2.1个百分点",
"1.2万台", "3倍", "三成", "百分之十五", "翻番"); qualifier words (约, 超过, 左右)
and the measure (营收) stay outside it. A range covers both ends
("10亿至15亿元").

Units (see the output contract): ISO 4217 codes for money (元 -> CNY, 美金 ->
USD), ``%`` (also 成 and 百分之), ``pp`` for 百分点, ``bp`` for 基点, ``x`` for
multiples (倍; 翻番 = 2, 翻两番 = 4) and otherwise the classifier or measuring
unit as written (台, 人, 名, 辆, 家, 吨, GWh). "1.2万名员工" has unit 名, not
员工. A count written without a classifier takes the counted noun when it is
one of a few (用户, 员工, 客户, ...; "5亿用户" -> unit 用户); a bare number
with no unit at all is never a figure.

Not figures: years and dates (2023年, 3月5日), quarters, durations (三个月,
五年), times, stock codes, model and version names (GPT-4o, iPhone 15, ET7,
5G, 3.0版本), ordinals and rankings (第一, 第3名, 前十大), and small counts
written in Chinese digits (两家, 三只松鼠, 七匹狼): a count in Chinese
numerals needs a value of at least ten.

Money as filings write it: a sign (净利润-4.28亿元, 约-2.4亿元), a space before the magnitude or
unit (3 亿美元, 415,281,400 股), full-width thousands commas (19，964，600股), a range's low end
taking the high end's magnitude (两到三万港元 -> 20000 to 30000, 七千到九千亿元), 两个亿 (CNY),
1万元--5万元, 角/分 after 元 (123元1角1分 -> 123.11), 十块三毛 (块 is money only with 毛/角/分
after it), a currency named before the number (港币两千九百六十元 -> HKD; data/currency_prefixes.txt)
and financial numerals (肆佰叁拾萬圆). Money units are in data/currencies.tsv, classifiers in
data/count_units.txt, counted nouns in data/noun_units.txt.

``value`` is in base units (3659亿元 -> 365900000000, int when integral).
``vague`` marks 数十万 / 上百 / 十几万: value is then the lower bound the
words give (数十万 -> 100000).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.extract.rules.numbers import ARABIC, CHINESE, CN_DIGITS, CN_NUMERAL_CHARS, MAGNITUDE, parse_number
from newsgraph.extract.rules.punctuation import CLAUSE_SEPARATORS, LINE_BREAK, SENTENCE_END
from newsgraph.extract.rules.vocab import alternation, read_by, rows, table, words

__all__ = ["FigureValue", "find_figures", "MONEY_UNITS", "COUNT_UNITS"]


@dataclass(frozen=True, slots=True)
class FigureValue:
    value: float | int | None
    unit: str
    qualifier: str | None = None
    direction: str | None = None
    high: float | int | None = None
    vague: bool = False


# --- unit tables -------------------------------------------------------------

# Money units as written -> ISO 4217 code (data/currencies.tsv); names that may also stand
# before the number (港币两千九百六十元) in data/currency_prefixes.txt.
MONEY_UNITS: dict[str, str] = table("currencies.tsv")
CURRENCY_PREFIXES: tuple[str, ...] = words("currency_prefixes.txt")
# Ratio and change units as written -> (unit, kind) (data/ratio_units.tsv).
RATIO_UNITS: dict[str, tuple[str, str]] = {row[0]: (row[1], row[2]) for row in rows("ratio_units.tsv")}
# Classifiers and measuring units, kept as written (data/count_units.txt).
COUNT_UNITS: tuple[str, ...] = words("count_units.txt")
# Counted nouns that may stand where a classifier would (5亿用户, 10万员工; data/noun_units.txt).
NOUN_UNITS: tuple[str, ...] = words("noun_units.txt")
# A classifier must not be the first character of a word it makes with what follows: 3元件, 5股东.
_UNIT_GUARD: dict[str, str] = table("unit_guards.tsv")


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_UNIT_ALT = _alt(
    list(MONEY_UNITS) + list(COUNT_UNITS) + list(NOUN_UNITS)
    + list(RATIO_UNITS)
)
# 千 and 百 are not magnitudes before a unit that starts with them (1000千瓦, 5千米)
_MAG = MAGNITUDE.replace("|千|百", "|千(?![瓦米克])|百(?![瓦米克])")
# a number starts at the start of its run of digits (also keeps the scan linear); a minus sign
# before it belongs to it (净利润-4.28亿元) unless it follows a digit or a range separator
_SIGN = r"(?:(?<![0-9０-９A-Za-z.．,\-−－~～—―–至到])[-−－](?=[0-9０-９]))?"
_NUM_CORE = rf"(?<![0-9０-９.．,])(?:{ARABIC})|(?<![{CN_NUMERAL_CHARS}])(?:{CHINESE})"
# 3 亿美元: one space may stand between digits and their magnitude; 两个亿: 个 before 亿
_MAG_GAP = r"(?:(?<=[0-9０-９])[ \u3000]|个(?=亿))?"
_NUM = (
    rf"{_SIGN}(?:(?:数|几|好几)(?=[十百千万亿])|上(?=[百千万亿]))?(?:{_NUM_CORE})(?:多|余|几)?"
    rf"(?:{_MAG_GAP}(?:{_MAG}))?(?:多|余)?"
)
_SEP = r"至|到|--|-|~|～|——|—|―|－－|－|–|或"
_UNIT_GAP = r"(?:(?<=[0-9０-９])[ \u3000])?"  # 415,281,400 股
_FIG_RE = re.compile(
    rf"(?=[0-9０-９百翻数几好上\-−－{CN_NUMERAL_CHARS}])"  # every alternative starts so: a fast scan
    rf"(?:(?P<pct>百分之(?P<pctnum>(?:{CHINESE}|{ARABIC}))(?:(?:{_SEP})百分之(?P<pctnum2>(?:{CHINESE}|{ARABIC})))?)"
    rf"|(?P<fan>翻了?(?P<fann>一|两|二|三)?番|翻了?一?倍)"
    rf"|(?P<geyi>(?P<gnum>{CHINESE}|{ARABIC})(?P<gmore>多|几)?个亿)(?![元美港欧日英韩澳加]|人民币)"
    rf"|(?P<num>{_NUM})(?:[ \u3000]?(?P<sep>{_SEP})[ \u3000]?(?P<num2>{_NUM}))?{_UNIT_GAP}(?P<unit>{_UNIT_ALT}))"
)
# the high end of a range whose low end has its own unit: 10亿元至15亿元, 10%-15%, 1万元--5万元
_RANGE_TAIL = re.compile(rf"[ \u3000]?(?:{_SEP})[ \u3000]?(?P<num2>{_NUM}){_UNIT_GAP}(?P<unit>{_UNIT_ALT})")
_PARTS_RE = re.compile(
    rf"(?P<sign>[-−－])?(?P<pre>(?:数|几|好几)(?=[十百千万亿])|上(?=[百千万亿]))?(?P<core>{ARABIC}|{CHINESE})"
    rf"(?P<ap1>多|余|几)?(?:[ \u3000]|个)?(?P<mag>{_MAG})?(?P<ap2>多|余)?"
)
# after 元: 1角1分 / 5分; after 块: 三毛 (十块三毛 = 10.3 CNY)
_JIAO_FEN = re.compile(rf"(?:(?P<jiao>[0-9０-９]|[{''.join(CN_DIGITS)}])[角毛])?(?:(?P<fen>[0-9０-９]|[{''.join(CN_DIGITS)}])分)?")
_CURRENCY_BEFORE = re.compile(rf"(?:{'|'.join(sorted(CURRENCY_PREFIXES, key=len, reverse=True))})[ \u3000]?$")
_FROM_RE = re.compile(r"[从由](?:约|近|超过)?$")
_CN_ONLY = re.compile(rf"(?:{CHINESE})")
_HAS_CN_UNIT = re.compile(r"[十拾百佰千仟万萬亿億]")

# --- context ----------------------------------------------------------------

_CLAUSE_END = CLAUSE_SEPARATORS + "【】「」《》"
_PREV_BAD = re.compile(r"(?:第|前|TOP|Top|top|No\.|NO\.|" + "|".join(read_by("code_labels.tsv", "figure")) + r"|V|v|#|＃)\s*$")
_PREV_ALNUM = re.compile(r"[A-Za-z0-9０-９._\-/·]\s?$|[A-Za-z]\s+$")
_ASCII_AFTER = re.compile(r"[A-Za-z0-9]")
_DURATION_AFTER = re.compile(alternation("duration_units.txt"))
_DIGIT = re.compile(r"[0-9０-９]")

# qualifier words before and after a figure (data/qualifiers.tsv): 约, 超过, 预计 … / 左右, 以上 …
_QUALIFIERS = rows("qualifiers.tsv")
_Q_BEFORE = re.compile(
    "(?P<q>" + "|".join(w for w, _, where in _QUALIFIERS if where == "before") + ")"
    r"(?:" + alternation("qualifier_links.txt") + r")?(?:[^，,。；;：:！？\n]{1,10}的)?$"
)
_Q_WORD = {w: meaning for w, meaning, where in _QUALIFIERS if where == "before" and meaning != "forecast"}
_Q_AFTER = re.compile("(?P<q>" + "|".join(w for w, _, where in _QUALIFIERS if where == "after") + ")")
_Q_AFTER_WORD = {w: meaning for w, meaning, where in _QUALIFIERS if where == "after"}
_FORECAST = re.compile("|".join(read_by("forecast_words.tsv", "figure")))

# the verbs of a change (data/change_verbs.tsv) that mark a figure's direction
_UP = "|".join(read_by("change_verbs.tsv", "figure", direction="up"))
_DOWN = "|".join(read_by("change_verbs.tsv", "figure", direction="down"))
_FILL = "(?:" + "|".join(read_by("change_fillers.tsv", "figure")) + ")*"
_AND_RE = re.compile(r"[和、及与]|以及")
_TIMES_OF_PERIOD = re.compile(r"(?:年|同期|季度|月)的$")
_RATE_RE = re.compile(r"(?P<up>增速|增幅|涨幅|增量|净增)|(?P<down>降幅|跌幅|减量|净减)")
_DIR_RE = re.compile(rf"(?P<up>{_UP}){_FILL}$|(?P<down>{_DOWN}){_FILL}$")


def _num_value(text: str, bare_ok: bool = False) -> tuple[float | None, bool, str | None]:
    """(value, vague, qualifier-from-多/余) for one _NUM match.

    ``bare_ok``: a magnitude without a digit counts as one of it (千亿元 -> 1e11);
    only for money, where 千家万户-like idioms do not occur.
    """
    m = _PARTS_RE.fullmatch(text)
    if not m:
        return None, False, None
    core, mag = m.group("core"), m.group("mag") or ""
    vague = bool(m.group("pre")) or m.group("ap1") == "几"
    q = "over" if (m.group("ap1") in ("多", "余") or m.group("ap2")) else None
    v, vague, q = _unsigned_value(core, mag, vague, q, bare_ok)
    if v is not None and m.group("sign"):
        v = -v
    return v, vague, q


def _unsigned_value(core: str, mag: str, vague: bool, q: str | None,
                    bare_ok: bool) -> tuple[float | None, bool, str | None]:
    v = parse_number(core + mag)
    if v is None and core[0] in "十百千万亿":
        v = parse_number("一" + core + mag)
        if v is not None and not vague and not (bare_ok and "亿" in core + mag):
            return None, False, None
    if v is None and _CN_ONLY.fullmatch(core) and mag:
        return None, False, None
    if v is None:
        return None, vague, q
    return v, vague, q


_CN_BIG_TAIL = re.compile(r"[万萬亿億]+$")


def _low_end(num: str, num2: str) -> float | None:
    """The low end of a range that borrows the high end's magnitude, or None.

    10-15亿元 -> 10亿; 两到三万港元 -> 两万; 七千到九千亿元 -> 七千亿; 两到三千万 -> 两千万.
    """
    pm, hm = _PARTS_RE.fullmatch(num), _PARTS_RE.fullmatch(num2)
    if not pm or not hm or pm.group("mag"):
        return None
    low, high = pm.group("core"), hm.group("core")
    if hm.group("mag") and not _HAS_CN_UNIT.search(low):
        return parse_number(low + hm.group("mag"))
    if not _CN_ONLY.fullmatch(low) or not _CN_ONLY.fullmatch(high):
        return None
    if len(low) == 1 and low in CN_DIGITS and len(high) > 1 and high[0] in CN_DIGITS:
        return parse_number(low + high[1:])  # 两到三千万: 两 takes 千万
    tail = _CN_BIG_TAIL.search(high)
    if tail and not _CN_BIG_TAIL.search(low):
        return parse_number(low + tail.group())  # 七千到九千亿: 七千 takes 亿
    return None


def _clean(v: float | None) -> float | int | None:
    if v is None:
        return None
    if v == int(v) and abs(v) < 1e18:
        return int(v)
    return round(v, 10)


def _unit_of(u: str) -> tuple[str, str]:
    """(unit, kind) for a matched unit string."""
    if u in MONEY_UNITS:
        return MONEY_UNITS[u], "money"
    return RATIO_UNITS.get(u, (u, "count"))


_SENT_END = SENTENCE_END + "；;" + LINE_BREAK


def _clause_start(text: str, pos: int, limit: int = 40, ends: str = _CLAUSE_END) -> int:
    i = pos
    lo = max(0, pos - limit)
    while i > lo and text[i - 1] not in ends:
        i -= 1
    return i


def _small_change(text: str, end: int, value: float, unit: str, kind: str) -> tuple[int, float, str, str]:
    """123元1角1分 -> 123.11 CNY; 十块三毛 -> 10.3 CNY (块 is money only with 毛/角/分 after it)."""
    jm = _JIAO_FEN.match(text, end)
    if not jm or jm.end() == end:
        return end, value, unit, kind
    jiao, fen = jm.group("jiao"), jm.group("fen")
    extra = (parse_number(jiao) or 0) * 0.1 if jiao else 0
    extra += (parse_number(fen) or 0) * 0.01 if fen else 0
    sign = -1 if value < 0 else 1
    return jm.end(), value + sign * extra, "CNY", "money"


def _money_or_count(
    m: re.Match, text: str
) -> tuple[int, float | None, float | None, bool, str | None, str, str] | None:
    """(end, value, high, vague, inner qualifier, unit, kind) of a number+unit match, or None."""
    end = m.end()
    u = m.group("unit")
    unit, kind = _unit_of(u)
    after = text[end:end + 1]
    if after and after in _UNIT_GUARD.get(u, ""):
        return None  # 3元件, 5股东, 成本 / 成交 / 成立
    if u == "个" and _DURATION_AFTER.match(text, end):
        return None  # 三个月 / 两个季度: durations
    if u.isascii() and _ASCII_AFTER.match(text, end):
        return None  # 5GWh2 / 8GB: part of a token
    num, num2 = m.group("num"), m.group("num2")
    if num2 is None:
        tail = _RANGE_TAIL.match(text, end)
        if (tail and _unit_of(tail.group("unit"))[0] == unit
                and not _FROM_RE.search(text, max(0, m.start() - 4), m.start())):
            hv = _num_value(tail.group("num2"))[0]
            lv = _num_value(num)[0]
            if hv is not None and lv is not None and hv > lv:
                num2, end = tail.group("num2"), tail.end()
    value, vague, inner_q = _num_value(num, bare_ok=kind == "money")
    if value is None and not vague:
        return None
    scale = 10 if u == "成" else 1
    high = None
    if num2 is not None:
        high, vague2, _ = _num_value(num2)
        if high is None:
            return None
        vague = vague or vague2
        lowv = _low_end(num, num2)
        if lowv is not None and lowv <= high:
            value = lowv
        if value is not None and high <= value:
            return None
        high *= scale
    if value is not None:
        value *= scale
    if value is not None and high is None and u in ("元", "圆", "块"):
        end, value, unit, kind = _small_change(text, end, value, unit, kind)
    if kind == "money" and u in ("元", "圆") and (cm := _CURRENCY_BEFORE.search(text, 0, m.start())):
        unit = MONEY_UNITS[cm.group().strip()]  # 港币两千九百六十元 is HKD
    # a count in Chinese digits only needs a value of ten or more (两家, 三只松鼠)
    core_is_cn = not _DIGIT.search(num)
    if core_is_cn and kind == "count" and not vague and (value is None or value < 10):
        return None
    if u == "度" and core_is_cn:
        return None  # 一度 = "at one point"
    if u == "成" and (value is None or value > 100):
        return None
    return end, value, high, vague, inner_q, unit, kind


def find_figures(text: str) -> list[tuple[int, int, FigureValue]]:
    """Every figure in ``text`` as (start, end, FigureValue), in text order."""
    out: list[tuple[int, int, FigureValue]] = []
    pos = 0
    while (m := _FIG_RE.search(text, pos)) is not None:
        pos = m.start() + 1  # a rejected match: look again one character on
        got = _number_and_unit(m, text)
        if got is None:
            continue
        end, value, high, vague, inner_q, unit = got
        start = m.start()
        prefix = text[_clause_start(text, start):start]
        qualifier = _qualifier(text, start, end, prefix, inner_q)
        direction = _direction(m, text, start, prefix, unit, out)
        out.append((start, end, FigureValue(_clean(value), unit, qualifier, direction, _clean(high), vague)))
        pos = end
    return out


def _number_and_unit(
    m: re.Match, text: str
) -> tuple[int, float | None, float | None, bool, str | None, str] | None:
    """(end, value, high, vague, inner qualifier, unit) of one match, or None when it is no figure."""
    start = m.start()
    if m.group("pct") is not None:
        value = parse_number(m.group("pctnum"))
        if value is None:
            return None
        high = parse_number(m.group("pctnum2")) if m.group("pctnum2") else None
        return m.end(), value, high, False, None, "%"
    if m.group("geyi") is not None:  # 两个亿: spoken yuan
        value = parse_number(m.group("gnum") + "亿")
        if value is None:
            return None
        return m.end(), value, None, m.group("gmore") == "几", None, "CNY"
    if m.group("fan") is not None:
        fan, n = m.group("fan"), m.group("fann")
        value = {None: 2, "一": 2, "两": 4, "二": 4, "三": 8}[n] if "番" in fan else 2
        return m.end(), value, None, False, None, "x"
    got = _money_or_count(m, text)
    if got is None:
        return None
    end, value, high, vague, inner_q, unit, _kind = got
    # left context: ordinals, rankings, codes, model names
    before = text[max(0, start - 6):start]
    if _PREV_BAD.search(before) or _PREV_ALNUM.search(before):
        return None
    return end, value, high, vague, inner_q, unit


def _qualifier(text: str, start: int, end: int, prefix: str, inner_q: str | None) -> str | None:
    """about / over / under / nearly / forecast: from the words before the figure, in it (多, 余)
    or after it (左右), else a forecast in its sentence."""
    qualifier = inner_q
    qm = _Q_BEFORE.search(prefix)
    if qm:
        qualifier = _Q_WORD.get(qm.group("q"), "forecast")
    if qualifier is None:
        am = _Q_AFTER.match(text, end)
        if am:
            qualifier = _Q_AFTER_WORD[am.group("q")]
    if qualifier is None and _FORECAST.search(text, _clause_start(text, start, 60, _SENT_END), start):
        qualifier = "forecast"
    return qualifier


def _direction(m: re.Match, text: str, start: int, prefix: str, unit: str,
               out: list[tuple[int, int, FigureValue]]) -> str | None:
    """A change (增长12%) is up or down; a level (增至, 达到, 为) has no direction."""
    dm = _DIR_RE.search(prefix)
    if dm:
        return "up" if dm.group("up") else "down"
    if unit == "x" and (m.group("fan") is not None or _TIMES_OF_PERIOD.search(prefix)):
        return "up"  # 翻番; 是去年同期的两倍
    if (rm := _RATE_RE.search(prefix)) is not None:
        return "down" if rm.group("down") else "up"  # 增速为7%, 营收增量超过1700亿元
    if out and _AND_RE.fullmatch(text, out[-1][1], start) and out[-1][2].direction and out[-1][2].unit == unit:
        return out[-1][2].direction  # 同比分别增长3.7%和4.5%
    return None
