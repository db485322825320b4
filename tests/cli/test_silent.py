"""--silent also hides the Neo4j driver's retry warnings ("Transaction failed and will be retried …
DeadlockDetected"), which it logs on its "neo4j.session" logger when concurrent ingests collide."""
from __future__ import annotations

import subprocess
import sys

import pytest

# Runs the real ingest command in-process, then logs what the driver logs on a deadlock retry.
SCRIPT = """
import logging, sys
from newsgraph.cli import main
try:
    main(sys.argv[1:], standalone_mode=False)
finally:
    logging.getLogger("neo4j.session").warning(
        "Transaction failed and will be retried in %ss (%s)", 1.0, "DeadlockDetected")
"""
RETRY_LINE = "Transaction failed and will be retried in 1.0s (DeadlockDetected)"


@pytest.mark.integration
@pytest.mark.parametrize("flags, printed", [(["--silent"], False), ([], True)])
def test_silent_hides_the_driver_retry_warnings(tmp_path, flags, printed):
    (tmp_path / "a.md").write_text("星河电子第一季度营收12亿元。\n", encoding="utf-8")
    env_free = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT, "ingest", "--no-ner", "--db", str(tmp_path / "g.db"), *flags,
         str(tmp_path / "a.md")], capture_output=True, text=True, env=env_free, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert (RETRY_LINE in run.stderr) is printed
