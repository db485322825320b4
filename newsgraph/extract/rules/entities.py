"""Companies, people and organizations in Chinese business news, by rules. Pure, stdlib only.

Every finder takes the article text and returns ``(start, end, payload)`` with half-open
character offsets into that text, sorted by start:

    >>> gaz = load_gazetteer()
    >>> [(s, e, c.name) for s, e, c in find_gazetteer("腾讯与Tencent", gaz)]
    [(0, 2, '腾讯控股'), (3, 10, '腾讯控股')]
    >>> [(s, e, c.name) for s, e, c in find_people("董事长王传福表示", load_titles(), load_surnames())]
    [(3, 6, '王传福')]

- ``find_gazetteer``: the shipped list of well-known companies and organizations (plus the
  user's alias files), longest match first.
- ``find_company_suffix``: unknown companies by their last word (集团, 科技, 银行, 有限公司 …).
- ``find_latin_names``: OpenAI, NVIDIA in Chinese text; known names, ``X公司``, or a brand as
  the subject of a business verb or after 旗下/平台 (Temu上线, 美团旗下Keeta).
- ``find_stock_names``: the name before a stock code, 小米集团-W（01810）.
- ``find_subsidiaries``: a name after 子公司 (全资子公司远航智驾完成融资).
- ``find_media``: publications cited as a source, 据《数智财经》报道 (Organization).
- ``find_people``: names after a title (董事长王传福), before a speech verb (张勇表示), or before
  a bracketed title (雷军（小米集团董事长）).
- ``find_entities``: all of them with overlaps settled (longest wins, the gazetteer on ties).

The pipeline wraps these in spaCy components; nothing here imports spaCy or jieba.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import ner_filter
from .resolve import fold, normalize_name
from .vocab import alternation, lines

__all__ = [
    "DATA_DIR",
    "EntityCandidate",
    "Gazetteer",
    "GazetteerEntry",
    "find_company_suffix",
    "find_entities",
    "find_gazetteer",
    "find_latin_names",
    "find_latin_people",
    "find_media",
    "find_people",
    "find_stock_names",
    "find_subsidiaries",
    "load_gazetteer",
    "load_surnames",
    "load_titles",
]

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def _words(name: str) -> frozenset[str]:
    """The lines of ``data/<name>`` as a set."""
    return frozenset(lines(name))


def _chars(name: str) -> frozenset[str]:
    """The characters of ``data/<name>`` (any number a line) as a set."""
    return frozenset("".join(lines(name)))

TYPES = frozenset({"Company", "Person", "Organization", "Product"})


@dataclass(frozen=True, slots=True)
class EntityCandidate:
    type: str  # Company | Person | Organization
    name: str  # canonical name when the gazetteer knows it, else the normalized surface
    source: str  # gazetteer | suffix | latin | stock | title | cue | ner


Match = tuple[int, int, EntityCandidate]

# --- character classes ----------------------------------------------------------------------


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _is_alnum_ascii(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


# --- gazetteer -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    canonical: str
    type: str
    aliases: tuple[str, ...]


class Gazetteer:
    """Canonical names and aliases; built by ``load_gazetteer``. Lookups by any alias (after
    ``normalize_name``); ``find_gazetteer`` matches aliases in text."""

    __slots__ = ("entries", "_by_key", "_surface", "_lengths", "_first")

    def __init__(self, entries: Iterable[GazetteerEntry] = ()):
        self.entries: dict[str, GazetteerEntry] = {}
        self._by_key: dict[str, GazetteerEntry] = {}
        self._surface: dict[str, tuple[GazetteerEntry, str]] = {}
        self._lengths: dict[str, tuple[int, ...]] = {}
        self._first: re.Pattern[str] | None = None
        for entry in entries:
            self.add(entry.canonical, entry.type, entry.aliases)

    def add(self, canonical: str, type: str, aliases: Iterable[str] = ()) -> None:  # noqa: A002
        """Add (or extend) an entry; a later entry's aliases win over an earlier one's."""
        old = self.entries.get(canonical)
        names = list(old.aliases) if old else []
        for alias in aliases:
            alias = alias.strip()
            if alias and alias != canonical and alias not in names:
                names.append(alias)
        entry = GazetteerEntry(canonical, type, tuple(names))
        self.entries[canonical] = entry
        for alias in (canonical, *names):
            key = normalize_name(alias)
            if key:
                self._by_key[key] = entry
            surf = fold(alias)
            if _matchable(surf):
                self._surface[surf] = (entry, alias)
        self._lengths = {}

    def lookup(self, name: str) -> GazetteerEntry | None:
        """The entry for any of its names: 腾讯, Tencent, 腾讯控股（00700）, 小米集团-W."""
        return self._by_key.get(normalize_name(name))

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.lookup(name) is not None

    def __len__(self) -> int:
        return len(self.entries)

    def _index(self) -> dict[str, tuple[int, ...]]:
        if not self._lengths:
            lengths: dict[str, set[int]] = {}
            for surf in self._surface:
                lengths.setdefault(surf[0], set()).add(len(surf))
            self._lengths = {ch: tuple(sorted(ls, reverse=True)) for ch, ls in lengths.items()}
            chars = "".join(sorted(self._lengths))
            self._first = re.compile("[" + re.escape(chars) + "]") if chars else re.compile("(?!)")
        return self._lengths


def _matchable(surf: str) -> bool:
    """Aliases with brackets, codes or stock markers (腾讯控股（00700）, 小米集团-W) are for
    lookups only: in text the name is matched without them."""
    return len(surf) >= 2 and not any(ch in surf for ch in "()（）[]【】") and not _MARKED.search(surf)


_MARKED = re.compile(r"-(?:sw|wr|w|s|u)$")


def _read_tsv(path: Path) -> Iterable[tuple[str, str, list[str]]]:
    with open(path, encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cols = line.split("\t")
            if number == 1 and cols[0].strip().lower() == "canonical":
                continue
            if len(cols) < 2 or len(cols) > 3 or not cols[0].strip():
                raise ValueError(f"{path}:{number}: expected 'canonical<TAB>type<TAB>aliases'")
            typ = cols[1].strip()
            if typ not in TYPES:
                raise ValueError(f"{path}:{number}: type {typ!r} is not one of {sorted(TYPES)}")
            aliases = cols[2].split("|") if len(cols) == 3 else []
            yield cols[0].strip(), typ, aliases


def load_gazetteer(path: str | Path | None = None, aliases: Iterable[str | Path] = ()) -> Gazetteer:
    """The shipped ``data/companies.tsv`` (or ``path``), then each user alias file in order
    (same TSV: ``canonical<TAB>type<TAB>alias|alias``; a header line is optional, ``#`` starts
    a comment). A user line extends the entry of the same canonical name or adds a new one."""
    gazetteer = Gazetteer()
    for file in (Path(path) if path else DATA_DIR / "companies.tsv", *map(Path, aliases)):
        for canonical, typ, names in _read_tsv(file):
            gazetteer.add(canonical, typ, names)
    return gazetteer


@functools.lru_cache(maxsize=4)
def _read_lines(path: str) -> frozenset[str]:
    """The first column of each line of a word-list file, without blanks and ``#`` comments."""
    with open(path, encoding="utf-8-sig") as handle:
        return frozenset(ln.split("\t")[0].strip() for ln in handle if ln.strip() and not ln.startswith("#"))


def load_titles(path: str | Path | None = None) -> frozenset[str]:
    """Role titles, one a line (``data/titles.txt``)."""
    return _read_lines(str(path or DATA_DIR / "titles.txt"))


def load_surnames(path: str | Path | None = None) -> frozenset[str]:
    """Chinese surnames, single and double, one a line (``data/surnames.txt``)."""
    return _read_lines(str(path or DATA_DIR / "surnames.txt"))


# Two-character words that end with the first character of a short alias (其中|信 -> not 中信)
# or start with its last character (中|行业 -> not 中行): the alias is part of another word.
_LEFT_WORDS = _words("alias_glued_left.txt")
_RIGHT_WORDS = _words("alias_glued_right.txt")


