"""The extractor id changes with any rule, word list or model file, and with nothing else."""
from __future__ import annotations

from importlib import resources

from newsgraph.app import _package_files, folder_digest


def test_the_digest_follows_code_data_and_model_files(tmp_path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "dates.py").write_text("X = 1\n")
    (tmp_path / "measures.tsv").write_text("营业收入\t营收\n")
    first = folder_digest(tmp_path)
    (tmp_path / "notes.pyc").write_bytes(b"\0compiled")  # not extraction input
    assert folder_digest(tmp_path) == first
    (tmp_path / "measures.tsv").write_text("营业收入\t营收\n收入\t营收\n")
    assert folder_digest(tmp_path) != first
    (tmp_path / "measures.tsv").write_text("营业收入\t营收\n")
    (tmp_path / "rules" / "dates.py").rename(tmp_path / "rules" / "figures.py")  # names count too
    assert folder_digest(tmp_path) != first


def test_the_installed_package_lists_its_data_and_model():
    names = [name for name, _ in _package_files(resources.files("newsgraph.extract"))]
    assert names == [name for name, _ in _package_files(resources.files("newsgraph.extract"))]
    assert {"data/measures.tsv", "data/speech_verbs.tsv", "ner/model/ner.crfsuite", "pipeline.py"} <= set(names)
    assert not [name for name in names if "__pycache__" in name]
