"""Train the CRF NER model on CLUENER-format data (deterministic, one core).

    >>> from newsgraph.extract.ner.train import train_ner
    >>> metrics = train_ner(Path("/data/cluener"), Path("out/ner"))   # doctest: +SKIP

Reads ``train.jsonl`` (and ``dev.jsonl`` if present) from ``data_dir``, trains a
python-crfsuite linear-chain CRF (L-BFGS / OWL-QN with L1 + L2), writes ``ner.crfsuite`` and
``meta.json`` into ``out_dir`` and returns the dev scores. Same data + same parameters give the
same model file: sentences are fed in file order and crfsuite's optimiser is deterministic.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from . import META_FILE, MODEL_FILE, load_tagger
from .evaluate import evaluate, read_cluener
from .features import (
    FEATURE_VERSION,
    KnownEntities,
    Lexicon,
    build_known_entities,
    char_features,
    load_lexicon,
)

__all__ = ["entity_pairs", "spans_to_tags", "train_crf", "train_from_manifest", "train_ner"]

GAZETTEER_FILE = "gazetteer.tsv"

Sentence = tuple[str, Sequence[tuple[int, int, str]]]


def spans_to_tags(n: int, spans: Sequence[tuple[int, int, str]], scheme: str = "BIOES") -> list[str]:
    """Tags for ``n`` chars from half-open spans; on overlap the earlier/longer span wins."""
    tags = ["O"] * n
    for start, end, label in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]), s[2])):
        if start < 0 or end > n or start >= end or any(t != "O" for t in tags[start:end]):
            continue
        if scheme == "BIOES" and end - start == 1:
            tags[start] = "S-" + label
            continue
        tags[start] = "B-" + label
        for k in range(start + 1, end):
            tags[k] = "I-" + label
        if scheme == "BIOES":
            tags[end - 1] = "E-" + label
    return tags


def entity_pairs(sentences: Sequence[Sentence]) -> list[tuple[str, str]]:
    """Sorted unique ``(surface, label)`` pairs of the entities in ``sentences``."""
    return sorted({(text[s:e], lab) for text, spans in sentences for s, e, lab in spans})


def _fold_gazetteers(sentences: Sequence[Sentence], folds: int) -> list[KnownEntities]:
    """Known-entity list k holds the entities of every sentence whose index % folds != k, so a
    training sentence never sees its own entities in the gazetteer (as at test time)."""
    per_fold: list[set[tuple[str, str]]] = [set() for _ in range(folds)]
    for i, (text, spans) in enumerate(sentences):
        per_fold[i % folds].update((text[s:e], lab) for s, e, lab in spans)
    return [
        build_known_entities(pair for j, f in enumerate(per_fold) if j != k for pair in f)
        for k in range(folds)
    ]


def _make_trainer(progress: Callable[[dict], None] | None):
    import pycrfsuite

    class _Trainer(pycrfsuite.Trainer):
        """Quiet trainer: crfsuite's log is parsed, never printed; iterations -> progress."""

        def message(self, message):
            event = self.logparser.feed(message)
            if event == "iteration" and progress is not None:
                progress(dict(self.logparser.last_iteration))

    return _Trainer(verbose=False)


def train_crf(
    sentences: Sequence[Sentence],
    model_file: Path,
    lexicon: Lexicon,
    *,
    scheme: str = "BIOES",
    labels: Sequence[str] | None = None,
    max_iterations: int = 100,
    c1: float = 0.05,
    c2: float = 0.01,
    min_freq: int = 1,
    gazetteer_folds: int = 0,
    progress: Callable[[dict], None] | None = None,
) -> None:
    """Fit a CRF on ``(text, spans)`` pairs and write it to ``model_file``.

    With ``gazetteer_folds`` = K > 1 the features include a gazetteer of the other folds'
    entities (cross-fold, see :func:`_fold_gazetteers`); the tagger then needs the gazetteer
    of all training entities.
    """
    trainer = _make_trainer(progress)
    keep = None if labels is None else set(labels)
    if keep is not None:
        sentences = [(t, [s for s in spans if s[2] in keep]) for t, spans in sentences]
    gazetteers = _fold_gazetteers(sentences, gazetteer_folds) if gazetteer_folds > 1 else None
    for i, (text, spans) in enumerate(sentences):
        if not text:
            continue
        gaz = gazetteers[i % gazetteer_folds] if gazetteers else None
        trainer.append(char_features(text, lexicon, gaz), spans_to_tags(len(text), spans, scheme))
    trainer.select("lbfgs", "crf1d")
    trainer.set_params(
        {
            "c1": float(c1),
            "c2": float(c2),
            "max_iterations": int(max_iterations),
            "feature.minfreq": float(min_freq),
            "feature.possible_transitions": True,
        }
    )
    model_file.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model_file))


