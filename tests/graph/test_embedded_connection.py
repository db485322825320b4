"""The embedded store's write transactions get a new LadybugDB connection as the graph grows
(embedded_store.EmbeddedStore._renew_connection): a connection keeps the plan it made for each
query, however much the tables grow since (benchmarks/ladybug_plans.py), and planning again costs.
Data written on one connection is seen on the next."""
import pytest

from newsgraph.graph import embedded_store
from newsgraph.graph.embedded_store import EmbeddedStore

pytestmark = pytest.mark.integration


def _connections_of_writes(store, count):
    """The connection each of ``count`` write transactions ran on, numbered in order of first use."""
    seen = []

    def work(run):
        seen.append(store.conn)
        run("CREATE (:Company {key: $id, name: $id})", {"id": f"公司{len(seen)}"})

    for _ in range(count):
        store.write(work)
    numbers = {}
    return [numbers.setdefault(id(conn), len(numbers)) for conn in seen]


def test_a_write_gets_a_new_connection_once_the_graph_may_have_doubled_since_its_plans(tmp_path, monkeypatch):
    monkeypatch.setattr(embedded_store, "RENEW_EVERY", 8)
    store = EmbeddedStore(tmp_path / "g.db")
    store.ensure_schema()
    used = _connections_of_writes(store, 30)
    # a new connection for transactions 2, 3, 5, 9 (each serves as many as were written before it),
    # then every RENEW_EVERY (17, 25)
    firsts = [used.index(number) + 1 for number in sorted(set(used))]
    assert firsts == [1, 2, 3, 5, 9, 17, 25]
    _, rows = store.read("MATCH (c:Company) RETURN count(c)")
    assert rows == [[30]]
    store.close()


def test_a_failed_write_leaves_a_usable_connection(tmp_path):
    store = EmbeddedStore(tmp_path / "g.db")
    store.ensure_schema()
    store.write(lambda run: run("CREATE (:Company {key: 'a', name: 'a'})"))
    try:
        store.write(lambda run: run("CREATE (:Company {key: 'a', name: 'again'})"))  # duplicate key
    except RuntimeError:
        pass
    assert store.read("MATCH (c:Company) RETURN c.name")[1] == [["a"]]
    store.close()
