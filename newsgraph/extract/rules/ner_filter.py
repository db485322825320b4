"""Which NER spans may join the rule-based entities: the model fills gaps, never overrides."""
from __future__ import annotations

import re
from collections.abc import Collection, Sequence

_CJK_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$|^[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,8}$")
_CLEAN = re.compile(r"^[\w·&\-. ]+$")
MIN_CONFIDENCE = 0.8


def plausible(text: str, start: int, end: int, kind: str, confidence: float,
              surnames: Collection[str], min_confidence: float = MIN_CONFIDENCE) -> bool:
    """A span the model is sure of, shaped like a name of its kind."""
    span = text[start:end]
    if confidence < min_confidence or len(span) < 2 or not _CLEAN.match(span) or span != span.strip():
        return False
    if kind == "Person":
        return bool(_CJK_NAME.match(span)) and (span[:2] in surnames or span[0] in surnames)
    return True


def gaps_only(found: Sequence[tuple[int, int, object]], candidates: Sequence[tuple[int, int, object]]):
    """Candidates overlapping nothing already found (nor each other, earlier ones first)."""
    taken = bytearray(max([e for _, e, _ in found] + [e for _, e, _ in candidates] + [0]) + 1)
    for start, end, _ in found:
        taken[start:end] = b"\x01" * (end - start)
    kept = []
    for start, end, payload in candidates:
        if not any(taken[start:end]):
            taken[start:end] = b"\x01" * (end - start)
            kept.append((start, end, payload))
    return kept
