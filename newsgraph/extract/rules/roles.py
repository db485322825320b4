"""Roles: a person's title at an organization, as an article writes it. Pure functions.

    >>> ents = [(0, 2, "Company", "小米集团"), (5, 7, "Person", "雷军")]
    >>> [r for _, _, r in find_roles("小米创始人雷军表示", ents)]
    [RoleCandidate(person='雷军', org='小米集团', title='创始人')]

``find_roles`` reads appositions over the entities already found (小米创始人雷军, 雷军（小米集团
董事长）, 余承东担任华为常务董事) and announcement phrasing (聘任陆正中为副总经理, 张三接任公司总经理,
李四辞去董事会秘书职务, 非独立董事王五); an officer's title with no organization named in a
sentence about 公司/董事会 is at the document's company (``appointments.document_company``).
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .appointments import appointee_spans, appointment_pattern, officer_title
from .entities import load_titles
from .punctuation import CLAUSE_MARKS, SENTENCE_END
from .vocab import alternation

__all__ = ["RoleCandidate", "find_roles"]

Entity = tuple[int, int, str, str]  # start, end, type, name


@dataclass(frozen=True, slots=True)
class RoleCandidate:
    """A person's title at an organization, as written (小米创始人雷军). ``org`` is None when
    no organization is named next to the title (行长张三). The pipeline adds provenance and
    makes a ``model.Role`` of it."""

    person: str
    org: str | None
    title: str


@dataclass(frozen=True, slots=True)
class _RolePatterns:
    titles: re.Pattern[str]
    before: re.Pattern[str]  # org … person: the gap between them
    chain_end: re.Pattern[str]  # a chain of titles ending where the person starts
    bracket: re.Pattern[str]  # after person（org: the rest up to ）
    comma: re.Pattern[str]  # after person，org: the titles up to ，
    serve: re.Pattern[str]  # after a person: 担任 (org then titles follow)
    after_serve: re.Pattern[str]  # after 担任 org


# A unit inside the organization before the title: 交通运输行业分析师, 终端BG董事长.
_QUALIFIER = r"(?:[\u4e00-\u9fffA-Za-z]{1,8}?(?:" + alternation("title_unit_words.txt") + "))?"
# Words that qualify a title without a unit: 代理发言人, 独立非执行董事, 执行副主席.
_MODIFIER = r"(?:代理|候任|资深|独立|执行)?"
# Separate roles are listed with 、/和; 兼 joins the titles of one role (董事长兼总裁).
_CHAIN_SEP = re.compile(r"\s*[、及和与/]\s*")


@functools.lru_cache(maxsize=8)
def _role_patterns(titles: frozenset[str]) -> _RolePatterns:
    alts = "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True))
    one = f"{_QUALIFIER}{_MODIFIER}(?:{alts})"
    chain = f"{one}(?:(?:[、兼及和与/]|\\s)*{one})*"
    return _RolePatterns(
        titles=re.compile(f"(?:{alts})"),
        before=re.compile(f"(?:\\s*[（(][^（）()]{{1,24}}[）)])?(?:的|公司|集团)?\\s*(?P<c>{chain})\\s*的?"),
        chain_end=re.compile(f"(?P<m>某[\u4e00-\u9fff]{{1,4}}?)?(?P<c>{chain})\\s*$"),
        bracket=re.compile(f"(?:的)?\\s*(?P<c>{chain})\\s*[）)]"),
        comma=re.compile(f"(?:的)?\\s*(?P<c>{chain})(?=[，,。；;])"),
        serve=re.compile("(?:" + alternation("office_adverbs.txt") + ")?(?:" + alternation("office_verbs.txt") + ")"),
        after_serve=re.compile(f"(?:的)?\\s*(?P<c>{chain})"),
    )


_BOARD_BODY = re.compile("^(?:董事会|监事会)|^(?:" + alternation("board_committees.txt") + ")委员会$")
_ANAPHOR = re.compile(r"(?:(?:该|本|这家)?(?:公司|集团)|该行|本行)$")
_HOUSE = re.compile(r"公司|董事会|监事会|股东大会")
_HOUSE_LEADS = (re.compile(r"(?:本公司|公司|该公司|该行|本行)?"),
                re.compile(r"(?:本公司|公司|该公司)?(?:第.{1,3}届董事会|董事会|监事会)?"))
# A title after these is what another person was made (赵六任执行董事 郑七): not the next name's.
_PREDICATE_END = re.compile(r"(?:任|为)$")
# Between a person and 担任 + organization: the next item of a list (张三、现任…, 李四，及现任…).
_LIST_GAP = re.compile(r"[、；;]|^[，,]?(?:及|和|以及)")
# Leaving an office may be said long after the name: 洪七因任职年龄原因，申请辞去该行董事长一职.
_LEAVE_VERB = re.compile(r"辞|不再|卸任|免去")
# Before the organization a person joined or works at: 加入远航科技，担任…
_JOIN = re.compile(r"(?:加入|进入|就职于|任职于|供职于)$")
_SENTENCE_END = re.compile("[" + re.escape(SENTENCE_END) + "\n]")


def _opens_with(text: str, begin: int, pos: int, name: str) -> bool:
    """Does a clause of the sentence before ``pos`` open with ``name``: 远航科技公布，主席…,
    文中提到，远航科技发布公告称，…; not …，及现任远航科技…"""
    i = text.find(name, begin, pos)
    while i >= 0:
        before = text[begin:i].rstrip(" \u30000123456789年月日")
        if not before or before[-1] in CLAUSE_MARKS:
            return True
        i = text.find(name, i + 1, pos)
    return False


def _split_chain(chain: str, titles: re.Pattern[str]) -> list[str]:
    """创始人、董事长兼CEO -> [创始人, 董事长兼CEO]; a part keeps its unit (终端BG董事长)."""
    parts: list[str] = []
    for part in _CHAIN_SEP.split(chain.strip()):
        if part and any(m.end() == len(part) for m in titles.finditer(part)) and part not in parts:
            parts.append(part)
    return parts


class _RoleReader:
    """The roles of one text: one method per phrasing, each returning whether it read one."""

    def __init__(self, text: str, entities: Sequence[Entity], titles: frozenset[str], default_org: str | None):
        self.text, self.default_org = text, default_org
        self.pats = _role_patterns(titles)
        self.appointed = {s: (e, m) for m in appointment_pattern(titles).finditer(text) for s, e in appointee_spans(m)}
        self.ents = sorted(entities, key=lambda e: (e[0], -e[1]))
        self.orgs = [e for e in self.ents if e[2] in ("Company", "Organization")]
        self.org_at = {e[0]: e for e in self.orgs}
        self.org_starts = [e[0] for e in self.orgs]
        self.out: list[tuple[int, int, RoleCandidate]] = []

    def house(self, pos: int, chain: str) -> str | None:
        """The document's company for an officer's title in a sentence about 公司/董事会 or one
        that opens with that company's name."""
        if self.default_org is None or not officer_title(chain):
            return None
        text = self.text
        begin = max(text.rfind(ch, 0, pos) for ch in SENTENCE_END + "\n") + 1
        stop = _SENTENCE_END.search(text, pos)
        stop_at = stop.start() if stop else len(text)
        if _HOUSE.search(text, begin, stop_at) or _opens_with(text, begin, pos, self.default_org):
            return self.default_org
        return None

    def emit(self, start: int, end: int, person: str, org: str | None, m: re.Match[str]) -> None:
        if org is not None and _BOARD_BODY.search(org):
            org = self.default_org  # 董事会提名委员会主席: the chair of a committee of the company's board
        for part in _split_chain(m.group("c"), self.pats.titles):
            self.out.append((start, end, RoleCandidate(person, org, part)))

    def appointment(self, ps: int, pe: int, pname: str) -> bool:
        """聘任 person 为 (org) titles."""
        end, a = self.appointed.get(ps, (None, None))
        if a is None or end != pe:
            return False
        inner = [o for o in self.orgs if a.start("org") >= 0 and a.start("org") <= o[0] < a.end("org")]
        chain = self.pats.after_serve.match(self.text, a.start("title"))
        org = inner[0][3] if inner else self.house(ps, chain.group("c"))
        self.emit(ps, chain.end("c"), pname, org, chain)
        return True

    def org_titles_before(self, ps: int, pe: int, pname: str) -> bool:
        """org (的) titles person, and a list of them: 香港交易所（00388.HK）独立董事、北辰集团董事张三."""
        hit = self._org_before(ps)
        if hit is None:
            return False
        self.emit(hit[0], pe, pname, hit[1], hit[2])
        while hit[0] > 0 and self.text[hit[0] - 1] in "、，,":
            hit = self._org_before(hit[0] - 1)
            if hit is None:
                break
            self.emit(hit[0], pe, pname, hit[1], hit[2])
        return True

    def _org_before(self, pos: int) -> tuple[int, str, re.Match[str]] | None:
        hit = None
        # Only organizations starting near the person: a title chain is short, and trying every
        # earlier one made a long line cost the square of its length.
        for os_, oe, _, oname in (self.orgs[i] for i in range(bisect_left(self.org_starts, pos - 200), len(self.orgs))):
            if oe > pos:
                break
            m = self.pats.before.fullmatch(self.text, oe, pos)
            if m:
                hit = (os_, oname, m)
        return hit

    def titles_before(self, ps: int, pe: int, pname: str) -> bool:
        """titles person with no organization right before: 某银行行长张伟, 公司首席执行官周启明."""
        text = self.text
        m = self.pats.chain_end.search(text, max(0, ps - 40), ps)
        if not m or _PREDICATE_END.search(text, max(0, m.start() - 1), m.start()):
            return False
        org_name = None
        a = _ANAPHOR.search(text, max(0, m.start() - 4), m.start())
        if a and not m.group("m"):
            prev = [o for o in self.orgs if o[1] <= a.start() and o[2] == "Company"]
            if prev:
                org_name = prev[-1][3]
        if org_name is None and not m.group("m"):
            org_name = self.house(ps, m.group("c"))
            a = None
        self.emit(a.start() if a and org_name else m.start(), pe, pname, org_name, m)
        return True

    def apposition_after(self, ps: int, pe: int, pname: str) -> bool:
        """person（org titles） / person，org titles，"""
        text = self.text
        if pe >= len(text) or text[pe] not in "（(，,":
            return False
        org = self.org_at.get(pe + 1)
        if org is not None:
            pat = self.pats.bracket if text[pe] in "（(" else self.pats.comma
            m = pat.match(text, org[1])
            if m:
                self.emit(ps, m.end() if text[pe] in "（(" else m.end("c"), pname, org[3], m)
        return True

    def serving(self, ps: int, pe: int, pname: str) -> None:
        """person … 担任/兼任 org titles (or 接任公司总经理, 辞去董事会秘书职务 at the document's
        company), in the same sentence with no other person between."""
        text = self.text
        stop = _SENTENCE_END.search(text, pe)
        limit = min(stop.start() if stop else len(text), pe + 60)
        others = [e[0] for e in self.ents if e[2] == "Person" and pe <= e[0] < limit]
        if others:
            limit = min(limit, others[0])
        for v in self.pats.serve.finditer(text, pe, limit):
            if _LIST_GAP.search(text[pe:v.start()]):
                return
            if v.end() in self.org_at:
                org = self.org_at[v.end()]
                m = self.pats.after_serve.match(text, org[1])
                if m:
                    self.emit(ps, m.end("c"), pname, org[3], m)
                    return
            elif self._joined(ps, pe, pname, v):
                return
            elif v.start() - pe <= 6 or (v.start() - pe <= 20 and _LEAVE_VERB.search(v.group())):
                m = None
                for lead in _HOUSE_LEADS:
                    m = m or self.pats.after_serve.match(text, lead.match(text, v.end()).end())
                org_name = self.house(ps, m.group("c")) if m else None
                if org_name:
                    self.emit(ps, m.end("c"), pname, org_name, m)
                    return


    def _joined(self, ps: int, pe: int, pname: str, v: re.Match[str]) -> bool:
        """person 加入/就职于 org，担任 titles: the organization joined."""
        text = self.text
        joined = [o for o in self.orgs if pe < o[0] and o[1] <= v.start()
                  and _JOIN.search(text, max(pe, o[0] - 4), o[0])]
        m = self.pats.after_serve.match(text, v.end())
        if not joined or not m:
            return False
        self.emit(ps, m.end("c"), pname, joined[-1][3], m)
        return True


