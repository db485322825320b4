"""The shared measure vocabulary (``data/measures.tsv``): one canonical name per measure.

    >>> canonical_measure("营业收入"), canonical_measure("股东应占溢利"), canonical_measure("经调整纯利")
    ('营收', '净利润', '经调整净利润')

A name the table does not know is its own canonical name; a count written X数量 is X数
(存栏奶牛数量 -> 存栏奶牛数), a segment's revenue is X收入 (智能手机业务收入 -> 智能手机收入), and a known level's growth rate is
the growth (收入增速 -> 同比增长). Cross-article comparison of figures
keys on the canonical measure, so adjusted and restated measures keep their own names.
"""
from __future__ import annotations

import re

from newsgraph.extract.rules.vocab import table

__all__ = ["MEASURE_SYNONYMS", "canonical_measure"]

# X业务收入 / X营业收入 / X渠道收入 -> X收入 (茅台酒营业收入 -> 茅台酒收入)
_SEGMENT_REVENUE = re.compile(r"(?P<x>.+?)(?:业务|营业|板块|业务板块|渠道|全年)(?:收入|营收)")

MEASURE_SYNONYMS: dict[str, str] = {k.replace("的", ""): v for k, v in table("measures.tsv").items()}


_LEVELS = frozenset(MEASURE_SYNONYMS.values()) - {"同比增长", "同比下降"}
# a level's growth rate: 收入增速 / 销量增幅 (增速 and 增幅 are in the table)
_GROWTH = re.compile(r"(?P<x>.+)(?P<g>增速|增幅)")


def canonical_measure(name: str | None) -> str | None:
    """The canonical form of a measure name (spaces and 的 ignored); None stays None."""
    if name is None:
        return None
    key = "".join(name.split()).replace("的", "") or name
    if len(key) > 2 and key.endswith("数量"):
        key = key[:-1]  # 门店数量 and 门店数 are one measure: X数
    if key in MEASURE_SYNONYMS:
        return MEASURE_SYNONYMS[key]
    growth = _GROWTH.fullmatch(key)
    if growth and canonical_measure(growth.group("x")) in _LEVELS:
        return MEASURE_SYNONYMS[growth.group("g")]  # 收入增速 is the growth of 营收: 同比增长
    segment = _SEGMENT_REVENUE.fullmatch(key)
    if segment and not segment.group("x").endswith(("主营", "总")):
        return segment.group("x") + "收入"  # 智能手机业务收入 and 智能手机收入 are one measure
    return key
