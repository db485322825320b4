"""Tables as the terminal shows them: control characters from articles are escaped, ids are never
cut (they are what `ask provenance` takes), and provenance says when no fact has the id."""
from __future__ import annotations

import json

import pytest

from newsgraph.cli import main
from newsgraph.cli.query import MAX_CELL, print_table
from newsgraph.staged import write_documents
from newsgraph.graph.embedded_store import EmbeddedStore

from ..graph.test_questions import RESULTS

ARTICLE_ID = "9f2c" * 16  # as long as the sha256 ids ingest gives



@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    """One article with a full-length id, so that its fact ids are longer than a table cell."""
    document = json.loads(json.dumps(RESULTS, ensure_ascii=False).replace('"a1', f'"{ARTICLE_ID}'))
    path = tmp_path_factory.mktemp("table") / "graph.db"
    store = EmbeddedStore(path)
    store.ensure_schema()
    write_documents(store, [document], "table-test")
    store.close()
    return str(path)


@pytest.mark.parametrize("text, shown", [
    ("\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m"),  # colours
    ("\x1b]0;title\x07", "\\x1b]0;title\\x07"),  # window title, bell
    ("a\rb\x08c\x7fd\x9be", "a\\rb\\x08c\\x7fd\\x9be"),  # carriage return, backspace, DEL, C1 CSI
    ("abc\u202edcba", "abc\\u202edcba"),  # a bidi override reversing what follows
    ("two\u2028lines", "two\\u2028lines"),
    ("line\nbreak\tand tab", "line break and tab"),
    # negatives: printable text stays as it is
    ("小米集团2024年营收3659亿元，同比增长35%。", "小米集团2024年营收3659亿元，同比增长35%。"),
    ("emoji 👨‍👩‍👧 and ½ — “quotes”", "emoji 👨‍👩‍👧 and ½ — “quotes”"),
])
def test_control_characters_are_escaped(capsys, text, shown):
    print_table(["text"], [[text]])
    lines = capsys.readouterr().out.splitlines()
    assert lines[2].rstrip() == shown


def test_column_names_are_escaped_too(capsys):
    print_table(["\x1b[2Jname"], [["x"]])
    assert capsys.readouterr().out.splitlines()[0] == "\\x1b[2Jname"


@pytest.mark.integration
def test_a_query_printing_escapes_leaves_the_terminal_alone(runner, db):
    result = runner.invoke(main, ["query", "RETURN $t AS text", "-p", "t=\x1b[31mred", "--db", db])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\\x1b[31mred" in result.stdout
    result = runner.invoke(main, ["query", "RETURN $t AS text", "-p", "t=\x1b[31mred", "--json", "--db", db])
    assert json.loads(result.stdout) == [{"text": "\x1b[31mred"}] and "\x1b" not in result.stdout


def test_long_text_is_cut_but_ids_never(capsys):
    long_id = f"{ARTICLE_ID}:11-17"
    print_table(["id", "figure_id", "f.id", "said", "other"],
                [[long_id, long_id, long_id, "说" * 100, long_id]])
    row = capsys.readouterr().out.splitlines()[2].split(" | ")
    assert row[:3] == [long_id] * 3
    assert row[3] == "说" * 29 + "…" and len(row[3]) * 2 - 1 <= MAX_CELL
    assert row[4] == long_id  # an id-like value in a column with another name


@pytest.mark.integration
def test_the_ids_a_table_prints_are_what_provenance_takes(runner, db):
    result = runner.invoke(main, ["ask", "company-profile", "-p", "company=小米", "--db", db])
    assert result.exit_code == 0, result.output
    ids = [line.rsplit(" | ", 1)[1].strip() for line in result.stdout.splitlines()[2:-1]]
    figure_ids = [i for i in ids if i]
    assert f"{ARTICLE_ID}:11-17" in figure_ids
    for fact_id in figure_ids:
        shown = runner.invoke(main, ["ask", "provenance", "-p", f"id={fact_id}", "--json", "--db", db])
        assert shown.exit_code == 0, shown.output
        assert len(json.loads(shown.stdout)) == 1


@pytest.mark.integration
@pytest.mark.parametrize("as_json", [[], ["--json"]])
def test_provenance_of_an_unknown_id_says_so(runner, db, as_json):
    cut = f"{ARTICLE_ID[:50]}…"
    result = runner.invoke(main, ["ask", "provenance", "-p", f"id={cut}", *as_json, "--db", db])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"Error: no figure or claim with id '{cut}'; ids look like ARTICLE_ID:START-END: copy one whole "
        "from the id column of company-profile, figure-timeline or who-said-what-about\n")