def find_roles(
    text: str,
    entities: Sequence[Entity],
    titles: Iterable[str] | None = None,
    default_org: str | None = None,
) -> list[tuple[int, int, RoleCandidate]]:
    """Person–organization–title appositions over found entities ``(start, end, type, name)``:

    - org (的) titles person: 小米创始人雷军, 宁德时代董事长曾毓群, 腾讯的总裁刘炽平, 海岳证券
      交通运输行业分析师宋立文 (the unit stays in the title: 交通运输行业分析师);
    - titles person with no organization named: 某银行行长张伟, 行长张伟 (``org=None``);
    - person（org titles）, person，org titles，, person担任org titles: 雷军（小米集团董事长）,
      王传福，比亚迪董事长兼总裁，, 余承东担任华为常务董事.

    One role per title listed (创始人、董事长兼CEO -> 创始人, 董事长兼CEO: 兼 joins one title);
    a title after 公司/该公司/集团 belongs to the company named last before it (公司首席执行官
    周启明 in an article about 远航科技). The span covers the whole apposition.

    Announcement phrasing: 聘任/委任/提名/选举 person 为 (org) titles, person 接任/辞去/现任/新任/
    不再担任 (org) titles, and a company officer's title before a person (非独立董事王五); with no
    organization named, an officer's title in a sentence that speaks of 公司/本公司/董事会 (or opens
    with the company's name) is at ``default_org``, the document's company."""
    reader = _RoleReader(text, entities, frozenset(titles) if titles is not None else load_titles(),
                         default_org)
    for ps, pe, ptype, pname in reader.ents:
        if ptype != "Person":
            continue
        if not (reader.appointment(ps, pe, pname) or reader.org_titles_before(ps, pe, pname)
                or reader.titles_before(ps, pe, pname) or reader.apposition_after(ps, pe, pname)):
            reader.serving(ps, pe, pname)
    reader.out.sort(key=lambda r: (r[0], r[1]))
    return reader.out
