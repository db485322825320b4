"""newsgraph train-ner"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .common import echo_json
from .options import CONTEXT, silent_option


@click.command("train-ner", context_settings=CONTEXT)
@click.option("--data", "data_dir", required=True, type=click.Path(exists=True, file_okay=False),
              help="Folder with CLUENER-format train.jsonl (and dev.jsonl, scored when present).")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder to write the trained model into (ner.crfsuite, meta.json).")
@click.option("--iterations", default=100, show_default=True, type=click.IntRange(1, 10000),
              help="L-BFGS iterations (100 reproduces the shipped model).")
@silent_option
def train_ner_command(data_dir, out_dir, iterations, silent):
    """Train the CRF NER model on CLUENER-format data; print dev scores as JSON.

    The shipped model (newsgraph/extract/ner/model/) was made with the defaults on
    CLUENER2020's train.jsonl: about 4 minutes on one core. To use a retrained model,
    replace that folder's files with the ones in --out.

    \b
    Examples:
      newsgraph train-ner --data ../shared/data/cluener --out build/ner
      newsgraph train-ner --data my-labelled-news/ --out build/ner --iterations 150
    """
    from ..extract.ner.train import train_ner

    data = Path(data_dir)
    if not (data / "train.jsonl").is_file():
        raise click.ClickException(
            f"{data / 'train.jsonl'}: no such file; --data must be a folder holding CLUENER-format train.jsonl")
    bar = None if silent else click.progressbar(
        length=iterations, label="Training", file=sys.stderr)
    if bar is not None:
        bar.__enter__()
    try:
        metrics = train_ner(data, Path(out_dir), max_iterations=iterations,
                            progress=(lambda info: bar.update(1)) if bar is not None else None)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    echo_json(metrics)
