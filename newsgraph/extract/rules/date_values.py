"""Date values as the rules write them, and what they cover.

``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``YYYY-Qn``, ``YYYY-Hn`` and ``A/B`` for a range;
``interval_of`` gives the first and last day a value covers.
"""
from __future__ import annotations

import calendar
import re

__all__ = ["add_months", "interval_of", "is_month_or_day", "last_day", "month_part", "quarter_of",
           "shift_years", "year_edge", "ym"]

_ISO_RE = re.compile(r"(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|Q([1-4])|H([12])))?")


def last_day(y: int, mth: int) -> int:
    return calendar.monthrange(y, mth)[1]


def _bounds(v: str) -> tuple[str, str] | None:
    m = _ISO_RE.fullmatch(v)
    if not m:
        return None
    y = int(m.group(1))
    if m.group(3):
        return v, v
    if m.group(2):
        mth = int(m.group(2))
        return f"{v}-01", f"{v}-{last_day(y, mth):02d}"
    if m.group(4):
        q = int(m.group(4))
        m1, m2 = 3 * q - 2, 3 * q
        return f"{y}-{m1:02d}-01", f"{y}-{m2:02d}-{last_day(y, m2):02d}"
    if m.group(5):
        h = int(m.group(5))
        return (f"{y}-01-01", f"{y}-06-30") if h == 1 else (f"{y}-07-01", f"{y}-12-31")
    return f"{y}-01-01", f"{y}-12-31"


def interval_of(value: str | None) -> tuple[str, str] | None:
    """First and last day of a value: "2024-Q3" -> ("2024-07-01", "2024-09-30")."""
    if not value:
        return None
    a, sep, b = value.partition("/")
    ia = _bounds(a)
    if ia is None:
        return None
    if not sep:
        return ia
    ib = _bounds(b)
    return None if ib is None else (ia[0], ib[1])


_YEAR_IN_VALUE = re.compile(r"\d{4}")


def shift_years(value: str, years: int) -> str:
    """The same period ``years`` later (negative: earlier); 2024-02-29 -> 2023-02-28."""
    out = _YEAR_IN_VALUE.sub(lambda m: str(int(m.group()) + years), value)
    return re.sub(
        r"(\d{4})-02-29",
        lambda m: m.group(0) if calendar.isleap(int(m.group(1))) else f"{m.group(1)}-02-28",
        out,
    )


def ym(y: int, mth: int, d: int | None = None) -> str:
    return f"{y:04d}-{mth:02d}" if d is None else f"{y:04d}-{mth:02d}-{d:02d}"


def add_months(y: int, mth: int, n: int) -> tuple[int, int]:
    k = y * 12 + (mth - 1) + n
    return k // 12, k % 12 + 1


def month_part(y: int, mo: int, part: str) -> str:
    """上旬/初 -> days 1-10, 中旬/中 -> 11-20, 下旬/底/末 -> 21 to the month's end."""
    if part in ("上旬", "初"):
        a, b = 1, 10
    elif part in ("中旬", "中"):
        a, b = 11, 20
    else:
        a, b = 21, last_day(y, mo)
    return f"{ym(y, mo, a)}/{ym(y, mo, b)}"


def year_edge(y: int, e: str | None) -> str:
    """年初 -> YYYY-01, 年底/年末 -> YYYY-12, otherwise (年中, 年内, 全年, 年度) the year."""
    if e == "初":
        return f"{y}-01"
    if e in ("底", "末"):
        return f"{y}-12"
    return f"{y}"


def quarter_of(value: str | None) -> tuple[int, int] | None:
    """(year, quarter) of a month, day or quarter value."""
    if not value or "/" in value:
        return None
    m = _ISO_RE.fullmatch(value)
    if not m:
        return None
    if m.group(4):
        return int(m.group(1)), int(m.group(4))
    if m.group(2):
        return int(m.group(1)), (int(m.group(2)) - 1) // 3 + 1
    return None


def is_month_or_day(value: str | None) -> bool:
    return bool(value) and "/" not in value and len(value) >= 7 and value[5:7].isdigit()
