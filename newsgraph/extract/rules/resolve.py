"""Canonical names and entity resolution within an article. Pure functions, stdlib only.

    >>> normalize_name("小米集团-W"), normalize_name("深圳远航科技有限公司"), normalize_name("Ｔｅｓｌａ, Inc.")
    ('小米集团', '深圳远航科技', 'tesla')
    >>> resolution_key("Company", "腾讯控股")
    'company:腾讯控股'

``resolve_article`` groups an article's mentions into entities. The rule (also in
README.md, "Entity resolution"): a name the gazetteer knows resolves to the gazetteer's canonical
name, in every article (腾讯 / 腾讯控股 / Tencent -> 腾讯控股). A name it does not know resolves
only inside its own article: a short form (远航科技, 远航) joins the one full name of that
article that contains it (深圳远航科技有限公司); a short form that no full name of the article
contains stays its own entity, and one that two of them contain is not guessed. Across articles
the key is type + canonical name, so two unknown companies called 远航 in their own articles
(深圳远航科技 and 远航物流) never merge.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .ner_filter import generic_organization
from .vocab import lines

if TYPE_CHECKING:  # pragma: no cover - annotations only, no import cycle at run time
    from .entities import EntityCandidate, Gazetteer
__all__ = [
    "ResolvedEntity",
    "fold",
    "normalize_name",
    "resolution_key",
    "resolve_article",
    "short_forms",
    "strip_place",
]

# Full-width ASCII -> ASCII, ideographic space -> space; same length, so offsets survive.
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20
_HALFWIDTH = str.maketrans(_FULLWIDTH)
# ... and ASCII upper -> lower: what the gazetteer matcher compares (length-preserving).
_FOLD = str.maketrans({**_FULLWIDTH, **{cp: cp + 32 for cp in range(0x41, 0x5B)}})


def fold(text: str) -> str:
    """Full-width ASCII to half-width and ASCII letters to lower case; keeps every offset."""
    return text.translate(_FOLD)


_LEGAL_SUFFIX = re.compile(
    r"(?:[（(][\u4e00-\u9fff]{2,4}[）)])?(?:股份有限公司|有限责任公司|有限公司|股份公司"
    r"|[,，]?\s*(?:inc|ltd|co|corp|corporation|limited|llc|plc|gmbh|ag|s\.?a)\.?"
    r"|[,，]?\s*co\.?,?\s*ltd\.?)$",
    re.IGNORECASE,
)
_STOCK_MARK = re.compile(r"-(?:SW|WR|W|S|U)$", re.IGNORECASE)
_STOCK_CODE = re.compile(r"[（(]\s*(?:[A-Za-z]{2,6}\s*[:：]\s*)?[0-9A-Za-z]{2,6}(?:\.[A-Za-z]{1,3})?\s*[）)]$")
_SPACES = re.compile(r"\s+")
# 集团公司 -> 集团, 科技公司 -> 科技: "公司" after another company word adds nothing.
_TAIL_GONGSI = re.compile("(?:" + "|".join(f"(?<={w})" for w in lines("gongsi_after_words.txt")) + ")公司$")


@functools.lru_cache(maxsize=65536)
def normalize_name(s: str, casefold: bool = True) -> str:
    """Surface form -> the form names are compared and keyed by.

    Full-width Latin/digits to half-width, spaces removed (between two Latin words one space is
    kept), Latin case-folded, a trailing stock code (00700.HK), stock marker (-W, -SW, -U) and
    legal suffix (股份有限公司, 有限责任公司, 有限公司, Inc., Ltd., Co., Corp.) removed. A place
    prefix (深圳, 北京市) is kept: ``strip_place`` gives the short form. ``casefold=False``
    keeps the Latin case, for names shown to people (CYVN Holdings).
    """
    s = s.translate(_HALFWIDTH).strip()
    s = _SPACES.sub(" ", s)
    s = re.sub(r"(?<![A-Za-z0-9]) | (?![A-Za-z0-9])", "", s)  # keep spaces only inside Latin
    for _ in range(3):
        before = s
        s = _STOCK_CODE.sub("", s).strip()
        s = _STOCK_MARK.sub("", s)
        stripped = _LEGAL_SUFFIX.sub("", s).strip(" ,，")
        if stripped:
            s = stripped
        stripped = _TAIL_GONGSI.sub("", s)
        if len(stripped) >= 2:
            s = stripped
        if s == before:
            break
    if not casefold:
        return s
    return s.casefold() if s.isascii() else _casefold_latin(s)


def _casefold_latin(s: str) -> str:
    return "".join(ch.lower() if "A" <= ch <= "Z" else ch for ch in s)


def resolution_key(type: str, canonical: str) -> str:  # noqa: A002 - the contract's field name
    """Deterministic cross-article key of a resolved entity: ``"company:腾讯控股"`` (type-qualified;
    the graph's node key is ``newsgraph.model.entity_key``, the name alone)."""
    return f"{type.strip().lower()}:{normalize_name(canonical)}"


_PLACES = lines("company_place_prefixes.txt")
_PLACE_PREFIX = re.compile(
    "^(?:" + "|".join(sorted(_PLACES, key=len, reverse=True)) + r")(?:省|市|自治区|特别行政区)?(?:[^\x00-\x7f]{0,3}?区)?"
)
# The stem of a company name: what is left when these words are taken off the end.
_COMPANY_WORD = "(?:" + "|".join(lines("company_stem_words.txt")) + ")"
_WEAK_SUFFIX = re.compile(_COMPANY_WORD + "+$")
_LAST_WORD = re.compile(_COMPANY_WORD + "$")
# Words that only say "the group of": 远航物流集团 is 远航物流.
_HOLDING_WORD = re.compile(r"(?:集团|控股|股份)$")


def strip_place(name: str) -> str:
    """深圳远航科技 -> 远航科技; a name that is only a place, or a place and a kind of body
    (宁波市政府, not 政府), stays as it is."""
    short = _PLACE_PREFIX.sub("", name, count=1)
    return short if len(short) >= 2 and not generic_organization(short) else name


@functools.lru_cache(maxsize=16384)
def short_forms(name: str) -> tuple[str, ...]:
    """Forms an article may use for an (unknown) company after naming it in full, longest first:
    深圳远航科技有限公司 -> (深圳远航科技, 远航科技, 远航)."""
    forms: list[str] = []
    base = normalize_name(name, casefold=False)
    for form in (base, strip_place(base)):
        if form not in forms:
            forms.append(form)
        core = form
        while (shorter := _LAST_WORD.sub("", core)) != core and len(shorter) >= 2:
            core = shorter  # 远航物流集团 -> 远航物流 -> 远航
            if core not in forms:
                forms.append(core)
        if " " in form and form.isascii():
            first = form.split(" ")[0]
            if len(first) >= 3 and first not in forms:
                forms.append(first)  # CYVN Holdings -> CYVN
    return tuple(sorted(forms, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class ResolvedEntity:
    type: str
    name: str  # canonical: the gazetteer's name, else see resolve_article
    aliases: tuple[str, ...]  # surface forms seen, in order of first mention
    mentions: tuple[tuple[int, int, str], ...]  # (start, end, text), sorted

    @property
    def key(self) -> str:
        return resolution_key(self.type, self.name)


# A mention already covered by this many characters of a full name is not a short form of it.
_MIN_SHORT = 2
_ANY_COMPANY = ("Company", "Organization")


def _contains(full: str, short: str) -> bool:
    """Is ``short`` a short form of ``full``? Substring of the full name or of its short forms
    (after legal suffix and place prefix); at least two characters."""
    if len(short) < _MIN_SHORT or short == full:
        return False
    if short in full:
        return True
    return any(short in form for form in short_forms(full))


def resolve_article(
    mentions: Iterable[tuple[int, int, EntityCandidate]],
    gazetteer: Gazetteer | None = None,
    text: str | None = None,
) -> list[ResolvedEntity]:
    """Group one article's mentions into entities with canonical names.

    ``mentions`` are ``(start, end, EntityCandidate)`` with overlaps already settled (e.g. by
    ``entities.find_entities``). With ``text`` the mention texts are ``text[start:end]``, and the
    article is scanned once more for the other mentions of what it names: the short forms of its
    unknown companies (深圳远航科技有限公司 … 远航科技 … 远航) and the full names of its people.
    Without ``text`` a mention's text is the candidate's name.

    Canonical names: the gazetteer's; for a person the name; for an unknown company the
    shortest form seen that still ends in a company word, without place prefix and legal suffix
    (深圳远航科技有限公司 + 远航科技 + 远航 -> 远航科技; 远航物流集团 + 远航物流 -> 远航物流).
    A short form inside two full names goes to the one the article is about (more mentions
    than all the others together), else it stays its own entity. Result: by first mention.
    """
    items = sorted(((s, e, c) for s, e, c in mentions), key=lambda m: (m[0], -m[1]))
    resolved = _keyed(items, gazetteer, text)  # 1. a key per mention
    known = {n for _, _, t, n, _ in resolved if t != "Person" and gazetteer is not None
             and gazetteer.lookup(n) is not None}
    if text is not None:  # 2. more mentions of the same names in the rest of the text
        resolved = _more_mentions(text, resolved, known)
    # 3. link the unknown names to the full names that contain them
    counts: dict[str, int] = {}
    types: dict[str, str] = {}
    for _, _, t, n, _ in resolved:
        if t in _ANY_COMPANY and n not in known:
            counts[n] = counts.get(n, 0) + 1
            types.setdefault(n, t)
    link = _links(counts)
    groups: dict[tuple[str, str], list[tuple[int, int, str]]] = {}
    for s, e, typ, name, surf in resolved:
        if name in counts:
            name = _final(link, name)
            typ = types[name]
        groups.setdefault((typ, name), []).append((s, e, surf))
    shown = _shown_names(groups, counts, known, gazetteer)  # 4. display names
    out = []
    for (typ, name), ms in groups.items():
        ms = sorted(set(ms))
        aliases = tuple(dict.fromkeys(surf for _, _, surf in ms))
        out.append(ResolvedEntity(typ, shown[(typ, name)], aliases, tuple(ms)))
    out.sort(key=lambda r: r.mentions[0][:2])
    return out


def _keyed(items: Sequence[tuple[int, int, EntityCandidate]], gazetteer: Gazetteer | None,
           text: str | None) -> list[tuple[int, int, str, str, str]]:
    """(start, end, type, key name, surface) per mention: the gazetteer's canonical name, else the
    normalized name; an alias written inside another company's name (格力集团, 北京中信) is that
    other company."""
    resolved: list[tuple[int, int, str, str, str]] = []
    covered = _covered(text, items)
    for s, e, cand in items:
        surf = text[s:e] if text is not None else cand.name
        entry = None
        if gazetteer is not None and cand.type != "Person":
            entry = gazetteer.lookup(cand.name) or gazetteer.lookup(surf)
        glued = _glued_name(text, s, e, entry, gazetteer, covered) if entry is not None else None
        if glued is not None:
            s, e = glued
            surf = text[s:e]
            resolved.append((s, e, entry.type, normalize_name(surf, False), surf))
        elif entry is not None:
            resolved.append((s, e, entry.type, entry.canonical, surf))
        else:
            name = cand.name if cand.type == "Person" else normalize_name(cand.name, False) or cand.name
            resolved.append((s, e, cand.type, name, surf))
    return resolved


def _shown_names(groups: dict[tuple[str, str], list[tuple[int, int, str]]], counts: dict[str, int],
                 known: set[str], gazetteer: Gazetteer | None) -> dict[tuple[str, str], str]:
    """The name each entity is shown by. An unknown company's short display name must not collide
    with another entity's (北京远航科技 and 深圳远航科技 in one article; an unknown 深圳腾讯控股 and
    the gazetteer's): then it keeps its full name."""
    shown: dict[tuple[str, str], str] = {}
    for (typ, name), ms in groups.items():
        if name not in counts:
            shown[(typ, name)] = name
            continue
        aliases = list(dict.fromkeys(surf for _, _, surf in sorted(ms)))
        display = _display_name(name, aliases)
        if display != name and (display in known or (gazetteer is not None and gazetteer.lookup(display))):
            display = name
        shown[(typ, name)] = display
    clash: dict[str, int] = {}
    for shown_name in shown.values():
        clash[shown_name] = clash.get(shown_name, 0) + 1
    for (typ, name), display in shown.items():
        if clash[display] > 1 and display != name:
            shown[(typ, name)] = name
    return shown


_EXTENSION_RE = re.compile("|".join(lines("company_name_extensions.txt")))
# Before a place glued to a name, these make the place where something happens (在北京中信……
# is 中信 in Beijing), not part of the name.
_PLACE_VERBS = frozenset("在于到赴从往去来驻")


def _covered(text: str | None, items: Sequence[tuple[int, int, object]]) -> bytearray:
    covered = bytearray(len(text) + 1 if text is not None else 0)
    if text is not None:
        for s, e, _ in items:
            covered[s:e] = b"\x01" * (e - s)
    return covered


def _glued_name(text: str | None, s: int, e: int, entry, gazetteer, covered: bytearray) -> tuple[int, int] | None:
    """The span of a longer, different company name a gazetteer alias is written inside, or None.

    格力集团 holds 格力 (an alias of 格力电器): a group word after an alias of a company whose
    name ends in another business word names that company's parent. 北京中信 holds 中信: a place
    glued before an alias of a company whose name does not begin with that place names a company
    of its own (as an unknown 深圳腾讯控股 is not the gazetteer's). The longer form must not be
    the same entry's alias, nor overlap another mention.
    """
    if text is None or gazetteer is None:
        return None
    canonical = entry.canonical
    ext = _EXTENSION_RE.match(text, e)
    if (ext and _HOLDING_WORD.fullmatch(ext.group()) and _LAST_WORD.search(canonical)
            and not _HOLDING_WORD.search(canonical) and not any(covered[e:ext.end()])
            and gazetteer.lookup(text[s:ext.end()]) is not entry):
        return s, ext.end()
    for place in _PLACES:
        p = s - len(place)
        if (p >= 0 and text.startswith(place, p) and not canonical.startswith(place)
                and e - s <= 3 and not any(covered[p:s])
                and not (p > 0 and text[p - 1] in _PLACE_VERBS)
                and gazetteer.lookup(text[p:e]) is not entry):
            return p, e
    return None


def _links(counts: dict[str, int]) -> dict[str, str]:
    """short name -> the full name it belongs to (see ``resolve_article``)."""
    names = sorted(counts, key=len, reverse=True)
    link: dict[str, str] = {}
    for short in names:
        fulls = [f for f in names if len(f) > len(short) and _contains(f, short)]
        tops = [f for f in fulls if not any(f != g and _contains(g, f) for g in fulls)]
        if len(tops) == 1:
            link[short] = tops[0]
        elif len(tops) > 1:
            best = _dominant(tops, counts)
            if best is not None:
                link[short] = best
    return link


def _dominant(tops: Iterable[str], counts: dict[str, int]) -> str | None:
    """The full name with more mentions (its own and its short forms') than all the others."""
    tops = list(tops)
    weight = {
        t: sum(c for n, c in counts.items()
               if n == t or (_contains(t, n) and not any(o != t and _contains(o, n) for o in tops)))
        for t in tops
    }
    best = max(tops, key=lambda t: (weight[t], t))
    return best if weight[best] > sum(weight.values()) - weight[best] else None


def _display_name(name: str, aliases: Sequence[str]) -> str:
    """The shortest form that still ends in a company word, place prefix dropped, and 集团/控股
    dropped when a company word is left (远航物流集团 -> 远航物流, but 淘天集团 stays)."""
    forms = {strip_place(normalize_name(a, False)) for a in aliases} | {strip_place(name)}
    for form in list(forms):
        rest = _HOLDING_WORD.sub("", form)
        if rest != form and _LAST_WORD.search(rest) and len(_WEAK_SUFFIX.sub("", rest)) >= 2:
            forms.add(rest)
    worded = [f for f in forms if _WEAK_SUFFIX.search(f) and len(_WEAK_SUFFIX.sub("", f)) >= 2
              and (name.endswith(f) or f in name or any(f in normalize_name(a, False) for a in aliases))]
    if worded:
        return min(worded, key=lambda f: (len(f), f))
    return strip_place(name)


def _final(link: dict[str, str], name: str) -> str:
    seen = set()
    while name in link and name not in seen:
        seen.add(name)
        name = link[name]
    return name


def _more_mentions(
    text: str,
    resolved: list[tuple[int, int, str, str, str]],
    known: set[str],
) -> list[tuple[int, int, str, str, str]]:
    """Other mentions of the article's people (full name) and unknown companies (short forms)."""
    owners: dict[str, set[tuple[str, str]]] = {}
    counts: dict[str, int] = {}
    for s, e, typ, name, surf in resolved:
        if typ == "Person":
            if len(name) >= 2:
                owners.setdefault(name, set()).add((typ, name))
            continue
        if typ not in _ANY_COMPANY or name in known:
            continue
        counts[name] = counts.get(name, 0) + 1
        for form in short_forms(name) + short_forms(surf):
            if len(form) >= (3 if form.isascii() else _MIN_SHORT):
                owners.setdefault(form, set()).add((typ, name))
    usable: dict[str, tuple[str, str]] = {}
    for form, who in owners.items():
        tops = _tops(who)
        if len(tops) == 1:
            usable[form] = next(iter(tops))
        else:
            best = _dominant((n for _, n in tops), counts)
            if best is not None:
                usable[form] = min((t for t in tops if t[1] == best), key=_type_preference)
    if not usable:
        return resolved
    covered = bytearray(len(text) + 1)
    for s, e, *_ in resolved:
        covered[s:e] = b"\x01" * (e - s)
    pattern = re.compile("|".join(re.escape(f) for f in sorted(usable, key=len, reverse=True)))
    extra = []
    for m in pattern.finditer(text):
        s, e = m.start(), m.end()
        if any(covered[s:e]):
            continue
        typ, name = usable[m.group()]
        if typ != "Person" and e - s <= 2 and _cjk(text, s - 1) and text[s - 1] not in _LEFT_OK:
            continue  # a two-character form glued to a word (扬帆远航) is not a name
        ext = _EXTENSION_RE.match(text, e) if typ != "Person" else None
        if ext and text[s:ext.end()] not in short_forms(name):
            continue  # 蓝光发展 beside 蓝光集团: another company's name begins with the form
        if typ == "Person" and (_cjk(text, s - 1) and text[s - 1] not in _LEFT_OK
                                and _cjk(text, e) and text[e] not in _LEFT_OK):
            continue
        extra.append((s, e, typ, name, m.group()))
        covered[s:e] = b"\x01" * (e - s)
    return sorted(resolved + extra, key=lambda r: (r[0], -r[1]))


def _type_preference(owner: tuple[str, str]) -> tuple[bool, str]:
    """One name typed two ways (a company the tagger once read as a person): the organization
    reading wins, whatever order a set gives them in."""
    return owner[0] == "Person", owner[0]


def _tops(owners: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """Owners that are not short forms of another owner."""
    names = {n for _, n in owners}
    return {(t, n) for t, n in owners if not any(n != m and _contains(m, n) for m in names)}


# Characters after which a short company name may begin without a separator.
_LEFT_OK = frozenset("".join(lines("short_name_left_chars.txt")))


def _cjk(text: str, i: int) -> bool:
    return 0 <= i < len(text) and "\u4e00" <= text[i] <= "\u9fff"



# 北牧乳业集团股份有限公司（以下简称“北牧乳业”）: the article declares the name it will use.
# Words an article may "declare" that name no company in particular: never a canonical name.
_GENERIC_DECLARED = frozenset(lines("generic_declared_names.txt"))
_DECLARED = re.compile(r"\s*[（(]\s*(?:以下简称|以下称|下称|简称)\s*[:：]?\s*[“\"「『]([^”\"」』]{2,12})[”\"」』]\s*[）)]")


def apply_declared_names(text: str, resolved: Sequence[ResolvedEntity],
                         gazetteer: Gazetteer | None = None) -> list[ResolvedEntity]:
    """Entities followed by （以下简称“X”） are named X (unless the gazetteer names them), and
    every later occurrence of X that no other mention covers becomes one of their mentions."""
    covered = bytearray(len(text) + 1)
    for entity in resolved:
        for s, e, _ in entity.mentions:
            covered[s:e] = b"\x01" * (e - s)
    out = []
    for entity in resolved:
        declared = None
        if entity.type != "Person":
            for _, end, _ in entity.mentions:
                match = _DECLARED.match(text, end)
                if match:
                    declared = match
                    break
        if declared is None:
            out.append(entity)
            continue
        short = declared.group(1)
        if short in _GENERIC_DECLARED:
            out.append(entity)
            continue
        mentions = set(entity.mentions)
        start = declared.start(1)
        while (found := text.find(short, start)) >= 0:
            end = found + len(short)
            if not any(covered[found:end]):
                mentions.add((found, end, short))
                covered[found:end] = b"\x01" * len(short)
            start = end
        known = gazetteer is not None and gazetteer.lookup(entity.name) is not None
        aliases = tuple(dict.fromkeys(surf for _, _, surf in sorted(mentions)))
        out.append(ResolvedEntity(entity.type, entity.name if known else short, aliases, tuple(sorted(mentions))))
    return out