def find_gazetteer(text: str, gazetteer: Gazetteer) -> list[Match]:
    """Gazetteer aliases in ``text``, leftmost-longest, not overlapping.

    Latin aliases match whole Latin words only (Meta not in Metaverse, DeepSeek not in
    DeepSeek-R1), case-insensitively from five letters on (NVIDIA / Nvidia) and in their own
    or upper case below that (NIO, vivo). A two- or three-character Chinese alias glued to a
    word it belongs to is skipped (其中信贷 has no 中信, 中行业 no 中行)."""
    folded = fold(text)
    lengths = gazetteer._index()
    surface = gazetteer._surface
    search = gazetteer._first.search
    out: list[Match] = []
    n = len(text)
    i = 0
    while i < n:
        m = search(folded, i)
        if m is None:
            break
        i = m.start()
        lens = lengths[folded[i]]
        for length in lens:
            if i + length > n:
                continue
            hit = surface.get(folded[i : i + length])
            if hit is None:
                continue
            entry, alias = hit
            if not _gazetteer_boundary(text, i, i + length, alias):
                continue
            end = i + length
            if _is_cjk(alias[-1]):
                tail = _LEGAL_TAIL.match(text, end)
                if tail:
                    end = tail.end()  # 上海汽车集团|股份有限公司: the legal name in full
            out.append((i, end, EntityCandidate(entry.type, entry.canonical, "gazetteer")))
            i = end
            break
        else:
            i += 1
    return out


def _gazetteer_boundary(text: str, start: int, end: int, alias: str) -> bool:
    first, last = alias[0], alias[-1]
    if _is_alnum_ascii(first) and not _latin_left_ok(text, start):
        return False
    if _is_alnum_ascii(last) and not _latin_right_ok(text, end):
        return False
    if alias.isascii() and len(alias) <= 4:
        surf = text[start:end]
        if surf not in (alias, alias.upper(), alias.lower() if alias.islower() else alias):
            return False
    if _is_cjk(first) and len(alias) <= 3:
        if start >= 1 and text[start - 1 : start + 1] in _LEFT_WORDS:
            return False
        if text[end - 1 : end + 1] in _RIGHT_WORDS:
            return False
    return True


_LEGAL_TAIL = re.compile(r"(?:[（(][\u4e00-\u9fff]{2,4}[）)])?(?:集团)?(?:股份)?有限(?:责任)?公司")


def _latin_left_ok(text: str, i: int) -> bool:
    if i == 0:
        return True
    prev = text[i - 1]
    if _is_alnum_ascii(prev):
        return False
    return not (prev in "-._@/" and i >= 2 and _is_alnum_ascii(text[i - 2]))


def _latin_right_ok(text: str, j: int) -> bool:
    if j >= len(text):
        return True
    nxt = text[j]
    if _is_alnum_ascii(nxt):
        return False
    return not (nxt in "-._@/" and j + 1 < len(text) and _is_alnum_ascii(text[j + 1]))


# --- names before a company word --------------------------------------------------------------

_LEGAL = r"(?:集团)?(?:股份)?有限(?:责任)?公司|股份公司|集团公司"
_WEAK_WORDS = lines("company_name_words.txt")
# Words that end a name only after a stronger one (远航网络科技, not 仓储网络).
_WEAK_TAIL_ONLY = _words("company_name_tail_words.txt")
# Words that end the name of an organization rather than a company.
_ORG_WORDS = lines("organization_name_words.txt")
_ORG_RE = re.compile("(?:" + "|".join(sorted(_ORG_WORDS, key=len, reverse=True)) + ")")
_WEAK = "(?:" + "|".join(sorted(_WEAK_WORDS, key=len, reverse=True)) + ")"
_SUFFIX_RE = re.compile(
    f"(?:{_WEAK})*(?:{_LEGAL})(?:[（(][\u4e00-\u9fff]{{2,4}}[）)])?|(?:{_WEAK})+(?:公司)?|{_ORG_RE.pattern}"
)

# Tokens after which a name starts (the last one before the company word wins).
_CUT_WORDS = tuple(sorted(_words("name_cut_words.txt")))
# 在线 is a word of names (百度在线网络技术), not the preposition 在.
_CUT_RE = re.compile("|".join(sorted(_CUT_WORDS, key=len, reverse=True)).replace("|在|", "|在(?!线)|"))

# A stem made only of these words does not name a company (新能源汽车, 国内银行, 该集团).
_GENERIC_WORDS = _words("generic_name_words.txt") | frozenset(_CUT_WORDS)
_GENERIC_MAXLEN = max(map(len, _GENERIC_WORDS))

# After these, a company word is part of a longer common word (汽车行业, 科技股, 网络广告).
_AFTER_SUFFIX_BAD = re.compile("(?:" + alternation("words_after_company_word.txt", fragments=True) + ")")
# Organizations are often named with generic words only (中国汽车工业协会); not these.
_ORG_GENERIC = _words("organization_generic_stems.txt")
# Licensed businesses are companies of their own, even under a known name (东方财富证券).
_LICENSED = re.compile("(?:" + alternation("licensed_business_words.txt") + ")$")
# A stem ending so names a part of a company, not one (六大业务集团, 消费者事业部).
_STEM_BAD_END = re.compile(r"(?:业务|事业|板块|部门|条线|[两三四五六七八九十几多各]大)$")
_STEM_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z·&]")
# Words that continue a company's name after another company word (海岳控股集团, 北辰保险集团).
_FORM_WORDS = frozenset({"集团", "控股", "股份"})
# After a company word, the sector of its analysts or of a unit: 华泰证券|食品饮料行业分析师,
# 国信证券|医药团队, 远航科技|汽车业务. The name ends at the first company word before it.
_SECTOR_AFTER = re.compile(
    r"[\u4e00-\u9fff]{0,6}?(?:" + alternation("unit_after_company_words.txt") + ")"
)
# XX股份 is a listed company's short form (牧原股份) unless the shares themselves are meant.
_SHARES_STEM_BAD = re.compile(
    r"[持购让售押限股份权数亿万元]|发行|^(?:" + alternation("share_class_words.txt") + ")"
)
_SHARES_AFTER = re.compile("(?:" + alternation("shares_after_words.txt") + ")")
# A foreign company named with 公司 after its country: 美国超微公司 -> 超微.
_FOREIGN_RE = re.compile("(?:" + alternation("foreign_countries.txt") + r")([\u4e00-\u9fff]{2,5}?)公司")


def _generic(stem: str) -> bool:
    """Can ``stem`` be cut into generic words only?"""
    n = len(stem)
    ok = [True] + [False] * n
    for i in range(n):
        if not ok[i]:
            continue
        for j in range(i + 1, min(n, i + _GENERIC_MAXLEN) + 1):
            if stem[i:j] in _GENERIC_WORDS:
                ok[j] = True
    return ok[n]


def _known_spans(
    text: str, gazetteer: Gazetteer | None, known: Sequence[Match] | None
) -> list[tuple[int, int]]:
    if known is None:
        known = find_gazetteer(text, gazetteer) if gazetteer is not None else ()
    return [(s, e) for s, e, _ in known]


def _protected(spans: Sequence[tuple[int, int]], i: int) -> tuple[int, int] | None:
    for s, e in spans:
        if s <= i < e:
            return s, e
    return None


def _name_start(text: str, end: int, max_len: int, protect: Sequence[tuple[int, int]]) -> int:
    """Where a name ending at ``end`` starts: back over name characters (at most ``max_len``),
    then after the last cut word (的, 与, 宣布, 旗下 …) that is not inside a protected span."""
    start = end
    while start > 0 and end - start < max_len:
        ch = text[start - 1]
        if _STEM_CHARS.match(ch):
            start -= 1
            continue
        if ch in "）)" and start >= 4:
            # 百度在线网络技术（北京）有限公司: a place in brackets inside a legal name
            m = re.search(r"[（(][\u4e00-\u9fff]{2,4}$", text[max(0, start - 7) : start - 1])
            if m:
                start = start - 1 - (len(m.group()))
                continue
        break
    run = text[start:end]
    cut = 0
    for m in _CUT_RE.finditer(run):
        a, b = start + m.start(), start + m.end()
        if _protected(protect, a) or _protected(protect, b - 1):
            continue
        cut = m.end()
    return start + cut


_PLACES = _words("places.txt")
_PLACE_RE = re.compile("|".join(sorted(map(re.escape, _PLACES), key=len, reverse=True)))
# Single-character cut words that never sit inside a name, even after a place (杭州的远航科技).
_HARD_CUTS = _chars("hard_cut_chars.txt")


