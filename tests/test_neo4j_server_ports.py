"""scripts/neo4j-server and .ci/run never depend on fixed ports being free."""
from __future__ import annotations

import re
import socket
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "neo4j-server"


def _is_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


@pytest.mark.neo4j  # needs java and the fetched jars (which the neo4j fixture's start fetches)
def test_a_taken_port_gets_a_hint_with_ports_that_are_free(tmp_path, neo4j_server):
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        port = held.getsockname()[1]
        run = subprocess.run([str(SCRIPT), "--run-dir", str(tmp_path), "start", "--bolt", str(port), "--http", "free"],
                             capture_output=True, text=True, timeout=300)
    assert run.returncode == 1 and run.stdout == ""
    match = re.search(rf"port {port} on 127\.0\.0\.1 is already in use; pick others with --http/--bolt "
                      r"\(e\.g\. --bolt (\d+) --http (\d+), free now, or --bolt free --http free\)", run.stderr)
    assert match, run.stderr
    suggested = [int(p) for p in match.groups()]
    assert port not in suggested and all(_is_free(p) for p in suggested)


def test_ci_starts_its_server_on_free_ports():
    start = [line for line in (ROOT / ".ci" / "run").read_text().splitlines() if "neo4j-server start" in line]
    assert start and all("--bolt free --http free" in line for line in start)
    assert not re.search(r"--(bolt|http)[ =]\d", "\n".join(start))
