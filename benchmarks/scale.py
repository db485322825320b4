"""Loading at scale: time per 1k articles for each tranche, into the embedded store and Neo4j.

    python benchmarks/scale.py [--articles 2000] [--tranches 4] [--stores embedded,neo4j]
                               [--documents FILE.ndjson] [--json]

Generates a corpus of distinct articles (about 950 characters each, our own template sentences
with varying companies, people, figures and dates; deterministic seed), extracts it once in
this process (one core), then writes the documents tranche by tranche (batches of 20, as
`newsgraph ingest` does) into a fresh store of each kind, each store in its own child process
(so peak RSS is per store; Neo4j's own server memory is not included). Each tranche also reports
the CPU seconds of that process (the client, and for the embedded store the database too), which
a machine shared with other work disturbs less than wall time. Also times the
nothing-changed check over the whole set (what a re-ingest of unchanged articles does), 100
new articles written into the full graph, then 100 edited ones (a new title: their facts are
replaced). --documents caches the extraction output (the
`newsgraph extract --with-text` format) so runs before and after a change load the same
documents. NEWSGRAPH_SOURCE=DIR measures another checkout of the package.
"""
from __future__ import annotations

import argparse
import concurrent.futures
import json
import multiprocessing
import os
import random
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, os.environ.get("NEWSGRAPH_SOURCE", str(ROOT)))

BATCH = 20
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


def extract_documents(articles: list[dict], folder: Path) -> tuple[list[dict], str, float]:
    from newsgraph.app import extractor_id, read_all
    from newsgraph.extract.pipeline import PipelineOptions, build_nlp, extract
    from newsgraph.extract.reader import Metadata
    from newsgraph.extract.serialize import to_document

    source = folder / "articles.ndjson"
    source.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    read, failed, _ = read_all([str(source)], Metadata())
    assert not failed, failed
    nlp = build_nlp()
    started = time.perf_counter()
    documents = [to_document(x, with_text=True) for x in extract(read, nlp)]
    return documents, extractor_id(PipelineOptions()), time.perf_counter() - started


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _open(kind: str, folder: str, uri: str | None):
    from newsgraph.graph import open_store

    if kind == "neo4j":
        return open_store(neo4j_uri=uri)
    return open_store(db_path=str(Path(folder) / "graph.db"))


def _rows_of(documents: list, extractor: str) -> int:
    """Rows the writer writes for these documents (JSON documents or Extraction records)."""
    from newsgraph.extract.serialize import from_document
    from newsgraph.graph.rows import batch_rows

    records = [from_document(d) if isinstance(d, dict) else d for d in documents]
    return sum(len(rows) for rows in batch_rows(records, extractor).values())


