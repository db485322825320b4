"""Extraction in worker processes gives the graph and the output one process gives, in order."""
from __future__ import annotations

import json

import pytest

from newsgraph.app import extract_documents, ingest
from newsgraph.extract.options import PipelineOptions
from newsgraph.graph.embedded_store import EmbeddedStore
from newsgraph.model import Article
from newsgraph.parallel import AHEAD, extract_each, useful_workers

from .conftest import CORPUS
from .graph.conftest import snapshot

pytestmark = pytest.mark.integration  # a real store or other processes


def _ingested(folder, workers):
    folder.mkdir()
    store = EmbeddedStore(folder / "graph.db")
    try:
        report = ingest([str(CORPUS)], store, workers=workers)
        return report, snapshot(store)
    finally:
        store.close()


def test_two_workers_build_the_same_graph_byte_for_byte(tmp_path):
    one, graph_one = _ingested(tmp_path / "one", 1)
    two, graph_two = _ingested(tmp_path / "two", 2)
    assert one.ingested == two.ingested == one.read > 20
    assert (one.failed, two.failed) == ([], [])
    assert len(graph_one[0]) > 500 and len(graph_one[1]) > 1000
    assert graph_two == graph_one


def test_two_workers_print_the_same_documents_and_errors_in_input_order(tmp_path):
    lines = [{"text": f"星河科技{year}年营收{year - 1900}亿元，同比增长{year % 7}%。", "published": f"{year}-03-01",
              "url": f"https://example.org/{year}"} for year in range(2001, 2011)]
    source = tmp_path / "in.ndjson"
    rows = [json.dumps(line, ensure_ascii=False) for line in lines]
    rows.insert(3, "{broken")
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")

    def run(workers):
        return [(result.source, result.error, document)
                for result, document in extract_documents([str(source)], with_text=True, workers=workers)]

    one, two = run(1), run(2)
    assert [source for source, _, _ in one] == [f"{source}:{n}" for n in range(1, 12)]
    assert one[3][1] is not None and one[3][2] is None
    assert two == one


def test_small_inputs_stay_in_this_process():
    assert [useful_workers(2, n) for n in (0, 1, 15, 16, 1000, None)] == [1, 1, 1, 2, 2, 2]


def test_workers_read_a_bounded_number_of_batches_ahead_of_the_writer():
    """Finished records must not pile up in the writer's process: reading stays a few batches
    ahead of what has been handed on, however long the input."""
    read = 0

    def articles():
        nonlocal read
        for number in range(300):
            read += 1
            yield Article(id=f"a{number}", text=f"北辰乳业第{number}号公告称，营收316亿元。")

    outcomes = extract_each(articles(), PipelineOptions(use_ner=False), workers=2, batch=4)
    first = next(outcomes)
    assert read <= (2 * AHEAD + 1) * 4
    rest = list(outcomes)
    assert [x.article.id for x, _ in [first, *rest]] == [f"a{number}" for number in range(300)]
