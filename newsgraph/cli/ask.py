"""newsgraph ask"""
from __future__ import annotations

import click

from ..graph.questions import Question, QuestionError, ask, bind, question, questions, shorten
from .common import echo_json, stderr, store_from
from .options import CONTEXT, store_options
from .query import print_table


DEFAULT_LIMIT = 50

# Questions about one fact: no rows means the fact does not exist, which the user must be told.
NOT_FOUND = {
    "provenance": "no figure or claim with id {id!r}; ids look like ARTICLE_ID:START-END: copy one whole "
                  "from the id column of company-profile, figure-timeline or who-said-what-about",
}


def _param(ctx, param, values) -> dict[str, str]:
    parsed = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"{item!r}: expected NAME=VALUE")
        parsed[name] = value
    return parsed


def _as_dict(q: Question) -> dict:
    return {"name": q.name, "summary": q.summary, "description": q.description,
            "parameters": [{"name": p.name, "description": p.description, "optional": p.optional}
                           for p in q.parameters],
            "neo4j_only": q.neo4j_only, "path": str(q.path)}


def _print_list(as_json: bool) -> None:
    known = questions()
    if as_json:
        echo_json([_as_dict(q) for q in known.values()])
        return
    width = max(len(p.name) for q in known.values() for p in q.parameters)
    for q in known.values():
        click.echo(f"{q.name}: {q.summary}")
        for p in q.parameters:
            optional = "(optional) " if p.optional else ""
            click.echo(f"  -p {p.name}=…{' ' * (width - len(p.name))}  {optional}{p.description}")
        if q.neo4j_only:
            click.echo(f"  Neo4j only: {q.neo4j_only}")


@click.command("ask", context_settings=CONTEXT)
@click.argument("name", required=False, metavar="QUESTION")
@click.option("--param", "-p", "params", multiple=True, callback=_param, metavar="NAME=VALUE",
              help="A parameter of the question (a string). Repeatable.")
@click.option("--list", "list_questions", is_flag=True, help="List the questions and their parameters.")
@click.option("--cypher", "show_cypher", is_flag=True,
              help="Print the question for the Neo4j Browser instead of running it: a :params line to run "
                   "first, then the query.")
@click.option("--json", "as_json", is_flag=True,
              help="Print a JSON array of objects (with --list: the questions).")
@click.option("--limit", default=DEFAULT_LIMIT, show_default=True, type=click.IntRange(min=0),
              help="Print at most this many rows (0: all); a cut says so on stderr. Questions with a "
                   "`fact` column keep rows of every section.")
@store_options
def ask_command(name, params, list_questions, show_cypher, as_json, limit, db_path, neo4j_uri, neo4j_user,
                neo4j_password, neo4j_database):
    """Ask one of the project's named questions (Cypher files) on the configured store.

    Nodes print as their names; the `id` columns are what `ask provenance` takes. The same
    query runs in the Neo4j Browser: `--cypher` prints it with a :params line to run first.

    \b
    Examples:
      newsgraph ask --list
      newsgraph ask company-summary -p company=小米
      newsgraph ask company-profile -p company=小米 --limit 0
      newsgraph ask who-said-what-about -p company=小米 -p person=雷军
      newsgraph ask co-mentioned -p first=小米 -p second=宁德时代 --json
      newsgraph ask figure-timeline -p company=小米 -p measure=营收 --neo4j bolt://127.0.0.1:7687
      newsgraph ask provenance -p id=ARTICLE_ID:11-17
      newsgraph ask connected-people -p company=小米 --cypher
    """
    if list_questions:
        _print_list(as_json)
        return
    if not name:
        raise click.UsageError("give a QUESTION to ask, or --list to see them")
    try:
        q = question(name)
        if show_cypher:
            click.echo(q.browser_text(params), nl=False)
            return
        bind(q, params)  # parameter errors before opening the store
    except QuestionError as error:
        raise click.ClickException(str(error)) from None
    with store_from(db_path, neo4j_uri, neo4j_user, neo4j_password, neo4j_database, read_only=True) as store:
        try:
            columns, rows = ask(store, name, params)
        except QuestionError as error:
            raise click.ClickException(str(error)) from None
        if not rows and name in NOT_FOUND:  # inside the store's block: a failed read names no store
            raise click.ClickException(NOT_FOUND[name].format(**params))
    shown = shorten(columns, rows, limit)
    if as_json:
        echo_json([dict(zip(columns, row)) for row in shown])
    else:
        print_table(columns, shown)
    if len(shown) < len(rows):
        stderr(f"showing {len(shown):,} of {len(rows):,} rows; --limit 0 for all")
