"""Shared fixtures: the real Neo4j server, the extracted corpus, and both stores."""
from __future__ import annotations

import multiprocessing.process
import os
import socket
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpora"
NEO4J_SCRIPT = ROOT / "scripts" / "neo4j-server"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory) -> dict[str, str]:
    """{"uri", "browser_url"} of a Neo4j server the tests may wipe: NEWSGRAPH_TEST_NEO4J_URI when set
    (.ci/run starts one), else one this session starts and stops. Never NEO4J_URI: that is the
    user's own graph, which the tests would clear."""
    if os.environ.get("NEWSGRAPH_TEST_NEO4J_URI"):
        yield {"uri": os.environ["NEWSGRAPH_TEST_NEO4J_URI"],
               "browser_url": os.environ.get("NEWSGRAPH_TEST_NEO4J_BROWSER_URL", "http://127.0.0.1:7474/browser/")}
        return
    run_dir = tmp_path_factory.mktemp("neo4j")
    bolt, http = _free_port(), _free_port()
    started = subprocess.run(
        [str(NEO4J_SCRIPT), "--run-dir", str(run_dir), "start", "--fresh", "--bolt", str(bolt), "--http", str(http)],
        capture_output=True, text=True, timeout=900,
    )
    assert started.returncode == 0, f"Neo4j did not start:\n{started.stdout}\n{started.stderr}"
    try:
        yield {"uri": f"bolt://127.0.0.1:{bolt}", "browser_url": f"http://127.0.0.1:{http}/browser/"}
    finally:
        subprocess.run([str(NEO4J_SCRIPT), "--run-dir", str(run_dir), "stop"], capture_output=True, timeout=120)


@pytest.fixture(scope="session")
def neo4j_uri(neo4j_server) -> str:
    return neo4j_server["uri"]


@pytest.fixture(scope="session")
def corpus_articles():
    from newsgraph.app import read_all
    from newsgraph.extract.reader import Metadata

    articles, failed, _ = read_all([str(CORPUS)], Metadata())
    assert not failed, failed
    return articles


@pytest.fixture(scope="session")
def nlp():
    from newsgraph.extract.pipeline import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def corpus_extractions(corpus_articles, nlp):
    from newsgraph.extract.pipeline import extract

    return list(extract(corpus_articles, nlp))


@pytest.fixture(scope="session")
def corpus_documents(corpus_extractions):
    from newsgraph.extract.serialize import to_document

    return [to_document(x, with_text=True) for x in corpus_extractions]


NEO4J_FIXTURES = {"neo4j_server", "neo4j_uri"}
STORE_VARIABLES = ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE", "NEO4J_BROWSER_URL",
                   "NEWSGRAPH_DB")


@pytest.fixture
def runner(monkeypatch):
    """A CliRunner without the store variables CI (or a user) sets: commands use the embedded store
    unless a test names another."""
    from click.testing import CliRunner

    for name in STORE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return CliRunner()


# Fixtures that hand a test a real store; a test using one is an integration test.
STORE_FIXTURES = NEO4J_FIXTURES | {"store", "corpus_store", "store_args"}


def _needs_neo4j(item) -> bool:
    """Static requests of the server fixtures, or a store fixture parametrized as "neo4j"."""
    if NEO4J_FIXTURES & set(getattr(item, "fixturenames", ())):
        return True
    callspec = getattr(item, "callspec", None)
    return callspec is not None and "neo4j" in callspec.params.values()


def _is_integration(item) -> bool:
    return bool(STORE_FIXTURES & set(getattr(item, "fixturenames", ()))) or item.get_closest_marker("neo4j") is not None


def pytest_collection_modifyitems(config, items):
    """Mark every test that talks to the real Neo4j server (`-m "not neo4j"` runs without it), and
    every test that uses a real store or other processes as integration (`-m "not integration"`
    is the unit suite)."""
    for item in items:
        if _needs_neo4j(item):
            item.add_marker(pytest.mark.neo4j)
        if _is_integration(item):
            item.add_marker(pytest.mark.integration)


class UnmarkedIntegration(AssertionError):
    """A unit test opened a store or started a process: it belongs to the integration suite."""


@pytest.fixture(autouse=True)
def _unit_tests_stay_in_process(request, monkeypatch):
    """Keep the unit suite honest: a test not marked integration may not open the embedded store
    or start a process (mark the test or its module `pytest.mark.integration`)."""
    if request.node.get_closest_marker("integration"):
        return

    def refuse(*args, **kwargs):
        raise UnmarkedIntegration(f"{request.node.nodeid} opens a store or starts a process: "
                                  "mark it pytest.mark.integration")

    from newsgraph.graph.embedded_store import EmbeddedStore

    monkeypatch.setattr(EmbeddedStore, "__init__", refuse)
    monkeypatch.setattr(subprocess.Popen, "__init__", refuse)
    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", refuse)
