"""Labelled training sets in their own formats, mapped onto the tagger's four labels.

    >>> from newsgraph.extract.ner.corpora import load_manifest, read_manifest_sentences
    >>> manifest = load_manifest()                                  # the shipped model's recipe
    >>> sentences = read_manifest_sentences(manifest, Path("/data"))  # doctest: +SKIP

The tagger's labels are ``name`` (person), ``company``, ``organization`` (every other
organization: government, party, school, team, association …) and ``location``. Each data
set's labels map onto them through the manifest (``ner/training.json``). MSRA, People's Daily
and Resume NER do not tell companies from other organizations; their organization spans become
``company`` when they end in a company word of ``data/company_words.txt`` (公司, 集团, 银行 …)
and ``organization`` otherwise — the same rule the entity layer applies at run time.

Formats: ``cluener`` (``{"text", "label": {TYPE: {surface: [[start, end_inclusive], …]}}}``,
also MSRA's) and ``spans`` (``{"text", "spans": [{"start", "end", "label"}]}``, half-open).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..rules.vocab import lines

__all__ = ["LABELS", "DataSet", "company_words", "load_manifest", "map_label", "read_dataset",
           "read_manifest_sentences"]

LABELS = ("company", "location", "name", "organization")
ORG_SPLIT = "org_split"  # a mapping target: company or organization by the span's last word

Sentence = tuple[str, list[tuple[int, int, str]]]


@dataclass(frozen=True, slots=True)
class DataSet:
    path: str  # relative to the data root given on the command line
    format: str  # "cluener" or "spans"
    labels: dict  # source label -> one of LABELS or ORG_SPLIT; unlisted labels are dropped


@lru_cache(maxsize=1)
def company_words() -> tuple[str, ...]:
    """Words a company's name ends with (longest first), ``data/company_words.txt``."""
    return tuple(sorted(set(lines("company_words.txt")), key=lambda w: (-len(w), w)))


def map_label(target: str, surface: str) -> str:
    if target != ORG_SPLIT:
        return target
    return "company" if surface.endswith(company_words()) else "organization"


def load_manifest(path: str | Path | None = None) -> list[DataSet]:
    """The data sets of a training manifest (default: the shipped model's ``training.json``)."""
    if path is None:
        raw = resources.files("newsgraph.extract.ner").joinpath("training.json").read_text("utf-8")
    else:
        raw = Path(path).read_text(encoding="utf-8")
    obj = json.loads(raw)
    sets = [DataSet(d["path"], d["format"], dict(d["labels"])) for d in obj["datasets"]]
    for d in sets:
        if d.format not in ("cluener", "spans"):
            raise ValueError(f"{path or 'training.json'}: unknown format {d.format!r} for {d.path}")
        bad = set(d.labels.values()) - set(LABELS) - {ORG_SPLIT}
        if bad:
            raise ValueError(f"{path or 'training.json'}: unknown target label(s) {sorted(bad)}")
    return sets


def _raw_spans(obj: dict, fmt: str) -> Iterable[tuple[int, int, str]]:
    if fmt == "spans":
        for s in obj.get("spans") or ():
            yield int(s["start"]), int(s["end"]), s["label"]
        return
    for label, mentions in (obj.get("label") or {}).items():
        for positions in mentions.values():
            for start, end in positions:
                yield int(start), int(end) + 1, label


def read_dataset(path: str | Path, fmt: str, labels: dict) -> list[Sentence]:
    """``(text, spans)`` per line with labels mapped; spans of unmapped labels are dropped."""
    out: list[Sentence] = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not JSON ({exc.msg})") from None
            text = obj["text"]
            spans = {
                (s, e, map_label(labels[lab], text[s:e]))
                for s, e, lab in _raw_spans(obj, fmt)
                if lab in labels and 0 <= s < e <= len(text)
            }
            out.append((text, sorted(spans)))
    return out


def read_manifest_sentences(sets: Sequence[DataSet], root: str | Path) -> list[Sentence]:
    """Every data set of the manifest, in manifest order, read from under ``root``."""
    root = Path(root)
    out: list[Sentence] = []
    for d in sets:
        file = root / d.path
        if not file.is_file():
            raise FileNotFoundError(f"{file}: no such file (listed in the training manifest)")
        out.extend(read_dataset(file, d.format, d.labels))
    return out
