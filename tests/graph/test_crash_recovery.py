"""An embedded ingest killed (SIGKILL) in the middle of its checkpoint: the next read-only
command (stats, query, ask) finishes the recovery itself instead of blaming another process."""
from __future__ import annotations

import pytest
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

NEWSGRAPH = [str(Path(sys.executable).parent / "newsgraph")]
ENV = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}  # the embedded store
ARTICLES = 80


def _articles(path: Path) -> None:
    lines = [json.dumps({"text": f"星河电子第{i}号工厂2024年营收{i}亿元，同比增长{i % 50}%。"
                                 f"董事长林海表示，公司将扩大产能。", "title": f"工厂{i}"}, ensure_ascii=False)
             for i in range(ARTICLES)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _kill_during_checkpoint(db: Path, inputs: Path) -> None:
    """Start an ingest and SIGKILL it as soon as its checkpoint has begun (the shadow file exists)."""
    shadow = Path(f"{db}.shadow")
    ingest = subprocess.Popen(NEWSGRAPH + ["ingest", "--no-ner", "--silent", "--db", str(db), str(inputs)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    deadline = time.monotonic() + 300
    while not shadow.exists() and ingest.poll() is None and time.monotonic() < deadline:
        time.sleep(0.0005)
    os.kill(ingest.pid, signal.SIGKILL)
    ingest.wait()
    assert shadow.exists(), "the ingest ended before its checkpoint could be interrupted"


@pytest.mark.integration
def test_stats_recovers_after_an_ingest_killed_during_its_checkpoint(tmp_path):
    _articles(tmp_path / "a.ndjson")
    db = tmp_path / "graph.db"
    _kill_during_checkpoint(db, tmp_path / "a.ndjson")
    stats = subprocess.run(NEWSGRAPH + ["stats", "--json", "--db", str(db)], capture_output=True, text=True, env=ENV)
    assert stats.returncode == 0, stats.stderr
    assert "another newsgraph process" not in stats.stderr
    assert json.loads(stats.stdout)["labels"]["Article"] == ARTICLES
    query = subprocess.run(NEWSGRAPH + ["query", "--json", "--db", str(db), "MATCH (a:Article) RETURN count(a) AS n"],
                           capture_output=True, text=True, env=ENV)
    assert query.returncode == 0 and json.loads(query.stdout) == [{"n": ARTICLES}]
