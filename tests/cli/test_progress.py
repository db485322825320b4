"""`ingest` and `load` report each stage on stderr (articles/s, chars/s, rows/s) and its totals in
the JSON summary, on both stores; stdout stays the one JSON summary."""
from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.extract.serialize import from_document
from newsgraph.graph.rows import batch_rows

from ..graph.test_questions import DOCUMENTS

NO_NEO4J = {name: None for name in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE",
                                    "NEWSGRAPH_DB")}
STAGE_KEYS = {"extract_seconds", "write_seconds", "rows_written", "articles_per_second", "chars_per_second",
              "rows_per_second"}
WRITE_LINE = re.compile(r"^write: 3 articles, ([\d,]+) rows in [\d.]+ s: [\d,.]+ articles/s, [\d,]+ rows/s$")
EXTRACT_LINE = re.compile(r"^extract: 1 article, (\d+) chars in [\d.]+ s: [\d,.]+ articles/s, [\d,]+ chars/s$")


@pytest.fixture
def ndjson(tmp_path):
    path = tmp_path / "documents.ndjson"
    path.write_text("".join(json.dumps(dict(doc, extractor="progress-test"), ensure_ascii=False) + "\n"
                            for doc in DOCUMENTS), encoding="utf-8")
    return str(path)


def _run(args):
    return CliRunner(env=NO_NEO4J).invoke(main, args)


def test_load_reports_rows_written_per_second(store_args, ndjson):
    result = _run(["load", ndjson, *store_args])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    rows = sum(len(items) for items in batch_rows([from_document(d) for d in DOCUMENTS], "progress-test").values())
    assert STAGE_KEYS <= set(summary)
    assert summary["rows_written"] == rows > 100
    assert summary["extract_seconds"] == 0  # load extracts nothing
    assert 0 < summary["write_seconds"] <= summary["seconds"]
    assert summary["rows_per_second"] > 0 and summary["chars_per_second"] > 0
    assert summary["characters"] == sum(len(doc["article"]["text"]) for doc in DOCUMENTS)
    lines = [line for line in result.stderr.splitlines() if line.startswith("write:")]
    assert len(lines) == 1 and WRITE_LINE.match(lines[0])
    assert int(WRITE_LINE.match(lines[0]).group(1).replace(",", "")) == rows
    assert not any(line.startswith("extract:") for line in result.stderr.splitlines())

    again = _run(["load", ndjson, *store_args])  # unchanged: nothing written, nothing to report
    summary = json.loads(again.stdout)
    assert (summary["unchanged"], summary["rows_written"], summary["rows_per_second"]) == (3, 0, 0)
    assert "write:" not in again.stderr


def test_load_silent_prints_no_stage_lines(store_args, ndjson):
    result = _run(["load", ndjson, "--silent", *store_args])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["rows_written"] > 0
    assert "write:" not in result.stderr and "Loading" not in result.stderr


def test_ingest_reports_extraction_and_writing(store_args, tmp_path):
    text = "星河电子第一季度营收12亿元，同比增长8%。董事长李明表示，公司将扩大产能。"
    (tmp_path / "a.md").write_text(text + "\n", encoding="utf-8")
    result = _run(["ingest", "--no-ner", "--workers", "1", str(tmp_path / "a.md"), *store_args])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert STAGE_KEYS <= set(summary)
    assert summary["ingested"] == 1 and summary["rows_written"] > 10
    assert summary["extract_seconds"] > 0 and summary["write_seconds"] > 0
    assert summary["extract_seconds"] + summary["write_seconds"] <= summary["seconds"]
    expected = summary["characters"] / summary["extract_seconds"]  # over extraction time, not the whole run
    assert abs(summary["chars_per_second"] - expected) <= 0.02 * expected
    stderr = result.stderr.splitlines()
    extract = [EXTRACT_LINE.match(line) for line in stderr if line.startswith("extract:")]
    assert len(extract) == 1 and int(extract[0].group(1)) == summary["characters"] == len(text)
    assert sum(line.startswith("write: 1 article, ") for line in stderr) == 1
