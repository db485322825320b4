"""What comparing figures costs at load time, in the worst case: few quantities, many distinct values.

    python benchmarks/compare_cost.py [--articles 10000] [--tranches 10] [--stores embedded,neo4j] [--json]

Generates extraction documents (no NLP, only the write is timed): each article reports 8 figures
(4 measures x 2 years) of one of 5 companies, so the 40 quantities each get articles/5 x 2 figures,
nearly all of different values (uniform, written to 0.1亿), one in ten rounded (约), one in ten a
repeat of an earlier value. Each store loads them twice from empty, in batches of 20 (`write_batch`,
as `newsgraph ingest` does): with comparison and with NEWSGRAPH_COMPARE=0. For each tranche of
articles it prints wall seconds and CPU seconds (this process; for Neo4j also the server's, read
from /proc), so that the first and last tranche can be compared: flat is linear. Then the Value
edge counts. Neo4j is started from scripts/neo4j-server on free ports and stopped afterwards.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsgraph.extract.serialize import from_document  # noqa: E402
from newsgraph.graph import open_store, write_batch  # noqa: E402
from benchmarks.fresh_neo4j import start_neo4j  # noqa: E402
from benchmarks.synthetic import figure_document  # noqa: E402

MEASURES = ("营收", "净利润", "研发投入", "经营现金流")
COMPANIES = 5
YI = 100_000_000
BATCH = 20


def _figure(rng: random.Random, earlier: list[float]) -> tuple[str, float, str | None]:
    """(text, value in 亿, qualifier): mostly a new value to 0.1亿, some rounded, some repeated."""
    roll = rng.random()
    if roll < 0.1 and earlier:
        value = rng.choice(earlier)
        return f"{value:.1f}亿元", value, None
    if roll < 0.2:
        value = float(rng.randint(20, 100) * 10)
        return f"约{value:.0f}亿元", value, "about"
    value = round(rng.uniform(200, 1000), 1)
    earlier.append(value)
    return f"{value:.1f}亿元", value, None


def documents(count: int, seed: int = 11) -> list[dict]:
    rng = random.Random(seed)
    earlier: dict[tuple, list[float]] = {}
    docs = []
    for number in range(count):
        company = f"比较{number % COMPANIES}科技"
        figures = []
        for measure in MEASURES:
            for year in (2023, 2024):
                written, value, qualifier = _figure(rng, earlier.setdefault((company, measure, year), []))
                figures.append((written, {"year": year, "measure": measure, "unit": "CNY",
                                          "value": round(value * YI), "qualifier": qualifier}))
        docs.append(figure_document(f"k{number}", number, company, figures))
    return docs


def _server_cpu(pid: int | None) -> float:
    """CPU seconds (user + system) of the Neo4j server so far; 0 without one."""
    if pid is None:
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def load(store, docs: list, tranches: int, server: int | None) -> dict:
    size = len(docs) // tranches
    rows = []
    for number in range(tranches):
        part = docs[number * size:(number + 1) * size]
        wall, cpu, server_cpu = time.perf_counter(), time.process_time(), _server_cpu(server)
        for start in range(0, len(part), BATCH):
            write_batch(store, part[start:start + BATCH], "benchmark")
        rows.append({"articles": (number + 1) * size, "wall": round(time.perf_counter() - wall, 1),
                     "cpu": round(time.process_time() - cpu, 1),
                     "server_cpu": round(_server_cpu(server) - server_cpu, 1)})
    counts = store.type_counts()
    return {"tranches": rows, "wall": round(sum(r["wall"] for r in rows), 1),
            "cpu": round(sum(r["cpu"] + r["server_cpu"] for r in rows), 1),
            "values": store.label_counts().get("Value", 0),
            "agrees": counts.get("AGREES_WITH", 0), "disagrees": counts.get("DISAGREES_WITH", 0)}


def run(kind: str, docs: list, tranches: int, folder: Path) -> list[dict]:
    uri, pid, stop = start_neo4j(folder / "neo4j") if kind == "neo4j" else (None, None, None)
    results = []
    try:
        for compare in ("1", "0"):
            os.environ["NEWSGRAPH_COMPARE"] = compare
            store = open_store(neo4j_uri=uri) if uri else open_store(db_path=str(folder / f"graph-{compare}.db"))
            if uri:
                store.clear()
            store.ensure_schema()
            result = load(store, docs, tranches, pid)
            store.close()
            results.append({"store": kind, "compare": compare == "1", **result})
            print(json.dumps(results[-1], ensure_ascii=False), file=sys.stderr, flush=True)
    finally:
        os.environ.pop("NEWSGRAPH_COMPARE", None)
        if stop:
            subprocess.run(stop, capture_output=True, timeout=120)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--tranches", type=int, default=10)
    parser.add_argument("--stores", default="embedded,neo4j")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    docs = [from_document(d) for d in documents(args.articles)]
    with tempfile.TemporaryDirectory(prefix="newsgraph-compare-cost-") as tmp:
        results = [r for kind in args.stores.split(",") if kind for r in run(kind, docs, args.tranches, Path(tmp))]
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
        return
    for r in results:
        print(f"\n{r['store']} {'with' if r['compare'] else 'without'} comparison: {r['wall']} s wall, "
              f"{r['cpu']} s CPU; {r['values']} Values, {r['agrees']} AGREES_WITH, {r['disagrees']} DISAGREES_WITH")
        print("  articles  wall s  CPU s (client + server)")
        for t in r["tranches"]:
            print(f"  {t['articles']:>8}  {t['wall']:>6}  {t['cpu']} + {t['server_cpu']}")


if __name__ == "__main__":
    main()
