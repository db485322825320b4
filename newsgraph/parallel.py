"""Extraction on several cores: worker processes load the pipeline once each, and the documents
come back in input order, so the one writer sees exactly what a single process would produce."""
from __future__ import annotations

import multiprocessing
import os
from typing import Iterable, Iterator

from .extract.options import PipelineOptions
from .model import Article

Outcome = tuple[dict | None, str | None]  # (extraction document, or why there is none)

ARTICLES_PER_WORKER = 8  # fewer articles than this per worker: not worth a model load

_worker_nlp = None
_worker_with_text = False


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def useful_workers(requested: int, articles: int | None) -> int:
    """Starting a worker loads the pipeline (seconds): a few articles stay in this process."""
    return max(1, min(requested, requested if articles is None else articles // ARTICLES_PER_WORKER))


def _build(options: PipelineOptions):
    from .extract.pipeline import build_nlp  # spaCy, jieba and the model: only where we extract

    return build_nlp(options)


def _start_worker(options: PipelineOptions, with_text: bool) -> None:
    global _worker_nlp, _worker_with_text
    _worker_nlp = _build(options)
    _worker_with_text = with_text


def _extract_one(article: Article | None, nlp=None, with_text: bool | None = None) -> Outcome:
    if article is None:
        return None, None
    from .extract.pipeline import ArticleTooLong, extract
    from .extract.serialize import to_document

    try:
        extraction = next(extract([article], nlp or _worker_nlp))
    except ArticleTooLong as error:  # names the file and the fix already
        return None, str(error)
    except Exception as error:  # one bad article must not stop the others
        return None, f"{article.path or article.id}: extraction failed: {error}"
    return to_document(extraction, with_text=_worker_with_text if with_text is None else with_text), None


_cached: dict[PipelineOptions, object] = {}


def extract_cached(articles: Iterable[Article | None], options: PipelineOptions,
                   with_text: bool = True) -> list[Outcome]:
    """Outcomes for a partition, with the pipeline loaded once per process and options (a
    cluster worker runs many partitions)."""
    if options not in _cached:
        _cached[options] = _build(options)
    return [_extract_one(article, _cached[options], with_text) for article in articles]


def extract_each(articles: Iterable[Article | None], options: PipelineOptions = PipelineOptions(),
                 *, workers: int = 1, with_text: bool = True, chunk: int = 4) -> Iterator[Outcome]:
    """One (document, error) per input, in input order; None inputs give (None, None). With
    workers > 1 the articles are extracted in that many processes (spawned: no state is shared
    with this one, whose threads and open stores must not be forked)."""
    if workers <= 1:
        nlp = None
        for article in articles:
            if article is not None and nlp is None:
                nlp = _build(options)
            yield _extract_one(article, nlp, with_text)
        return
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=_start_worker, initargs=(options, with_text)) as pool:
        yield from pool.imap(_extract_one, articles, chunksize=chunk)
