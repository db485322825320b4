"""Find and resolve dates in Chinese news.

Pure rules, stdlib only. ``find_dates(text, published)`` returns
``(start, end, DateValue)`` for every date expression, in text order.

Value notation (also used for a figure's period): ``YYYY``, ``YYYY-MM``,
``YYYY-MM-DD``, ``YYYY-Qn``, ``YYYY-Hn`` and ``A/B`` for a range
(前三季度 -> ``2024-01/2024-09``, 2016年到2019年 -> ``2016/2019``).
``interval`` is the first and last day covered.

Kinds and how they resolve:

* ``absolute``: the year is written (2023年11月, 2024年上半年, 2023财年,
  2024Q3, 2022-06-18, 二〇二三年三月五日). Spans stop at the year part:
  "2024年年度报告" gives "2024年"; 年初 -> ``YYYY-01``, 年底/年末 -> ``YYYY-12``.
* ``relative``: against ``published`` (今年, 去年, 前年, 明年, 本月, 上月, 本月15日,
  昨日, 上周四). A period without a year takes one:
  - quarters and halves (上半年, 第三季度, 前三季度, Q3): the year of a date
    earlier in the same sentence, else the publication year -- one year back
    when the period starts after the publication date and nothing marks the
    future (将, 预计): a March results article's 第四季度 is last year's;
  - months and days (3月5日, 7月): the year of an earlier month or day of the
    same paragraph, else the publication year (one back when more than a
    month ahead and not marked as future); 5日 takes the month the same way
    (a day after the publication day means the month before).
  With ``published=None`` and no such date the value is ``None``.
* ``anaphoric``: against the dates before it in the text:
  当年/同年/这一年/该年 -> the year of the last date; 次年/翌年 -> the year after;
  上一年/上年 -> the year before the last date of the same sentence, or, opening
  a sentence, before the year the article is about (the year written most);
  当月 -> its month; 当季/该季度 -> the last quarter; 上一季度 -> the one before;
  当天/次日 -> the last day (not a 截至 day); 同日 -> the last day;
  同期 -> the last period (the last date when it is in the same paragraph,
  so 截至6月30日…。同期 is that day), one year earlier as 去年同期/上年同期 or
  after 较/比/与/相比. Dates written as comparisons (较上一年, 比2023年,
  去年同期) are not what later anaphora refer to. With nothing to refer to
  the value is ``None``.
* ``vague``: 近日, 近期, 近年, 近年来, 日前, 前不久, 昔日, 前些年 (value and interval ``None``).
  此前, 目前 and 未来 are not reported.

* ``deictic``: 今天/昨天… with no publication date, 当时 with no date before it (value ``None``).
  Resolved, 今天 is ``relative`` and 当时 ``anaphoric`` (the last date).

Forms real news writes: two-digit years with a month, quarter or edge after them (15年3月2日,
19年底, 九七年一季度 -- the century that puts the year at most five years past the publication);
years 1500-1899 (１８７２年) and 一九九八年; parts of a month as day ranges (上旬/初 1-10, 中旬 11-20,
下旬/底/末 21-end: 当年11月下旬 -> ``2019-11-21/2019-11-30``), 本月初, 月底, 年底 alone; weeks
(上周 -> Monday/Sunday, 本周末); 上一个月, 后天, 大前天, 本日 (the day words are in
data/relative_days.tsv); 20240307, 2022 11 23, 1994.01-19, 6·30, 09-01 (a leading zero), 2018.;
ranges with ——, ― and days written alone (从2018年12月九号到十五号, 3月5至8日); Chinese days
(二十八日, 十五号); seasons after a year (去年夏季 -> June to August) and 六七月. 本季度 and 上季
follow the quarter the text reports once one is named. A span covers the whole phrase: a time of
day after a day (10月14日晚, data/times_of_day.txt) and 以来 (2008年以来, whose value is the
period it starts from).

Bare durations (五年来, 三个月内, 两年, 近三年, 9个月, 一千多年, 半年来) are not dates.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from newsgraph.extract.rules.date_values import (
    add_months, interval_of, is_month_or_day, last_day, month_part, quarter_of, shift_years, year_edge, ym)
from newsgraph.extract.rules.numbers import CN_DIGITS, parse_number, to_halfwidth
from newsgraph.extract.rules.punctuation import LINE_BREAK, SENTENCE_END
from newsgraph.extract.rules.vocab import alternation, read_by, rows, table, words

__all__ = ["PERIOD_ENDING", "DateValue", "find_dates", "interval_of", "shift_years"]


@dataclass(frozen=True, slots=True)
class DateValue:
    value: str | None
    interval: tuple[str, str] | None
    kind: str  # "absolute" | "relative" | "anaphoric" | "vague"


# --- patterns ---------------------------------------------------------------

_NB = r"(?<![0-9０-９.．A-Za-z])"  # a number does not start inside another token
_CN_D = "〇零○一二三四五六七八九"
_Y4 = (rf"(?:19|20|１９|２０)[0-9０-９]{{2}}|1[5-8][0-9]{{2}}|１[５-８][０-９]{{2}}"
       rf"|[二一][〇零○][{_CN_D}]{{2}}|一九[{_CN_D}]{{2}}")
# a two-digit year only counts with a month, quarter or edge after it: 15年3月2日, 19年底, 九七年一季度
_Y2 = rf"[0-9０-９]{{2}}|(?<![{_CN_D}十百千万两])[{_CN_D}]{{2}}"
_Y2_NEXT = r"年(?:[0-9０-９]{1,2}月|[一二三四五六七八九十]{1,2}月|底|初|末|第?[一二三四首1-4]季|[上下]半年)"
_MON = r"1[0-2]|１[０-２]|0?[1-9]|０?[１-９]|十[一二]?|[一二三四五六七八九]"
_DAY = r"3[01]|３[０１]|[12][0-9]|[１２][０-９]|0?[1-9]|０?[１-９]|三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九]"
_QN = r"[一二三四1-4１-４首]"
_SEP = r"至|到|--|——|-|—|―|–|~|～|－－|－"
# year words (data/year_words.tsv): against the publication date (今年, 去年), or read against the
# last date (上一年 after 2023年 is 2022); without one, those that also make sense against the
# publication date (上年) fall back to it
_YEAR_WORDS = rows("year_words.tsv")
_REL_Y = {w: int(n) for w, n, against in _YEAR_WORDS if against == "published"}
_ANA_Y = {w: int(n) for w, n, against in _YEAR_WORDS if against != "published"}
_ANA_FALLBACK = {w: int(n) for w, n, against in _YEAR_WORDS if against == "last-or-published"}
_YEAR_WORD = "|".join(sorted(list(_REL_Y) + list(_ANA_Y), key=len, reverse=True))

# the part of a month: 3月上旬, 3月初, 3月底 (not 3月初步, 3月中国…)
_MONTH_PART = r"上旬|中旬|下旬|初(?![步次期始心衷创中级])|底|末|中(?=[，,。；;、\s])"
# the part of a date after the year (or standing alone)
_SUB_TEMPLATE = (
    rf"(?P<P_q>第?(?P<P_qn>{_QN})季度|(?<![A-Za-z])[Qq](?P<P_qn2>[1-4])(?![0-9A-Za-z]))"
    rf"|(?P<P_h>(?P<P_hn>[上下])半年(?:度)?|(?<![A-Za-z])[Hh](?P<P_hn2>[12])(?![0-9A-Za-z]))"
    rf"|(?P<P_qq>前(?P<P_qqn>[一二两三])个?季度)"
    rf"|(?P<P_pm>前(?P<P_pmn>十一|十|[一二两三四五六七八九]|1[01]|[2-9])个月)"
    rf"|(?P<P_mr>{_NB}(?P<P_mr1>{_MON})月?(?:份)?(?:{_SEP})(?P<P_mr2>{_MON})月(?:份)?"
    rf"|(?<![一二三四五六七八九十])(?P<P_mr3>[一二三四五六七八九])(?P<P_mr4>[二三四五六七八九十])月(?:份)?)"
    rf"|(?P<P_md>{_NB}(?P<P_mo>{_MON})月(?!份额)(?:份)?(?:(?P<P_dy>{_DAY})[日号](?![内均线])"
    rf"|(?P<P_dy0>3[01]|[12][0-9]|0?[1-9])(?=\s*(?:{_SEP})|[，,。；;、]|\s|$)|(?P<P_mdp>{_MONTH_PART}))?)"
    rf"|(?P<P_ye>(?P<P_yep>年初|年底|年末))"
    rf"|(?P<P_se>(?P<P_sen>[春夏秋冬])(?:季|天))"
)


def _sub(prefix: str) -> str:
    return _SUB_TEMPLATE.replace("(?P<P_", f"(?P<{prefix}_")

# every alternative starts with one of these: a lookahead on them lets the scan skip ahead fast
_DATE_FIRST = "0-9０-９一二三四五六七八九十〇零○两今去前明后大本上下当同这该那次翌第年QqHh近日不周星礼昨月首春夏秋冬"
_MONTH_WORD = alternation("relative_month_words.txt", fragments=True)
_WEEK_WORD = alternation("relative_week_words.txt", fragments=True)
_DAY_DELTA: dict[str, int] = {w: int(n) for w, n in table("relative_days.tsv").items()}
_DAY_GUARD = {"今日": "(?!头条)", "后天": "(?![性的])"}  # 今日头条 is an app, 后天性 an adjective
_DAY_WORD = "|".join(
    [re.escape(w) + _DAY_GUARD.get(w, "") for w in sorted(_DAY_DELTA, key=len, reverse=True)]
    + ["当天", "当日", "同日", "次日", "翌日", "当时"])
_VAGUE_DATES = alternation("vague_dates.txt")  # 近日, 前不久: dates with no value
_DATE_RE = re.compile(
    rf"(?=[{_DATE_FIRST}])(?:"
    # ISO-like: 2023-11-05, 2023/11/05, 2023.11.05, 1994.01-19, 2022 11 23
    rf"(?P<iso>{_NB}(?P<iy>(?:19|20)\d{{2}})(?:[-/.](?P<im>1[0-2]|0?[1-9])[-/.]|\s(?P<im2>1[0-2]|0[1-9])\s)"
    rf"(?P<id>3[01]|[12]\d|0?[1-9])(?![0-9.万亿%]))"
    # 20240307
    rf"|(?P<compact>(?<![0-9A-Za-z])(?P<cy>(?:19|20)\d\d)(?P<cm>0[1-9]|1[0-2])(?P<cd>0[1-9]|[12]\d|3[01])(?![0-9A-Za-z]))"
    # 6·30, 09-01 (a leading zero), 2018.
    rf"|(?P<dot>(?<![0-9.．·])(?P<dm>1[0-2]|[1-9])[·・](?P<dd>3[01]|[12]\d|[1-9])(?![0-9]))"
    rf"|(?P<mmdd>(?<![0-9\-/.:])(?P<mm>0[1-9]|1[0-2])-(?P<mdd>0[1-9]|[12]\d|3[01])(?![0-9\-/.:%万亿千百元倍个家台股]))"
    rf"|(?P<ydot>(?<![0-9.])(?P<ydy>(?:19|20)\d\d)(?=\.(?![0-9])))"
    # year range: 2016年到2019年, 2016-2019年, 2025年至2030年
    rf"|(?P<yr>{_NB}(?P<yr1>{_Y4})年?(?:{_SEP})(?P<yr2>{_Y4})年(?![0-9０-９]|[一二三四五六七八九十]{{1,2}}月|第?[一二三四首]季|[上下]半年|[初底末]))"
    # a written year with an optional sub-period
    rf"|(?P<abs>{_NB}(?:(?P<y>{_Y4})|(?P<y2>{_Y2})(?={_Y2_NEXT}))(?:年度|年(?:(?P<yedge>初|底|末|内)(?!期))?|财年度?|(?=[QqHh][1-4]))"
    rf"(?!代|间|历史|之久)(?:{_sub('a')})?)"
    # 去年同期 / 上年同期 / 同期
    rf"|(?P<same>(?P<samey>去年|上年|上一年|前一年|上一年度|上年度)?同期)"
    # relative or anaphoric year words with an optional sub-period
    rf"|(?P<ry>(?<![年几多])(?P<yw>{_YEAR_WORD})(?![龄会级纪薪画])(?:(?P<ryedge>初|底|末|内)(?!期))?(?:{_sub('r')})?)"
    # month / day words
    rf"|(?P<md2>(?P<md2w>{_MONTH_WORD})(?P<md2d>{_DAY})[日号])"
    rf"|(?P<me>(?P<mew>{_MONTH_WORD}|(?<![0-9０-９一二三四五六七八九十个])月)(?P<mep>上旬|中旬|下旬|初(?![步次期始])|底|末))"
    rf"|(?P<wk>(?P<wkw>本周|这周|上周|上个?星期|下周|下个?星期|周|星期|礼拜)(?P<wkd>[一二三四五六日天])(?![年度期刊末]))"
    rf"|(?P<week>(?P<weekw>{_WEEK_WORD})(?P<weekend>末)?(?![期年边刊围转]))"
    rf"|(?P<mw>{_MONTH_WORD}|本季度|当季度|当季|该季度|同季度|上一?个?季度|上季(?!度)|{_DAY_WORD})"
    # a sub-period standing alone: 上半年, 第三季度, 3月5日
    rf"|(?P<sub>{_sub('s')})"
    # a day alone: 5日, 二十八日, 15号 (not 5日内, 5日均线, 3号线)
    rf"|(?P<dayonly>{_NB}(?<![{_CN_D}十百千万两个第每数几近前后])(?P<d1>{_DAY})(?:日(?![内均线后元游间期])|号(?![线楼院文店机位码令舱馆车房门种称人]))"
    r")"
    rf"|(?P<vague>{_VAGUE_DATES})"
    r")"
)
# spoken in the same breath as the date: 10月14日晚, 28日晚间, 2008年以来
_TOD_GUARD = {"晚": "(?![宴会餐报饭年期])", "夜": "(?![间市])"}  # 晚宴 and 夜市 are no time of day
_TIME_OF_DAY = re.compile("|".join(
    re.escape(w) + _TOD_GUARD.get(w, "") for w in sorted(words("times_of_day.txt"), key=len, reverse=True)))
_SINCE = re.compile(r"以来")
_SAME_SHIFT_BEFORE = re.compile("(?:" + "|".join(read_by("comparison_markers.tsv", "same-period")) + ")$")
# a date after these is what a figure is compared with, not what later text refers to
_COMPARE_BEFORE = re.compile("(?:" + "|".join(read_by("comparison_markers.tsv", "date")) + ")$")
_WEEKDAY = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_DAY_BAD_BEFORE = re.compile(r"[近前后每数第”\"》」]$|[0-9０-９]$")  # “阿波罗”17号 is a name
_CODE_BEFORE = re.compile(r"(?:" + "|".join(read_by("code_labels.tsv", "date")) + r")[:：]?\s*$")
_PARA_RE = re.compile(r"\n\s*\n|\n")


def _cn_or_int(s: str) -> int | None:
    s = to_halfwidth(s)
    if s.isdigit():
        return int(s)
    v = parse_number(s)
    return None if v is None else int(v)


def _year(s: str) -> int | None:
    s = to_halfwidth(s)
    if s.isdigit():
        return int(s)
    if all(c in CN_DIGITS for c in s):
        return int("".join(str(CN_DIGITS[c]) for c in s))
    return None


_FUTURE_BEFORE = re.compile("|".join(read_by("forecast_words.tsv", "date")))
_FUTURE_AFTER = re.compile(r"之?前|以前|将|起")
_POINT_RE = re.compile(r"(?:截至|截止|截止到|截至到)\s*$")
# 截至2024年12月31日止的季度 / 止年度 / 止九个月: the period that ends on that day
PERIOD_ENDING = re.compile(r"止?的?(?:(?P<q>季度|三个月)|(?P<h>六个月|半年度?)|(?P<y>年度|财年|全年|十二个月)"
                           r"|(?P<n>[一二两四五七八九]|十一|1[01]|[2-9])个月)")
_SENT_SEP_RE = re.compile(f"[{SENTENCE_END}{LINE_BREAK}]")


@dataclass(slots=True)
class _Ctx:
    published: datetime.date | None
    last: str | None = None         # last resolved value (any kind)
    last_period: str | None = None  # last resolved value not written as a point (截至…)
    last_para: int = -1             # paragraph of ``last``
    last_sent: int = -1             # sentence start of ``last``
    last_quarter: str | None = None # last quarter (当季 / 上一季度 refer to it)
    last_ref: str | None = None     # what 同期 right after ``last`` (same paragraph) means
    last_day: str | None = None     # last day that is not a point (次日 / 当天 refer to it)
    years: dict[int, int] = field(default_factory=dict)  # year -> mentions (the article's focus year)
    sent_periods: list[str] = field(default_factory=list)  # year-or-coarser values of this sentence


def _sub_value(m: re.Match, p: str, y: int | None) -> str | None:
    """Value of the sub-period groups ``p_*`` of ``m`` within year ``y`` (None: not a date)."""

    def g(name: str) -> str | None:
        return m.group(f"{p}_{name}")

    if y is None:
        return None
    if g("q"):
        qn = g("qn") or g("qn2")
        return f"{y}-Q{1 if qn == '首' else _cn_or_int(qn)}"
    if g("h"):
        hn = g("hn") or g("hn2")
        return f"{y}-H{1 if hn in ('上', '1') else 2}"
    if g("qq"):
        n = _cn_or_int(g("qqn")) or 1
        return f"{y}-01/{y}-{3 * n:02d}"
    if g("pm"):
        n = _cn_or_int(g("pmn"))
        if not n or n > 12:
            return None
        return f"{y}-01/{y}-{n:02d}"
    if g("mr"):
        a, b = _cn_or_int(g("mr1") or g("mr3")), _cn_or_int(g("mr2") or g("mr4"))
        if g("mr3") and b != a + 1:
            return None  # 六七月 (June and July) names two months in a row
        if not a or not b or not (1 <= a < b <= 12):
            return None
        return f"{ym(y, a)}/{ym(y, b)}"
    if g("md"):
        mo = _cn_or_int(g("mo"))
        if not mo or not 1 <= mo <= 12:
            return None
        if g("dy") or g("dy0"):
            d = _cn_or_int(g("dy") or g("dy0"))
            if not d or d > last_day(y, mo):
                return None
            return ym(y, mo, d)
        if g("mdp"):
            return month_part(y, mo, g("mdp"))
        return ym(y, mo)
    if g("ye"):
        return year_edge(y, g("yep")[-1])
    if g("se"):
        first = {"春": 3, "夏": 6, "秋": 9, "冬": 12}[g("sen")]
        y2, m2 = add_months(y, first, 2)
        return f"{ym(y, first)}/{ym(y2, m2)}"
    return None


def _has_sub(m: re.Match, p: str) -> bool:
    return any(m.group(f"{p}_{g}") for g in ("q", "h", "qq", "pm", "mr", "md", "ye", "se"))


def _standalone(m: re.Match, text: str, ctx: _Ctx, para: int, sent: int) -> tuple[str | None, str] | None:
    """A period written without a year: 上半年, 第三季度, 前三季度, 1-9月, 3月5日.

    Quarters and halves take the year of a date earlier in the same sentence,
    else the publication year, moved one year back when the period would not
    be over by the publication date and nothing marks the future (将, 预计):
    a results article published in March reports 第四季度 of the year before.
    Months and days take the year of an earlier month or day of the same
    paragraph, else the publication year (one back if more than a month ahead
    and not marked as future).
    """
    pub = ctx.published
    is_md = bool(m.group("s_md"))
    if is_md and ctx.last_para == para and is_month_or_day(ctx.last):
        y = int(ctx.last[:4])
    elif not is_md and ctx.sent_periods:
        y = int(ctx.sent_periods[0][:4])
    elif pub is not None:
        y = pub.year
        v = _sub_value(m, "s", y)
        iv = interval_of(v)
        if iv is None:
            return None
        future = (_FUTURE_BEFORE.search(text, max(sent, m.start() - 30), m.start())
                  or _FUTURE_AFTER.match(text, m.end()))
        limit = pub + datetime.timedelta(days=31) if is_md else pub
        if not future and datetime.date.fromisoformat(iv[0]) > limit:
            y -= 1
    elif ctx.last:
        y = int(ctx.last[:4])
    else:
        return None, "relative"
    v = _sub_value(m, "s", y)
    return (v, "relative") if v else None


Resolved = tuple[str | None, str] | None  # (value, kind), or None when the match is not a date


def _resolve(m: re.Match, text: str, ctx: _Ctx, para: int, sent: int) -> Resolved:
    """(value, kind) of one match, or None when the match is not a date."""
    pub = ctx.published
    if m.group("iso") or m.group("compact"):
        return _written_day(m, text)
    if m.group("ydot"):
        return m.group("ydy"), "absolute"
    if m.group("dot") or m.group("mmdd"):
        mo, d = (int(m.group("dm")), int(m.group("dd"))) if m.group("dot") else (int(m.group("mm")), int(m.group("mdd")))
        return _month_day(mo, d, m, text, ctx, para, sent)
    if m.group("me"):
        return _month_edge(m, ctx, para)
    if m.group("week"):
        return _week(m.group("weekw"), bool(m.group("weekend")), pub)
    if m.group("yr"):
        a, b = _year(m.group("yr1")), _year(m.group("yr2"))
        if a is None or b is None or not a < b:
            return None
        return f"{a}/{b}", "absolute"
    if m.group("abs"):
        return _written_year(m, pub)
    if m.group("same"):
        return _same_period(m, text, ctx, para)
    if m.group("ry"):
        return _year_word(m, ctx, sent)
    if m.group("md2"):
        return _month_word_day(m, ctx)
    if m.group("wk"):
        return _weekday(m.group("wkw"), _WEEKDAY[m.group("wkd")], pub)
    if m.group("mw"):
        return _month_word(m.group("mw"), ctx)
    if m.group("sub"):
        if m.group("s_se"):
            return None  # 春天 alone: a season, not a date
        if m.group("s_ye"):
            return _year_edge_alone(m.group("s_yep")[-1], ctx)
        return _standalone(m, text, ctx, para, sent)
    if m.group("dayonly"):
        return _day_alone(m, text, ctx, para)
    if m.group("vague"):
        return None, "vague"
    return None


def _written_day(m: re.Match, text: str) -> Resolved:
    """2023-11-05, 2022 11 23, 20240307 (not 电话20240307)."""
    if m.group("compact"):
        if _CODE_BEFORE.search(text, max(0, m.start() - 6), m.start()):
            return None  # 电话20240307 is a number
        y, mo, d = int(m.group("cy")), int(m.group("cm")), int(m.group("cd"))
    else:
        y, mo, d = int(m.group("iy")), int(m.group("im") or m.group("im2")), int(m.group("id"))
    if d > last_day(y, mo):
        return None
    return ym(y, mo, d), "absolute"


def _written_year(m: re.Match, pub: datetime.date | None) -> Resolved:
    """A written year with an optional sub-period: 2024年上半年, 19年底, 2023财年."""
    y = _year(m.group("y")) if m.group("y") else _two_digit_year(m.group("y2"), pub)
    if y is None:
        return None
    if _has_sub(m, "a"):
        v = _sub_value(m, "a", y)
        return (v, "absolute") if v else None
    return year_edge(y, m.group("yedge")), "absolute"


def _same_period(m: re.Match, text: str, ctx: _Ctx, para: int) -> Resolved:
    """同期: the last period, one year earlier as 去年同期 or after 较/比/与."""
    ref = ctx.last_ref if ctx.last_para == para and ctx.last_ref else (ctx.last_period or ctx.last)
    if ref is None:
        return None, "anaphoric"
    shift = bool(m.group("samey")) or bool(_SAME_SHIFT_BEFORE.search(text, max(0, m.start() - 3), m.start()))
    return (shift_years(ref, -1) if shift else ref), "anaphoric"


def _year_word(m: re.Match, ctx: _Ctx, sent: int) -> Resolved:
    """今年, 去年 (against the publication date); 当年, 次年, 上一年 (against the last date)."""
    pub = ctx.published
    w = m.group("yw")
    if w in _REL_Y:
        kind = "relative"
        y = pub.year + _REL_Y[w] if pub else None
    else:
        ref = ctx.last_period or ctx.last
        kind = "anaphoric"
        if w in _ANA_FALLBACK and ctx.years and ctx.last_sent != sent:
            # 上一年 opening a new sentence: the year before the one the article is about
            ref = str(max(ctx.years, key=lambda k: (ctx.years[k], k)))
        if ref:
            y = int(ref[:4]) + _ANA_Y[w]
            if "/" in ref and _ANA_Y[w] > 0:
                y = int(ref.rpartition("/")[2][:4]) + _ANA_Y[w]
        elif w in _ANA_FALLBACK and pub:
            y, kind = pub.year + _ANA_FALLBACK[w], "relative"
        else:
            y = None
    if y is None:
        return None, kind
    if _has_sub(m, "r"):
        v = _sub_value(m, "r", y)
        return (v, kind) if v else None
    return year_edge(y, m.group("ryedge")), kind


def _month_word_day(m: re.Match, ctx: _Ctx) -> Resolved:
    """本月15日, 上月3日, 当月20日."""
    pub = ctx.published
    w, d = m.group("md2w"), _cn_or_int(m.group("md2d"))
    if w in ("当月", "同月"):
        if not is_month_or_day(ctx.last):
            return None, "anaphoric"
        y, mo, kind = int(ctx.last[:4]), int(ctx.last[5:7]), "anaphoric"
    elif pub is None:
        return None, "relative"
    else:
        step = -1 if w.startswith("上") else 1 if w.startswith("下") else 0
        (y, mo), kind = add_months(pub.year, pub.month, step), "relative"
    if not d or d > last_day(y, mo):
        return None
    return ym(y, mo, d), kind


def _weekday(w: str, wd: int, pub: datetime.date | None) -> Resolved:
    """上周四, 本周一, 周五 (the last one on or before the publication day)."""
    if pub is None:
        return None, "relative"
    monday = pub - datetime.timedelta(days=pub.weekday())
    if w.startswith("上"):
        day = monday - datetime.timedelta(days=7 - wd)
    elif w.startswith("下"):
        day = monday + datetime.timedelta(days=7 + wd)
    else:
        day = monday + datetime.timedelta(days=wd)
        if w in ("周", "星期", "礼拜") and day > pub:
            day -= datetime.timedelta(days=7)
    return day.isoformat(), "relative"


def _day_alone(m: re.Match, text: str, ctx: _Ctx, para: int) -> Resolved:
    """5日, 二十八日: the month of an earlier month or day of the paragraph, else the publication
    month (the month before when the day is after the publication day)."""
    pub = ctx.published
    if _DAY_BAD_BEFORE.search(text, max(0, m.start() - 1), m.start()):
        return None
    d = _cn_or_int(m.group("d1"))
    if not d:
        return None
    if ctx.last_para == para and is_month_or_day(ctx.last):
        y, mo = int(ctx.last[:4]), int(ctx.last[5:7])
    elif pub:
        y, mo = pub.year, pub.month
        if d > pub.day + 1:  # 28日 in an article of the 3rd: last month
            y, mo = add_months(y, mo, -1)
    else:
        return None, "relative"
    if d > last_day(y, mo):
        return None
    return ym(y, mo, d), "relative"


def _two_digit_year(yy: str, pub: datetime.date | None) -> int | None:
    """15 -> 2015, 九七 -> 1997: the century that puts the year at most a few years ahead."""
    n = _year(yy)
    if n is None:
        return None
    now = pub.year if pub else 2030
    y = now - now % 100 + n
    return y - 100 if y > now + 5 else y


def _month_day(mo: int, d: int, m: re.Match, text: str, ctx: _Ctx, para: int, sent: int) -> tuple[str | None, str] | None:
    """6·30, 09-01: a month and day without a year, which they take like 6月30日 does."""
    if not 1 <= mo <= 12:
        return None
    if ctx.last_para == para and is_month_or_day(ctx.last):
        y = int(ctx.last[:4])
    elif ctx.published:
        y = ctx.published.year
        if datetime.date(y, mo, min(d, last_day(y, mo))) > ctx.published + datetime.timedelta(days=31):
            y -= 1
    else:
        return None, "relative"
    return (ym(y, mo, d), "relative") if d <= last_day(y, mo) else None


def _month_edge(m: re.Match, ctx: _Ctx, para: int) -> tuple[str | None, str] | None:
    """本月初, 上月底, 月底 (the month last named in the paragraph, else the publication month)."""
    w, part = m.group("mew"), m.group("mep")
    kind = "relative"
    if w == "月" or w in ("当月", "同月"):
        if ctx.last_para == para and is_month_or_day(ctx.last):
            y, mo, kind = int(ctx.last[:4]), int(ctx.last[5:7]), "anaphoric"
        elif w == "月" and ctx.published:
            y, mo = ctx.published.year, ctx.published.month
        else:
            return None, "anaphoric"
    elif ctx.published is None:
        return None, "relative"
    else:
        step = -1 if w.startswith("上") else 1 if w.startswith("下") else 0
        y, mo = add_months(ctx.published.year, ctx.published.month, step)
    return month_part(y, mo, part), kind


def _week(w: str, weekend: bool, pub: datetime.date | None) -> tuple[str | None, str]:
    """上周 / 本周 / 下周 -> Monday to Sunday of that week (周末: Saturday and Sunday)."""
    if pub is None:
        return None, "relative"
    step = -7 if w.startswith("上") else 7 if w.startswith("下") else 0
    monday = pub - datetime.timedelta(days=pub.weekday()) + datetime.timedelta(days=step)
    first = monday + datetime.timedelta(days=5) if weekend else monday
    return f"{first.isoformat()}/{(monday + datetime.timedelta(days=6)).isoformat()}", "relative"


def _year_edge_alone(edge: str, ctx: _Ctx) -> tuple[str | None, str]:
    """年底 / 年初 alone: the year of this sentence's period, else the publication year."""
    if ctx.sent_periods:
        return year_edge(int(ctx.sent_periods[-1][:4]), edge), "anaphoric"
    if ctx.published:
        return year_edge(ctx.published.year, edge), "relative"
    return None, "relative"


