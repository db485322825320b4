"""The measurements of benchmarks/scale.py, each run in a child process of its own (so its peak
RSS and CPU seconds are its own) through the package's own code paths: `extract --workers N`
(newsgraph.app.extract_documents), `extract --scheduler` (newsgraph.cluster), `load`
(newsgraph.staged), `ingest` (newsgraph.app.ingest) and the batched writer (graph.write_batch).

Every run returns a dict: wall and CPU seconds, peak RSS, the load average before and after.
"""
from __future__ import annotations

import json
import os
import resource
import time
from pathlib import Path

BATCH = 20  # articles per write transaction, as `ingest` and `load` write them


class Meter:
    """Wall and CPU seconds of this process (all its threads, so an embedded database's too), of
    its reaped children (worker processes), and the load average at both ends."""

    def __init__(self) -> None:
        self.load_before = os.getloadavg()[0]
        self.wall = time.perf_counter()
        self.cpu = time.process_time()
        self.children = _children_cpu()
        self.server = server_cpu()

    def result(self, **extra) -> dict:
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        return {"seconds": round(time.perf_counter() - self.wall, 2),
                "cpu_seconds": round(time.process_time() - self.cpu, 2),
                "children_cpu_seconds": round(_children_cpu() - self.children, 2),
                "server_cpu_seconds": round(server_cpu() - self.server, 2),
                "peak_rss_mb": round(peak_rss_mb()),
                "children_peak_rss_mb": round(children.ru_maxrss / 1024),
                "load_average": [round(self.load_before, 2), round(os.getloadavg()[0], 2)], **extra}


