"""Reading a measure's noun phrase back from a figure: 研发投入约为 -> 研发投入, 拥有牧场 -> 牧场.

``phrase_before`` stops at a company or date mention, at a stop word (其中, 的, 较 …) and never
splits a word or an alphanumeric token; ``counted_noun`` cuts the verbs and classifiers off the
phrase before a count.
"""
from __future__ import annotations

import re

from newsgraph.extract.rules.measure_names import ENDS_IN_HEAD, MEASURE_HEADS, clean_phrase
from newsgraph.extract.rules.vocab import alternation, words

__all__ = ["LINK_TAIL", "PER_UNIT", "QUANTITY_NOUNS", "JUNK_START", "counted_noun", "phrase_before"]

# a unit price: 每瓶 / 每公斤 (names no amount)
PER_UNIT = re.compile("每(?:" + alternation("price_units.txt") + ")$")
_NO_SPLIT = frozenset(words("unsplit_words.txt"))
# a phrase ending in a word of plans names no measure: 预计到
_PLAN_WORD_END = re.compile("(?:" + alternation("measure_plan_words.txt") + ")$")

# linking words between a measure and its figure: 营收为 / 研发投入约为 / 估值已超过
LINK_TAIL = re.compile("(?:" + alternation("measure_link_words.txt") + "|" + PER_UNIT.pattern[:-1] + ")$")
# where a measure phrase read back from a figure stops: 其中, 的, 较 … (data/measure_stop_words.txt)
_NP_STOP = re.compile("(?:" + alternation("measure_stop_words.txt") + ")$")
_NP_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z&·]")
# a maker's name may stay inside a product name when a measure head follows: 茅台酒营业收入
_HEAD_START = re.compile("|".join(sorted(map(re.escape, MEASURE_HEADS + ("营业", "业务", "总", "净", "毛")),
                                         key=len, reverse=True)))
_PRODUCT_NOT = frozenset("的在年月日季度全总净其该各旗下与和及、")
# a verb before a counted noun is not part of it: 拥有牧场21座 / 新增门店300家
_COUNT_VERB = re.compile("^(?:" + alternation("count_verbs.txt") + ")(?=.)")

# a noun that already is a quantity takes no 数量: 年处理能力, 旅客运输量, 单店面积
QUANTITY_NOUNS = words("quantity_nouns.txt")
# what may not start a measure: a function word, a lone classifier (每家面积 -> 家面积)
JUNK_START = re.compile(r"^(?:[的和与及为]|并(?![购表])|到(?![店港访账期])|在(?![建线职售营手管途库])"
                         r"|家(?![庭居电用具装族政])|每[家个座台间所]|笔(?!记)|项(?!目)|批(?!发))+")
_AFTER_JUNK_VERB = re.compile(r"^(?:" + alternation("measure_leading_verbs.txt") + r")(?=..)")


_OWN_VERB = re.compile(r"(?<=.)(?:拥有|持有|共有|现有|建有|设有)(?=..)")
_ONE_OF = re.compile(r"^[一两二三四五六七八九十几数]+[座家个台条间所处](?=..)")


def phrase_before(text: str, lo: int, hi: int, blocked, date_starts: dict[int, int] | None = None,
                  need_head: bool = True) -> str:
    """The noun phrase ending at ``hi`` (after linking words are stripped), not before ``lo``.

    A date between the noun phrase and the figure is skipped too (规模有望在2030年超过…).
    """
    end = hi
    while True:
        m = LINK_TAIL.search(text, lo, end)
        if m and m.end() == end and m.start() < end:
            end = m.start()
        elif date_starts and end in date_starts and date_starts[end] >= lo:
            end = date_starts[end]
        else:
            break
    i = end
    while i > lo:
        c = text[i - 1]
        if not _NP_CHAR.match(c) and c not in "及与和":
            break
        if blocked(i - 1):
            # a product named after its maker: 茅台酒营业收入 (not 腾讯营收, not 比亚迪汽车销量)
            span = blocked(i - 1)
            if (span[2] and i < end and text[i] not in _PRODUCT_NOT and not _HEAD_START.match(text, i)
                    and _HEAD_START.match(text, i + 1)):
                i = max(lo, span[0])
            break
        if i < end and text[i - 1:i + 1] not in _NO_SPLIT and _NP_STOP.search(text, max(lo, i - 3), i):
            break
        i -= 1
    # never cut inside an alphanumeric token: 5G基站, 4K面板
    while lo < i < end and text[i - 1].isascii() and text[i - 1].isalnum() and text[i].isascii() \
            and text[i].isalnum() and not blocked(i - 1):
        i -= 1
    np = text[i:end]
    if i > lo and text[i - 1] == "等" and re.match(r"地(?![区域])", np):
        np = np[1:]  # 山东、河南等地拥有…: 等地 closes a list of places
    # 智能电动汽车等创新业务分部收入 -> 创新业务分部收入
    np = re.split(r"等(?:地(?![区域]))?", np)[-1]
    if not need_head:
        return np
    return np if ENDS_IN_HEAD.search(np) else ""


def counted_noun(raw: str) -> str:
    """The counted noun of a noun phrase read back from a count, cut at a word boundary.

    在全国运营的回收工厂 -> 回收工厂; 新开和恢复国内外航线 -> 国内外航线; 预计到 -> ''.
    """
    raw = raw.split("的")[-1]
    raw = _OWN_VERB.split(raw)[-1] or raw  # 在浙江湖州拥有一座年处理能力 -> 一座年处理能力
    raw = _ONE_OF.sub("", raw)  # 一座年处理能力 -> 年处理能力
    raw = clean_phrase(raw)
    prev = None
    while raw != prev:
        prev = raw
        raw = _COUNT_VERB.sub("", raw)
        raw = _AFTER_JUNK_VERB.sub("", raw)
        raw = JUNK_START.sub("", raw)
    m = LINK_TAIL.search(raw)
    if m and m.start() < len(raw):
        raw = raw[:m.start()]
    if _PLAN_WORD_END.search(raw):
        return ""  # 预计到 names no measure
    return raw
