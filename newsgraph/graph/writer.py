"""Writes extraction documents into a store: one transaction per batch, facts replaced atomically."""
from __future__ import annotations

from typing import Any, Iterable, Sequence

from . import cypher
from .rows import batch_rows
from .schema import ENTITY_LABELS, OWNER_LABELS, ROLE_ORG_LABELS, SPEAKER_LABELS
from .store import GraphError, GraphWriteError, Run, Store

ROWS_PER_QUERY = 1000


def _chunks(items: Sequence[Any], size: int = ROWS_PER_QUERY):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _unwind(run: Run, query: str, rows: Sequence[dict] | None) -> None:
    for chunk in _chunks(rows or []):
        run(query, {"rows": list(chunk)})


def unchanged_articles(store: Store, ids: Iterable[str], extractor: str) -> set[str]:
    """Ids already stored by the same extractor version: re-ingesting them would change nothing."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return set()
    _, rows = store.read(cypher.ARTICLES_BY_ID, {"ids": wanted})
    return {row[0] for row in rows if row[1] == extractor}


def write_batch(store: Store, docs: Sequence[dict], extractor: str) -> None:
    """Replace the given articles (and any older version at the same path or URL) in one transaction."""
    if not docs:
        return
    rows = batch_rows(docs, extractor)  # raises ValueError naming the article on a malformed document
    try:
        with store.transaction() as run:
            stale_keys = [{"id": r["id"], "path": r["path"], "url": r["url"]} for r in rows["articles"]]
            stale = sorted({row["id"] for row in run(cypher.STALE_ARTICLES, {"rows": stale_keys})})
            if stale:
                for query in cypher.DELETE_ARTICLE_FACTS:
                    run(query, {"ids": stale})
                run(cypher.DELETE_ROLES, {"ids": stale})
                run(cypher.DELETE_ARTICLES, {"ids": stale})

            _unwind(run, cypher.MERGE_ARTICLES, rows.get("articles"))
            _unwind(run, cypher.MERGE_SENTENCES, rows.get("sentences"))
            for label in ENTITY_LABELS:
                _unwind(run, cypher.MERGE_ENTITIES[label], rows.get(f"entities:{label}"))
                _unwind(run, cypher.MERGE_MENTIONS[label], rows.get(f"mentions:{label}"))
            _unwind(run, cypher.MERGE_PERIODS, rows.get("periods"))
            _unwind(run, cypher.MERGE_DATE_REFERENCES, rows.get("date_references"))
            _unwind(run, cypher.MERGE_FIGURES[store.name], rows.get("figures"))
            for label in OWNER_LABELS:
                _unwind(run, cypher.MERGE_FIGURE_OWNERS[label], rows.get(f"figure_owners:{label}"))
            _unwind(run, cypher.MERGE_FIGURE_PERIODS, rows.get("figure_periods"))
            _unwind(run, cypher.MERGE_FIGURE_CHANGES, rows.get("figure_changes"))
            _unwind(run, cypher.MERGE_CLAIMS, rows.get("claims"))
            for label in SPEAKER_LABELS:
                _unwind(run, cypher.MERGE_SPEAKERS[label], rows.get(f"speakers:{label}"))
            for label in ENTITY_LABELS:
                _unwind(run, cypher.MERGE_CLAIM_TOPICS[label], rows.get(f"claim_topics:{label}"))
            _unwind(run, cypher.MERGE_CLAIM_CITATIONS, rows.get("claim_citations"))
            for label in ROLE_ORG_LABELS:
                _unwind(run, cypher.MERGE_ROLES[label], rows.get(f"roles:{label}"))

            for label in ENTITY_LABELS:
                keys = [row["key"] for row in rows.get(f"entities:{label}", [])]
                for chunk in _chunks(keys):
                    found = run(cypher.ENTITY_ALIASES[label], {"keys": list(chunk)})
                    updates = [{"key": r["key"], "aliases": sorted(set(r["aliases"]))} for r in found]
                    _unwind(run, cypher.SET_ALIASES[label], updates)
            for query in cypher.DELETE_ORPHANS:
                run(query, None)
    except GraphError:
        raise
    except Exception as error:  # driver and engine errors differ per store
        paths = ", ".join(str(r.get("path") or r["id"]) for r in rows["articles"][:3])
        raise GraphWriteError(
            f"writing {len(docs)} article(s) ({paths}{', …' if len(docs) > 3 else ''}) to "
            f"{store.name} at {store.location} failed and was rolled back: {error}"
        ) from error
