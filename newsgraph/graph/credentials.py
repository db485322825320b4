"""Passwords written into URIs (bolt://neo4j:secret@host) never reach the screen."""
from __future__ import annotations

import re

# scheme://user:password@ — the password runs to the last @ before a space, so one with an @ is hidden whole.
_USERINFO = re.compile(r"(?P<head>\b[A-Za-z][A-Za-z0-9+.-]*://[^\s:/@]*):(?P<password>\S*)@")


def redact_credentials(text: str, mask: str = "***") -> str:
    """text with the password of every URI in it replaced by mask; dropped with its ':' when mask is ''."""
    return _USERINFO.sub(lambda m: f"{m['head']}:{mask}@" if mask else f"{m['head']}@", text)

