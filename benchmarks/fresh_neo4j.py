"""A Neo4j server for a benchmark: scripts/neo4j-server (Neo4j from Maven Central) on free ports,
in a run directory of the benchmark's own."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "neo4j-server"


def start_neo4j(run_dir: Path, data: Path | None = None) -> tuple[str, int, list[str]]:
    """Start a server in ``run_dir``, empty or on the database files in ``data``: (its bolt URI,
    its process id, the command that stops it). Exits with the script's output when it does
    not start."""
    where = ["--data", str(data)] if data else ["--fresh"]
    started = subprocess.run([str(SCRIPT), "--run-dir", str(run_dir), "start", *where, "--bolt", "free",
                              "--http", "free"], capture_output=True, text=True, timeout=900)
    if started.returncode != 0:
        sys.exit(f"Neo4j did not start:\n{started.stdout}\n{started.stderr}")
    uri = re.search(r"NEO4J_URI=(\S+)", started.stdout).group(1)
    pid = int((run_dir / "neo4j.pid").read_text().split()[0])
    return uri, pid, [str(SCRIPT), "--run-dir", str(run_dir), "stop"]
