"""First load into an empty embedded store: the bulk path (COPY FROM) against the batched writer.

    python benchmarks/bulk.py [--articles 10000] [--batch 20] [--skip-batched] [--json]

Generates extraction documents directly (benchmarks/synthetic.py, no NLP), then loads them into a
fresh embedded store twice, each in its own child process: with the batched writer
(`write_batch`, batches of --batch, as `newsgraph load` does) and with `graph/bulk.py`. Prints wall
and CPU seconds, rows/s and the node and relationship counts of both graphs (they must match).
"""
from __future__ import annotations

import argparse
import concurrent.futures
import json
import multiprocessing
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def run(kind: str, folder: str, articles: int, batch: int) -> dict:
    from benchmarks.synthetic import EXTRACTOR, extractions
    from newsgraph.graph import write_batch
    from newsgraph.graph.bulk import bulk_load
    from newsgraph.graph.embedded_store import EmbeddedStore
    from newsgraph.graph.rows import batch_rows

    docs = extractions(articles)
    store = EmbeddedStore(Path(folder) / f"{kind}.db")
    started, cpu = time.perf_counter(), time.process_time()
    if kind == "bulk":
        rows = bulk_load(store, (batch_rows(docs[i:i + batch], EXTRACTOR) for i in range(0, len(docs), batch)))
    else:
        store.ensure_schema()
        rows = sum(write_batch(store, docs[i:i + batch], EXTRACTOR) for i in range(0, len(docs), batch))
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    result = {"path": kind, "articles": articles, "rows": rows, "seconds": round(seconds, 1),
              "cpu_seconds": round(cpu, 1), "rows_per_second": round(rows / seconds),
              "nodes": sum(store.label_counts().values()), "relationships": sum(store.type_counts().values()),
              "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}
    store.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=20)
    parser.add_argument("--skip-batched", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    kinds = ["bulk"] + ([] if args.skip_batched else ["batched"])
    results = []
    context = multiprocessing.get_context("spawn")
    with tempfile.TemporaryDirectory(prefix="newsgraph-bulk-bench-") as folder:
        for kind in kinds:
            with concurrent.futures.ProcessPoolExecutor(1, mp_context=context) as pool:
                results.append(pool.submit(run, kind, folder, args.articles, args.batch).result())
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"{args.articles} generated articles into an empty embedded store (batches of {args.batch})")
    print(f"{'path':<8} {'wall s':>7} {'CPU s':>7} {'rows':>9} {'rows/s':>8} {'nodes':>8} {'rels':>8} {'RSS MB':>7}")
    for r in results:
        print(f"{r['path']:<8} {r['seconds']:>7} {r['cpu_seconds']:>7} {r['rows']:>9} {r['rows_per_second']:>8} "
              f"{r['nodes']:>8} {r['relationships']:>8} {r['peak_rss_mb']:>7}")


if __name__ == "__main__":
    main()