def train_ner(
    data_dir: Path,
    out_dir: Path,
    *,
    max_iterations: int = 100,
    c1: float = 0.05,
    c2: float = 0.01,
    min_freq: int = 1,
    scheme: str = "BIOES",
    labels: Sequence[str] | None = None,
    lexicon_min_freq: int = 1,
    gazetteer_folds: int = 0,
    progress: Callable[[dict], None] | None = None,
) -> dict:
    """Train on ``data_dir/train.jsonl``, write the model into ``out_dir``, return metrics.

    ``gazetteer_folds`` = K > 1 adds gazetteer features from the training entities (built
    K-fold so no sentence sees its own entities) and writes ``gazetteer.tsv`` — a verbatim list
    of the training set's entity names — next to the model. Off by default: on CLUENER it
    helped a 10% train hold-out (+2.5 company F1) but not dev (+0.4), and it would ship the
    annotations themselves.

    ``progress``, if given, is called after every optimiser iteration with crfsuite's info
    dict (``num``, ``loss``, ``active_features``, ``time`` …). The returned dict has
    ``dev`` (the :func:`~newsgraph.extract.ner.evaluate.evaluate` scores on ``dev.jsonl``,
    absent without that file), ``params``, ``train_seconds`` and ``model_bytes``.
    """
    data_dir, out_dir = Path(data_dir), Path(out_dir)
    train_file = data_dir / "train.jsonl"
    if not train_file.is_file():
        raise FileNotFoundError(f"{train_file} not found: --data must hold CLUENER train.jsonl")
    sentences = read_cluener(train_file)
    all_labels = sorted({lab for _, spans in sentences for _, _, lab in spans})
    used = sorted(set(labels)) if labels else all_labels
    lexicon = load_lexicon(lexicon_min_freq)
    out_dir.mkdir(parents=True, exist_ok=True)
    params = {
        "max_iterations": max_iterations,
        "c1": c1,
        "c2": c2,
        "min_freq": min_freq,
        "scheme": scheme,
        "lexicon_min_freq": lexicon_min_freq,
        "gazetteer_folds": gazetteer_folds,
    }
    metrics = _fit_and_describe(sentences, out_dir, lexicon, used, params, "CLUENER2020 train.jsonl", progress,
                                gazetteer_from=sentences if gazetteer_folds > 1 else None)
    dev_file = data_dir / "dev.jsonl"
    if dev_file.is_file():
        metrics["dev"] = evaluate(load_tagger(out_dir), dev_file)
    return metrics


def _write_meta(out_dir: Path, meta: dict, known_from: Sequence[Sentence] | None, labels: Sequence[str]) -> None:
    """meta.json, and with ``known_from`` the known-entity list (gazetteer.tsv) of those sentences."""
    gaz_file = out_dir / GAZETTEER_FILE
    if known_from is not None:
        keep = set(labels)
        pairs = [p for p in entity_pairs(known_from) if p[1] in keep]
        gaz_file.write_text("".join(f"{w}\t{lab}\n" for w, lab in pairs), encoding="utf-8")
        meta["gazetteer"] = GAZETTEER_FILE
    elif gaz_file.exists():
        gaz_file.unlink()
    (out_dir / META_FILE).write_text(
        json.dumps(meta, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )


def _fit_and_describe(sentences: Sequence[Sentence], out_dir: Path, lexicon: Lexicon, labels: Sequence[str],
                      params: dict, trained_on, progress: Callable[[dict], None] | None, *,
                      gazetteer_from: Sequence[Sentence] | None = None) -> dict:
    """Train the CRF into ``out_dir``, write meta.json (and the gazetteer from ``gazetteer_from``),
    and return ``params``, ``train_seconds``, ``train_sentences`` and ``model_bytes``."""
    started = time.perf_counter()
    crf_params = {k: v for k, v in params.items() if k != "lexicon_min_freq"}
    train_crf(sentences, out_dir / MODEL_FILE, lexicon, labels=labels, progress=progress, **crf_params)
    train_seconds = time.perf_counter() - started
    meta = {
        "feature_version": FEATURE_VERSION,
        "scheme": params["scheme"],
        "labels": list(labels),
        "lexicon_min_freq": params["lexicon_min_freq"],
        "params": params,
        "train_sentences": len(sentences),
        "trained_on": trained_on,
    }
    _write_meta(out_dir, meta, gazetteer_from, labels)
    return {
        "params": params,
        "train_seconds": round(train_seconds, 1),
        "train_sentences": len(sentences),
        "model_bytes": sum(p.stat().st_size for p in out_dir.iterdir() if p.is_file()),
    }


def train_from_manifest(
    data_root: Path,
    out_dir: Path,
    manifest: Path | None = None,
    *,
    max_iterations: int = 100,
    c1: float = 0.1,
    c2: float = 0.01,
    min_freq: int = 2,
    scheme: str = "BIOES",
    progress: Callable[[dict], None] | None = None,
) -> dict:
    """Train on every data set of a manifest (default: the shipped model's ``training.json``),
    each read from under ``data_root`` and mapped onto :data:`~.corpora.LABELS`.

    The defaults reproduce the shipped model. Returns ``params``, ``train_seconds``,
    ``train_sentences`` and ``model_bytes``; score the result with ``benchmarks/ner_real.py``.
    """
    from .corpora import LABELS, load_manifest, read_manifest_sentences

    data_root, out_dir = Path(data_root), Path(out_dir)
    sets = load_manifest(manifest)
    sentences = read_manifest_sentences(sets, data_root)
    lexicon = load_lexicon(1)
    out_dir.mkdir(parents=True, exist_ok=True)
    params = {"max_iterations": max_iterations, "c1": c1, "c2": c2, "min_freq": min_freq,
              "scheme": scheme, "lexicon_min_freq": 1, "gazetteer_folds": 0}
    trained_on = [{"path": d.path, "format": d.format, "labels": d.labels} for d in sets]
    return _fit_and_describe(sentences, out_dir, lexicon, list(LABELS), params, trained_on, progress)
