"""Writes extraction records into a store: one transaction per batch, facts replaced atomically."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Set as AbstractSet
from typing import Any, Callable, Iterable, Mapping, Protocol, Sequence

from ..model import Extraction
from . import article_lookup, cypher
from .batches import chunks, unwind
from .compare_writes import refresh_comparisons, values_of_articles, write_quantities
from .rows import batch_rows
from .shared_nodes import merge_shared
from .schema import ENTITY_LABELS, OWNER_LABELS, ROLE_ORG_LABELS, SHARED_LABELS, SPEAKER_LABELS
from .store import GraphError, GraphWriteError, Run, Store

ROWS_PER_QUERY = 1000


def _chunks(items: Sequence[Any], size: int = ROWS_PER_QUERY):
    return chunks(items, size)


def _unwind(run: Run, query: str, rows: Sequence[dict] | None) -> None:
    unwind(run, query, rows, ROWS_PER_QUERY)


def unchanged_articles(store: Store, fingerprints: Mapping[str, str], extractor: str) -> set[str]:
    """Ids stored with the same text, metadata and extractor: writing them again would change nothing."""
    if not fingerprints:
        return set()
    _, rows = store.read(cypher.ARTICLES_BY_ID, {"ids": list(fingerprints)})
    return {id_ for id_, stored_extractor, fingerprint in rows
            if stored_extractor == extractor and fingerprint == fingerprints[id_]}


class Located(Protocol):
    """Where an article is: an Article, or `load`'s record of a line (document_lines.Line)."""
    id: str
    path: str | None
    source_path: str | None


def update_article_paths(store: Store, articles: Iterable[Located]) -> None:
    """Unchanged articles found at another path (renamed or moved files) keep their facts. Only
    the articles whose path differs are written: re-loading an unchanged set writes nothing."""
    wanted = {a.id: (a.path, a.source_path) for a in articles}
    if not wanted:
        return
    _, stored = store.read(cypher.ARTICLE_PATHS, {"ids": list(wanted)})
    rows = [{"id": id_, "path": wanted[id_][0], "source_path": wanted[id_][1]}
            for id_, path, source_path in stored if (path, source_path) != wanted[id_]]
    if rows:
        def work(run: Run) -> None:
            article_lookup.move(run, store.name, rows)
            _unwind(run, cypher.SET_ARTICLE_PATHS, rows)

        store.write(work)


def _stale_articles(run: Run, articles: list[dict], keep: AbstractSet[str], dialect: str) -> list[str]:
    stale = {row["id"] for row in run(cypher.STALE_BY_ID, {"ids": [a["id"] for a in articles]})}
    for query, field in ((cypher.STALE_BY_SOURCE_PATH, "source_path"), (cypher.STALE_BY_URL, "url")):
        values = sorted({a[field] for a in articles if a[field] is not None})
        if not values:
            continue
        if dialect == "embedded":  # a key look-up: the engine indexes nothing but primary keys
            found = article_lookup.find(run, field, values)
        else:
            found = {row["id"] for row in run(query, {"values": values})}
        stale |= found - keep
    return sorted(stale)


def _orphan_candidates(run: Run, stale: list[str]) -> dict[str, set[str]]:
    """Shared nodes that the facts and roles of ``stale`` articles point at (per label); the
    entities they mention are found separately."""
    found = {label: {row["key"] for row in run(cypher.SHARED_OF_ARTICLE_FACTS[label], {"ids": stale})}
             for label in SHARED_LABELS}
    found["Period"] |= {row["key"] for row in run(cypher.PERIODS_OF_ARTICLES, {"ids": stale})}
    for label in ROLE_ORG_LABELS:
        for row in run(cypher.ROLE_ENDS_OF_ARTICLES[label], {"ids": stale}):
            found["Person"].add(row["person"])
            found[label].add(row["org"])
    return found


def _delete_articles(run: Run, ids: list[str], dialect: str) -> dict:
    """Delete articles and their facts; return the entity keys (per label) they mentioned and
    the shared nodes that may be orphans now."""
    touched: dict = {label: {row["key"] for row in run(cypher.ENTITIES_OF_ARTICLES[label], {"ids": ids})}
                     for label in ENTITY_LABELS}
    touched["orphans"] = _orphan_candidates(run, ids)
    touched["quantities"] = values_of_articles(run, ids)
    for query in cypher.DELETE_ARTICLE_FACTS:
        run(query, {"ids": ids})
    run(cypher.DELETE_ROLES, {"ids": ids})
    article_lookup.unlink(run, dialect, ids)
    run(cypher.DELETE_ARTICLES, {"ids": ids})
    touched["stale"] = set(ids)
    return touched


