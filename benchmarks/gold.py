"""Score `newsgraph extract` against the hand-annotated gold set in corpora/gold/.

    python benchmarks/gold.py [--gold corpora/gold] [--json] [--no-ner]

Prints precision, recall and F1 per kind, micro-averaged over the gold articles, as a table
(and as JSON with --json). Matching rules:

- companies / people: per article, the set of canonical names of that type (entity level);
  a predicted name counts when the gold article has the same (type, name). Mention level is
  reported too: a predicted mention matches a gold mention with the same span and type.
- figures (value+unit): a predicted figure matches a gold figure whose span overlaps it and whose
  value (relative tolerance 1e-6) and unit are equal; one-to-one.
- attribution: over gold figures matched on value+unit, the share whose measure AND subject are
  both equal to gold, and whose period is equal ("period"). A null on both sides is equal.
  Gold measure names are free text written by hand, so measures are scored three ways:
  "measure+subject, as written": the names equal after removing spaces (the strict score, kept
  so the others can be read against it);
  "measure+subject, canonical": both names (gold AND prediction alike) first mapped by the shared
  vocabulary, ``canonical_measure`` (data/measures.tsv; 营业收入 = 营收, X数量 = X数) — the
  same normalization two articles' figures go through before they compare equal;
  "measure+subject, lenient": on the canonical names, after removing 业务/营业/实现/总 the two
  measures are equal or one contains the other (液态奶业务收入 ~ 液态奶收入, 净亏损 ~ 亏损).
  Subject alone is reported as "figure subject".
- dates: a predicted date matches a gold date whose span overlaps it and whose interval is equal
  (vague dates: both intervals null). Reported overall and split by the gold date's kind:
  absolute (names a year), anaphoric (当年, 同期, 这一年 …), vague (no value), relative (the rest).
- claims: a predicted claim matches a gold claim with the same speaker whose content overlaps
  it by at least half the gold content's length. Speaker accuracy: over gold claims overlapped
  by a predicted claim by at least half (whatever the speaker), the share with the right speaker.
- wrong merges: a predicted Company whose mentions fall on gold mentions of two or more
  different gold companies, within an article; across articles, two gold companies that get
  the same predicted canonical name.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsgraph.app import read_all  # noqa: E402
from newsgraph.extract.pipeline import PipelineOptions, build_nlp, extract  # noqa: E402
from newsgraph.extract.reader import Metadata  # noqa: E402
from newsgraph.extract.rules.measures import canonical_measure  # noqa: E402
from newsgraph.extract.serialize import to_document  # noqa: E402

ANAPHORIC = re.compile(r"当年|同期|这一年|同年|当月|当季|此前|该年")
YEAR = re.compile(r"\d{4}|[〇一二三四五六七八九零]{4}年")


class Score:
    def __init__(self):
        self.tp = self.pred = self.gold = 0

    def add(self, tp: int, pred: int, gold: int) -> None:
        self.tp += tp
        self.pred += pred
        self.gold += gold

    def as_dict(self) -> dict:
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "tp": self.tp, "predicted": self.pred, "gold": self.gold}


class Accuracy:
    def __init__(self):
        self.right = self.total = 0

    def add(self, right: bool) -> None:
        self.right += int(right)
        self.total += 1

    def as_dict(self) -> dict:
        return {"accuracy": round(self.right / self.total, 4) if self.total else 0.0,
                "right": self.right, "of": self.total}


def overlap(a: dict, b: dict) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def same_value(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))


def norm(value):
    return re.sub(r"\s+", "", value) if isinstance(value, str) else value


def lenient_measure(predicted, gold) -> bool:
    if predicted is None or gold is None:
        return predicted is gold
    a, b = (re.sub(r"业务|营业|实现|总|\s", "", m) for m in (predicted, gold))
    return bool(a and b) and (a == b or a in b or b in a)


def one_to_one(predicted: list[dict], gold: list[dict], matches) -> list[tuple[dict, dict]]:
    pairs, used = [], set()
    for p in predicted:
        for i, g in enumerate(gold):
            if i not in used and matches(p, g):
                used.add(i)
                pairs.append((p, g))
                break
    return pairs


def date_kind(gold: dict) -> str:
    if gold.get("value") is None:
        return "vague"
    if ANAPHORIC.search(gold["text"]):
        return "anaphoric"
    if YEAR.search(gold["text"]):
        return "absolute"
    return "relative"


def score(gold_dir: Path, options: PipelineOptions) -> dict:
    gold_files = sorted(gold_dir.glob("*.json"))
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in gold_files]
    nlp = build_nlp(options)
    articles, predicted = [], {}
    for gold in golds:
        found, failed, _ = read_all([str(ROOT / gold["article"]["path"])], Metadata())
        if failed or len(found) != 1:
            raise SystemExit(f"cannot read the gold article {gold['article']['path']}: {failed}")
        articles.append(found[0])
    started = time.perf_counter()
    for gold, article in zip(golds, articles):
        predicted[gold["article"]["path"]] = to_document(next(extract([article], nlp)))
    seconds = time.perf_counter() - started
    chars = sum(len(a.text) for a in articles)

    scores = defaultdict(Score)
    accuracy = defaultdict(Accuracy)
    merges: list[str] = []
    names_across: dict[str, set[str]] = defaultdict(set)
    misses: dict[str, list] = defaultdict(list)

    for gold in golds:
        path = gold["article"]["path"]
        pred = predicted[path]
        for kind in ("Company", "Person"):
            gold_names = {e["name"] for e in gold["entities"] if e["type"] == kind}
            pred_names = {e["name"] for e in pred["entities"] if e["type"] == kind}
            scores[f"{kind.lower()} (entities)"].add(len(gold_names & pred_names), len(pred_names), len(gold_names))
            misses[f"{kind} missed"] += [f"{path}: {n}" for n in sorted(gold_names - pred_names)]
            misses[f"{kind} spurious"] += [f"{path}: {n}" for n in sorted(pred_names - gold_names)]
            gold_spans = {(m["start"], m["end"]) for e in gold["entities"] if e["type"] == kind for m in e["mentions"]}
            pred_spans = {(m["start"], m["end"]) for e in pred["entities"] if e["type"] == kind for m in e["mentions"]}
            scores[f"{kind.lower()} (mentions)"].add(len(gold_spans & pred_spans), len(pred_spans), len(gold_spans))

        gold_company_at = {(m["start"], m["end"]): e["name"] for e in gold["entities"]
                           if e["type"] == "Company" for m in e["mentions"]}
        for entity in pred["entities"]:
            if entity["type"] != "Company":
                continue
            golds_hit = {gold_company_at[(m["start"], m["end"])] for m in entity["mentions"]
                         if (m["start"], m["end"]) in gold_company_at}
            if len(golds_hit) > 1:
                merges.append(f"{path}: {entity['name']} = {' + '.join(sorted(golds_hit))}")
            for name in golds_hit:
                names_across[entity["name"]].add(name)

        figure_pairs = one_to_one(
            pred["figures"], gold["figures"],
            lambda p, g: overlap(p, g) > 0 and same_value(p["value"], g["value"]) and p["unit"] == g["unit"])
        scores["figures (value+unit)"].add(len(figure_pairs), len(pred["figures"]), len(gold["figures"]))
        matched_gold = {id(g) for _, g in figure_pairs}
        misses["figures missed"] += [f"{path}: {g['text']} {g['value']} {g['unit']}" for g in gold["figures"]
                                     if id(g) not in matched_gold]
        for p, g in figure_pairs:
            same_subject = p.get("subject") == g.get("subject")
            pm, gm = canonical_measure(p.get("measure")), canonical_measure(g.get("measure"))
            accuracy["figure measure+subject, as written"].add(
                norm(p.get("measure")) == norm(g.get("measure")) and same_subject)
            right = pm == gm and same_subject
            accuracy["figure measure+subject, canonical"].add(right)
            accuracy["figure measure+subject, lenient"].add(lenient_measure(pm, gm) and same_subject)
            accuracy["figure subject"].add(p.get("subject") == g.get("subject"))
            accuracy["figure period"].add(p.get("period") == g.get("period"))
            if p.get("period") != g.get("period"):
                misses["period wrong"].append(f"{path}: {g['text']} gold={g.get('period')} got={p.get('period')}")
            if not right:
                misses["attribution wrong"].append(
                    f"{path}: {g['text']} gold=({g.get('measure')}, {g.get('subject')}) "
                    f"got=({p.get('measure')}, {p.get('subject')})")

        def date_match(p, g):
            return overlap(p, g) > 0 and (p.get("interval") or None) == (g.get("interval") or None)

        date_pairs = one_to_one(pred["dates"], gold["dates"], date_match)
        scores["dates (interval)"].add(len(date_pairs), len(pred["dates"]), len(gold["dates"]))
        for kind in ("absolute", "relative", "anaphoric", "vague"):
            gold_k = [g for g in gold["dates"] if date_kind(g) == kind]
            hit = sum(1 for _, g in date_pairs if date_kind(g) == kind)
            # predictions are attributed to the kind of the gold date they overlap
            pred_k = sum(1 for p in pred["dates"]
                         if any(overlap(p, g) for g in gold_k) or
                         (kind == "absolute" and not any(overlap(p, g) for g in gold["dates"])))
            scores[f"dates: {kind}"].add(hit, pred_k, len(gold_k))
        matched_dates = {id(g) for _, g in date_pairs}
        misses["dates missed"] += [f"{path}: {g['text']} {g.get('interval')}" for g in gold["dates"]
                                   if id(g) not in matched_dates]

        def claim_match(p, g):
            return p.get("speaker") == g.get("speaker") and overlap(p, g) * 2 >= (g["end"] - g["start"])

        claim_pairs = one_to_one(pred["claims"], gold["claims"], claim_match)
        scores["claims (speaker+content)"].add(len(claim_pairs), len(pred["claims"]), len(gold["claims"]))
        for g in gold["claims"]:
            overlapping = [p for p in pred["claims"] if overlap(p, g) * 2 >= (g["end"] - g["start"])]
            if overlapping:
                accuracy["claim speaker"].add(any(p.get("speaker") == g.get("speaker") for p in overlapping))
        matched_claims = {id(g) for _, g in claim_pairs}
        misses["claims missed"] += [f"{path}: [{g.get('speaker')}] {g['text'][:30]}" for g in gold["claims"]
                                    if id(g) not in matched_claims]

    for predicted_name, gold_names in sorted(names_across.items()):
        if len(gold_names) > 1:
            merges.append(f"across articles: {predicted_name} = {' + '.join(sorted(gold_names))}")

    return {
        "articles": len(golds),
        "characters": chars,
        "seconds": round(seconds, 3),
        "chars_per_second": round(chars / seconds) if seconds else None,
        "scores": {k: v.as_dict() for k, v in scores.items()},
        "accuracy": {k: v.as_dict() for k, v in accuracy.items()},
        "wrong_merges": merges,
        "misses": {k: v for k, v in misses.items() if v},
    }


def print_table(result: dict, show_misses: bool) -> None:
    print(f"gold articles: {result['articles']}  characters: {result['characters']}  "
          f"extraction: {result['seconds']} s ({result['chars_per_second']} chars/s)")
    print(f"{'kind':<28} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'pred':>5} {'gold':>5}")
    for kind, s in result["scores"].items():
        print(f"{kind:<28} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f} "
              f"{s['tp']:>5} {s['predicted']:>5} {s['gold']:>5}")
    for kind, a in result["accuracy"].items():
        print(f"{kind:<34} accuracy {a['accuracy']:.3f} ({a['right']}/{a['of']})")
    print(f"wrong merges: {len(result['wrong_merges'])}")
    for line in result["wrong_merges"]:
        print(f"  {line}")
    if show_misses:
        for kind, lines in result["misses"].items():
            print(f"\n{kind} ({len(lines)}):")
            for line in lines:
                print(f"  {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", default=str(ROOT / "corpora" / "gold"))
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--misses", action="store_true", help="list what was missed or wrong")
    parser.add_argument("--no-ner", action="store_true", help="rules and gazetteer only")
    args = parser.parse_args()
    result = score(Path(args.gold), PipelineOptions(use_ner=not args.no_ner))
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print_table(result, args.misses)


if __name__ == "__main__":
    main()
