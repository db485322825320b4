"""Claims: who said or reported what.

Pure rule functions over a text, its sentence spans and the entity mentions found
in it (stdlib only). ``find_claims`` returns ``(start, end, ClaimValue)`` where
``text[start:end]`` is the content of the claim: no speaker, no cue, no quotation
marks and no trailing 。/，.

Patterns handled::

    雷军表示，……。                  speaker before the cue, unquoted (the cue's sentence)
    雷军在发布会上表示：“……。……”    quoted (runs to the closing quote, across sentences)
    “……”，雷军说。  ……，李斌说。     speaker after
    他表示 / 该公司称 / 腾讯方面表示  pronouns and roles resolved to an earlier entity
    据路透社报道，…… / 乘联会数据显示，…… / 财报显示，……   named sources

Words that look like cues but are not (表示感谢, 被认为, 堪称, 显示屏, 需要指出的是,
新发现, 据悉, 可以说, …) yield nothing, and so does a cue whose speaker cannot be
resolved.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from .punctuation import CLAUSE_MARKS, SENTENCE_END
from .vocab import lines, words

__all__ = ["ClaimValue", "find_claims", "load_speech_verbs", "person_like"]


@dataclass(frozen=True, slots=True)
class ClaimValue:
    """Who made a claim and how it was introduced.

    ``speaker`` is a canonical entity name or a named source as written
    ("路透社", "媒体报道", "财报"); ``speaker_span`` the offsets of the surface form the
    speaker was resolved from (the pronoun's span for 他/该公司); ``cue`` the verb or
    phrase introducing the claim; ``quoted`` whether the content was in quotation marks.
    """

    speaker: str | None
    speaker_span: tuple[int, int] | None
    cue: str
    quoted: bool
    speaker_type: str | None = None  # "Person" when a speaker no entity names looks like a person


Entity = tuple[int, int, str, str]  # (start, end, type, canonical_name)

# --------------------------------------------------------------------------- lexicon


def load_speech_verbs() -> dict[str, frozenset[str]]:
    """Speech and report verbs with their flags (``data/speech_verbs.tsv``), shared by the extractor."""
    verbs: dict[str, frozenset[str]] = {}
    for line in lines("speech_verbs.tsv"):
        verb, _, flags = line.partition("\t")
        verbs[verb.strip()] = frozenset(f.strip() for f in flags.split(",") if f.strip())
    return verbs


def _load_sources() -> dict[str, str]:
    return dict(line.split("\t")[:2] for line in lines("report_sources.tsv"))


_VERBS = load_speech_verbs()
_SPEECH_CUES = tuple(_VERBS)
_NEEDS_PUNCT = frozenset(v for v, f in _VERBS.items() if "punct" in f)
_JU_ONLY = frozenset(v for v, f in _VERBS.items() if "ju" in f)
_AFTER_CUES = frozenset(v for v, f in _VERBS.items() if "after" in f)
_ADDRESSEE_CUES = frozenset(v for v, f in _VERBS.items() if "addressee" in f)
_COLON_ONLY = frozenset(v for v, f in _VERBS.items() if "colon" in f)
_SOURCES = _load_sources()
_SOURCE_NOUNS = tuple(_SOURCES)
_COMPANY_DOCS = frozenset(n for n, kind in _SOURCES.items() if kind == "company_document")
_SOURCE_VERBS = tuple(lines("report_source_verbs.txt"))
_NOT_CLAIM_AFTER_BIAOSHI = tuple(lines("attitude_objects.txt"))
_ANONYMOUS = tuple(lines("anonymous_sources.txt"))
_SPOKESPERSONS = tuple(sorted(lines("spokesperson_words.txt"), key=len, reverse=True))
_TITLES = tuple(sorted(lines("titles.txt"), key=len, reverse=True))
_MANNERS = tuple(lines("speech_manners.txt"))
_SURNAMES = frozenset(words("surnames.txt"))
_PERSON_HONORIFICS = tuple(lines("person_honorifics.txt"))
_HONORIFICS = tuple(sorted(set(_PERSON_HONORIFICS) | set(_TITLES), key=len, reverse=True))
_PLACE_TAILS = frozenset(lines("place_suffixes.txt"))


def _flagged(name: str) -> dict[str, frozenset[str]]:
    """``word<TAB>flag,flag`` lines of ``data/<name>`` as {word: flags}."""
    out = {}
    for line in lines(name):
        word, _, flags = line.partition("\t")
        out[word.strip()] = frozenset(f.strip() for f in flags.split(",") if f.strip())
    return out


def _with(table: dict[str, frozenset[str]], flag: str) -> list[str]:
    return [word for word, flags in table.items() if flag in flags]


def _alt(words) -> str:
    """A regex alternation of ``words``, escaped, longest first (so 但是 is tried before 但)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_LEAD_WORDS = _flagged("speaker_lead_words.tsv")
_ORG_TAILS = _flagged("organization_tails.tsv")
_ROLES = _flagged("company_roles.tsv")
_LOOKALIKES: dict[tuple[str, str], str] = {}
for _line in lines("cue_lookalikes.tsv"):
    _cue, _side, _chars = _line.split("\t")
    _LOOKALIKES[(_cue, _side)] = _chars

_OPEN_TO_CLOSE = {"“": "”", "「": "」", "‘": "’", "『": "』"}
_CLOSE_TO_OPEN = {v: k for k, v in _OPEN_TO_CLOSE.items()}
_QUOTE_MARKS = "".join(_OPEN_TO_CLOSE) + "".join(_CLOSE_TO_OPEN)
# Where the clause before a cue begins: any mark but 、 (王良、李明表示 is one clause).
_CLAUSE_BOUNDARY = frozenset(SENTENCE_END + CLAUSE_MARKS + "\n" + _QUOTE_MARKS) - {"、"}
_SENT_END = frozenset(SENTENCE_END)
_AFTER_CUE_END = frozenset(SENTENCE_END + "…")
_SPACES = " \t\r\n\u3000"
_TRAILING = "。" + CLAUSE_MARKS + _SPACES
_LEADING = CLAUSE_MARKS.replace("；;", "") + _SPACES
# Company documents a company publishes about itself and names at the start of the content:
# 2020年半年报显示，今天国际的主营业务为…… (not 公告: it often reports on another company).
_SELF_DOCS = frozenset(_COMPANY_DOCS - {"公告", "声明", "报告"})
# A bare phrase before 数据显示/报告显示 names a source when it looks like an
# organisation (乘联会, 国家统计局, 赛诺咨询) or is written in Latin letters (IDC).
_ORG_LIKE_RE = re.compile(rf"(?:[A-Za-z]{{2,}}|{_alt(_with(_ORG_TAILS, 'source'))})$")
_NOT_ORG_TAILS = ("分部", "业务部", "事业部", "本部")
_GENERIC_HUMAN_RE = re.compile(rf"(?:{'|'.join(_ANONYMOUS)})$")
_GENERIC_LEAD_RE = re.compile(rf"^(?:{_alt(_with(_LEAD_WORDS, 'anonymous'))})+[，,]?")
_GENERIC_TAIL_RE = re.compile(rf"(?:{_alt(lines('anonymous_source_tails.txt'))})+$")
# Before a cue, these only introduce a clause or a time: 对此，/ 并表示 / 随后称.
_CONNECTIVES_RE = re.compile(rf"^(?:{_alt(_with(_LEAD_WORDS, 'clause'))}|(?<![位名])有)+[，,]?")
# Trailing words between a speaker and the cue: times, places, manners, addressees.
_SPEAKER_TAIL_RE = re.compile(
    r"(?:在[^，。“”]{1,30}?(?:上|中|时|里|后|期间)|(?:对|向|跟|接受)[^，。“”]{0,14}?(?:记者|媒体|采访时?)|"
    rf"(?:\d{{4}}年)?(?:\d{{1,2}}月)?\d{{1,2}}日(?:{_alt(lines('times_of_day.txt'))}|早)?|"
    rf"(?:{'|'.join(lines('relative_period_words.txt'))})(?:\d{{1,2}}月)?(?:初|底|末|中旬|上旬|下旬)?|"
    r"\d{1,2}月(?:初|底|末|中旬|上旬|下旬)?|"
    r"在?(?:本月|上月|今年|去年)?早些时候|(?<![非正日异])常|[一二三四五六七八九十]{1,3}日|周[一二三四五六日]|"
    r"及其?一致行动人|(?<=[)）司团份])披露|一脸[^，。“”]{1,4}地|[\u4e00-\u9fff]{2}(?<![当本外两异内基产场土天各])地|"
    rf"{_alt(lines('speaker_tail_words.txt'))}|{_alt(_MANNERS)}|"
    r"(?<![出究务易心])所|(?:对|向)[她他]|以[^，。；]{1,16}?的?(?:身份|名义)|[（(][^（）()]*[）)])$"
)
_BRACKETS_RE = re.compile(r"[（(][^（）()]*[）)]")
# Characters a speaker's name does not hold: the clause is narration, not a name.
_NOT_IN_NAME_RE = re.compile(r"[是把被让将了着过就才都没不已为与和对向从，。；：“”《》]|进行|举行|收到|完成|正式|意义|应该|发布|来自")

_CUE_RE = re.compile(
    rf"(?P<src>(?:{_alt(_SOURCE_NOUNS)})(?:{_alt(_SOURCE_VERBS)}))"
    rf"|(?P<cue>{_alt(_SPEECH_CUES)})(?P<suffix>称|道|说)?"
)

_PRONOUN_RE = re.compile(r"(?<![其吉])[他她](?![们人乡国])")
_COMPANY_ROLE_RE = re.compile(_alt(_ROLES))
# Words that can only mean the article's company, even when it is named after them (公司表示……理想汽车);
# a spokesperson (发言人表示) is never someone named later.
_COMPANY_WORDS = frozenset(_with(_ROLES, "article"))
_PERSON_ROLE_RE = re.compile(rf"对方|该(?:{_alt(lines('referable_person_nouns.txt'))})")
_PASSIVE_RE = re.compile(r"被[^，。；：“”]{0,3}$")
_BARE_LEAD_RE = re.compile(rf"^(?:{_alt(_with(_LEAD_WORDS, 'bare'))})+[，,]?")
_BARE_TAIL_RE = re.compile(
    rf"(?:{_alt(lines('recent_time_words.txt'))}|(?:\d{{4}}年)?(?:\d{{1,2}}月)?\d{{1,2}}日(?:晚间|早间)?)?"
    rf"(?:{_alt(lines('publishing_verbs.txt'))})?的?(?:最新)?$"
)
_GENERIC_MEDIA = frozenset(lines("generic_media.txt"))
# Clauses that set the scene rather than carry content: 在被问及……时 / 谈到竞争时
_ADVERBIAL_RE = re.compile(rf"^(?:{_alt(lines('scene_openers.txt'))})|(?:时|之际|期间|后)$")
_PREPOSITIONS = frozenset("对向与和跟同给为替及")
# What a company publishes before saying what it holds: 公布第三季度业绩，…… / 披露回购进展，……
_ANNOUNCED_OBJECT_RE = re.compile(rf"[^，。；“”]{{0,14}}?(?:{_alt(lines('announced_objects.txt'))})(?=[，,：:])")
_ANNOUNCED = ("将", "已", "完成", "正式将", "即将", "拟")
# 宣布 followed by these is narration of where or when: 宣布在巴西建设生产基地
_NOT_ANNOUNCED = lines("not_announced_next.txt")
_DEICTIC_CHARS = frozenset(lines("deictic_chars.txt"))
_MAX_REGION = 40
_MAX_BARE = 12
_MAX_QUOTE = 3000


# --------------------------------------------------------------------------- helpers


def _find_close(text: str, i: int, open_ch: str) -> int | None:
    """Index of the quote closing the one opened at ``i - 1``.

    A quotation runs over paragraphs the Chinese way: each paragraph reopens it and only the
    last one closes it (“……\n“……”); any other paragraph break ends the search.
    """
    close_ch = _OPEN_TO_CLOSE[open_ch]
    depth = 0
    stop = min(len(text), i + _MAX_QUOTE)
    j = i
    while j < stop:
        ch = text[j]
        if ch == close_ch:
            if depth == 0:
                return j
            depth -= 1
        elif ch == open_ch:
            depth += 1
        elif ch == "\n":
            k = j
            while k < stop and text[k] in "\n \u3000\t":
                k += 1
            if depth or k >= stop or text[k] != open_ch:
                return None
            j = k  # the next paragraph reopens the same quotation
        j += 1
    return None


def _find_open(text: str, j: int, close_ch: str) -> int | None:
    """Index of the quote opening the one closed at ``j`` (same paragraph)."""
    open_ch = _CLOSE_TO_OPEN[close_ch]
    depth = 0
    stop = max(-1, j - _MAX_QUOTE)
    for i in range(j - 1, stop, -1):
        ch = text[i]
        if ch == open_ch:
            if depth == 0:
                return i
            depth -= 1
        elif ch == close_ch:
            depth += 1
        elif ch == "\n":
            return None
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _LEADING:
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return start, end


class _Article:
    """Indexes over one text: sentences, entities by position and type."""

    def __init__(self, text: str, sentences: list[tuple[int, int]], entities: list[Entity]):
        self.text = text
        sents = sorted((s, e) for s, e in sentences if e > s)
        self.sent_starts = [s for s, _ in sents]
        self.sents = sents
        ents = sorted((e for e in entities if e[1] > e[0]), key=lambda e: (e[0], -e[1]))
        self.ents = ents
        self.ent_starts = [e[0] for e in ents]
        self.by_type: dict[str, tuple[list[int], list[Entity]]] = {}
        for typ in ("Person", "Company", "Organization"):
            of_type = sorted((e for e in ents if e[2] == typ), key=lambda e: e[1])
            self.by_type[typ] = ([e[1] for e in of_type], of_type)
        # Content spans of claims found so far: mentions inside them are poor antecedents.
        self.claimed: list[tuple[int, int]] = []
        # (speaker, speaker_span), cue start of the last claim kept
        self.last_claim: tuple[tuple[str, tuple[int, int]], int] | None = None
        # content starts of claims that only wrap another source (发布公告，X……认为 / 据媒体报道，X表示)
        self.wrapper_starts: set[int] = set()

    # sentences ---------------------------------------------------------------
    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.sent_starts, pos) - 1
        if i >= 0 and self.sents[i][0] <= pos < self.sents[i][1]:
            return self.sents[i]
        text = self.text
        s = pos
        while s > 0 and text[s - 1] not in _SENT_END and text[s - 1] != "\n":
            s -= 1
        e = pos
        while e < len(text) and text[e] not in _SENT_END and text[e] != "\n":
            e += 1
        if e < len(text) and text[e] != "\n":
            e += 1
        return s, e

    def prev_sentence_start(self, pos: int) -> int:
        s, _ = self.sentence(pos)
        if s == 0:
            return 0
        return self.sentence(s - 1)[0]

    # entities ----------------------------------------------------------------
    def entities_in(self, start: int, end: int) -> list[Entity]:
        i = bisect_left(self.ent_starts, start)
        out = []
        while i < len(self.ents) and self.ents[i][0] < end:
            if self.ents[i][1] <= end:
                out.append(self.ents[i])
            i += 1
        return out

    def last_of_type(self, types: tuple[str, ...], pos: int, lo: int = 0,
                     avoid_claimed: bool = False) -> Entity | None:
        best: Entity | None = None
        for typ in types:
            ends, of_type = self.by_type[typ]
            i = bisect_right(ends, pos) - 1
            while i >= 0 and of_type[i][1] > lo:
                ent = of_type[i]
                if not (avoid_claimed and self._in_claim(ent[0])):
                    if best is None or ent[1] > best[1]:
                        best = ent
                    break
                i -= 1
        return best

    def last_subject_person(self, pos: int) -> Entity | None:
        """The last person before ``pos`` in this or the previous sentence who is not a possessor
        (石齐的作品), a preposition's object (在吴冠中之后, 对李明) or inside a claim: who a
        pronoun stands for."""
        ends, persons = self.by_type["Person"]
        lo = self.prev_sentence_start(pos)
        i = bisect_right(ends, pos) - 1
        while i >= 0 and persons[i][1] > lo:
            s, e = persons[i][0], persons[i][1]
            if (self.text[e:e + 1] != "的" and self.text[s - 1:s] not in _PREPOSITIONS | {"在", "于"}
                    and not self._in_claim(s)):
                return persons[i]
            i -= 1
        return None

    def first_of_type(self, types: tuple[str, ...]) -> Entity | None:
        for ent in self.ents:
            if ent[2] in types:
                return ent
        return None

    def _in_claim(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.claimed)


