"""Dates and money on real news we did not write: People's Daily TIME spans and DuEE-fin amounts.

    python benchmarks/real_dates_money.py \
        --pd-time ../shared/data/peoples_daily/pd_time.test.jsonl \
        --duee ../shared/data/duee_fin_a/dev_a.events.jsonl [--json] [--errors N]

The data stay outside the repository (their licences forbid redistribution); pass their paths.

Time spans (People's Daily, 1998 newswire; ``--pd-time``). The set labels a compound date in
pieces (今年|五月|八日, ４月|２９日|上午); touching TIME spans are merged into one gold phrase
first. In scope are the phrases with an Arabic digit or 年/月/日 in them, on both sides (our
date mentions likewise). Every sentence goes through ``find_dates`` with the fixed reference
date 1998-01-15. Recall: the share of gold phrases equal to one of our mentions (exact) or
overlapping one (overlap). Precision: the share of our mentions equal to a gold phrase (exact) or
overlapping any gold TIME span (overlap). "Exact" follows the set's conventions where ours
differ on purpose: a range of ours (５月４日至１７日) is compared piece by piece, since the set
labels the ends apart; and words we keep in the phrase but the set leaves out (以来, 年底's 底,
晚/晚间 after a day) are trimmed for the comparison. The overlap rows use our spans as they are.

Amounts (DuEE-fin, financial news and filings; ``--duee``; evaluation only). Money arguments
(交易金额, 融资金额, 中标金额, 净亏损, 募资金额, 债务规模, 市值), per-share prices (每股交易价格,
发行价格) and share counts (质押股票/股份数量, 交易股票/股份数量, 回购股份数量). The argument's
value is read from its own text (the first number with its 万/亿 magnitude; arguments without a
readable number, such as 数千万元, are counted as skipped). An argument is recalled when a figure
that ``find_figures`` finds in the document overlaps one of its occurrences and has the same value
(either end of a range; relative tolerance 1e-6; magnitudes, since a 净亏损 argument drops the
sign that 净利润-4.28亿元 writes).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsgraph.extract.rules.dates import find_dates  # noqa: E402
from newsgraph.extract.rules.figures import find_figures  # noqa: E402
from newsgraph.extract.rules.numbers import parse_number, to_halfwidth  # noqa: E402

REFERENCE = dt.date(1998, 1, 15)
IN_SCOPE = re.compile(r"[0-9０-９年月日]")

MONEY_ROLES = ("交易金额", "融资金额", "中标金额", "净亏损", "募资金额", "债务规模", "市值")
PRICE_ROLES = ("每股交易价格", "发行价格")
SHARE_ROLES = ("质押股票/股份数量", "交易股票/股份数量", "回购股份数量")
_ARG_NUMBER = re.compile(
    r"[-−]?[0-9０-９][0-9０-９,，.．]*\s*(?:万亿|千万|百万|亿|万)?"
)


# --- time spans ------------------------------------------------------------------------------

def gold_phrases(spans: list[dict]) -> list[tuple[int, int]]:
    """TIME spans, touching ones merged (今年|五月|八日 -> 今年五月八日)."""
    out: list[list[int]] = []
    for s in sorted((s for s in spans if s["label"] == "TIME"), key=lambda s: s["start"]):
        if out and out[-1][1] == s["start"]:
            out[-1][1] = s["end"]
        else:
            out.append([s["start"], s["end"]])
    return [(a, b) for a, b in out]


_RANGE_SPLIT = re.compile(r"至|到|--|——|-|—|―|–|~|～|－－|－")
_KEPT_SUFFIX = re.compile(r"(?:以来|晚间|晚|[初底末])$")


def exact_forms(text: str, s: int, e: int) -> set[tuple[int, int]]:
    """Our mention, its range pieces, and each with a suffix the set leaves out trimmed."""
    spans = {(s, e)}
    for m in _RANGE_SPLIT.finditer(text, s, e):
        if m.start() > s and m.end() < e:
            spans |= {(s, m.start()), (m.end(), e)}
    for a, b in list(spans):
        if (t := _KEPT_SUFFIX.search(text[a:b])) and t.start() > 0:
            spans.add((a, a + t.start()))
    return spans


def score_time(path: Path, n_errors: int) -> dict:
    gold_n = gold_exact = gold_overlap = pred_n = pred_exact = pred_overlap = 0
    missed: list[str] = []
    wrong: list[str] = []
    for line in path.open(encoding="utf-8"):
        row = json.loads(line)
        text = row["text"]
        phrases = [p for p in gold_phrases(row["spans"]) if IN_SCOPE.search(text[p[0]:p[1]])]
        all_time = [(s["start"], s["end"]) for s in row["spans"] if s["label"] == "TIME"]
        ours = [(s, e) for s, e, _ in find_dates(text, REFERENCE) if IN_SCOPE.search(text[s:e])]
        forms = {(s, e): exact_forms(text, s, e) for s, e in ours}
        ours_set = set().union(*forms.values()) if forms else set()
        for a, b in phrases:
            gold_n += 1
            if (a, b) in ours_set:
                gold_exact += 1
            elif any(s < b and a < e for s, e in ours):
                gold_overlap += 1
                missed.append(f"{text[a:b]} ~ {[text[s:e] for s, e in ours if s < b and a < e]}")
            else:
                missed.append(f"{text[a:b]} <- {text[max(0, a - 8):b + 8]}")
        gold_set = set(phrases)
        for s, e in ours:
            pred_n += 1
            if forms[(s, e)] & gold_set:
                pred_exact += 1
            elif any(s < b and a < e for a, b in all_time):
                pred_overlap += 1
            else:
                wrong.append(f"{text[s:e]} <- {text[max(0, s - 8):e + 8]}")
    gold_overlap += gold_exact
    pred_overlap += pred_exact
    return {
        "gold_phrases": gold_n, "our_mentions": pred_n,
        "recall_exact": _ratio(gold_exact, gold_n), "recall_overlap": _ratio(gold_overlap, gold_n),
        "precision_exact": _ratio(pred_exact, pred_n), "precision_overlap": _ratio(pred_overlap, pred_n),
        "missed": missed[:n_errors], "wrong": wrong[:n_errors],
    }


# --- amounts ---------------------------------------------------------------------------------

def argument_value(argument: str) -> float | None:
    m = _ARG_NUMBER.search(argument)
    if not m:
        return None
    number = re.sub(r"[,，\s]", "", to_halfwidth(m.group()))
    return parse_number(number)


def _same(a: float | None, b: float | None) -> bool:
    # magnitudes: a 净亏损 argument drops the sign that 净利润-4.28亿元 writes
    return a is not None and b is not None and abs(abs(a) - abs(b)) <= 1e-6 * max(1.0, abs(b))


def score_amounts(path: Path, n_errors: int) -> dict:
    groups = {"money": MONEY_ROLES, "price": PRICE_ROLES, "shares": SHARE_ROLES}
    tallies = {g: Counter() for g in groups}
    missed = {g: [] for g in groups}
    for line in path.open(encoding="utf-8"):
        doc = json.loads(line)
        text = doc["text"]
        figures = find_figures(text)
        for event in doc["events"]:
            for arg in event["arguments"]:
                group = next((g for g, roles in groups.items() if arg["role"] in roles), None)
                if group is None or not arg["occurrences"]:
                    continue
                value = argument_value(arg["argument"])
                if value is None:
                    tallies[group]["skipped"] += 1
                    continue
                tallies[group]["arguments"] += 1
                hit = any(
                    s < b and a < e and (_same(f.value, value) or _same(f.high, value))
                    for a, b in arg["occurrences"] for s, e, f in figures
                )
                if hit:
                    tallies[group]["recalled"] += 1
                else:
                    a, b = arg["occurrences"][0]
                    near = [(text[s:e], f.value) for s, e, f in figures if s < b + 4 and a - 4 < e]
                    missed[group].append(f"{arg['argument']} = {value:g} <- {text[max(0, a - 6):b + 6]!r} {near}")
    return {
        g: {"arguments": t["arguments"], "skipped": t["skipped"],
            "value_recall": _ratio(t["recalled"], t["arguments"]), "missed": missed[g][:n_errors]}
        for g, t in tallies.items()
    }


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pd-time", type=Path, help="peoples_daily/pd_time.*.jsonl")
    parser.add_argument("--duee", type=Path, help="duee_fin_a/dev_a.events.jsonl")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--errors", type=int, default=0, help="list this many misses per row")
    args = parser.parse_args(argv)
    if not args.pd_time and not args.duee:
        parser.error("give --pd-time and/or --duee")
    for p in (args.pd_time, args.duee):
        if p is not None and not p.is_file():
            parser.error(f"{p}: no such file")
    report: dict = {}
    if args.pd_time:
        report["time"] = score_time(args.pd_time, args.errors)
    if args.duee:
        report["amounts"] = score_amounts(args.duee, args.errors)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    print("| real text | n | measure | value |")
    print("|---|---|---|---|")
    if "time" in report:
        t = report["time"]
        name = f"time spans ({args.pd_time.name})"
        for key in ("recall_exact", "recall_overlap"):
            print(f"| {name} | {t['gold_phrases']} gold | {key.replace('_', ' ')} | {t[key]:.3f} |")
        for key in ("precision_exact", "precision_overlap"):
            print(f"| {name} | {t['our_mentions']} ours | {key.replace('_', ' ')} | {t[key]:.3f} |")
    if "amounts" in report:
        for g, t in report["amounts"].items():
            print(f"| DuEE-fin {g} ({args.duee.name}) | {t['arguments']} (+{t['skipped']} unreadable) "
                  f"| value recall | {t['value_recall']:.3f} |")
    if args.errors:
        for section in report.values():
            for key, rows in _misses(section):
                print(f"\n## {key}", *rows, sep="\n")
    return 0


def _misses(section: dict):
    if "missed" in section:
        yield "time missed", section["missed"]
        yield "time wrong", section["wrong"]
    else:
        for g, t in section.items():
            yield f"{g} missed", t["missed"]


if __name__ == "__main__":
    raise SystemExit(main())
