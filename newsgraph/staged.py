"""Staged runs: write `newsgraph extract --with-text` output into a store without re-extracting.

Extraction can run anywhere (other machines, other processes); loading runs where the database
is. Each document carries its text, metadata and the id of the extractor that produced it, so
loading gives the graph `newsgraph ingest` gives: the same ids, unchanged articles skipped, an
edited article (same file or URL) replacing its older version.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from .app import IngestReport
from .extract.serialize import from_document
from .graph import GraphWriteError, Store, unchanged_articles, update_article_paths, write_batch
from .graph.bulk import bulk_load, is_empty
from .graph.rows import batch_rows
from .model import Extraction

EXTRACT_HINT = "produce it with `newsgraph extract --with-text`"


def _problem(document: object) -> str | None:
    """Why a parsed line is not a loadable extraction document, or None."""
    if not isinstance(document, dict) or not isinstance(document.get("article"), dict):
        return "not an extraction document (no \"article\" object)"
    article = document["article"]
    if not isinstance(article.get("id"), str) or not article["id"]:
        return "the article has no id"
    if not isinstance(article.get("text"), str):
        return f"the article has no text; {EXTRACT_HINT}"
    if not isinstance(document.get("extractor"), str):
        return f"no \"extractor\" id (written by an older newsgraph?); {EXTRACT_HINT}"
    return None


def _lines(path: str, stdin) -> Iterator[tuple[int, str]]:
    if path == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        yield from enumerate((line.decode("utf-8", "replace") for line in stream), 1)
        return
    with open(path, encoding="utf-8", errors="replace") as handle:
        yield from enumerate(handle, 1)


Staged = tuple[Extraction, str]  # the records of a document, and the id of their extractor


def read_documents(paths: Iterable[str], stdin=None) -> tuple[list[Staged], list[dict], list[str]]:
    """The records of each document (the last version of each article id) with their extractor
    id, failures naming file and line, warnings."""
    by_id: dict[str, tuple[str, Staged]] = {}
    failed, warnings = [], []
    for path in paths:
        name = "<stdin>" if path == "-" else path
        try:
            for number, line in _lines(path, stdin):
                if not line.strip():
                    continue
                where = f"{name}:{number}"
                try:
                    document = json.loads(line)
                except json.JSONDecodeError as error:
                    failed.append({"source": where, "error": f"{where}: not valid JSON ({error.msg})"})
                    continue
                problem = _problem(document)
                if problem:
                    failed.append({"source": where, "error": f"{where}: {problem}"})
                    continue
                try:
                    extraction = from_document(document)
                except (ValueError, TypeError, KeyError, AttributeError) as error:
                    failed.append({"source": where, "error": f"{where}: not a valid extraction document ({error})"})
                    continue
                earlier = by_id.pop(extraction.article.id, None)
                if earlier is not None:
                    warnings.append(f"{where}: the same article as {earlier[0]}; keeping this one")
                by_id[extraction.article.id] = (where, (extraction, document["extractor"]))
        except OSError as error:
            failed.append({"source": name, "error": f"{name}: cannot read ({error.strerror or error})"})
    return [document for _, document in by_id.values()], failed, warnings


def _by_extractor(documents: list[Staged]) -> dict[str, list[Extraction]]:
    groups: dict[str, list[Extraction]] = {}
    for extraction, extractor in documents:
        groups.setdefault(extractor, []).append(extraction)
    return groups


def load(paths: Iterable[str], store: Store, *, batch_size: int = 20,
         progress: Callable[[int], None] | None = None,
         on_total: Callable[[int], None] | None = None, stdin=None) -> IngestReport:
    """Write extraction documents into ``store`` the way `ingest` writes what it extracts: articles
    stored with the same fingerprint and extractor are skipped, a failing batch is reported and
    the other batches are still written."""
    started = time.perf_counter()
    report = IngestReport(store.name, store.location)
    documents, report.failed, report.warnings = read_documents(paths, stdin)
    report.read = len(documents)
    store.ensure_schema()
    keep = frozenset(x.article.id for x, _ in documents)
    todo: list[Staged] = []
    for extractor, group in _by_extractor(documents).items():
        done = unchanged_articles(store, {x.article.id: x.article.fingerprint for x in group}, extractor)
        update_article_paths(store, [x.article for x in group if x.article.id in done])
        todo += [(x, extractor) for x in group if x.article.id not in done]
    report.unchanged = len(documents) - len(todo)
    if on_total:
        on_total(len(todo))
    if todo and is_empty(store):
        _bulk_write(store, todo, batch_size, report, progress)
        report.seconds = time.perf_counter() - started
        return report
    for start in range(0, len(todo), batch_size):
        for extractor, batch in _by_extractor(todo[start:start + batch_size]).items():
            _count_write(report, batch, lambda: write_batch(store, batch, extractor, keep))
            if progress:
                progress(len(batch))
    report.seconds = time.perf_counter() - started
    return report


def _bulk_write(store: Store, todo: list[Staged], batch_size: int, report: IngestReport,
                progress: Callable[[int], None] | None) -> None:
    """A first load into an empty embedded store: the rows of every batch, written at once with
    COPY FROM (graph/bulk.py), the graph the batched writer makes. All or nothing: on failure
    every article is reported and the store stays empty."""
    def batches() -> Iterator[dict]:
        for start in range(0, len(todo), batch_size):
            for extractor, batch in _by_extractor(todo[start:start + batch_size]).items():
                yield batch_rows(batch, extractor)
                if progress:
                    progress(len(batch))

    report.bulk = True
    _count_write(report, [x for x, _ in todo], lambda: bulk_load(store, batches()))


def _count_write(report: IngestReport, extractions: list[Extraction], write: Callable[[], int]) -> None:
    """Run one write of ``extractions`` (it returns the rows written) and count it in the report;
    if it fails, every one of its articles is reported with the error."""
    writing = time.perf_counter()
    try:
        report.rows_written += write()
        report.ingested += len(extractions)
        report.characters += sum(len(x.article.text) for x in extractions)
    except (GraphWriteError, ValueError) as error:
        report.failed.extend({"source": x.article.path or x.article.id, "error": str(error)} for x in extractions)
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
