"""Extraction speed (chars/s, with and without NER, beside bare jieba.cut) and ingest time per store.

    python benchmarks/speed.py [--repeat 5] [--neo4j bolt://127.0.0.1:7687] [--json] [--extraction-only]

Extraction runs over corpora/ --repeat times (articles with changed ids so nothing is cached),
in this one process (one core); chars/CPU-s (time.process_time) is the figure to compare on a
loaded machine, where wall time also counts the waiting for a core. Ingest loads corpora/ into a fresh embedded store and, with
--neo4j (or NEO4J_URI), into Neo4j after clearing it, then ingests again to time the
nothing-changed path.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsgraph.app import ingest, read_all  # noqa: E402
from newsgraph.extract.pipeline import PipelineOptions, build_nlp, extract  # noqa: E402
from newsgraph.extract.reader import Metadata  # noqa: E402
from newsgraph.graph import open_store  # noqa: E402

CORPUS = str(ROOT / "corpora")


def extraction_speed(articles, use_ner: bool, repeat: int) -> dict:
    nlp = build_nlp(PipelineOptions(use_ner=use_ner))
    batch = [dataclasses.replace(a, id=f"{a.id}-{i}") for i in range(repeat) for a in articles]
    list(extract(articles[:2], nlp))  # warm-up: jieba dictionary, model load
    started, cpu_started = time.perf_counter(), time.process_time()
    for _ in extract(batch, nlp):
        pass
    return _speed("with NER" if use_ner else "rules only", use_ner, [a.text for a in batch],
                  time.perf_counter() - started, time.process_time() - cpu_started)


def _speed(label: str, ner: bool | None, texts: list[str], seconds: float, cpu_seconds: float) -> dict:
    """Wall and CPU figures of one run; on a loaded machine chars per CPU-second is the one to compare."""
    chars = sum(len(t) for t in texts)
    return {"label": label, "ner": ner, "articles": len(texts), "characters": chars,
            "seconds": round(seconds, 3), "chars_per_second": round(chars / seconds),
            "cpu_seconds": round(cpu_seconds, 3), "chars_per_cpu_second": round(chars / cpu_seconds)}


def jieba_speed(articles, repeat: int) -> dict:
    """Bare segmentation over the same text, the floor the pipeline is compared with."""
    import jieba

    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    texts = [a.text for _ in range(repeat) for a in articles]
    started, cpu_started = time.perf_counter(), time.process_time()
    for text in texts:
        for _ in tokenizer.cut(text):
            pass
    return _speed("jieba.cut", None, texts, time.perf_counter() - started, time.process_time() - cpu_started)


def ingest_time(store) -> dict:
    first = ingest([CORPUS], store)
    second = ingest([CORPUS], store)
    return {"store": store.name, "articles": first.ingested, "seconds": round(first.seconds, 3),
            "again_seconds": round(second.seconds, 3), "unchanged_again": second.unchanged,
            "labels": store.label_counts(), "relationships": store.type_counts()}


def ingest_times(neo4j_uri: str | None) -> list[dict]:
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(db_path=str(Path(tmp) / "bench.db"))
        out.append(ingest_time(store))
        store.close()
    if neo4j_uri:
        store = open_store(neo4j_uri=neo4j_uri)
        store.clear()
        out.append(ingest_time(store))
        store.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--neo4j", default=os.environ.get("NEO4J_URI"))
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--extraction-only", action="store_true", help="skip the ingest timings")
    args = parser.parse_args()

    articles, _, _ = read_all([CORPUS], Metadata())
    result = {"extraction": [extraction_speed(articles, ner, args.repeat) for ner in (True, False)]
              + [jieba_speed(articles, args.repeat)], "ingest": []}
    if not args.extraction_only:
        result["ingest"] = ingest_times(args.neo4j)

    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return
    print(f"{'extraction':<12} {'articles':>8} {'chars':>9} {'seconds':>8} {'chars/s':>9} {'CPU s':>8} {'chars/CPU-s':>11}")
    for row in result["extraction"]:
        print(f"{row['label']:<12} {row['articles']:>8} {row['characters']:>9} {row['seconds']:>8} {row['chars_per_second']:>9} "
              f"{row['cpu_seconds']:>8} {row['chars_per_cpu_second']:>11}")
    if not result["ingest"]:
        return
    print(f"\n{'ingest':<10} {'articles':>8} {'seconds':>8} {'again (s)':>10}  nodes / relationships")
    for row in result["ingest"]:
        print(f"{row['store']:<10} {row['articles']:>8} {row['seconds']:>8} {row['again_seconds']:>10}  "
              f"{sum(row['labels'].values())} / {sum(row['relationships'].values())}")
        print(f"{'':<10} {json.dumps(row['labels'], ensure_ascii=False)}")
        print(f"{'':<10} {json.dumps(row['relationships'], ensure_ascii=False)}")


if __name__ == "__main__":
    main()