# --------------------------------------------------------------------------- speakers


def _clause_start(text: str, sent_start: int, cue_start: int) -> int:
    """Start of the clause ending at the cue; short inline quotes (在“两会”上) are skipped."""
    i = cue_start - 1
    while i >= sent_start:
        ch = text[i]
        if ch in _CLOSE_TO_OPEN:
            o = _find_open(text, i, ch)
            if (o is not None and o > sent_start and i - o <= 16
                    and text[o - 1] not in _CLAUSE_BOUNDARY
                    and not any(c in _CLAUSE_BOUNDARY for c in text[o + 1:i])):
                i = o - 1
                continue
            return i + 1
        if ch in "）)":
            o = text.rfind("（" if ch == "）" else "(", max(sent_start, i - 30), i)
            if o >= 0:
                i = o - 1  # 永安行(行情603776,诊股)发布公告称 : a bracket is not a clause
                continue
        if ch in _CLAUSE_BOUNDARY:
            return i + 1
        i -= 1
    return sent_start


_BYLINE_RE = re.compile(r"[（(](?:本报|特约)?(?:记者|编辑|通讯员|实习生|责任编辑)[^（）()，。]{0,24}$")


def _in_byline(text: str, pos: int) -> bool:
    """（记者孟梅实习生夏冬梅）/（编辑张跃） : a name in the writers' bracket."""
    return bool(_BYLINE_RE.search(text, max(0, pos - 26), pos)
                and re.match(r"[^（）()，。]{0,12}[）)]", text[pos:pos + 14]))


