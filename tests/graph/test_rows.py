from __future__ import annotations

import pytest

from newsgraph.extract.serialize import from_document
from newsgraph.graph import rows as rows_module
from newsgraph.graph.schema import NODES, entity_key
from newsgraph.model import Figure


def article_rows(document, extractor):
    return rows_module.article_rows(from_document(document), extractor)


def batch_rows(documents, extractor):
    return rows_module.batch_rows([from_document(d) for d in documents], extractor)

TEXT = "小米集团2024年营收3659亿元。雷军表示，小米将继续投入研发。"


def document(**overrides):
    doc = {
        "article": {"id": "a1", "path": "corpora/x.md", "title": "小米年报", "published": "2025-03-19",
                    "source": "新京财经", "author": None, "url": None, "text": TEXT,
                    "source_path": "/news/corpora/x.md"},
        "sentences": [{"start": 0, "end": 17}, {"start": 17, "end": 34}],
        "entities": [
            {"type": "Company", "name": "小米集团", "aliases": ["小米", "小米集团"],
             "mentions": [{"start": 0, "end": 4, "text": "小米集团"}, {"start": 23, "end": 25, "text": "小米"}]},
            {"type": "Person", "name": "雷军", "aliases": ["雷军"], "roles": [],
             "mentions": [{"start": 17, "end": 19, "text": "雷军"}]},
        ],
        "figures": [{"id": "a1:11-17", "text": "3659亿元", "start": 11, "end": 17, "value": 365900000000,
                     "unit": "CNY", "qualifier": None, "measure": "营收", "subject": "小米集团",
                     "period": "2024", "period_interval": ["2024-01-01", "2024-12-31"]}],
        "dates": [{"text": "2024年", "start": 4, "end": 9, "value": "2024",
                   "interval": ["2024-01-01", "2024-12-31"], "kind": "absolute"}],
        "claims": [{"id": "a1:22-33", "speaker": "雷军", "speaker_type": "Person", "cue": "表示",
                    "text": TEXT[22:33], "start": 22, "end": 33, "quoted": False,
                    "about": [{"type": "Company", "name": "小米集团"}], "cites": []}],
        "relations": [],
    }
    doc.update(overrides)
    return doc


def test_rows_carry_keys_offsets_and_sentences():
    rows = article_rows(document(), "x1")
    assert rows["articles"][0]["name"] == "小米年报"
    assert [s["text"] for s in rows["sentences"]] == [TEXT[0:17], TEXT[17:34]]
    assert rows["entities:Company"] == [{"key": "小米集团", "name": "小米集团"}]
    assert [(m["start_char"], m["end_char"], m["text"], m["sentence"]) for m in rows["mentions:Company"]] == [
        (0, 4, "小米集团", 0), (23, 25, "小米", 1)]
    assert rows["figures"][0]["sentence_id"] == "a1:s0"
    assert rows["figures"][0]["value"] == 365900000000
    assert rows["figure_owners:Company"] == [{"id": "a1:11-17", "key": "小米集团"}]
    assert rows["figure_periods"] == [{"id": "a1:11-17", "period": "2024"}]
    assert rows["periods"] == [{"key": "2024", "first_day": "2024-01-01", "last_day": "2024-12-31"}]
    assert rows["speakers:Person"] == [{"id": "a1:22-33", "key": "雷军"}]
    assert rows["claim_topics:Company"] == [{"id": "a1:22-33", "key": "小米集团"}]
    assert rows["claims"][0]["sentence_id"] == "a1:s1"


def test_a_speaker_that_is_no_entity_becomes_an_organization():
    doc = document(claims=[{"speaker": "媒体报道", "cue": "报道", "text": "x", "start": 22, "end": 23,
                            "quoted": False}])
    rows = article_rows(doc, "x1")
    assert {"key": "媒体报道", "name": "媒体报道"} in rows["entities:Organization"]
    assert rows["speakers:Organization"] == [{"id": "a1:22-23", "key": "媒体报道"}]


def test_rows_are_deterministic_and_batches_dedupe_entities():
    first, second = batch_rows([document()], "x1"), batch_rows([document()], "x1")
    assert first == second
    other = document()
    other["article"] = dict(other["article"], id="a2", path="corpora/y.md", source_path="/news/corpora/y.md")
    both = batch_rows([document(), other], "x1")
    assert both["entities:Company"] == [{"key": "小米集团", "name": "小米集团"}]
    assert len(both["mentions:Company"]) == 4


def _with_role(doc, *relations):
    """``doc`` with 雷军 holding the roles ``relations`` give as (title, start) at 小米集团."""
    doc["entities"][1]["roles"] = list(dict.fromkeys(title for title, _ in relations))
    doc["relations"] = [{"subject": "雷军", "type": "HOLDS_ROLE", "object": "小米集团", "title": title,
                         "text": "雷军", "start": start, "end": start + 2} for title, start in relations]
    return doc


def _mentions(*spans):
    return [{"start": start, "end": end, "text": TEXT[start:end]} for start, end in spans]


