"""Character features for the CRF NER tagger (pure functions, no model state).

One list of attribute strings per character of the input, built from:

- the characters themselves: unigrams in a +-2 window, bigrams and trigrams around the char;
- the character type (Han, digit, Latin, punctuation, ...) of the char and its neighbours;
- the jieba dictionary (SoftLexicon idea): for every dictionary word of length >= 2 that covers
  the char, whether the char Begins / is in the Middle of / Ends the word, with the word length
  bucket and the word's coarse jieba POS (person / place / organisation / other noun ...);
- a jieba-style max-probability segmentation over the same dictionary (B/M/E/S tag of the char,
  the segmented word and its POS);
- keyword gazetteers: distance to the next company / government / organisation suffix
  (公司, 集团, 银行, 政府, 大学 ...), chars inside a job-title word, common surnames;
- optionally a gazetteer of known entities (the training set's, built cross-fold during
  training so the CRF learns how far to trust it): B/I/E of every match, per label.

The text is never modified: features are computed on a width-normalised copy of the same length,
so feature i always belongs to ``text[i]``.

The jieba dictionary is read through a private ``jieba.Tokenizer()`` (never the global one).
"""

from __future__ import annotations

import logging
import math
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..rules.vocab import lines, rows

__all__ = [
    "KnownEntities",
    "Lexicon",
    "build_known_entities",
    "build_lexicon",
    "char_features",
    "load_lexicon",
    "lexicon_matches",
    "segment",
]

FEATURE_VERSION = 1

# Full-width ASCII (U+FF01..U+FF5E) and the ideographic space -> half-width, 1:1 so offsets hold.
_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDTH[0x3000] = 0x20

_POS_GROUP = {
    "nr": "r", "nrt": "r", "nrfg": "r",  # person
    "ns": "s",  # place
    "nt": "t",  # organisation
    "nz": "z",  # other proper noun
    "n": "n", "vn": "n", "ng": "n", "j": "j",
    "v": "v", "a": "a", "i": "i", "l": "l", "m": "m", "t": "d", "eng": "e",
}

_MAX_WORD = 8  # longest dictionary word considered


def _keywords() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for line in lines("ner_keywords.tsv"):
        cls, word = line.split("\t")
        out.setdefault(cls, []).append(word)
    return {cls: tuple(words) for cls, words in out.items()}


# Keyword gazetteers (suffix-style cues), class code -> words: data/ner_keywords.tsv.
KEYWORDS: dict[str, tuple[str, ...]] = _keywords()

_CRF_SURNAMES = [row[0] for row in rows("surnames.txt") if row[1:] == ("crf",)]
SURNAMES = frozenset(s for s in _CRF_SURNAMES if len(s) == 1)
COMPOUND_SURNAMES = frozenset(s for s in _CRF_SURNAMES if len(s) == 2)


_SURNAME_OR_FIRST = SURNAMES | {w[0] for w in COMPOUND_SURNAMES}


@dataclass(frozen=True, slots=True)
class Lexicon:
    """A word dictionary prepared for left-to-right prefix scans.

    ``words`` maps a word (length >= 2) to an index into ``tags`` (the precomputed
    Begin / Middle / End attribute tuples for its length bucket and POS group);
    ``prefixes`` holds every proper prefix (length >= 2) of every word;
    ``logp`` maps every dictionary entry (single chars too) to log(freq / total) for the
    max-probability segmentation; ``pos`` maps a word to its coarse POS group.
    """

    words: dict[str, int]
    prefixes: frozenset[str]
    tags: tuple[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...]
    logp: dict[str, float]
    pos: dict[str, str]
    min_logp: float
    max_len: int = _MAX_WORD


def _len_bucket(n: int) -> str:
    return str(n) if n < 5 else "5"


