"""Extraction past one machine, on a Dask cluster (optional: `pip install 'newsgraph[dask]'`).

The inputs are read here and cut into partitions; each worker process loads the pipeline once
and extracts the partitions it is given; the records come back in input order and are written
here as NDJSON shards (`newsgraph extract --with-text` lines) that `newsgraph load` consumes,
so no shared file system is needed. Dictionary and alias files must exist at the same paths on
the workers.
"""
from __future__ import annotations

import json
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from .app import extractor_id
from .extract.options import PipelineOptions
from .extract.reader import Metadata, ReadResult, read_inputs
from .extract.serialize import to_document
from .parallel import extract_cached

INSTALL_HINT = "install the optional extra: pip install 'newsgraph[dask]'"


class ClusterError(Exception):
    """The scheduler could not be reached or the extra is missing; the message says the fix."""


@dataclass
class ShardReport:
    shards: list[str] = field(default_factory=list)
    documents: int = 0
    failed: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"shards": self.shards, "documents": self.documents, "failed": self.failed,
                "warnings": self.warnings}


def _client(scheduler):
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError(f"extraction on a cluster needs dask.distributed; {INSTALL_HINT}") from None
    if not isinstance(scheduler, str):
        return scheduler, False  # an open Client (tests, notebooks)
    try:
        return Client(scheduler, timeout="20s"), True
    except (OSError, TimeoutError) as error:
        raise ClusterError(f"cannot reach the Dask scheduler at {scheduler} ({error}); is it running? "
                           "start one with `dask scheduler` and workers with `dask worker ADDRESS`") from None


def _readable_partitions(results: Iterable[ReadResult], size: int, report: ShardReport) -> Iterator[list[ReadResult]]:
    """The readable articles in partitions of ``size``, as they are read; unreadable ones go into
    the report."""
    part: list[ReadResult] = []
    for result in results:
        report.warnings.extend(result.warnings)
        if result.article is None:
            report.failed.append({"source": result.source, "error": result.error})
            continue
        part.append(result)
        if len(part) == size:
            yield part
            part = []
    if part:
        yield part


def partitions_ahead(client) -> int:
    """Partitions submitted before the oldest one's result is taken: two per worker thread keep
    every worker busy, and neither this process nor the workers hold more than that many
    partitions' articles and records, whatever the size of the input."""
    return 2 * max(1, sum(client.nthreads().values()))


def _write_shard(path: Path, lines: list[str]) -> None:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def extract_to_shards(inputs: Iterable[str], scheduler, out: str | Path, *, defaults: Metadata = Metadata(),
                      options: PipelineOptions = PipelineOptions(), partition_size: int = 200,
                      stdin=None) -> ShardReport:
    """Extract ``inputs`` on the cluster at ``scheduler`` (an address or a Client) into
    ``out``/part-NNNNN.ndjson, one shard per partition, in input order. Partitions are read,
    submitted and written as a stream (partitions_ahead of them at a time)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    report = ShardReport()
    extractor = extractor_id(options)
    client, owned = _client(scheduler)
    try:
        ahead = partitions_ahead(client)
        submitted: deque = deque()
        partitions = _readable_partitions(read_inputs(inputs, defaults, stdin=stdin), partition_size, report)
        for part in partitions:
            future = client.submit(extract_cached, [r.article for r in part], options=options, pure=False)
            submitted.append((part, future))
            if len(submitted) >= ahead:
                _write_partition(out, *submitted.popleft(), extractor, report)
        while submitted:
            _write_partition(out, *submitted.popleft(), extractor, report)
    finally:
        if owned:
            client.close()
    return report


def _write_partition(out: Path, part: list[ReadResult], future, extractor: str, report: ShardReport) -> None:
    """Wait for a partition's records and write them as the next shard."""
    lines = []
    for result, (extraction, error) in zip(part, future.result()):
        if extraction is None:
            report.failed.append({"source": result.source, "error": f"{result.source}: {error}"})
            continue
        document = {**to_document(extraction, with_text=True), "extractor": extractor}
        lines.append(json.dumps(document, ensure_ascii=False))
    shard = out / f"part-{len(report.shards):05d}.ndjson"
    _write_shard(shard, lines)
    report.shards.append(str(shard))
    report.documents += len(lines)
