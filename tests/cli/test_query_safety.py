"""`newsgraph query` and `ask` are read-only for real, on both stores: every statement that would
write the graph, write or read a file, reach the network, load native code, change settings or
end other transactions is refused with one line, and nothing changes."""
from __future__ import annotations

import json
import socket
import threading

import pytest

from newsgraph.cli import main
from newsgraph.graph import GraphQueryError
from newsgraph.staged import write_documents
from newsgraph.graph import embedded_store, neo4j_store
from newsgraph.graph.embedded_store import EmbeddedStore
from newsgraph.graph.neo4j_store import Neo4jStore
from newsgraph.graph.questions import questions

from ..graph.conftest import snapshot
from ..graph.test_questions import DOCUMENTS

STORES = ["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)]
READ_ONLY = "is not allowed: `query` and `ask` only read the graph"



@pytest.fixture(scope="module", params=STORES)
def graph(request, tmp_path_factory) -> list[str]:
    """The command-line options that select a store holding the three articles of test_questions."""
    if request.param == "embedded":
        path = tmp_path_factory.mktemp("safety") / "graph.db"
        store, options = EmbeddedStore(path), ["--db", str(path)]
    else:
        uri = request.getfixturevalue("neo4j_uri")
        store, options = Neo4jStore(uri), ["--neo4j", uri]
        store.clear()
    store.ensure_schema()
    write_documents(store, DOCUMENTS, "safety-test")
    store.close()
    return options


def _open(options: list[str]):
    return EmbeddedStore(options[1], read_only=True) if options[0] == "--db" else Neo4jStore(options[1])


def _snapshot(options: list[str]):
    store = _open(options)
    try:
        return snapshot(store)
    finally:
        store.close()


def _refused(runner, options, query: str, message: str) -> str:
    result = runner.invoke(main, ["query", query, *options])
    assert result.exit_code == 1, result.output
    assert result.output.startswith("Error: ") and result.output.count("\n") == 1, result.output
    assert message in result.output
    assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)
    return result.output


@pytest.mark.integration
def test_copy_to_and_export_write_no_file(runner, graph, tmp_path):
    target = tmp_path / "pwn.csv"
    _refused(runner, graph, f"COPY (RETURN 'x' AS x) TO '{target}' (header=false)", f"COPY {READ_ONLY}")
    _refused(runner, graph, f"/* hidden */ COPY (MATCH (a:Article) RETURN a.text) TO '{target}'", "COPY")
    _refused(runner, graph, f"EXPORT DATABASE '{tmp_path / 'export'}'", f"EXPORT {READ_ONLY}")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.integration
def test_load_reads_no_file(runner, graph, tmp_path):
    secret = tmp_path / "secret.csv"
    secret.write_text("root:x:0:0\n", encoding="utf-8")
    for query in (f"LOAD FROM '{secret}' (file_format='csv', delim=':') RETURN *",
                  f"LOAD CSV FROM 'file://{secret}' AS line RETURN line"):
        output = _refused(runner, graph, query, f"LOAD {READ_ONLY}")
        assert "root:x" not in output.replace(str(secret), "")


@pytest.mark.integration
def test_load_csv_and_install_reach_no_server(runner, graph):
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        server.settimeout(0.5)
        port = server.getsockname()[1]
        _refused(runner, graph, f"LOAD CSV FROM 'http://127.0.0.1:{port}/x.csv' AS line RETURN line", "LOAD")
        _refused(runner, graph, f"LOAD FROM 'http://127.0.0.1:{port}/x.csv' RETURN *", "LOAD")
        with pytest.raises(TimeoutError):
            server.accept()
    _refused(runner, graph, "INSTALL httpfs", f"INSTALL {READ_ONLY}")


