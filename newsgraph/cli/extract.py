"""newsgraph extract"""
from __future__ import annotations

import sys

import click

from ..app import extract_documents
from ..extract.reader import InputError
from .common import echo_json, pipeline, stderr
from .options import CONTEXT, input_options, metadata, pipeline_options, silent_option


@click.command("extract", context_settings=CONTEXT)
@input_options
@pipeline_options
@click.option("--with-text", is_flag=True, help="Include article.text (what the offsets index).")
@silent_option
def extract_command(inputs, published, source, aliases, user_dicts, no_ner, with_text, silent):
    """Print what was found in each article as NDJSON, without any database.

    One JSON object per article and line: article metadata, sentences, entities, figures,
    dates, claims and relations, with character offsets (see docs/extract-contract.md).

    \b
    Examples:
      newsgraph extract corpora/a01-*.md
      newsgraph extract --with-text article.txt --published 2025-03-19 | jq .figures
      echo '华为2024年营收8621亿元。' | newsgraph extract - --published 2025-03-31
    """
    failed = 0
    try:
        for result, document in extract_documents(
                inputs, defaults=metadata(published, source), options=pipeline(aliases, user_dicts, no_ner),
                with_text=with_text, stdin=sys.stdin.buffer):
            if not silent:
                for warning in result.warnings:
                    stderr(f"warning: {warning}")
            if document is None:
                failed += 1
                stderr(f"error: {result.error}")
            else:
                echo_json(document, indent=None)
    except InputError as error:
        raise click.ClickException(f"{error}. Pass files, directories, globs or - for stdin.") from None
    if failed:
        raise SystemExit(1)
