"""Training data sets in their own formats, mapped onto the tagger's labels; manifest training."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.extract.ner import load_tagger
from newsgraph.extract.ner.corpora import LABELS, load_manifest, map_label, read_dataset
from newsgraph.extract.ner.train import train_from_manifest


def _cluener_line(text, spans):
    label = {}
    for surface, cls in spans:
        start = text.index(surface)
        label.setdefault(cls, {})[surface] = [[start, start + len(surface) - 1]]
    return json.dumps({"text": text, "label": label}, ensure_ascii=False)


def _spans_line(text, spans):
    out = []
    for surface, cls in spans:
        start = text.index(surface)
        out.append({"start": start, "end": start + len(surface), "label": cls, "text": surface})
    return json.dumps({"id": "x", "text": text, "spans": out}, ensure_ascii=False)


@pytest.mark.parametrize("surface, target, expected", [
    ("远航科技有限公司", "org_split", "company"),
    ("海岳银行", "org_split", "company"),
    ("北岭大学", "org_split", "organization"),
    ("东川市人民政府", "org_split", "organization"),
    ("北岭大学", "organization", "organization"),
    ("张三", "name", "name"),
])
def test_map_label(surface, target, expected):
    assert map_label(target, surface) == expected


def test_read_dataset_maps_and_drops_labels(tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_text(_spans_line("张三加入远航科技有限公司，在北岭大学任教。",
                             [("张三", "PER"), ("远航科技有限公司", "ORG"), ("北岭大学", "ORG"),
                              ("任教", "TIME")]) + "\n", encoding="utf-8")
    [(text, spans)] = read_dataset(f, "spans", {"PER": "name", "ORG": "org_split"})
    assert [(text[s:e], lab) for s, e, lab in spans] == [
        ("张三", "name"), ("远航科技有限公司", "company"), ("北岭大学", "organization")]


def test_read_dataset_names_the_bad_line(tmp_path):
    f = tmp_path / "bad.jsonl"
    f.write_text('{"text": "x", "label": {}}\nnot json\n', encoding="utf-8")
    with pytest.raises(ValueError, match="bad.jsonl:2: not JSON"):
        read_dataset(f, "cluener", {})


def test_shipped_manifest_lists_no_test_split_and_no_duee():
    sets = load_manifest()
    paths = [d.path for d in sets]
    assert paths and not any("test" in p or "duee" in p for p in paths)
    for d in sets:
        assert set(d.labels.values()) <= set(LABELS) | {"org_split"}


def test_manifest_with_an_unknown_label_is_refused(tmp_path):
    m = tmp_path / "m.json"
    m.write_text(json.dumps({"datasets": [{"path": "a", "format": "spans", "labels": {"X": "thing"}}]}))
    with pytest.raises(ValueError, match="unknown target label"):
        load_manifest(m)


TINY = [
    ("腾讯集团董事长马化腾表示，公司将加大投入。", [("腾讯集团", "company"), ("马化腾", "name")]),
    ("小米集团创始人雷军在北京发布新品。", [("小米集团", "company"), ("雷军", "name"), ("北京", "address")]),
    ("北岭大学的李四教授参加了会议。", [("北岭大学", "organization"), ("李四", "name")]),
]


def _tiny_root(tmp_path):
    root = tmp_path / "data"
    (root / "cluener").mkdir(parents=True)
    (root / "cluener" / "train.jsonl").write_text(
        "\n".join(_cluener_line(t, s) for t, s in TINY) + "\n", encoding="utf-8")
    (root / "pd").mkdir()
    (root / "pd" / "dev.jsonl").write_text(
        _spans_line("王五访问了东川市人民政府。", [("王五", "PER"), ("东川市人民政府", "ORG")]) + "\n",
        encoding="utf-8")
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({"datasets": [
        {"path": "cluener/train.jsonl", "format": "cluener",
         "labels": {"name": "name", "company": "company", "organization": "organization",
                    "address": "location"}},
        {"path": "pd/dev.jsonl", "format": "spans", "labels": {"PER": "name", "ORG": "org_split"}},
    ]}), encoding="utf-8")
    return root, manifest


def test_manifest_training_learns_its_data_and_records_it(tmp_path):
    root, manifest = _tiny_root(tmp_path)
    metrics = train_from_manifest(root, tmp_path / "m", manifest, max_iterations=60, c1=0.0, min_freq=1)
    assert metrics["train_sentences"] == 4
    tagger = load_tagger(tmp_path / "m")
    assert tagger.labels == LABELS
    assert [d["path"] for d in tagger.meta["trained_on"]] == ["cluener/train.jsonl", "pd/dev.jsonl"]
    text, ents = TINY[0]
    assert {(text[s:e], lab) for s, e, lab in tagger.tag(text)} == set(ents)


def test_cli_train_ner_from_a_data_root(tmp_path):
    root, manifest = _tiny_root(tmp_path)
    result = CliRunner().invoke(main, ["train-ner", "--data-root", str(root), "--manifest", str(manifest),
                                       "--out", str(tmp_path / "m"), "--iterations", "20", "--silent"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["train_sentences"] == 4


def test_cli_train_ner_missing_data_set_is_a_clear_error(tmp_path):
    root, manifest = _tiny_root(tmp_path)
    (root / "pd" / "dev.jsonl").unlink()
    result = CliRunner().invoke(main, ["train-ner", "--data-root", str(root), "--manifest", str(manifest),
                                       "--out", str(tmp_path / "m"), "--silent"])
    assert result.exit_code == 1
    assert "pd/dev.jsonl: no such file (listed in the training manifest)" in result.output


def test_cli_train_ner_needs_one_source(tmp_path):
    result = CliRunner().invoke(main, ["train-ner", "--out", str(tmp_path / "m")])
    assert result.exit_code == 1
    assert "give either --data-root" in result.output
