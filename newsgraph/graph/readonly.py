"""The guard in front of every read: one statement that only reads, on either store.

Both stores also run reads read-only (Neo4j in a READ transaction, the embedded store opened
read_only), but neither blocks everything: in a read transaction Neo4j still runs TERMINATE
TRANSACTIONS, SHOW, LOAD CSV and procedures such as db.clearQueryCaches(); a read-only LadybugDB
still writes files (COPY TO, EXPORT DATABASE), reads them (LOAD FROM), loads extensions, changes
settings (CALL threads=1) and crashes on CHECKPOINT. So a statement must also pass an allow-list,
checked on its tokens with string literals, comments and `quoted names` set aside: it starts with
a reading clause, names no writing or file/admin clause anywhere, calls only listed read
procedures, and is one statement.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .store import GraphQueryError

FIRST_CLAUSES = frozenset({"MATCH", "OPTIONAL", "WITH", "UNWIND", "RETURN", "CALL"})

# Clause words that write, touch files, the network, settings, transactions or other databases.
FORBIDDEN = frozenset({
    "CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "ALTER", "RENAME", "FOREACH",
    "INSERT", "UPDATE", "GRANT", "REVOKE", "DENY", "LOAD", "COPY", "INSTALL", "UNINSTALL", "ATTACH",
    "EXPORT", "IMPORT", "USE", "TERMINATE", "SHOW", "TRANSACTIONS", "BEGIN", "COMMIT", "ROLLBACK",
    "CHECKPOINT",
})

# Procedures that only describe the schema (Neo4j, then LadybugDB); compared case-insensitively.
READ_PROCEDURES = frozenset({
    "db.labels", "db.relationshiptypes", "db.propertykeys", "db.schema.visualization",
    "db.schema.nodetypeproperties", "db.schema.reltypeproperties",
    "show_tables", "table_info", "show_connection", "db_version",
})

_WORD = re.compile(r"[^\W\d]\w*")
_NUMBER = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")
# Neo4j ends a // comment at \r, \u2028 and \u2029 too: end it at any line break, never later than a store.
_LINE_END = re.compile("[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_CLOSING = {"'": "'", '"': '"', "`": "`"}


class ReadOnlyQueryError(GraphQueryError):
    """A query that is not one read-only statement; the message says what is not allowed."""


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # "word" | "number" | "string" | "name" (backtick-quoted) | "symbol"
    text: str


def _quoted_end(query: str, start: int) -> int:
    """Index after the string or `name` opening at start; backslash escapes in strings, `` in names."""
    quote, i = query[start], start + 1
    while i < len(query):
        ch = query[i]
        if ch == "\\" and quote != "`":
            i += 2
            continue
        if ch == quote:
            if quote == "`" and query.startswith("``", i):
                i += 2
                continue
            return i + 1
        i += 1
    what = "quoted name" if quote == "`" else "string"
    raise ReadOnlyQueryError(f"the query has an unterminated {what} (from {query[start:start + 20]!r})")


def tokens(query: str) -> list[Token]:
    """The query's tokens; comments dropped, strings and `names` kept as single opaque tokens."""
    found, i = [], 0
    while i < len(query):
        if (space := _SPACE.match(query, i)):
            i = space.end()
        elif query.startswith("//", i):
            end = _LINE_END.search(query, i)
            i = end.end() if end else len(query)
        elif query.startswith("/*", i):
            end = query.find("*/", i + 2)
            if end < 0:
                raise ReadOnlyQueryError("the query has an unterminated /* comment")
            i = end + 2
        elif query[i] in _CLOSING:
            end = _quoted_end(query, i)
            found.append(Token("name" if query[i] == "`" else "string", query[i:end]))
            i = end
        elif (match := _WORD.match(query, i) or _NUMBER.match(query, i)):
            found.append(Token("word" if match.re is _WORD else "number", match.group()))
            i = match.end()
        else:
            found.append(Token("symbol", query[i]))
            i += 1
    return found


def _procedure(after_call: list[Token]) -> str | None:
    """The dotted name a CALL names; None for a subquery `CALL {…}` or `CALL (…) {…}`."""
    if after_call and after_call[0].text in ("{", "("):
        return None
    parts = []
    for index, token in enumerate(after_call):
        expect_word = index % 2 == 0
        if expect_word and token.kind == "word":
            parts.append(token.text)
        elif not expect_word and token.text == ".":
            continue
        else:
            break
    return ".".join(parts) or (after_call[0].text if after_call else "nothing")


def _refuse(what: str, fix: str) -> ReadOnlyQueryError:
    return ReadOnlyQueryError(f"{what} is not allowed: `query` and `ask` only read the graph; {fix}")


def check_read_only(query: str) -> None:
    """Raise ReadOnlyQueryError unless query is one statement that only reads the graph."""
    found = tokens(query)
    if found and found[-1].text == ";":
        found.pop()
    if not found:
        raise ReadOnlyQueryError("the query is empty")
    if any(t.text == ";" for t in found):
        raise ReadOnlyQueryError("the query has several statements: run one statement at a time")
    for index, token in enumerate(found):
        word = token.text.upper() if token.kind == "word" else ""
        if word in FORBIDDEN:
            raise _refuse(word, f"use `newsgraph ingest` to load articles (quote a property or alias "
                                f"of that name in backticks: `{token.text}`)")
        if word == "CALL":
            name = _procedure(found[index + 1:])
            if name is not None and name.lower() not in READ_PROCEDURES:
                raise _refuse(f"CALL {name}", "the procedures allowed are db.labels, db.relationshipTypes, "
                              "db.propertyKeys, db.schema.* (Neo4j) and show_tables, table_info (embedded)")
    first = found[0]
    if first.kind != "word" or first.text.upper() not in FIRST_CLAUSES:
        raise _refuse(f"a statement starting with {first.text}",
                      "start with MATCH, OPTIONAL MATCH, WITH, UNWIND, RETURN or CALL")