def load_run(kind: str, folder: str, uri: str | None, documents: list[dict], extractor: str,
             tranches: int) -> dict:
    """In a child process: tranches into an empty store, the unchanged check, 100 new articles."""
    from dataclasses import replace

    from newsgraph.extract.serialize import from_document
    from newsgraph.graph import unchanged_articles, update_article_paths, write_batch

    import newsgraph

    documents = [from_document(d) for d in documents]
    store = _open(kind, folder, uri)
    store.ensure_schema()
    main, new = documents[:-NEW_ARTICLES], documents[-NEW_ARTICLES:]
    size = -(-len(main) // tranches)
    result: dict = {"store": kind, "package": str(Path(newsgraph.__file__).parent), "articles": len(main),
                    "tranches": []}

    cpu = [0.0]

    def write(docs: list) -> float:
        keep = [x.article.id for x in docs]
        started, cpu_started = time.perf_counter(), time.process_time()
        for start in range(0, len(docs), BATCH):
            write_batch(store, docs[start:start + BATCH], extractor, keep)
        cpu[0] = time.process_time() - cpu_started
        return time.perf_counter() - started

    for start in range(0, len(main), size):
        tranche = main[start:start + size]
        seconds = write(tranche)
        rows = _rows_of(tranche, extractor)
        result["tranches"].append({
            "articles": len(tranche), "seconds": round(seconds, 2), "cpu_seconds": round(cpu[0], 2),
            "seconds_per_1k": round(seconds * 1000 / len(tranche), 2), "rows_per_second": round(rows / seconds),
        })
    fingerprints = {x.article.id: x.article.fingerprint for x in main}
    started = time.perf_counter()
    unchanged = unchanged_articles(store, fingerprints, extractor)
    update_article_paths(store, [x.article for x in main if x.article.id in unchanged])
    result["unchanged_check_seconds"] = round(time.perf_counter() - started, 2)
    result["unchanged"] = len(unchanged)
    result["new_100_seconds"] = round(write(new), 2)
    edited = [replace(x, article=replace(x.article, title=x.article.title + "（更新）")) for x in main[:100]]
    result["edited_100_seconds"] = round(write(edited), 2)
    result["nodes"] = sum(store.label_counts().values())
    result["relationships"] = sum(store.type_counts().values())
    store.close()
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return result


def _neo4j(run_dir: Path) -> tuple[str, list[str]]:
    script = ROOT / "scripts" / "neo4j-server"
    bolt, http = _free_port(), _free_port()
    started = subprocess.run([str(script), "--run-dir", str(run_dir), "start", "--fresh", "--bolt", str(bolt),
                              "--http", str(http)], capture_output=True, text=True, timeout=900)
    if started.returncode != 0:
        sys.exit(f"Neo4j did not start:\n{started.stdout}\n{started.stderr}")
    return f"bolt://127.0.0.1:{bolt}", [str(script), "--run-dir", str(run_dir), "stop"]


def _load_documents(args, folder: Path) -> tuple[list[dict], str, float | None]:
    cache = Path(args.documents) if args.documents else None
    if cache and cache.exists():
        lines = cache.read_text(encoding="utf-8").splitlines()
        header = json.loads(lines[0])
        if header.get("articles") == args.articles:
            return [json.loads(line) for line in lines[1:]], header["extractor"], None
    documents, extractor, seconds = extract_documents(generate(args.articles + NEW_ARTICLES), folder)
    if cache:
        header = json.dumps({"articles": args.articles, "extractor": extractor})
        cache.write_text("\n".join([header] + [json.dumps(d, ensure_ascii=False) for d in documents]) + "\n",
                         encoding="utf-8")
    return documents, extractor, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--tranches", type=int, default=4)
    parser.add_argument("--stores", default="embedded,neo4j")
    parser.add_argument("--documents", help="cache of the extracted documents (NDJSON)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="newsgraph-scale-"))
    try:
        documents, extractor, extract_seconds = _load_documents(args, folder)
        chars = sum(len(d["article"]["text"]) for d in documents)
        summary: dict = {"articles": args.articles, "mean_chars": round(chars / len(documents)),
                         "extract_seconds": extract_seconds and round(extract_seconds, 1),
                         "rows": _rows_of(documents[:-NEW_ARTICLES], extractor), "stores": []}
        context = multiprocessing.get_context("spawn")
        for kind in args.stores.split(","):
            uri, stop = _neo4j(folder / "neo4j") if kind == "neo4j" else (None, None)
            try:
                with concurrent.futures.ProcessPoolExecutor(1, mp_context=context) as pool:
                    summary["stores"].append(pool.submit(load_run, kind, str(folder), uri, documents, extractor,
                                                         args.tranches).result())
            finally:
                if stop:
                    subprocess.run(stop, capture_output=True, timeout=120)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return
    print(f"{args.articles} articles, {summary['mean_chars']} chars each on average, {summary['rows']} rows; "
          f"extraction {summary['extract_seconds']} s (one process; None = cached documents)")
    print(f"{'store':<9} {'tranche s/1k articles':<36} {'rows/s (last)':>13} {'unchanged s':>11} "
          f"{'100 new s':>9} {'100 edited s':>12} {'peak RSS MB':>11} {'nodes':>8} {'rels':>8}")
    for s in summary["stores"]:
        per = " ".join(f"{t['seconds_per_1k']:>7}" for t in s["tranches"])
        print(f"{s['store']:<9} {per:<36} {s['tranches'][-1]['rows_per_second']:>13} "
              f"{s['unchanged_check_seconds']:>11} {s['new_100_seconds']:>9} {s.get('edited_100_seconds', '-'):>12} "
              f"{s['peak_rss_mb']:>11} "
              f"{s['nodes']:>8} {s['relationships']:>8}")


if __name__ == "__main__":
    main()
