"""Why batched loading into the embedded store grows with the graph: LadybugDB alone.

    python benchmarks/ladybug_merge.py [--sizes 10000,100000,400000] [--rows 400]

Builds a node table S of each size (with relationships R from a table A), then times one
statement over --rows new keys, shaped as graph/cypher.py's writes are: `UNWIND $rows AS r MERGE
(s:S {id: r.id})` (the MERGE_SENTENCES / MERGE_FIGURES / MERGE_CLAIMS / MERGE_ENTITIES shape),
CREATE of the same nodes, MERGE / CREATE of relationships between nodes looked up by key, and
the embedded store's replacement for MERGE of shared nodes (graph/writer.py `_merge_shared`): a
batch of keys half stored, half new, MATCHed by key, the missing ones CREATEd, then the properties
SET on all (against MERGE ... SET of the same batch). Prints milliseconds (wall and CPU of this
process, the database's threads included).
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
    return _since(started, cpu)


def _since(started: float, cpu: float) -> tuple[int, int]:
    return round((time.perf_counter() - started) * 1000), round((time.process_time() - cpu) * 1000)


def _graph(folder: str, size: int):
    connection = ladybug.Connection(ladybug.Database(f"{folder}/g.db"))
    connection.execute("CREATE NODE TABLE A(id STRING, PRIMARY KEY(id))")
    connection.execute("CREATE NODE TABLE S(id STRING, name STRING, PRIMARY KEY(id))")
    connection.execute("CREATE REL TABLE R(FROM A TO S)")
    connection.execute("UNWIND $rows AS r CREATE (:A {id: r.id})", {"rows": [{"id": f"a{i}"} for i in range(size // 20 + 200)]})
    for start in range(0, size, 5000):
        rows = [{"a": f"a{i // 20}", "id": f"s{i}"} for i in range(start, min(size, start + 5000))]
        connection.execute("UNWIND $rows AS r MATCH (a:A {id: r.a}) CREATE (a)-[:R]->(:S {id: r.id})", {"rows": rows})
    return connection


def _match_then_create(connection, rows: list[dict]) -> tuple[int, int]:
    """The batch's keys MATCHed, the missing ones CREATEd, the properties SET on all."""
    started, cpu = time.perf_counter(), time.process_time()
    found = connection.execute("UNWIND $keys AS k MATCH (s:S {id: k}) RETURN s.id", {"keys": [r["id"] for r in rows]})
    stored = set()
    while found.has_next():
        stored.add(found.get_next()[0])
    missing = [r for r in rows if r["id"] not in stored]
    connection.execute("UNWIND $rows AS r CREATE (s:S {id: r.id})", {"rows": missing})
    connection.execute("UNWIND $rows AS r MATCH (s:S {id: r.id}) SET s.name = r.name", {"rows": rows})
    return _since(started, cpu)


def measure(size: int, count: int) -> dict[str, tuple[int, int]]:
    folder = tempfile.mkdtemp(prefix="ladybug-merge-")
    try:
        connection = _graph(folder, size)
        base = size // 20 + 1
        merged = [{"id": f"m{i}", "a": f"a{base + i // 20}"} for i in range(count)]
        created = [{"id": f"c{i}", "a": f"a{base + 100 + i // 20}"} for i in range(count)]
        half = count // 2
        shared = [{"id": f"s{i * (size // half)}", "name": "x"} for i in range(half)]
        merge_shared = shared + [{"id": f"n{i}", "name": "x"} for i in range(count - half)]
        match_shared = shared + [{"id": f"k{i}", "name": "x"} for i in range(count - half)]
        return {
            "MERGE, SET node (half stored)": _timed(
                connection, "UNWIND $rows AS r MERGE (s:S {id: r.id}) SET s.name = r.name", merge_shared),
            "MATCH, CREATE missing, SET (same)": _match_then_create(connection, match_shared),
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
