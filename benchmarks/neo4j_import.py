"""First load into an empty Neo4j: `neo4j-admin database import full` from CSV against the batched writer.

    python benchmarks/neo4j_import.py [--articles 10000] [--batch 500] [--skip-batched] [--snapshot] [--json]

Generates extraction documents directly (benchmarks/synthetic.py, no NLP), writes them as import
CSV files (newsgraph/graph/neo4j_import.py), runs the import tool from the jars that
scripts/neo4j-server fetched, starts a server on the imported data and creates the constraints
and indexes (`ensure_schema`, timed: it builds them over the imported nodes). Then, unless
--skip-batched, clears the database and writes the same documents with the batched writer
(`write_batch`, batches of --batch) for comparison. Prints the seconds of each step and the
node and relationship counts of both graphs; --snapshot also compares every node and
relationship with all properties (slow on large graphs).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.fresh_neo4j import start_neo4j  # noqa: E402

NEO4J_HOME = Path(os.environ.get("NEWSGRAPH_NEO4J_HOME", Path.home() / ".cache/newsgraph/neo4j-5.26.0"))


def run_import(folder: Path, arguments: list[str]) -> float:
    from newsgraph.graph.neo4j_import import import_arguments

    home = folder / "home"
    (home / "conf").mkdir(parents=True)
    (home / "conf" / "neo4j.conf").write_text(
        f"server.directories.data={folder / 'data'}\nserver.directories.logs={home / 'logs'}\n"
        "dbms.usage_report.enabled=false\n", encoding="utf-8")
    command = ["java", "-Xmx1g", "-cp", f"{NEO4J_HOME / 'lib'}/*", "org.neo4j.cli.AdminTool",
               *import_arguments("neo4j", arguments), f"--report-file={folder / 'import.report'}"]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True,
                          env={**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")})
    if done.returncode != 0:
        sys.exit(f"neo4j-admin import failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return time.perf_counter() - started


def measure(args) -> dict:
    from benchmarks.synthetic import EXTRACTOR, extractions
    from newsgraph.graph import write_batch
    from newsgraph.graph.neo4j_import import write_import_files
    from newsgraph.graph.neo4j_store import Neo4jStore
    from newsgraph.graph.rows import batch_rows

    docs = extractions(args.articles)
    result: dict = {"articles": args.articles}
    folder = Path(tempfile.mkdtemp(prefix="newsgraph-neo4j-import-"))
    stop = None
    try:
        (folder / "csv").mkdir()
        started = time.perf_counter()
        files, rows = write_import_files(
            (batch_rows(docs[i:i + args.batch], EXTRACTOR) for i in range(0, len(docs), args.batch)), folder / "csv")
        result.update(rows=rows, csv_seconds=round(time.perf_counter() - started, 1))
        result["import_seconds"] = round(run_import(folder, files), 1)
        uri, _, stop = start_neo4j(folder / "run", data=folder / "data")
        store = Neo4jStore(uri)
        started = time.perf_counter()
        store.ensure_schema()
        store.driver.execute_query("CALL db.awaitIndexes(600)")
        result["schema_seconds"] = round(time.perf_counter() - started, 1)
        result["imported"] = {"nodes": store.label_counts(), "relationships": store.type_counts()}
        if args.snapshot:
            from tests.graph.conftest import snapshot
            imported = snapshot(store)
        if not args.skip_batched:
            store.clear()
            started = time.perf_counter()
            for i in range(0, len(docs), args.batch):
                write_batch(store, docs[i:i + args.batch], EXTRACTOR)
            result["batched_seconds"] = round(time.perf_counter() - started, 1)
            result["batched"] = {"nodes": store.label_counts(), "relationships": store.type_counts()}
            result["same_counts"] = result["batched"] == result["imported"]
            if args.snapshot:
                result["same_snapshot"] = snapshot(store) == imported
        store.close()
    finally:
        if stop:
            subprocess.run(stop, capture_output=True, timeout=120)
        shutil.rmtree(folder, ignore_errors=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--skip-batched", action="store_true")
    parser.add_argument("--snapshot", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = measure(args)
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return
    nodes = sum(result["imported"]["nodes"].values())
    rels = sum(result["imported"]["relationships"].values())
    print(f"{args.articles} generated articles, {result['rows']} rows -> {nodes} nodes, {rels} relationships")
    print(f"CSV files {result['csv_seconds']} s, neo4j-admin import {result['import_seconds']} s, "
          f"constraints and indexes {result['schema_seconds']} s")
    if "batched_seconds" in result:
        print(f"batched writer (batches of {args.batch}): {result['batched_seconds']} s; "
              f"same counts: {result['same_counts']}" +
              (f"; same nodes and relationships with every property: {result['same_snapshot']}"
               if "same_snapshot" in result else ""))


if __name__ == "__main__":
    main()