def _next_to_cue(text: str, end: int, cue_start: int) -> bool:
    """Only a title, a time, a manner or an addressee between a name and its cue (施密德教授介绍说)."""
    title = next((t for t in _HONORIFICS if text.startswith(t, end, cue_start)), "")
    return _subjectless(text, end + len(title), cue_start)


_UNIT_OF_RE = re.compile(r"(?:旗下|下属|全资子公司|控股子公司|子公司)(?:的)?")


def _names_a_person(text: str, org_end: int, span: tuple[int, int]) -> bool:
    """丹麦队教练约翰松 / 星河集团王良 : the phrase after an organization names a person (behind a
    title, or a name that looks like one); 英特尔立即宣布 / 长安汽车公布的业绩预告 do not."""
    name = text[span[0]:span[1]]
    between = text[org_end:span[0]]
    return (any(t in between for t in _TITLES) or person_like(name)
            or (len(name) in (2, 3) and (name[0] in _SURNAMES or name[:2] in _SURNAMES)))


def _bare_source(region: str) -> str:
    phrase = _BARE_LEAD_RE.sub("", region)
    phrase = _BARE_TAIL_RE.sub("", phrase)
    titled = re.search(r"《([^《》]{2,12})》$", phrase)
    if titled and "的" not in phrase:
        phrase = titled.group(1)  # 智利《信使报》 : the outlet
    if len(phrase) > _MAX_BARE or len(phrase) < 2 or phrase.startswith("来自"):
        return ""
    if phrase[0] in "其这此该它他她我你" or _PRONOUN_RE.search(phrase) or phrase.endswith("此间"):
        return ""  # 据今天此间报道 : no source is named
    return phrase


def _generic_source(region: str) -> str:
    phrase = _GENERIC_LEAD_RE.sub("", region)
    phrase = _GENERIC_TAIL_RE.sub("", phrase)
    if "的" in phrase:
        phrase = phrase[phrase.rindex("的") + 1:]
    if not (2 <= len(phrase) <= _MAX_BARE) or not _GENERIC_HUMAN_RE.search(phrase):
        return ""
    if any(ch in phrase for ch in CLAUSE_MARKS.replace("、", "") + "“”（）()"):
        return ""
    return phrase


_ORG_TAIL_RE = re.compile(rf"(?:{_alt(_with(_ORG_TAILS, 'unit'))})$")


def _name_phrase(text: str, r0: int, cue_start: int) -> tuple[int, int] | None:
    """The speaker as written before a cue when no entity names it.

    科威特石油大臣萨巴赫惊呼 → 科威特石油大臣萨巴赫; 高能环境6月1日公告 → 高能环境;
    有过一次痛苦减肥经历的王小姐这样说 → 王小姐; 交通银行四川省分行的有关人员表示 → 交通银行四川省分行.
    Times, places, manners and addressees before the cue are dropped; a phrase holding a verb
    or a function word is narration, not a name, and gives None.
    """
    start, end = _phrase_bounds(text, r0, cue_start)
    start, end = _outlet_or_publisher(text, start, end)
    start, end = _head_of_phrase(text, start, end)
    phrase = text[start:end]
    for title in _TITLES:
        k = phrase.rfind(title)
        if k >= 0 and len(phrase) - k - len(title) >= 2 and not phrase.endswith(_SPOKESPERSONS):
            start += k + len(title)
            break
    start, end = _trim(text, start, end)
    return (start, end) if _could_name(text[start:end]) else None


def _phrase_bounds(text: str, r0: int, cue_start: int) -> tuple[int, int]:
    """The clause before the cue without its connectives (对此，), its trailing times, manners and
    addressees (今天在发布会上), and anything before a separator (格隆汇9月25日丨, ……）)."""
    start, end = r0, cue_start
    m = _CONNECTIVES_RE.match(text[start:end])
    if m:
        start += m.end()
    while end > start:
        m = _SPEAKER_TAIL_RE.search(text, start, end)
        if not m or m.end() != end:
            break
        end = m.start()
    for sep in ("丨", "】", "——", "|", "）", ")"):
        k = text.rfind(sep, start, end)
        if k >= 0:
            start = k + len(sep)
    return start, end


def _outlet_or_publisher(text: str, start: int, end: int) -> tuple[int, int]:
    """《预案》和《工作方案》 → 预案; 智利《信使报》 → 信使报; 长安汽车最新公布的业绩预告 → 长安汽车."""
    phrase = text[start:end]
    titles = _TITLE_LIST_RE.fullmatch(phrase)
    if titles:  # the first document speaks for both
        start, end = start + 1, start + 1 + len(titles.group(1))
    elif phrase.endswith("》") and phrase.count("《") == 1 and "的" not in phrase:
        k = phrase.index("《")  # the outlet
        start, end = start + k + 1, end - 1
    published = _PUBLISHED_RE.search(text[start:end])
    if published and published.start() >= 2:  # the publisher
        end = start + published.start()
    return start, end


def _head_of_phrase(text: str, start: int, end: int) -> tuple[int, int]:
    """The speaker in a phrase with 的 or a spokesperson word: 交通银行四川省分行的有关人员 → the
    branch; 联交所最新的股权披露 → 联交所; 有过一次减肥经历的王小姐 → 王小姐; 星河银行发言人 → 星河银行."""
    phrase = text[start:end]
    if "的" in phrase:
        k = phrase.rindex("的")
        head, tail = phrase[:k], phrase[k + 1:]
        if tail.endswith(_SPOKESPERSONS) and _ORG_TAIL_RE.search(_BRACKETS_RE.sub("", head)):
            end = start + k
        elif tail.endswith(_SOURCE_NOUNS + ("披露",)):
            end = start + k  # the one who discloses
            while end > start and text[end - 2:end] in ("最新", "近期", "此前", "发布"):
                end -= 2
        else:
            start += k + 1
        return start, end
    word = next((w for w in _SPOKESPERSONS if phrase.endswith(w)), None)
    if word and len(phrase) - len(word) >= 2 and _ORG_TAIL_RE.search(phrase[:-len(word)]) \
            and not _GENERIC_HUMAN_RE.search(phrase[:-len(word)]):
        end -= len(word)
    return start, end


def _could_name(phrase: str) -> bool:
    """A phrase holding a verb or a function word is narration, not a name."""
    if not (2 <= len(phrase) <= 16) or _NOT_IN_NAME_RE.search(phrase) or phrase in _TITLES:
        return False
    if phrase[-1] in "在于从对向把被将给":
        return False  # 只好在（2008年初）宣布 : a preposition left without its object
    if phrase[0] in _DEICTIC_CHARS or phrase[0].isdigit() or phrase in _NOT_SPEAKERS \
            or re.match(r"在[我你他她]", phrase):
        return False  # 在我看来 : the writer, or a pronoun with no one named
    noun = next((n for n in _SOURCE_NOUNS if phrase.endswith(n)), None)
    # 研究发现 / 相关数据显示: no one is named
    return not (noun and _SOURCES[noun] == "document" and not _ORG_LIKE_RE.search(phrase[:-len(noun)]))


_PUBLISHED_RE = re.compile(
    r"(?:近日|日前|此前|最新|最近|近期)?(?:发布|公布|披露|出具|发表)的(?:[^的，。]{0,6}?)$")
_TITLE_LIST_RE = re.compile(r"《([^《》]{2,12})》(?:[和与及、]《[^《》]{2,12}》)+")

_NOT_SPEAKERS = frozenset(lines("not_speakers.txt"))


