"""newsgraph ingest"""
from __future__ import annotations

import sys

import click

from ..app import ingest
from ..extract.reader import InputError, expand_inputs
from ..parallel import default_workers
from .common import ProgressBar, finish_run, pipeline, store_from
from .options import CONTEXT, input_options, metadata, pipeline_options, silent_option, store_options, workers_option


@click.command("ingest", context_settings=CONTEXT)
@input_options
@store_options
@pipeline_options
@click.option("--batch-size", default=20, show_default=True, type=click.IntRange(1, 10000),
              help="Articles written per transaction.")
@workers_option
@silent_option
def ingest_command(inputs, published, source, db_path, neo4j_uri, neo4j_user, neo4j_password,
                   neo4j_database, aliases, user_dicts, no_ner, batch_size, workers, silent):
    """Extract articles and load them into the graph (Neo4j or the embedded store).

    PATH is a .md/.txt file, a directory (searched recursively), a glob, an .ndjson file with one
    {"text", "title", "published", "source", "url", "author"} object per line, or - for stdin.
    Articles already loaded with the same text are skipped; an edited file replaces its facts.
    Prints a JSON summary on stdout; exits 1 if any input failed (the others are still loaded).

    \b
    Examples:
      newsgraph ingest corpora/                      # into ./newsgraph.db
      newsgraph ingest --neo4j bolt://127.0.0.1:7687 corpora/
      newsgraph ingest 'news/**/*.md' --published 2025-03-19
      cat articles.ndjson | newsgraph ingest -
    """
    options = pipeline(aliases, user_dicts, no_ner)
    try:
        expand_inputs(inputs)  # a wrong path fails before any store is opened or created
    except InputError as error:
        raise click.ClickException(f"{error}. Pass files, directories, globs or - for stdin.") from None
    with store_from(db_path, neo4j_uri, neo4j_user, neo4j_password, neo4j_database, silent=silent) as store:
        with ProgressBar("Extracting and loading", silent) as bar:
            try:
                report = ingest(inputs, store, defaults=metadata(published, source), options=options,
                                batch_size=batch_size, on_total=bar.on_total, progress=bar.advance,
                                stdin=sys.stdin.buffer, workers=workers or default_workers())
            except InputError as error:
                raise click.ClickException(f"{error}. Pass files, directories, globs or - for stdin.") from None
        summary = report.as_dict()
        summary["labels"] = store.label_counts()
        summary["relationships"] = store.type_counts()
    nothing = report.read == 0 and not report.failed
    finish_run(report, summary, silent,
               [f"no articles found in {', '.join(inputs)} (.md, .txt, .ndjson, .jsonl files)"] if nothing else [])
