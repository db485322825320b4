"""Files, stdin and NDJSON -> Article records.

The only place text is normalized: offsets are taken on ``Article.text`` after this, and the
text is never changed again.
"""
from __future__ import annotations

import datetime as dt
import glob
import hashlib
import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import yaml

from ..model import Article
from .rules.vocab import alternation

TEXT_SUFFIXES = (".md", ".txt", ".markdown")
NDJSON_SUFFIXES = (".ndjson", ".jsonl")
ARTICLE_KEYS = ("text", "title", "published", "source", "url", "author")
STDIN = "-"


@dataclass(frozen=True, slots=True)
class Metadata:
    published: str | None = None
    source: str | None = None
    author: str | None = None


@dataclass(frozen=True, slots=True)
class ReadResult:
    """One input unit: an article, or the reason it could not be read."""

    source: str
    article: Article | None
    error: str | None = None
    warnings: tuple[str, ...] = ()


class InputError(ValueError):
    """A path argument that names nothing readable."""


# --- normalization ---------------------------------------------------------------------------

_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060"), None)


def normalize_text(raw: str) -> str:
    """BOM, line endings, invisible characters, NFC. Applied once, before any offset exists."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").translate(_INVISIBLE)
    return unicodedata.normalize("NFC", text)


def decode(data: bytes, source: str) -> tuple[str, tuple[str, ...]]:
    """UTF-8 (BOM or not); GB18030 with a warning; binary or undecodable bytes raise ValueError."""
    if b"\x00" in data[:8192]:
        raise ValueError(f"{source}: binary file (NUL bytes); expected UTF-8 or GB18030 text")
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            raise ValueError(
                f"{source}: not UTF-8 or GB18030 text (invalid byte at offset {utf8_error.start}); "
                "re-save the file as UTF-8"
            ) from None
        return text, (f"{source}: not UTF-8, decoded as GB18030",)


# --- metadata --------------------------------------------------------------------------------

_DATE_PATTERNS = (
    re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})"),
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
)


def parse_published(value: object) -> str | None:
    """Publication dates in the shapes news pages use -> YYYY-MM-DD; None when absent."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    for pattern in _DATE_PATTERNS:
        match = pattern.search(text)
        if match:
            year, month, day = (int(g) for g in match.groups())
            try:
                return dt.date(year, month, day).isoformat()
            except ValueError as error:
                raise ValueError(f"{text!r} is not a real date ({error}); use YYYY-MM-DD, "
                                 "e.g. 2025-03-19") from None
    raise ValueError(f"unrecognized date {text!r}; use YYYY-MM-DD")


def article_id(text: str, url: str | None) -> str:
    """Deterministic identity: the URL when there is one (so edits replace), else the text."""
    basis = f"url:{url}" if url else f"text:{text}"
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


# Saved news pages: breadcrumbs, a headline (行业观察 | 标题), header lines (时间/来源/编辑,
# IP属地 北京 编辑:周伟 财经杂志 时间:…, 文 | 作者), a subtitle and toolbars above the body;
# disclaimers, editor lines and "related articles" lists below it.
_KEYS = "发布时间|发布日期|时间|日期|来源|责任编辑|编辑|作者|记者|阅读"
_FIELD = re.compile(rf"(?P<key>{_KEYS})\s*[:：]\s*(?P<value>.*?)(?=\s*(?:{_KEYS})\s*[:：]|　|$)")
_DATE_VALUE = r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
_DATE_FIRST = re.compile(rf"^(?P<value>{_DATE_VALUE})(?:\s|　|$)")
_DATE_ANY = re.compile(_DATE_VALUE)
_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")
_IP_PLACE = re.compile(r"IP\s*属地\s*[:：]?\s*\S+")
_BYLINE = re.compile(r"^(?:文\s*[|｜丨/]\s*|本报记者\s*)(?:记者\s*)?(?P<author>\S.*)$")
_COLUMN = re.compile(r"^[^|｜丨]{1,8}\s*[|｜丨]\s*(?=\S)")  # 行业观察 | the headline
_BREADCRUMB = re.compile(r"^(?:当前位置|您的位置|你的位置|位置)\s*[:：]|^首页\s*[»>›/]|[»>›]\s*正文$")
_TOOLBAR = re.compile(r"^(?:【[^】]*】\s*)+$")
_FOOTER_START = re.compile(
    r"^(?:" + alternation("page_footer_starts.txt") + r")\s*[:：]?"
)
_CHROME = re.compile(
    r"^[（(]?\s*(?:免责声明|版权声明|责任编辑|编辑|本文来源|原标题)\s*[:：]"
    r"|^分享到|^(?:扫一扫|打开微信|点击进入|返回顶部)|^(?:Copyright|版权所有|©)"
)
_NAME_KEYS = ("编辑", "责任编辑", "作者", "记者")


