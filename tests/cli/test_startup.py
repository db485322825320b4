"""`newsgraph --help` and the commands that only read the graph start without the extraction
stack: spaCy, jieba and the NER model load only in commands that extract."""
from __future__ import annotations

import pytest
import subprocess
import sys

HEAVY = ("spacy", "jieba", "pycrfsuite", "neo4j", "ladybug")


def _modules_after(code: str) -> set[str]:
    probe = f"import sys\n{code}\nprint(' '.join(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return set(done.stdout.split())


@pytest.mark.integration
def test_help_imports_no_extraction_or_store_driver():
    loaded = _modules_after(
        "from click.testing import CliRunner\n"
        "from newsgraph.cli import main\n"
        "assert CliRunner().invoke(main, ['--help']).exit_code == 0\n"
        "assert CliRunner().invoke(main, ['ingest', '--help']).exit_code == 0")
    assert "newsgraph.cli" in loaded
    assert not {name for name in loaded if name.split(".")[0] in HEAVY}


@pytest.mark.integration
def test_extracting_does_import_the_pipeline():  # the probe above can see these modules
    loaded = _modules_after("from newsgraph.parallel import extract_each\n"
                            "from newsgraph.model import Article\n"
                            "list(extract_each([Article(id='a', text='星河电子营收12亿元。')]))")
    assert {"spacy", "jieba"} <= loaded