_SUBJECT_STOP_RE = re.compile(rf"[在将对于已把被向与和(（，]|(?P<cue>{_alt(_SPEECH_CUES)})")


def _leading_subject(art: _Article, start: int, end: int,
                     need_cue: bool = False) -> tuple[str, tuple[int, int]] | None:
    """The subject opening a clause (吴晓明否认指控 → 吴晓明), for a cue whose own clause has none."""
    text = art.text
    m = _CONNECTIVES_RE.match(text[start:end])
    if m:
        start += m.end()
    stop = _SUBJECT_STOP_RE.search(text, start, end)
    if need_cue and not (stop and stop.group("cue")):
        return None
    if stop and stop.group() == "被":
        return None  # 阿根廷的足球比赛被中止两周之后，今天宣布…… : a passive clause names no speaker
    if _PRONOUN_RE.match(text, start, end):  # 她看出了……，便说 : whom the pronoun stands for
        decided, spk = _pronoun_speaker(art, start, start + 1)
        return spk
    honoured = next((k for k in range(5, 2, -1) if start + k <= end
                     and text[start + k - 1] != "的" and _HONORED_RE.fullmatch(text, start, start + k)), None)
    if honoured and not art.entities_in(start, start + honoured):
        return text[start:start + honoured], (start, start + honoured)  # 李老师看了后，……说
    for e in art.entities_in(start, end):
        if e[0] <= start + 1 and e[2] in ("Person", "Company", "Organization"):
            return e[3], (e[0], e[1])
        break
    m = stop
    if not m or m.start() - start < 2:
        return None
    span = _name_phrase(text, start, m.start())
    if span is None:
        return None
    named = [e for e in art.entities_in(*span) if e[1] == span[1] and e[2] != "Product"]
    if named:  # 保荐机构海通证券 : the entity the phrase ends with
        return named[0][3], (named[0][0], named[0][1])
    return text[span[0]:span[1]], span


def _unresolved_org_speaker(art: _Article, pos: int) -> tuple[str, tuple[int, int]] | None:
    """The last claim's speaker when it was named without an entity and is not a person:
    软银集团……预计……。该公司预计…… (the entity tagger missed 软银集团)."""
    last = art.last_claim
    if last is None or not last[0][0] or last[1] >= pos or last[1] < art.prev_sentence_start(pos):
        return None
    (name, span), _ = last
    if (art.entities_in(*span) or any(e[3] == name for e in art.ents)
            or _PRONOUN_RE.search(art.text[span[0]:span[1]]) or name in _SOURCES):
        return None
    return name, span


def _last_org_speaker(art: _Article, pos: int) -> tuple[str, tuple[int, int]] | None:
    """软银集团……预计……。该公司预计…… : the company that spoke last, not the last one named."""
    last = art.last_claim
    if last is None or last[1] >= pos or last[1] < art.prev_sentence_start(pos):
        return None
    name = last[0][0]
    if any(e[3] == name and e[2] in ("Company", "Organization") for e in art.ents):
        return last[0]
    return None


def _subjectless(text: str, r0: int, cs: int) -> bool:
    """Only connectives, times, manners and an addressee before the cue: 并表示 / 微笑地对她说."""
    start = r0
    m = _CONNECTIVES_RE.match(text[r0:cs])
    if m:
        start += m.end()
    end = cs
    while end > start:
        m = _SPEAKER_TAIL_RE.search(text, start, end)
        if not m or m.end() != end or m.start() == end:
            break
        end = m.start()
    return end == start


Speaker = tuple[str, tuple[int, int]]  # (name, span of the surface it was resolved from)
Decided = tuple[bool, "Speaker | None"]  # (whether this step settles it, the speaker)


def _resolve_speaker(art: _Article, r0: int, cue_start: int, cue: str,
                     allow_bare: bool) -> Speaker | None:
    """Who the clause ``text[r0:cue_start]`` before a cue names as its speaker, in order: a person
    named there, a pronoun or a person's role (他, 该负责人), an organization (or its person or
    unit), a company's role (该公司, 公司方面), a named source or an anonymous one."""
    text = art.text
    r0 = max(r0, cue_start - _MAX_REGION)
    ents = [e for e in art.entities_in(r0, cue_start)
            if e[2] != "Product" and _may_speak(text, r0, e)]
    persons = [e for e in ents if e[2] == "Person"]
    if persons:
        return _named_person(text, r0, cue_start, persons)
    for step in (_pronoun_speaker, _person_role_speaker):
        decided, spk = step(art, r0, cue_start)
        if decided:
            return spk
    orgs = [e for e in ents if e[2] in ("Company", "Organization")]
    if orgs:
        return _organization_speaker(art, r0, cue_start, orgs)
    decided, spk = _company_role_speaker(art, r0, cue_start)
    if decided:
        return spk
    return _source_phrase_speaker(art, r0, cue_start, cue, allow_bare)


def _may_speak(text: str, r0: int, e: Entity) -> bool:
    """Not the writer in a byline, not the object of a preposition (对李明说)."""
    if "记者" in text[max(0, e[0] - 3):e[0]] or _in_byline(text, e[0]):
        return False  # （记者 王辉）/（记者孟梅实习生夏冬梅）: the writer's byline
    return not (e[0] > r0 and text[e[0] - 1] in _PREPOSITIONS)


def _named_person(text: str, r0: int, cue_start: int, persons: list[Entity]) -> Speaker:
    free = [e for e in persons if text[e[1]:e[1] + 1] != "的"]
    near = _name_phrase(text, r0, cue_start)
    # 嘉麟杰董事长王忠辉向记者透露 : the person the phrase before the cue names, not an earlier one
    e = next((p for p in persons if near and near[0] <= p[0] < near[1]), None) \
        or next((p for p in reversed(persons) if _next_to_cue(text, p[1], cue_start)), None) \
        or (free or persons)[0]
    return e[3], (e[0], e[1])


def _pronoun_speaker(art: _Article, r0: int, cue_start: int) -> Decided:
    """他表示 : the person the pronoun stands for; a pronoun with no one before it settles None."""
    region = art.text[r0:cue_start]
    m = _PRONOUN_RE.search(region)
    if not m or (m.start() > 0 and region[m.start() - 1] in _PREPOSITIONS):
        return False, None  # 微笑地对她说 : she is spoken to
    pos = r0 + m.start()
    ante = art.last_subject_person(pos) \
        or art.last_of_type(("Person",), pos, avoid_claimed=True) \
        or art.last_of_type(("Person",), pos)
    return True, (ante[3], (pos, r0 + m.end())) if ante is not None else None


def _person_role_speaker(art: _Article, r0: int, cue_start: int) -> Decided:
    """该负责人表示 / 对方表示 : the nearest compatible one named before."""
    m = _PERSON_ROLE_RE.search(art.text, r0, cue_start)
    if not m:
        return False, None
    types = ("Company", "Organization", "Person") if m.group() == "对方" else ("Person",)
    ante = art.last_of_type(types, m.start(), lo=art.prev_sentence_start(m.start()))
    if ante is None:
        return False, None
    return True, (ante[3], m.span())


def _organization_speaker(art: _Article, r0: int, cue_start: int, orgs: list[Entity]) -> Speaker:
    """The organization the phrase before the cue names, its unit (旗下……) or its person (……教练约翰松)."""
    text = art.text
    near = _name_phrase(text, r0, cue_start)
    if near and text[near[0] - 1:near[0]] == "《" and text[near[1]:near[1] + 1] == "》":
        return text[near[0]:near[1]], near  # 《米兰体育报》认为 : the outlet, not the city in its name
    e = next((o for o in orgs if near and near[0] <= o[0] < near[1]), orgs[0])
    unit = _UNIT_OF_RE.match(text, e[1], cue_start)
    part = _name_phrase(text, unit.end(), cue_start) if unit else None
    if part and part[0] == unit.end() and not art.entities_in(*part):
        return text[part[0]:part[1]], part  # 星河集团旗下星河优选宣布 : the unit speaks
    after = _name_phrase(text, e[1], cue_start)
    if (after and _names_a_person(text, e[1], after) and not art.entities_in(*after)
            and not text[after[0]:after[1]].endswith(_SPOKESPERSONS + _ANONYMOUS + _SOURCE_NOUNS)
            and not _ORG_TAIL_RE.search(text[after[0]:after[1]])):
        # 丹麦队教练约翰松说 : the person named after the organization speaks
        return text[after[0]:after[1]], after
    return e[3], (e[0], e[1])


