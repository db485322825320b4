"""A richer-feature trial for the CRF: our known companies (data/companies.tsv, names and aliases)
as a known-entity gazetteer feature, on a CLUENER-only CRF, scored alone beside the same training
without it.

    python benchmarks/ner_feature_trial.py --data-root /work/shared/data --out /tmp/ner-gaz \
        --baseline /tmp/ner-cluener --cluener /work/shared/data/cluener/dev.jsonl \
        [--msra /work/shared/data/msra/test.jsonl] [--skip-training]

The baseline is `newsgraph train-ner --data-root ROOT --manifest M --out DIR` with a manifest that
keeps only `cluener/train.jsonl` of the shipped training.json; this script trains the same data
with the same parameters, adding the gazetteer's B/I/E features (newsgraph.extract.ner.features,
the `gazetteer` of meta.json, so `load_tagger` uses it when tagging). Scoring is ner_real.py's
(mention level, exact span and type), the CRF alone. Nothing is written into the repository.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from ner_models import crf_as_ours  # noqa: E402
from ner_real import SETS, _score  # noqa: E402

from newsgraph.extract.ner import load_tagger  # noqa: E402
from newsgraph.extract.ner.corpora import LABELS, load_manifest, read_dataset, read_manifest_sentences  # noqa: E402
from newsgraph.extract.ner.features import FEATURE_VERSION, build_known_entities, char_features, load_lexicon  # noqa: E402
from newsgraph.extract.ner.train import _make_trainer, spans_to_tags  # noqa: E402
from newsgraph.extract.reader import normalize_text  # noqa: E402
from newsgraph.extract.rules.vocab import rows  # noqa: E402

PARAMS = {"max_iterations": 100, "c1": 0.1, "c2": 0.01, "min_freq": 2, "scheme": "BIOES",
          "lexicon_min_freq": 1, "gazetteer_folds": 0}  # the shipped model's (train_from_manifest)


def known_company_pairs() -> list[tuple[str, str]]:
    """(surface, CLUENER label) for every name and alias of data/companies.tsv."""
    pairs = []
    for row in rows("companies.tsv"):
        if row[0] == "canonical":
            continue
        label = "company" if row[1] == "Company" else "organization"
        aliases = row[2].split("|") if len(row) > 2 and row[2] else []
        pairs.extend((name, label) for name in (row[0], *aliases))
    return pairs


def train_with_gazetteer(data_root: Path, out: Path) -> float:
    """Train the CLUENER-only CRF with the gazetteer feature into `out`; CPU seconds."""
    out.mkdir(parents=True, exist_ok=True)
    pairs = known_company_pairs()
    (out / "gazetteer.tsv").write_text("".join(f"{s}\t{lab}\n" for s, lab in pairs), encoding="utf-8")
    gazetteer, lexicon = build_known_entities(pairs), load_lexicon(1)
    sets = [d for d in load_manifest() if d.path == "cluener/train.jsonl"]
    c0 = time.process_time()
    trainer = _make_trainer(None)
    for text, spans in read_manifest_sentences(sets, data_root):
        if text:
            kept = [s for s in spans if s[2] in LABELS]
            trainer.append(char_features(text, lexicon, gazetteer), spans_to_tags(len(text), kept, "BIOES"))
    trainer.select("lbfgs", "crf1d")
    trainer.set_params({"c1": PARAMS["c1"], "c2": PARAMS["c2"], "max_iterations": PARAMS["max_iterations"],
                        "feature.minfreq": float(PARAMS["min_freq"]), "feature.possible_transitions": True})
    trainer.train(str(out / "ner.crfsuite"))
    meta = {"feature_version": FEATURE_VERSION, "scheme": "BIOES", "labels": list(LABELS),
            "lexicon_min_freq": 1, "params": PARAMS, "gazetteer": "gazetteer.tsv",
            "trained_on": [{"path": d.path, "format": d.format, "labels": d.labels} for d in sets]}
    (out / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    return time.process_time() - c0


def score_alone(set_name: str, path: Path, model_dir: Path) -> dict:
    fmt, gold_map, ours_map, model_map = SETS[set_name]
    data = [(t, s) for t, s in read_dataset(path, fmt, gold_map) if normalize_text(t) == t]
    tagger = load_tagger(model_dir)
    pred = [{(s, e, ours_map[t]) for s, e, t in crf_as_ours(tagger.tag(text), ours_map, model_map)}
            for text, _ in data]
    return _score([set(spans) for _, spans in data], pred)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-root", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True, help="model dir to write (outside the repository)")
    ap.add_argument("--baseline", type=Path, help="the CLUENER-only model without the feature")
    ap.add_argument("--cluener", type=Path, help="CLUENER dev JSONL")
    ap.add_argument("--msra", type=Path, help="MSRA test JSONL")
    ap.add_argument("--skip-training", action="store_true", help="score an --out trained before")
    args = ap.parse_args(argv)
    if not args.skip_training:
        print(f"trained in {train_with_gazetteer(args.data_root, args.out):.0f} CPU seconds", file=sys.stderr)
    models = {"with known companies": args.out, **({"baseline": args.baseline} if args.baseline else {})}
    for set_name, path in (("cluener", args.cluener), ("msra", args.msra)):
        for label, model_dir in models.items() if path else ():
            scores = score_alone(set_name, path, model_dir)
            print(f"{set_name:<8}{label:<22}" + "  ".join(
                f"{t} {v['precision']:.3f}/{v['recall']:.3f}/{v['f1']:.3f}" for t, v in scores.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