def _month_word(w: str, ctx: _Ctx) -> tuple[str | None, str]:
    pub, last = ctx.published, ctx.last
    if w in ("当月", "同月"):
        return (last[:7] if is_month_or_day(last) else None), "anaphoric"
    if w == "当时":
        return (last, "anaphoric") if last else (None, "deictic")
    if w in ("当季", "当季度", "该季度", "同季度") or (w == "本季度" and ctx.last_quarter):
        # 本季度 in a results story is the quarter it reports, not the publication's
        q = quarter_of(ctx.last_quarter or last)
        return (f"{q[0]}-Q{q[1]}" if q else None), "anaphoric"
    if w.startswith("上") and (w.endswith("季度") or w == "上季"):
        q = quarter_of(ctx.last_quarter or last)
        if q:
            y, n = q
            return (f"{y}-Q{n - 1}" if n > 1 else f"{y - 1}-Q4"), "anaphoric"
        if pub is None:
            return None, "relative"
        n = (pub.month - 1) // 3 + 1
        return (f"{pub.year}-Q{n - 1}" if n > 1 else f"{pub.year - 1}-Q4"), "relative"
    if w == "同日":
        return (last if last and len(last) == 10 else None), "anaphoric"
    if w in ("当天", "当日", "次日", "翌日"):
        last = ctx.last_day
        if last is None:
            return None, "anaphoric"
        if w in ("次日", "翌日"):
            return (datetime.date.fromisoformat(last) + datetime.timedelta(days=1)).isoformat(), "anaphoric"
        return last, "anaphoric"
    if pub is None:
        return None, ("deictic" if w in _DAY_DELTA else "relative")
    if w in ("本月", "这个月"):
        return ym(pub.year, pub.month), "relative"
    if w.startswith("上") and w.endswith("月"):
        return ym(*add_months(pub.year, pub.month, -1)), "relative"
    if w.startswith("下") and w.endswith("月"):
        return ym(*add_months(pub.year, pub.month, 1)), "relative"
    if w == "本季度":
        return f"{pub.year}-Q{(pub.month - 1) // 3 + 1}", "relative"
    return (pub + datetime.timedelta(days=_DAY_DELTA[w])).isoformat(), "relative"