def _company_role_speaker(art: _Article, r0: int, cue_start: int) -> Decided:
    """该公司表示 / 公司方面称 : the company spoken of; 上市公司星河电子 : 公司 inside a name."""
    text = art.text
    m = _COMPANY_ROLE_RE.search(text, r0, cue_start)
    if not m:
        return False, None
    near = _name_phrase(text, r0, cue_start)
    if near and near[1] - near[0] > m.end() - m.start() + 1 and near[0] <= m.start() < near[1]:
        return True, (text[near[0]:near[1]], near)  # 上市公司星河电子股份有限公司
    pos = m.start()
    named = _unresolved_org_speaker(art, pos) or _last_org_speaker(art, pos)
    if named is not None:
        return True, (named[0], m.span())
    ante = (art.last_of_type(("Company",), pos, avoid_claimed=True)
            or art.last_of_type(("Company",), pos)
            or art.last_of_type(("Organization",), pos)
            or (art.first_of_type(("Company",)) if m.group() in _COMPANY_WORDS else None))
    return True, (ante[3], m.span()) if ante is not None else None


def _source_phrase_speaker(art: _Article, r0: int, cue_start: int, cue: str,
                           allow_bare: bool) -> Speaker | None:
    """A source no entity names: 彭博社援引……称, 业内人士表示, 据乘联会统计, 科威特石油大臣萨巴赫惊呼."""
    text = art.text
    region = text[r0:cue_start]
    if "援引" in region:
        # 彭博社援引知情人士的话称 : the outlet that cites
        phrase = _bare_source(region[:region.index("援引")])
        if phrase:
            off = region.index(phrase)
            return phrase, (r0 + off, r0 + off + len(phrase))
    phrase = _generic_source(region)
    if phrase:
        off = region.rindex(phrase)
        return phrase, (r0 + off, r0 + off + len(phrase))
    if allow_bare:
        phrase = _bare_source(region)
        if phrase:
            off = region.rindex(phrase)
            span = (r0 + off, r0 + off + len(phrase))
            if cue == "报道" and phrase in _GENERIC_MEDIA:
                return phrase + "报道", span
            return phrase, span
    span = _name_phrase(text, r0, cue_start)
    if span:
        return text[span[0]:span[1]], span
    return None


# --------------------------------------------------------------------------- cues


def _rejected(text: str, cs: int, ce: int, cue: str) -> bool:
    """Cue look-alikes: 表示感谢, 被认为, 堪称, 可以说, 需要指出的是, 新发现, …"""
    before = text[cs - 1] if cs > 0 else ""
    after = text[ce] if ce < len(text) else ""
    if after in ("的", "了", "着", "过"):
        return True
    if text[max(0, cs - 2):cs] in _MODALS or before == "误":
        return True  # 可以认为 / 只能说 / 误认为 : no one is quoted
    if re.search(r"[一两几每这那该此上][篇份条则项]$", text[max(0, cs - 2):cs]):
        return True  # 一篇报道 / 一份警告 : a noun after a measure word (not 以……的身份呼吁)
    if (before and before in _LOOKALIKES.get((cue, "before"), "")) \
            or (after and after in _LOOKALIKES.get((cue, "after"), "")):
        return True  # 号称 / 称为 / 来说 / 说明 / 新发现 / 显示屏 / 信息披露 (data/cue_lookalikes.tsv)
    if _other_word(text, cs, ce, cue, before, after):
        return True
    if text.rfind("《", max(0, cs - 30), cs) > text.rfind("》", max(0, cs - 30), cs):
        return True  # inside a title: 《如平说历史》
    return False


def _other_word(text: str, cs: int, ce: int, cue: str, before: str, after: str) -> bool:
    """Look-alikes one cue has that a character table cannot say."""
    ahead = text[max(0, cs - 2):cs]
    if cue == "表示":
        return text.startswith(_NOT_CLAIM_AFTER_BIAOSHI, ce)  # 表示感谢 : an attitude
    if cue == "称":
        # 第一人称 ; 称它为“欧洲之花” : naming, not saying
        return ahead in ("一人", "三人") or bool(_CALLED_RE.match(text, ce))
    if cue == "说":
        # 准确地说 / 总体说 / 换句话说 ; 在机场对记者讲话时说这番话的 : narration of the saying
        return bool(_SAYING_IDIOM_RE.search(text, max(0, cs - 6), cs)) \
            or text.startswith(("这番话", "这些话", "这句话", "这话"), ce)
    if cue == "指出":
        return ahead in ("值得", "需要", "必须", "应该") or before == "要"
    if cue == "看来":
        return bool(after) and after not in "，,"
    if cue == "透露":
        # 一位不愿透露姓名的理财师表示 : the cue is 表示
        return bool(re.match(r"姓名|身份|名字|出", text[ce:ce + 2])
                    or re.search(r"(?:不愿|不便|拒绝|未|没有)$", text[max(0, cs - 3):cs]))
    if cue == "介绍":
        return ahead == "情况"  # 听取了情况介绍
    if cue == "披露":
        return not after  # 截至本公告披露 : nothing follows
    if cue == "公告":
        return bool(re.search(r"没有|未|不|应|及时|要求", text[max(0, cs - 12):cs]))  # 应该发公告
    return False


# 称它为“欧洲之花” / 称这座桥为“城市之眼” : naming something, not saying anything
_CALLED_RE = re.compile(r"[它他她其之]们?为|[^，。；：“”\n]{1,8}?为[“「]")
_MODALS = ("可以", "只能", "不能", "不妨", "很难", "难以")
_SAYING_IDIOM_RE = re.compile(rf"(?:{_alt(lines('saying_idioms.txt'))})(?:地|来)?$")


@dataclass(slots=True)
class _Claim:
    start: int
    end: int
    value: ClaimValue
    cue_start: int
    clause_start: int
    before_mode: bool
    report: bool = False  # 据路透社报道，…… : a person quoted inside takes precedence
    inherited: bool = False  # the speaker is the subject of an earlier clause (……，并表示，……)


def _clause_end(text: str, p: int, limit: int) -> int:
    while p < limit and text[p] not in _CLAUSE_BOUNDARY:
        p += 1
    return p


def _content_after(art: _Article, p: int, sent_end: int) -> tuple[int, int, bool] | None:
    """Content following a cue at ``p``: a quotation, or the rest of the sentence."""
    text = art.text
    while p < len(text) and text[p] in "，,：: \u3000":
        p += 1
    if p >= len(text):
        return None
    ch = text[p]
    if ch in _OPEN_TO_CLOSE:
        close = _find_close(text, p + 1, ch)
        if close is not None and not _quoted_term(text, p + 1, close):
            s, e = _trim(text, p + 1, close)
            return (s, e, True) if e - s >= 2 else None
    s, e = _trim(text, p, max(p, sent_end))
    if e - s < 2:
        return None
    return s, e, False


def _quoted_term(text: str, start: int, close: int) -> bool:
    """称“活利贷”这款产品将…… : a short quoted name that the clause goes on after, not a quotation."""
    after = text[close + 1:close + 2]
    return (close - start <= 15 and bool(after) and after not in SENTENCE_END + CLAUSE_MARKS + "\n“”「」"
            and not any(c in _CLAUSE_BOUNDARY for c in text[start:close]))


def _content_before(text: str, sent_start: int, r0: int) -> tuple[int, int, bool] | None:
    """Content preceding a speaker clause starting at ``r0``: “……”，雷军说 / ……，李斌说.

    Adverbial clauses in between (在被问及……时，卢伟冰说) are skipped.
    """
    for _ in range(3):
        j = r0 - 1
        while j >= 0 and text[j] in "，, \u3000":
            j -= 1
        if j < 0:
            return None
        if text[j] in _CLOSE_TO_OPEN:
            o = _find_open(text, j, text[j])
            if o is None:
                return None
            s, e = _trim(text, o + 1, j)
            return (s, e, True) if e - s >= 2 else None
        if j < sent_start or text[j] in _CLAUSE_BOUNDARY:
            return None
        k = _clause_start(text, sent_start, j + 1)
        if _ADVERBIAL_RE.search(text[k:j + 1]):
            r0 = k
            continue
        s, e = _trim(text, sent_start, j + 1)
        return (s, e, False) if e - s >= 2 else None
    return None


_TIME_LEAD_RE = re.compile(r"[0-9０-９年月日季度上下半及和、至-]{2,30}[，,]")
_CONTENT_LEAD_RE = re.compile(r"([^，。、；：“”的\s]{2,10}?)的")


