"""Character-level CRF named-entity tagger trained on CLUENER2020.

    >>> from newsgraph.extract.ner import load_tagger
    >>> tagger = load_tagger()                       # the model shipped in this package
    >>> tagger.tag("阿里巴巴集团董事长张勇表示")          # doctest: +SKIP
    [(0, 6, 'company'), (6, 9, 'position'), (9, 11, 'name')]

Spans are half-open character offsets into the text as given, with CLUENER labels
(address, book, company, game, government, movie, name, organization, position, scene).
The model is a python-crfsuite linear-chain CRF over the features of
:mod:`newsgraph.extract.ner.features`; it needs no network and no pretrained weights.
A ``NerTagger`` is not thread-safe (one crfsuite tagger inside); make one per thread.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..rules.punctuation import SENTENCE_END
from .features import (
    FEATURE_VERSION,
    KnownEntities,
    Lexicon,
    build_known_entities,
    char_features,
    load_lexicon,
)

__all__ = ["DEFAULT_MODEL_DIR", "NerTagger", "NerModelError", "load_tagger", "tags_to_spans"]

DEFAULT_MODEL_DIR = Path(__file__).resolve().parent / "model"
MODEL_FILE = "ner.crfsuite"
META_FILE = "meta.json"

# Texts longer than this are tagged sentence by sentence (entities never cross these marks).
_MAX_CHUNK = 400
_SENT_END = re.compile("[" + re.escape(SENTENCE_END) + "\n]+")


class NerModelError(RuntimeError):
    """The model directory is missing or was built for other features."""


def tags_to_spans(tags: Iterable[str]) -> list[tuple[int, int, str]]:
    """Decode BIO / BIOES tags (``B-company``, ``I-company``, ``E-…``, ``S-…``, ``O``)
    into half-open ``(start, end, label)`` spans. Lenient: an ``I``/``E`` that does not
    continue a span of the same label starts a new one."""
    spans: list[tuple[int, int, str]] = []
    start = -1
    label = ""
    i = -1
    for i, tag in enumerate(tags):
        if tag == "O":
            if start >= 0:
                spans.append((start, i, label))
                start = -1
            continue
        kind, lab = tag[0], tag[2:]
        if kind == "B" or kind == "S" or start < 0 or lab != label:
            if start >= 0:
                spans.append((start, i, label))
            start, label = i, lab
        if kind == "S" or kind == "E":
            spans.append((start, i + 1, label))
            start = -1
    if start >= 0:
        spans.append((start, i + 1, label))
    return spans


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    if len(text) <= _MAX_CHUNK:
        yield 0, text
        return
    ends = [m.end() for m in _SENT_END.finditer(text)] + [len(text)]
    start = 0
    for end in ends:
        # A line without sentence ends is tagged in bounded pieces: memory stays linear.
        for piece in range(start, end, _MAX_CHUNK * 5):
            yield piece, text[piece:min(end, piece + _MAX_CHUNK * 5)]
        start = max(start, end)


class NerTagger:
    """Tag text with CLUENER entity spans."""

    def __init__(
        self, model_file: Path, lexicon: Lexicon, meta: dict, gazetteer: KnownEntities | None = None
    ):
        import pycrfsuite

        self.meta = meta
        self.labels = tuple(meta.get("labels", ()))
        self._lexicon = lexicon
        self._gazetteer = gazetteer
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model_file))
        self._tag = self._tagger.tag

    def tag(self, text: str) -> list[tuple[int, int, str]]:
        """Entity spans ``(start, end, label)`` (half-open char offsets) in ``text``."""
        if not text:
            return []
        out: list[tuple[int, int, str]] = []
        lexicon = self._lexicon
        gazetteer = self._gazetteer
        for offset, chunk in _chunks(text):
            if not chunk.strip():
                continue
            tags = self._tag(char_features(chunk, lexicon, gazetteer))
            if offset:
                out.extend((s + offset, e + offset, lab) for s, e, lab in tags_to_spans(tags))
            else:
                out.extend(tags_to_spans(tags))
        return out

    def tag_scored(self, text: str) -> list[tuple[int, int, str, float]]:
        """``tag`` plus each span's confidence: the lowest marginal probability of its tags."""
        out: list[tuple[int, int, str, float]] = []
        tagger = self._tagger
        for offset, chunk in _chunks(text):
            if not chunk.strip():
                continue
            tags = self._tag(char_features(chunk, self._lexicon, self._gazetteer))
            for s, e, lab in tags_to_spans(tags):
                confidence = min(tagger.marginal(tags[i], i) for i in range(s, e))
                out.append((s + offset, e + offset, lab, confidence))
        return out

    def tag_many(self, texts: Iterable[str]) -> Iterator[list[tuple[int, int, str]]]:
        """``tag`` over an iterable of texts, lazily, in order."""
        tag = self.tag
        for text in texts:
            yield tag(text)

    def __repr__(self) -> str:
        return f"NerTagger(labels={len(self.labels)}, scheme={self.meta.get('scheme')!r})"


def load_tagger(path: str | Path | None = None) -> NerTagger:
    """Load a tagger from a model directory (default: the model shipped in the package).

    ``path`` may be the directory written by :func:`newsgraph.extract.ner.train.train_ner`
    or the ``.crfsuite`` file inside it.
    """
    path = DEFAULT_MODEL_DIR if path is None else Path(path)
    model_dir = path.parent if path.is_file() else path
    model_file = path if path.is_file() else path / MODEL_FILE
    meta_file = model_dir / META_FILE
    if not model_file.is_file() or not meta_file.is_file():
        raise NerModelError(
            f"no NER model in {model_dir} (expected {MODEL_FILE} and {META_FILE}); "
            "train one with `newsgraph train-ner --data DIR --out DIR`"
        )
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    if meta.get("feature_version") != FEATURE_VERSION:
        raise NerModelError(
            f"NER model in {model_dir} was built with feature version "
            f"{meta.get('feature_version')}, this code computes version {FEATURE_VERSION}; "
            "retrain it with `newsgraph train-ner`"
        )
    lexicon = load_lexicon(int(meta.get("lexicon_min_freq", 1)))
    gazetteer = None
    if meta.get("gazetteer"):
        gazetteer = read_known_entities(model_dir / meta["gazetteer"])
    return NerTagger(model_file, lexicon, meta, gazetteer)


def read_known_entities(path: Path) -> KnownEntities:
    """Read a ``surface<TAB>label`` file written by training."""
    pairs = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            surface, _, label = line.rstrip("\n").partition("\t")
            if surface and label:
                pairs.append((surface, label))
    return build_known_entities(pairs)
