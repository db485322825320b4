"""Print candidate passages for the real-text claims set, with their references.

    python benchmarks/claims_real/candidates.py --data /work/shared/data [--seed 15] [--per-file N]

A helper for annotators, not a scorer: it picks sentences with speech or report cues (and cue
look-alikes, for negatives) from the real news under --data and prints each passage as
``<file>:<line>:<start>-<end>`` followed by the passage text. Nothing it prints is stored in the
repository; the hand-made judgments go to gold.jsonl as offsets (see README.md here).
"""
from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

FILES = {
    "duee_fin_a/dev_a.events.jsonl": 140,
    "cluener/dev.jsonl": 50,
    "cluener/train.jsonl": 30,
    "msra/test.jsonl": 40,
    "msra/train.jsonl": 20,
    "peoples_daily/pd1998.test.jsonl": 30,
    "peoples_daily/pd1998.dev.jsonl": 20,
}
CUES = re.compile(
    r"说|表示|认为|指出|称|透露|据.{1,20}?(?:报道|统计|消息|了解)|数据显示|报显示|宣布|预计|"
    r"看来|直言|坦言|强调|提到|回应|介绍|披露|梳理|发现|“")
SENT = re.compile(r"[^。！？!?\n]+(?:[。！？!?]+[”」]?|(?=\n)|$)")
CONTEXT = re.compile(r"^[^，。]{0,6}(?:他|她|该|公司|集团|对方|其|“)|[”」]，?[^，。]{0,12}(?:说|表示|称)")


def sentences(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in SENT.finditer(text) if m.end() - m.start() >= 8]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def candidates(data: Path, name: str, rng: random.Random, count: int):
    lines = (data / name).read_text(encoding="utf-8").splitlines()
    order = list(range(len(lines)))
    rng.shuffle(order)
    picked = 0
    for line_no in order:
        text = json.loads(lines[line_no])["text"]
        spans = [s for s in sentences(text) if CUES.search(text[s[0]:s[1]]) and s[1] - s[0] <= 160]
        if not spans:
            continue
        i = rng.randrange(len(spans))
        start, end = spans[i]
        if (CONTEXT.search(text[start:end]) and i > 0 and start - spans[i - 1][0] < 160
                and "\n" not in text[spans[i - 1][0]:start]):
            start = spans[i - 1][0]  # the previous sentence names the speaker
        start, end = _strip(text, start, end)
        yield line_no + 1, start, end, text[start:end]
        picked += 1
        if picked >= count:
            return


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    for name, count in FILES.items():
        for line_no, start, end, passage in candidates(args.data, name, rng, count):
            print(f"{name}:{line_no}:{start}-{end}\t{passage}")


if __name__ == "__main__":
    main()
