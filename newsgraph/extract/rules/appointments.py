"""People named in appointment phrasing and the company a document is about. Pure functions.

    >>> [(s, e, c.name) for s, e, c in find_appointees("董事会同意聘任陆正中为副总经理")]
    [(7, 10, '陆正中')]

``find_appointees``: the person after an appointment verb and before 为 + a title
(聘任陆正中为副总经理, 委任何咏欣为公司秘书, 选举王某为董事长). The pattern settles what the
characters around the name would otherwise blur: 委任何咏欣 has no 任何, 聘任庄华为公司总经理 has
no 华为公司. ``document_company``: the company an announcement is about, for titles whose
sentence names none (本公司副总经理).
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from .entities import EntityCandidate, Match, load_titles
from .vocab import alternation, lines


@functools.lru_cache(maxsize=None)
def _lines(name: str) -> tuple[str, ...]:
    return tuple(sorted(set(lines(name)), key=lambda w: (-len(w), w)))


@functools.lru_cache(maxsize=8)
def appointment_pattern(titles: frozenset[str]) -> re.Pattern[str]:
    verbs = "|".join(map(re.escape, _lines("appointment_verbs.txt")))
    alts = "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True))
    return re.compile(
        f"(?:{verbs})(?:了)?(?P<list>(?:[\u4e00-\u9fff]{{2,3}}[、和及])*?)(?P<name>[\u4e00-\u9fff]{{2,3}}?|[\u4e00-\u9fff]{{1,6}}·[\u4e00-\u9fff]{{1,8}})"
        f"(?:先生|女士)?为(?P<org>[\u4e00-\u9fffA-Za-z]{{2,16}}?的?)??"
        f"(?:第.{{1,3}}届董事会|董事会|监事会)?(?P<title>{alts})"
    )


_NOT_NAME = re.compile("^(?:" + alternation("not_appointee_words.txt") + ")")


def appointee_spans(m: re.Match[str]) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each name an ``appointment_pattern`` match appoints: 任命韩一、
    段二为副总经理 -> 韩一, 段二."""
    spans = []
    at = m.start("list")
    for part in re.split("[、和及]", m.group("list"))[:-1]:
        spans.append((at, at + len(part)))
        at += len(part) + 1
    spans.append(m.span("name"))
    return [(s, e) for s, e in spans if not _NOT_NAME.match(m.string[s:e])]


def find_appointees(text: str, titles: Iterable[str] | None = None) -> list[Match]:
    """Persons appointed in announcement phrasing: 聘任陆正中为副总经理 -> 陆正中; 任命韩一、段二为
    副总经理 -> 韩一, 段二."""
    pat = appointment_pattern(frozenset(titles) if titles is not None else load_titles())
    return [(s, e, EntityCandidate("Person", text[s:e], "appoint"))
            for m in pat.finditer(text) for s, e in appointee_spans(m)]


def officer_title(title: str) -> bool:
    """A company officer's title (副总经理, 董事会秘书), not a profession (分析师, 记者)."""
    return any(w in title for w in _lines("officer_titles.txt"))


# After the name of the company an article is about: its stock code or a price quote
# (北辰科技(02233), 海岳银行（00988.HK）) or its announcement (海岳基金发布人员变更公告, 北辰银行公告称).
_CODE_AFTER = re.compile(
    r"\s*(?:-[A-Z]{1,2})?\s*[（(]\s*(?:\d{4,6}|[A-Z]{1,5}[.:]|\d+\.\d+\s*[,，])"
    r"|(?:\d{1,2}月)?(?:\d{1,2}日)?(?:晚间|早间|晚)?(?:发布|披露)?[^，。！？\n]{0,10}?公告"
)


def document_company(mentions: Sequence[tuple[int, int, str, str]], text: str | None = None) -> str | None:
    """The company an article is about: with ``text``, the one named most often among those named
    with a stock code, a price quote or an announcement (北辰科技(02233), 海岳基金发布公告); else the
    Company named most often
    in ``(start, end, type, name)`` mentions (first on ties). A media site named in every page's
    chrome (新浪财经) has no stock code."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    coded: set[str] = set()
    for start, end, typ, name in mentions:
        if typ == "Company":
            counts[name] = counts.get(name, 0) + 1
            first.setdefault(name, start)
            if text is not None and _CODE_AFTER.match(text, end):
                coded.add(name)
    if not counts:
        return None
    return min(counts, key=lambda n: (n not in coded, -counts[n], first[n]))
