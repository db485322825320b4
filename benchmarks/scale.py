"""The scale benchmark: extraction on 1 and 2 cores and on a Dask local cluster, loading into both
stores in tranches, end-to-end ingest, re-ingest and 100 new articles, for N generated articles.

    python benchmarks/scale.py --articles 10000 [--stages extract,dask,load,bulk,ingest]
        [--stores neo4j,embedded] [--workers 1,2] [--ingest-workers 2] [--tranche-size 1000]
        [--first-and-last embedded] [--synthetic] [--documents CACHE.ndjson] [--out RESULT.json] [--json]
    python benchmarks/scale.py --table RESULT.json…      # print the table of saved results

The corpus: N + 100 distinct articles (about 950 characters each, our own template sentences with
varying companies, people, figures and dates; deterministic seed); the last 100 are the "new"
articles written into the full graph. Stages, each in a child process of its own (its peak RSS
and CPU seconds are its own; a worker's are reported apart) through the package's code paths
(benchmarks/scale_runs.py):

- extract: `newsgraph extract --with-text --workers W` for each W of --workers (articles/s,
  chars/s, chars per CPU second, peak RSS of the main process and of the largest worker), beside
  bare `jieba.cut` over the same text in the same run; the outputs of every W must be identical.
- dask: `newsgraph extract --scheduler` on a LocalCluster of 2 worker processes; the shards must
  hold the documents of the plain run.
- load: the documents through the batched writer (batches of 20) into a fresh store of each kind,
  tranche by tranche (wall and CPU s per 1k articles, rows/s), then `newsgraph load` of the
  unchanged set and of the 100 new documents. --first-and-last STORE writes only the first
  tranche and the last (the others bulk-loaded before it) batched in STORE.
- bulk: `newsgraph load` into an empty embedded store (COPY FROM).
- ingest: `newsgraph ingest --workers W` of the articles into a fresh store of each kind (wall and
  writer CPU per tranche), again (nothing changed), then the 100 new articles.

--documents caches the extraction output (`extract --with-text` lines) so loads need not extract
again; --synthetic uses generated extraction documents (benchmarks/synthetic.py, no NLP; load and
bulk only). CPU seconds are given beside wall seconds and the load average at each end of each
stage, since the machine may be shared; Neo4j's own server CPU and memory are not included.
NEWSGRAPH_SOURCE=DIR measures another checkout of the package.
"""
from __future__ import annotations

import argparse
import concurrent.futures
import json
import multiprocessing
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import scale_runs
from fresh_neo4j import start_neo4j
from scale_table import print_table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, os.environ.get("NEWSGRAPH_SOURCE", str(ROOT)))

NEW_ARTICLES = 100

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力春梅林斌宇浩凯鹏飞俊峰晨亮志新海波云龙"
STEMS = "华中远星海天恒瑞安达鑫泰宏兴盛德鸿创博嘉联信通智源新科丰明景润和永金银佳康"
TRADES = ("科技", "电子", "汽车", "医药", "能源", "材料", "软件", "物流", "食品", "半导体", "通信", "银行")
SUFFIXES = ("股份有限公司", "集团", "有限公司")
SOURCES = ("经济观察报", "财经日报", "证券时报网", "第一财经", "新京报")
FIELDS = ("人工智能", "新能源", "芯片设计", "智能制造", "云计算", "生物医药", "自动驾驶", "储能")
MEASURES = ("营业收入", "净利润", "研发投入", "出货量", "毛利率")
TITLES = ("董事长", "总经理", "首席执行官", "财务总监", "副总裁")


def _names(rng: random.Random, count: int, make) -> list[str]:
    seen: dict[str, None] = {}
    while len(seen) < count:
        seen.setdefault(make(rng), None)
    return list(seen)


