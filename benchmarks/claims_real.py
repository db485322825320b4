"""Score claims (who said or reported what) on real news we annotated ourselves.

    python benchmarks/claims_real.py --data /work/shared/data [--split test|dev|all] [--json] [--errors]

benchmarks/claims_real/gold.jsonl holds references only — dataset file, line, a hash of the
line's text, the passage's character offsets and, per claim, the offsets of the speaker, cue and
content (benchmarks/claims_real/README.md gives the annotation rules). This script joins them with
the data under --data, runs the full pipeline (newsgraph.extract.pipeline) on each passage as an
article of its own, and prints precision, recall and F1 of speaker + content, and speaker accuracy.

Matching: a predicted claim matches a gold claim (one-to-one, in order) when
- the speaker agrees: the predicted speaker equals the gold speaker as written, or one contains
  the other (巨人网络 ~ 巨人网络集团股份有限公司, 媒体报道 ~ 媒体), or the gold surface is one
  of the predicted speaker entity's aliases; and
- the content overlaps the gold content by at least half of the gold content's length (the same
  threshold as benchmarks/gold.py).
Speaker accuracy: over gold claims that some predicted claim overlaps by at least half (whatever
its speaker), the share where one of those has the right speaker.
A line whose hash differs from the reference (a changed data file) is an error, not a silent miss.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsgraph.extract.pipeline import build_nlp, extract  # noqa: E402
from newsgraph.extract.reader import article_id, normalize_text  # noqa: E402
from newsgraph.model import Article  # noqa: E402

GOLD = ROOT / "benchmarks" / "claims_real" / "gold.jsonl"
MIN_OVERLAP = 0.5


def load_passages(data: Path, split: str) -> list[dict]:
    """Gold records joined with their passage text; offsets made relative to the passage."""
    lines: dict[str, list[str]] = {}
    out = []
    for n, raw in enumerate(GOLD.read_text(encoding="utf-8").splitlines(), 1):
        ref = json.loads(raw)
        if split != "all" and ref["split"] != split:
            continue
        name = ref["file"]
        if name not in lines:
            path = data / name
            if not path.is_file():
                sys.exit(f"{path}: no such file (is --data the shared data directory?)")
            lines[name] = path.read_text(encoding="utf-8").splitlines()
        text = json.loads(lines[name][ref["line"] - 1])["text"]
        if hashlib.sha1(text.encode("utf-8")).hexdigest()[:12] != ref["sha1"]:
            sys.exit(f"{GOLD.name}:{n}: {name} line {ref['line']} changed (hash mismatch)")
        ps, pe = ref["passage"]
        passage = text[ps:pe]
        if normalize_text(passage) != passage:
            sys.exit(f"{GOLD.name}:{n}: passage is not normalized text")
        claims = []
        for c in ref["claims"]:
            rel = {k: (v[0] - ps, v[1] - ps) for k, v in c.items()}
            rel["speaker_text"] = passage[slice(*rel["speaker"])]
            claims.append(rel)
        out.append({"ref": f"{name}:{ref['line']}", "text": passage, "claims": claims})
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _content_match(pred, gold: dict) -> bool:
    gs, ge = gold["content"]
    return _overlap((pred.start, pred.end), (gs, ge)) >= MIN_OVERLAP * (ge - gs)


def _speaker_match(pred, gold: dict, aliases: dict[str, set[str]]) -> bool:
    want, got = gold["speaker_text"], pred.speaker.name if pred.speaker else ""
    if not got:
        return False
    if got == want or (min(len(got), len(want)) >= 2 and (got in want or want in got)):
        return True
    return want in aliases.get(got, ())


def score(passages: list[dict], show_errors: bool = False) -> dict:
    nlp = build_nlp()
    articles = [Article(article_id(p["text"], None), p["text"]) for p in passages]
    tp = n_pred = n_gold = 0
    spk_right = spk_seen = 0
    for p, ex in zip(passages, extract(articles, nlp)):
        aliases = {e.name: set(e.aliases) | {e.name} for e in ex.entities}
        preds = list(ex.claims)
        n_pred += len(preds)
        n_gold += len(p["claims"])
        used: set[int] = set()
        for g in p["claims"]:
            overlapping = [c for c in preds if _content_match(c, g)]
            if overlapping:
                spk_seen += 1
                spk_right += any(_speaker_match(c, g, aliases) for c in overlapping)
            hit = next((i for i, c in enumerate(preds) if i not in used and _content_match(c, g)
                        and _speaker_match(c, g, aliases)), None)
            if hit is not None:
                used.add(hit)
                tp += 1
            elif show_errors:
                got = ", ".join(f"[{c.speaker and c.speaker.name}] {c.text[:20]}" for c in overlapping) or "nothing"
                print(f"MISS {p['ref']} [{g['speaker_text']}] "
                      f"{p['text'][slice(*g['content'])][:30]} <- {got}\n     {p['text']}", file=sys.stderr)
        if show_errors:
            for i, c in enumerate(preds):
                if i not in used:
                    print(f"FP   {p['ref']} [{c.speaker and c.speaker.name}] {c.cue} {c.text[:40]}\n     {p['text']}",
                          file=sys.stderr)
    prec = tp / n_pred if n_pred else 0.0
    rec = tp / n_gold if n_gold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"passages": len(passages), "claims (speaker+content)": {
        "precision": round(prec, 3), "recall": round(rec, 3), "f1": round(f1, 3),
        "tp": tp, "pred": n_pred, "gold": n_gold},
        "speaker accuracy": {"accuracy": round(spk_right / spk_seen, 3) if spk_seen else 0.0,
                             "right": spk_right, "overlapped": spk_seen}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data directory")
    parser.add_argument("--split", choices=("test", "dev", "all"), default="test")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--errors", action="store_true", help="list misses and false claims on stderr")
    args = parser.parse_args()
    result = score(load_passages(args.data, args.split), args.errors)
    result["split"] = args.split
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return
    c, s = result["claims (speaker+content)"], result["speaker accuracy"]
    print(f"real-text claims, {args.split} split: {result['passages']} passages")
    print(f"{'kind':28} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'pred':>5} {'gold':>5}")
    print(f"{'claims (speaker+content)':28} {c['precision']:6.3f} {c['recall']:6.3f} {c['f1']:6.3f} "
          f"{c['tp']:5} {c['pred']:5} {c['gold']:5}")
    print(f"{'claim speaker':28} accuracy {s['accuracy']:.3f} ({s['right']}/{s['overlapped']})")


if __name__ == "__main__":
    main()
