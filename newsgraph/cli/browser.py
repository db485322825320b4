"""newsgraph browser"""
from __future__ import annotations

import click

from ..graph.browser import STYLE_PATH, browser_url, connect_url, style_command
from ..graph.credentials import redact_credentials
from .common import echo_json
from .options import CONTEXT


@click.command("browser", context_settings=CONTEXT)
@click.option("--neo4j", "neo4j_uri", envvar="NEO4J_URI", show_envvar=True, metavar="URI",
              help="Neo4j server whose Browser to open (default: bolt://127.0.0.1:7687, the local server).")
@click.option("--neo4j-user", "neo4j_user", envvar="NEO4J_USERNAME", show_envvar=True,
              help="Neo4j user name (omit when auth is disabled).")
@click.option("--http-port", type=click.IntRange(1, 65535), metavar="PORT",
              help="The server's HTTP port, when not 7474 (overrides --browser-url).")
@click.option("--browser-url", "browser_url_", envvar="NEO4J_BROWSER_URL", show_envvar=True, metavar="URL",
              help="The Browser's URL, when it is not at the server's host and HTTP port.")
@click.option("--style", "print_style", is_flag=True,
              help="Print only the :style command with the style, to paste into the Browser's editor.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def browser_command(neo4j_uri, neo4j_user, http_port, browser_url_, print_style, as_json):
    """Print the Neo4j Browser's URL and how to apply the project's graph style.

    The style gives every label a colour, a size and a caption (names; figures as written,
    e.g. 3659亿元). Then ask the questions of `newsgraph ask --list` there: `ask NAME --cypher`
    prints one ready to paste.

    \b
    Examples:
      newsgraph browser
      NEO4J_URI=bolt://127.0.0.1:17687 newsgraph browser --http-port 17474
      newsgraph browser --style          # paste into the Browser's editor and run it
      newsgraph browser --json | jq -r .connect_url
    """
    if print_style:
        click.echo(style_command(), nl=False)
        return
    try:
        url = browser_url(neo4j_uri, http_port) if http_port or not browser_url_ else browser_url_
    except ValueError as error:
        raise click.ClickException(f"{error} (--neo4j or NEO4J_URI)") from None
    connect = connect_url(url, neo4j_uri, auth=bool(neo4j_user))
    bolt = redact_credentials(neo4j_uri or "bolt://127.0.0.1:7687")
    if as_json:
        echo_json({"browser_url": url, "connect_url": connect, "neo4j_uri": bolt,
                   "style_path": str(STYLE_PATH), "style_command": style_command()})
        return
    assumed = "" if neo4j_uri else "  (NEO4J_URI is not set: the local scripts/neo4j-server)"
    click.echo(f"Neo4j Browser: {url}{assumed}")
    click.echo(f"Connect form filled in for {bolt}: {connect}")
    click.echo("")
    click.echo("Apply the newsgraph style, either way:")
    click.echo("  - drag this file onto the Browser window:")
    click.echo(f"      {STYLE_PATH}")
    click.echo("  - or paste the output of `newsgraph browser --style` into the editor and run it.")
    click.echo("")
    click.echo("Then ask questions: `newsgraph ask --list`; `newsgraph ask NAME -p … --cypher` prints one")
    click.echo("with its :params line to paste into the Browser.")
