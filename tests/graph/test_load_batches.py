"""`load` writes a batch in one transaction; when that fails, it writes the batch's articles one
by one, as `ingest` does: only the document that cannot be written is reported (by its path),
the others of its batch are written once, and loading again changes nothing."""
from __future__ import annotations

import copy
import json

import pytest

from newsgraph.staged import load

from .conftest import snapshot
from .test_rows import TEXT, document


def _document(number: int, entity_type: str = "Company") -> dict:
    doc = copy.deepcopy(document())
    doc["article"] = dict(doc["article"], id=f"b{number}", path=f"news/b{number}.md",
                          source_path=f"/news/b{number}.md", text=TEXT)
    doc["entities"][0]["type"] = entity_type
    doc["figures"] = [dict(f, id=f"b{number}:11-17") for f in doc["figures"]]
    doc["claims"] = [dict(c, id=f"b{number}:22-33") for c in doc["claims"]]
    return {**doc, "extractor": "x1"}


def _write(path, documents) -> str:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("bad_at", [None, 0, 2, 4])
def test_a_document_that_cannot_be_written_fails_alone(store, tmp_path, bad_at):
    load([_write(tmp_path / "first.ndjson", [_document(9)])], store)  # not empty: the batched writer
    documents = [_document(n, "Planet" if n == bad_at else "Company") for n in range(5)]
    report = load([_write(tmp_path / "batch.ndjson", documents)], store, batch_size=20)
    good = 5 if bad_at is None else 4
    assert report.ingested == good
    assert [f["source"] for f in report.failed] == ([] if bad_at is None else [f"news/b{bad_at}.md"])
    if bad_at is not None:
        assert "'Planet' is not one of" in report.failed[0]["error"]
    assert store.label_counts()["Article"] == good + 1
    before = snapshot(store)
    again = load([_write(tmp_path / "again.ndjson", [d for n, d in enumerate(documents) if n != bad_at])], store)
    assert (again.ingested, again.unchanged) == (0, good)
    assert snapshot(store) == before
