"""The graph model: labels, keys, property types and relationship types.

Both stores are built from these tables: Neo4j gets uniqueness constraints on the keys, the
embedded store gets typed node and relationship tables.
"""
from __future__ import annotations

from ..model import MAX_KEY_CHARS, entity_key  # noqa: F401  (keys are computed with the records)

ENTITY_LABELS = ("Company", "Person", "Organization", "Product")
SPEAKER_LABELS = ("Person", "Company", "Organization")
OWNER_LABELS = ("Company", "Organization", "Person")
ROLE_ORG_LABELS = ("Company", "Organization")

_ENTITY = {"key": "STRING", "name": "STRING", "aliases": "STRING[]"}
_FACT = {"id": "STRING", "name": "STRING", "text": "STRING", "article_id": "STRING",
         "start_char": "INT64", "end_char": "INT64"}

# label -> (key property, {property: embedded-store type})
NODES: dict[str, tuple[str, dict[str, str]]] = {
    "Article": ("id", {
        "id": "STRING", "name": "STRING", "title": "STRING", "published": "STRING",
        "source": "STRING", "author": "STRING", "url": "STRING", "path": "STRING",
        "text": "STRING", "extractor": "STRING", "fingerprint": "STRING", "fictional": "BOOLEAN",
        "source_path": "STRING",
    }),
    "Sentence": ("id", {**_FACT, "position": "INT64"}),
    **{label: ("key", dict(_ENTITY)) for label in ENTITY_LABELS},
    "Period": ("key", {"key": "STRING", "name": "STRING", "first_day": "STRING", "last_day": "STRING"}),
    "Figure": ("id", {
        **_FACT, "value": "DOUBLE", "unit": "STRING", "qualifier": "STRING", "direction": "STRING",
        "high": "DOUBLE", "vague": "BOOLEAN", "measure": "STRING", "subject": "STRING",
        "period": "STRING", "quantity": "STRING",
    }),
    "Quantity": ("key", {"key": "STRING", "name": "STRING"}),
    # One value of a quantity as written (graph/compare.py); `sources`: the articles reporting it.
    "Value": ("key", {"key": "STRING", "name": "STRING", "quantity": "STRING", "value": "DOUBLE",
                      "lower": "DOUBLE", "upper": "DOUBLE", "unit": "STRING", "sources": "INT64"}),
    "Claim": ("id", {**_FACT, "speaker": "STRING", "cue": "STRING", "quoted": "BOOLEAN"}),
}

_SPAN = {"start_char": "INT64", "end_char": "INT64", "text": "STRING"}

# type -> ([(from label, to label)], {property: type})
RELATIONSHIPS: dict[str, tuple[list[tuple[str, str]], dict[str, str]]] = {
    "HAS_SENTENCE": ([("Article", "Sentence")], {}),
    "MENTIONS": ([("Article", label) for label in ENTITY_LABELS], {**_SPAN, "sentence": "INT64"}),
    "REFERS_TO": ([("Sentence", "Period")], {**_SPAN, "kind": "STRING"}),
    "IN_SENTENCE": ([("Figure", "Sentence"), ("Claim", "Sentence")], {}),
    "OF": ([("Figure", label) for label in OWNER_LABELS], {}),
    "FOR_PERIOD": ([("Figure", "Period")], {}),
    "CHANGE_OF": ([("Figure", "Figure")], {}),
    "MEASURES": ([("Figure", "Quantity")], {}),
    "REPORTS": ([("Figure", "Value")], {}),
    "OF_QUANTITY": ([("Value", "Quantity")], {}),
    "AGREES_WITH": ([("Value", "Value")], {}),
    "DISAGREES_WITH": ([("Value", "Value")], {"difference": "DOUBLE", "ratio": "DOUBLE"}),
    "SAID_BY": ([("Claim", label) for label in SPEAKER_LABELS], {}),
    "ABOUT": ([("Claim", label) for label in ENTITY_LABELS], {}),
    "CITES": ([("Claim", "Figure")], {}),
    "HOLDS_ROLE": ([("Person", label) for label in ROLE_ORG_LABELS],
                   {**_SPAN, "title": "STRING", "article_id": "STRING"}),
}

# Nodes that belong to one article and are replaced with it.
ARTICLE_FACT_LABELS = ("Sentence", "Figure", "Claim")
# Shared nodes removed once nothing points at them any more.
SHARED_LABELS = ENTITY_LABELS + ("Period",)


def entity_name(name: str) -> str:
    """The name an entity node shows: at most MAX_KEY_CHARS characters (the name is indexed too)."""
    return name if len(name) <= MAX_KEY_CHARS else name[:MAX_KEY_CHARS - 1] + "…"
