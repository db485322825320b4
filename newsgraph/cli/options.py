"""Option decorators shared by commands."""
from __future__ import annotations

import logging

import click

from ..extract.reader import Metadata, parse_published

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100, "terminal_width": 100}


def _compose(*decorators):
    def apply(function):
        for decorator in reversed(decorators):
            function = decorator(function)
        return function
    return apply


store_options = _compose(
    click.option("--db", "db_path", default="newsgraph.db", show_default=True, envvar="NEWSGRAPH_DB",
                 show_envvar=True, type=click.Path(dir_okay=True),
                 help="Embedded graph file, used when no Neo4j URI is given."),
    click.option("--neo4j", "neo4j_uri", envvar="NEO4J_URI", show_envvar=True, metavar="URI",
                 help="Neo4j server, e.g. bolt://127.0.0.1:7687 (instead of the embedded store)."),
    click.option("--neo4j-user", "neo4j_user", envvar="NEO4J_USERNAME", show_envvar=True,
                 help="Neo4j user name (omit when auth is disabled)."),
    click.option("--neo4j-password", "neo4j_password", envvar="NEO4J_PASSWORD", show_envvar=True,
                 help="Neo4j password."),
    click.option("--neo4j-database", "neo4j_database", envvar="NEO4J_DATABASE", show_envvar=True,
                 help="Neo4j database name (default: the server's default)."),
)


def _published(ctx, param, value):
    try:
        return parse_published(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


input_options = _compose(
    click.argument("inputs", nargs=-1, required=True, metavar="PATH..."),
    click.option("--published", callback=_published, metavar="YYYY-MM-DD",
                 help="Publication date for articles whose files carry none."),
    click.option("--source", help="Source (outlet) for articles whose files carry none."),
)

pipeline_options = _compose(
    click.option("--aliases", multiple=True, type=click.Path(exists=True, dir_okay=False),
                 help="Alias file (TSV: canonical, type, aliases separated by |); repeatable."),
    click.option("--user-dict", "user_dicts", multiple=True, type=click.Path(exists=True, dir_okay=False),
                 help="jieba user dictionary for segmentation; repeatable."),
    click.option("--no-ner", is_flag=True, help="Rules and gazetteer only, without the trained NER model."),
)

# The Neo4j driver logs "Transaction failed and will be retried … (DeadlockDetected)" as a warning
# when concurrent ingests collide; the retry is routine, so --silent hides it with our warnings.
DRIVER_LOGGER = "neo4j"


def _silence(ctx, param, value: bool) -> bool:
    if value:
        logging.getLogger(DRIVER_LOGGER).setLevel(logging.ERROR)
    return value


silent_option = click.option("--silent", is_flag=True, callback=_silence, expose_value=True,
                             help="No progress bar or warnings on stderr (errors are still printed).")


def metadata(published: str | None, source: str | None) -> Metadata:
    return Metadata(published=published, source=source)



workers_option = click.option(
    "--workers", type=click.IntRange(1, 256), metavar="N",
    help="Extraction processes, each loading the pipeline once (default: the number of cores).")
