"""The extract JSON and the records it is written from: reading a document back gives the records."""
from __future__ import annotations

import dataclasses

import pytest

from newsgraph.extract.serialize import from_document, to_document
from newsgraph.model import EntityRef


def _placed_as_read(x):
    """A title without an organization has no offsets in the contract: reading places it at the
    person's first mention (see serialize._held_roles)."""
    entities = []
    for entity in x.entities:
        first = entity.mentions[0] if entity.mentions else None
        roles = tuple(role if role.org else dataclasses.replace(role, start=first.start, end=first.end, text=first.text)
                      for role in entity.roles)
        entities.append(dataclasses.replace(entity, roles=roles))
    return dataclasses.replace(x, entities=tuple(entities))


def test_reading_the_corpus_documents_back_gives_the_records(corpus_extractions):
    for x in corpus_extractions:
        document = to_document(x, with_text=True)
        assert from_document(document) == _placed_as_read(x), x.article.path
        assert to_document(from_document(document), with_text=True) == document


def test_the_corpus_has_what_the_round_trip_must_carry(corpus_extractions):
    """Else the test above proves less than it says."""
    figures = [f for x in corpus_extractions for f in x.figures]
    claims = [c for x in corpus_extractions for c in x.claims]
    roles = [r for x in corpus_extractions for e in x.entities for r in e.roles]
    assert any(f.subject and f.subject.type for f in figures) and any(f.change_of for f in figures)
    assert any(f.period_interval for f in figures) and any(f.sentence > 0 for f in figures)
    assert any(c.about for c in claims) and any(c.speaker and c.speaker.type is None for c in claims)
    assert any(r.org for r in roles) and any(r.org is None for r in roles)


def test_records_carry_the_sentence_they_start_in(corpus_extractions):
    for x in corpus_extractions:
        for record in [m for e in x.entities for m in e.mentions] + list(x.figures + x.dates + x.claims):
            sentence = x.sentences[record.sentence]
            later = x.sentences[record.sentence + 1:]
            assert sentence.start <= record.start or record.sentence == 0
            assert not later or record.start < later[0].start


def test_references_are_typed_where_the_contract_writes_names(corpus_extractions):
    for x in corpus_extractions:
        types = {}
        for entity in x.entities:
            types.setdefault(entity.name, entity.type)
        for figure in x.figures:
            if figure.subject:
                assert figure.subject.type == types.get(figure.subject.name)
        for entity in x.entities:
            for role in entity.roles:
                assert isinstance(role.person, EntityRef) and role.person.type == "Person"


def test_a_document_without_text_is_refused_naming_it():
    with pytest.raises(ValueError, match="^x.md: the document has no article text$"):
        from_document({"article": {"id": "a1", "path": "x.md"}})


def test_a_fact_without_offsets_is_refused_naming_the_article():
    document = {"article": {"id": "a1", "path": "x.md", "text": "营收12亿元。"},
                "figures": [{"text": "12亿元", "value": 1.2e9, "unit": "CNY"}]}
    with pytest.raises(ValueError, match="^x.md: a figure has no 'start'$"):
        from_document(document)


def test_a_new_record_field_is_written_and_read_with_no_edit_of_serialize(monkeypatch):
    """What a new Figure field needs in serialize.py: nothing (it is written after the contract's keys)."""
    import newsgraph.extract.serialize as serialize
    from newsgraph import model

    @dataclasses.dataclass(frozen=True, slots=True)
    class Figure(model.Figure):
        confidence: float | None = None

    monkeypatch.setattr(serialize, "Figure", Figure)
    monkeypatch.setitem(serialize._KEY_ORDER, Figure, serialize._KEY_ORDER[model.Figure])
    figure = Figure("a1", 2, 7, "12亿元", 1.2e9, "CNY", confidence=0.5)
    x = model.Extraction(model.Article("a1", "营收12亿元。"), (model.Sentence("a1", 0, 0, 8),), figures=(figure,))
    document = to_document(x, with_text=True)
    assert document["figures"][0]["confidence"] == 0.5
    assert list(document["figures"][0])[-1] == "confidence"
    assert from_document(document).figures == (figure,)
