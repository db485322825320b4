"""`newsgraph ask` as users meet it: the list, a question on the embedded store, exact errors."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.graph import open_store
from newsgraph.staged import write_documents
from newsgraph.graph.embedded_store import EmbeddedStore
from newsgraph.graph.questions import question

from ..graph.test_questions import COMPANY_PROFILE, DOCUMENTS

LIST = """\
co-mentioned: the articles that mention two entities together.
  -p first=…    name or alias of one entity, e.g. 小米
  -p second=…   name or alias of the other, e.g. 宁德时代
company-profile: everything the graph holds about one company, across articles.
  -p company=…  name or alias of the company, e.g. 小米
company-summary: a company at a glance: its top aliases, people, figures and speakers, with counts.
  -p company=…  name or alias of the company, e.g. 小米
connected-people: the people mentioned in the same articles as a company.
  -p company=…  name or alias of the company, e.g. 小米
disagreeing-figures: figures two articles report differently, with both articles, newest first.
  -p company=…  (optional) name or alias of the company, e.g. 澄海半导体, or omit it for every company
  -p measure=…  (optional) the measure, e.g. 营收 (its changes too), or omit it for every measure
figure-timeline: one measure of a company (营收, 净利润, …) over time, across articles.
  -p company=…  name or alias of the company, e.g. 小米
  -p measure=…  the measure as extracted, e.g. 营收
provenance: where a figure or a claim comes from: its article, sentence and offsets.
  -p id=…       the id of a figure or a claim, e.g. the id column of company-profile
who-said-what-about: who said what about a company, optionally only what one speaker said.
  -p company=…  name or alias of the company, e.g. 小米
  -p person=…   (optional) name or alias of the speaker, e.g. 雷军, or omit it for every speaker