def _place_start(text: str, lo: int, start: int, p: int) -> int:
    """A name cut at a one-character word right after a place (营口|其|印投资…, 日本电气协会,
    杭州南|都|电源…) begins at the place. ``lo``: where the back-scan began; ``start``: where
    the cut put the name; ``p``: where its company word begins."""
    for m in _PLACE_RE.finditer(text, lo, p):
        if m.start() >= start:
            break
        if not all(_STEM_CHARS.match(ch) for ch in text[m.start():p]):
            continue  # 杭州3月2日讯 今日，|…: a dateline, not the front of the name
        cuts = list(_CUT_RE.finditer(text[m.start():p]))
        if all(len(c.group()) == 1 and c.group() not in _HARD_CUTS for c in cuts) and cuts:
            return m.start()
    return start


def _strip_lead(stem: str) -> str:
    """Drop leading cut words the back-scan could not see (他表示远航 -> 远航)."""
    changed = True
    while changed and stem:
        changed = False
        for m in _CUT_RE.finditer(stem):
            if m.start() == 0 and len(stem) - m.end() >= 2:
                stem = stem[m.end() :]
                changed = True
            break
    return stem


def _suffix_end(text: str, p: int, end: int, typ: str, ends: set[int]) -> tuple[int, bool] | None:
    """Where a name found by the company words at ``text[p:end]`` (no legal suffix) ends, and
    whether it means shares (XX股份); None when the words name no company here."""
    words = re.findall(_WEAK, text[p:end])
    if (len(words) > 1 and not text.endswith("公司", p, end)
            and (_SECTOR_AFTER.match(text, end) or _AFTER_SUFFIX_BAD.match(text, end))):
        words = words[: _company_words(words)]
        end = p + sum(map(len, words))
        if end in ends:
            return None  # 华泰证券|食品饮料行业: the known name ends here
    if words and words[-1] == "控股" and text.startswith(("子公司", "股东", "权"), end):
        words = words[:-1]  # 远航科技|控股子公司: 控股 belongs to the subsidiary
        end = p + sum(map(len, words))
        if not words or end in ends:
            return None
    shares = words == ["股份"]
    if typ == "Company" and all(w in _WEAK_TAIL_ONLY for w in words) and not shares:
        return None
    if _AFTER_SUFFIX_BAD.match(text, end) or shares and _SHARES_AFTER.match(text, end):
        return None
    return end, shares


def find_company_suffix(
    text: str, gazetteer: Gazetteer | None = None, *, known: Sequence[Match] | None = None
) -> list[Match]:
    """Company names ending in a company word: 深圳远航科技有限公司, 鼎越资本, 蓝湾基金.

    The name is the run of characters before the word, cut after the last particle or verb
    (与, 的, 宣布, 旗下 …), 2–8 characters of stem (up to 16 before a legal suffix). Rejected:
    stems made only of generic words (新能源汽车, 该集团, 上市公司, 国内银行), a company word
    that is the start of a longer word (汽车行业, 科技股), and a stem that is a known name
    (腾讯网络广告: 腾讯 is the company, the gazetteer finds it). With ``gazetteer`` its names
    are never cut through (华为技术有限公司 keeps 华为). ``known``: ``find_gazetteer``'s result for
    this text when the caller has it already."""
    protect = _known_spans(text, gazetteer, known)
    ends = {e for _, e in protect}
    out: list[Match] = []
    for m in _SUFFIX_RE.finditer(text):
        suffix = m.group()
        p, end = m.start(), m.end()
        if end in ends:
            continue  # 季度阿里巴巴集团: the known name ends here, the gazetteer has it
        legal = "公司" in suffix and "有限" in suffix or suffix.endswith(("股份公司", "集团公司"))
        typ = "Organization" if _ORG_RE.fullmatch(suffix) else "Company"
        shares = False
        if not legal:
            if (got := _suffix_end(text, p, end, typ, ends)) is None:
                continue
            end, shares = got
        max_len = 16 if legal else 8
        start = _name_start(text, p, max_len, protect)
        stem = _strip_lead(text[start:p])
        start = _place_start(text, max(0, p - max_len), p - len(stem), p)
        stem = text[start:p]
        if len(stem) < 2 or _STEM_BAD_END.search(stem):
            continue
        if (_generic(stem) if typ == "Company" else stem in _ORG_GENERIC or _CUT_RE.fullmatch(stem)):
            continue
        if stem.isascii() and not legal:
            continue  # Latin + company word (AI公司, IT科技) is left to find_latin_names
        if shares and (len(stem) > 4 or _SHARES_STEM_BAD.search(stem) or not all(map(_is_cjk, stem))
                       or (start and (text[start - 1] in "的%％" or text[start - 1].isdigit()))
                       or any(e == p for _, e in protect)):
            continue  # 所持股份, 限售股份, 部分蔚来股份: shares, not a company
        if (not legal and gazetteer is not None and gazetteer.lookup(stem) is not None
                and not _LICENSED.search(suffix)):
            continue  # 腾讯网络 = 腾讯's network business; but 东方财富证券 is a licensed company
        out.append((start, end, EntityCandidate(typ, normalize_name(text[start:end], False), "suffix")))
    out += _foreign_companies(text, protect)
    out.sort(key=lambda m: m[0])
    return out


def _foreign_companies(text: str, protect: Sequence[tuple[int, int]]) -> list[Match]:
    """美国超微公司 -> 超微; 美国铝业公司, 美国钢铁公司 keep their country."""
    out: list[Match] = []
    for m in _FOREIGN_RE.finditer(text):
        s, e = m.span(1)
        stem = m.group(1)
        if _protected(protect, s) or _generic(stem) or _CUT_RE.search(stem):
            continue
        if re.fullmatch(f"[\u4e00-\u9fff]?(?:{_WEAK})+", stem) or stem.endswith("业"):
            s = m.start()
        out.append((s, e, EntityCandidate("Company", normalize_name(text[s:e], False), "suffix")))
    return out


def _company_words(words: Sequence[str]) -> int:
    """How many of a run of company words name the company before a sector phrase: 证券|食品,
    科技|汽车, but 控股集团 and 新能源汽车 (a tail-only word needs the next one) stay whole."""
    n = 1
    while n < len(words) and (words[n] in _FORM_WORDS or all(w in _WEAK_TAIL_ONLY for w in words[:n])):
        n += 1
    return n


_MEDIA_RE = re.compile(
    r"《([^《》\n]{2,12})》(?=(?:的|记者|此前|日前|近日|曾)?(?:" + alternation("media_source_verbs.txt") + "))"
)
_NOT_MEDIA = re.compile("(?:" + alternation("document_title_endings.txt") + ")$")


def find_media(text: str) -> list[Match]:
    """Publications named as a source: 据《数智财经》报道, 《财经》记者获悉 -> Organization.
    Titles of laws and reports (《公司法》, 《2024年度报告》) are not publications."""
    out: list[Match] = []
    for m in _MEDIA_RE.finditer(text):
        name = m.group(1)
        if _NOT_MEDIA.search(name) or any(ch.isdigit() for ch in name):
            continue
        out.append((m.start(1), m.end(1), EntityCandidate("Organization", normalize_name(name, False), "media")))
    return out


# --- Latin names ------------------------------------------------------------------------------

_LATIN_RE = re.compile(r"[A-Za-z][A-Za-z0-9&'.\-]*(?: (?:[A-Z][A-Za-z0-9&'.\-]*|&))*")
_LATIN_COMPANY_AFTER = re.compile(r"\s*(?:公司|集团|Inc\.?|Corp\.?|Ltd\.?)")
# A last word that makes a Latin name a company's (CYVN Holdings, Sequoia Capital).
_LATIN_COMPANY_WORD = re.compile(" (?:" + alternation("latin_company_words.txt", fragments=True) + ")\\.?$")
# Before it: "投资机构CYVN Holdings", "初创公司Anthropic".
_LATIN_COMPANY_BEFORE = re.compile("(?:" + alternation("company_kind_nouns.txt") + ")$")
# Acronyms and words that are not company names even before 公司 (AI公司, IT公司).
_LATIN_STOP = _words("latin_non_names.txt")
# An unknown Latin brand used as a company: the subject of a business verb (Temu上线, Keeta的
#用户, X在欧洲的市场份额) or named after 旗下/平台 (美团旗下Keeta, 电商平台X).
_LATIN_BRAND_AFTER = re.compile(
    r"\s*(?:(?:在[\u4e00-\u9fff]{1,6})?的?(?:市场份额|用户|营收|估值|母公司|创始人)|"
    "(?:" + alternation("subject_adverbs.txt") + ")?(?:" + alternation("brand_business_verbs.txt") + "))"
)
_LATIN_BRAND_BEFORE = re.compile(r"(?:旗下|平台|电商)$")
# Products and models that are the subject of the same verbs (ChatGPT用户, Model Y上线).
_LATIN_PRODUCTS = _words("latin_products.txt")
_PRODUCT_TOKEN = re.compile(r"^(?:pro|max|ultra|plus|mini|air|lite|se|[a-z])$", re.I)
_UNIT_RE = re.compile(r"^(?:k|m|g|t)?(?:wh|w|b|hz|bps)$|^(?:mah|nm|mm|cm|km|kg|gb|tb|mb|mw|gw|kw)$", re.I)


