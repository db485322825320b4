"""benchmarks/ner_models.py: how it maps LAC's tags and joins another source's spans to the CRF's."""
from benchmarks.ner_models import SpansInGaps, add_in_gaps, lac_entities


class FakeCrf:
    def __init__(self, spans):
        self.spans = spans

    def tag_scored(self, text):
        return list(self.spans)


def test_lac_org_is_a_company_only_with_a_company_word():
    text = "王小明在北辰科技有限公司和市统计局工作"
    words = [(0, 3, "PER"), (3, 4, "p"), (4, 12, "ORG"), (12, 13, "c"), (13, 17, "ORG"), (17, 19, "v")]
    assert lac_entities(words, text) == [(0, 3, "Person"), (4, 12, "Company"), (13, 17, "Organization")]


def test_spans_join_only_where_the_pipeline_has_none():
    pipe = [(0, 3, "Person")]
    lac = [(0, 2, "Person"), (5, 8, "Person"), (9, 12, "Company")]
    assert add_in_gaps(pipe, lac) == [(0, 3, "Person"), (5, 8, "Person")]
    assert add_in_gaps(pipe, lac, lengths=range(4, 5)) == [(0, 3, "Person")]


def test_other_source_fills_gaps_and_lifts_agreed_spans():
    crf = FakeCrf([(0, 3, "name", 0.4), (5, 9, "company", 0.45)])
    other = lambda text: [(0, 3, "name", 0.7), (5, 9, "organization", 0.7), (10, 12, "name", 0.7)]  # noqa: E731
    assert SpansInGaps(crf, other).tag_scored("x") == [(0, 3, "name", 0.4), (5, 9, "company", 0.45),
                                                        (10, 12, "name", 0.7)]
    assert SpansInGaps(crf, other, (), boost=True).tag_scored("x") == [(0, 3, "name", 1.0),
                                                                       (5, 9, "company", 1.0)]
