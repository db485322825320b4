"""Extraction on several cores: worker processes load the pipeline once each and extract batches
of articles through ``nlp.pipe``; the records come back in input order, so the one writer sees
exactly what a single process would produce."""
from __future__ import annotations

import multiprocessing
import os
from collections import deque
from itertools import islice
from typing import Iterable, Iterator

from .extract.options import PipelineOptions
from .model import Article, Extraction

Outcome = tuple[Extraction | None, str | None]  # (the article's records, or why there are none)

ARTICLES_PER_WORKER = 8  # fewer articles than this per worker: not worth a model load
BATCH = 8  # articles per nlp.pipe call (and per message between processes)
# Batches sent ahead per worker: enough to keep the workers busy, few enough that finished
# records do not pile up in this process while the writer is slower than extraction.
AHEAD = 4

_worker_nlp = None


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


def _start_worker(options: PipelineOptions) -> None:
    global _worker_nlp
    _worker_nlp = _build(options)


def _extract_one(article: Article, nlp) -> Outcome:
    from .extract.pipeline import extract

    try:
        return next(extract([article], nlp)), None
    except Exception as error:  # one bad article must not stop the others
        return None, f"{article.path or article.id}: extraction failed: {error}"


def extract_batch(articles: list[Article | None], nlp=None) -> list[Outcome]:
    """One outcome per input, in order, the articles extracted together through ``nlp.pipe``; if
    the batch fails, its articles are extracted one by one, so only the failing ones fail."""
    from .extract.pipeline import ArticleTooLong, check_length, extract

    nlp = nlp or _worker_nlp
    outcomes: list[Outcome] = [(None, None)] * len(articles)
    todo = []
    for i, article in enumerate(articles):
        if article is None:
            continue
        try:
            check_length(article)
        except ArticleTooLong as error:  # names the file and the fix already
            outcomes[i] = None, str(error)
            continue
        todo.append(i)
    try:
        for i, extraction in zip(todo, extract([articles[i] for i in todo], nlp, batch_size=len(todo) or 1)):
            outcomes[i] = extraction, None
    except Exception:  # noqa: BLE001 (which article failed is found one by one)
        for i in todo:
            outcomes[i] = _extract_one(articles[i], nlp)
    return outcomes


_cached: dict[PipelineOptions, object] = {}


def extract_cached(articles: Iterable[Article | None], options: PipelineOptions) -> list[Outcome]:
    """Outcomes for a partition, with the pipeline loaded once per process and options (a
    cluster worker runs many partitions)."""
    if options not in _cached:
        _cached[options] = _build(options)
    articles = list(articles)
    return [outcome for start in range(0, len(articles), BATCH)
            for outcome in extract_batch(articles[start:start + BATCH], _cached[options])]


def _batches(articles: Iterable[Article | None], size: int) -> Iterator[list[Article | None]]:
    iterator = iter(articles)
    while batch := list(islice(iterator, size)):
        yield batch


def extract_each(articles: Iterable[Article | None], options: PipelineOptions = PipelineOptions(),
                 *, workers: int = 1, batch: int = BATCH) -> Iterator[Outcome]:
    """One (extraction, error) per input, in input order; None inputs give (None, None). With
    workers > 1 the articles are extracted in that many processes (spawned: no state is shared
    with this one, whose threads and open stores must not be forked)."""
    if workers <= 1:
        nlp = None
        for articles_ in _batches(articles, batch):
            if nlp is None and any(a is not None for a in articles_):
                nlp = _build(options)
            yield from extract_batch(articles_, nlp)
        return
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=_start_worker, initargs=(options,)) as pool:
        pending = deque()
        for articles_ in _batches(articles, batch):
            pending.append(pool.apply_async(extract_batch, (articles_,)))
            if len(pending) >= workers * AHEAD:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
