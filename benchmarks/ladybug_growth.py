"""What still grows in the embedded store's batched loading: LadybugDB alone, no newsgraph code.

    python benchmarks/ladybug_growth.py [--cycles 8] [--transactions 250] [--rows 200] [--hubs 50]

Each write transaction creates --rows article-like nodes A, each linked to one of --hubs shared
nodes H (as articles mention a few companies), the way the writer's batches do. The engine
checkpoints only when told (the threshold is set out of reach): a cycle is --transactions such
transactions and then a `CHECKPOINT`. For each cycle it prints the graph's size; the CPU
milliseconds of a transaction's queries and of its commit, at the start of the cycle and at its
end (each the mean of 20 transactions); and the checkpoint's. With --spread the links go to nodes
of their own transaction instead of to the hubs, to show what the hubs cost. CPU of this process
(the engine's threads included).
"""
from __future__ import annotations

import argparse
import tempfile
import time

import ladybug

SAMPLE = 20  # commits averaged at each end of a cycle


def _schema(connection) -> None:
    connection.execute("CREATE NODE TABLE A(id STRING, text STRING, PRIMARY KEY(id))")
    connection.execute("CREATE NODE TABLE H(key STRING, PRIMARY KEY(key))")
    connection.execute("CREATE REL TABLE M(FROM A TO H, start_char INT64)")


def _transaction(database, number: int, rows: int, hubs: int, spread: bool) -> tuple[float, float]:
    """One batch: new nodes, their links, a commit. Returns the CPU milliseconds of its queries
    and of its commit."""
    connection = ladybug.Connection(database)
    ids = [{"id": f"a{number}-{i}", "text": "x" * 200, "hub": f"h{number}-{i}" if spread else f"h{i % hubs}",
            "start": i} for i in range(rows)]
    connection.execute("BEGIN TRANSACTION")
    cpu = time.process_time()
    if spread:
        connection.execute("UNWIND $rows AS r CREATE (:H {key: r.hub})", {"rows": ids})
    connection.execute("UNWIND $rows AS r CREATE (:A {id: r.id, text: r.text})", {"rows": ids})
    connection.execute("UNWIND $rows AS r MATCH (a:A {id: r.id}) MATCH (h:H {key: r.hub}) "
                       "CREATE (a)-[:M {start_char: r.start}]->(h)", {"rows": ids})
    queries, cpu = (time.process_time() - cpu) * 1000, time.process_time()
    connection.execute("COMMIT")
    return queries, (time.process_time() - cpu) * 1000


def _mean(values: list[float]) -> float:
    return sum(values) / len(values)


def _cycle(database, first: int, args) -> list[float]:
    """Queries' and commits' CPU ms at the cycle's start and end, and the checkpoint's."""
    queries, commits = zip(*[_transaction(database, first + n, args.rows, args.hubs, args.spread)
                             for n in range(args.transactions)])
    cpu = time.process_time()
    ladybug.Connection(database).execute("CHECKPOINT")
    checkpoint = (time.process_time() - cpu) * 1000
    return [_mean(queries[:SAMPLE]), _mean(queries[-SAMPLE:]), _mean(commits[:SAMPLE]), _mean(commits[-SAMPLE:]),
            checkpoint]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cycles", type=int, default=8)
    parser.add_argument("--transactions", type=int, default=250, help="write transactions between checkpoints")
    parser.add_argument("--rows", type=int, default=200, help="nodes (and links) a transaction creates")
    parser.add_argument("--hubs", type=int, default=50)
    parser.add_argument("--spread", action="store_true", help="link to new nodes instead of the hubs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        database = ladybug.Database(f"{folder}/g.db", checkpoint_threshold=1 << 40)
        connection = ladybug.Connection(database)
        _schema(connection)
        if not args.spread:
            connection.execute("UNWIND range(0, $n - 1) AS i CREATE (:H {key: 'h' + cast(i, 'STRING')})",
                               {"n": args.hubs})
        columns = ("queries ms, start", "end", "commit ms, start", "end", "checkpoint ms")
        print(f"{'links in the graph':>18} " + " ".join(f"{c:>17}" for c in columns))
        for cycle in range(args.cycles):
            figures = _cycle(database, cycle * args.transactions, args)
            links = (cycle + 1) * args.transactions * args.rows
            print(f"{links:>18,} " + " ".join(f"{f:>17.1f}" for f in figures), flush=True)


if __name__ == "__main__":
    main()
