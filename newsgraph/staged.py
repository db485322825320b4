"""Staged runs: write `newsgraph extract --with-text` output into a store without re-extracting.

Extraction can run anywhere (other machines, other processes); loading runs where the database
is. Each document carries its text, metadata and the id of the extractor that produced it, so
loading gives the graph `newsgraph ingest` gives: the same ids, unchanged articles skipped, an
edited article (same file or URL) replacing its older version.
"""
from __future__ import annotations

import json
import time
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence, TypeVar

from .app import IngestReport, write_counted
from .document_lines import DocumentLines, Line, problem
from .extract.serialize import from_document
from .graph import GraphWriteError, Store, unchanged_articles, update_article_paths, write_batch
from .graph.batches import chunks
from .graph.bulk import bulk_load, is_empty
from .graph.rows import batch_rows
from .model import Extraction

T = TypeVar("T")

Staged = tuple[Extraction, str]  # the records of a document, and the id of their extractor
CHECK_IDS = 1000  # article ids per look-up of stored fingerprints


def _by_extractor(items: Iterable[T], extractor: Callable[[T], str]) -> dict[str, list[T]]:
    groups: dict[str, list[T]] = {}
    for item in items:
        groups.setdefault(extractor(item), []).append(item)
    return groups


def _changed(store: Store, lines: list[Line]) -> list[Line]:
    """The lines to write: articles not stored with the same fingerprint and extractor, grouped
    by extractor. Unchanged articles found at another path are moved there."""
    todo: list[Line] = []
    for extractor, group in _by_extractor(lines, lambda line: line.extractor).items():
        for chunk in chunks(group, CHECK_IDS):
            done = unchanged_articles(store, {line.id: line.fingerprint for line in chunk}, extractor)
            update_article_paths(store, [line for line in chunk if line.id in done])
            todo += [line for line in chunk if line.id not in done]
    return todo


def _extractions(documents: DocumentLines, lines: Iterable[Line], failed: list[dict]) -> Iterator[Staged]:
    """The second pass: the records of each line, one line at a time; a line that turns out not
    to be a valid document is reported in ``failed`` by file and line."""
    for line in lines:
        where = documents.where(line)
        try:
            document = documents.read(line)
            found = problem(document)
            extraction = None if found else from_document(document)
        except json.JSONDecodeError as error:
            found = f"not valid JSON ({error.msg})"
        except OSError as error:
            found = f"cannot read ({error.strerror or error})"
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            found = f"not a valid extraction document ({error})"
        if found:
            failed.append({"source": where, "error": f"{where}: {found}"})
            continue
        yield extraction, document["extractor"]


def _batches(staged: Iterable[Staged], batch_size: int) -> Iterator[tuple[str, list[Extraction]]]:
    """(extractor, extractions) of ``batch_size`` documents at a time, split by extractor."""
    staged = iter(staged)
    while batch := list(islice(staged, batch_size)):
        for extractor, group in _by_extractor(batch, lambda item: item[1]).items():
            yield extractor, [x for x, _ in group]


def load(paths: Iterable[str], store: Store, *, batch_size: int = 20,
         progress: Callable[[int], None] | None = None,
         on_total: Callable[[int], None] | None = None, stdin=None) -> IngestReport:
    """Write extraction documents into ``store`` the way `ingest` writes what it extracts: articles
    stored with the same fingerprint and extractor are skipped, a batch that fails is written again
    one article a transaction, so that only the articles that cannot be written are reported. The
    last version of an article id wins (with a warning).
    Reads the input twice and holds no more than a batch of documents (document_lines.py)."""
    started = time.perf_counter()
    report = IngestReport(store.name, store.location)
    with DocumentLines(paths, stdin) as documents:
        latest = documents.scan()
        report.failed, report.warnings, report.read = documents.failed, documents.warnings, len(latest)
        store.ensure_schema()
        todo = _changed(store, list(latest.values()))
        report.unchanged = len(latest) - len(todo)
        if on_total:
            on_total(len(todo))
        staged = _extractions(documents, todo, report.failed)
        if todo and is_empty(store):
            _bulk_write(store, staged, batch_size, report, progress)
        else:
            keep = frozenset(latest)
            for extractor, batch in _batches(staged, batch_size):
                _write_batch(report, store, batch, extractor, keep)
                if progress:
                    progress(len(batch))
    report.seconds = time.perf_counter() - started
    return report


def _write_batch(report: IngestReport, store: Store, batch: list[Extraction], extractor: str,
                 keep: frozenset[str]) -> None:
    """One transaction for the batch; if it fails, one per article, as `ingest` writes: a document
    that cannot be written fails alone, not with the batch around it."""
    written = write_counted(report, store, batch, extractor, keep)
    report.characters += sum(len(x.article.text) for x in written)


def _sources(extractions: list[Extraction]) -> list[tuple[str, int]]:
    """How a failure names each article, and its length (counted when written)."""
    return [(x.article.path or x.article.id, len(x.article.text)) for x in extractions]


def _bulk_write(store: Store, staged: Iterable[Staged], batch_size: int, report: IngestReport,
                progress: Callable[[int], None] | None) -> None:
    """A first load into an empty embedded store: the rows of every batch, written at once with
    COPY FROM (graph/bulk.py), the graph the batched writer makes. All or nothing: on failure
    every article is reported and the store stays empty."""
    sent: list[tuple[str, int]] = []

    def batches() -> Iterator[dict]:
        for extractor, batch in _batches(staged, batch_size):
            sent.extend(_sources(batch))
            yield batch_rows(batch, extractor)
            if progress:
                progress(len(batch))

    def write() -> int:
        try:
            return bulk_load(store, batches())
        except (GraphWriteError, ValueError):
            sent.extend((x.article.path or x.article.id, 0) for x, _ in staged)  # those it did not reach
            raise

    report.bulk = True
    _count_write(report, sent, write)


def _count_write(report: IngestReport, articles: list[tuple[str, int]], write: Callable[[], int]) -> None:
    """Run one write of ``articles`` (source, characters; filled while it runs for the bulk path;
    it returns the rows written) and count it in the report; if it fails, every one of its
    articles is reported with the error."""
    writing = time.perf_counter()
    try:
        report.rows_written += write()
        report.ingested += len(articles)
        report.characters += sum(characters for _, characters in articles)
    except (GraphWriteError, ValueError) as error:
        report.failed.extend({"source": source, "error": str(error)} for source, _ in articles)
    report.write_seconds += time.perf_counter() - writing


def write_documents(store: Store, documents: Sequence[dict], extractor: str, keep: Iterable[str] = ()) -> int:
    """Write extraction documents (the `newsgraph extract --with-text` JSON) in one transaction,
    as `load` writes a batch; returns the number of rows written."""
    return write_batch(store, [from_document(d) for d in documents], extractor, keep)


def ndjson_paths(paths: Iterable[str]) -> list[str]:
    """The inputs, each an existing file or -; raises FileNotFoundError naming the first missing one."""
    paths = list(paths)
    for path in paths:
        if path != "-" and not Path(path).is_file():
            raise FileNotFoundError(f"{path}: no such file")
    return paths
