"""The composition root's library half: wires extract/ to graph/. No click here."""
from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import __version__
from .extract.pipeline import PipelineOptions, build_nlp, extract
from .extract.reader import Metadata, ReadResult, read_inputs
from .extract.serialize import to_document
from .graph import Store, unchanged_articles, write_batch

Progress = Callable[[int], None]


def extractor_id(options: PipelineOptions) -> str:
    """Identifies what produced an article's facts: same id + same extractor = nothing to redo."""
    digest = hashlib.sha256(f"{options.use_ner}|{options.ner_model}".encode())
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
    characters: int = 0

    def as_dict(self) -> dict:
        return {
            "store": self.store, "location": self.location, "articles_read": self.read,
            "ingested": self.ingested, "unchanged": self.unchanged, "failed": self.failed,
            "warnings": self.warnings, "seconds": round(self.seconds, 3), "characters": self.characters,
        }


def read_all(inputs: Iterable[str], defaults: Metadata, stdin=None) -> tuple[list, list[dict], list[str]]:
    """Articles (de-duplicated by id), failures and warnings; reading never stops at a bad file."""
    articles, failed, warnings, seen = [], [], [], set()
    for result in read_inputs(inputs, defaults, stdin=stdin):
        warnings.extend(result.warnings)
        if result.article is None:
            failed.append({"source": result.source, "error": result.error})
        elif result.article.id not in seen:
            seen.add(result.article.id)
            articles.append(result.article)
    return articles, failed, warnings


def ingest(inputs: Iterable[str], store: Store, *, defaults: Metadata = Metadata(),
           options: PipelineOptions = PipelineOptions(), batch_size: int = 20,
           progress: Callable[[int], None] | None = None,
           on_total: Callable[[int], None] | None = None, stdin=None) -> IngestReport:
    """Read, extract and write; articles already stored by the same extractor are skipped."""
    started = time.perf_counter()
    report = IngestReport(store.name, store.location)
    articles, report.failed, report.warnings = read_all(inputs, defaults, stdin)
    report.read = len(articles)
    extractor = extractor_id(options)
    store.ensure_schema()
    done = unchanged_articles(store, [a.id for a in articles], extractor)
    todo = [a for a in articles if a.id not in done]
    report.unchanged = len(articles) - len(todo)
    if on_total:
        on_total(len(todo))
    if todo:
        nlp = build_nlp(options)
        batch: list[dict] = []
        for article in todo:
            try:
                extraction = next(extract([article], nlp))
            except Exception as error:  # one bad article must not stop the others
                report.failed.append({"source": article.path or article.id,
                                      "error": f"{article.path or article.id}: extraction failed: {error}"})
                continue
            batch.append(to_document(extraction, with_text=True))
            report.characters += len(article.text)
            if len(batch) >= batch_size:
                write_batch(store, batch, extractor)
                report.ingested += len(batch)
                if progress:
                    progress(len(batch))
                batch = []
        if batch:
            write_batch(store, batch, extractor)
            report.ingested += len(batch)
            if progress:
                progress(len(batch))
    report.seconds = time.perf_counter() - started
    return report


def extract_documents(inputs: Iterable[str], *, defaults: Metadata = Metadata(),
                      options: PipelineOptions = PipelineOptions(), with_text: bool = False,
                      stdin=None) -> Iterator[tuple[ReadResult, dict | None]]:
    """(read result, extraction document) in input order; the document is None when unreadable."""
    nlp = None
    for result in read_inputs(inputs, defaults, stdin=stdin):
        if result.article is None:
            yield result, None
            continue
        nlp = nlp or build_nlp(options)
        yield result, to_document(next(extract([result.article], nlp)), with_text=with_text)