def _source_speaker(art: _Article, r0: int, cs: int, ce: int, noun: str, word: str,
                    content_start: int) -> tuple[str, tuple[int, int]] | None:
    """Who speaks through a document or data: 乘联会数据显示 / 中青宝发布公告称 / 财报显示.

    A name before the noun; else, for a company's own report, the company its content opens
    with (2020年半年报显示，今天国际的主营业务……); else a company of this or the previous
    sentence; else the document itself (财报, 公告) — data with no source gives None.
    """
    text = art.text
    _, sent_end = art.sentence(cs)
    spk = _resolve_speaker(art, r0, cs, word, allow_bare=True)
    if spk is not None and not art.entities_in(*spk[1]):
        # a bare phrase: 分部数据显示 / 年报数据显示 are the company's own numbers
        if spk[0].endswith(tuple(_COMPANY_DOCS)):
            noun = next(d for d in _COMPANY_DOCS if spk[0].endswith(d))
            spk = None
        elif noun in _COMPANY_DOCS and _name_phrase(text, r0, cs) == spk[1]:
            pass  # 中青宝5月13日晚间发布公告称
        elif (noun == "数据" and _name_phrase(text, r0, cs) == spk[1] and len(spk[0]) <= 8
              and not spk[0].endswith(_NOT_ORG_TAILS + ("分部", "业务"))):
            pass  # 天眼查数据显示 : a data provider
        elif not _ORG_LIKE_RE.search(spk[0]) or spk[0].endswith(_NOT_ORG_TAILS):
            spk = None
    if spk is not None:
        return spk
    if noun == "消息" and not text[r0:cs].strip("有另据，, "):
        return noun, (cs, cs + len(noun))  # 有消息称: an anonymous source
    if noun in _SELF_DOCS:
        lead = _TIME_LEAD_RE.match(text, content_start, sent_end)  # 2019年，X的收益……
        m = _CONTENT_LEAD_RE.match(text, lead.end() if lead else content_start, sent_end)
        if m and _name_phrase(text, m.start(1), m.end(1)) == m.span(1):
            return m.group(1), m.span(1)
    lo = art.prev_sentence_start(cs)
    types = ("Company",) if noun in _COMPANY_DOCS else ("Company", "Organization")
    ent = (art.last_of_type(types, cs, lo=lo, avoid_claimed=True)
           or art.last_of_type(types, cs, lo=lo))
    if ent is None and noun in _SELF_DOCS:
        ent = next((e for e in art.entities_in(ce, sent_end) if e[2] in types), None)
    if ent is not None:
        return ent[3], (ent[0], ent[1])
    if noun in _COMPANY_DOCS:
        return noun, (cs, cs + len(noun))
    return None


def _continued_subject(art: _Article, r0: int, sent_start: int) -> tuple[str, tuple[int, int]] | None:
    """The speaker of a clause without a subject: the last claim's speaker in this sentence,
    else the subject opening the previous clause."""
    inside = any(s <= r0 < e for s, e in art.claimed)
    last = art.last_claim
    if last is not None and last[1] >= sent_start and last[0][0] and not inside:
        return last[0][0], last[0][1]
    if r0 <= sent_start + 1:
        return None
    k = _clause_start(art.text, sent_start, r0 - 1)
    # inside another claim, only a clause that is itself speech (但吴晓明否认指控) hands on its
    # subject — or the clause opening an announcement (公告，保荐机构……进行了检查，认为……)
    found = _leading_subject(art, k, r0 - 1, need_cue=inside and k not in art.wrapper_starts)
    if found is None and not inside:
        found = _earlier_person_subject(art, sent_start, k)
    return found


def _earlier_person_subject(art: _Article, sent_start: int, end: int) -> tuple[str, tuple[int, int]] | None:
    """企业家李嘉诚首度发声，包下……广告，以……的身份呼吁…… : a person opening one of the two clauses
    before, behind at most a title (not an addressee or an object: 交给张国华, 对李明)."""
    text = art.text
    for _ in range(2):
        if end <= sent_start + 1:
            return None
        start = _clause_start(text, sent_start, end - 1)
        for e in art.entities_in(start, end):
            if e[2] != "Person":
                continue
            lead = _CONNECTIVES_RE.sub("", text[start:e[0]])
            if (len(lead) <= 10 and not _NOT_IN_NAME_RE.search(lead) and not _SPEAKER_TAIL_RE.search(lead)
                    and text[e[1]:e[1] + 1] != "的" and text[e[0] - 1:e[0]] not in _PREPOSITIONS):
                return e[3], (e[0], e[1])
            break
        end = start - 1
    return None


def _candidate(art: _Article, m: re.Match) -> list[_Claim] | None:
    """The claim(s) a cue match introduces, or None."""
    if m.group("src"):
        return _source_candidate(art, m)
    cue = _cue_context(art, m)
    if cue is None:
        return None
    if cue.speaker_after:
        return _speaker_after(art, cue)
    return _speaker_before(art, cue)


def _source_candidate(art: _Article, m: re.Match) -> list[_Claim] | None:
    """乘联会数据显示，…… / 中青宝发布公告称，…… / 财报显示，…… : a document or data speaks."""
    text = art.text
    cs, ce = m.span()
    sent_start, sent_end = art.sentence(cs)
    word = m.group("src")
    noun_end = cs + next(len(n) for n in sorted(_SOURCE_NOUNS, key=len, reverse=True)
                         if word.startswith(n))
    noun = text[cs:noun_end]
    if noun == "数据" and word.endswith("称"):
        return None
    if ce < len(text) and text[ce] in "屏器日的之" or word == "信息披露":
        return None  # 显示屏 / 截至本公告披露日 / 信息披露
    r0 = _clause_start(text, sent_start, cs)
    content = _content_after(art, ce, sent_end)
    if content is None:
        return None
    spk = _source_speaker(art, r0, cs, ce, noun, word, content[0])
    if spk is None:
        return None
    s, e, quoted = content
    return [_Claim(s, e, ClaimValue(spk[0], spk[1], word, quoted), cs, r0, True)]


@dataclass(slots=True)
class _Cue:
    """A speech cue that passed the look-alike checks, and where its parts are."""
    start: int  # the cue's first character
    word: str  # the verb as listed (表示)
    full: str  # with its suffix (表示称 → 表示 + 称)
    suffix: str | None
    p: int  # after the cue and its suffix
    after: str  # the character at p
    r0: int  # start of the speaker's clause (at 据 when there is one)
    region: str  # text[r0:start]
    by_ju: bool  # introduced by 据 / 根据
    sent_start: int
    sent_end: int
    quote_next: bool = False  # ……，”李斌说，“…… : the quotation goes on after the speaker
    speaker_after: bool = False  # the content precedes the cue (“……”，雷军说。)


def _cue_context(art: _Article, m: re.Match) -> _Cue | None:
    """The cue's clause, or None when the word is no cue here (look-alikes, bylines, passives)."""
    text = art.text
    cs = m.start()
    sent_start, sent_end = art.sentence(cs)
    if text.startswith(("原标题", "标题"), sent_start):
        return None  # a headline quoted at the top of the page
    word, ce = m.group("cue"), m.end("cue")
    if _rejected(text, cs, ce, word):
        return None
    r0 = _clause_start(text, sent_start, cs)
    region = text[r0:cs]
    if _PASSIVE_RE.search(region):
        return None
    k = region.rfind("据")
    by_ju = k >= 0 and (k == 0 or region[k - 1] not in "证")
    if by_ju and k >= 1 and region[k - 1] in "根依":
        k -= 1  # 根据财报显示 : the source starts at 根据
    if by_ju and k > 0:
        r0, region = r0 + k, region[k:]  # ……3.59% 据财联社消息，: the source starts at 据
    if _not_a_cue_here(text, word, ce, region, by_ju):
        return None
    suffix = m.group("suffix")
    p = m.end()
    cue = _Cue(cs, word, word + (suffix or ""), suffix, p, text[p:p + 1], r0, region, by_ju,
               sent_start, sent_end)
    # speaker after the content: “……”，雷军说。 / ……，李斌说。
    cue.quote_next = cue.after in "，," and text[p + 1:p + 2] in _OPEN_TO_CLOSE
    if cue.quote_next and _content_before(text, sent_start, r0) is None:
        cue.quote_next = False  # 王牧天表示，“……” : the quotation follows, nothing precedes
    cue.speaker_after = (not cue.after or cue.after in _AFTER_CUE_END or p >= sent_end
                         or cue.quote_next)
    return cue