def _replace_stale(run: Run, rows: dict, keep: AbstractSet[str], dialect: str) -> dict:
    """Delete what the batch replaces; return what those articles touched (see _delete_articles)."""
    stale = _stale_articles(run, rows["articles"], keep, dialect)
    if not stale:
        return {label: set() for label in ENTITY_LABELS}
    return _delete_articles(run, stale, dialect)


def _merge(run: Run, rows: dict, dialect: str) -> None:
    _unwind(run, cypher.MERGE_ARTICLES[dialect], rows.get("articles"))
    _unwind(run, cypher.MERGE_SENTENCES[dialect], rows.get("sentences"))
    for label in ENTITY_LABELS:
        merge_shared(run, label, cypher.MERGE_ENTITIES[label], rows.get(f"entities:{label}"), dialect, ROWS_PER_QUERY)
        _unwind(run, cypher.MERGE_MENTIONS[label][dialect], rows.get(f"mentions:{label}"))
    merge_shared(run, "Period", cypher.MERGE_PERIODS, rows.get("periods"), dialect, ROWS_PER_QUERY)
    _unwind(run, cypher.MERGE_DATE_REFERENCES[dialect], rows.get("date_references"))
    _unwind(run, cypher.MERGE_FIGURES[dialect], rows.get("figures"))
    for label in OWNER_LABELS:
        _unwind(run, cypher.MERGE_FIGURE_OWNERS[label][dialect], rows.get(f"figure_owners:{label}"))
    _unwind(run, cypher.MERGE_FIGURE_PERIODS[dialect], rows.get("figure_periods"))
    _unwind(run, cypher.MERGE_FIGURE_CHANGES[dialect], rows.get("figure_changes"))
    _unwind(run, cypher.MERGE_CLAIMS[dialect], rows.get("claims"))
    for label in SPEAKER_LABELS:
        _unwind(run, cypher.MERGE_SPEAKERS[label][dialect], rows.get(f"speakers:{label}"))
    for label in ENTITY_LABELS:
        _unwind(run, cypher.MERGE_CLAIM_TOPICS[label][dialect], rows.get(f"claim_topics:{label}"))
    _unwind(run, cypher.MERGE_CLAIM_CITATIONS[dialect], rows.get("claim_citations"))
    for label in ROLE_ORG_LABELS:
        _unwind(run, cypher.MERGE_ROLES[label][dialect], rows.get(f"roles:{label}"))


def _recompute_aliases(run: Run, label: str, keys: list[str]) -> None:
    """From every mention: for entities that replaced articles contributed to."""
    for chunk in _chunks(keys):
        found = {r["key"]: r["aliases"] for r in run(cypher.ENTITY_ALIASES[label], {"keys": list(chunk)})}
        updates = [{"key": k, "aliases": sorted(set(found.get(k, [])))} for k in chunk]
        _unwind(run, cypher.SET_ALIASES[label], updates)


def _add_aliases(run: Run, label: str, forms: dict[str, set[str]]) -> None:
    """Stored aliases plus the batch's surface forms: the batch only added mentions."""
    for chunk in _chunks(sorted(forms)):
        stored = run(cypher.STORED_ALIASES[label], {"keys": list(chunk)})
        updates = [{"key": r["key"], "aliases": sorted(set(r["aliases"] or ()) | forms[r["key"]])}
                   for r in stored if not forms[r["key"]] <= set(r["aliases"] or ())]
        _unwind(run, cypher.SET_ALIASES[label], updates)


def _refresh_aliases(run: Run, rows: dict, touched: dict[str, set[str]]) -> None:
    """Aliases are the surface forms of the MENTIONS an entity has now, sorted."""
    for label in ENTITY_LABELS:
        _recompute_aliases(run, label, sorted(touched[label]))
        forms: dict[str, set[str]] = defaultdict(set)
        for mention in rows.get(f"mentions:{label}", []):
            if mention["key"] not in touched[label]:
                forms[mention["key"]].add(mention["text"])
        _add_aliases(run, label, forms)


