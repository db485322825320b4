"""The CLI as users meet it: help, exit codes, exact error text, clean JSON on stdout."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsgraph import __version__
from newsgraph.cli import main

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = """---
title: 小米集团发布2024年业绩
published: 2025-03-19
source: 新京财经
---

小米集团2024年营收3659亿元，同比增长35%。雷军表示，公司将继续加大研发投入。
"""


def test_version(runner):
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"newsgraph, version {__version__}"


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_help_with_examples_and_is_in_the_readme(runner, command):
    result = runner.invoke(main, [command, "-h"])
    assert result.exit_code == 0, result.output
    assert "Examples:" in result.output
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"newsgraph {command}" in readme
    assert f"### `newsgraph {command}`" in readme


def test_readme_cli_reference_matches_help():
    import importlib.util
    from importlib.machinery import SourceFileLoader

    loader = SourceFileLoader("update_readme_cli", str(ROOT / "scripts" / "update-readme-cli"))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert module.BEGIN in readme and module.END in readme
    assert module.updated(readme) == readme, "run scripts/update-readme-cli"


def test_extract_prints_one_json_line_per_article(runner, tmp_path):
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(main, ["extract", str(tmp_path / "a.md"), "--with-text"])
    assert result.exit_code == 0, result.output
    [line] = result.stdout.strip().split("\n")
    doc = json.loads(line)
    text = doc["article"]["text"]
    assert doc["article"]["published"] == "2025-03-19"
    assert "小米集团" in {e["name"] for e in doc["entities"]}
    for kind in ("figures", "dates", "claims"):
        for item in doc[kind]:
            assert text[item["start"]:item["end"]] == item["text"]
    revenue = [f for f in doc["figures"] if f["text"] == "3659亿元"]
    assert revenue and revenue[0]["value"] == 365900000000 and revenue[0]["unit"] == "CNY"
    assert "\\u" not in line  # Chinese is not escaped


def test_extract_reports_a_bad_file_and_still_prints_the_good_one(runner, tmp_path):
    (tmp_path / "good.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    result = runner.invoke(main, ["extract", str(tmp_path)])
    assert result.exit_code == 1
    assert len(result.stdout.strip().split("\n")) == 1
    assert re.search(r"error: \S*bad.txt: binary file \(NUL bytes\); expected UTF-8 or GB18030 text", result.stderr)


def test_missing_path_is_a_clear_error(runner):
    result = runner.invoke(main, ["extract", "no/such/file.md"])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "Error: no/such/file.md: no such file or directory. Pass files, directories, globs or - for stdin.")


def test_bad_published_option_is_a_usage_error(runner, tmp_path):
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(main, ["extract", str(tmp_path / "a.md"), "--published", "昨天"])
    assert result.exit_code == 2
    assert "Invalid value for '--published': unrecognized date '昨天'; use YYYY-MM-DD" in result.stderr


def test_unreachable_neo4j_says_how_to_fix_it(runner, tmp_path):
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(main, ["ingest", str(tmp_path / "a.md"), "--neo4j", "bolt://127.0.0.1:9"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot reach Neo4j at bolt://127.0.0.1:9 (")
    assert result.stderr.strip().endswith(
        "is it running? start a local server with `scripts/neo4j-server start`, or set NEO4J_URI to a running one")


@pytest.mark.integration
def test_query_on_a_missing_embedded_graph_says_to_ingest_first(runner, tmp_path):
    result = runner.invoke(main, ["query", "MATCH (n) RETURN n", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"Error: no graph at {tmp_path / 'none.db'}; run `newsgraph ingest corpora/` first, or pass --db PATH")


@pytest.mark.integration
def test_ingest_then_stats_and_query_on_the_embedded_store(runner, tmp_path):
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "g.db")
    first = runner.invoke(main, ["ingest", str(tmp_path / "a.md"), "--db", db, "--silent"])
    assert first.exit_code == 0, first.output
    summary = json.loads(first.stdout)
    assert (summary["store"], summary["ingested"], summary["unchanged"], summary["failed"]) == ("embedded", 1, 0, [])
    assert summary["labels"]["Article"] == 1
    again = json.loads(runner.invoke(main, ["ingest", str(tmp_path / "a.md"), "--db", db, "--silent"]).stdout)
    assert (again["ingested"], again["unchanged"], again["labels"]) == (0, 1, summary["labels"])
    stats = json.loads(runner.invoke(main, ["stats", "--json", "--db", db]).stdout)
    assert stats["labels"] == summary["labels"]
    rows = json.loads(runner.invoke(main, [
        "query", "--json", "--db", db,
        "MATCH (f:Figure)-[:OF]->(c:Company {name: $name}) RETURN f.value AS value, f.unit AS unit",
        "-p", "name=小米集团"]).stdout)
    assert {"value": 365900000000.0, "unit": "CNY"} in rows


@pytest.mark.integration
def test_query_rejects_writes_on_the_embedded_store(runner, tmp_path):
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "g.db")
    runner.invoke(main, ["ingest", str(tmp_path / "a.md"), "--db", db, "--silent"])
    result = runner.invoke(main, ["query", "--db", db, "MATCH (c:Company) SET c.name = 'x'"])
    assert result.exit_code == 1
    assert result.stderr == ("Error: SET is not allowed: `query` and `ask` only read the graph; use `newsgraph ingest` to "
                            "load articles (quote a property or alias of that name in backticks: `SET`)\n")


def test_query_param_must_be_name_value(runner, tmp_path):
    result = runner.invoke(main, ["query", "RETURN 1", "-p", "oops"])
    assert result.exit_code == 2
    assert "Invalid value for '--param' / '-p': 'oops': expected NAME=VALUE" in result.stderr


def test_ingest_stats_and_query_on_neo4j(runner, tmp_path, neo4j_uri):
    from newsgraph.graph.neo4j_store import Neo4jStore

    store = Neo4jStore(neo4j_uri)
    store.clear()
    store.close()
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    first = runner.invoke(main, ["ingest", str(tmp_path / "a.md"), "--neo4j", neo4j_uri, "--silent"])
    assert first.exit_code == 0, first.output
    summary = json.loads(first.stdout)
    assert (summary["store"], summary["location"], summary["ingested"]) == ("neo4j", neo4j_uri, 1)
    again = json.loads(runner.invoke(main, ["ingest", str(tmp_path / "a.md"), "--neo4j", neo4j_uri, "--silent"]).stdout)
    assert (again["ingested"], again["unchanged"], again["labels"]) == (0, 1, summary["labels"])
    stats = json.loads(runner.invoke(main, ["stats", "--json"], env={"NEO4J_URI": neo4j_uri}).stdout)
    assert stats["store"] == "neo4j" and stats["labels"] == summary["labels"]
    rows = json.loads(runner.invoke(main, [
        "query", "--json", "--neo4j", neo4j_uri,
        "MATCH (f:Figure)-[:OF]->(c:Company {name: $name}) RETURN f.value AS value, f.unit AS unit",
        "-p", "name=小米集团"]).stdout)
    assert {"value": 365900000000.0, "unit": "CNY"} in rows
    refused = runner.invoke(main, ["query", "--neo4j", neo4j_uri, "MATCH (c:Company) SET c.name = 'x'"])
    assert refused.exit_code == 1
    assert refused.stderr == ("Error: SET is not allowed: `query` and `ask` only read the graph; use `newsgraph ingest` to "
                             "load articles (quote a property or alias of that name in backticks: `SET`)\n")


def test_an_alias_file_resolves_names_the_gazetteer_lacks(runner, tmp_path):
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text("canonical\ttype\taliases\n星海智能\tCompany\t星海|Stellar AI\n", encoding="utf-8")
    article = tmp_path / "s.txt"
    article.write_text("Stellar AI今日发布新一代芯片。星海此前完成B轮融资。", encoding="utf-8")
    without = json.loads(runner.invoke(main, ["extract", str(article), "--no-ner"]).stdout)
    assert "星海智能" not in {e["name"] for e in without["entities"]}
    result = runner.invoke(main, ["extract", str(article), "--no-ner", "--aliases", str(aliases)])
    assert result.exit_code == 0, result.output
    [entity] = [e for e in json.loads(result.stdout)["entities"] if e["name"] == "星海智能"]
    assert entity["type"] == "Company" and set(entity["aliases"]) == {"Stellar AI", "星海"}


def test_a_missing_alias_file_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(main, ["extract", "-", "--aliases", str(tmp_path / "none.tsv")], input="x")
    assert result.exit_code == 2
    assert f"Invalid value for '--aliases': File '{tmp_path / 'none.tsv'}' does not exist." in result.stderr
