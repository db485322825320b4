"""newsgraph remove"""
from __future__ import annotations

from pathlib import Path

import click

from ..app import remove
from .common import echo_json, stderr, store_from
from .options import CONTEXT, store_options


@click.command("remove", context_settings=CONTEXT)
@click.argument("refs", nargs=-1, required=True, metavar="PATH|ID...")
@store_options
def remove_command(refs, db_path, neo4j_uri, neo4j_user, neo4j_password, neo4j_database):
    """Delete articles, their facts, and the entities and periods nothing else refers to.

    PATH is the file an article was ingested from (it may be gone: a renamed or deleted file);
    ID is an article id (`newsgraph query "MATCH (a:Article) RETURN a.id, a.path"` lists them).
    Aliases of the entities the articles mentioned are recomputed. Prints a JSON summary on
    stdout; exits 1 if something named no article.

    \b
    Examples:
      newsgraph remove corpora/old-name.md
      newsgraph remove 5d41402abc4b2a76b9719d911017c592...   # the 64 hex digits of an article id
      newsgraph remove --neo4j bolt://127.0.0.1:7687 corpora/old-name.md
    """
    if not neo4j_uri and not Path(db_path).exists():
        raise click.ClickException(f"no graph at {db_path}; pass --db PATH or --neo4j URI")
    with store_from(db_path, neo4j_uri, neo4j_user, neo4j_password, neo4j_database) as store:
        report = remove(refs, store)
        summary = report.as_dict()
        summary["labels"] = store.label_counts()
    for ref in report.not_found:
        stderr(f"error: {ref}: no stored article has this path or id")
    echo_json(summary)
    if report.not_found:
        raise SystemExit(1)