def _not_a_cue_here(text: str, word: str, ce: int, region: str, by_ju: bool) -> bool:
    if word == "报道" and re.search(r"记者[^，。：；“”]{0,12}$", region):
        return True  # 新华社北京3月3日电记者朱梦魁报道： a byline, not a source
    if word == "发现" and "记者" in region:
        return True  # 记者走访多家门店发现，…… : the writer found it, no one is quoted
    if word == "看来" and not region.lstrip("而但不过，,").startswith("在"):
        return True
    if word == "显示" and not (by_ju or text[ce:ce + 1] in ("，", ",", "：", ":")):
        return True
    if word in _JU_ONLY and not by_ju:
        return True
    return word in _COLON_ONLY and text[ce:ce + 1] not in ("：", ":")


def _speaker_after(art: _Article, cue: _Cue) -> list[_Claim] | None:
    """“……”，雷军说。 / ……，李斌说。 / “……，”李斌说，“……。” : the content comes first."""
    if cue.word not in _AFTER_CUES:
        return None
    spk = _resolve_speaker(art, cue.r0, cue.start, cue.word, allow_bare=False)
    if spk is None:
        return None
    content = _content_before(art.text, cue.sent_start, cue.r0)
    if content is None:
        return None
    s, e, quoted = content
    if e - s < 2:
        return None
    value = ClaimValue(spk[0], spk[1], cue.full, quoted)
    out = [_Claim(s, e, value, cue.start, cue.r0, False)]
    if cue.quote_next:  # split quotation: “……，”李斌说，“……。”
        rest = _content_after(art, cue.p, cue.sent_end)
        if rest is not None and rest[2]:
            out.append(_Claim(rest[0], rest[1], value, cue.start, cue.r0, False))
    return out


_OPENS_CONTENT = ("，", ",", "：", ":", "“", "「")


def _content_start(art: _Article, cue: _Cue) -> int | None:
    """Where the content after a cue begins, or None when what follows is no reported clause."""
    text, p, after, word = art.text, cue.p, cue.after, cue.word
    if (word in ("公布", "披露") and after not in _OPENS_CONTENT
            and not re.search(r"将|拟|计划|预计|即将", cue.region)):
        obj = _ANNOUNCED_OBJECT_RE.match(text, p, cue.sent_end)
        if obj:  # 理想汽车公布第三季度业绩，营收为…… : what follows the object is reported
            p, after = obj.end(), "，"
    if word in _NEEDS_PUNCT and not cue.suffix and after not in _OPENS_CONTENT:
        # 微软宣布将小冰分拆 / 十荟团宣布完成C1轮融资 : what is announced is a clause
        announced = word == "宣布" and not text.startswith(_NOT_ANNOUNCED, p) \
            and not _ADVERBIAL_RE.search(text[p:_clause_end(text, p, cue.sent_end)])
        if word not in _ADDRESSEE_CUES and not announced and not (
                word in ("公布", "公告") and text.startswith(_ANNOUNCED, p)):
            return None
    if word in _ADDRESSEE_CUES:  # 告诉记者，…… : the content follows the one spoken to
        k = p
        limit = min(cue.sent_end, p + 16)
        while k < limit and text[k] not in "，,：:“":
            k += 1
        if k >= limit:
            return None
        p = k
    return p


def _speaker_before(art: _Article, cue: _Cue) -> list[_Claim] | None:
    """雷军表示，…… / 雷军在发布会上表示：“……” / 他表示 / 据路透社报道，…… : the speaker comes first."""
    text = art.text
    p = _content_start(art, cue)
    if p is None:
        return None
    spk = _resolve_speaker(art, cue.r0, cue.start, cue.word,
                           allow_bare=cue.by_ju or cue.word in ("报道", "显示", "看来"))
    if (spk is not None and cue.word in ("预计", "相信", "担心", "担忧", "发现") and cue.after not in "，,：:"
            and not art.entities_in(*spk[1]) and not _COMPANY_ROLE_RE.fullmatch(text[spk[1][0]:spk[1][1]])):
        return None  # 阿克苏地区各族群众预计口粮消费…… : narration, not a named source (该公司预计 is)
    inherited = False
    if spk is None and _subjectless(text, cue.r0, cue.start):
        # ……，并表示，…… / 吴晓明否认指控，认为…… : the clause continues an earlier subject
        spk, inherited = _continued_subject(art, cue.r0, cue.sent_start), True
    if spk is None:
        return None
    double = _CUE_RE.match(text, p)
    if double and double.group("cue") and text[double.end():double.end() + 1] in ("，", ",", "：", ":"):
        p = double.end()  # 强调指出，…… : two cues, one claim
    content = _content_after(art, p, cue.sent_end)
    if content is None:
        return None
    s, e, quoted = content
    value = ClaimValue(spk[0], spk[1], cue.full, quoted)
    wrapper = cue.by_ju or cue.word == "报道" or (cue.word == "公告" and text[p:p + 1] in "，,")
    return [_Claim(s, e, value, cue.start, cue.r0, True, report=wrapper, inherited=inherited)]


# --------------------------------------------------------------------------- entry point


def find_claims(text: str, sentences: list[tuple[int, int]],
                entities: list[tuple[int, int, str, str]]) -> list[tuple[int, int, ClaimValue]]:
    """Claims in ``text`` as ``(start, end, ClaimValue)``; ``(start, end)`` is the content.

    ``sentences`` are ``(start, end)`` spans; ``entities`` are
    ``(start, end, type, canonical_name)`` mentions with types Company, Person,
    Organization or Product.  A claim whose cue lies inside another claim's content is
    dropped (reported speech within reported speech), except that a new clause with its
    own speaker (……，他还表示，……) ends the previous unquoted claim there.
    """
    art = _Article(text, sentences, entities)
    claims: list[_Claim] = []
    for m in _CUE_RE.finditer(text):
        if claims and claims[-1].value.quoted and claims[-1].start <= m.start() < claims[-1].end:
            continue  # cue inside a quotation
        for cand in _candidate(art, m) or ():
            _add(art, claims, cand)
    found = [(c.start, c.end, c.value) for c in claims]
    found = [item for claim in found for item in _list_items(art, *claim)]
    found += _views(art, found) + _trailing_quotes(art, found) + _colon_speakers(art, found)
    found += _colon_quotes(art, found)
    named = {e[3] for e in art.ents}
    found = [(s, e, _typed(text, v, named)) for s, e, v in found]
    return sorted(found, key=lambda c: c[0])


def _typed(text: str, value: ClaimValue, entity_names: set[str]) -> ClaimValue:
    span = value.speaker_span
    if span and text[span[0] - 1:span[0]] == "《":
        return value  # 《晋书·宣帝纪》说 : a book, dot and all
    if value.speaker and value.speaker not in entity_names and person_like(value.speaker):
        return replace(value, speaker_type="Person")
    return value


_NAME_DOT_RE = re.compile(r"^[^\W\d_]{1,12}[·•・][^\W\d_]{1,12}(?:[·•・][^\W\d_]{1,12})*$")


_HONORED_RE = re.compile(
    rf"(?:{_alt(_SURNAMES)})[^\W\d_]{{0,2}}?(?:{_alt(_PERSON_HONORIFICS)})")


def person_like(name: str) -> bool:
    """A speaker written as a person's name: 育亭·维沙蓬 (a transliteration dot), 李老师 / 小平同志
    (a name and an honorific or title), 李嘉诚 (a surname and a two-character given name).
    Anonymous sources (知情人士), documents and organisation-like phrases are not."""
    if (name in _SOURCES or name in _NOT_SPEAKERS or _GENERIC_HUMAN_RE.search(name) or name.endswith("们")
            or _ORG_LIKE_RE.search(name) or _ORG_TAIL_RE.search(name)):
        return False
    if _NAME_DOT_RE.match(name):
        return True
    title = next((t for t in _HONORIFICS if name.endswith(t)), None)
    if title is not None:
        return 1 <= len(name) - len(title) <= 3
    # two-character names are left out: 华为, 海航, 高盛 open with a surname as well
    if len(name) not in (3, 4) or not all("\u4e00" <= ch <= "\u9fff" for ch in name) \
            or name[-1] in _PLACE_TAILS:
        return False
    surname = 2 if name[:2] in _SURNAMES else 1 if name[0] in _SURNAMES else 0
    return len(name) - surname == 2 if surname == 1 else surname == 2


_ENUM_RE = re.compile(
    r"(?:第[一二三四五六七八九十]|[一二三四五六七八九十]是|首先|其次|再次|最后|[1-9][、.．]|[（(][1-9一二三四五][）)])[，,、：:]?")


