"""Store results -> plain JSON-able values, the same shape from both stores."""
from __future__ import annotations

import datetime as dt
from typing import Any

INTERNAL_KEYS = ("_ID", "_LABEL", "_SRC", "_DST")


def node(label: str, properties: dict[str, Any]) -> dict[str, Any]:
    return {"label": label, "properties": {k: plain(v) for k, v in sorted(properties.items()) if v is not None}}


def relationship(rel_type: str, properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": rel_type, "properties": {k: plain(v) for k, v in sorted(properties.items()) if v is not None}}


def plain(value: Any) -> Any:
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, dict):
        if "_NODES" in value and "_RELS" in value:  # embedded path
            return {"nodes": [plain(n) for n in value["_NODES"]],
                    "relationships": [plain(r) for r in value["_RELS"]]}
        if "_LABEL" in value and "_SRC" in value:  # embedded relationship
            return relationship(value["_LABEL"], {k: v for k, v in value.items() if k not in INTERNAL_KEYS})
        if "_LABEL" in value:  # embedded node
            return node(value["_LABEL"], {k: v for k, v in value.items() if k not in INTERNAL_KEYS})
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    iso = getattr(value, "iso_format", None)  # neo4j.time types
    if callable(iso):
        return iso()
    return str(value)
