"""Where a Neo4j load spends its CPU: the batched writer into a running server, with the client's
CPU (this process) and the server's (read from /proc/PID/stat of its java process), overall and,
with --queries, per query of graph/cypher.py (wall, client and server seconds, rows sent).

    python benchmarks/neo4j_load.py URI SERVER_PID DOCUMENTS.ndjson N [--batch 20] [--skip K]
        [--queries] [--staged] [--source DIR]

DOCUMENTS are `newsgraph extract --with-text` lines (or benchmarks/synthetic.py documents with an
"extractor"); the first N after --skip K are written into the server's database, which is
CLEARED first. --staged writes them through newsgraph.staged.load (what `newsgraph load` runs)
instead of write_batch. --source DIR measures another checkout (its own venv must have the
driver it is to be measured with). Prints one JSON line of totals, then the per-query table.
Per-query server seconds are the server's CPU between the query's send and its last record: the
work a query leaves to the commit (applying records and index updates) is counted at the commit.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from scale_runs import process_cpu as server_cpu  # benchmarks/ is this script's folder

OUTSIDE = "(transaction outside the queries: Python, commit)"


class QueryMeter:
    """The store, with wall, client and server seconds and rows of every query its writes run."""

    def __init__(self, store, pid: str, names: dict[str, str]) -> None:
        self.store, self.pid, self.names = store, pid, names
        self.totals: dict[str, list[float]] = {}  # name -> [wall, client, server, calls, rows]

    def __getattr__(self, name: str):
        return getattr(self.store, name)

    def _clock(self) -> tuple[float, float, float]:
        return time.perf_counter(), time.process_time(), server_cpu(self.pid)

    def _add(self, name: str, spent: list[float], calls: int, rows: int) -> None:
        total = self.totals.setdefault(name, [0.0, 0.0, 0.0, 0, 0])
        for i, value in enumerate([*spent, calls, rows]):
            total[i] += value

    def _measured(self) -> list[float]:
        return [sum(t[i] for t in self.totals.values()) for i in range(3)]

    def write(self, work):
        def timed_work(run):
            def timed(query, parameters=None):
                start = self._clock()
                try:
                    return run(query, parameters)
                finally:
                    sent = next((v for v in (parameters or {}).values() if isinstance(v, list)), ())
                    name = self.names.get(query, query.strip().splitlines()[0][:70])
                    self._add(name, [b - a for a, b in zip(start, self._clock())], 1, len(sent))
            return work(timed)

        start, before = self._clock(), self._measured()
        try:
            return self.store.write(timed_work)
        finally:
            inside = [b - a for a, b in zip(before, self._measured())]
            self._add(OUTSIDE, [b - a - q for a, b, q in zip(start, self._clock(), inside)], 1, 0)

    def table(self) -> str:
        lines = [f"{'query':56s} {'calls':>6s} {'rows':>8s} {'wall s':>7s} {'client':>7s} {'server':>7s}"]
        for name, (wall, client, server, calls, rows) in sorted(self.totals.items(), key=lambda kv: -kv[1][1] - kv[1][2]):
            lines.append(f"{name[:56]:56s} {calls:6d} {rows:8d} {wall:7.2f} {client:7.2f} {server:7.2f}")
        wall, client, server = self._measured()
        lines.append(f"{'total':56s} {'':6s} {'':8s} {wall:7.2f} {client:7.2f} {server:7.2f}")
        return "\n".join(lines)


def _write(store, lines: list[str], batch: int, staged: bool) -> int:
    from newsgraph.extract.serialize import from_document
    from newsgraph.graph import write_batch

    if staged:
        from newsgraph.staged import load

        path = Path(os.environ.get("TMPDIR", "/tmp")) / f"neo4j-load-{os.getpid()}.ndjson"
        path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        try:
            return load([str(path)], store, batch_size=batch).rows_written
        finally:
            path.unlink()
    documents = [json.loads(line) for line in lines]
    records = [(from_document(d), d["extractor"]) for d in documents]
    keep = frozenset(d["article"]["id"] for d in documents)
    rows = 0
    for start in range(0, len(records), batch):
        part = records[start:start + batch]
        rows += write_batch(store, [x for x, _ in part], part[0][1], keep)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("uri")
    parser.add_argument("pid", help="process id of the server's java process")
    parser.add_argument("documents")
    parser.add_argument("articles", type=int)
    parser.add_argument("--batch", type=int, default=20)
    parser.add_argument("--skip", type=int, default=0)
    parser.add_argument("--queries", action="store_true", help="time every query (adds a /proc read per query)")
    parser.add_argument("--staged", action="store_true", help="through newsgraph.staged.load")
    parser.add_argument("--source", default=str(Path(__file__).resolve().parents[1]))
    args = parser.parse_args()
    sys.path.insert(0, args.source)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from newsgraph.graph.neo4j_store import Neo4jStore
    from scale_runs import _query_names

    lines = Path(args.documents).read_text(encoding="utf-8").splitlines()[args.skip:args.skip + args.articles]
    store = Neo4jStore(args.uri)
    store.clear()
    store.ensure_schema()
    writer = QueryMeter(store, args.pid, _query_names()) if args.queries else store
    wall, client, server = time.perf_counter(), time.process_time(), server_cpu(args.pid)
    rows = _write(writer, lines, args.batch, args.staged)
    wall, client, server = time.perf_counter() - wall, time.process_time() - client, server_cpu(args.pid) - server
    print(json.dumps({"articles": len(lines), "batch": args.batch, "rows": rows, "wall_s": round(wall, 2),
                      "client_cpu_s": round(client, 2), "server_cpu_s": round(server, 2),
                      "rows_per_s": round(rows / wall), "rows_per_client_cpu_s": round(rows / client),
                      "rows_per_server_cpu_s": round(rows / server), "rows_per_cpu_s": round(rows / (client + server)),
                      "nodes": sum(store.label_counts().values()), "relationships": sum(store.type_counts().values()),
                      "load_average": round(os.getloadavg()[0], 2)}))
    if args.queries:
        print(writer.table())
    store.close()


if __name__ == "__main__":
    main()
