"""Helpers every command uses: opening the store, printing JSON, turning errors into fixes."""
from __future__ import annotations

import json
from contextlib import contextmanager
from typing import Any, Iterator

import click

from ..extract.pipeline import PipelineOptions
from ..graph import GraphError, Store, open_store
from ..graph.credentials import redact_credentials


def echo_json(value: Any, *, indent: int | None = 2) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=indent, default=str))


def stderr(message: str) -> None:
    click.echo(message, err=True)


@contextmanager
def store_from(db_path: str, neo4j_uri: str | None, neo4j_user: str | None,
               neo4j_password: str | None, neo4j_database: str | None,
               read_only: bool = False) -> Iterator[Store]:
    try:
        store = open_store(neo4j_uri=neo4j_uri, username=neo4j_user, password=neo4j_password,
                           database=neo4j_database, db_path=db_path, read_only=read_only)
    except GraphError as error:
        raise click.ClickException(redact_credentials(str(error))) from None
    try:
        yield store
    except GraphError as error:
        raise click.ClickException(redact_credentials(str(error))) from None
    finally:
        store.close()


def pipeline(aliases, user_dicts, no_ner: bool) -> PipelineOptions:
    return PipelineOptions(user_dicts=tuple(user_dicts), aliases=tuple(aliases), use_ner=not no_ner)
