"""Date expressions, normalized against the article's publication date."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..rules.dates import find_dates
from .spans import attr, text_of, write_results


class DateFinder:
    def __call__(self, doc: Doc) -> Doc:
        write_results(doc, "dates", find_dates(text_of(doc), doc._.published), lambda value: value.kind)
        return doc


@Language.factory("newsgraph_dates", assigns=[attr("dates"), "doc.spans"], requires=[attr("published")])
def make_date_finder(nlp: Language, name: str) -> DateFinder:
    return DateFinder()