def find_latin_names(text: str, gazetteer: Gazetteer | None = None) -> list[Match]:
    """Latin-script company names inside Chinese text: a gazetteer name (OpenAI, NVIDIA,
    Tencent -> 腾讯控股), a word followed by 公司/集团 (Anthropic公司), or a capitalized brand
    before a business verb or after 旗下/平台 (Temu上线, 电商平台Vendora). Model and product names
    with digits (GPT-4o, iPhone 16), units (GWh) and acronyms (AI, IPO) are skipped."""
    out: list[Match] = []
    for m in _LATIN_RE.finditer(text):
        s, e = m.start(), m.end()
        if not _latin_left_ok(text, s):
            continue
        word = m.group()
        while word and word[-1] in ".-'&":
            word = word[:-1]
        word = word.rstrip()
        e = s + len(word)
        if not word or not _latin_right_ok(text, e):
            continue
        entry = gazetteer.lookup(word) if gazetteer is not None else None
        if entry is None and gazetteer is not None and " " in word:
            # "Tencent Music" unknown, "Tencent" known: keep the known first word only
            first = word.split(" ")[0]
            entry = gazetteer.lookup(first)
            if entry is not None:
                word, e = first, s + len(first)
        if entry is not None:
            if len(word) <= 4 and word not in (word.upper(),) and fold(word) != fold(entry.canonical):
                if not any(a == word for a in entry.aliases):
                    continue
            out.append((s, e, EntityCandidate(entry.type, entry.canonical, "latin")))
            continue
        low = word.lower()
        if any(ch.isdigit() for ch in word) or low in _LATIN_STOP or _UNIT_RE.search(low):
            continue
        if len(word) < 2:
            continue
        if not (
            _LATIN_COMPANY_AFTER.match(text, e)
            or _LATIN_COMPANY_WORD.search(word)
            or (_LATIN_COMPANY_BEFORE.search(text, max(0, s - 4), s) and len(word) >= 3
                and not word.islower())
            or (_latin_brand(word)
                and (_LATIN_BRAND_AFTER.match(text, e) or _LATIN_BRAND_BEFORE.search(text, max(0, s - 2), s)))
        ):
            continue
        out.append((s, e, EntityCandidate("Company", normalize_name(word, False), "latin")))
    return out


def _latin_brand(word: str) -> bool:
    """Can ``word`` be a brand's name: capitalized (Temu, TikTok), not a short acronym (SKU),
    not a product or model (ChatGPT, Model Y, Mate Pro)."""
    tokens = word.split(" ")
    return (
        len(word) >= 3
        and word[0].isupper()
        and not (word.isupper() and len(word) <= 4)
        and tokens[0].lower() not in _LATIN_PRODUCTS
        and not any(_PRODUCT_TOKEN.match(t) for t in tokens[1:])
    )


_APPOINT_VERBS = tuple(lines("appointment_verbs.txt"))
# A Latin person's name: two to four capitalized words (Ee Hock Leong, Lisa Brandt).
_LATIN_PERSON = re.compile(r"(?<![A-Za-z])[A-Z][a-z]+(?: [A-Z][a-z]+){1,3}(?![A-Za-z])")


def find_latin_people(text: str, gazetteer: Gazetteer | None = None,
                      titles: Collection[str] = ()) -> list[Match]:
    """A Latin person's name as the subject of a speech or office verb (Ee Hock Leong已辞任执行董事,
    Lisa Brandt表示) or after a title or an appointment verb (首席商务官Lisa Brandt, 聘请 Lisa
    Brandt). Company names (Sequoia Capital) and known names are not people."""
    out: list[Match] = []
    for m in _LATIN_PERSON.finditer(text):
        s, e = m.span()
        j = e + 1 if text.startswith(("已", "将"), e) else e
        before = text[max(0, s - 8):s].rstrip()
        named = _CUE_RE.match(text, j) or before.endswith(_APPOINT_VERBS) or (
            before and any(before.endswith(t) for t in titles))
        if not named or _LATIN_COMPANY_WORD.search(m.group()):
            continue
        tokens = m.group().split(" ")
        if tokens[0] in ("The", "A", "An", "This", "Our") or any(t.lower() in _LATIN_PRODUCTS for t in tokens):
            continue
        if gazetteer is not None and any(gazetteer.lookup(t) is not None for t in (m.group(), *tokens)):
            continue  # Apple Music: a known company's brand
        out.append((s, e, EntityCandidate("Person", m.group(), "cue")))
    return out


# --- names after 子公司 -------------------------------------------------------------------------

_SUBSIDIARY_RE = re.compile(r"(?:全资|控股|独资|参股|境外|境内)?子公司(?:之一)?")
# What follows a subsidiary named as a subject or listed: 远航智驾完成融资, 海岳智能于3月成立.
_SUBSIDIARY_NEXT = re.compile(
    "[（(，,、。；;]|(?:" + alternation("subject_adverbs.txt") + ")?(?:" + alternation("subsidiary_next_words.txt") + ")"
)
_SUBSIDIARY_BAD = re.compile(alternation("subsidiary_non_names.txt"))


def find_subsidiaries(
    text: str, gazetteer: Gazetteer | None = None, *, known: Sequence[Match] | None = None
) -> list[Match]:
    """A company named right after 子公司 without a company word: 全资子公司远航智驾完成融资,
    控股子公司海岳智能于3月成立. The name (2–6 characters) must be followed by a subject's verb
    or a punctuation mark; 子公司数量, 子公司的营收 are not names."""
    protect = _known_spans(text, gazetteer, known)
    out: list[Match] = []
    for m in _SUBSIDIARY_RE.finditer(text):
        s = m.end()
        e = s
        while e < len(text) and e - s <= 6 and _is_cjk(text[e]) and not _SUBSIDIARY_NEXT.match(text, e):
            e += 1
        stem = text[s:e]
        if not (2 <= len(stem) <= 6) or not _SUBSIDIARY_NEXT.match(text, e):
            continue
        hit = _protected(protect, s)
        if hit and (hit[0] < s or hit[1] >= e):
            continue  # a known name at the front that the stem extends is fine: 北辰|国际
        if _CUT_RE.search(stem) or _generic(stem) or _SUBSIDIARY_BAD.search(stem):
            continue
        out.append((s, e, EntityCandidate("Company", normalize_name(stem, False), "suffix")))
    return out


# --- names before a stock code ----------------------------------------------------------------

_STOCK_RE = re.compile(
    r"(?P<mark>-(?:SW|WR|W|S|U))?\s*[（(]\s*(?:(?:股票代码|证券代码|代码)\s*[:：]?\s*)?"
    r"(?:(?P<ex>NASDAQ|NYSE|Nasdaq|纳斯达克|纽交所|港股|港交所|HK|SH|SZ|BJ)\s*[:：.]?\s*)?"
    r"(?P<code>\d{6}|\d{4,5}|[A-Z]{1,5})(?P<sfx>\.(?:HK|SH|SZ|BJ|US|N|O|SS|OC)|-HK)?"
    r"(?:\s*[,，;；/、]\s*[^）)\n]{1,24})?\s*[）)]"
)


# A price quote after a short stock name: 汉邦高科(8.670,-0.47,-5.14%) — price, change, change %.
_QUOTE_RE = re.compile(r"[（(]\s*\d+(?:\.\d+)?\s*[,，]\s*[-+]?\d+(?:\.\d+)?\s*[,，]\s*[-+]?\d+(?:\.\d+)?%\s*[）)]")


_ANAPHORIC = re.compile(r"公司|[该本其此这]|上述|前述|相关|有关")