def _company(rng: random.Random) -> str:
    return rng.choice(STEMS) + rng.choice(STEMS) + rng.choice(TRADES)


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _sentences(rng: random.Random, company: str, full: str, person: str, title: str, other: str,
               year: int) -> list[str]:
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    revenue, profit = rng.randint(12, 980), rng.randint(1, 90)
    up, down = rng.randint(1, 60) + rng.randint(0, 9) / 10, rng.randint(1, 30) + rng.randint(0, 9) / 10
    field, measure = rng.choice(FIELDS), rng.choice(MEASURES)
    return [
        f"{full}于{year}年{month}月{day}日发布{year - 1}年度报告。",
        f"报告显示，{company}{year - 1}年实现营业收入{revenue}亿元，同比增长{up}%。",
        f"同期净利润为{profit}.{rng.randint(1, 9)}亿元，较上年下降{down}%。",
        f"{company}{title}{person}表示：“公司将继续加大在{field}领域的投入，预计{year}年{measure}保持增长。”",
        f"据{rng.choice(SOURCES)}报道，{company}{year}年第{rng.randint(1, 4)}季度出货量达到{rng.randint(2, 95)}万台。",
        f"{person}在接受采访时说，{field}业务的订单已经排到{year}年{rng.randint(6, 12)}月。",
        f"分析人士认为，{company}与{other}在{field}市场的竞争将更加激烈。",
        f"{other}此前公布的数据显示，其{year - 1}年研发投入为{rng.randint(3, 60)}亿元，占营收的{rng.randint(5, 25)}%。",
        f"截至{year}年{month}月底，{company}员工总数约为{rng.randint(2, 60)}千人，比去年同期增加{rng.randint(1, 20)}%。",
        f"{company}计划在未来{rng.randint(2, 5)}年内投资{rng.randint(5, 200)}亿元建设新的{field}生产基地。",
        f"公司股价{month}月{day}日收于{rng.randint(8, 160)}.{rng.randint(10, 99)}元，当日上涨{rng.randint(1, 9)}.{rng.randint(1, 9)}%。",
        f"{title}{person}还透露，{company}将于{year}年{rng.randint(1, 12)}月推出面向海外市场的新产品。",
        f"业内人士指出，{field}行业{year}年的市场规模有望突破{rng.randint(100, 9000)}亿元。",
    ]


def generate(count: int, seed: int = 17) -> list[dict]:
    """``count`` distinct articles as NDJSON objects; a few companies are frequent, most are rare."""
    rng = random.Random(seed)
    companies = _names(rng, 400, _company)
    people = _names(rng, 1500, _person)
    weights = [1 / (rank + 1) for rank in range(len(companies))]
    articles = []
    for number in range(count):
        company, other = rng.choices(companies, weights, k=2)
        other = other if other != company else companies[(companies.index(company) + 1) % len(companies)]
        full = company + rng.choice(SUFFIXES)
        year = rng.randint(2019, 2025)
        body = _sentences(rng, company, full, rng.choice(people), rng.choice(TITLES), other, year)
        tail = body[4:]
        rng.shuffle(tail)
        text = "".join(body[:4] + tail)
        while len(text) < 900:
            text += _sentences(rng, company, full, rng.choice(people), rng.choice(TITLES), other, year)[
                rng.randint(4, 12)]
        articles.append({
            "title": f"{company}发布{year - 1}年度业绩（第{number}篇）", "text": text,
            "published": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "source": rng.choice(SOURCES), "url": f"https://news.example.org/scale/{seed}/{number}",
        })
    return articles


def _child(function, *args):
    """Run one measurement in a fresh (spawned) process and return its result."""
    with concurrent.futures.ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(function, *args).result()


def _in_store(kind: str, folder: Path, function, *args):
    """Run a measurement against a fresh store of ``kind`` (a Neo4j server started for it)."""
    run = Path(tempfile.mkdtemp(prefix=f"{kind}-", dir=folder))
    uri, pid, stop = start_neo4j(run / "neo4j") if kind == "neo4j" else (None, None, None)
    if stop:
        os.environ["SCALE_SERVER_PID"] = str(pid)
    try:
        return _child(function, kind, str(run), uri, *args)
    finally:
        os.environ.pop("SCALE_SERVER_PID", None)
        if stop:
            subprocess.run(stop, capture_output=True, timeout=120)
        shutil.rmtree(run, ignore_errors=True)


def _write_lines(path: Path, lines: list[str]) -> str:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return str(path)


def _synthetic_lines(count: int) -> list[str]:
    import synthetic

    return [json.dumps({**d, "extractor": synthetic.EXTRACTOR}, ensure_ascii=False)
            for d in synthetic.documents(count)]


def _extract_stage(args, folder: Path, articles: str, summary: dict) -> list[str] | None:
    """Extraction with each number of workers and bare jieba; returns the documents' lines."""
    outputs = []
    for workers in args.workers:
        out = folder / f"extract-{workers}.ndjson"
        summary["extract"].append(_child(scale_runs.extract_run, articles, str(out), workers))
        outputs.append(out.read_text(encoding="utf-8"))
        _save(args, summary)
    summary["jieba"] = _child(scale_runs.jieba_run, articles)
    summary["extract_outputs_identical"] = len(set(outputs)) == 1
    return outputs[0].splitlines()


