"""newsgraph train-ner"""
from __future__ import annotations

from pathlib import Path

import click

from .common import echo_json, stderr
from .options import CONTEXT, silent_option


@click.command("train-ner", context_settings=CONTEXT)
@click.option("--data", "data_dir", required=True, type=click.Path(exists=True, file_okay=False),
              help="Folder with CLUENER train.jsonl and dev.jsonl.")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder to write the trained model into.")
@silent_option
def train_ner_command(data_dir, out_dir, silent):
    """Train the NER model on CLUENER-format data; print dev scores as JSON.

    The shipped model was made with this command; pass its --out folder to the
    pipeline (or replace newsgraph/extract/ner/model/) to use a retrained one.

    \b
    Examples:
      newsgraph train-ner --data ../shared/data/cluener --out build/ner
    """
    from ..extract.ner.train import train_ner

    data = Path(data_dir)
    for name in ("train.jsonl", "dev.jsonl"):
        if not (data / name).is_file():
            raise click.ClickException(f"{data / name}: missing; --data must hold train.jsonl and dev.jsonl")
    progress = None if silent else (lambda info: stderr(f"training: {info}"))
    echo_json(train_ner(data, Path(out_dir), progress=progress))
