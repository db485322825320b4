"""newsgraph load"""
from __future__ import annotations

import sys

import click

from ..staged import load, ndjson_paths
from .common import ProgressBar, finish_run, store_from
from .options import CONTEXT, silent_option, store_options


@click.command("load", context_settings=CONTEXT)
@click.argument("files", nargs=-1, required=True, metavar="FILE.ndjson...")
@store_options
@click.option("--batch-size", default=20, show_default=True, type=click.IntRange(1, 10000),
              help="Articles written per transaction.")
@silent_option
def load_command(files, db_path, neo4j_uri, neo4j_user, neo4j_password, neo4j_database, batch_size, silent):
    """Load `newsgraph extract --with-text` output into the graph without extracting again.

    FILE is NDJSON written by `newsgraph extract --with-text` (one document per line), or - for
    stdin. The graph is the one `newsgraph ingest` builds from the same articles: articles already
    loaded by the same extractor are skipped, an edited file or URL replaces its facts. Prints a
    JSON summary on stdout; exits 1 if any line failed (the others are still loaded).

    \b
    Examples:
      newsgraph extract --with-text corpora/ > corpus.ndjson    # anywhere
      newsgraph load corpus.ndjson                              # into ./newsgraph.db
      newsgraph load --neo4j bolt://127.0.0.1:7687 shards/*.ndjson
    """
    try:
        paths = ndjson_paths(files)
    except FileNotFoundError as error:
        raise click.ClickException(f"{error}. Pass NDJSON files written by `newsgraph extract --with-text`.") from None
    with store_from(db_path, neo4j_uri, neo4j_user, neo4j_password, neo4j_database) as store:
        with ProgressBar("Loading", silent) as bar:
            report = load(paths, store, batch_size=batch_size, on_total=bar.on_total, progress=bar.advance,
                          stdin=sys.stdin.buffer)
        summary = report.as_dict()
        summary["labels"] = store.label_counts()
        summary["relationships"] = store.type_counts()
    finish_run(report, summary, silent)
