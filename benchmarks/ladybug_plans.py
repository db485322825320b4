"""A LadybugDB connection keeps the plan it made for a query, however much the tables grow since.

    python benchmarks/ladybug_plans.py [--values 200000] [--quantities 2000]

LadybugDB alone, no newsgraph code. One connection runs the embedded store's look-up of a
quantity's Values (graph/cypher.py VALUE_NEIGHBOURS) while the tables are empty; another then
writes --quantities Quantity nodes and --values Value nodes linked to them. Prints the CPU
milliseconds per look-up on the first connection (its cached plan, made on the empty tables), on a
new connection (planned on the grown tables), and on the first again.
"""
from __future__ import annotations

import argparse
import tempfile
import time

import ladybug

QUERY = "MATCH (:Quantity {key: $quantity})<-[:OF_QUANTITY]-(v:Value) RETURN v.key"
CHUNK = 20_000


def _schema(connection) -> None:
    connection.execute("CREATE NODE TABLE Quantity(key STRING, PRIMARY KEY(key))")
    connection.execute("CREATE NODE TABLE Value(key STRING, quantity STRING, PRIMARY KEY(key))")
    connection.execute("CREATE REL TABLE OF_QUANTITY(FROM Value TO Quantity)")


def _grow(connection, values: int, quantities: int) -> None:
    connection.execute("UNWIND range(1, $n) AS i CREATE (:Quantity {key: 'q' + cast(i, 'STRING')})",
                       {"n": quantities - 1})
    for start in range(0, values, CHUNK):
        connection.execute(
            "UNWIND range($first, $last) AS i MATCH (q:Quantity {key: 'q' + cast(i % $n, 'STRING')}) "
            "CREATE (:Value {key: 'v' + cast(i, 'STRING'), quantity: q.key})-[:OF_QUANTITY]->(q)",
            {"first": start, "last": min(start + CHUNK, values) - 1, "n": quantities})


def _per_look_up(connection, count: int = 200) -> float:
    cpu = time.process_time()
    for number in range(count):
        connection.execute(QUERY, {"quantity": f"q{number}"})
    return (time.process_time() - cpu) / count * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--values", type=int, default=200_000)
    parser.add_argument("--quantities", type=int, default=2_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        database = ladybug.Database(f"{folder}/g.db")
        early = ladybug.Connection(database)
        _schema(early)
        early.execute("CREATE (:Quantity {key: 'q0'})")
        early.execute(QUERY, {"quantity": "q0"})  # planned (and cached) on the empty tables
        _grow(ladybug.Connection(database), args.values, args.quantities)
        print(f"{args.values:,} Values of {args.quantities:,} quantities; CPU ms per look-up of one quantity's Values:")
        print(f"  the connection that planned it on the empty tables  {_per_look_up(early):8.2f}")
        print(f"  a new connection                                    {_per_look_up(ladybug.Connection(database)):8.2f}")
        print(f"  the first connection again                          {_per_look_up(early):8.2f}")


if __name__ == "__main__":
    main()
