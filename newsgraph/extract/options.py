"""What a pipeline is built with. No spaCy or jieba here: the CLI imports it to start fast."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PipelineOptions:
    user_dicts: tuple[str, ...] = ()   # jieba user dictionaries
    aliases: tuple[str, ...] = ()      # alias files: canonical<TAB>type<TAB>alias|alias
    use_ner: bool = True
    ner_model: str | None = None
