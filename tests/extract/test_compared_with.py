"""A comparison (A超过B的X，达到N) names both parties on the Figure record and in the extract JSON."""
from __future__ import annotations

import pytest

from newsgraph.extract.pipeline import extract
from newsgraph.model import Article
from newsgraph.extract.serialize import to_document


@pytest.mark.parametrize("text, expected", [
    ("2023年，比亚迪的销量超过特斯拉的销量，达到302万辆。", ("302万辆", "比亚迪", "特斯拉")),
    # negatives: no comparison; the compared party's own figure after "B的" is B's, with no comparison
    ("2023年，比亚迪的销量为302万辆。", ("302万辆", "比亚迪", None)),
    ("比亚迪毛利率为21%，高于特斯拉的18%。", ("18%", "特斯拉", None)),
])
def test_compared_with_reaches_the_record_and_the_json(nlp, text, expected):
    [x] = list(extract([Article(id="t", text=text, published="2024-03-27")], nlp))
    figure_text = expected[0]
    [figure] = [f for f in x.figures if f.text == figure_text]
    assert (figure.text, figure.subject and figure.subject.name, figure.compared_with) == expected
    [item] = [f for f in to_document(x)["figures"] if f["text"] == figure_text]
    assert (item["subject"], item["compared_with"]) == expected[1:]
