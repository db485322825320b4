"""Which spans of the NER model become entity candidates, and of which type.

The model is the primary source of people, companies and organizations; this layer only
throws out what is not a name (a span of punctuation, a bare 民政局) and types the model's
organizations: a span ending in a company word (``data/company_words.txt``) is a Company, one
ending in an organization word (``data/organization_words.txt``: 政府, 大学, 协会, 交易所 …)
an Organization, anything else keeps the model's own label; a span over a company and one of
its departments (``data/department_words.txt``: …有限公司|公关部) is the company. Pure functions.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterable, Sequence

from .vocab import lines

_CJK_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_DOTTED_NAME = re.compile(r"^[\u4e00-\u9fff]{1,8}(?:[·•．][\u4e00-\u9fff]{1,8}){1,3}$")
_HYPHEN_NAME = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:-[\u4e00-\u9fff]{2,8}){1,2}$")  # 索尔-坎贝尔
_LONG_NAME = re.compile(r"^[\u4e00-\u9fff]{5,7}$")  # 佐佐江贤一郎: only when the model is very sure
LONG_NAME_MIN = 0.9
_LATIN_NAME = re.compile(r"^[A-Z][a-zA-Z'\-]+(?: [A-Z][a-zA-Z'\-]+){1,3}$")
_LATIN_SINGLE = re.compile(r"^[A-Z][a-z]{2,}$")  # Svensson, Riddick: one word, when the model is sure
_CLEAN = re.compile(r"^[\w·•&\-. （）()]+$")
MIN_CONFIDENCE = 0.5  # below it a span needs the rules' agreement
PERSON_NO_SURNAME_MIN = 0.6  # a person whose first character is no listed surname
LABEL_TYPES = {"name": "Person", "company": "Company", "organization": "Organization",
               "government": "Organization"}


@functools.lru_cache(maxsize=None)
def _words(name: str) -> frozenset[str]:
    return frozenset(lines(name))


@functools.lru_cache(maxsize=None)
def _ending(name: str) -> re.Pattern[str]:
    words = sorted(_words(name), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, words)) + ")$")


@functools.lru_cache(maxsize=1)
def _titles_re() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(_words("titles.txt"), key=len, reverse=True))))


def generic_organization(name: str) -> bool:
    """A kind of body (民政局, 地方政府), not a named one."""
    return name in _words("generic_organizations.txt")


def org_type(name: str, label_type: str) -> str:
    """Company or Organization for an organization-like span, by its last word."""
    company = _ending("company_words.txt").search(name)
    org = _ending("organization_words.txt").search(name)
    if company and org:
        return "Company" if company.start() > org.start() else "Organization"
    if org:
        return "Organization"
    if company:
        return "Company"
    return label_type


@functools.lru_cache(maxsize=1)
def _company_word_re() -> re.Pattern[str]:
    words = sorted(_words("company_words.txt"), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def company_before_department(name: str) -> int | None:
    """Where the company ends in a span that names one of its departments (海岳置业有限公司|公关部,
    链城地产|市场研究部, 交通银行深圳分行|信用卡部), or None."""
    org = _ending("organization_words.txt").search(name)
    if not _ending("department_words.txt").search(name) or (org and org.group() not in _words("department_words.txt")):
        return None  # 俱乐部, 部队 are no departments
    last = None
    for m in _company_word_re().finditer(name):
        last = m
    if last is None or last.end() == len(name) or len(name) - last.end() > 6 or last.end() < 3:
        return None
    return last.end()


def _word_not_name(text: str, start: int, end: int) -> bool:
    """A name-shaped span that is a word: it ends like one (高端化, data/non_name_endings.txt) or
    lies inside a listed term (派发现金红利, data/person_lookalike_terms.txt)."""
    if end - start >= 3 and text[end - 1] in _words("non_name_endings.txt"):
        return True  # 覃化: a one-character given name may end so
    for term in _words("person_lookalike_terms.txt"):
        first = max(0, end - len(term))
        at = text.find(term, first, start + len(term))
        if at != -1 and at <= start and end <= at + len(term):
            return True
    return False


def plausible(text: str, start: int, end: int, kind: str, confidence: float,
              surnames: Collection[str], min_confidence: float = MIN_CONFIDENCE) -> bool:
    """A span shaped like a name of its kind that the model is sure enough of."""
    span = text[start:end]
    if kind == "Person" and len(span) == 1:
        # 江主席, 李总理: a leader named by surname and title
        return confidence >= min_confidence and span in surnames and _titles_re().match(text, end) is not None
    if confidence < min_confidence or len(span) < 2 or not _CLEAN.match(span) or span != span.strip():
        return False
    if kind == "Person":
        if _LATIN_NAME.match(span) or _DOTTED_NAME.match(span) or _HYPHEN_NAME.match(span):
            return True
        if _LATIN_SINGLE.match(span):
            return confidence >= PERSON_NO_SURNAME_MIN and span.lower() not in _words("latin_non_names.txt")
        if _LONG_NAME.match(span):
            return confidence >= LONG_NAME_MIN
        if not _CJK_NAME.match(span) or _word_not_name(text, start, end):
            return False
        return span[:2] in surnames or span[0] in surnames or confidence >= PERSON_NO_SURNAME_MIN
    if span.isdigit() or generic_organization(span):
        return False
    return True


def model_candidates(text: str, scored: Iterable[tuple[int, int, str, float]],
                     surnames: Collection[str], min_confidence: float = MIN_CONFIDENCE):
    """``(start, end, type, confidence)`` for the model's spans that may become entities."""
    out = []
    for start, end, label, confidence in scored:
        kind = LABEL_TYPES.get(label)
        if kind is None:
            continue
        if label == "company":  # the model's company over a department; a ministry is no company's
            cut = company_before_department(text[start:end])
            end = start + cut if cut else end
        if kind != "Person":
            kind = org_type(text[start:end], kind)
        if plausible(text, start, end, kind, confidence, surnames, min_confidence):
            out.append((start, end, kind, confidence))
    return out