def _dask_stage(args, folder: Path, articles: str, lines: list[str], summary: dict) -> None:
    shards = folder / "shards"
    summary["dask"] = _child(scale_runs.dask_run, articles, str(shards))
    got = [line for shard in sorted(shards.glob("part-*.ndjson"))
           for line in shard.read_text(encoding="utf-8").splitlines()]
    summary["dask"]["same_documents_as_plain"] = got == lines
    shutil.rmtree(shards, ignore_errors=True)


def _documents(args, folder: Path, articles: str, summary: dict) -> list[str]:
    """The extraction documents of the N + 100 articles: generated, cached, or extracted now."""
    if args.synthetic:
        return _synthetic_lines(args.articles + NEW_ARTICLES)
    cache = Path(args.documents) if args.documents else None
    lines = None
    if "extract" in args.stages:
        lines = _extract_stage(args, folder, articles, summary)
    elif cache and cache.exists():
        lines = cache.read_text(encoding="utf-8").splitlines()
        lines = lines if len(lines) == args.articles + NEW_ARTICLES else None
    if lines is None:
        out = folder / "extract.ndjson"
        _child(scale_runs.extract_run, articles, str(out), max(args.workers))
        lines = out.read_text(encoding="utf-8").splitlines()
    if cache:
        _write_lines(cache, lines)
    return lines


def _save(args, summary: dict) -> None:
    if args.out:
        Path(args.out).write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")


def run(args) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="newsgraph-scale-"))
    summary: dict = {"articles": args.articles, "synthetic": args.synthetic, "date": time.strftime(
        "%Y-%m-%d %H:%M UTC", time.gmtime()), "cpus": os.cpu_count(), "compare": os.environ.get(
        "NEWSGRAPH_COMPARE", "1") != "0", "extract": [], "load": [], "ingest": []}
    try:
        generated = [json.dumps(a, ensure_ascii=False) for a in generate(args.articles + NEW_ARTICLES)]
        articles = _write_lines(folder / "articles.ndjson", generated)
        main_articles = _write_lines(folder / "main-articles.ndjson", generated[:-NEW_ARTICLES])
        new_articles = _write_lines(folder / "new-articles.ndjson", generated[-NEW_ARTICLES:])
        summary["characters"] = sum(len(json.loads(line)["text"]) for line in generated[:-NEW_ARTICLES])
        lines = _documents(args, folder, articles, summary)
        main = _write_lines(folder / "main.ndjson", lines[:-NEW_ARTICLES])
        new = _write_lines(folder / "new.ndjson", lines[-NEW_ARTICLES:])
        if "dask" in args.stages and not args.synthetic:
            _dask_stage(args, folder, articles, lines, summary)
            _save(args, summary)
        for kind in args.stores:
            if "load" in args.stages:
                summary["load"].append(_in_store(kind, folder, scale_runs.load_run, main, new, args.tranche_size,
                                                 kind in args.first_and_last))
                _save(args, summary)
            if "bulk" in args.stages and kind == "embedded":
                summary["bulk"] = _child(scale_runs.bulk_run, str(folder / "bulk"), main)
                _save(args, summary)
            if "ingest" in args.stages and not args.synthetic:
                summary["ingest"].append(_in_store(kind, folder, scale_runs.ingest_run, main_articles, new_articles,
                                                   args.ingest_workers, args.tranche_size))
                _save(args, summary)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return summary


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--stages", default="extract,dask,load,bulk,ingest")
    parser.add_argument("--stores", default="neo4j,embedded")
    parser.add_argument("--workers", default="1,2", help="extraction runs: numbers of worker processes")
    parser.add_argument("--ingest-workers", type=int, default=2)
    parser.add_argument("--tranche-size", type=int, default=1000)
    parser.add_argument("--first-and-last", default="", help="stores whose load writes only the first and last "
                        "tranche batched (the others bulk-loaded)")
    parser.add_argument("--synthetic", action="store_true", help="generated extraction documents, no NLP")
    parser.add_argument("--documents", help="cache of the extraction documents (NDJSON)")
    parser.add_argument("--out", help="write the results (JSON) here after each stage")
    parser.add_argument("--table", nargs="+", help="print the table of these saved results and exit")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    args.stages = args.stages.split(",")
    args.stores = [s for s in args.stores.split(",") if s]
    args.workers = [int(w) for w in args.workers.split(",")]
    args.first_and_last = args.first_and_last.split(",")
    return args


def main() -> None:
    args = _arguments()
    if args.table:
        for path in args.table:
            print_table(json.loads(Path(path).read_text(encoding="utf-8")))
        return
    summary = run(args)
    _save(args, summary)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print_table(summary)


if __name__ == "__main__":
    main()
