"""A password written into a URI is never printed back: not in errors, not in the Browser's URL."""
from __future__ import annotations

import json

import pytest

from newsgraph.cli import main
from newsgraph.graph import GraphError
from newsgraph.graph.credentials import redact_credentials
from newsgraph.graph.neo4j_store import Neo4jStore


@pytest.mark.parametrize("text, expected", [
    ("bolt://neo4j:secret@db.example:7687", "bolt://neo4j:***@db.example:7687"),
    ("neo4j+s://neo4j:s3cr3t@db.example", "neo4j+s://neo4j:***@db.example"),
    ("bolt://neo4j:p@ss@db.example:7687", "bolt://neo4j:***@db.example:7687"),  # an @ in the password
    ("bolt://:secret@h:1", "bolt://:***@h:1"),
    ("cannot reach 'bolt://neo4j:secret@h:7687' (Given URI: 'bolt://neo4j:secret@h:7687').",
     "cannot reach 'bolt://neo4j:***@h:7687' (Given URI: 'bolt://neo4j:***@h:7687')."),
    # negatives: nothing to hide
    ("bolt://127.0.0.1:7687", "bolt://127.0.0.1:7687"),
    ("bolt://neo4j@db.example:7687", "bolt://neo4j@db.example:7687"),
    ("http://127.0.0.1:7474/browser/?dbms=bolt://127.0.0.1:7687", "http://127.0.0.1:7474/browser/?dbms=bolt://127.0.0.1:7687"),
    ("--neo4j neo4j:secret@host:7687", "--neo4j neo4j:***@host:7687"),  # no scheme
    ("雷军 said: 10:30 @ 小米", "雷军 said: 10:30 @ 小米"),
    ("bolt://[::1]:7687", "bolt://[::1]:7687"),
    ("MATCH (c:Company {name: 'a@b'}) RETURN c", "MATCH (c:Company {name: 'a@b'}) RETURN c"),
])
def test_redact_credentials(text, expected):
    assert redact_credentials(text) == expected


def test_an_empty_mask_drops_the_password_and_its_colon():
    assert redact_credentials("bolt://neo4j:secret@h:7687", mask="") == "bolt://neo4j@h:7687"


def test_the_store_error_hides_the_password_and_says_where_it_goes():
    with pytest.raises(GraphError) as error:
        Neo4jStore("bolt://neo4j:secret@127.0.0.1:7687")
    assert "secret" not in str(error.value)
    assert str(error.value).startswith("invalid Neo4j URI 'bolt://neo4j:***@127.0.0.1:7687' (")
    assert str(error.value).endswith(
        "put the user and password in NEO4J_USERNAME and NEO4J_PASSWORD, not in the URI")



@pytest.mark.parametrize("command", [["stats"], ["query", "RETURN 1"], ["ask", "connected-people", "-p", "company=x"]])
@pytest.mark.parametrize("uri", ["bolt://neo4j:secret@127.0.0.1:7687", "neo4j://neo4j:secret@127.0.0.1:1"])
def test_commands_never_print_the_password(runner, command, uri):
    result = runner.invoke(main, [*command, "--neo4j", uri])
    assert result.exit_code == 1, result.output
    assert result.output.startswith("Error: ") and "neo4j:***@127.0.0.1" in result.output
    assert "secret" not in result.output


def test_the_browser_command_never_prints_the_password(runner):
    uri = "bolt://neo4j:secret@db.example:7687"
    result = runner.invoke(main, ["browser", "--neo4j", uri, "--json"])
    assert result.exit_code == 0, result.output
    assert "secret" not in result.output
    shown = json.loads(result.stdout)
    assert shown["connect_url"] == "http://db.example:7474/browser/?dbms=bolt://neo4j%40db.example:7687"
    assert shown["neo4j_uri"] == "bolt://neo4j:***@db.example:7687"
    result = runner.invoke(main, ["browser", "--neo4j", uri])
    assert result.exit_code == 0 and "secret" not in result.output
    assert "Connect form filled in for bolt://neo4j:***@db.example:7687: " in result.output
    result = runner.invoke(main, ["browser", "--neo4j", "neo4j:secret@nohost"])
    assert result.exit_code == 1 and "secret" not in result.output