def _stock_stem(text: str, end: int, protect: Sequence[tuple[int, int]]) -> str:
    """The name before a stock code: cut at the last cut word; when a one-character cut word
    would leave less than two characters of a short name (东方日|升, 虎|都), only at words of
    two characters."""
    start = _name_start(text, end, 10, protect)
    stem = _strip_lead(text[start:end])
    if len(stem) >= 2:
        return stem
    start = end
    while start > 0 and end - start < 5 and _STEM_CHARS.match(text[start - 1]):
        start -= 1
    if end - start > 4:
        return stem  # a short name stands alone: 当日股价报收于(…) is no name
    return text[trim_front(text, start, end, protect):end]


# A legal name a site split with its price quote: 长沙星瀚光电(12.000,0.30,2.56%)股份有限公司.
_QUOTE_LEGAL_TAIL = re.compile(r"(?:股份)?有限(?:责任)?公司")
# A Hong Kong name whose form is bracketed: 香港置业（控股）（00123）.
_BRACKETED_FORM = re.compile(r"[（(](?:控股|集团|国际)[）)]$")
# The longest short name before a price quote (an A-share short name: 海岳防务) and before a code
# (Hong Kong names run longer: 中国烯谷集团); a longer run of Chinese took in its clause.
QUOTE_NAME_MAX, CODE_NAME_MAX = 4, 6


def _last_words(text: str, start: int, end: int, words: Sequence[tuple[int, int]], limit: int) -> int | None:
    """Where the last whole words of ``[start, end)`` that fit in ``limit`` characters begin,
    without a leading cut word (万元|海岳防务, 生产商|中国鹏飞, 公司|和|海岳); None when the
    words do not end at ``end`` or leave less than two characters."""
    inside = [(ws, we) for ws, we in words if start <= ws and we <= end]
    if not inside or inside[-1][1] != end:
        return None
    kept = []
    for ws, we in reversed(inside):
        if end - ws > limit:
            break
        kept.append((ws, we))
    while kept and text[kept[-1][0]:kept[-1][1]] in _CUT_WORDS:
        kept.pop()
    return kept[-1][0] if kept and end - kept[-1][0] >= 2 else None


def _stock_ends(text: str) -> dict[int, str]:
    """Where a short name before a price quote or a stock code ends, and which of the two."""
    ends = {m.start(): "quote" for m in _QUOTE_RE.finditer(text)}
    for m in _STOCK_RE.finditer(text):
        code, ex, sfx = m.group("code"), m.group("ex"), m.group("sfx")
        if code.isdigit():
            if len(code) == 4 and not sfx and not ex and code[:2] in ("19", "20"):
                continue  # a year in brackets
        elif not (ex or sfx):
            continue  # (AI) is not a ticker without an exchange
        ends.setdefault(m.start(), "code")
    return ends


def _short_name_start(text: str, start: int, end: int, limit: int, words) -> int:
    """A name before a quote or code that is longer than ``limit`` took in its clause
    (减持120万元|海岳防务); one cut to two characters at a one-character word may be longer
    (减持214万元|天和防务). The last words that fit, unless they are generic words only
    (新世界|发展 stays whole), and a place before them (关于|宁夏太阳能)."""
    if words is None or end - start < 2 or (end - start <= limit and end - start > 2):
        return start
    lo = end
    while lo > 0 and end - lo < 10 and _is_cjk(text[lo - 1]):
        lo -= 1
    if end - start > limit and not all(map(_is_cjk, text[start:end])):
        return start
    at = _last_words(text, lo if end - start <= 2 else start, end, words, limit)
    if at is None or _generic(text[at:end]):
        return start
    for place in _PLACE_RE.finditer(text, max(start, at - 4), at):
        if place.end() == at:
            return place.start()  # a place begins the name: 宁夏|太阳能, 中国|金融投资管理
    return at


def _stock_span(text: str, end: int, kind: str, protect, words) -> tuple[int, int, int] | None:
    """``(start, end, tail)`` of the name before a quote or code at ``end``; ``tail`` > ``end``
    when a legal tail follows the quote."""
    form = _BRACKETED_FORM.search(text, max(0, end - 4), end) if kind == "code" else None
    stem_end = form.start() if form else end
    if stem_end == 0 or not (_is_cjk(text[stem_end - 1]) or text[stem_end - 1].isalpha()):
        return None
    start = stem_end - len(_stock_stem(text, stem_end, protect))
    quote = _QUOTE_RE.match(text, end) if kind == "quote" else None
    tail = _QUOTE_LEGAL_TAIL.match(text, quote.end()) if quote else None
    if tail is None:
        hk = quote is not None and _STOCK_RE.match(text, quote.end())  # 协合新能源(0.38,…)（00182）
        limit = QUOTE_NAME_MAX if kind == "quote" and not hk else CODE_NAME_MAX
        start = _short_name_start(text, start, stem_end, limit, words)
    return start, end, tail.end() if tail else end


def find_stock_names(
    text: str, gazetteer: Gazetteer | None = None, *, known: Sequence[Match] | None = None,
    words: Sequence[tuple[int, int]] | None = None,
) -> list[Match]:
    """The company name before a stock code: 比亚迪（002594）, 小米集团-W（01810）,
    腾讯控股(00700.HK), 蔚来（NYSE: NIO）, 香港置业（控股）（00123）, and before a price quote:
    汉邦高科(8.670,-0.47,-5.14%). The span is the name alone, without -W and code; a legal name
    split by a quote spans the quote and is named without it. Given the text's ``words``, a
    name longer than a short name keeps its last words only (减持120万元|海岳防务(…))."""
    protect = _known_spans(text, gazetteer, known)
    out: list[Match] = []
    for end, kind in sorted(_stock_ends(text).items()):
        span = _stock_span(text, end, kind, protect, words)
        if span is None:
            continue
        start, end, tail_end = span
        stem, bare = text[start:end], _BRACKETED_FORM.sub("", text[start:end])
        if len(bare) < 2 or (_generic(bare) and (len(bare) < 4 or _ANAPHORIC.search(bare))):
            continue  # 北京文化(8.750,…) is a name of generic words; 上市公司(600000) is not
        if tail_end > end:
            name = stem + text[_QUOTE_RE.match(text, end).end():tail_end]
            out.append((start, tail_end, EntityCandidate("Company", normalize_name(name, False), "stock")))
            continue
        hit = _protected(protect, start) if protect else None
        entry = gazetteer.lookup(stem) if gazetteer is not None else None
        if entry is None and hit and hit[1] == end:
            start = hit[0]
            entry = gazetteer.lookup(text[start:end]) if gazetteer else None
        if entry is not None:
            cand = EntityCandidate(entry.type, entry.canonical, "stock")
        else:
            cand = EntityCandidate("Company", normalize_name(text[start:end], False), "stock")
        out.append((start, end, cand))
    return out


# --- a company as the subject of an announcement ------------------------------------------------

# 园城黄金3月10日晚公告, 高能环境公告称, 北辰科技宣布完成B轮融资, 澄川智能获投, 海岳建工中标:
# the subject of these verbs at the start of a clause is a company.
_ANNOUNCER_RE = re.compile(
    r"(?:^|(?<=[。！？\n，,：:；;】\s据])|(?<=企业|平台|品牌|厂商|巨头))(?P<name>[\u4e00-\u9fffA-Za-z]{2,8}?)"
    r"(?:\d{1,2}月)?(?:\d{1,2}日)?(?:晚间|早间|午间|晚|盘后|盘前)?"
    r"(?=(?:发布|披露)?公告|(?:发布|披露)[^，。！？\n]{0,10}?公告|宣布(?:将)?(?:完成|获得|以|收购)|拟(?:出资|收购)|获投|(?:预)?中标)"
)


def find_announcers(text: str, surnames: Collection[str] = (), function_words: Collection[str] = (),
                    words: Sequence[tuple[int, int]] | None = None) -> list[Match]:
    """Companies named as the subject of 公告, 宣布完成, 获投 or 中标 at the start of a clause.
    Generic subjects (公司公告, 该集团宣布完成), subjects with a cut word (他们宣布完成), people (a
    listed surname and one or two characters: 张伟公告) and, given the text's ``words``, subjects
    that begin or end with a function word (价格一旦公告; 中国二十二冶 has a numeral inside) are not
    names."""
    out: list[Match] = []
    for m in _ANNOUNCER_RE.finditer(text):
        e = m.end("name")
        name = _strip_lead(m.group("name"))  # 据|北辰科技公告
        s = e - len(name)
        if _generic(name) or _generic_name(name) or _CUT_RE.search(name) or _ANAPHORIC.search(name):
            continue
        if len(name) <= 3 and (name[0] in surnames or name[:2] in surnames):
            continue
        inside = [text[ws:we] for ws, we in words or () if s <= ws < e]
        if inside and (inside[0] in function_words or inside[-1] in function_words):
            continue
        out.append((s, e, EntityCandidate("Company", normalize_name(name, False), "announce")))
    return out


