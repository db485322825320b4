"""The embedded store's articles by URL and by file: the ArticleLookup table (cypher.py).

LadybugDB indexes a table's primary key and nothing else, so `WHERE a.url IN $values` reads every
Article. This table is keyed by "url:URL" and "source_path:PATH" and lists the ids of the stored
articles there: finding the older version of an edited article is a key look-up. The writer keeps
it in the transaction that writes, moves or deletes an article; Neo4j indexes the properties
instead and has no such table (every function here does nothing for it).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterable, Mapping, Sequence

from . import cypher
from .batches import chunks, unwind
from .store import Run

FIELDS = ("url", "source_path")
ROWS_PER_QUERY = 1000


def lookup_key(field: str, value: str) -> str:
    return f"{field}:{value}"


def _keys_of(article: Mapping[str, Any]) -> list[str]:
    return [lookup_key(field, article[field]) for field in FIELDS if article.get(field) is not None]


def _stored(run: Run, keys: Sequence[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for chunk in chunks(keys, ROWS_PER_QUERY):
        found.update((row["key"], row["articles"]) for row in run(cypher.STORED_LOOKUPS, {"keys": list(chunk)}))
    return found


def find(run: Run, field: str, values: Iterable[str]) -> set[str]:
    """Ids of the stored articles whose ``field`` (url or source_path) is one of ``values``."""
    stored = _stored(run, sorted({lookup_key(field, value) for value in values}))
    return {id_ for ids in stored.values() for id_ in ids}


def _change(run: Run, added: Mapping[str, set[str]], removed: Mapping[str, set[str]]) -> None:
    """Add and take away article ids under their keys: a key left without ids goes."""
    stored = _stored(run, sorted(set(added) | set(removed)))
    create, update, delete = [], [], []
    for key in sorted(set(added) | set(removed)):
        before = set(stored.get(key, ()))
        after = (before - removed.get(key, set())) | added.get(key, set())
        if after == before:
            continue
        if not after:
            delete.append(key)
        else:
            (update if key in stored else create).append({"key": key, "articles": sorted(after)})
    for chunk in chunks(delete, ROWS_PER_QUERY):
        run(cypher.DELETE_LOOKUPS, {"keys": list(chunk)})
    unwind(run, cypher.SET_LOOKUPS, update, ROWS_PER_QUERY)
    unwind(run, cypher.CREATE_LOOKUPS, create, ROWS_PER_QUERY)


def _by_key(articles: Iterable[Mapping[str, Any]]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for article in articles:
        for key in _keys_of(article):
            found[key].add(article["id"])
    return found


def _locations(run: Run, ids: Sequence[str]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for chunk in chunks(ids, ROWS_PER_QUERY):
        found += run(cypher.ARTICLE_LOCATIONS, {"ids": list(chunk)})
    return found


def link(run: Run, dialect: str, articles: Sequence[Mapping[str, Any]] | None) -> None:
    """Articles just written (rows with id, url, source_path) go under their URL and file."""
    if dialect == "embedded" and articles:
        _change(run, _by_key(articles), {})


def unlink(run: Run, dialect: str, ids: Sequence[str]) -> None:
    """Articles about to be deleted (still stored) leave their URL and file."""
    if dialect == "embedded" and ids:
        _change(run, {}, _by_key(_locations(run, ids)))


def move(run: Run, dialect: str, rows: Sequence[Mapping[str, Any]]) -> None:
    """Articles whose source_path is about to be set to the rows' (id, source_path)."""
    if dialect != "embedded" or not rows:
        return
    before = [{"id": a["id"], "source_path": a["source_path"]} for a in _locations(run, [r["id"] for r in rows])]
    after = [{"id": r["id"], "source_path": r["source_path"]} for r in rows]
    _change(run, _by_key(after), _by_key(before))


def rebuild(run: Run) -> None:
    """Fill the table from every stored Article (a store written before the table existed)."""
    run(cypher.CLEAR_LOOKUPS, None)
    unwind(run, cypher.CREATE_LOOKUPS, lookup_rows(run(cypher.ALL_ARTICLE_LOCATIONS, None)), ROWS_PER_QUERY)


def lookup_rows(articles: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The table's rows for these articles (the bulk path writes them at once)."""
    return [{"key": key, "articles": sorted(ids)} for key, ids in sorted(_by_key(articles).items())]
