"""The tables benchmarks/scale.py prints from its results (Markdown, to paste into the README)."""
from __future__ import annotations


def _n(value, digits: int = 0) -> str:
    if value is None:
        return "—"
    return f"{value:,.{digits}f}"


def _load(run: dict) -> str:
    first, last = run["load_average"]
    return f"{first:.1f}–{last:.1f}"


def _extraction(summary: dict) -> list[str]:
    rows = ["| extraction | articles | wall s | CPU s (main + workers) | articles/s | chars/s | chars/s per CPU s "
            "| peak RSS main / largest worker MB | load average |", "|---|---|---|---|---|---|---|---|---|"]
    for run in summary.get("extract", []):
        cpu = run["cpu_seconds"] + run["children_cpu_seconds"]
        rows.append(f"| `extract --workers {run['workers']}` | {_n(run['articles'])} | {_n(run['seconds'], 1)} "
                    f"| {_n(cpu, 1)} | {_n(run['articles_per_second'], 1)} | {_n(run['chars_per_second'])} "
                    f"| {_n(run['chars_per_cpu_second'])} | {run['peak_rss_mb']} / {run['children_peak_rss_mb'] or '—'} "
                    f"| {_load(run)} |")
    dask = summary.get("dask")
    if dask:
        cpu = dask["cpu_seconds"] + dask["worker_cpu_seconds"]
        rows.append(f"| Dask LocalCluster, 2 worker processes ({dask['shards']} shards; cluster start "
                    f"{dask['cluster_start_seconds']} s apart) | {_n(dask['articles'])} | {_n(dask['seconds'], 1)} "
                    f"| {_n(cpu, 1)} | {_n(dask['articles'] / dask['seconds'], 1)} | {_n(dask['chars_per_second'])} "
                    f"| {_n(dask['characters'] / dask['worker_cpu_seconds'])} | {dask['peak_rss_mb']} / "
                    f"{dask['worker_peak_rss_mb']} | {_load(dask)} |")
    jieba = summary.get("jieba")
    if jieba:
        rows.append(f"| bare `jieba.cut`, same text | {_n(jieba['articles'])} | {_n(jieba['seconds'], 1)} "
                    f"| {_n(jieba['cpu_seconds'], 1)} | {_n(jieba['articles'] / jieba['seconds'], 1)} "
                    f"| {_n(jieba['chars_per_second'])} | {_n(jieba['characters'] / jieba['cpu_seconds'])} "
                    f"| {jieba['peak_rss_mb']} / — | {_load(jieba)} |")
    checks = []
    if "extract_outputs_identical" in summary and len(summary.get("extract", [])) > 1:
        checks.append(f"outputs of every --workers identical: {summary['extract_outputs_identical']}")
    if dask:
        checks.append(f"Dask shards hold the plain run's documents: {dask['same_documents_as_plain']}")
    return rows + ([""] + ["; ".join(checks)] if checks else [])


def _tranches(run: dict, key: str) -> str:
    return " / ".join(_n(t[key], 1) for t in run["tranches"])


def _loading(summary: dict) -> list[str]:
    rows = ["| load (batched writer, batches of 20) | tranches | wall s per 1k articles | writer CPU s per 1k "
            "| Neo4j server CPU s per 1k | rows/s (wall) | last ÷ first (wall / CPU) | `load` unchanged set s "
            "| `load` 100 new s | peak RSS MB | nodes / relationships | load average |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for run in summary.get("load", []):
        first, last = run["tranches"][0], run["tranches"][-1]
        server = "—"
        if run["store"] == "neo4j":
            server = " / ".join(_n(t.get('server_cpu_seconds', 0) * 1000 / t["articles"], 1) for t in run["tranches"])
        numbers = ", ".join(map(str, run["tranche_numbers"]))
        ratio_cpu = (last["cpu_seconds"] + last.get('server_cpu_seconds', 0)) / max(
            first["cpu_seconds"] + first.get('server_cpu_seconds', 0), 1e-9)
        rows.append(
            f"| {run['store']} | {numbers} of {_n(run['tranche_size'])} | {_tranches(run, 'seconds_per_1k')} "
            f"| {_tranches(run, 'cpu_seconds_per_1k')} | {server} | {' / '.join(_n(t['rows_per_second']) for t in run['tranches'])} "
            f"| {last['seconds_per_1k'] / first['seconds_per_1k']:.2f} / {ratio_cpu:.2f} "
            f"| {run['unchanged']['seconds']} | {run['new_100']['seconds']} | {run['peak_rss_mb']} "
            f"| {_n(run['nodes'])} / {_n(run['relationships'])} | {_load(run)} |")
    bulk = summary.get("bulk") or next((run["bulk_before_last"] for run in summary.get("load", [])
                                         if "bulk_before_last" in run), None)
    if bulk:
        rows += ["", "| `load` into an empty embedded store (bulk, COPY FROM) | wall s | CPU s | rows | rows/s (wall) "
                 "| rows per CPU s | peak RSS MB | nodes / relationships | load average |",
                 "|---|---|---|---|---|---|---|---|---|",
                 f"| {_n(bulk['ingested'])} articles | {_n(bulk['seconds'], 1)} | {_n(bulk['cpu_seconds'], 1)} "
                 f"| {_n(bulk['rows'])} | {_n(bulk['rows'] / bulk['seconds'])} | {_n(bulk['rows'] / bulk['cpu_seconds'])} "
                 f"| {bulk['peak_rss_mb']} | {_n(bulk.get('nodes'))} / {_n(bulk.get('relationships'))} | {_load(bulk)} |"]
    return rows


def _ingest(summary: dict) -> list[str]:
    rows = ["| `ingest --workers N` into a fresh store | wall s | CPU s writer / workers / Neo4j server "
            "| waiting for extraction s | writing s | rows/s (writing) | wall s per 1k, by tranche "
            "| writer CPU s per 1k, by tranche | again, nothing changed s | 100 new s | peak RSS writer / worker MB "
            "| load average |", "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for run in summary.get("ingest", []):
        first = run["first"]
        rows.append(
            f"| {run['store']}, {_n(first['ingested'])} articles, {run['workers']} workers | {_n(first['seconds'], 1)} "
            f"| {_n(first['cpu_seconds'], 1)} / {_n(first['children_cpu_seconds'], 1)} / "
            f"{_n(first.get('server_cpu_seconds'), 1) if run['store'] == 'neo4j' else '—'} "
            f"| {_n(first['extract_seconds'], 1)} | {_n(first['write_seconds'], 1)} | {_n(first['rows_per_second'])} "
            f"| {_tranches(run, 'seconds_per_1k')} | {_tranches(run, 'writer_cpu_seconds_per_1k')} "
            f"| {run['unchanged']['seconds']} | {run['new_100']['seconds']} "
            f"| {first['peak_rss_mb']} / {first['children_peak_rss_mb']} | {_load(first)} |")
    return rows


def print_table(summary: dict) -> None:
    kind = "generated extraction documents (benchmarks/synthetic.py)" if summary["synthetic"] else \
        f"generated articles, {_n(summary['characters'])} characters"
    print(f"{_n(summary['articles'])} articles ({kind}) + 100 new; {summary['date']}; {summary['cpus']} CPUs; "
          f"figure comparison {'on' if summary['compare'] else 'off (NEWSGRAPH_COMPARE=0)'}\n")
    for part in (_extraction(summary), _loading(summary), _ingest(summary)):
        if len(part) > 2:
            print("\n".join(part) + "\n")
