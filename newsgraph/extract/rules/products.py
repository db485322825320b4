"""Products: a maker's name or a product line followed by a model (小米SU7, 宝马X5, iPhone 16).

    >>> [(s, e) for s, e, _ in find_products("苹果发布了iPhone 16。", [])]
    [(5, 14)]

A known company directly followed by a model code with a capital letter (SU7, X5, Mate 60) is
its product, not the company; so is a product-line word (``data/product_lines.txt``) followed
by a number or a capital (iPhone 16, Model Y), with edition words kept (Pro, Max, Ultra).
A year or an amount after a name (小米2024年, 宝马30亿元) is not a model. Pure functions.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from .entities import EntityCandidate, Match
from .vocab import alternation, lines

_EDITION = r"(?:\s?(?:" + alternation("product_editions.txt", fragments=True) + r"))*"
# a model code: a capital then digits or letters (SU7, X5, ES8, Y), or digits then an edition
_CODE = re.compile(r"\s?(?:[A-Z]{1,4}\d{0,4}[A-Za-z]{0,2}|\d{1,4}[A-Za-z]?)" + _EDITION + r"(?![A-Za-z0-9])")
_NOT_MODEL_AFTER = re.compile(r"[年月日亿万元%％个家台辆款次名位期季号]")


@functools.lru_cache(maxsize=1)
def _lines_re() -> re.Pattern[str]:
    words = sorted(set(lines("product_lines.txt")), key=len, reverse=True)
    return re.compile(r"(?<![A-Za-z])(?:" + "|".join(map(re.escape, words)) + r")(?=[\sA-Z0-9])")


def _model_end(text: str, i: int, need_capital: bool) -> int | None:
    m = _CODE.match(text, i)
    if not m or not m.group().strip():
        return None
    code = m.group().strip()
    if need_capital and not any(ch.isupper() for ch in code):
        return None
    if _NOT_MODEL_AFTER.match(text, m.end()) or (code.isdigit() and len(code) == 4):
        return None
    return m.end()


def find_products(text: str, known: Sequence[Match]) -> list[Match]:
    """Products after a known company (``known``: gazetteer matches) or a product line."""
    out: list[Match] = []
    for s, e, cand in known:
        if cand.type != "Company":
            continue
        end = _model_end(text, e, need_capital=True)
        if end is not None:
            out.append((s, end, EntityCandidate("Product", text[s:end], "product")))
    for m in _lines_re().finditer(text):
        end = _model_end(text, m.end(), need_capital=False)
        if end is not None:
            out.append((m.start(), end, EntityCandidate("Product", text[m.start():end], "product")))
    return out