@lru_cache(maxsize=4)
def load_lexicon(min_freq: int = 1) -> Lexicon:
    """Read jieba's main dictionary (via a private Tokenizer) into a :class:`Lexicon`."""
    import jieba

    logging.getLogger("jieba").setLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    entries: list[tuple[str, int, str]] = []
    with tokenizer.get_dict_file() as fh:
        for raw in fh:
            parts = raw.decode("utf-8").split()
            if len(parts) < 2:
                continue
            word = parts[0].translate(_WIDTH)
            try:
                freq = int(parts[1])
            except ValueError:
                continue
            entries.append((word, freq, parts[2] if len(parts) > 2 else "x"))
    return build_lexicon(entries, min_freq=min_freq)


def build_lexicon(entries, *, min_freq: int = 1, max_len: int = _MAX_WORD) -> Lexicon:
    """Build a :class:`Lexicon` from ``(word, freq, jieba_pos)`` triples (deterministic)."""
    total = sum(f for _, f, _ in entries) or 1
    logtotal = math.log(total)
    logp: dict[str, float] = {}
    pos: dict[str, str] = {}
    words: dict[str, int] = {}
    prefixes: set[str] = set()
    tag_index: dict[tuple[str, str], int] = {}
    tags: list[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = []
    for word, freq, p in entries:
        if freq <= 0:
            continue
        logp[word] = math.log(freq) - logtotal
        n = len(word)
        if n < 2 or n > max_len or freq < min_freq:
            continue
        group = _POS_GROUP.get(p, "o")
        pos[word] = group
        key = (_len_bucket(n), group)
        idx = tag_index.get(key)
        if idx is None:
            lb, g = key
            idx = tag_index[key] = len(tags)
            tags.append(
                (("wB" + lb, "wBp" + g), ("wM" + lb, "wMp" + g), ("wE" + lb, "wEp" + g))
            )
        words[word] = idx
        for k in range(2, n):
            prefixes.add(word[:k])
    prefixes.update(words)
    min_logp = min(logp.values(), default=0.0) - 1.0
    return Lexicon(words, frozenset(prefixes), tuple(tags), logp, pos, min_logp, max_len)


def lexicon_matches(text: str, lexicon: Lexicon) -> list[tuple[int, int]]:
    """All ``(start, end)`` (half-open) dictionary words of length >= 2 in ``text``."""
    words = lexicon.words
    prefixes = lexicon.prefixes
    max_len = lexicon.max_len
    n = len(text)
    out: list[tuple[int, int]] = []
    for i in range(n - 1):
        w = text[i:i + 2]
        if w not in prefixes:  # most positions stop here
            continue
        stop = i + max_len if i + max_len < n else n
        j = i + 2
        while True:
            if w in words:
                out.append((i, j))
            j += 1
            if j > stop:
                break
            w = text[i:j]
            if w not in prefixes:
                break
    return out


def segment(text: str, lexicon: Lexicon, matches=None) -> list[tuple[int, int]]:
    """jieba-style max-probability segmentation (no HMM) over the lexicon; half-open spans."""
    n = len(text)
    if matches is None:
        matches = lexicon_matches(text, lexicon)
    dag: list[list[int]] = [[] for _ in range(n)]
    for i, j in matches:
        dag[i].append(j)
    logp = lexicon.logp
    floor = lexicon.min_logp
    best = [0.0] * (n + 1)
    nxt = [0] * (n + 1)
    for i in range(n - 1, -1, -1):
        score = logp.get(text[i], floor) + best[i + 1]
        end = i + 1
        for j in dag[i]:
            s = logp[text[i:j]] + best[j]
            if s > score:
                score, end = s, j
        best[i] = score
        nxt[i] = end
    spans = []
    i = 0
    while i < n:
        j = nxt[i]
        spans.append((i, j))
        i = j
    return spans


@dataclass(frozen=True, slots=True)
class KnownEntities:
    """Known entity surfaces (e.g. the training set's entities) -> their labels."""

    entries: dict[str, tuple[tuple[str, str, str], ...]]  # surface -> (B, I, E) attrs per label
    prefixes: frozenset[str]
    max_len: int


def build_known_entities(pairs, *, min_len: int = 2, max_len: int = 12) -> KnownEntities:
    """Build a :class:`KnownEntities` from ``(surface, label)`` pairs (order-independent)."""
    labels: dict[str, set[str]] = {}
    for surface, label in pairs:
        surface = surface.translate(_WIDTH)
        if min_len <= len(surface) <= max_len:
            labels.setdefault(surface, set()).add(label)
    entries = {
        w: tuple(("eB" + lab, "eI" + lab, "eE" + lab) for lab in sorted(labs))
        for w, labs in labels.items()
    }
    prefixes = {w[:k] for w in entries for k in range(1, len(w) + 1)}
    return KnownEntities(entries, frozenset(prefixes), max((len(w) for w in entries), default=0))


def _known_entity_features(t: str, gaz: KnownEntities, rows: list[list[str]]) -> None:
    entries = gaz.entries
    prefixes = gaz.prefixes
    n = len(t)
    marks: list[set[str] | None] = [None] * n
    for i in range(n - 1):
        if t[i] not in prefixes:
            continue
        stop = min(n, i + gaz.max_len)
        j = i + 2
        while j <= stop:
            w = t[i:j]
            if w not in prefixes:
                break
            hit = entries.get(w)
            if hit is not None:
                for k in range(i, j):
                    if marks[k] is None:
                        marks[k] = set()
                for b, m, e in hit:
                    marks[i].add(b)
                    for k in range(i + 1, j - 1):
                        marks[k].add(m)
                    marks[j - 1].add(e)
            j += 1
    for i, s in enumerate(marks):
        if s:
            rows[i].extend(sorted(s))


_TYPE_CACHE: dict[str, str] = {}


def _ctype(ch: str) -> str:
    t = _TYPE_CACHE.get(ch)
    if t is not None:
        return t
    if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf":
        t = "H"
    elif ch.isdigit():
        t = "D"
    elif ch.isascii() and ch.isalpha():
        t = "L" if ch.islower() else "U"
    elif ch.isspace():
        t = "S"
    elif ch.isalpha():
        t = "A"
    else:
        cat = unicodedata.category(ch)
        t = "P" if cat.startswith("P") else "O"
    if len(_TYPE_CACHE) < 100_000:
        _TYPE_CACHE[ch] = t
    return t


def _keyword_lexicon():
    kw: dict[str, str] = {}
    for cls, items in KEYWORDS.items():
        for w in items:
            kw.setdefault(w, cls)
    # first char -> [(length, class-by-word)] longest first, so most chars cost one lookup
    first: dict[str, list[int]] = {}
    for w in kw:
        first.setdefault(w[0], []).append(len(w))
    return kw, {ch: tuple(sorted(set(ls), reverse=True)) for ch, ls in first.items()}


_KW, _KW_FIRST = _keyword_lexicon()
_KW_MAXDIST = 10


def _keyword_features(t: str, rows: list[list[str]]) -> None:
    """Distance to the next company/government/organisation keyword; inside job titles."""
    n = len(t)
    hits: list[tuple[int, int, str]] = []
    kw = _KW
    first = _KW_FIRST.get
    for i, ch in enumerate(t):
        lengths = first(ch)
        if lengths is None:
            continue
        for k in lengths:
            if i + k > n:
                continue
            cls = kw.get(t[i:i + k])
            if cls is not None:
                hits.append((i, i + k, cls))
                break
    if not hits:
        return
    nearest: dict[str, int] = {}
    # walk right to left, remembering the nearest keyword start of each class
    hi = len(hits) - 1
    for pos in range(n - 1, -1, -1):
        while hi >= 0 and hits[hi][0] > pos:
            s, e, cls = hits[hi]
            nearest[cls] = s
            hi -= 1
        row = rows[pos]
        for cls, s in nearest.items():
            d = s - pos
            if d <= _KW_MAXDIST and cls != "p":
                row.append("k" + cls + str(d))
    for s, e, cls in hits:
        rows[s].append("K" + cls + "B")
        for p in range(s + 1, e):
            rows[p].append("K" + cls + "I")
        if e < n:
            rows[e].append("K" + cls + "A")  # char right after a keyword
        if s > 0:
            rows[s - 1].append("K" + cls + "P")  # char right before a keyword


def _surname_features(t: str, rows: list[list[str]]) -> None:
    n = len(t)
    for i in [i for i, ch in enumerate(t) if ch in _SURNAME_OR_FIRST]:
        if t[i] in SURNAMES:
            rows[i].append("sn")
            if i + 1 < n:
                rows[i + 1].append("sn1")
            if i + 2 < n:
                rows[i + 2].append("sn2")
        if t[i:i + 2] in COMPOUND_SURNAMES:
            rows[i].append("snc")


def _lexicon_features(t: str, lexicon: Lexicon, matches: list[tuple[int, int]], rows: list[list[str]]) -> None:
    """SoftLexicon B/M/E sets of the dictionary words over each character."""
    if not matches:
        return
    words = lexicon.words
    tags = lexicon.tags
    lex: list[set[str] | None] = [None] * len(t)
    for i, j in matches:
        b, m, e = tags[words[t[i:j]]]
        s = lex[i]
        if s is None:
            s = lex[i] = set()
        s.update(b)
        for k in range(i + 1, j - 1):
            s = lex[k]
            if s is None:
                s = lex[k] = set()
            s.update(m)
        s = lex[j - 1]
        if s is None:
            s = lex[j - 1] = set()
        s.update(e)
    for i, s in enumerate(lex):
        if s:
            rows[i].extend(sorted(s))


def _segment_features(t: str, lexicon: Lexicon, matches: list[tuple[int, int]], rows: list[list[str]]) -> None:
    """The word of the max-probability segmentation over each character, and its part of speech."""
    pos = lexicon.pos
    for i, j in segment(t, lexicon, matches):
        if j - i == 1:
            rows[i].append("gS")
            continue
        w = t[i:j]
        g = pos.get(w, "o")
        wf = "gw" + w
        rows[i].extend(("gB", wf, "gp" + g))
        for k in range(i + 1, j - 1):
            rows[k].extend(("gM", wf, "gp" + g))
        rows[j - 1].extend(("gE", wf, "gp" + g))


def char_features(
    text: str, lexicon: Lexicon, gazetteer: KnownEntities | None = None
) -> list[list[str]]:
    """One list of attribute strings per char of ``text`` (deterministic, pure)."""
    n = len(text)
    if n == 0:
        return []
    t = text.translate(_WIDTH)
    c = ["\x02", "\x02", *t, "\x03", "\x03"]
    ctype = _TYPE_CACHE.get
    ty = ["B", "B", *[ctype(ch) or _ctype(ch) for ch in t], "E", "E"]
    rows = [
        [
            "u" + c0,
            "a" + cm1,
            "b" + cp1,
            "A" + cm2,
            "Z" + cp2,
            "ba" + cm1 + c0,
            "bb" + c0 + cp1,
            "bA" + cm2 + cm1,
            "bZ" + cp1 + cp2,
            "bj" + cm1 + cp1,
            "t" + cm1 + c0 + cp1,
            "ta" + cm2 + cm1 + c0,
            "tb" + c0 + cp1 + cp2,
            "y" + y0,
            "Y" + ym1 + y0 + yp1,
        ]
        for cm2, cm1, c0, cp1, cp2, ym1, y0, yp1 in zip(
            c, c[1:], c[2:], c[3:], c[4:], ty[1:], ty[2:], ty[3:]
        )
    ]
    _surname_features(t, rows)
    matches = lexicon_matches(t, lexicon)
    _lexicon_features(t, lexicon, matches, rows)
    _segment_features(t, lexicon, matches, rows)
    _keyword_features(t, rows)
    if gazetteer is not None and gazetteer.entries:
        _known_entity_features(t, gazetteer, rows)
    return rows