def _delete_orphans(run: Run, rows: dict, touched: dict) -> None:
    """Shared nodes left without relationships: among those the replaced articles mentioned or
    pointed at (and, for malformed documents, those this batch wrote)."""
    for label in SHARED_LABELS:
        name = "periods" if label == "Period" else f"entities:{label}"
        keys = sorted(touched["orphans"][label] | touched.get(label, set())
                      | {row["key"] for row in rows.get(name, [])})
        for chunk in _chunks(keys):
            run(cypher.DELETE_ORPHANS[label], {"keys": list(chunk)})


def write_batch(store: Store, extractions: Sequence[Extraction], extractor: str, keep: Iterable[str] = ()) -> int:
    """Write ``extractions`` in one transaction, replacing older versions of the same articles (same id,
    file or URL) unless those are in ``keep`` (articles of the same run, e.g. a renamed file).
    Returns the number of rows written (what `UNWIND $rows` received, over every query)."""
    if not extractions:
        return 0
    rows = batch_rows(extractions, extractor)  # raises ValueError naming the article on a malformed record
    keep_ids = keep if isinstance(keep, AbstractSet) else frozenset(keep)  # callers pass a set once per run

    def work(run: Run) -> None:
        touched = _replace_stale(run, rows, keep_ids, store.name)
        _merge(run, rows, store.name)
        article_lookup.link(run, store.name, rows.get("articles"))
        write_quantities(run, rows, store.name)
        refresh_comparisons(run, rows, touched.get("quantities", ()), store.name, store.value_orders)
        _refresh_aliases(run, rows, touched)
        if touched.get("stale"):
            _delete_orphans(run, rows, touched)

    try:
        store.write(work)
    except GraphError:
        raise
    except Exception as error:  # driver and engine errors differ per store
        paths = ", ".join(str(r.get("path") or r["id"]) for r in rows["articles"][:3])
        raise GraphWriteError(
            f"writing {len(extractions)} article(s) ({paths}{', …' if len(extractions) > 3 else ''}) to "
            f"{store.name} at {store.location} failed and was rolled back: {error}"
        ) from error
    return sum(len(items) for items in rows.values())


def write_articles(store: Store, extractions: Sequence[Extraction], extractor: str, keep: Iterable[str] = (),
                   on_rows: Callable[[int], None] | None = None) -> list[tuple[Extraction, str]]:
    """Write ``extractions`` as one batch; if the batch fails, write them one by one, so that only
    the articles that cannot be written fail. Returns (extraction, error message) for those;
    ``on_rows`` gets the number of rows of each transaction that was written."""
    keep = keep if isinstance(keep, AbstractSet) else frozenset(keep)
    counted = on_rows or (lambda rows: None)
    try:
        counted(write_batch(store, extractions, extractor, keep))
        return []
    except (GraphWriteError, ValueError) as error:
        if len(extractions) == 1:
            return [(extractions[0], str(error))]
    failed = []
    for extraction in extractions:
        try:
            counted(write_batch(store, [extraction], extractor, keep))
        except (GraphWriteError, ValueError) as error:
            failed.append((extraction, str(error)))
    return failed


def find_articles(store: Store, refs: Sequence[tuple[str, str | None]]) -> list[dict]:
    """Stored articles named by (id or path as shown, absolute file path) pairs: {ref, id, path}."""
    if not refs:
        return []
    rows = [{"value": value, "source_path": source_path} for value, source_path in refs]
    columns, found = store.read(cypher.FIND_ARTICLES, {"refs": rows})
    return [dict(zip(columns, row)) for row in found]


def remove_articles(store: Store, ids: Iterable[str]) -> None:
    """Delete articles with their facts in one transaction; entities and periods nothing refers
    to any more go too, and the aliases of the entities they mentioned are recomputed."""
    ids = sorted(set(ids))
    if not ids:
        return

    def work(run: Run) -> None:
        touched = _delete_articles(run, ids, store.name)
        refresh_comparisons(run, {}, touched["quantities"], store.name, store.value_orders)
        _refresh_aliases(run, {}, touched)
        _delete_orphans(run, {}, touched)

    try:
        store.write(work)
    except GraphError:
        raise
    except Exception as error:  # driver and engine errors differ per store
        raise GraphWriteError(f"removing {len(ids)} article(s) from {store.name} at {store.location} "
                              f"failed and was rolled back: {error}") from error
