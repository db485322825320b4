"""Helpers every command uses: opening the store, printing JSON, turning errors into fixes."""
from __future__ import annotations

import json
import sys
import time
from contextlib import contextmanager
from typing import Any, Iterator

import click

from ..extract.options import PipelineOptions
from ..graph import GraphError, Store, open_store
from ..graph.credentials import redact_credentials


def echo_json(value: Any, *, indent: int | None = 2) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=indent, default=str))


def stderr(message: str) -> None:
    click.echo(message, err=True)


@contextmanager
def store_from(db_path: str, neo4j_uri: str | None, neo4j_user: str | None,
               neo4j_password: str | None, neo4j_database: str | None,
               read_only: bool = False, silent: bool = False) -> Iterator[Store]:
    """The store the options name. Says which on stderr (an unset NEO4J_URI silently means the
    embedded store): before the work when it writes, after it when it only reads, so that a
    read's error stays the one line on stderr (the errors name their store themselves)."""
    try:
        store = open_store(neo4j_uri=neo4j_uri, username=neo4j_user, password=neo4j_password,
                           database=neo4j_database, db_path=db_path, read_only=read_only)
    except GraphError as error:
        raise click.ClickException(redact_credentials(str(error))) from None
    if not silent and not read_only:
        stderr(store_line(store))
    try:
        yield store
    except GraphError as error:
        raise click.ClickException(redact_credentials(str(error))) from None
    finally:
        store.close()
    if not silent and read_only:
        stderr(store_line(store))


def store_line(store: Store) -> str:
    if store.name == "neo4j":
        return f"newsgraph: using Neo4j at {redact_credentials(store.location)}"
    return f"newsgraph: using the embedded store at {store.location}"


def pipeline(aliases, user_dicts, no_ner: bool) -> PipelineOptions:
    return PipelineOptions(user_dicts=tuple(user_dicts), aliases=tuple(aliases), use_ner=not no_ner)


class ProgressBar:
    """The bar `ingest` and `load` draw on stderr while the library reports articles done, with the
    articles per second so far; nothing when silent. Use as a context manager."""

    def __init__(self, label: str, silent: bool) -> None:
        self.label, self.silent = label, silent
        self.bar = None
        self.done = 0
        self.started = time.perf_counter()

    def on_total(self, total: int) -> None:
        if self.silent or not total:
            return
        self.started = time.perf_counter()
        self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr, item_show_func=self._rate)
        self.bar.__enter__()

    def advance(self, count: int) -> None:
        self.done += count
        if self.bar is not None:
            self.bar.update(count, self.done)

    def _rate(self, done: int | None) -> str | None:
        elapsed = time.perf_counter() - self.started
        return f"{done / elapsed:,.1f} articles/s" if done and elapsed > 0 else None

    def __enter__(self) -> "ProgressBar":
        return self

    def __exit__(self, *exc_info) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


def stage_lines(report) -> list[str]:
    """Per stage, what went through it and how fast: the figures issue 17's targets are stated in."""
    if not report.ingested:
        return []
    lines = []
    if report.extract_seconds > 0:
        lines.append(f"extract: {_articles(report.ingested)}, {report.characters:,} chars in "
                     f"{report.extract_seconds:.1f} s: {report.ingested / report.extract_seconds:,.1f} articles/s, "
                     f"{report.chars_per_second:,.0f} chars/s")
    if report.write_seconds > 0:
        lines.append(f"write: {_articles(report.ingested)}, {report.rows_written:,} rows in "
                     f"{report.write_seconds:.1f} s: {report.ingested / report.write_seconds:,.1f} articles/s, "
                     f"{report.rows_per_second:,.0f} rows/s")
    return lines


def finish_run(report, summary: dict, silent: bool, warnings: list[str] = ()) -> None:
    """What `ingest` and `load` end with: warnings and stage figures on stderr (unless silent), every
    failure on stderr, the JSON summary on stdout, exit 1 if anything failed."""
    if not silent:
        for warning in [*report.warnings, *warnings]:
            stderr(f"warning: {warning}")
        for line in stage_lines(report):
            stderr(line)
    for failure in report.failed:
        stderr(f"error: {failure['error']}")
    echo_json(summary)
    if report.failed:
        raise SystemExit(1)


def _articles(count: int) -> str:
    return f"{count:,} article{'' if count == 1 else 's'}"
