"""newsgraph train-ner"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .common import echo_json
from .options import CONTEXT, silent_option


def _progress_bar(silent: bool, length: int):
    return None if silent else click.progressbar(length=length, label="Training", file=sys.stderr)


@click.command("train-ner", context_settings=CONTEXT)
@click.option("--data-root", type=click.Path(exists=True, file_okay=False),
              help="Folder under which the manifest's data sets live (reproduces the shipped model).")
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False),
              help="Training manifest JSON (default: the shipped model's newsgraph/extract/ner/training.json).")
@click.option("--data", "data_dir", type=click.Path(exists=True, file_okay=False),
              help="Instead of a manifest: one folder with CLUENER-format train.jsonl (dev.jsonl scored).")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder to write the trained model into (ner.crfsuite, meta.json).")
@click.option("--iterations", default=100, show_default=True, type=click.IntRange(1, 10000),
              help="L-BFGS iterations (100 reproduces the shipped model).")
@silent_option
def train_ner_command(data_root, manifest, data_dir, out_dir, iterations, silent):
    """Train the CRF NER model; print its training figures as JSON.

    The shipped model (newsgraph/extract/ner/model/) is made with --data-root and the
    defaults: CLUENER train, MSRA train, People's Daily dev and Resume NER train, labels mapped
    as training.json says (about an hour on one core). To use a retrained model, replace that
    folder's files with the ones in --out.

    \b
    Examples:
      newsgraph train-ner --data-root ../shared/data --out build/ner
      newsgraph train-ner --data-root ../shared/data --manifest my.json --out build/ner
      newsgraph train-ner --data ../shared/data/cluener --out build/ner-cluener
    """
    if bool(data_root) == bool(data_dir):
        raise click.ClickException("give either --data-root (manifest training) or --data (one CLUENER folder)")
    if data_dir and not (Path(data_dir) / "train.jsonl").is_file():
        raise click.ClickException(
            f"{Path(data_dir) / 'train.jsonl'}: no such file; --data must be a folder holding CLUENER-format train.jsonl")
    bar = _progress_bar(silent, iterations)
    if bar is not None:
        bar.__enter__()
    progress = (lambda info: bar.update(1)) if bar is not None else None
    try:
        if data_root:
            from ..extract.ner.train import train_from_manifest

            try:
                metrics = train_from_manifest(Path(data_root), Path(out_dir),
                                              Path(manifest) if manifest else None,
                                              max_iterations=iterations, progress=progress)
            except (FileNotFoundError, ValueError) as exc:
                raise click.ClickException(str(exc)) from None
        else:
            from ..extract.ner.train import train_ner

            metrics = train_ner(Path(data_dir), Path(out_dir), max_iterations=iterations, progress=progress)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    echo_json(metrics)
