"""Extraction on a Dask cluster (2 worker processes) gives the graph a plain ingest gives."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from distributed import Client, LocalCluster

from newsgraph.app import ingest
from newsgraph.cli import main
from newsgraph.cluster import extract_to_shards
from newsgraph.graph.embedded_store import EmbeddedStore
from newsgraph.staged import load

from .conftest import CORPUS
from .graph.conftest import snapshot

pytestmark = pytest.mark.integration  # a real store or other processes


@pytest.fixture(scope="module")
def client():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster) as connected:
            yield connected


def _graph(folder, fill):
    folder.mkdir()
    store = EmbeddedStore(folder / "graph.db")
    try:
        fill(store)
        return snapshot(store)
    finally:
        store.close()


def test_shards_from_the_cluster_load_into_the_graph_a_plain_ingest_builds(client, tmp_path):
    report = extract_to_shards([str(CORPUS)], client, tmp_path / "shards", partition_size=10)
    assert report.failed == [] and report.documents > 20
    assert len(report.shards) == -(-report.documents // 10)
    loaded = _graph(tmp_path / "loaded", lambda store: load(report.shards, store))
    plain = _graph(tmp_path / "plain", lambda store: ingest([str(CORPUS)], store))
    assert len(plain[0]) > 500
    assert loaded == plain


def test_scheduler_without_out_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["extract", "--scheduler", "tcp://127.0.0.1:1", str(CORPUS)])
    assert result.exit_code == 1
    assert "--scheduler and --out go together" in result.stderr
