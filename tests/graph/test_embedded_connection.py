"""The embedded store opens a fresh LadybugDB connection for each write transaction
(embedded_store.EmbeddedStore._renew_connection: queries on one long-lived connection grow
slower with every batch it has written). Data written on one connection is seen on the next."""
import pytest

from newsgraph.graph.embedded_store import EmbeddedStore

pytestmark = pytest.mark.integration


def test_each_write_transaction_runs_on_a_new_connection(tmp_path):
    store = EmbeddedStore(tmp_path / "g.db")
    store.ensure_schema()
    seen = []

    def create(name):
        def work(run):
            seen.append(store.conn)
            run("CREATE (:Company {key: $id, name: $id})", {"id": name})
        return work

    store.write(create("甲公司"))
    store.write(create("乙公司"))
    assert seen[0] is not seen[1]
    names = store.write(lambda run: [row["name"] for row in run("MATCH (c:Company) RETURN c.name AS name ORDER BY name")])
    assert names == ["乙公司", "甲公司"]
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
