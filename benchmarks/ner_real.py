"""Entities on real labelled news: the full pipeline beside the NER model alone.

    python benchmarks/ner_real.py --msra /work/shared/data/msra/test.jsonl \
        --cluener /work/shared/data/cluener/dev.jsonl \
        --pd /work/shared/data/peoples_daily/pd1998.test.jsonl \
        --duee /work/shared/data/duee_fin_a/dev_a.events.jsonl [--json] [--model DIR] [--limit N] \
        [--errors /tmp/ner_errors.jsonl]

Each sentence of a span set becomes one article; `newsgraph.extract.pipeline.extract` runs over
it and every entity mention is scored at mention level (exact span and type) against the set's
labels, mapped onto ours:

- MSRA: person = Person; organization = Company ∪ Organization (MSRA does not split them).
- CLUENER: company = Company; name = Person; government+organization = Organization.
- People's Daily: PER = Person; ORG = Company ∪ Organization.

"model" columns score the NER tagger alone on the same sentences (name -> person; company and
organization -> the set's organization types). DuEE-fin (evaluation only) is scored per document
by recall: a company argument (the roles in COMPANY_ROLES) is found when a Company or
Organization mention of the document has its exact text; an executive (高管姓名) when a Person
mention has it; a 高管变动 person–title–company triple when a HOLDS_ROLE relation has that person,
a title equal to or containing the gold title (or contained in it), and an organization whose
name or an alias equals the gold company or contains it (or is contained in it).
The data stays outside the repository; pass its paths.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsgraph.extract.ner import load_tagger  # noqa: E402
from newsgraph.extract.ner.corpora import read_dataset  # noqa: E402
from newsgraph.extract.pipeline import PipelineOptions, build_nlp, extract  # noqa: E402
from newsgraph.extract.reader import article_id, normalize_text  # noqa: E402
from newsgraph.model import Article  # noqa: E402
from newsgraph.extract.serialize import to_document  # noqa: E402

# dataset -> (format, source label -> scored type), and our entity type -> scored types
SETS = {
    "msra": ("cluener", {"name": "person", "organization": "organization"},
             {"Person": "person", "Company": "organization", "Organization": "organization"},
             {"name": "person", "company": "organization", "organization": "organization",
              "government": "organization"}),
    "cluener": ("cluener", {"company": "company", "name": "name", "government": "government+organization",
                            "organization": "government+organization"},
                {"Person": "name", "Company": "company", "Organization": "government+organization"},
                {"name": "name", "company": "company", "organization": "government+organization",
                 "government": "government+organization"}),
    "pd": ("spans", {"PER": "PER", "ORG": "ORG"},
           {"Person": "PER", "Company": "ORG", "Organization": "ORG"},
           {"name": "PER", "company": "ORG", "organization": "ORG", "government": "ORG"}),
}
COMPANY_ROLES = frozenset({"中标公司", "公司名称", "收购方", "被收购方", "破产公司", "被投资方", "上市公司",
                           "回购方", "质押物所属公司", "任职公司", "股票简称"})


def _prf(tp: int, pred: int, gold: int) -> dict:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0, "gold": gold, "predicted": pred}


def _score(gold: list[set], pred: list[set]) -> dict:
    tp, n_pred, n_gold = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred, strict=True):
        for *_, t in g:
            n_gold[t] += 1
        for *_, t in p:
            n_pred[t] += 1
        for *_, t in g & p:
            tp[t] += 1
    return {t: _prf(tp[t], n_pred[t], n_gold[t]) for t in sorted(n_gold)}


def _articles(texts: list[str]) -> list[Article]:
    return [Article(id=article_id(t, None), text=t) for t in texts]


def pipeline_mentions(nlp, texts: list[str]) -> list[list[tuple[int, int, str]]]:
    out = []
    for ex in extract(_articles(texts), nlp):
        out.append([(m.start, m.end, e.type) for e in ex.entities for m in e.mentions])
    return out


def _span_errors(name: str, texts, gold, pipe, model) -> list[dict]:
    rows = []
    for text, g, p, m in zip(texts, gold, pipe, model, strict=True):
        if g != p:
            show = lambda spans: sorted((text[s:e], t) for s, e, t in spans)  # noqa: E731
            rows.append({"set": name, "text": text, "missed": show(g - p), "spurious": show(p - g),
                         "model": show(m)})
    return rows


def score_span_set(name: str, path: Path, nlp, tagger, limit: int | None, errors: list | None = None) -> dict:
    fmt, gold_map, ours_map, model_map = SETS[name]
    data = [(t, s) for t, s in read_dataset(path, fmt, gold_map) if normalize_text(t) == t]
    data = data[:limit] if limit else data
    texts = [t for t, _ in data]
    gold = [set(spans) for _, spans in data]
    t0, c0 = time.perf_counter(), time.process_time()
    found = pipeline_mentions(nlp, texts)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    pipe = [{(s, e, ours_map[t]) for s, e, t in m if t in ours_map} for m in found]
    model = [{(s, e, model_map[lab]) for s, e, lab in tagger.tag(t) if lab in model_map} for t in texts]
    if errors is not None:
        errors.extend(_span_errors(name, texts, gold, pipe, model))
    return {"data": str(path), "sentences": len(texts), "chars": sum(map(len, texts)),
            "pipeline_seconds": round(seconds, 1), "pipeline_cpu_seconds": round(cpu, 1),
            "pipeline_chars_per_cpu_second": round(sum(map(len, texts)) / cpu) if cpu else None,
            "pipeline": _score(gold, pipe), "model": _score(gold, model)}


def _title_match(pred: str, gold: str) -> bool:
    return bool(pred) and (pred == gold or pred in gold or gold in pred)


def score_duee(path: Path, nlp, limit: int | None, errors: list | None = None) -> dict:
    docs = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    docs = [d for d in docs if normalize_text(d["text"]) == d["text"]][:limit or None]
    hits = Counter()
    for d, ex in zip(docs, extract(_articles([d["text"] for d in docs]), nlp), strict=True):
        names = {t: set() for t in ("Company", "Organization", "Person", "Product")}
        aliases: dict[str, set[str]] = {}
        for e in ex.entities:
            names[e.type].update(m.text for m in e.mentions)
            aliases[e.name] = {e.name, *e.aliases}
        orgs = names["Company"] | names["Organization"]
        relations = to_document(ex).get("relations", [])
        for ev in d["events"]:
            args = {}
            for a in ev["arguments"]:
                args.setdefault(a["role"], a)
                if not a["occurrences"]:
                    continue
                if a["role"] in COMPANY_ROLES:
                    hits["company_gold"] += 1
                    hits["company_found"] += a["argument"] in orgs
                    if errors is not None and a["argument"] not in orgs:
                        errors.append({"set": "duee", "role": a["role"], "missed": a["argument"],
                                       "text": d["text"], "orgs": sorted(orgs)})
                if a["role"] == "高管姓名":
                    hits["exec_gold"] += 1
                    hits["exec_found"] += a["argument"] in names["Person"]
            if ev["event_type"] != "高管变动":
                continue
            person, title, org = (args.get(r) for r in ("高管姓名", "高管职位", "任职公司"))
            if not (person and title and org and person["occurrences"]):
                continue
            hits["triple_gold"] += 1
            hits["triple_found"] += any(
                r["subject"] == person["argument"] and _title_match(r.get("title") or "", title["argument"])
                and any(_title_match(a, org["argument"]) for a in aliases.get(r["object"], {r["object"]}))
                for r in relations)
    rec = {k: round(hits[k + "_found"] / hits[k + "_gold"], 4) if hits[k + "_gold"] else 0.0
           for k in ("company", "exec", "triple")}
    return {"data": str(path), "documents": len(docs),
            "company_argument_recall": rec["company"], "company_arguments": hits["company_gold"],
            "executive_recall": rec["exec"], "executives": hits["exec_gold"],
            "triple_recall": rec["triple"], "triples": hits["triple_gold"]}


def table(res: dict) -> str:
    lines = [f"{'set':<9}{'type':<26}{'pipeline P':>11}{'R':>7}{'F1':>7}   {'model P':>8}{'R':>7}{'F1':>7}{'gold':>7}"]
    for name in ("msra", "cluener", "pd"):
        if name not in res:
            continue
        r = res[name]
        for t, v in r["pipeline"].items():
            m = r["model"].get(t, _prf(0, 0, v["gold"]))
            lines.append(f"{name:<9}{t:<26}{v['precision']:>11.3f}{v['recall']:>7.3f}{v['f1']:>7.3f}   "
                         f"{m['precision']:>8.3f}{m['recall']:>7.3f}{m['f1']:>7.3f}{v['gold']:>7}")
    for name in ("msra", "cluener", "pd"):
        if name in res:
            lines.append(f"{name}: full pipeline {res[name]['pipeline_chars_per_cpu_second']:,} chars per CPU-second "
                         f"({res[name]['chars']:,} chars, {res[name]['pipeline_seconds']} s wall)")
    if "duee" in res:
        d = res["duee"]
        lines.append(f"duee-fin  company-argument recall {d['company_argument_recall']:.3f} "
                     f"({d['company_arguments']})  executive recall {d['executive_recall']:.3f} "
                     f"({d['executives']})  person-title-company triple recall {d['triple_recall']:.3f} "
                     f"({d['triples']})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for name in ("msra", "cluener", "pd", "duee"):
        ap.add_argument(f"--{name}", type=Path, help=f"{name} JSONL file")
    ap.add_argument("--model", type=Path, default=None, help="NER model dir (default: shipped)")
    ap.add_argument("--limit", type=int, default=None, help="first N sentences/documents of each set")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    ap.add_argument("--errors", type=Path, default=None,
                    help="write each sentence's missed and spurious spans (DuEE: missed company "
                         "arguments) to this JSONL file; keep it outside the repository")
    args = ap.parse_args(argv)
    given = [n for n in ("msra", "cluener", "pd", "duee") if getattr(args, n)]
    if not given:
        ap.error("give at least one of --msra --cluener --pd --duee")
    for n in given:
        if not getattr(args, n).is_file():
            ap.error(f"--{n} {getattr(args, n)}: no such file")
    nlp = build_nlp(PipelineOptions(ner_model=str(args.model) if args.model else None))
    tagger = load_tagger(args.model)
    res: dict = {}
    errors: list | None = [] if args.errors else None
    for n in given:
        print(f"scoring {n} …", file=sys.stderr)
        res[n] = (score_duee(getattr(args, n), nlp, args.limit, errors) if n == "duee"
                  else score_span_set(n, getattr(args, n), nlp, tagger, args.limit, errors))
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as out:
            out.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in errors)
    print(json.dumps(res, ensure_ascii=False, indent=2) if args.json else table(res))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
