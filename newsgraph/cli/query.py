"""newsgraph query and newsgraph stats"""
from __future__ import annotations

import json
import unicodedata

import click

from .common import echo_json, store_from
from .options import CONTEXT, store_options


def _param(ctx, param, values):
    parsed = {}
    for item in values:
        name, sep, raw = item.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"{item!r}: expected NAME=VALUE")
        try:
            parsed[name] = json.loads(raw)
        except json.JSONDecodeError:
            parsed[name] = raw
    return parsed


MAX_CELL = 60  # display columns


def _cell(value) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _width(text: str) -> int:
    """Terminal columns: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _fit(text: str, width: int) -> str:
    text = text.replace("\n", " ")
    while _width(text) > MAX_CELL:
        text = text[:-2] + "…"
    return text + " " * (width - _width(text))


def print_table(columns: list[str], rows: list[list]) -> None:
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max([_width(c)] + [min(_width(r[i]), MAX_CELL) for r in cells]) for i, c in enumerate(columns)]
    line = lambda values: " | ".join(_fit(v, w) for v, w in zip(values, widths))  # noqa: E731
    click.echo(line(columns))
    click.echo("-+-".join("-" * w for w in widths))
    for row in cells:
        click.echo(line(row))
    click.echo(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")


@click.command("query", context_settings=CONTEXT)
@click.argument("cypher")
@click.option("--param", "-p", "params", multiple=True, callback=_param, metavar="NAME=VALUE",
              help="Query parameter ($NAME); VALUE is JSON when it parses, else a string. Repeatable.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of objects.")
@store_options
def query_command(cypher, params, as_json, db_path, neo4j_uri, neo4j_user, neo4j_password, neo4j_database):
    """Run a read-only Cypher query on the configured store; print a table or JSON.

    \b
    Examples:
      newsgraph query "MATCH (c:Company) RETURN c.name AS company ORDER BY company LIMIT 10"
      newsgraph query "MATCH (a:Article)-[:MENTIONS]->(c:Company {name: \\$name}) RETURN a.title" -p name=小米集团
      newsgraph query --json "MATCH (f:Figure) RETURN f.subject, f.measure, f.value, f.unit, f.period"
    """
    with store_from(db_path, neo4j_uri, neo4j_user, neo4j_password, neo4j_database, read_only=True) as store:
        columns, rows = store.read(cypher, params)
    if as_json:
        echo_json([dict(zip(columns, row)) for row in rows])
    else:
        print_table(columns, rows)


@click.command("stats", context_settings=CONTEXT)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@store_options
def stats_command(as_json, db_path, neo4j_uri, neo4j_user, neo4j_password, neo4j_database):
    """Count nodes per label and relationships per type.

    \b
    Examples:
      newsgraph stats
      newsgraph stats --json --neo4j bolt://127.0.0.1:7687
    """
    with store_from(db_path, neo4j_uri, neo4j_user, neo4j_password, neo4j_database, read_only=True) as store:
        labels, types = store.label_counts(), store.type_counts()
    if as_json:
        echo_json({"store": store.name, "location": store.location, "labels": labels, "relationships": types})
        return
    click.echo(f"{store.name} store at {store.location}")
    print_table(["label", "nodes"], [[k, v] for k, v in labels.items()])
    print_table(["relationship", "count"], [[k, v] for k, v in types.items()])
