"""The click CLI: the composition root's command-line half."""
from __future__ import annotations

import click

from .. import __version__
from .ask import ask_command
from .browser import browser_command
from .conflicts import conflicts_command
from .extract import extract_command
from .ingest import ingest_command
from .load import load_command
from .options import CONTEXT
from .query import query_command, stats_command
from .remove import remove_command
from .train import train_ner_command


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "--version", prog_name="newsgraph")
def main():
    """Turn Chinese news articles into a knowledge graph, offline.

    Companies, people, figures (with measure, owner and period), dates and claims, with
    the article, sentence and character offsets of every fact; loaded into Neo4j or an
    embedded graph file (./newsgraph.db by default).

    \b
    Examples:
      newsgraph ingest corpora/
      newsgraph stats
      newsgraph query "MATCH (p:Person)-[r:HOLDS_ROLE]->(c:Company)
        RETURN DISTINCT p.name AS person, r.title AS title, c.name AS company ORDER BY company, person, title"
      newsgraph extract corpora/a01-*.md | jq .figures
      NEO4J_URI=bolt://127.0.0.1:7687 newsgraph ingest corpora/
    """


for command in (ingest_command, extract_command, query_command, stats_command, train_ner_command,
                ask_command, browser_command, conflicts_command, load_command, remove_command):
    main.add_command(command)
