"""A fresh Neo4j server for a benchmark: scripts/neo4j-server (Neo4j from Maven Central) on free
ports, in a run directory of the benchmark's own."""
from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "neo4j-server"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_neo4j(run_dir: Path) -> tuple[str, int, list[str]]:
    """Start an empty server in ``run_dir``: (its bolt URI, its process id, the command that stops
    it). Exits with the script's output when it does not start."""
    bolt, http = _free_port(), _free_port()
    started = subprocess.run([str(SCRIPT), "--run-dir", str(run_dir), "start", "--fresh", "--bolt", str(bolt),
                              "--http", str(http)], capture_output=True, text=True, timeout=900)
    if started.returncode != 0:
        sys.exit(f"Neo4j did not start:\n{started.stdout}\n{started.stderr}")
    pid = int(next(run_dir.glob("*.pid")).read_text().split()[0])
    return f"bolt://127.0.0.1:{bolt}", pid, [str(SCRIPT), "--run-dir", str(run_dir), "stop"]
