"""The composition root's library half: wires extract/ to graph/. No click here."""
from __future__ import annotations

import functools
import hashlib
import time
from collections import deque
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from . import __version__
from .extract.options import PipelineOptions
from .extract.reader import Metadata, ReadResult, read_inputs
from .extract.serialize import to_document
from .graph import Store, find_articles, remove_articles, unchanged_articles, update_article_paths, write_articles
from .model import Article, Extraction
from .parallel import extract_each, useful_workers

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable  # Python 3.11+; only a type here

EXTRACTOR_SUFFIXES = (".py", ".tsv", ".txt", ".json", ".crfsuite")


def _package_files(folder: Traversable, prefix: str = "") -> Iterator[tuple[str, Traversable]]:
    """(relative name, file) for every file below an installed package folder, in name order."""
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_dir():
            yield from _package_files(entry, f"{prefix}{entry.name}/")
        elif entry.name.endswith(EXTRACTOR_SUFFIXES):
            yield f"{prefix}{entry.name}", entry


def folder_digest(folder: Traversable) -> str:
    """sha256 over the names and bytes of a folder's code, data and model files."""
    digest = hashlib.sha256()
    for name, entry in _package_files(folder):
        digest.update(name.encode())
        digest.update(entry.read_bytes())
    return digest.hexdigest()


@functools.lru_cache(maxsize=1)
def _extractor_code_digest() -> str:
    """The rules, data and model this installation extracts with: changing any re-extracts. Read
    through importlib.resources, so it works however the package is installed."""
    return folder_digest(resources.files("newsgraph.extract"))


def extractor_id(options: PipelineOptions) -> str:
    """Identifies what produced an article's facts: same fingerprint + same extractor = nothing to redo."""
    digest = hashlib.sha256(f"{_extractor_code_digest()}|{options.use_ner}|{options.ner_model}".encode())
    for path in options.user_dicts + options.aliases:
        digest.update(Path(path).read_bytes())
    return f"newsgraph-{__version__}-{digest.hexdigest()[:12]}"


@dataclass
class IngestReport:
    store: str
    location: str
    read: int = 0
    ingested: int = 0
    unchanged: int = 0
    failed: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    characters: int = 0  # of the articles extracted (ingest) or written (load)
    extract_seconds: float = 0.0  # waiting for extraction (with workers, the part writing did not hide)
    write_seconds: float = 0.0  # in write transactions
    rows_written: int = 0
    bulk: bool = False  # written with COPY FROM (a first load into an empty embedded store)

    @property
    def chars_per_second(self) -> float:
        """Extraction throughput; `load` extracts nothing, so there: characters over the whole run."""
        return _rate(self.characters, self.extract_seconds or self.seconds)

    @property
    def rows_per_second(self) -> float:
        return _rate(self.rows_written, self.write_seconds)

    def as_dict(self) -> dict:
        return {
            "store": self.store, "location": self.location, "articles_read": self.read,
            "ingested": self.ingested, "unchanged": self.unchanged, "failed": self.failed,
            "warnings": self.warnings, "seconds": round(self.seconds, 3), "characters": self.characters,
            "extract_seconds": round(self.extract_seconds, 3), "write_seconds": round(self.write_seconds, 3),
            "rows_written": self.rows_written, "bulk": self.bulk, "articles_per_second": _rate(self.ingested, self.seconds),
            "chars_per_second": self.chars_per_second, "rows_per_second": self.rows_per_second,
        }


def _rate(count: int, seconds: float) -> float:
    return round(count / seconds, 1) if seconds > 0 else 0.0


def read_all(inputs: Iterable[str], defaults: Metadata, stdin=None) -> tuple[list, list[dict], list[str]]:
    """Articles, failures and warnings; reading never stops at a bad file. An article read twice
    (the same text, or the same URL) is kept once, in its last version, with a warning."""
    by_id: dict[str, Article] = {}
    failed, warnings = [], []
    for result in read_inputs(inputs, defaults, stdin=stdin):
        warnings.extend(result.warnings)
        if result.article is None:
            failed.append({"source": result.source, "error": result.error})
            continue
        earlier = by_id.pop(result.article.id, None)
        if earlier is not None:
            warnings.append(f"{result.source}: the same article as {earlier.path or '<stdin>'}; keeping this one")
        by_id[result.article.id] = result.article
    return list(by_id.values()), failed, warnings


