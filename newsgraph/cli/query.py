"""newsgraph query and newsgraph stats"""
from __future__ import annotations

import json
import re
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


MAX_CELL = 60  # display columns; ids are never cut, as `ask provenance` needs them whole
_ID_VALUE = re.compile(r"[0-9a-f]{16,}(:[\w-]+)?")  # article ids, and figure/claim/sentence ids after them
_BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _cell(value) -> str:
    return _visible(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))


def _visible(text: str) -> str:
    """Control characters (ESC, BEL, …), line separators and bidi overrides as escapes such as \\x1b:
    text from articles never drives the terminal. Newlines and tabs become spaces."""
    out = []
    for ch in text:
        if ch in "\n\t":
            out.append(" ")
        elif ch in _BIDI or unicodedata.category(ch) in ("Cc", "Zl", "Zp"):
            out.append(ch.encode("unicode_escape").decode("ascii"))
        else:
            out.append(ch)
    return "".join(out)


def _width(text: str) -> int:
    """Terminal columns: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _is_id(column: str, text: str) -> bool:
    name = column.lower()
    return name == "id" or name.endswith(("_id", ".id")) or bool(_ID_VALUE.fullmatch(text))


def _cut(text: str) -> str:
    """text shortened to MAX_CELL columns, ending in … when cut."""
    if _width(text) <= MAX_CELL:
        return text
    kept, used = [], 1  # the … takes one column
    for ch in text:
        used += _width(ch)
        if used > MAX_CELL:
            break
        kept.append(ch)
    return "".join(kept) + "…"


def print_table(columns: list[str], rows: list[list]) -> None:
    headers = [_visible(c) for c in columns]
    cells = [[c if _is_id(column, c) else _cut(c) for column, c in zip(columns, map(_cell, row))]
             for row in rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(headers)]
    line = lambda values: " | ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths))  # noqa: E731
    click.echo(line(headers))
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
