"""Helpers every command uses: opening the store, printing JSON, turning errors into fixes."""
from __future__ import annotations

import json
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