@pytest.mark.integration
def test_extensions_settings_and_other_databases_are_refused(runner, graph, tmp_path):
    library = tmp_path / "libpwn.so"
    _refused(runner, graph, f"LOAD EXTENSION '{library}'", f"LOAD {READ_ONLY}")
    _refused(runner, graph, f"ATTACH '{tmp_path / 'other.db'}' AS other (dbtype lbug)", f"ATTACH {READ_ONLY}")
    _refused(runner, graph, "CALL threads=1", f"CALL threads {READ_ONLY}")
    _refused(runner, graph, "CHECKPOINT", f"CHECKPOINT {READ_ONLY}")
    _refused(runner, graph, "USE system SHOW USERS", f"USE {READ_ONLY}")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.integration
def test_several_statements_are_one_clear_error(runner, graph):
    _refused(runner, graph, "RETURN 1 AS a; RETURN 2 AS b",
             "the query has several statements: run one statement at a time")


@pytest.mark.integration
def test_admin_commands_and_write_procedures_are_refused(runner, graph):
    _refused(runner, graph, "TERMINATE TRANSACTIONS 'neo4j-transaction-1'", f"TERMINATE {READ_ONLY}")
    _refused(runner, graph, "SHOW TRANSACTIONS", f"SHOW {READ_ONLY}")
    _refused(runner, graph, "CALL db.clearQueryCaches()", f"CALL db.clearQueryCaches {READ_ONLY}")
    _refused(runner, graph, "CALL dbms.killQuery('query-1')", f"CALL dbms.killQuery {READ_ONLY}")
    # Neo4j ends a // comment at a carriage return: what follows it is code, for the guard too
    _refused(runner, graph, "WITH 1 AS x // note\rCALL db.clearQueryCaches() YIELD value RETURN value",
             f"CALL db.clearQueryCaches {READ_ONLY}")


@pytest.mark.parametrize("query, word", [
    ("CREATE (:Company {key: 'x', name: 'x'})", "CREATE"),
    ("MERGE (:Company {key: 'x'})", "MERGE"),
    ("MATCH (c:Company) SET c.name = 'x'", "SET"),
    ("MATCH (c:Company) REMOVE c.aliases", "REMOVE"),
    ("MATCH (c:Company)-[r]-() DELETE r", "DELETE"),
    ("MATCH (n) DETACH DELETE n", "DETACH"),
    ("MATCH (n) FOREACH (x IN [1] | SET n.name = 'x')", "FOREACH"),
    ("DROP TABLE Company", "DROP"),
    ("ALTER TABLE Company ADD x INT64", "ALTER"),
])
@pytest.mark.integration
def test_writes_are_refused_and_change_nothing(runner, graph, query, word):
    before = _snapshot(graph)
    _refused(runner, graph, query, f"{word} {READ_ONLY}")
    assert _snapshot(graph) == before


@pytest.mark.integration
def test_reads_still_work(runner, graph):
    result = runner.invoke(main, ["query", "MATCH (c:Company) RETURN c.name AS company ORDER BY company", *graph])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[2:] == ["宁德时代", "小米集团", "(2 rows)"]
    result = runner.invoke(main, ["query", "RETURN 'COPY; DELETE' AS `set` // CREATE", *graph])
    assert result.exit_code == 0, result.output
    assert result.stdout == "set         \n------------\nCOPY; DELETE\n(1 row)\n"
    schema = "CALL db.labels()" if graph[0] == "--neo4j" else "CALL show_tables() RETURN *"
    result = runner.invoke(main, ["query", schema, "--json", *graph])
    assert result.exit_code == 0, result.output
    assert "Company" in result.stdout


@pytest.mark.integration
def test_every_named_question_still_runs(runner, graph):
    values = {"company": "小米", "person": "雷军", "measure": "营收", "first": "小米", "second": "宁德时代"}
    for q in questions().values():
        if q.name == "provenance":
            continue  # needs an id: tests/cli/test_table_output.py
        params = [f"{p.name}={values[p.name]}" for p in q.parameters]
        args = ["ask", q.name, *(x for p in params for x in ("-p", p)), "--json", *graph]
        result = runner.invoke(main, args)
        assert result.exit_code == 0, (q.name, result.output)
        if q.name == "disagreeing-figures":  # these articles disagree on nothing: tests/graph/test_comparisons.py
            assert json.loads(result.stdout) == [], result.output
        else:
            assert result.stdout.startswith("[\n  {"), (q.name, result.output)


