"""Sentence boundaries in Chinese news text."""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Sequence

from .punctuation import CLAUSE_MARKS, CLOSING_QUOTES, SENTENCE_END

# A sentence ends at 。！？!? (or a run of them, or ……) plus any closing quotes or brackets,
# or at a line break. Whitespace between sentences belongs to no sentence.
_SENTENCE = re.compile(
    rf"[^\n]*?(?:[{SENTENCE_END}]+|……|$)[{re.escape(CLOSING_QUOTES)}]*",
    re.M,
)

# Rules look back and forward within a sentence, so a sentence's length bounds their work per
# character: without a cap, a line with no punctuation costs the square of its length.
MAX_SENTENCE_CHARS = 400


def split_sentences(text: str, max_chars: int | None = MAX_SENTENCE_CHARS,
                    cut_points: Sequence[int] | None = None) -> list[tuple[int, int]]:
    """Half-open (start, end) offsets of each sentence, stripped of surrounding whitespace.
    Sentences longer than ``max_chars`` are cut into pieces of at most that length, at a clause
    mark or space when there is one, else at the last of ``cut_points`` (e.g. word starts)."""
    spans: list[tuple[int, int]] = []
    for match in _SENTENCE.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            if max_chars and end - start > max_chars:
                spans.extend(_bounded(text, start, end, max_chars, cut_points))
            else:
                spans.append((start, end))
    return spans


def _bounded(text: str, start: int, end: int, max_chars: int,
             cut_points: Sequence[int] | None) -> list[tuple[int, int]]:
    """[start, end) as consecutive pieces of at most ``max_chars``, none starting or ending in space."""
    pieces = []
    while end - start > max_chars:
        limit = start + max_chars
        cut = _cut(text, start, limit, cut_points)
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        pieces.append((start, piece_end))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        pieces.append((start, end))
    return pieces


def _cut(text: str, start: int, limit: int, cut_points: Sequence[int] | None) -> int:
    """The offset in (start + half the window, limit] to cut at; the window is never scanned twice."""
    low = start + (limit - start) // 2
    for i in range(limit, low, -1):
        if text[i - 1] in CLAUSE_MARKS or text[i - 1].isspace():  # after a clause mark, else at a space
            return i
    if cut_points:
        i = bisect_right(cut_points, limit) - 1
        if i >= 0 and cut_points[i] > low:
            return cut_points[i]
    return limit