# (case, the document's edit, rows name, rows the batch keeps as (field, …) tuples)
RELATIONSHIP_CASES = [
    ("two mentions at one start: one relationship, the last",
     lambda d: d["entities"][0].update(mentions=_mentions((0, 4), (0, 2))),
     "mentions:Company", ("start_char", "end_char"), [(0, 2)]),
    ("mentions at different starts stay",
     lambda d: d["entities"][0].update(mentions=_mentions((0, 4), (23, 25))),
     "mentions:Company", ("start_char", "end_char"), [(0, 4), (23, 25)]),
    ("the same claim topic twice: one",
     lambda d: d["claims"][0].update(about=[{"type": "Company", "name": "小米集团"}] * 2),
     "claim_topics:Company", ("id", "key"), [("a1:22-33", "小米集团")]),
    ("one role twice at one place: one",
     lambda d: _with_role(d, ("董事长", 17), ("董事长", 17)),
     "roles:Company", ("title", "start_char"), [("董事长", 17)]),
    ("two titles at one place stay",
     lambda d: _with_role(d, ("董事长", 17), ("创始人", 17)),
     "roles:Company", ("title", "start_char"), [("董事长", 17), ("创始人", 17)]),
    ("one title at two places stays",
     lambda d: _with_role(d, ("董事长", 17), ("董事长", 23)),
     "roles:Company", ("title", "start_char"), [("董事长", 17), ("董事长", 23)]),
]


@pytest.mark.parametrize("case, edit, name, fields, expected", RELATIONSHIP_CASES, ids=[c[0] for c in RELATIONSHIP_CASES])
def test_a_batch_keeps_one_row_per_relationship(case, edit, name, fields, expected):
    doc = document()
    edit(doc)
    rows = batch_rows([doc], "x1")[name]
    assert [tuple(row[f] for f in fields) for row in rows] == expected


def test_the_same_relationship_in_two_articles_is_two_rows():
    other = document()
    other["article"] = dict(other["article"], id="a2", path="corpora/y.md", source_path="/news/corpora/y.md")
    rows = batch_rows([_with_role(document(), ("董事长", 17)), _with_role(other, ("董事长", 17))], "x1")
    assert [row["article_id"] for row in rows["roles:Company"]] == ["a1", "a2"]


def test_unknown_entity_type_is_an_error_naming_the_article():
    doc = document(entities=[{"type": "Planet", "name": "火星", "mentions": []}])
    with pytest.raises(ValueError, match=r"^corpora/x.md: entity '火星': type 'Planet' is not one of"):
        article_rows(doc, "x1")


def test_documents_without_text_are_refused():
    doc = document()
    doc["article"] = {k: v for k, v in doc["article"].items() if k != "text"}
    with pytest.raises(ValueError, match="corpora/x.md: the document has no article text"):
        from_document(doc)


@pytest.mark.parametrize("name, key", [("Tencent", "tencent"), ("ＡＢＣ 科技", "abc科技"), ("小米集团", "小米集团")])
def test_entity_keys_are_normalized_names(name, key):
    assert entity_key(name) == key


def test_a_figure_row_has_every_figure_property_of_the_schema():
    [row] = article_rows(document(), "x1")["figures"]
    assert set(row) == set(NODES["Figure"][1]) - {"sources"} | {"sentence_id"}
    assert (row["name"], row["subject"], row["start_char"], row["vague"]) == ("3659亿元", "小米集团", 11, False)


def test_a_figure_field_the_schema_lists_reaches_the_row_with_no_edit_of_rows(monkeypatch):
    """A new Figure field is added to model.Figure and to schema.NODES["Figure"]; rows.py carries it."""
    import dataclasses

    @dataclasses.dataclass(frozen=True, slots=True)
    class WithConfidence(Figure):
        confidence: float | None = None

    label, properties = NODES["Figure"]
    monkeypatch.setitem(NODES, "Figure", (label, {**properties, "confidence": "DOUBLE"}))
    x = from_document(document())
    figure = WithConfidence(**{f.name: getattr(x.figures[0], f.name) for f in dataclasses.fields(Figure)},
                            confidence=0.75)
    [row] = rows_module.article_rows(dataclasses.replace(x, figures=(figure,)), "x1")["figures"]
    assert row["confidence"] == 0.75


def test_every_figure_field_is_in_the_schema_or_mapped_on_purpose():
    """A Figure field is a Figure property, or a relationship rows.py writes, or extract-only; a
    new field must be put in one of these places (the schema, normally)."""
    import dataclasses

    written_as_relationships = {"subject": "OF", "period": "FOR_PERIOD", "change_of": "CHANGE_OF",
                                "period_interval": "Period first_day/last_day", "sentence": "IN_SENTENCE"}
    not_in_the_graph = {"article_id": "the Figure's article_id property is the record's",
                        "compared_with": "extract JSON only"}
    properties = set(NODES["Figure"][1]) | {rows_module.RENAMED.get(p, p) for p in NODES["Figure"][1]}
    for field in dataclasses.fields(Figure):
        assert (field.name in properties or field.name in written_as_relationships
                or field.name in not_in_the_graph), field.name


def test_the_figure_write_sets_every_property_the_schema_lists(monkeypatch):
    # A Figure field added to model, extractor and schema needs no edit in cypher.py either.
    from newsgraph.graph import cypher, schema

    for dialect, query in cypher.MERGE_FIGURES.items():
        for name in schema.NODES["Figure"][1]:
            assert f"n.{name} = " in query or name == "id", (dialect, name)
    key, properties = schema.NODES["Figure"]
    monkeypatch.setitem(schema.NODES, "Figure", (key, {**properties, "confidence": "DOUBLE"}))
    assert "n.confidence = toFloat(r.confidence)" in cypher._set_properties("Figure", "toFloat")
    assert "n.id =" not in cypher._set_properties("Figure", "toFloat")
