"""The Neo4j Browser side of the graph: where the Browser is, and the style the project ships."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, urlsplit

from .credentials import redact_credentials

STYLE_PATH = Path(__file__).resolve().parents[1] / "browser" / "style.grass"
LOCAL_URI = "bolt://127.0.0.1:7687"  # scripts/neo4j-server's default
HTTP_PORT, HTTPS_PORT = 7474, 7473


def browser_url(neo4j_uri: str | None = None, http_port: int | None = None) -> str:
    """The Browser served by the server at neo4j_uri: its host, HTTP port 7474 (7473 for TLS)."""
    parts = urlsplit(neo4j_uri or LOCAL_URI)
    if not parts.scheme or not parts.hostname:
        raise ValueError(redact_credentials(f"invalid Neo4j URI {neo4j_uri!r}; use e.g. {LOCAL_URI}"))
    tls = parts.scheme.endswith(("+s", "+ssc"))
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    port = http_port or (HTTPS_PORT if tls else HTTP_PORT)
    return f"{'https' if tls else 'http'}://{host}:{port}/browser/"


def connect_url(browser: str, neo4j_uri: str | None = None, auth: bool = False) -> str:
    """The Browser URL with its connect form filled in (and no-auth preselected without a user).

    A password in the URI is left out: the URL is printed, and the form asks for it."""
    dbms = redact_credentials(neo4j_uri or LOCAL_URI, mask="")
    url = f"{browser}{'&' if '?' in browser else '?'}dbms={quote(dbms, safe=':/')}"
    return url if auth or "@" in urlsplit(dbms).netloc else url + "&preselectAuthMethod=NO_AUTH"


def style_text() -> str:
    """The GraSS the project ships: a colour, size and caption per label."""
    return STYLE_PATH.read_text(encoding="utf-8")


def style_command() -> str:
    """`:style` followed by the GraSS: run it in the Browser's editor to apply the style."""
    return ":style\n" + style_text()