def _list_items(art: _Article, start: int, end: int,
                value: ClaimValue) -> list[tuple[int, int, ClaimValue]]:
    """王良认为，原因有三：第一，……；第二，……。 : the lead-in and each item, one claim each."""
    text = art.text
    colon = text.find("：", start, end)
    if value.quoted or colon < 0 or not _ENUM_RE.match(text, colon + 1):
        return [(start, end, value)]
    stop = end
    while True:  # items continue in the next sentences: ……。第三，……。
        _, sent_end = art.sentence(stop)
        k = sent_end
        while k < len(text) and text[k] in " \u3000\n":
            k += 1
        if k >= len(text) or not _ENUM_RE.match(text, k) or k - stop > 3:
            break
        stop = art.sentence(k)[1]
    markers = [m for m in _ENUM_RE.finditer(text, colon + 1, stop)
               if text[m.start() - 1] in "：；;。，,\n \u3000"]
    if len(markers) < 2:
        return [(start, end, value)]
    out = [(*_trim(text, start, colon), value)]
    for m, nxt in zip(markers, markers[1:] + [None]):
        s, e = _trim(text, m.end(), nxt.start() if nxt else stop)
        if e - s >= 2:
            out.append((s, e, value))
    return out


_VIEW_RE = re.compile(r"表达了(?P<content>[^，。；“”]{2,40}?)的(?P<noun>观点|看法|立场|担忧|判断)")


def _views(art: _Article, found: list) -> list[tuple[int, int, ClaimValue]]:
    """王良表达了价格战不可持续的观点 : the view is the claim."""
    out = []
    for m in _VIEW_RE.finditer(art.text):
        s, e = m.span("content")
        if any(cs < e and s < ce for cs, ce, _ in found):
            continue
        sent_start, _ = art.sentence(m.start())
        r0 = _clause_start(art.text, sent_start, m.start())
        spk = _resolve_speaker(art, r0, m.start(), "表达", allow_bare=False)
        if spk is not None:
            out.append((s, e, ClaimValue(spk[0], spk[1], "表达了" + m.group("noun"), False)))
    return out


_COLON_SPEAKER_RE = re.compile(r"(?:^|(?<=[\n。！？!?]))[ \u3000]*(?P<name>[^\s，。：:“”（）()]{2,4})(?:[（(][^（）()\n]{1,40}[）)])?：")


# An answer holds a sentence or clause mark (not a colon: 原标题：… repeats a heading).
_ANSWER_MARKS = frozenset(SENTENCE_END + CLAUSE_MARKS) - frozenset("：:、")
_NOT_COLON_NAMES = frozenset(lines("not_colon_names.txt"))


def _colon_speakers(art: _Article, found: list) -> list[tuple[int, int, ClaimValue]]:
    """陈艳萍：买西山的人…… / 吴景春（幸福工程组委会副主任）：…… : an interview's speaker and answer.

    The name must be a person the tagger found, or two to four characters opening with a surname.
    """
    text = art.text
    out = []
    for m in _COLON_SPEAKER_RE.finditer(text):
        s0, s1 = m.span("name")
        name = m.group("name")
        person = next((e for e in art.entities_in(s0, s1) if e[2] == "Person" and (e[0], e[1]) == (s0, s1)), None)
        if (person is None and not (name[0] in _SURNAMES or name[:2] in _SURNAMES)
                or name in _TITLES or name in _NOT_COLON_NAMES):
            continue
        _, sent_end = art.sentence(m.end())
        s, e = _trim(text, m.end(), sent_end)
        if e - s < 8 or any(cs < e and s < ce for cs, ce, _ in found):
            continue
        if not any(ch in _ANSWER_MARKS for ch in text[s:sent_end]):
            continue  # 国泰君安：华住酒店业绩符合预期 予“增持”评级 : a heading
        speaker = person[3] if person else name
        out.append((s, e, ClaimValue(speaker, (s0, s1), "：", False)))
    return out


_COLON_QUOTE_RE = re.compile(r"[：:](?=[“「])")


def _colon_quotes(art: _Article, found: list) -> list[tuple[int, int, ClaimValue]]:
    """李福重，……，交给支书张国华：“……” : a quotation after a colon with no speech verb is said
    by the person the sentence opens with (a name followed by a comma), never by one
    named in the colon's own clause after a verb (the addressee, 张国华)."""
    text = art.text
    out = []
    for m in _COLON_QUOTE_RE.finditer(text):
        q = m.end()
        close = _find_close(text, q + 1, text[q])
        if close is None or any(cs <= q < ce or cs <= m.start() < ce for cs, ce, _ in found):
            continue
        s, e = _trim(text, q + 1, close)
        sent_start, _ = art.sentence(m.start())
        clause = _clause_start(text, sent_start, m.start())
        if e - s < 4 or clause <= sent_start:
            continue
        subject = next((p for p in art.entities_in(sent_start, clause) if p[2] == "Person"), None)
        if subject is None or text[subject[1]:subject[1] + 1] not in "，," \
                or text[subject[0] - 1:subject[0]] in _PREPOSITIONS or "记者" in text[sent_start:subject[0]]:
            continue
        out.append((s, e, ClaimValue(subject[3], (subject[0], subject[1]), "：", True)))
    return out


def _trailing_quotes(art: _Article, found: list) -> list[tuple[int, int, ClaimValue]]:
    """孟晚舟表示，……。“研发是我们的生命线。” : a quote that follows a speaker's sentence, with
    no cue of its own, is that speaker's (cue “”). A quote with no speaker before stays out."""
    text = art.text
    out = []
    for i, ch in enumerate(text):
        if ch not in _OPEN_TO_CLOSE or (i > 0 and text[i - 1] not in SENTENCE_END + "”」\n \u3000"):
            continue
        close = _find_close(text, i + 1, ch)
        if close is None or any(cs <= i < ce or cs <= close < ce for cs, ce, _ in found + out):
            continue
        after = text[close + 1:close + 2]
        if after and after not in SENTENCE_END + "\n“「":
            continue  # ”李斌说 / ”这句话被反复引用 : the sentence goes on
        prev_start = art.sentence(max(0, i - 1))[0] if i > 0 else 0
        prev = [c for c in found if prev_start <= c[0] < i and c[2].speaker and not c[2].quoted]
        if not prev:
            continue
        s, e = _trim(text, i + 1, close)
        if e - s >= 2:
            v = prev[-1][2]
            out.append((s, e, ClaimValue(v.speaker, v.speaker_span, "“”", True)))
    return out


def _add(art: _Article, claims: list[_Claim], cand: _Claim) -> None:
    text = art.text
    if claims:
        prev = claims[-1]
        if prev.start <= cand.cue_start < prev.end:
            if (prev.report and cand.before_mode and cand.clause_start == prev.start
                    and _own_speaker(text, cand) and _named(text, cand)):
                # 据媒体报道，马化腾……直言，…… : the one quoted is the speaker
                claims.pop()
                art.claimed.pop()
            elif (prev.report and cand.inherited and cand.value.speaker != prev.value.speaker
                    and cand.value.speaker_span and cand.value.speaker_span[0] == prev.start):
                # 江西长运发布公告，保荐机构太平洋证券……进行了检查，认为…… : the one the notice reports
                claims.pop()
                art.claimed.pop()
            elif (not prev.value.quoted and prev.before_mode and cand.before_mode
                    and cand.clause_start > prev.start
                    and text[cand.clause_start - 1] in "，,；;"
                    and (_own_speaker(text, cand) or cand.inherited)):
                cut = cand.clause_start
                span = cand.value.speaker_span
                if cand.inherited and span and prev.start < span[0] < cut:
                    cut = _clause_start(text, prev.start, span[0])  # ……，但吴晓明否认指控，认为……
                s, e = _trim(text, prev.start, cut)
                if e - s >= 2:
                    prev.end = e
                    art.claimed[-1] = (prev.start, e)
                else:
                    claims.pop()
                    art.claimed.pop()
            else:
                return
        elif cand.start < prev.end and cand.end > prev.start:
            return  # overlapping content: keep the first
    claims.append(cand)
    art.claimed.append((cand.start, cand.end))
    if cand.report:
        art.wrapper_starts.add(cand.start)
    art.last_claim = ((cand.value.speaker, cand.value.speaker_span), cand.cue_start)


def _named(text: str, cand: _Claim) -> bool:
    """The speaker is named, not a pronoun or a role (他表示 / 该公司称)."""
    span = cand.value.speaker_span
    return bool(span) and not (_PRONOUN_RE.fullmatch(text[span[0]:span[1]])
                              or _COMPANY_ROLE_RE.fullmatch(text[span[0]:span[1]]))


def _own_speaker(text: str, cand: _Claim) -> bool:
    """The clause names its speaker explicitly or continues with 他还/她也/同时."""
    span = cand.value.speaker_span
    return span is not None and cand.clause_start <= span[0] < cand.cue_start
