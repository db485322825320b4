"""The unit suite (`-m "not integration"`) opens no store and starts no process."""
from __future__ import annotations

import multiprocessing
import subprocess
import sys

import pytest

from newsgraph.graph.embedded_store import EmbeddedStore


def test_an_unmarked_test_may_not_open_the_embedded_store(tmp_path):
    with pytest.raises(AssertionError, match="mark it pytest.mark.integration"):
        EmbeddedStore(tmp_path / "graph.db")
    assert not (tmp_path / "graph.db").exists()


def test_an_unmarked_test_may_not_start_a_process():
    with pytest.raises(AssertionError, match="mark it pytest.mark.integration"):
        subprocess.run([sys.executable, "-c", "pass"])
    with pytest.raises(AssertionError, match="mark it pytest.mark.integration"):
        multiprocessing.get_context("spawn").Process(target=print).start()


@pytest.mark.integration
def test_a_marked_test_may(tmp_path):
    store = EmbeddedStore(tmp_path / "graph.db")
    store.close()
    assert subprocess.run([sys.executable, "-c", "pass"]).returncode == 0


def test_store_fixtures_mark_a_test_integration(request):
    from tests.conftest import STORE_FIXTURES

    assert {"store", "corpus_store", "store_args", "neo4j_uri"} <= STORE_FIXTURES
    assert request.node.get_closest_marker("integration") is None