# --- companies listed or bought ---------------------------------------------------------------

_ITEM = r"[\u4e00-\u9fffA-Za-z]{2,10}"
# 节能风电、西藏珠峰、炬华科技等多家上市公司; 购买启东金美、福建帝盛及欣阳精细100%的股权
_COMPANY_LIST_RE = re.compile(
    f"(?P<items>{_ITEM}(?:、{_ITEM})*(?:(?:、|及|和|与){_ITEM}))"
    r"(?=等(?:多家|几家|\d+家|[两三四五六七八九十]+家)?(?:上市)?(?:公司|企业|券商|银行|厂商)(?!高管|董事|监事|员工|人士|负责人|股东|领导|代表)|\d+(?:\.\d+)?[%％]的?股权)"
)
# 收购海岳国信所持股份, 收购东方山水100%股权: the company bought
_BOUGHT_RE = re.compile(
    r"(?:收购|购买|入股|增资|参股)(?P<name>[\u4e00-\u9fffA-Za-z]{2,8}?)"
    r"(?=\d+(?:\.\d+)?[%％]|的?(?:全部|部分)?股权|所持)"
)


def _company_item(text: str, s: int, e: int) -> Match | None:
    name = text[s:e]
    if (len(name) < 2 or _generic(name) or _generic_name(name) or _CUT_RE.search(name)
            or _ANAPHORIC.search(name)):
        return None
    return s, e, EntityCandidate("Company", normalize_name(name, False), "suffix")


def find_listed_companies(text: str) -> list[Match]:
    """Companies listed before 等(多家)公司 or before a stake bought (购买甲、乙及丙100%的股权),
    and the company whose stake is bought (收购海岳国信所持…, 收购东方山水100%股权). The first
    item loses what runs into it from the clause (陆续收购|摩天轮)."""
    out: list[Match] = []
    for m in _COMPANY_LIST_RE.finditer(text):
        first_end = m.start("items") + len(re.split("[、及和与]", m.group("items"))[0])
        start = trim_front(text, m.start("items"), first_end)
        start = first_end - len(_strip_lead(text[start:first_end]))
        at = start
        for part in re.split("[、及和与]", text[start:m.end("items")]):
            item = _company_item(text, at, at + len(part))
            if item:
                out.append(item)
            at += len(part) + 1
    for m in _BOUGHT_RE.finditer(text):
        item = _company_item(text, *m.span("name"))
        if item:
            out.append(item)
    return out


# --- people -----------------------------------------------------------------------------------

# Characters that do not end or continue a Chinese given name (they make 金额, 高管, 方面表示).
_BAD_GIVEN = _chars("given_name_bad_chars.txt")
# Surnames that are also everyday words: not used without a title (向, 于, 和, 时 …).
_WEAK_SURNAMES = _chars("weak_surnames.txt")
# Words that look like names (surname + one or two characters) and are not.
_NOT_NAMES = _words("not_person_names.txt")
# After a name: speech and stance verbs (张勇表示, 李斌说, 周启明透露).
_CUE_RE = re.compile(
    "(?:" + alternation("person_cue_adverbs.txt") + ")?(?:" + alternation("person_cue_verbs.txt") + ")"
)
# Characters after which a name ends (雷军在…, 刘炽平也…, 周启明的…).
_FOLLOW = _chars("name_follow_chars.txt")
# Before a name found by its cue verb alone: the start of a clause.
_LEAD_WORDS = lines("name_lead_words.txt")
_TRANSLIT = _chars("translit_chars.txt")


@dataclass(frozen=True, slots=True)
class _PeopleIndex:
    titles: re.Pattern[str]
    chain: re.Pattern[str]
    single: frozenset[str]
    double: frozenset[str]
    clause_start: re.Pattern[str]  # a surname at the start of a clause


@functools.lru_cache(maxsize=8)
def _people_index(titles: frozenset[str], surnames: frozenset[str]) -> _PeopleIndex:
    alts = "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True))
    single = frozenset(s for s in surnames if len(s) == 1)
    double = frozenset(s for s in surnames if len(s) == 2)
    firsts = "".join(sorted(single | {d[0] for d in double}))
    lead = "|".join(f"(?<={re.escape(w)})" for w in _LEAD_WORDS)
    return _PeopleIndex(
        titles=re.compile(f"(?:{alts})"),
        chain=re.compile(f"(?:[、兼及和与/]|\\s)*(?:{alts})"),
        single=single,
        double=double,
        clause_start=re.compile(f"(?:(?<![\u4e00-\u9fff])|{lead})[{re.escape(firsts)}]"),
    )


def _follow_kind(text: str, j: int) -> str:
    if j >= len(text) or not _is_cjk(text[j]):
        return "end"
    if _CUE_RE.match(text, j):
        return "cue"
    if text[j] in _FOLLOW:
        return "func"
    return ""


def _name_len(text: str, i: int, idx: _PeopleIndex, strict: bool) -> tuple[int, str]:
    """Length of a Chinese name starting at ``i`` and how it ends ("cue", "end", "func"), or
    (0, "")."""
    if text[i : i + 2] in idx.double:
        sur = 2
    elif text[i] in idx.single and not (strict and text[i] in _WEAK_SURNAMES):
        sur = 1
    else:
        return 0, ""
    if text[i] in "和于向由但时都来那全及":
        return 0, ""
    lengths = []
    for given in (1, 2):
        length = sur + given
        if i + length > len(text):
            break
        chars = text[i + sur : i + length]
        if not all(_is_cjk(c) and c not in _BAD_GIVEN for c in chars):
            break
        lengths.append(length)
    if not lengths:
        return 0, ""
    short = lengths[0]
    long = lengths[1] if len(lengths) > 1 else 0
    k_short = _follow_kind(text, i + short)
    k_long = _follow_kind(text, i + long) if long else ""
    if k_short == "cue" and not (long and k_long == "cue" and text[i + short] not in "称说道"):
        choice, kind = short, k_short
    elif long and k_long and text[i + long - 1] not in _FOLLOW:
        choice, kind = long, k_long
    elif k_short in ("end", "func"):
        choice, kind = short, k_short
    else:
        return 0, ""
    if text[i : i + choice] in _NOT_NAMES:
        return 0, ""
    return choice, kind


def _translit_len(text: str, i: int) -> int:
    """A transliterated foreign name after a title (库克, 纳德拉, 山姆·奥特曼)."""
    j = i
    n = len(text)
    while j < n and j - i < 9 and (text[j] in _TRANSLIT or (text[j] in "·•" and j > i)):
        j += 1
    while j > i and text[j - 1] in "·•":
        j -= 1
    for end in range(j, i + 1, -1):
        if _follow_kind(text, end) and text[end - 1] not in _FOLLOW and "·" != text[end - 1]:
            if text[i:end] not in _NOT_NAMES:
                return end - i
    return 0


def _titled_apposition(text: str, j: int, idx: _PeopleIndex) -> bool:
    """Does a title close what follows position ``j``: （小米集团董事长） or ，比亚迪董事长兼总裁，"""
    if j >= len(text) or text[j] not in "（(，,":
        return False
    closers = "）" if text[j] == "（" else ")" if text[j] == "(" else "，,。；;"
    k = j + 1
    while k < len(text) and k - j <= 24 and text[k] not in closers and text[k] not in "，,。；;（）()\n":
        k += 1
    if k >= len(text) or text[k] not in closers or k == j + 1:
        return False
    inner = text[j + 1 : k]
    return any(m.end() == len(inner) for m in idx.titles.finditer(inner))


def _names_after_titles(text: str, idx: _PeopleIndex) -> Iterable[tuple[int, int]]:
    """``(start, length)`` of the names right after a title or a chain of titles."""
    for m in idx.titles.finditer(text):
        j = m.end()
        while True:
            c = idx.chain.match(text, j)
            if not c:
                break
            j = c.end()
        while j < len(text) and text[j] in " \u3000":
            j += 1
        if j >= len(text) or not _is_cjk(text[j]):
            continue
        length, _ = _name_len(text, j, idx, strict=False)
        if not length:
            length = _translit_len(text, j)
        if length >= 2:
            yield j, length