def _header_fields(line: str) -> dict[str, str]:
    """``{key: value}`` of a header line, or {} for a line that is not one. A person's name is
    its first word; a bare word after it is the source (编辑:周伟 财经杂志 -> 来源 财经杂志)."""
    ip = _IP_PLACE.match(line)
    rest = line[ip.end():].strip() if ip else line
    found = list(_FIELD.finditer(rest))
    date_first = _DATE_FIRST.match(rest)
    if not (found and (date_first or _FIELD.match(rest) or ip)) and not date_first:
        return {}
    fields: dict[str, str] = {}
    for m in found:
        key, value = m.group("key"), m.group("value").strip()
        if key in _NAME_KEYS and " " in value:
            value, _, extra = value.partition(" ")
            if extra.strip() and not _DATE_ANY.search(extra):
                fields.setdefault("来源", extra.strip())
        fields.setdefault(key, value)
    if date_first:
        fields.setdefault("时间", date_first.group("value"))
    return fields


def _published_time(value: str | None) -> str | None:
    m = _TIME.search(value or "")
    if not m:
        return None
    return f"{int(m.group(1)):02d}:{m.group(2)}:{m.group(3) or '00'}"


def _headline(line: str) -> str:
    return _COLUMN.sub("", line, count=1)


def _header_end(lines: list[str], meta: dict, start: int) -> int:
    """Skip a subtitle and a byline after the header lines: index of the body's first line."""
    seen = 0
    for index in range(start, min(len(lines), start + 6)):
        stripped = lines[index].strip()
        if not stripped:
            continue
        byline = _BYLINE.match(stripped)
        if byline:
            meta.setdefault("作者", byline.group("author").strip())
            return index + 1
        seen += 1
        if seen > 1:
            break
    return start


def _web_export(text: str) -> tuple[dict, str]:
    """A saved news page -> (metadata, body); text without header lines comes back whole."""
    lines = text.split("\n")
    meta: dict[str, str] = {}
    title = None
    body_start = None
    for index, line in enumerate(lines[:15]):
        stripped = line.strip()
        if not stripped or _BREADCRUMB.search(stripped) or _TOOLBAR.match(stripped):
            continue
        fields = _header_fields(stripped)
        byline = _BYLINE.match(stripped)
        if fields or byline:
            for key, value in fields.items():
                meta.setdefault(key, value)
            if byline:
                meta.setdefault("作者", byline.group("author").strip())
            body_start = index + 1
        elif not meta and title is None and len(stripped) <= 80 and not stripped.endswith("。"):
            title = _headline(stripped)
        else:
            break
    if body_start is None:
        return {}, text
    body_start = _header_end(lines, meta, body_start)
    body_lines = []
    for line in lines[body_start:]:
        stripped = line.strip()
        if _FOOTER_START.match(stripped):
            break
        if not (_CHROME.match(stripped) or _TOOLBAR.match(stripped)):
            body_lines.append(line)
    when = meta.get("发布时间") or meta.get("时间") or meta.get("发布日期") or meta.get("日期")
    mapped = {
        "title": title,
        "published": when,
        "published_time": _published_time(when),
        "source": meta.get("来源"),
        "author": meta.get("作者") or meta.get("记者"),
        "editor": meta.get("责任编辑") or meta.get("编辑"),
    }
    return mapped, "\n".join(body_lines)


# Front matter is a few short lines; anything bigger is not metadata (or is an attack).
MAX_FRONT_MATTER_CHARS = 64_000
MAX_FIELD_CHARS = {"title": 1_000, "source": 200, "author": 200, "url": 2_000, "published": 100}


class _FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML without aliases (an alias bomb expands 420 bytes into gigabytes) and with dates
    kept as text (parse_published reads them, and names the file when they are wrong)."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in front matter", self.peek_event().start_mark)
        return super().compose_node(parent, index)


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


def check_fields(meta: dict) -> None:
    """Refuse metadata values too long to be what their field says; the error names the fix."""
    for key, limit in MAX_FIELD_CHARS.items():
        value = meta.get(key)
        if isinstance(value, str) and len(value) > limit:
            raise ValueError(f"{key} is {len(value):,} characters long, more than the {limit:,} "
                             "allowed; shorten it")


def published_field(value: object, default: str | None) -> str | None:
    try:
        return parse_published(value) or default
    except ValueError as error:
        raise ValueError(f"published: {error}") from None


