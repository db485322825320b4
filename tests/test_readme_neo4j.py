"""The README's Neo4j steps, run as written (its shell blocks are this test's input) against a
server that scripts/neo4j-server starts on free ports: every command must reach that server."""
from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from newsgraph.app import read_all
from newsgraph.extract.reader import Metadata

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
STOP = "scripts/neo4j-server stop"


def readme_shell(name: str) -> list[str]:
    match = re.search(rf"<!-- shell: {name} [^>]*-->\n```bash\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert match, f"README has no shell block {name}"
    return match.group(1).strip().splitlines()


def _run(lines: list[str], check_dir: Path, env: dict) -> subprocess.CompletedProcess:
    """The block's lines in one bash, with our checks inserted before the server is stopped (by
    the block's last line, or by us when the block leaves it running for the Browser)."""
    before_stop = [line for line in lines if not line.startswith(STOP)]
    assert len(lines) - len(before_stop) <= 1 and all(line.startswith(STOP) for line in lines[len(before_stop):])
    script = "\n".join([
        "set -euo pipefail",
        f"trap '{STOP} >/dev/null 2>&1 || true' EXIT",
        'open() { printf "%s\\n" "$1" > "$CHECK/opened"; }',  # no browser here: record the URL
        *before_stop,
        '.venv/bin/newsgraph stats --json > "$CHECK/stats.json"',
        '.venv/bin/newsgraph browser --json > "$CHECK/browser.json"',
        STOP,
    ])
    return subprocess.run(["bash", "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=1800)


@pytest.mark.neo4j
def test_the_readme_neo4j_steps_use_neo4j(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env.update({
        "CHECK": str(tmp_path),
        "NEWSGRAPH_NEO4J_RUN_DIR": str(tmp_path / "run"),   # not the project's .neo4j
        "NEWSGRAPH_NEO4J_BOLT_PORT": "free", "NEWSGRAPH_NEO4J_HTTP_PORT": "free",
        "NEWSGRAPH_DB": str(tmp_path / "fallback.db"),      # were Neo4j missed, this file would appear
    })
    articles, _, _ = read_all([str(ROOT / "corpora")], Metadata())
    try:
        for block in ("neo4j-steps", "neo4j-browser-steps"):
            run = _run(readme_shell(block), tmp_path, env)
            assert run.returncode == 0, f"{block}:\n{run.stdout[-2000:]}\n{run.stderr[-3000:]}"
            stats = json.loads((tmp_path / "stats.json").read_text())
            assert stats["store"] == "neo4j" and stats["location"].startswith("bolt://127.0.0.1:")
            assert stats["labels"]["Article"] == len(articles)
            assert f"newsgraph: using Neo4j at {stats['location']}" in run.stderr
            assert "embedded store" not in run.stderr
            browser = json.loads((tmp_path / "browser.json").read_text())
            assert browser["neo4j_uri"] == stats["location"]
            if block == "neo4j-steps":
                assert (tmp_path / "opened").read_text().strip() == browser["browser_url"]
            else:
                assert "NEO4J_URI is not set" not in run.stdout
        assert not (tmp_path / "fallback.db").exists()
    finally:
        subprocess.run([str(ROOT / "scripts" / "neo4j-server"), "--run-dir", str(tmp_path / "run"), "stop"],
                       capture_output=True, timeout=120)
