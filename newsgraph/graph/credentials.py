"""Passwords written into URIs (bolt://neo4j:secret@host) never reach the screen."""
from __future__ import annotations

import re

# [scheme://]user:password@ — the password runs to the last @ before a space, quote or /, so one
# holding an @ is hidden whole; without a scheme too, as users write neo4j:secret@host.
_USERINFO = re.compile(r"(?P<head>(?:\b[A-Za-z][A-Za-z0-9+.-]*://)?[^\s:/@'\"]*):(?P<password>[^\s/'\"]*)@")


def redact_credentials(text: str, mask: str = "***") -> str:
    """text with the password of every URI in it replaced by mask; dropped with its ':' when mask is ''."""
    return _USERINFO.sub(lambda m: f"{m['head']}:{mask}@" if mask else f"{m['head']}@", text)

