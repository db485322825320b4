"""Where the sentences, clauses and paragraphs of a text are, and which mention covers a position.

Attribution reads a figure's sentence, clause and paragraph; a sentence here also ends at ；.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Sequence, TypeVar

from newsgraph.extract.rules.punctuation import CLAUSE_SEPARATORS, LINE_BREAK, SENTENCE_END

__all__ = ["TextLayout", "starting_in"]

T = TypeVar("T")

_SENTENCE = re.compile(f"[^{SENTENCE_END}{LINE_BREAK}]+[{SENTENCE_END}]*")
_SEMICOLONS = "；;"


def starting_in(items: Sequence[T], starts: Sequence[int], lo: int, hi: int) -> Sequence[T]:
    """The items (sorted, with their ``starts``) that start in [lo, hi)."""
    return items[bisect_left(starts, lo):bisect_left(starts, hi)]


def _split_semicolons(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A ； closes a sentence for attribution (营收…；公司还设立了…)."""
    out = []
    for s, e in sentences:
        i = s
        for j in range(s, e):
            if text[j] in _SEMICOLONS and j + 1 < e:
                out.append((i, j + 1))
                i = j + 1
        out.append((i, e))
    return out


class TextLayout:
    """Sentences, clauses and paragraphs of ``text``, and the entity and date spans in it."""

    def __init__(self, text: str, sentences: list[tuple[int, int]],
                 entities: list[tuple[int, int, str, str]], date_spans: list[tuple[int, int]]) -> None:
        self.text = text
        if not sentences:
            sentences = [m.span() for m in _SENTENCE.finditer(text)]
        self.sentences = _split_semicolons(text, sorted(sentences))
        self._sentence_starts = [s for s, _ in self.sentences]
        self._paragraph_breaks = [i for i, c in enumerate(text) if c == LINE_BREAK]
        # (start, end, is an entity): what a measure phrase may not run into
        self._blocked = sorted([(s, e, True) for s, e, *_ in entities] + [(s, e, False) for s, e in date_spans])
        self._blocked_starts = [x[0] for x in self._blocked]

    def blocked(self, pos: int) -> tuple[int, int, bool] | None:
        """The entity or date span covering ``pos`` (None when none)."""
        i = bisect_right(self._blocked_starts, pos) - 1
        if i >= 0 and self._blocked[i][0] <= pos < self._blocked[i][1]:
            return self._blocked[i]
        return None

    def sentence_of(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self._sentence_starts, pos) - 1
        if i < 0:
            return 0, len(self.text)
        s, e = self.sentences[i]
        return (s, e) if pos < e else (s, max(e, pos + 1))

    def paragraph_start(self, pos: int) -> int:
        i = bisect_right(self._paragraph_breaks, pos)
        return self._paragraph_breaks[i - 1] + 1 if i else 0

    def clause_start(self, pos: int, floor: int) -> int:
        i = pos
        while i > floor and self.text[i - 1] not in CLAUSE_SEPARATORS:
            i -= 1
        return i

    def clause_end(self, pos: int, ceil: int) -> int:
        i = pos
        while i < ceil and self.text[i] not in CLAUSE_SEPARATORS:
            i += 1
        return i
