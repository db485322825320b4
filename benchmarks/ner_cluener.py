"""CLUENER dev scores and tagging speed of the shipped NER model.

    python benchmarks/ner_cluener.py --data /work/shared/data/cluener
    python benchmarks/ner_cluener.py --data /work/shared/data/cluener --json
    python benchmarks/ner_cluener.py --data DIR --model path/to/model_dir --cpu 1

Prints a per-class precision / recall / F1 table for ``dev.jsonl`` (exact span match) with the
published CLUENER test-set anchors beside company and name, plus the tagging speed in chars/s
(the tagger is single-threaded; ``--cpu N`` pins the process to core N).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsgraph.extract.ner import DEFAULT_MODEL_DIR, load_tagger  # noqa: E402
from newsgraph.extract.ner.evaluate import read_cluener, score_spans  # noqa: E402

# Published CLUENER2020 test-set F1 (Xu et al., 2020), for orientation only (ours is dev).
ANCHORS = {
    "company": {"BiLSTM-CRF": 72.3, "BERT-base": 81.4, "RoBERTa-wwm-large": 83.0},
    "name": {"BiLSTM-CRF": 74.0, "BERT-base": 88.8, "RoBERTa-wwm-large": 89.1},
}


def _model_size(model: Path) -> int:
    model_dir = model.parent if model.is_file() else model
    return sum(p.stat().st_size for p in model_dir.iterdir() if p.is_file())


def run(data: Path, model: Path | None, repeats: int) -> dict:
    t0 = time.perf_counter()
    tagger = load_tagger(model)
    load_seconds = time.perf_counter() - t0
    dev = read_cluener(data / "dev.jsonl")
    texts = [t for t, _ in dev]
    n_chars = sum(map(len, texts))
    pred = [tagger.tag(t) for t in texts]  # warm-up + predictions
    scores = score_spans((s for _, s in dev), pred)
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        for t in texts:
            tagger.tag(t)
        best = min(best, time.perf_counter() - t0)
    model_dir = Path(model) if model else DEFAULT_MODEL_DIR
    return {
        "data": str(data / "dev.jsonl"),
        "model": str(model_dir),
        "model_bytes": _model_size(model_dir),
        "sentences": len(texts),
        "chars": n_chars,
        "load_seconds": round(load_seconds, 2),
        "chars_per_second": round(n_chars / best),
        "per_label": scores["per_label"],
        "overall": scores["overall"],
        "macro_f1": scores["macro_f1"],
        "anchors_test_f1": ANCHORS,
        "model_meta": tagger.meta,
    }


def table(res: dict) -> str:
    lines = [
        f"CLUENER dev ({res['sentences']} sentences, {res['chars']} chars) — exact span match",
        "",
        f"{'label':<16}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}   published test F1 (BiLSTM-CRF / BERT-base / RoBERTa-wwm-large)",
    ]
    for lab, v in sorted(res["per_label"].items()):
        anchor = ""
        if lab in ANCHORS:
            anchor = "   " + " / ".join(f"{x:.1f}" for x in ANCHORS[lab].values())
        lines.append(
            f"{lab:<16}{100 * v['precision']:>7.1f}{100 * v['recall']:>7.1f}"
            f"{100 * v['f1']:>7.1f}{v['support']:>7}{anchor}"
        )
    o = res["overall"]
    lines.append(
        f"{'overall (micro)':<16}{100 * o['precision']:>7.1f}{100 * o['recall']:>7.1f}"
        f"{100 * o['f1']:>7.1f}{o['support']:>7}"
    )
    lines.append(f"{'macro F1':<16}{'':>14}{100 * res['macro_f1']:>7.1f}")
    lines += [
        "",
        f"speed: {res['chars_per_second']:,} chars/s (one thread, best of runs)   "
        f"model: {res['model_bytes'] / 1e6:.1f} MB   load: {res['load_seconds']} s",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True, help="directory holding dev.jsonl")
    ap.add_argument("--model", type=Path, default=None, help="model dir (default: shipped)")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    ap.add_argument("--repeats", type=int, default=3, help="timing runs (best is reported)")
    ap.add_argument("--cpu", type=int, default=None, help="pin to this CPU core")
    args = ap.parse_args(argv)
    if args.cpu is not None:
        os.sched_setaffinity(0, {args.cpu})
    if not (args.data / "dev.jsonl").is_file():
        ap.error(f"{args.data / 'dev.jsonl'} not found")
    res = run(args.data, args.model, max(1, args.repeats))
    if args.json:
        print(json.dumps(res, ensure_ascii=False, indent=2))
    else:
        print(table(res))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
