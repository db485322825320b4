"""Why batched loading into the embedded store grows with the graph: LadybugDB alone.

    python benchmarks/ladybug_merge.py [--sizes 10000,100000,400000] [--rows 400]

Builds a node table S of each size (with relationships R from a table A), then times one
statement over --rows new keys, shaped as graph/cypher.py's writes are: `UNWIND $rows AS r MERGE
(s:S {id: r.id})` (the MERGE_SENTENCES / MERGE_FIGURES / MERGE_CLAIMS / MERGE_ENTITIES shape),
CREATE of the same nodes, and MERGE / CREATE of relationships between nodes looked up by key.
Prints milliseconds (wall and CPU of this process, the database's threads included).
"""
from __future__ import annotations

import argparse
import shutil
import tempfile
import time

import ladybug


def _timed(connection, query: str, rows: list[dict]) -> tuple[int, int]:
    started, cpu = time.perf_counter(), time.process_time()
    connection.execute(query, {"rows": rows})
    return round((time.perf_counter() - started) * 1000), round((time.process_time() - cpu) * 1000)


def _graph(folder: str, size: int):
    connection = ladybug.Connection(ladybug.Database(f"{folder}/g.db"))
    connection.execute("CREATE NODE TABLE A(id STRING, PRIMARY KEY(id))")
    connection.execute("CREATE NODE TABLE S(id STRING, PRIMARY KEY(id))")
    connection.execute("CREATE REL TABLE R(FROM A TO S)")
    connection.execute("UNWIND $rows AS r CREATE (:A {id: r.id})", {"rows": [{"id": f"a{i}"} for i in range(size // 20 + 200)]})
    for start in range(0, size, 5000):
        rows = [{"a": f"a{i // 20}", "id": f"s{i}"} for i in range(start, min(size, start + 5000))]
        connection.execute("UNWIND $rows AS r MATCH (a:A {id: r.a}) CREATE (a)-[:R]->(:S {id: r.id})", {"rows": rows})
    return connection


def measure(size: int, count: int) -> dict[str, tuple[int, int]]:
    folder = tempfile.mkdtemp(prefix="ladybug-merge-")
    try:
        connection = _graph(folder, size)
        base = size // 20 + 1
        merged = [{"id": f"m{i}", "a": f"a{base + i // 20}"} for i in range(count)]
        created = [{"id": f"c{i}", "a": f"a{base + 100 + i // 20}"} for i in range(count)]
        return {
            "MERGE node": _timed(connection, "UNWIND $rows AS r MERGE (s:S {id: r.id})", merged),
            "CREATE node": _timed(connection, "UNWIND $rows AS r CREATE (s:S {id: r.id})", created),
            "MATCH, MATCH, MERGE relationship": _timed(
                connection, "UNWIND $rows AS r MATCH (a:A {id: r.a}) MATCH (s:S {id: r.id}) MERGE (a)-[:R]->(s)", merged),
            "MATCH, MATCH, CREATE relationship": _timed(
                connection, "UNWIND $rows AS r MATCH (a:A {id: r.a}) MATCH (s:S {id: r.id}) CREATE (a)-[:R]->(s)", created),
        }
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000,400000")
    parser.add_argument("--rows", type=int, default=400)
    args = parser.parse_args()
    print(f"{'statement, ' + str(args.rows) + ' new keys':<36} " + " ".join(f"{int(s):>20,}" for s in args.sizes.split(",")))
    results = [measure(int(size), args.rows) for size in args.sizes.split(",")]
    for name in results[0]:
        print(f"{name:<36} " + " ".join(f"{r[name][0]:>9} ms ({r[name][1]:>4} CPU)" for r in results))


if __name__ == "__main__":
    main()
