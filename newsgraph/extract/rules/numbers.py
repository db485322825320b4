"""Parse the numbers written in Chinese business news.

Pure functions, stdlib only. ``parse_number`` turns one written number into a
float (or ``None`` when it is not a number we can read):

    >>> parse_number("1,234.5"), parse_number("１２３"), parse_number("一百二十")
    (1234.5, 123.0, 120.0)
    >>> parse_number("3.5亿"), parse_number("三千五百万"), parse_number("三成")
    (350000000.0, 35000000.0, 30.0)

``成`` is read as a percentage (三成 -> 30.0, the figure's unit is ``%``) and
``百分之十五`` as 15.0. The regex fragments (``ARABIC``, ``CHINESE``,
``MAGNITUDE``) are shared with ``figures`` and ``dates`` so that what the
finders match is exactly what this module can parse.
"""

from __future__ import annotations

import re
from decimal import Decimal

__all__ = [
    "ARABIC",
    "CHINESE",
    "CN_DIGITS",
    "CN_NUMERAL_CHARS",
    "MAGNITUDE",
    "MAGNITUDES",
    "parse_chinese",
    "parse_number",
    "to_halfwidth",
]

# Full-width digits, point, comma, percent and signs -> ASCII. Same length, so
# offsets computed on the translated string are offsets into the original.
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，％－＋", "0123456789.,%-+")

CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "Ｏ": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "贰": 2, "两": 2, "俩": 2,
    "三": 3, "叁": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS: dict[str, int] = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}

# Magnitude suffixes written after an Arabic number (1.2万亿, 3千万, 4500万).
MAGNITUDES: dict[str, int] = {
    "万亿": 10**12, "千亿": 10**11, "百亿": 10**10, "十亿": 10**9, "亿": 10**8,
    "千万": 10**7, "百万": 10**6, "十万": 10**5, "万": 10**4, "千": 10**3, "百": 10**2,
}

# --- regex fragments ------------------------------------------------------
# Arabic number: 1,234.5 / 1234 / ３．５ (half- or full-width); thousands commas half- or
# full-width (19，964，600), groups of exactly three digits.
ARABIC = (r"[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+(?![0-9０-９])(?:[.．][0-9０-９]+)?"
          r"|[0-9０-９]+(?:[.．][0-9０-９]+)?")
_CN_D = "零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖"
_CN_U = "十拾百佰千仟万萬亿億"
# Chinese number: 一百二十 / 三千五百万 / 十二 / 零点五 / 三点五亿.
CHINESE = rf"[{_CN_D}{_CN_U}]+(?:点[{_CN_D}]+[{_CN_U}]*)?"
CN_NUMERAL_CHARS = _CN_D + _CN_U
MAGNITUDE = "|".join(MAGNITUDES)  # longest first: 万亿 before 万

_ARABIC_RE = re.compile(rf"(?:{ARABIC})")
_MIXED_RE = re.compile(rf"({ARABIC})((?:{MAGNITUDE})+)")
_CHINESE_RE = re.compile(rf"{CHINESE}")
_SIGN = {"-": -1.0, "−": -1.0, "负": -1.0, "+": 1.0, "正": 1.0}


def to_halfwidth(s: str) -> str:
    """Full-width digits and punctuation to ASCII (length-preserving)."""
    return s.translate(_FULLWIDTH)


def _parse_arabic(s: str) -> float | None:
    if not _ARABIC_RE.fullmatch(s):
        return None
    return float(to_halfwidth(s).replace(",", ""))


