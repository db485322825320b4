"""``find_entities`` called as the pipeline calls it (the shipped gazetteer, jieba's words, the
function words and verbs of the entity component), for the real-news table tests."""
from __future__ import annotations

from newsgraph.extract.components.entities import function_words, verb_words
from newsgraph.extract.rules.entities import find_entities, load_gazetteer
from newsgraph.extract.segmenter import make_jieba

GAZ = load_gazetteer()
JIEBA = make_jieba()
FUNCTION_WORDS = function_words()
VERBS = verb_words()


def words(text: str) -> list[tuple[int, int]]:
    out, i = [], 0
    for w in JIEBA.cut(text):
        out.append((i, i + len(w)))
        i += len(w)
    return out


def entities(text: str, model=()):
    return find_entities(text, GAZ, words=words(text), model=list(model), function_words=FUNCTION_WORDS, verbs=VERBS)