def write_counted(report: IngestReport, store: Store, batch: list[Extraction], extractor: str,
                  keep: frozenset[str]) -> list[Extraction]:
    """Write a batch (one transaction; if it fails, one per article: graph.write_articles) and count
    it in ``report``: rows, seconds, the articles written, and each article that failed, by source.
    Returns the articles written."""
    writing = time.perf_counter()

    def count_rows(rows: int) -> None:
        report.rows_written += rows

    failed = write_articles(store, batch, extractor, keep, on_rows=count_rows)
    report.write_seconds += time.perf_counter() - writing
    report.failed.extend({"source": x.article.path or x.article.id, "error": error} for x, error in failed)
    lost = {id(x) for x, _ in failed}
    written = [x for x in batch if id(x) not in lost]
    report.ingested += len(written)
    return written


def ingest(inputs: Iterable[str], store: Store, *, defaults: Metadata = Metadata(),
           options: PipelineOptions = PipelineOptions(), batch_size: int = 20,
           progress: Callable[[int], None] | None = None,
           on_total: Callable[[int], None] | None = None, stdin=None, workers: int = 1) -> IngestReport:
    """Read, extract (in ``workers`` processes) and write. Articles stored with the same text,
    metadata and extractor are skipped; a batch that fails to write is reported and the other
    batches are still written."""
    started = time.perf_counter()
    report = IngestReport(store.name, store.location)
    articles, report.failed, report.warnings = read_all(inputs, defaults, stdin)
    report.read = len(articles)
    extractor = extractor_id(options)
    store.ensure_schema()
    done = unchanged_articles(store, {a.id: a.fingerprint for a in articles}, extractor)
    update_article_paths(store, [a for a in articles if a.id in done])
    todo = [a for a in articles if a.id not in done]
    report.unchanged = len(articles) - len(todo)
    keep = frozenset(a.id for a in articles)
    if on_total:
        on_total(len(todo))

    def flush(batch: list[Extraction]) -> None:
        write_counted(report, store, batch, extractor, keep)
        if progress:
            progress(len(batch))

    if todo:
        extracting = time.perf_counter()
        batch: list[Extraction] = []
        outcomes = extract_each(todo, options, workers=useful_workers(workers, len(todo)))
        for article, (extraction, error) in zip(todo, outcomes):
            if extraction is None:
                report.failed.append({"source": article.path or article.id,
                                      "error": error})
                if progress:
                    progress(1)
                continue
            batch.append(extraction)
            report.characters += len(article.text)
            if len(batch) >= batch_size:
                flush(batch)
                batch = []
        if batch:
            flush(batch)
        report.extract_seconds = time.perf_counter() - extracting - report.write_seconds
    report.seconds = time.perf_counter() - started
    return report


def extract_documents(inputs: Iterable[str], *, defaults: Metadata = Metadata(),
                      options: PipelineOptions = PipelineOptions(), with_text: bool = False,
                      stdin=None, workers: int = 1) -> Iterator[tuple[ReadResult, dict | None]]:
    """(read result, extraction document) in input order; the document is None when the input
    could not be read or extracted (the result's error says why)."""
    extractor = extractor_id(options)  # lets `newsgraph load` tell unchanged articles, as ingest does
    pending: deque[ReadResult] = deque()  # read results whose extraction is under way, in order

    def articles() -> Iterator[Article | None]:
        for result in read_inputs(inputs, defaults, stdin=stdin):
            pending.append(result)
            yield result.article

    for extraction, error in extract_each(articles(), options, workers=workers):
        result = pending.popleft()
        if result.article is None:
            yield result, None
        elif extraction is None:
            yield ReadResult(result.source, None, error, result.warnings), None
        else:
            yield result, {**to_document(extraction, with_text=with_text), "extractor": extractor}


@dataclass
class RemoveReport:
    removed: list[dict] = field(default_factory=list)   # {"ref", "id", "path"}
    not_found: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"removed": self.removed, "not_found": self.not_found}


def remove(refs: Iterable[str], store: Store) -> RemoveReport:
    """Delete the articles named by file path (as given, or the absolute path the file had when
    ingested, even if it is gone now) or by id, with their facts and orphaned entities."""
    refs = list(dict.fromkeys(refs))
    found = find_articles(store, [(ref, str(Path(ref).resolve())) for ref in refs])
    report = RemoveReport()
    seen: set[str] = set()
    for row in found:
        if row["id"] not in seen:
            seen.add(row["id"])
            report.removed.append(row)
    named = {row["ref"] for row in found}
    report.not_found = [ref for ref in refs if ref not in named]
    remove_articles(store, seen)
    return report
