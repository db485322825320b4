"""NDJSON extraction documents read in two passes, so that `newsgraph load` holds no document.

The first pass (``DocumentLines.scan``) reads of each line only its article and its extractor id
— enough to keep the last version of each article id and to tell which articles the store holds
unchanged — and remembers where the line is. The second (``DocumentLines.read``) parses the lines
that are to be written, one at a time. Memory: one small ``Line`` per article id. Standard input
is copied to a temporary file as it is scanned, so that it can be read twice.
"""
from __future__ import annotations

import json
import sys
import tempfile
from contextlib import nullcontext
from dataclasses import dataclass, fields
from typing import IO, Iterable, Iterator

from .model import Article

EXTRACT_HINT = "produce it with `newsgraph extract --with-text`"
_ARTICLE_FIELDS = frozenset(f.name for f in fields(Article))
# How `newsgraph extract --with-text` writes a document (json.dumps, "extractor" added last); a
# line written otherwise is parsed whole.
_HEAD = '{"article": '
_TAIL = ', "extractor": '
_DECODER = json.JSONDecoder()


@dataclass(frozen=True, slots=True)
class Line:
    """Where an article's document is, and what its first pass found."""
    input: int   # index of the input
    number: int  # line number, from 1
    offset: int  # of the line's first byte
    id: str
    fingerprint: str
    extractor: str
    path: str | None
    source_path: str | None


def problem(document: object) -> str | None:
    """Why a parsed line is not a loadable extraction document, or None."""
    if not isinstance(document, dict) or not isinstance(document.get("article"), dict):
        return "not an extraction document (no \"article\" object)"
    article = document["article"]
    if not isinstance(article.get("id"), str) or not article["id"]:
        return "the article has no id"
    if not isinstance(article.get("text"), str):
        return f"the article has no text; {EXTRACT_HINT}"
    if not isinstance(document.get("extractor"), str):
        return f"no \"extractor\" id (written by an older newsgraph?); {EXTRACT_HINT}"
    return None


def head(text: str) -> object:
    """A line's article and extractor, ``{"article": …, "extractor": …}``, parsing only those two
    values when the line is laid out as `extract` writes it (the article first, the extractor
    last); any other line is parsed whole (json.JSONDecodeError if it is not JSON). The rest of a
    line is checked when it is read to be written."""
    stripped = text.rstrip()
    key = stripped.rfind(_TAIL)
    if text.startswith(_HEAD) and stripped.endswith('"}') and key > 0:
        try:
            article, _ = _DECODER.raw_decode(text, len(_HEAD))
            extractor, end = _DECODER.raw_decode(stripped, key + len(_TAIL))
        except json.JSONDecodeError:
            pass
        else:
            if end == len(stripped) - 1 and isinstance(article, dict):
                return {"article": article, "extractor": extractor}
    return json.loads(text)


def line_record(document: dict, input_: int, number: int, offset: int) -> Line:
    """The first pass's record of a loadable document (``problem`` found nothing); raises
    TypeError when the article's fields are not an article's."""
    article = Article(**{k: v for k, v in document["article"].items() if k in _ARTICLE_FIELDS})
    return Line(input_, number, offset, article.id, article.fingerprint, document["extractor"],
                article.path, article.source_path)


class DocumentLines:
    """The inputs (file paths, "-" for ``stdin``, a binary stream: sys.stdin.buffer by default).
    Use as a context manager: it closes the files and removes the copy of standard input."""

    def __init__(self, paths: Iterable[str], stdin: IO[bytes] | None = None):
        self.paths = list(paths)
        self.names = ["<stdin>" if path == "-" else path for path in self.paths]
        self._stdin = stdin
        self._spools: dict[int, IO[bytes]] = {}  # input index -> the copy of standard input
        self._open: tuple[int, IO[bytes]] | None = None  # the file the second pass reads now
        self.failed: list[dict] = []
        self.warnings: list[str] = []

    def __enter__(self) -> DocumentLines:
        return self

    def __exit__(self, *exc) -> None:
        for handle in [*self._spools.values(), *([self._open[1]] if self._open else [])]:
            handle.close()

    def where(self, line: Line) -> str:
        return f"{self.names[line.input]}:{line.number}"

    def _fail(self, where: str, message: str) -> None:
        self.failed.append({"source": where, "error": f"{where}: {message}"})

    def _raw_lines(self, index: int) -> Iterator[tuple[int, int, bytes]]:
        """(number, offset, bytes) of each line of an input; standard input is copied as it goes."""
        if self.paths[index] == "-":
            copy = self._spools[index] = tempfile.TemporaryFile(prefix="newsgraph-stdin-")
            source = nullcontext(self._stdin if self._stdin is not None else sys.stdin.buffer)
        else:
            copy, source = None, open(self.paths[index], "rb")
        with source as stream:
            offset = 0
            for number, raw in enumerate(stream, 1):
                if copy is not None:
                    copy.write(raw)
                yield number, offset, raw
                offset += len(raw)

    def _scan_line(self, index: int, number: int, offset: int, raw: bytes) -> Line | None:
        try:
            document = head(raw.decode("utf-8", "replace"))
            found = problem(document)
            if not found:
                return line_record(document, index, number, offset)
        except json.JSONDecodeError as error:
            found = f"not valid JSON ({error.msg})"
        except (ValueError, TypeError) as error:
            found = f"not a valid extraction document ({error})"
        self._fail(f"{self.names[index]}:{number}", found)
        return None

    def scan(self) -> dict[str, Line]:
        """The first pass: the last line of each article id, in the order of those lines; earlier
        versions are left with a warning, lines that cannot be loaded are in ``failed``."""
        latest: dict[str, Line] = {}
        for index, name in enumerate(self.names):
            try:
                for number, offset, raw in self._raw_lines(index):
                    if not raw.strip():
                        continue
                    line = self._scan_line(index, number, offset, raw)
                    if line is None:
                        continue
                    earlier = latest.pop(line.id, None)
                    if earlier is not None:
                        self.warnings.append(f"{self.where(line)}: the same article as {self.where(earlier)}; keeping this one")
                    latest[line.id] = line
            except OSError as error:
                self._fail(name, f"cannot read ({error.strerror or error})")
        return latest

    def read(self, line: Line) -> object:
        """The second pass: the whole document of ``line`` (json.JSONDecodeError if the line is
        not JSON after all, OSError if the file cannot be read again)."""
        handle = self._spools.get(line.input) or self._file(line.input)
        handle.seek(line.offset)
        return json.loads(handle.readline().decode("utf-8", "replace"))

    def _file(self, index: int) -> IO[bytes]:
        """Input ``index`` opened for the second pass; one file is open at a time (the lines to
        write come mostly in file order)."""
        if self._open is None or self._open[0] != index:
            if self._open is not None:
                self._open[1].close()
            self._open = (index, open(self.paths[index], "rb"))
        return self._open[1]
