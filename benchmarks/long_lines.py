"""Extraction cost of one line without punctuation, by length: it should grow linearly.

    python benchmarks/long_lines.py [--sizes 10000,20000,40000,80000,200000] [--json]

Each size runs in a fresh subprocess so that its peak memory (max RSS) is its own. Prints wall
and CPU seconds (CPU time is what other processes on a shared machine do not inflate),
microseconds of CPU per character and peak MB per size; a linear cost keeps us/char flat.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Our own words, repeated without any punctuation or line break.
PHRASE = "星河电子营收增长百分之十二董事长林海表示公司在杭州发布新款耳机销量达到三十万台"


def measure(size: int) -> dict:
    sys.path.insert(0, str(ROOT))
    from newsgraph.extract.pipeline import build_nlp, extract
    from newsgraph.model import Article

    nlp = build_nlp()
    list(extract([Article(id="warm", text=PHRASE, published="2025-03-19")], nlp))
    text = (PHRASE * (size // len(PHRASE) + 1))[:size]
    started, cpu_started = time.perf_counter(), time.process_time()
    [x] = list(extract([Article(id="long", text=text, published="2025-03-19")], nlp))
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    return {"chars": size, "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
            "cpu_us_per_char": round(cpu / size * 1e6, 1),
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
            "sentences": len(x.sentences), "longest_sentence": max(s.end - s.start for s in x.sentences)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,20000,40000,80000,200000")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one)))
        return
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        out = subprocess.run([sys.executable, __file__, "--one", str(size)], capture_output=True,
                             text=True, check=True)
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        if not args.json:
            r = rows[-1]
            print(f"{r['chars']:>8} chars  {r['seconds']:>7.2f} s  {r['cpu_seconds']:>7.2f} s CPU  "
                  f"{r['cpu_us_per_char']:>6.1f} us CPU/char  "
                  f"{r['peak_mb']:>5} MB  {r['sentences']} sentences (longest {r['longest_sentence']})",
                  flush=True)
    if args.json:
        print(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