def find_people(
    text: str,
    titles: Iterable[str],
    surnames: Iterable[str],
    gazetteer: Gazetteer | None = None,
) -> list[Match]:
    """Person names: after a title (董事长王传福, CEO李斌, 创始人雷军, 首席执行官纳德拉), before a
    speech verb at the start of a clause (张勇表示), before a bracketed title (雷军（小米集团董事长）),
    and the next names of a list (分析师张三、李四认为). A surname starts each Chinese name of 2–3
    characters (4 with a double surname); names the gazetteer knows (李宁) are companies."""
    idx = _people_index(
        titles if isinstance(titles, frozenset) else frozenset(titles),
        surnames if isinstance(surnames, frozenset) else frozenset(surnames),
    )
    found: dict[int, Match] = {}

    def add(i: int, length: int, source: str) -> None:
        name = text[i : i + length]
        if gazetteer is not None and gazetteer.lookup(name) is not None:
            return
        if i not in found:
            found[i] = (i, i + length, EntityCandidate("Person", name, source))
        # 张三、李四: the next names of a list
        j = i + length
        while j < len(text) - 1 and text[j] in "、和与及":
            nxt, _ = _name_len(text, j + 1, idx, strict=False)
            if not nxt or (j + 1) in found:
                break
            if gazetteer is not None and gazetteer.lookup(text[j + 1 : j + 1 + nxt]) is not None:
                break
            found[j + 1] = (j + 1, j + 1 + nxt, EntityCandidate("Person", text[j + 1 : j + 1 + nxt], source))
            j = j + 1 + nxt

    # 1. after a title (and a chain of titles: 创始人、董事长兼CEO雷军)
    for j, length in _names_after_titles(text, idx):
        add(j, length, "title")

    # 2. before a speech verb, at the start of a clause; 3. before a bracketed title
    for m in idx.clause_start.finditer(text):
        i = m.start()
        if i in found:
            continue
        length, kind = _name_len(text, i, idx, strict=True)
        if not length:
            continue
        if kind == "cue":
            add(i, length, "cue")
        elif _titled_apposition(text, i + length, idx):
            add(i, length, "title")
    return sorted(found.values(), key=lambda m: m[0])


# --- everything together ----------------------------------------------------------------------

_SOURCE_RANK = {
    "appoint": 6, "product": 5, "gazetteer": 5, "stock": 4, "suffix": 3, "latin": 3, "media": 3,
    "announce": 3, "title": 2,
    "ner": 1, "cue": 1,
}
# A place or level before a generic body makes it a local body of its own (省统计局, 杭州市民政局).
_LOCAL_PREFIX = re.compile(r"(?:[\u4e00-\u9fff]{1,6}?[省市县区州])$|(?:省|市|县|区|州)$")


def _word_edges(words: Sequence[tuple[int, int]]) -> tuple[set[int], dict[int, int]]:
    starts = {s for s, _ in words}
    start_of = {}
    for s, e in words:
        for i in range(s, e):
            start_of[i] = s
    return starts, start_of


def _inside_words(start: int, end: int, edges: tuple[set[int], dict[int, int]]) -> bool:
    """Does a span begin inside a word (群|众安) or, two characters long, end in a word that goes
    on (人|保护)?"""
    starts, start_of = edges
    if start not in starts and start in start_of:
        return True
    if end - start != 2:
        return False  # 阿里云|上: a longer alias keeps its last character
    last = start_of.get(end - 1, end - 1)
    return start < last < end and end not in starts and end in start_of and start_of[end] == last


def _local_body(text: str, s: int, e: int, cand: EntityCandidate) -> Match:
    """统计局 after 省 is the province's bureau, not the gazetteer's 国家统计局."""
    if cand.type != "Organization" or e - s > 3:
        return s, e, cand
    m = _LOCAL_PREFIX.search(text, max(0, s - 7), s)
    if not m:
        return s, e, cand
    start = trim_front(text, m.start(), e, [(s, e)])  # 即使按之前|市发改委
    place = _PLACE_RE.search(text, start, s)
    start = place.start() if place else start  # 他说|宁波市发改委
    if start >= s:
        return s, e, cand
    return start, e, EntityCandidate("Organization", text[start:e], "suffix")


# Cut words that are also words of legal names (盛世丰华企业管理有限公司, 联合利华): no trim there.
_NAME_INNER_CUTS = _words("name_inner_cut_words.txt")


def trim_front(text: str, s: int, e: int, protect: Sequence[tuple[int, int]] = (),
               cut_words: bool = True) -> int:
    """Where an organization span that ran over its left edge really starts: after the last
    punctuation or space (北京9月2日讯 今日，|西安…), and with ``cut_words`` after the last cut
    word of two characters or a hard one (公司全资子公司|北辰…, 现任|海岳银行, 认购|…有限公司) that
    leaves a name that is not generic words only. Digits and Latin letters (51信用卡, Ｃｉｓｃｏ),
    spaces between Latin words and brackets closed inside the span (阿波罗智行科技（广州）有限公司)
    stay."""
    start = s
    for i in range(s, e - 2):
        ch = text[i]
        if ch.isalnum() or ch in "·•&.-'":
            continue
        if ch in "（(" and re.search("[）)]", text[i:e]) or ch in "）)" and re.search("[（(]", text[s:i]):
            continue
        if ch == " " and _is_alnum_ascii(text[i - 1]) and _is_alnum_ascii(text[i + 1]):
            continue  # SOS Information Technology
        start = i + 1
    if not cut_words:
        return start
    for m in _CUT_RE.finditer(text, start, e):
        cut = m.group()
        if m.end() > e - 2 or (len(cut) < 2 and cut not in _HARD_CUTS):
            continue
        if cut in _NAME_INNER_CUTS and not (cut == "公司" and _generic(text[start:m.start()])):
            continue  # 全资公司|广东青禾…: a 公司 after generic words only is the clause's
        if _protected(protect, m.start()) or _protected(protect, m.end() - 1):
            continue
        if not _generic_name(text[m.end():e]):
            start = m.end()
    return start


def _with_st_mark(text: str, match: Match) -> Match:
    """A stock under special treatment keeps its mark: *ST盐湖, not ST盐湖 or 盐湖."""
    s, e, cand = match
    if cand.type != "Company":
        return match
    if text.startswith("ST", s) and s and text[s - 1] in "*＊":
        s -= 1
    elif s >= 3 and text[s - 3:s] in ("*ST", "＊ST"):
        s -= 3
    elif s >= 2 and text[s - 2:s] == "ST" and (s == 2 or not _is_alnum_ascii(text[s - 3])):
        s -= 2
    else:
        return match
    name = text[s:e] if cand.source != "gazetteer" else cand.name
    return s, e, EntityCandidate(cand.type, name, cand.source)


# A verb the model ran an organization into (海岳建工中标西安…), and a half or quarter after a
# name (北辰珠宝H1净利): the name ends before them.
_RUN_ON_VERB = re.compile(r"(?:中标|公告|宣布|拟收购)")
_PERIOD_AFTER = re.compile(r"[HQ]\d")


def _trim_back(text: str, s: int, e: int) -> int:
    m = _RUN_ON_VERB.search(text, s + 2, e)
    if m:
        e = m.start()
    if e - s > 2 and _PERIOD_AFTER.match(text, e - 1) and _is_cjk(text[e - 2]):
        e -= 1
    return e


_LEVEL = "省市县区镇乡旗州"
_PUBLIC_BODIES = _words("public_body_words.txt")


def placed_body(name: str) -> bool:
    """A place, its level and a kind of public body: 宁波市政府, 日本政府, 北京市统计局 name one
    body each, though 市政府 and 日本 alone are generic."""
    m = _PLACE_RE.match(name)
    if not m:
        return False
    rest = name[m.end():]
    rest = rest[1:] if rest[:1] in _LEVEL and len(rest) > 2 else rest
    return rest in _PUBLIC_BODIES


# 日本政府, 宁波市政府: a listed place and its level before a public body's generic word.
_PLACED_BODY_RE = re.compile("(?:" + _PLACE_RE.pattern + f")[{_LEVEL}]?")
_BODY_WORD_RE = re.compile("|".join(sorted(map(re.escape, _PUBLIC_BODIES), key=len, reverse=True)))


