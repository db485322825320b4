"""newsgraph conflicts"""
from __future__ import annotations

import click

from ..graph.compare_report import disagreements
from .common import echo_json, store_from
from .options import CONTEXT, store_options


def _figure_line(figure: dict) -> str:
    article = figure["article"]
    where = " ".join(filter(None, [article["published"], article["source"], f"《{article['title'] or article['path']}》"]))
    return f"  {figure['text']:<12} {where}\n      {figure['sentence']}"


def _amount(value, unit: str | None) -> str:
    """A difference as a reader writes it: +2.5亿 CNY, -3.2 %."""
    if value is None:
        return "?"
    for scale, word in ((1e8, "亿"), (1e4, "万")):
        if abs(value) >= scale:
            return f"{value / scale:+,.4g}{word} {unit or ''}".rstrip()
    return f"{value:+,.4g} {unit or ''}".rstrip()


def print_disagreements(items: list[dict]) -> None:
    for item in items:
        first, second = item["figures"]
        ratio = "?" if item["ratio"] is None else f"{item['ratio']:.3f}"
        click.echo(f"{item['quantity']}: {first['text']} vs {second['text']} "
                   f"(difference {_amount(item['difference'], first['unit'])}, ratio {ratio})")
        click.echo(_figure_line(first))
        click.echo(_figure_line(second))
        click.echo("")
    click.echo(f"({len(items)} disagreement{'s' if len(items) != 1 else ''})")


@click.command("conflicts", context_settings=CONTEXT)
@click.option("--company", metavar="NAME", help="Only figures of this company (name or alias).")
@click.option("--measure", metavar="M", help="Only this measure, e.g. 营收 (also finds its changes, 营收/同比).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array, one object per disagreement.")
@store_options
def conflicts_command(company, measure, as_json, db_path, neo4j_uri, neo4j_user, neo4j_password, neo4j_database):
    """List figures that disagree across articles, with both sources, newest first.

    Two figures disagree when they have the same company, measure, period and unit but values
    that do not match within the precision they were written with (see the README's
    "Conflicting figures").

    \b
    Examples:
      newsgraph conflicts
      newsgraph conflicts --company 小米 --measure 营收
      newsgraph conflicts --json | jq '.[].figures[].article.title'
    """
    with store_from(db_path, neo4j_uri, neo4j_user, neo4j_password, neo4j_database, read_only=True) as store:
        items = disagreements(store, company, measure)
    if as_json:
        echo_json(items)
    else:
        print_disagreements(items)