@pytest.mark.neo4j
def test_terminate_from_query_does_not_end_a_running_ingest(runner, neo4j_uri):
    """A write transaction stays open while `query` tries to terminate it; it still commits."""
    store = Neo4jStore(neo4j_uri)
    try:
        with store.driver.session() as session:
            tx = session.begin_transaction()
            tx.run("CREATE (:SafetyProbe {name: 'kept'})").consume()
            records, _, _ = store.driver.execute_query(
                "SHOW TRANSACTIONS YIELD transactionId, currentQuery "
                "WHERE NOT currentQuery STARTS WITH 'SHOW' RETURN transactionId")
            ids = [r["transactionId"] for r in records]
            assert ids
            for transaction_id in ids:
                _refused(runner, ["--neo4j", neo4j_uri], f"TERMINATE TRANSACTIONS '{transaction_id}'",
                         f"TERMINATE {READ_ONLY}")
            tx.commit()
        records, _, _ = store.driver.execute_query("MATCH (p:SafetyProbe) RETURN p.name AS name")
        assert [r["name"] for r in records] == ["kept"]
    finally:
        store.driver.execute_query("MATCH (p:SafetyProbe) DELETE p")
        store.close()


# --- defense in depth: with the guard switched off, each store's own read-only mode still holds ---


@pytest.mark.integration
def test_the_embedded_store_opened_read_only_refuses_writes(tmp_path, monkeypatch):
    EmbeddedStore(tmp_path / "g.db").close()
    monkeypatch.setattr(embedded_store, "check_read_only", lambda query: None)
    store = EmbeddedStore(tmp_path / "g.db", read_only=True)
    try:
        with pytest.raises(GraphQueryError, match="read-only"):
            store.read("CREATE NODE TABLE Probe(id STRING, PRIMARY KEY(id))")
    finally:
        store.close()


@pytest.mark.integration
def test_query_opens_the_embedded_store_read_only(runner, tmp_path, monkeypatch):
    EmbeddedStore(tmp_path / "g.db").close()
    monkeypatch.setattr(embedded_store, "check_read_only", lambda query: None)
    result = runner.invoke(main, ["query", "CREATE NODE TABLE Probe(id STRING, PRIMARY KEY(id))",
                                  "--db", str(tmp_path / "g.db")])
    assert result.exit_code == 1
    assert "Cannot execute write operations in a read-only database" in result.stderr


@pytest.mark.neo4j
def test_neo4j_reads_run_in_read_transactions(neo4j_uri, monkeypatch):
    monkeypatch.setattr(neo4j_store, "check_read_only", lambda query: None)
    store = Neo4jStore(neo4j_uri)
    try:
        with pytest.raises(GraphQueryError, match="Writing in read access mode not allowed"):
            store.read("CREATE (:SafetyProbe {name: 'written'})")
        _, rows = store.read("MATCH (p:SafetyProbe) RETURN count(p)")
        assert rows == [[0]]
    finally:
        store.close()


@pytest.mark.integration
def test_a_read_only_embedded_store_still_needs_the_guard(tmp_path, monkeypatch):
    """Why the allow-list: LadybugDB opened read_only still writes files with COPY TO."""
    EmbeddedStore(tmp_path / "g.db").close()
    target = tmp_path / "written.csv"
    store = EmbeddedStore(tmp_path / "g.db", read_only=True)
    try:
        with pytest.raises(GraphQueryError, match="COPY is not allowed"):
            store.read(f"COPY (RETURN 'x' AS x) TO '{target}'")
        assert not target.exists()
        monkeypatch.setattr(embedded_store, "check_read_only", lambda query: None)
        store.read(f"COPY (RETURN 'x' AS x) TO '{target}'")
        assert target.exists()
    finally:
        store.close()
