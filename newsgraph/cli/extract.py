"""newsgraph extract"""
from __future__ import annotations

import sys
from contextlib import contextmanager

import click

from ..app import extract_documents
from ..extract.reader import NDJSON_SUFFIXES, InputError, expand_inputs
from ..parallel import default_workers, useful_workers
from .common import echo_json, pipeline, stderr
from .options import CONTEXT, input_options, metadata, pipeline_options, silent_option, workers_option


def _file_of(source: str, files: list[str]) -> str:
    """The input file a result came from: NDJSON results are "file:LINE", stdin is "<stdin>"."""
    if source in files or source == "<stdin>":
        return source
    return source.rsplit(":", 1)[0]


def _known_count(files: list[str]) -> int | None:
    """How many articles the inputs hold, when every input is one article."""
    many = any(f == "-" or f.lower().endswith(NDJSON_SUFFIXES) for f in files)
    return None if many else len(files)


def _extract_on_cluster(files, scheduler, out, defaults, options) -> None:
    from ..cluster import ClusterError, extract_to_shards

    if not (scheduler and out):
        raise click.ClickException("--scheduler and --out go together: extract on a Dask cluster into shards")
    try:
        report = extract_to_shards(files, scheduler, out, defaults=defaults, options=options,
                                   stdin=sys.stdin.buffer)
    except ClusterError as error:
        raise click.ClickException(str(error)) from None
    for failure in report.failed:
        stderr(f"error: {failure['error']}")
    echo_json(report.as_dict())
    if report.failed:
        raise SystemExit(1)


@contextmanager
def _nothing():
    yield


@click.command("extract", context_settings=CONTEXT)
@input_options
@pipeline_options
@click.option("--with-text", is_flag=True, help="Include article.text (what the offsets index).")
@workers_option
@click.option("--scheduler", metavar="ADDRESS",
              help="Extract on a Dask cluster (tcp://HOST:8786; needs newsgraph[dask]); with --out.")
@click.option("--out", type=click.Path(file_okay=False), metavar="DIR",
              help="With --scheduler: write NDJSON shards (with text) here for `newsgraph load`.")
@silent_option
def extract_command(inputs, published, source, aliases, user_dicts, no_ner, with_text, workers, scheduler,
                    out, silent):
    """Print what was found in each article as NDJSON, without any database.

    One JSON object per article and line: article metadata, sentences, entities, figures,
    dates, claims and relations, with character offsets (see docs/extract-contract.md).

    \b
    Examples:
      newsgraph extract corpora/a01-*.md
      newsgraph extract --with-text article.txt --published 2025-03-19 | jq .figures
      echo '华为2024年营收8621亿元。' | newsgraph extract - --published 2025-03-31
      newsgraph extract --scheduler tcp://10.0.0.5:8786 news/ --out shards/  # then: newsgraph load shards/*
    """
    try:
        files = expand_inputs(inputs)
    except InputError as error:
        raise click.ClickException(f"{error}. Pass files, directories, globs or - for stdin.") from None
    if scheduler or out:
        _extract_on_cluster(files, scheduler, out, metadata(published, source), pipeline(aliases, user_dicts, no_ner))
        return
    failed = 0
    workers = useful_workers(workers or default_workers(), _known_count(files))
    bar = click.progressbar(length=len(files), label="Extracting", file=sys.stderr)
    seen: set[str] = set()
    with bar if not silent else _nothing():
        for result, document in extract_documents(
                files, defaults=metadata(published, source), options=pipeline(aliases, user_dicts, no_ner),
                with_text=with_text, stdin=sys.stdin.buffer, workers=workers):
            origin = _file_of(result.source, files)
            if origin not in seen:
                seen.add(origin)
                if not silent:
                    bar.update(1)
            if not silent:
                for warning in result.warnings:
                    stderr(f"warning: {warning}")
            if document is None:
                failed += 1
                stderr(f"error: {result.error}")
            else:
                echo_json(document, indent=None)
    if failed:
        raise SystemExit(1)