def peak_rss_mb() -> float:
    """This process's own peak RSS (VmHWM). Not getrusage's ru_maxrss: Linux carries that over
    fork and exec, so a spawned child reported its parent's peak (the benchmark's main process,
    holding the documents) when it was larger than its own."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def server_cpu() -> float:
    """CPU seconds used so far by the Neo4j server this run writes to (0 for the embedded store,
    whose database threads are in the writing process's own CPU seconds)."""
    pid = os.environ.get("SCALE_SERVER_PID")
    return process_cpu(pid) if pid else 0.0


def process_cpu(pid: str) -> float:
    """CPU seconds (user + system) another process has used so far, from /proc/PID/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _characters(path: str) -> tuple[int, int]:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return len(lines), sum(len(json.loads(line)["text"]) for line in lines)


def extract_run(articles: str, out: str, workers: int) -> dict:
    """`newsgraph extract --with-text --workers N articles > out`, timed."""
    from newsgraph.app import extract_documents
    from newsgraph.extract.reader import Metadata

    count, chars = _characters(articles)
    meter = Meter()
    failed = 0
    with open(out, "w", encoding="utf-8") as handle:
        for _, document in extract_documents([articles], defaults=Metadata(), with_text=True, workers=workers):
            if document is None:
                failed += 1
                continue
            handle.write(json.dumps(document, ensure_ascii=False) + "\n")
    result = meter.result(workers=workers, articles=count, characters=chars, failed=failed)
    busy = result["cpu_seconds"] + result["children_cpu_seconds"]
    result.update(articles_per_second=round(count / result["seconds"], 1),
                  chars_per_second=round(chars / result["seconds"]),
                  chars_per_cpu_second=round(chars / busy) if busy else None)
    return result


def jieba_run(articles: str) -> dict:
    """Bare segmentation (a private jieba.Tokenizer, as the pipeline uses) over the same text."""
    import jieba

    texts = [json.loads(line)["text"] for line in Path(articles).read_text(encoding="utf-8").splitlines()]
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    meter = Meter()
    for text in texts:
        for _ in tokenizer.cut(text):
            pass
    result = meter.result(articles=len(texts), characters=sum(map(len, texts)))
    result["chars_per_second"] = round(result["characters"] / result["seconds"])
    return result


def _worker_usage() -> dict:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {"cpu_seconds": usage.ru_utime + usage.ru_stime, "peak_rss_mb": peak_rss_mb()}


def dask_run(articles: str, out: str, workers: int = 2, partition_size: int = 200) -> dict:
    """`newsgraph extract --scheduler … --out DIR` on a LocalCluster of ``workers`` processes (one
    thread each); the cluster's start-up is timed apart. Worker CPU and peak RSS are the workers'."""
    from distributed import Client, LocalCluster

    from newsgraph.cluster import extract_to_shards

    count, chars = _characters(articles)
    starting = time.perf_counter()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        start_seconds = time.perf_counter() - starting
        meter = Meter()
        report = extract_to_shards([articles], client, out, partition_size=partition_size)
        usage = client.run(_worker_usage)
    result = meter.result(workers=workers, articles=count, characters=chars, documents=report.documents,
                          shards=len(report.shards), failed=len(report.failed),
                          cluster_start_seconds=round(start_seconds, 2))
    result["worker_cpu_seconds"] = round(sum(u["cpu_seconds"] for u in usage.values()), 2)
    result["worker_peak_rss_mb"] = round(max(u["peak_rss_mb"] for u in usage.values()))
    result["chars_per_second"] = round(chars / result["seconds"])
    return result


def open_store(kind: str, folder: str, uri: str | None):
    from newsgraph.graph import open_store as open_

    if kind == "neo4j":
        return open_(neo4j_uri=uri)
    Path(folder).mkdir(parents=True, exist_ok=True)
    return open_(db_path=str(Path(folder) / "graph.db"))


def _counts(store) -> dict:
    return {"nodes": sum(store.label_counts().values()), "relationships": sum(store.type_counts().values())}


def _query_names() -> dict[str, str]:
    """Query text -> its name in graph/cypher.py (and compare_writes), to say which query grows."""
    from newsgraph.graph import compare_writes, cypher

    names: dict[str, str] = {}
    for module in (cypher, compare_writes):
        for name, value in vars(module).items():
            if isinstance(value, str):
                names.setdefault(value, name)
            elif isinstance(value, dict):
                names.update({v: f"{name}[{k}]" for k, v in value.items() if isinstance(v, str)})
                names.update({query: f"{name}[{k}][{dialect}]" for k, v in value.items() if isinstance(v, dict)
                              for dialect, query in v.items() if isinstance(query, str)})
            elif isinstance(value, tuple):
                names.update({v: f"{name}[{i}]" for i, v in enumerate(value) if isinstance(v, str)})
    return names


PYTHON = "(transaction: Python between its queries)"
COMMIT = "(transaction: connection, begin and commit, checkpoints included)"


class TimedStore:
    """The store, with the wall and CPU seconds (of the whole process: the embedded store's
    threads are in it) of every query its write transactions run, by query."""

    def __init__(self, store) -> None:
        self.store = store
        self.seconds: dict[str, float] = {}
        self.cpu_seconds: dict[str, float] = {}
        self.names = _query_names()

    def __getattr__(self, name: str):
        return getattr(self.store, name)

    def write(self, work):
        def timed_work(run):
            def timed(query, parameters=None):
                started, cpu = time.perf_counter(), time.process_time()
                try:
                    return run(query, parameters)
                finally:
                    self._add(self.names.get(query, query.strip().splitlines()[0][:60]), started, cpu)
            return self._outside(PYTHON, lambda: work(timed))

        return self._outside(COMMIT, lambda: self.store.write(timed_work))

    def _add(self, name: str, started: float, cpu: float, less: tuple[float, float] = (0.0, 0.0)) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started - less[0]
        self.cpu_seconds[name] = self.cpu_seconds.get(name, 0.0) + time.process_time() - cpu - less[1]

    def _outside(self, name: str, call):
        """Run ``call()``; count its time, less what other names counted meanwhile, under ``name``."""
        started, cpu = time.perf_counter(), time.process_time()
        counted = sum(self.seconds.values()), sum(self.cpu_seconds.values())
        try:
            return call()
        finally:
            self._add(name, started, cpu, (sum(self.seconds.values()) - counted[0],
                                           sum(self.cpu_seconds.values()) - counted[1]))

    def top(self, count: int = 8, cpu: bool = False) -> dict[str, float]:
        """The slowest queries, wall or CPU seconds each."""
        measured = self.cpu_seconds if cpu else self.seconds
        slowest = sorted(measured.items(), key=lambda item: -item[1])[:count]
        return {name: round(seconds, 2) for name, seconds in slowest}


def _write_tranche(store, staged: list, keep: list[str]) -> dict:
    """The batched writer (what `ingest` and a `load` into a non-empty store do), batches of 20."""
    from newsgraph.graph import write_batch

    timed = TimedStore(store)
    started, cpu, rows, server = time.perf_counter(), time.process_time(), 0, server_cpu()
    for start in range(0, len(staged), BATCH):
        batch = staged[start:start + BATCH]
        rows += write_batch(timed, [x for x, _ in batch], batch[0][1], keep)
    seconds = time.perf_counter() - started
    return {"articles": len(staged), "seconds": round(seconds, 2), "cpu_seconds": round(time.process_time() - cpu, 2),
            "rows": rows, "seconds_per_1k": round(seconds * 1000 / len(staged), 2),
            "cpu_seconds_per_1k": round((time.process_time() - cpu) * 1000 / len(staged), 2),
            "server_cpu_seconds": round(server_cpu() - server, 2),
            "rows_per_second": round(rows / seconds), "load_average": round(os.getloadavg()[0], 2),
            "commit_cpu_seconds": round(timed.cpu_seconds.get(COMMIT, 0.0), 2),
            "between_queries_cpu_seconds": round(timed.cpu_seconds.get(PYTHON, 0.0), 2),
            "slowest_queries": timed.top(), "slowest_queries_cpu": timed.top(cpu=True)}


def _staged_load(store, path: str) -> dict:
    from newsgraph.staged import load

    meter = Meter()
    report = load([path], store)
    return meter.result(unchanged=report.unchanged, ingested=report.ingested, rows=report.rows_written,
                        bulk=report.bulk, failed=len(report.failed))


def _records(lines: list[str]) -> list:
    """(records, extractor) of each document line: one tranche at a time, so that the process
    holds no more than a tranche of records (its peak RSS is then the store's and `load`'s)."""
    from newsgraph.extract.serialize import from_document

    return [(from_document(document), document["extractor"]) for document in map(json.loads, lines)]


def load_run(kind: str, folder: str, uri: str | None, main: str, new: str, tranche_size: int,
             first_and_last: bool = False) -> dict:
    """Tranches of ``tranche_size`` documents through the batched writer into a fresh store, then
    `newsgraph load` of the unchanged set and of 100 new documents into the full graph. With
    ``first_and_last`` only the first tranche (into an empty store) and the last (into a store that
    holds all the others, bulk-loaded: the same graph, tests/graph/test_bulk.py) are written
    batched: the embedded store's batched writer is too slow for every tranche on a shared machine."""
    lines = Path(main).read_text(encoding="utf-8").splitlines(keepends=True)
    keep = frozenset(json.loads(line)["article"]["id"] for line in lines)
    tranches = [lines[start:start + tranche_size] for start in range(0, len(lines), tranche_size)]
    meter = Meter()
    result: dict = {"store": kind, "articles": len(lines), "tranche_size": tranche_size,
                    "first_and_last": first_and_last, "tranches": [], "tranche_numbers": []}
    store = open_store(kind, folder, uri)
    store.ensure_schema()
    if first_and_last and len(tranches) > 2:
        result["tranches"].append(_write_tranche(store, _records(tranches[0]), keep))
        store.close()
        rest = Path(folder) / "rest.ndjson"
        rest.write_text("".join(lines[:-len(tranches[-1])]), encoding="utf-8")
        store = open_store(kind, str(Path(folder) / "second"), uri)
        result["bulk_before_last"] = _staged_load(store, str(rest))
        result["tranches"].append(_write_tranche(store, _records(tranches[-1]), keep))
        result["tranche_numbers"] = [1, len(tranches)]
    else:
        for tranche in tranches:
            result["tranches"].append(_write_tranche(store, _records(tranche), keep))
        result["tranche_numbers"] = list(range(1, len(tranches) + 1))
    del lines, tranches
    result["unchanged"] = _staged_load(store, main)
    result["new_100"] = _staged_load(store, new)
    result.update(_counts(store))
    store.close()
    result.update(meter.result())
    return result


def bulk_run(folder: str, main: str) -> dict:
    """`newsgraph load` into an empty embedded store: the bulk path (COPY FROM)."""
    store = open_store("embedded", folder, None)
    result = _staged_load(store, main)
    result.update(_counts(store))
    store.close()
    result["rows_per_second"] = round(result["rows"] / result["seconds"])
    return result


def _ingest(store, path: str, workers: int, progress=None) -> dict:
    from newsgraph.app import ingest

    meter = Meter()
    report = ingest([path], store, workers=workers, progress=progress)
    return meter.result(**{key: value for key, value in report.as_dict().items()
                           if key not in ("failed", "warnings", "store", "location")},
                        failed_count=len(report.failed))


def ingest_run(kind: str, folder: str, uri: str | None, main: str, new: str, workers: int,
               tranche_size: int) -> dict:
    """`newsgraph ingest --workers N` of the articles into a fresh store (wall and writer CPU per
    tranche of articles written), again (nothing changed), then 100 new articles."""
    marks: list[tuple[int, float, float, float]] = [(0, time.perf_counter(), time.process_time(), server_cpu())]
    written = [0]

    def progress(count: int) -> None:
        written[0] += count
        if written[0] // tranche_size > marks[-1][0] // tranche_size:
            marks.append((written[0], time.perf_counter(), time.process_time(), server_cpu()))

    store = open_store(kind, folder, uri)
    result = {"store": kind, "workers": workers, "first": _ingest(store, main, workers, progress)}
    result["tranches"] = [{"articles": b[0] - a[0], "seconds_per_1k": round((b[1] - a[1]) * 1000 / (b[0] - a[0]), 2),
                           "writer_cpu_seconds_per_1k": round((b[2] - a[2]) * 1000 / (b[0] - a[0]), 2),
                           "server_cpu_seconds_per_1k": round((b[3] - a[3]) * 1000 / (b[0] - a[0]), 2)}
                          for a, b in zip(marks, marks[1:])]
    result["unchanged"] = _ingest(store, main, workers)
    result["new_100"] = _ingest(store, new, workers)
    result.update(_counts(store))
    store.close()
    return result