def _remember(ctx: _Ctx, text: str, start: int, end: int, value: str, para: int, sent: int) -> None:
    """Make ``value`` the date that later anaphora and year-less periods refer to."""
    ctx.last, ctx.last_para, ctx.last_sent = value, para, sent
    y = int(value[:4])
    ctx.years[y] = ctx.years.get(y, 0) + 1
    period = value
    point = _POINT_RE.search(text, max(0, start - 4), start)
    if len(value) == 10 and not point:
        ctx.last_day = value
    if point:
        em = PERIOD_ENDING.match(text, end) if len(value) == 10 else None
        if em is None or em.group("n"):
            period = None  # 截至2024年12月31日: a point, not a period
        elif em.group("q"):
            q = quarter_of(value)
            period = f"{q[0]}-Q{q[1]}"
        elif em.group("h"):
            period = f"{value[:4]}-H{1 if int(value[5:7]) <= 6 else 2}"
        else:
            period = value[:4]
    ctx.last_ref = period or value
    if period is not None:
        ctx.last_period = period
        if "Q" in period and "/" not in period:
            ctx.last_quarter = period
        if len(period) == 4 or "Q" in period or "H" in period or "/" in period:
            ctx.sent_periods.append(period)


_KIND_RANK = {"absolute": 0, "relative": 1, "anaphoric": 2, "vague": 3}
_RANGE_SEPS = frozenset(_SEP.split("|"))  # 2023年11月至2024年3月