def _parse_cn_integer(s: str) -> int | None:
    """Integer part of a Chinese numeral: 一百二十, 三千五百万, 两万三, 二〇二三."""
    if not s:
        return None
    if all(c in CN_DIGITS for c in s):  # digit by digit: 二〇二三, 五
        if len(s) == 2 or (len(s) > 1 and any(c in "两俩" for c in s)):
            return None  # 三五 / 七八 are "three or five", not 35
        n = 0
        for c in s:
            n = n * 10 + CN_DIGITS[c]
        return n
    total = 0      # finished 亿 sections
    section = 0    # finished 万 section below the current 亿
    current = 0    # value below 万
    digit: int | None = None
    last_unit = 0  # the last small or big unit seen (for 两万三 = 23000)
    for c in s:
        if c in CN_DIGITS:
            if digit is not None and CN_DIGITS[c] != 0 and digit != 0:
                return None  # two digits in a row: 三五 is not a number here
            digit = CN_DIGITS[c]
        elif c in _SMALL_UNITS:
            u = _SMALL_UNITS[c]
            if digit is None:
                if u != 10:
                    return None  # 百 / 千 need a digit before them
                digit = 1  # 十二 = 12, 一百十 = 110
            current += digit * u
            digit = None
            last_unit = u
        elif c in _BIG_UNITS:
            u = _BIG_UNITS[c]
            current += digit or 0
            digit = None
            if u == 100_000_000:
                if current == 0 and section == 0 and total == 0:
                    return None
                total = (total + section + current) * u
                section = 0
            else:
                if current == 0:
                    if total == 0 or section:
                        return None
                section = current * u if section == 0 else (section + current) * u
            current = 0
            last_unit = u
        else:
            return None
    if digit is not None:
        # trailing digit after a unit is abbreviated: 两万三 = 23000, 三百五 = 350
        if last_unit >= 100 and s[-2] not in CN_DIGITS:
            current += digit * last_unit // 10
        else:
            current += digit
    return total + section + current


def parse_chinese(s: str) -> float | None:
    """A Chinese numeral (with 点 decimals): 一百二十 -> 120, 零点五 -> 0.5, 三点五亿 -> 3.5e8."""
    if "点" in s:
        head, _, tail = s.partition("点")
        m = re.fullmatch(rf"([{_CN_D}]+)([{_CN_U}]*)", tail)
        if not m or "两" in m.group(1):
            return None
        whole = _parse_cn_integer(head) if head else 0
        if whole is None:
            return None
        value = whole + Decimal("0." + "".join(str(CN_DIGITS[c]) for c in m.group(1)))
        for c in m.group(2):
            value *= _BIG_UNITS.get(c) or _SMALL_UNITS[c]
        return float(value)
    n = _parse_cn_integer(s)
    return None if n is None else float(n)


def _parse_magnitude(mag: str) -> int | None:
    """万亿 / 千万 / 亿 ... (also stacked: 万 + 亿)."""
    value = 1
    i = 0
    while i < len(mag):
        for m in ("万亿", "千亿", "百亿", "十亿", "千万", "百万", "十万", "亿", "万", "千", "百"):
            if mag.startswith(m, i):
                value *= MAGNITUDES[m]
                i += len(m)
                break
        else:
            return None
    return value


def parse_number(s: str) -> float | None:
    """Read one number as written in Chinese news; ``None`` if it is not one.

    Arabic (``1,234.5``, full-width ``１２３``), Chinese (``一百二十``, ``两``,
    ``三千五百万``, ``零点五``), mixed (``1.2万``, ``3.5亿``, ``1.2万亿``),
    ``成`` as a percentage (``三成`` -> 30.0, ``五成半`` -> 55.0) and
    ``百分之十五`` -> 15.0. A leading sign (``-``, ``负``) is kept; full-width thousands
    commas (``19，964，600``) read like half-width ones.
    """
    if not s:
        return None
    s = to_halfwidth(s.strip())
    if not s:
        return None
    sign = 1.0
    if s[0] in _SIGN and len(s) > 1:
        sign = _SIGN[s[0]]
        s = s[1:]
    if s.startswith("百分之"):
        v = parse_number(s[3:])
        return None if v is None else sign * v
    if s.endswith("成半") and len(s) > 2:
        v = parse_number(s[:-2])
        return None if v is None or v >= 10 else sign * (v * 10 + 5)
    if s.endswith("成") and len(s) > 1:
        v = parse_number(s[:-1])
        return None if v is None or v > 10 else sign * v * 10
    v = _parse_arabic(s)
    if v is not None:
        return sign * v
    m = _MIXED_RE.fullmatch(s)
    if m:
        mag = _parse_magnitude(m.group(2))
        if mag is None:
            return None
        return sign * float(Decimal(to_halfwidth(m.group(1)).replace(",", "")) * mag)
    if _CHINESE_RE.fullmatch(s):
        v = parse_chinese(s)
        return None if v is None else sign * v
    return None
