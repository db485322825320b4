"""Cross-article comparisons: quality against the gold comparisons, and the cost at load time.

    python benchmarks/conflicts.py [--gold corpora/comparisons.json] [--sizes 1000,2000] [--json]

Quality: the gold's articles are extracted and written one per batch (each compared with what is
already stored) into a fresh embedded store; the per-figure view of the comparisons (through Values) between them
are matched with the gold (a figure is its article and character span; an edge matches a gold
comparison of the same relation with the same two figures, in either order). Gold pairs marked
NONE must get no edge: an edge on one of them counts against precision like any edge not in gold.

Cost: a generated corpus of N extraction documents (no NLP: only the write is timed) is written
in batches of 20, as `newsgraph ingest` does, twice into fresh embedded stores: with the
comparison and without it (the writer's comparison steps replaced by no-ops). CPU time of this
process is reported next to wall time, because on a shared machine wall time mostly measures the
neighbours; the CPU spent in the comparison steps is also given for the first and the last tenth
of the batches. Flat milliseconds per article, across sizes and from the first tenth to the last,
is what linear cost looks like. Its quantities get about 4 figures each; the worst case, a few
quantities with thousands of distinct values, is benchmarks/compare_cost.py.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsgraph.app import read_all  # noqa: E402
from newsgraph.extract.pipeline import build_nlp, extract  # noqa: E402
from newsgraph.extract.reader import Metadata  # noqa: E402
from newsgraph.extract.serialize import from_document  # noqa: E402
from newsgraph.graph import write_batch, writer  # noqa: E402
from newsgraph.graph.compare_report import figure_level  # noqa: E402
from newsgraph.graph.embedded_store import EmbeddedStore  # noqa: E402
from benchmarks.synthetic import figure_document  # noqa: E402

RELATIONS = ("AGREES_WITH", "DISAGREES_WITH")
SPANS = "MATCH (f:Figure) RETURN f.id, f.article_id, f.start_char, f.end_char"


# --- quality -----------------------------------------------------------------------------------


def _span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def gold_pairs(gold: dict, texts: dict[str, str]) -> dict[str, set]:
    """relation -> {frozenset of two (path, start, end)}; figures named (article prefix, text[, nth])."""
    by_prefix = {Path(path).name[:3]: path for path in texts}
    pairs: dict[str, set] = {}
    for item in gold["comparisons"]:
        ends = []
        for prefix, text, *nth in (item["a"], item["b"]):
            path = by_prefix[prefix]
            ends.append((path, *_span(texts[path], text, nth[0] if nth else 0)))
        pairs.setdefault(item["relation"], set()).add(frozenset(ends))
    return pairs


def found_pairs(store, paths: dict[str, str]) -> dict[str, set]:
    """The per-figure view the graph gives (figures of one Value agree; figures of Values joined by
    AGREES_WITH / DISAGREES_WITH agree / disagree; see compare_report.figure_level)."""
    _, rows = store.read(SPANS)
    span = {id_: (paths[article], start, end) for id_, article, start, end in rows if article in paths}
    found: dict[str, set] = {rel: set() for rel in RELATIONS}
    for comparisons in figure_level(store).values():
        for c in comparisons:
            if c.source in span and c.target in span:
                found[RELATIONS[0] if c.agrees else RELATIONS[1]].add(frozenset({span[c.source], span[c.target]}))
    return found


def score(expected: set, found: set) -> dict:
    hits = len(expected & found)
    return {"gold": len(expected), "found": len(found), "correct": hits,
            "precision": round(hits / len(found), 3) if found else None,
            "recall": round(hits / len(expected), 3) if expected else None}


def quality(gold_path: Path, folder: Path) -> dict:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    articles, failed, _ = read_all([str(ROOT / p) for p in gold["articles"]], Metadata())
    assert not failed, failed
    nlp = build_nlp()
    store = EmbeddedStore(folder / "quality.db")
    store.ensure_schema()
    paths, texts = {}, {}
    for article, extraction in zip(articles, extract(articles, nlp)):
        path = str(Path(article.path).relative_to(ROOT)) if Path(article.path).is_absolute() else article.path
        paths[article.id], texts[path] = path, article.text
        write_batch(store, [extraction], "benchmark")
    expected, found = gold_pairs(gold, texts), found_pairs(store, paths)
    store.close()
    result = {rel: score(expected.get(rel, set()), found[rel]) for rel in RELATIONS}
    wrong = expected.get("NONE", set()) & (found["AGREES_WITH"] | found["DISAGREES_WITH"])
    result["must_not_compare"] = {"gold": len(expected.get("NONE", set())), "compared": len(wrong)}
    result["errors"] = sorted(
        [rel, "extra" if pair in found[rel] else "missed", sorted(pair)]
        for rel in RELATIONS for pair in expected.get(rel, set()) ^ found[rel])
    return result


# --- cost --------------------------------------------------------------------------------------

MEASURES = (("营收", 1000), ("净利润", 100), ("研发投入", 50), ("毛利率", 30))
YI = 100_000_000


def generated_documents(n: int, seed: int = 7) -> list[dict]:
    """n articles, each about one of n/4 companies: 8 figures (4 measures x 2 years), most of them
    the company's true value, some a misreport. A quantity gets about 4 figures at any size."""
    rng = random.Random(seed)
    companies = max(n // 4, 1)
    truth = {(c, m, y): round(rng.uniform(0.2, 1.0) * scale, 1)
             for c in range(companies) for m, scale in MEASURES for y in (2023, 2024)}
    docs = []
    for i in range(n):
        company = f"测试{i % companies:05d}科技"
        figures = []
        for m, _ in MEASURES:
            for year in (2023, 2024):
                value = truth[(i % companies, m, year)] * (1.1 if rng.random() < 0.1 else 1.0)
                written, unit = (f"{value:.1f}%", "%") if m == "毛利率" else (f"{value:.1f}亿元", "CNY")
                figures.append((written, {"year": year, "measure": m, "unit": unit,
                                          "value": value if unit == "%" else round(value * YI)}))
        docs.append(figure_document(f"g{i}", i, company, figures))
    return docs


def _no_comparison(*_args, **_kwargs) -> None:
    return None


class _Timed:
    """Wraps a writer step and adds up the CPU seconds spent in it."""

    def __init__(self, function):
        self.function, self.seconds = function, 0.0

    def __call__(self, *args, **kwargs):
        started = time.process_time()
        try:
            return self.function(*args, **kwargs)
        finally:
            self.seconds += time.process_time() - started


def load_time(docs: list, folder: Path, compare: bool, batch: int = 20) -> dict:
    """CPU and wall seconds to write ``docs``; with ``compare``, also the CPU seconds spent in the
    comparison step in the first and the last tenth of the batches (flat when the cost is linear)."""
    saved = writer.write_quantities, writer.refresh_comparisons
    steps = [_Timed(saved[0]), _Timed(saved[1])] if compare else [_no_comparison, _no_comparison]
    writer.write_quantities, writer.refresh_comparisons = steps
    batches = [docs[start:start + batch] for start in range(0, len(docs), batch)]
    tenth = max(len(batches) // 10, 1)
    compare_cpu = []
    try:
        store = EmbeddedStore(folder / f"cost-{len(docs)}-{compare}.db")
        store.ensure_schema()
        wall, cpu = time.perf_counter(), time.process_time()
        for number, part in enumerate(batches):
            before = sum(getattr(step, "seconds", 0.0) for step in steps)
            write_batch(store, part, "benchmark")
            compare_cpu.append(sum(getattr(step, "seconds", 0.0) for step in steps) - before)
        result = {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu,
                  "compare_cpu": sum(compare_cpu),
                  "compare_first_tenth": sum(compare_cpu[:tenth]) / sum(map(len, batches[:tenth])),
                  "compare_last_tenth": sum(compare_cpu[-tenth:]) / sum(map(len, batches[-tenth:]))}
        store.close()
    finally:
        writer.write_quantities, writer.refresh_comparisons = saved
    return result


def cost(sizes: list[int], folder: Path) -> list[dict]:
    rows = []
    for n in sizes:
        docs = [from_document(d) for d in generated_documents(n)]
        without = load_time(docs, folder, compare=False)
        with_ = load_time(docs, folder, compare=True)
        ms = lambda seconds: round(1000 * seconds / n, 1)  # noqa: E731
        rows.append({
            "articles": n, "wall_seconds_without": round(without["wall"], 1), "wall_seconds_with": round(with_["wall"], 1),
            "cpu_ms_per_article_without": ms(without["cpu"]), "cpu_ms_per_article_with": ms(with_["cpu"]),
            "comparison_cpu_ms_per_article": ms(with_["compare_cpu"]),
            "comparison_cpu_ms_first_tenth": round(1000 * with_["compare_first_tenth"], 1),
            "comparison_cpu_ms_last_tenth": round(1000 * with_["compare_last_tenth"], 1),
        })
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "corpora" / "comparisons.json")
    parser.add_argument("--sizes", default="1000,2000", help="generated corpus sizes, comma-separated; '' skips")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        result = {"quality": quality(args.gold, Path(tmp)), "cost": cost(sizes, Path(tmp))}
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return
    print("relation        gold  found  correct  precision  recall")
    for rel in RELATIONS:
        q = result["quality"][rel]
        print(f"{rel:<15} {q['gold']:>4}  {q['found']:>5}  {q['correct']:>7}  {q['precision']!s:>9}  {q['recall']!s:>6}")
    none = result["quality"]["must_not_compare"]
    print(f"must not be compared: {none['gold']} gold pairs, {none['compared']} compared anyway")
    for rel, kind, pair in result["quality"]["errors"]:
        print(f"  {kind:<6} {rel:<15} {' / '.join(f'{Path(p).name[:3]}:{s}-{e}' for p, s, e in pair)}")
    if result["cost"]:
        print("\narticles  wall s without / with  CPU ms/article without / with  comparison CPU ms/article"
              " (all, first tenth, last tenth)")
        for row in result["cost"]:
            print(f"{row['articles']:>8}  {row['wall_seconds_without']:>8} / {row['wall_seconds_with']:<8}"
                  f"  {row['cpu_ms_per_article_without']:>13} / {row['cpu_ms_per_article_with']:<13}"
                  f"  {row['comparison_cpu_ms_per_article']:>6}, {row['comparison_cpu_ms_first_tenth']:>6},"
                  f" {row['comparison_cpu_ms_last_tenth']:>6}")


if __name__ == "__main__":
    main()
