"""Exact-span evaluation of a NER tagger on CLUENER-format JSONL."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

__all__ = ["evaluate", "read_cluener", "score_spans"]


def read_cluener(path: str | Path) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """``(text, spans)`` per line; CLUENER's inclusive ``[start, end]`` become half-open."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            obj = json.loads(line)
            spans = set()
            for label, mentions in (obj.get("label") or {}).items():
                for positions in mentions.values():
                    for start, end in positions:
                        spans.add((int(start), int(end) + 1, label))
            out.append((obj["text"], sorted(spans)))
    return out


def score_spans(
    gold: Iterable[Iterable[tuple[int, int, str]]],
    pred: Iterable[Iterable[tuple[int, int, str]]],
) -> dict:
    """Per-label and micro-averaged precision / recall / F1 (exact span + label match)."""
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        g, p = set(g), set(p)
        for _, _, lab in g:
            n_gold[lab] += 1
        for _, _, lab in p:
            n_pred[lab] += 1
        for _, _, lab in g & p:
            tp[lab] += 1

    def prf(t: int, np_: int, ng: int) -> dict:
        prec = t / np_ if np_ else 0.0
        rec = t / ng if ng else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        return {"precision": prec, "recall": rec, "f1": f1, "support": ng, "predicted": np_}

    labels = sorted(set(n_gold) | set(n_pred))
    per = {lab: prf(tp[lab], n_pred[lab], n_gold[lab]) for lab in labels}
    overall = prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    macro = sum(v["f1"] for v in per.values()) / len(per) if per else 0.0
    return {"per_label": per, "overall": overall, "macro_f1": macro}


def evaluate(tagger, jsonl_path: str | Path) -> dict:
    """Score ``tagger.tag`` against a CLUENER JSONL file (exact spans, half-open offsets).

    Returns ``{"per_label": {label: {precision, recall, f1, support, predicted}},
    "overall": {...micro...}, "macro_f1": float, "sentences": int, "chars": int}``.
    """
    data = read_cluener(jsonl_path)
    pred = [tagger.tag(text) for text, _ in data]
    scores = score_spans((spans for _, spans in data), pred)
    scores["sentences"] = len(data)
    scores["chars"] = sum(len(text) for text, _ in data)
    return scores
