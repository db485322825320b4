"""The subject of a figure: whose it is (see rules/attribution.py for the rules in full).

The nearest Company (else Organization) mention before it in its sentence, leaving out sources,
compared parties, partners and mentions governed by a preposition; else the company of the
paragraph so far, else that of the figure before it. "We" in speech is the speaker's company.
"""
from __future__ import annotations

import re
from typing import Sequence

from newsgraph.extract.rules.claims import load_speech_verbs
from newsgraph.extract.rules.figures import FigureValue
from newsgraph.extract.rules.measure_names import CHANGE_MEASURES, MARKET_MEASURE
from newsgraph.extract.rules.text_layout import TextLayout, starting_in
from newsgraph.extract.rules.vocab import alternation, read_by

__all__ = ["SAID_VERBS", "SPEECH", "SubjectFinder"]

_SECTOR_PREFIX = re.compile(r"^(?:" + "|".join(read_by("sector_words.tsv", "prefix")) + r")?(?:[^，。]{0,10}?行业)?")
_SECTOR_CLAUSE = re.compile(
    r"(?:^|[年度季月末，,。；;：:\n])(?:" + "|".join(read_by("sector_words.tsv", "clause")) + r")(?![人])|行业(?![的第]|收入|排名|龙头|领先|内)")
_ANAPHOR = re.compile(r"公司|该行|该集团|集团|本行")
# a mention governed by a preposition is an object, not the subject: 受与亚马逊价格战影响, 在英伟达…后
_PREP_BEFORE = frozenset("受与对继跟替把被同在")
# a maker modifying a product is no subject of later clauses: 其中包括3架中国商飞生产的C919，…
_MAKER_AFTER = re.compile("(?:" + alternation("maker_verbs.txt") + ")的")
# a source, not a subject: 赛诺咨询数据显示 / 中国汽车工业协会13日发布的数据显示 / 中汽协统计
_SOURCE_AFTER = re.compile(
    r"[^，,。；;：:\n]{0,8}?(?:发布|公布)?的?(?:" + "|".join(read_by("statistics_words.tsv", "source")) + r")(?:显示|表明|称)?[，,：:]"
    r"|(?:的)?(?:数据|统计)(?:显示|表明)")
# a sentence that reports someone else's statistic: 据…统计, …数据显示, …报告称
_CITED_SOURCE = re.compile(r"据[^，,。；;]{1,16}?(?:" + "|".join(read_by("statistics_words.tsv", "cited")) + r")|(?:" + "|".join(read_by("statistics_words.tsv", "shown")) + r")(?:显示|表明|称)")
# what someone said: the speech verbs of the one list (data/speech_verbs.tsv) that may follow their
# content (表示, 认为, 透露, 说, 称 …); a bare substring match of the whole list would find 发现 in 派发现金
SAID_VERBS = sorted(v for v, flags in load_speech_verbs().items() if "after" in flags)
SPEECH = re.compile("|".join(map(re.escape, SAID_VERBS)))
# a supplier or partner acting for the sentence's subject: 空客向其交付, 由波音交付, 其中空客交付
_PARTNER_AFTER = re.compile(r"(?:向|为|给)(?:其|公司|该公司|集团|该集团|我们)|(?:已|已经|将|还|共|累计)?(?:向|为)[^，,。；;]{0,8}?"
                            r"(?:交付|供应|供货|交货|提供|代工)")
_PARTNER_BEFORE = re.compile(r"(?:由|其中由|其中|与|同|和)$")
_COMPARE_PARTY = re.compile("(?:" + "|".join(read_by("comparison_verbs.tsv", "party")) + "|相比|对比|比)$")
_PARTNER_VERB = re.compile(r"(?:已|已经|将|还|共|累计)?(?:交付|供应|供货|交货|提供|代工)")
_FIRST_PERSON = re.compile(r"我们|我司|本公司")
_COMPARE_VERB = re.compile("|".join(read_by("comparison_verbs.tsv", "overtake")))
_CMP_MEASURE = re.compile(r"的(?P<m>[\u4e00-\u9fffA-Za-z]{1,8}?)(?=[，,]|达到|达|为|$)")


Mention = tuple[int, int, str, str]  # (start, end, type, name)


