"""`newsgraph train-ner` on a tiny CLUENER-format set we write here."""
from __future__ import annotations

import json

from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.extract.ner import load_tagger

SENTENCES = [
    ("星河科技董事长李明表示，公司将扩大产能。", {"company": {"星河科技": [[0, 3]]}, "name": {"李明": [[7, 8]]},
                                           "position": {"董事长": [[4, 6]]}}),
    ("李明认为，星河科技明年营收有望增长。", {"company": {"星河科技": [[5, 8]]}, "name": {"李明": [[0, 1]]}}),
    ("云帆集团总裁王芳称，云帆集团海外业务增长较快。", {"company": {"云帆集团": [[0, 3], [10, 13]]},
                                              "name": {"王芳": [[6, 7]]}, "position": {"总裁": [[4, 5]]}}),
]


def _write(folder, name):
    lines = [json.dumps({"text": t, "label": label}, ensure_ascii=False) for t, label in SENTENCES * 4]
    (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_train_ner_writes_a_model_that_tags_its_data(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    _write(data, "train.jsonl")
    _write(data, "dev.jsonl")
    result = CliRunner().invoke(main, ["train-ner", "--data", str(data), "--out", str(tmp_path / "model"),
                                       "--iterations", "30", "--silent"])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.stdout)
    assert metrics["dev"]["per_label"]["company"]["f1"] > 0.9
    tagger = load_tagger(tmp_path / "model")
    assert (0, 4, "company") in tagger.tag("星河科技董事长李明表示，公司将扩大产能。")


def test_train_ner_without_train_file_says_what_is_missing(tmp_path):
    result = CliRunner().invoke(main, ["train-ner", "--data", str(tmp_path), "--out", str(tmp_path / "m")])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"Error: {tmp_path / 'train.jsonl'}: no such file; --data must be a folder holding CLUENER-format train.jsonl")