def _phrase_end(text: str, end: int, value: str | None) -> int:
    """The end of the whole phrase: 10月14日晚, 28日晚间 (a day), 2008年以来 (any date)."""
    if value is not None and len(value) == 10 and (tm := _TIME_OF_DAY.match(text, end)):
        end = tm.end()
    if (sm := _SINCE.match(text, end)) is not None:
        end = sm.end()
    return end


def find_dates(text: str, published: datetime.date | None) -> list[tuple[int, int, DateValue]]:
    """Every date expression in ``text`` as (start, end, DateValue), in text order."""
    ctx = _Ctx(published)
    found: list[tuple[int, int, str | None, str]] = []
    para_ends = [m.start() for m in _PARA_RE.finditer(text)]
    sent_starts = [m.end() for m in _SENT_SEP_RE.finditer(text)]
    pi = si = 0
    sent = 0
    for m in _DATE_RE.finditer(text):
        start, end = m.span()
        while pi < len(para_ends) and para_ends[pi] < start:
            pi += 1
        while si < len(sent_starts) and sent_starts[si] <= start:
            sent = sent_starts[si]
            si += 1
            ctx.sent_periods = []
        got = _resolve(m, text, ctx, pi, sent)
        if got is None:
            continue
        value, kind = got
        end = _phrase_end(text, end, value)
        # a range: 2023年11月至2024年3月, 2024年一季度至三季度
        if found and value is not None and text[found[-1][1]:start] in _RANGE_SEPS:
            ps, _pe, pv, pk = found[-1]
            if pv and "/" not in pv and "/" not in value:
                a, b = interval_of(pv), interval_of(value)
                if a and b and a[1] < b[1] and a[0] <= b[0]:
                    merged = f"{pv}/{value}"
                    found[-1] = (ps, end, merged, pk if _KIND_RANK[pk] <= _KIND_RANK[kind] else kind)
                    _remember(ctx, text, ps, end, merged, pi, sent)
                    continue
        found.append((start, end, value, kind))
        if value is None:
            continue
        if m.group("same"):
            pass  # 去年同期: a comparison, not what later 当季 / 同期 refer to
        elif _COMPARE_BEFORE.search(text, max(0, start - 3), start):
            pass  # 较上一年 / 比2023年: likewise
        else:
            _remember(ctx, text, start, end, value, pi, sent)
    return [(s, e, DateValue(v, interval_of(v), k)) for s, e, v, k in found]