class SubjectFinder:
    """Whose each figure of one text is: a Company (else Organization) mention, by the rules of
    rules/attribution.py."""

    def __init__(self, layout: TextLayout, entities: list[Mention]) -> None:
        self.layout = layout
        self.text = text = layout.text
        mentions = sorted((s, e, t, n) for s, e, t, n in entities if t in ("Company", "Organization"))
        # sources (赛诺咨询数据显示) are not subjects; a company publishing its own data is
        self.mentions = [x for x in mentions if not (x[2] == "Organization" and _SOURCE_AFTER.match(text, x[1]))]
        self._starts = [x[0] for x in self.mentions]

    def mentions_in(self, lo: int, hi: int) -> Sequence[Mention]:
        return starting_in(self.mentions, self._starts, lo, hi)

    def subject(self, start: int, fig: FigureValue, sentence: tuple[int, int], clause: int,
                measure: str | None, prev_subject: str | None) -> tuple[str | None, bool, str | None]:
        """(subject, whether the figure is an industry statistic, its measure without sector words)."""
        text, ss = self.text, sentence[0]
        pool = self._candidates(start, fig, ss)
        # an industry statistic: 全国乳制品产量…, 国内半导体设备行业国产化率… with no company in its clause
        sector = bool(_SECTOR_CLAUSE.search(text, max(0, clause - 1), start)) and not any(
            x[0] >= clause and x[2] == "Company" for x in pool) and not _ANAPHOR.search(text, clause, start)
        if sector:
            pool = []
            if measure and measure not in CHANGE_MEASURES:
                measure = _SECTOR_PREFIX.sub("", measure) or measure
        market = sector or bool(measure and MARKET_MEASURE.search(measure))
        if pool and not (market and all(x[2] != "Company" for x in pool)):
            subject = ([x for x in pool if x[2] == "Company"] or pool)[-1][3]
        elif market:
            subject = None  # 国内…市场规模 (海川咨询预计): the market's, not a company's
        elif _CITED_SOURCE.search(text, ss, start) and not _ANAPHOR.search(text, ss, start):
            subject = None  # 据IT桔子统计，2018年中国AI行业融资总额…: the source's figure, not the article company's
        else:
            subject = self._from_earlier_text(start, ss, prev_subject)
        subject = _speaker_company(text, ss, start, self.mentions_in(ss, start)) or subject
        return subject, sector, measure

    def _candidates(self, start: int, fig: FigureValue, ss: int) -> list[Mention]:
        """The mentions before the figure in its sentence that may own it."""
        text = self.text
        pool = [x for x in self.mentions_in(ss, start) if x[1] <= start]
        # 宁德时代的份额约为比亚迪的两倍: the compared party is not the subject
        pool = [x for x in pool if not (fig.unit == "x" and text.startswith("的", x[1]) and x[1] + 1 == start)]
        pool = [x for x in pool if not (_MAKER_AFTER.match(text, x[1]) and re.search(r"[，,]", text[x[1]:start]))]
        pool = [x for x in pool if x[0] == 0 or text[x[0] - 1] not in _PREP_BEFORE
                or text[x[1]:start] in ("", "的")]  # 对远航的12家客户: the owner of what is counted
        # a supplier or partner later in the sentence is not the subject of the sentence's own figure:
        # 春秋航空引进飞机12架，空客向其交付8架
        heads = [x for x in pool if x[2] == "Company"]
        if len(heads) > 1 and heads[0][0] - ss <= 12 and not re.search(r"[，,、]", text[ss:heads[0][0]]):
            pool = [x for x in pool if x is heads[0] or x[3] == heads[0][3]
                    or not self._partner_or_compared(x, start, ss)]
        return pool

    def _partner_or_compared(self, x: Mention, start: int, ss: int) -> bool:
        text = self.text
        return bool(
            _PARTNER_AFTER.match(text, x[1])
            or (_PARTNER_BEFORE.search(text, max(ss, x[0] - 4), x[0]) and _PARTNER_VERB.match(text, x[1]))
            # 毛利率高于阿迪达斯，达到62%: the compared party owns only the figure right after 的
            or (_COMPARE_PARTY.search(text, max(ss, x[0] - 4), x[0]) and text[x[1]:start] not in ("", "的")))

    def _from_earlier_text(self, start: int, ss: int, prev_subject: str | None) -> str | None:
        """The company of the earlier sentences of the paragraph, else the previous figure's subject,
        else the last mention before the figure."""
        ps = self.layout.paragraph_start(start)
        earlier = [x for x in self.mentions_in(ps, ss) if x[1] <= ss]
        if earlier:
            return ([x for x in earlier if x[2] == "Company"] or earlier)[-1][3]
        if prev_subject is not None:
            return prev_subject
        before_all = [x for x in self.mentions_in(0, start) if x[1] <= start]
        return before_all[-1][3] if before_all else None

    def comparison(self, start: int, ss: int) -> tuple[str, str, str | None] | None:
        return _comparison(self.text, ss, start, self.mentions_in(ss, start))


def _speaker_company(text: str, ss: int, start: int, mentions) -> str | None:
    """Whose a figure in quoted or reported speech is when the speaker says "we" (我们的营收约为50亿元).

    The company named before the quote or speech verb, when 我们/我司/本公司 stands between the last
    company mention and the figure; else None (the quote names whose figure it is itself).
    """
    quote = text.rfind("“", ss, start)
    said = None
    for said in SPEECH.finditer(text, ss, start):
        pass
    opening = quote if quote >= 0 and "”" not in text[quote:start] else (said.end() if said else -1)
    if opening < 0:
        return None
    companies = [x for x in mentions if x[2] == "Company" and x[1] <= start]
    before = [x for x in companies if x[1] <= opening]
    last_end = max([x[1] for x in companies] + [opening])
    if before and _FIRST_PERSON.search(text, last_end, start):
        return before[-1][3]
    return None


def _comparison(text: str, ss: int, start: int, mentions) -> tuple[str, str, str | None] | None:
    """A超过B的X，达到N (or A的X超过B): (A, B, X) when the figure is A's, else None.

    Not when the figure is B's own (高于阿迪达斯的50.8%: right after "B的").
    """
    companies = [x for x in mentions if x[2] == "Company" and x[1] <= start]
    for b in reversed(companies):
        verb = _COMPARE_VERB.search(text, max(ss, b[0] - 3), b[0])
        if verb is None or verb.end() != b[0] or text[b[1]:start] in ("", "的"):
            continue
        a = [x for x in companies if x[1] <= verb.start() and x[3] != b[3]]
        if not a:
            return None
        between = text[b[1]:start]
        if not re.search(r"[，,]|达到|达|为", between):
            return None  # 低于比亚迪约3% is a gap, not A's level
        cm = _CMP_MEASURE.match(text, b[1])
        own = text[a[-1][1]:verb.start()].lstrip("的")
        measure = cm.group("m") if cm else (own or None)
        return a[-1][3], b[3], measure
    return None