"""


@pytest.fixture
def runner(monkeypatch):
    for name in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE", "NEWSGRAPH_DB"):
        monkeypatch.delenv(name, raising=False)  # CI sets NEO4J_URI: these run on the embedded store
    return CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("ask") / "graph.db"
    store = EmbeddedStore(path)
    store.ensure_schema()
    write_documents(store, DOCUMENTS, "ask-test")
    store.close()
    return str(path)


def test_list(runner):
    result = runner.invoke(main, ["ask", "--list"])
    assert result.exit_code == 0, result.output
    assert result.output == LIST


def test_list_as_json(runner):
    result = runner.invoke(main, ["ask", "--list", "--json"])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)
    assert [q["name"] for q in listed] == ["co-mentioned", "company-profile", "company-summary",
                                          "connected-people", "disagreeing-figures", "figure-timeline",
                                          "provenance", "who-said-what-about"]
    assert listed[7]["parameters"] == [
        {"name": "company", "description": "name or alias of the company, e.g. 小米", "optional": False},
        {"name": "person", "description": "name or alias of the speaker, e.g. 雷军, or omit it for every speaker",
         "optional": True}]
    assert all(q["neo4j_only"] is None and q["path"].endswith(f"{q['name']}.cypher") for q in listed)


@pytest.mark.integration
def test_a_question_on_the_embedded_store_prints_a_table(runner, db):
    result = runner.invoke(main, ["ask", "connected-people", "-p", "company=小米", "--db", db])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "person | roles              | articles | last_seen \n"
        "-------+--------------------+----------+-----------\n"
        '曾毓群 | ["宁德时代董事长"] | 2        | 2025-04-15\n'
        '雷军   | ["小米集团董事长"] | 2        | 2025-04-02\n'
        '卢伟冰 | ["小米集团总裁"]   | 1        | 2025-03-19\n'
        "张明   | []                 | 1        | 2025-04-15\n"
        "(4 rows)\n")


@pytest.mark.integration
def test_a_question_as_json(runner, db):
    result = runner.invoke(main, ["ask", "company-profile", "--param", "company=小米", "--json", "--db", db])
    assert result.exit_code == 0, result.output
    columns = ["fact", "item", "detail", "period", "article", "id"]
    assert json.loads(result.stdout) == [dict(zip(columns, row)) for row in COMPANY_PROFILE]
    assert "\\u" not in result.stdout


def test_cypher_prints_what_to_paste_into_the_browser(runner):
    result = runner.invoke(main, ["ask", "figure-timeline", "-p", "company=小米", "-p", "measure=营收", "--cypher"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (":params {company: '小米', measure: '营收'}\n\n"
                             + question("figure-timeline").text)


@pytest.mark.parametrize("args, code, message", [
    (["ask", "nope"], 1,
     "Error: unknown question 'nope'; the questions are: co-mentioned, company-profile, company-summary, "
     "connected-people, disagreeing-figures, figure-timeline, provenance, who-said-what-about (see `newsgraph ask --list`)\n"),
    (["ask", "figure-timeline", "-p", "company=小米"], 1,
     "Error: figure-timeline needs --param measure=VALUE (the measure as extracted, e.g. 营收)\n"),
    (["ask", "co-mentioned"], 1,
     "Error: co-mentioned needs --param first=VALUE (name or alias of one entity, e.g. 小米) and "
     "--param second=VALUE (name or alias of the other, e.g. 宁德时代)\n"),
    (["ask", "provenance", "-p", "fact=a1:11-17"], 1,
     "Error: provenance has no parameter 'fact'; its parameters: id\n"),
    (["ask", "provenance", "--cypher"], 1,
     "Error: provenance needs --param id=VALUE (the id of a figure or a claim, e.g. the id column of "
     "company-profile)\n"),
])
def test_errors_say_the_fix(runner, args, code, message):
    result = runner.invoke(main, args)
    assert result.exit_code == code
    assert result.stderr == message
    assert result.stdout == ""


def test_usage_errors(runner):
    result = runner.invoke(main, ["ask"])
    assert result.exit_code == 2
    assert result.stderr.endswith("Error: give a QUESTION to ask, or --list to see them\n")
    result = runner.invoke(main, ["ask", "provenance", "-p", "id"])
    assert result.exit_code == 2
    assert result.stderr.endswith("Error: Invalid value for '--param' / '-p': 'id': expected NAME=VALUE\n")


@pytest.mark.integration
def test_a_missing_graph_says_how_to_make_one(runner, tmp_path):
    result = runner.invoke(main, ["ask", "provenance", "-p", "id=a1:11-17", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert result.stderr == (f"Error: no graph at {tmp_path / 'none.db'}; run `newsgraph ingest corpora/` first, "
                             "or pass --db PATH\n")


@pytest.mark.integration
def test_a_neo4j_only_question_on_the_embedded_store(runner, db, tmp_path, monkeypatch):
    (tmp_path / "labels.cypher").write_text(
        "// labels: the labels in the graph\n//\n// Neo4j only: labels() is not in the embedded store's Cypher\n"
        "MATCH (n) RETURN DISTINCT labels(n) AS labels\n", encoding="utf-8")
    monkeypatch.setattr("newsgraph.graph.questions.QUESTIONS_DIR", tmp_path)
    result = runner.invoke(main, ["ask", "labels", "--db", db])
    assert result.exit_code == 1
    assert result.stderr == ("Error: labels runs on Neo4j only (labels() is not in the embedded store's Cypher); "
                             "pass --neo4j URI or set NEO4J_URI\n")


# --- --limit: a question meant for a person prints a screenful, and says what it left out -------

@pytest.fixture
def graph_args(store_args) -> list[str]:
    """Each store (see conftest.py) with the three articles written."""
    option, where = store_args
    store = open_store(neo4j_uri=where) if option == "--neo4j" else open_store(db_path=where)
    store.ensure_schema()
    write_documents(store, DOCUMENTS, "ask-test")
    store.close()
    return store_args


def test_limit_keeps_rows_of_every_section_and_says_so(runner, graph_args):
    result = runner.invoke(main, ["ask", "company-profile", "-p", "company=小米", "--limit", "5", *graph_args])
    assert result.exit_code == 0, result.output
    facts = [line.split(" | ")[0].strip() for line in result.stdout.splitlines()[2:-1]]
    assert facts == ["alias", "alias", "role", "figure", "claim"]
    assert result.stdout.endswith("(5 rows)\n")
    assert result.stderr.splitlines()[-1] == f"showing 5 of {len(COMPANY_PROFILE)} rows; --limit 0 for all"


def test_limit_with_json_keeps_stdout_one_json_array(runner, graph_args):
    result = runner.invoke(main, ["ask", "company-profile", "-p", "company=小米", "--json", "--limit", "3",
                                  *graph_args])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [row["fact"] for row in rows] == ["alias", "role", "figure"]
    assert rows[0] == dict(zip(["fact", "item", "detail", "period", "article", "id"], COMPANY_PROFILE[0]))
    assert "showing 3 of 17 rows; --limit 0 for all" in result.stderr.splitlines()


@pytest.mark.parametrize("limit", [[], ["--limit", "0"], ["--limit", "17"]])
def test_no_note_when_nothing_is_cut(runner, graph_args, limit):
    result = runner.invoke(main, ["ask", "company-profile", "-p", "company=小米", "--json", *limit, *graph_args])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == len(COMPANY_PROFILE) == 17  # under the default of 50
    assert "showing" not in result.stderr


def test_limit_cuts_a_question_without_sections_at_the_top(runner, graph_args):
    result = runner.invoke(main, ["ask", "connected-people", "-p", "company=小米", "--json", "--limit", "2",
                                  *graph_args])
    assert result.exit_code == 0, result.output
    assert [row["person"] for row in json.loads(result.stdout)] == ["曾毓群", "雷军"]
    assert "showing 2 of 4 rows; --limit 0 for all" in result.stderr.splitlines()


def test_company_summary_on_the_command_line(runner, graph_args):
    result = runner.invoke(main, ["ask", "company-summary", "-p", "company=小米", "--json", *graph_args])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows[0] == {"fact": "alias", "name": "小米", "detail": "", "articles": 3, "facts": 5,
                       "last_seen": "2025-04-15"}
    assert {row["fact"] for row in rows} == {"alias", "role", "figure", "claim"}


def test_a_negative_limit_is_a_usage_error(runner, db):
    result = runner.invoke(main, ["ask", "company-profile", "-p", "company=小米", "--limit", "-1", "--db", db])
    assert result.exit_code == 2
    assert "Invalid value for '--limit'" in result.stderr
