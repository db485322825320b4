"""The cost of the writer's `keep` list in the stale-article look-up, on the embedded store.

    python benchmarks/stale_keep.py [--sizes 1000,5000,20000]

Stores N Article nodes (graph/cypher.py's MERGE_ARTICLES), then times STALE_BY_URL for the last
20 URLs (what one batch of 20 asks) with `keep` empty and with every stored id in it (what a run
of N articles passes on every batch), and STALE_BY_ID for comparison. Milliseconds per query,
the mean of 10.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsgraph.graph import cypher, open_store  # noqa: E402


def _article(number: int) -> dict:
    url = f"https://news.example.org/keep/{number}"
    return {"id": hashlib.sha256(url.encode()).hexdigest(), "name": url, "title": "标题", "published": None,
            "source": None, "author": None, "url": url, "path": None, "text": "正文" * 400, "extractor": "e",
            "fictional": False, "source_path": None, "fingerprint": "f"}


def _mean_ms(store, query: str, parameters: dict, repeat: int = 10) -> float:
    started = time.perf_counter()
    for _ in range(repeat):
        store.read(query, parameters)
    return round((time.perf_counter() - started) * 1000 / repeat, 1)


def measure(size: int) -> dict[str, float]:
    folder = tempfile.mkdtemp(prefix="stale-keep-")
    try:
        store = open_store(db_path=os.path.join(folder, "g.db"))
        store.ensure_schema()
        rows = [_article(n) for n in range(size)]
        for start in range(0, size, 1000):
            store.write(lambda run, chunk=rows[start:start + 1000]: run(cypher.MERGE_ARTICLES[store.name], {"rows": chunk}))
        batch = rows[-20:]
        urls = [r["url"] for r in batch]
        result = {
            "STALE_BY_URL, keep empty": _mean_ms(store, cypher.STALE_BY_URL, {"values": urls, "keep": []}),
            "STALE_BY_URL, keep = every id": _mean_ms(store, cypher.STALE_BY_URL,
                                                      {"values": urls, "keep": [r["id"] for r in rows]}),
            "STALE_BY_ID": _mean_ms(store, cypher.STALE_BY_ID, {"ids": [r["id"] for r in batch]}),
        }
        store.close()
        return result
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,5000,20000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    results = [measure(size) for size in sizes]
    print(f"{'ms per query, articles stored':<32} " + " ".join(f"{s:>8,}" for s in sizes))
    for name in results[0]:
        print(f"{name:<32} " + " ".join(f"{r[name]:>8}" for r in results))


if __name__ == "__main__":
    main()
