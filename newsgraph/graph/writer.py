"""Writes extraction documents into a store: one transaction per batch, facts replaced atomically."""
from __future__ import annotations

from typing import Any, Iterable, Mapping, Sequence

from . import cypher
from .compare_writes import quantities_of_articles, refresh_comparisons, write_quantities
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


def unchanged_articles(store: Store, fingerprints: Mapping[str, str], extractor: str) -> set[str]:
    """Ids stored with the same text, metadata and extractor: writing them again would change nothing."""
    if not fingerprints:
        return set()
    _, rows = store.read(cypher.ARTICLES_BY_ID, {"ids": list(fingerprints)})
    return {id_ for id_, stored_extractor, fingerprint in rows
            if stored_extractor == extractor and fingerprint == fingerprints[id_]}


def update_article_paths(store: Store, articles: Iterable[dict]) -> None:
    """Unchanged articles found at another path (renamed or moved files) keep their facts."""
    rows = [{"id": a["id"], "path": a.get("path"), "source_path": a.get("source_path")} for a in articles]
    if rows:
        store.write(lambda run: _unwind(run, cypher.SET_ARTICLE_PATHS, rows))


def _replace_stale(run: Run, rows: dict, keep: list[str]) -> dict[str, set[str]]:
    """Delete what the batch replaces; return the entity keys (per label) those articles touched."""
    keys = [{"id": r["id"], "source_path": r["source_path"], "url": r["url"]} for r in rows["articles"]]
    stale = sorted({row["id"] for row in run(cypher.STALE_ARTICLES, {"rows": keys, "keep": keep})})
    touched: dict[str, set[str]] = {label: set() for label in ENTITY_LABELS}
    if not stale:
        return touched
    for label in ENTITY_LABELS:
        touched[label] = {row["key"] for row in run(cypher.ENTITIES_OF_ARTICLES[label], {"ids": stale})}
    touched["quantities"] = quantities_of_articles(run, stale)
    for query in cypher.DELETE_ARTICLE_FACTS:
        run(query, {"ids": stale})
    run(cypher.DELETE_ROLES, {"ids": stale})
    run(cypher.DELETE_ARTICLES, {"ids": stale})
    touched["stale"] = set(stale)
    return touched


def _merge(run: Run, rows: dict, dialect: str) -> None:
    _unwind(run, cypher.MERGE_ARTICLES, rows.get("articles"))
    _unwind(run, cypher.MERGE_SENTENCES, rows.get("sentences"))
    for label in ENTITY_LABELS:
        _unwind(run, cypher.MERGE_ENTITIES[label], rows.get(f"entities:{label}"))
        _unwind(run, cypher.MERGE_MENTIONS[label], rows.get(f"mentions:{label}"))
    _unwind(run, cypher.MERGE_PERIODS, rows.get("periods"))
    _unwind(run, cypher.MERGE_DATE_REFERENCES, rows.get("date_references"))
    _unwind(run, cypher.MERGE_FIGURES[dialect], rows.get("figures"))
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


def _refresh_aliases(run: Run, rows: dict, touched: dict[str, set[str]]) -> None:
    """Aliases are the surface forms of the MENTIONS an entity has now, sorted."""
    for label in ENTITY_LABELS:
        keys = sorted(touched[label] | {row["key"] for row in rows.get(f"entities:{label}", [])})
        for chunk in _chunks(keys):
            found = run(cypher.ENTITY_ALIASES[label], {"keys": list(chunk)})
            updates = [{"key": r["key"], "aliases": sorted(set(r["aliases"]))} for r in found]
            _unwind(run, cypher.SET_ALIASES[label], updates)


def write_batch(store: Store, docs: Sequence[dict], extractor: str, keep: Iterable[str] = ()) -> None:
    """Write ``docs`` in one transaction, replacing older versions of the same articles (same id,
    file or URL) unless those are in ``keep`` (articles of the same run, e.g. a renamed file)."""
    if not docs:
        return
    rows = batch_rows(docs, extractor)  # raises ValueError naming the article on a malformed document
    keep_ids = sorted(set(keep))

    def work(run: Run) -> None:
        touched = _replace_stale(run, rows, keep_ids)
        _merge(run, rows, store.name)
        write_quantities(run, rows)
        refresh_comparisons(run, rows, touched.get("quantities", ()), store.name)
        _refresh_aliases(run, rows, touched)
        if touched.get("stale"):
            for query in cypher.DELETE_ORPHANS:
                run(query, None)

    try:
        store.write(work)
    except GraphError:
        raise
    except Exception as error:  # driver and engine errors differ per store
        paths = ", ".join(str(r.get("path") or r["id"]) for r in rows["articles"][:3])
        raise GraphWriteError(
            f"writing {len(docs)} article(s) ({paths}{', …' if len(docs) > 3 else ''}) to "
            f"{store.name} at {store.location} failed and was rolled back: {error}"
        ) from error
