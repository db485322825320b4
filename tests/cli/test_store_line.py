"""Every command says on stderr which store it uses: an unset NEO4J_URI must not silently mean
the embedded store. (The Neo4j side is run by tests/test_readme_neo4j.py.)"""
from __future__ import annotations

import json

import pytest

from newsgraph.cli import main

ARTICLE = "星河电子第一季度营收12亿元。\n"



@pytest.mark.integration
def test_each_command_names_the_embedded_store(runner, tmp_path):
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "g.db")
    line = f"newsgraph: using the embedded store at {db}"
    ingested = runner.invoke(main, ["ingest", "--no-ner", "--db", db, str(tmp_path / "a.md")])
    assert ingested.exit_code == 0 and ingested.stderr.splitlines()[0] == line
    assert json.loads(ingested.stdout)["ingested"] == 1
    for args in (["stats", "--json"], ["query", "--json", "MATCH (a:Article) RETURN count(a) AS n"],
                 ["ask", "connected-people", "-p", "company=星河电子"]):
        result = runner.invoke(main, [*args, "--db", db])
        assert (result.exit_code, result.stderr) == (0, line + "\n"), args
    removed = runner.invoke(main, ["remove", "--db", db, str(tmp_path / "a.md")])
    assert removed.exit_code == 0 and removed.stderr == line + "\n"


@pytest.mark.integration
def test_silent_ingest_and_failing_reads_print_no_store_line(runner, tmp_path):
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "g.db")
    silent = runner.invoke(main, ["ingest", "--no-ner", "--silent", "--db", db, str(tmp_path / "a.md")])
    assert silent.exit_code == 0 and silent.stderr == ""
    failed = runner.invoke(main, ["query", "--db", db, "MATCH (n RETURN n"])
    assert failed.exit_code == 1
    assert failed.stderr.startswith("Error: the embedded store rejected the query:")
    assert "newsgraph: using" not in failed.stderr
