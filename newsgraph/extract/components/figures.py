"""Numeric figures, with what they measure, whose they are and for which period."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..rules.attribution import attribute_figures
from ..rules.figures import find_figures
from .spans import attr, results, text_of, write_results


class FigureFinder:
    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        figures = find_figures(text)
        attributions = attribute_figures(
            text, figures, [(s, e) for s, e, _ in results(doc, "sentences")],
            [(s, e, m.type, m.name) for s, e, m in results(doc, "mentions")],
            results(doc, "dates"), doc._.published,
        )
        found = [(s, e, (value, attribution)) for (s, e, value), attribution in zip(figures, attributions)]
        write_results(doc, "figures", found, lambda payload: payload[0].unit)
        return doc


@Language.factory("newsgraph_figures", assigns=[attr("figures"), "doc.spans"],
                  requires=[attr("sentences"), attr("mentions"), attr("dates"), attr("published")])
def make_figure_finder(nlp: Language, name: str) -> FigureFinder:
    return FigureFinder()