def find_placed_bodies(text: str) -> list[Match]:
    """Public bodies named by their place: 日本政府, 宁波市政府 (Organization); not 地方政府."""
    out: list[Match] = []
    for m in _BODY_WORD_RE.finditer(text):
        for lo in range(max(0, m.start() - 6), m.start() - 1):
            place = _PLACED_BODY_RE.fullmatch(text, lo, m.start())
            if place and placed_body(text[lo:m.end()]):
                out.append((lo, m.end(), EntityCandidate("Organization", text[lo:m.end()], "suffix")))
                break
    return out


def _model_matches(text: str, model, known: Sequence[Match]) -> list[Match]:
    """The model's spans as candidates, except one that cuts through a known name or only adds
    generic words to it (美团|外卖); 中金珠宝 is a name of its own, longer than 中金. An
    organization's front that ran over a verb or a clause (现任|海岳银行) is cut off."""
    out: list[Match] = []
    protect = [(ks, ke) for ks, ke, _ in known]
    for s, e, typ, _ in model:
        if typ != "Person":
            e = _trim_back(text, s, e)
            # a body's name holds words that cut a company's (国家计划生育委员会, 扶贫接力计划领导小组)
            s = trim_front(text, s, e, protect, cut_words=typ == "Company")
        name = text[s:e]
        if typ == "Person" and name in _NOT_NAMES:
            continue
        if typ != "Person" and ((_generic_name(name) and not placed_body(name)) or _UNIT_END.search(name)
                                or (_SUFFIX_END.search(name) and _AFTER_SUFFIX_BAD.match(text, e))):
            continue
        keep = True
        for ks, ke, _ in known:
            if ke <= s or e <= ks:
                continue
            if not (s <= ks and ke <= e) or (s, e) == (ks, ke):
                keep = False
            elif (ks - s) + (e - ke) and _generic(text[s:ks] + text[ke:e]) and not (
                    ks == s and typ == "Company" and ner_filter.org_type(name, "") == "Company"):
                keep = False  # 美团|外卖; but 中信|地产, 海岳电信|武汉分公司 are companies of their own
            if not keep:
                break
        if keep:
            out.append((s, e, EntityCandidate(typ, text[s:e], "ner")))
    return out


_UNIT_END = re.compile("(?:" + "|".join(sorted(_words("company_unit_words.txt"), key=len, reverse=True)) + ")$")
_SUFFIX_END = re.compile(f"(?:{_WEAK}|公司)$")


def _generic_name(name: str) -> bool:
    """Generic words before a company word, no name: 村镇银行, 国内券商, 地方政府."""
    if _generic(name):
        return True
    m = _SUFFIX_RE.search(name)
    return bool(m and m.end() == len(name) and m.start() > 0 and _generic(name[: m.start()]))


def _supported(s: int, e: int, text: str, model) -> bool:
    """A company-word span the model also sees as an organization, or a legal name."""
    name = text[s:e]
    if "有限" in name or name.endswith("公司"):
        return True
    return any(ms < e and s < me and typ != "Person" for ms, me, typ, _ in model)


def _model_starts_later(s: int, e: int, text: str, model) -> bool:
    """Does the model end an organization where this span ends but begin it later, past a
    front that is no place and no legal name's (图为|澄川地产, 原|中国书法研究院; 杭州|南都电源…
    keeps its place)?"""
    if "有限" in text[s:e] or _PLACE_RE.match(text, s):
        return False
    return any(s < ms and me == e and typ != "Person" for ms, me, typ, _ in model)


def _clean_stem(s: int, e: int, text: str, words: Sequence[tuple[int, int]],
                function_words: Collection[str], verbs: Collection[str] = ()) -> bool:
    """A company-word span made of whole words, none of them a function word and no verb
    before its last stem word: 蓝湾基金, 远航科技 but not 所以银行 (所以), 一些科技 (一些),
    手机购物流程 (物流 is no word there), 通知国内银行 (通知)."""
    starts = {ws for ws, _ in words}
    last = None
    for m in _SUFFIX_RE.finditer(text, s, e):
        if m.end() == e:
            last = m
    if s not in starts or last is None or last.start() not in starts:
        return False
    stem = [text[ws:we] for ws, we in words if s <= ws and we <= last.start()]
    return not any(w in function_words for w in stem) and not any(w in verbs for w in stem[:-1])


def find_entities(
    text: str,
    gazetteer: Gazetteer,
    titles: Iterable[str] | None = None,
    surnames: Iterable[str] | None = None,
    extra: Iterable[Match] = (),
    *,
    words: Sequence[tuple[int, int]] | None = None,
    model: Sequence[tuple[int, int, str, float]] | None = None,
    function_words: Collection[str] = (),
    verbs: Collection[str] = (),
) -> list[Match]:
    """All finders with overlaps settled: appointees first (聘任X为 …), then the longest span,
    the more reliable source on equal length (gazetteer > stock code > company word / Latin >
    title > NER / speech verb). Sorted by start.

    ``words``: the text's word segmentation as ``(start, end)``; a short known alias inside a
    word is no match (群众安全感 has no 众安). ``model``: the NER model's spans
    ``(start, end, type, confidence)`` (see ``ner_filter.model_candidates``); with it, a name
    found only by a company word (所以银行, 夺冠集团) needs the model's agreement unless it is a
    legal name (…有限公司) or whole words with no ``function_words`` among them and no word
    of ``verbs`` before its last stem word (请|致电|银行); and one whose front ran over a name
    the model ends at the same place (图为|澄川地产) yields to the model's span. ``extra``: more
    candidates, settled with the rest."""
    from .appointments import find_appointees
    from .products import find_products

    titles = load_titles() if titles is None else titles
    surnames = load_surnames() if surnames is None else surnames
    known = _known_names(text, gazetteer, words)
    cands: list[Match] = list(known)
    cands += find_stock_names(text, gazetteer, known=known, words=words)
    cands += _company_word_names(text, gazetteer, known, words, model, function_words, verbs)
    cands += find_subsidiaries(text, gazetteer, known=known)  # 子公司 is the signal
    cands += find_latin_names(text, gazetteer)
    cands += find_products(text, known)
    cands += find_media(text)
    cands += find_placed_bodies(text)
    cands += find_announcers(text, surnames, function_words, words)
    cands += find_listed_companies(text)
    cands += find_people(text, titles, surnames, gazetteer)
    cands += find_latin_people(text, gazetteer, titles)
    if model is not None:
        cands += _model_matches(text, model, known)
    cands += list(extra)
    return _settle(text, find_appointees(text, titles), [_with_st_mark(text, m) for m in cands])


def _known_names(text: str, gazetteer: Gazetteer, words: Sequence[tuple[int, int]] | None) -> list[Match]:
    """Gazetteer names, without a short alias inside a word (群众安全感 has no 众安)."""
    known = find_gazetteer(text, gazetteer)
    if words is not None:
        edges = _word_edges(words)
        known = [m for m in known if not (m[1] - m[0] <= 3 and _is_cjk(text[m[0]])
                                          and _inside_words(m[0], m[1], edges))]
    return [_local_body(text, *m) for m in known]


def _company_word_names(text: str, gazetteer: Gazetteer, known: list[Match],
                        words: Sequence[tuple[int, int]] | None, model, function_words, verbs) -> list[Match]:
    """Names found by a company word; with the model, only those it supports or that are
    clean words, and none whose front ran over a name the model ends at the same place."""
    suffix = find_company_suffix(text, gazetteer, known=known)
    if model is not None:
        suffix = [m for m in suffix if not _model_starts_later(m[0], m[1], text, model) and (
            _supported(m[0], m[1], text, model)
            or (words is not None and _clean_stem(m[0], m[1], text, words, function_words, verbs)))]
    return [m for m in suffix if not (m[2].type == "Organization" and text[m[1]:m[1] + 1] in ("杯", "赛"))]


def _settle(text: str, first: list[Match], cands: list[Match]) -> list[Match]:
    """``first`` (appointees), then ``cands`` longest first, the more reliable source on equal
    length; a span overlapping one already taken is dropped. Sorted by start."""
    cands = sorted(cands, key=lambda m: (-(m[1] - m[0]), -_SOURCE_RANK.get(m[2].source, 0), m[0]))
    taken = bytearray(len(text) + 1)
    out: list[Match] = []
    for s, e, c in first + cands:
        if any(taken[s:e]):
            continue
        taken[s:e] = b"\x01" * (e - s)
        out.append((s, e, c))
    out.sort(key=lambda m: m[0])
    return out