def _split_front_matter(text: str, source: str) -> tuple[dict, str] | None:
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---\n", 3)
    if end < 0:
        if text.rstrip().endswith("\n---"):
            end = len(text.rstrip()) - 4
        else:
            raise ValueError(f"{source}: front matter opened with '---' but never closed")
    if end - 4 > MAX_FRONT_MATTER_CHARS:
        raise ValueError(f"{source}: front matter is {end - 4:,} characters long, more than "
                         f"{MAX_FRONT_MATTER_CHARS:,}; keep only title, published, source, author, url")
    try:
        meta = yaml.load(text[4:end], Loader=_FrontMatterLoader) or {}
    except yaml.YAMLError as error:
        raise ValueError(f"{source}: invalid YAML front matter: {error}".replace("\n", " ")) from None
    if not isinstance(meta, dict):
        raise ValueError(f"{source}: front matter must be 'key: value' lines")
    try:
        check_fields(meta)
    except ValueError as error:
        raise ValueError(f"{source}: {error}") from None
    return meta, text[end + 5:]


def parse_document(text: str, source: str, defaults: Metadata, path: str | None) -> Article:
    """Normalized document text -> Article. Raises ValueError naming ``source`` on bad input."""
    front = _split_front_matter(text, source)
    meta, body = front if front is not None else _web_export(text)
    body = body.strip()
    if not body:
        raise ValueError(f"{source}: no article text after the metadata")
    try:
        published = published_field(meta.get("published"), defaults.published)
    except ValueError as error:
        raise ValueError(f"{source}: {error}") from None
    url = _clean(meta.get("url"))
    return Article(
        id=article_id(body, url),
        text=body,
        path=path,
        title=_clean(meta.get("title")),
        published=published,
        source=_clean(meta.get("source")) or defaults.source,
        author=_clean(meta.get("author")),
        editor=_clean(meta.get("editor")),
        published_time=_clean(meta.get("published_time")),
        url=url,
        fictional=bool(meta.get("fictional", False)),
        source_path=str(Path(path).resolve()) if path else None,
    )


# --- inputs ----------------------------------------------------------------------------------

def display_path(path: Path) -> str:
    """Stable path text: relative to the working directory when inside it."""
    resolved = path.resolve()
    try:
        return resolved.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return resolved.as_posix()


def expand_inputs(inputs: Iterable[str]) -> list[str]:
    """Files, directories (recursive) and globs -> sorted file list; ``-`` stays as stdin."""
    files: list[str] = []
    for given in inputs:
        if given == STDIN:
            files.append(STDIN)
            continue
        path = Path(given)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES + NDJSON_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            files.extend(display_path(p) for p in found)
        elif path.is_file():
            files.append(display_path(path))
        elif glob.has_magic(given):
            matches = sorted(glob.glob(given, recursive=True))
            if not matches:
                raise InputError(f"{given}: the pattern matches no files")
            files.extend(display_path(Path(m)) for m in matches if Path(m).is_file())
        else:
            raise InputError(f"{given}: no such file or directory")
    return list(dict.fromkeys(files))


def _read_ndjson(text: str, source: str, defaults: Metadata) -> Iterator[ReadResult]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise ValueError('expected a JSON object with a "text" string')
            unknown = sorted(set(record) - set(ARTICLE_KEYS) - {"author", "fictional"})
            warnings = (f"{where}: ignored keys {', '.join(unknown)}",) if unknown else ()
            record = {k: normalize_text(v) if isinstance(v, str) else v for k, v in record.items()}
            check_fields(record)
            body = record["text"].strip()
            if not body:
                raise ValueError("empty text")
            url = _clean(record.get("url"))
            article = Article(
                id=article_id(body, url),
                text=body,
                path=where,
                title=_clean(record.get("title")),
                published=published_field(record.get("published"), defaults.published),
                source=_clean(record.get("source")) or defaults.source,
                author=_clean(record.get("author")),
                url=url,
            )
            yield ReadResult(where, article, warnings=warnings)
        except ValueError as error:  # json.JSONDecodeError is a ValueError
            yield ReadResult(where, None, f"{where}: {error}")


def read_inputs(inputs: Iterable[str], defaults: Metadata = Metadata(),
                stdin: object = None) -> Iterator[ReadResult]:
    """Every article in ``inputs``; unreadable ones come back with an error, never raised."""
    for name in expand_inputs(inputs):
        if name == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read()
            source, path = "<stdin>", None
        else:
            source, path = name, name
            try:
                data = Path(name).read_bytes()
            except OSError as error:
                yield ReadResult(source, None, f"{source}: cannot read: {error.strerror}")
                continue
        if isinstance(data, str):
            data = data.encode("utf-8")
        try:
            raw, warnings = decode(data, source)
        except ValueError as error:
            yield ReadResult(source, None, str(error))
            continue
        text = normalize_text(raw)
        if name.lower().endswith(NDJSON_SUFFIXES) or (name == STDIN and text.lstrip().startswith("{")):
            for result in _read_ndjson(text, source, defaults):
                yield ReadResult(result.source, result.article, result.error, warnings + result.warnings)
            continue
        try:
            yield ReadResult(source, parse_document(text, source, defaults, path), warnings=warnings)
        except ValueError as error:
            yield ReadResult(source, None, str(error), warnings)
