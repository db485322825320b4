"""Named, parameterized questions: Cypher files kept in questions/, run on either store.

Each file is exactly what a user pastes into the Neo4j Browser: a header of `//` comments, then
one query. The header's first line is `// NAME: summary`; a `Parameters:` block lists one
`NAME  description` per line (a description starting with "(optional)" makes the parameter
optional: it is passed as null when not given); a line `// Neo4j only: REASON` marks a query the
embedded store cannot run.

Results come back as the rows a user sees: nodes as their caption (the `name` property, which the
Browser style also shows), relationships as their type, whole-number floats as integers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

from .store import Store

QUESTIONS_DIR = Path(__file__).with_name("questions")

_PARAMETER_LINE = re.compile(r"^\s{2,}([A-Za-z_]\w*)\s{2,}(\S.*)$")
_PARAMETER_USE = re.compile(r"\$([A-Za-z_]\w*)")
_COMMENT = re.compile(r"//[^\n]*")
_OPTIONAL = "(optional)"


class QuestionError(ValueError):
    """An unknown question, a missing or unknown parameter, or a store that cannot run it."""


@dataclass(frozen=True, slots=True)
class Parameter:
    name: str
    description: str
    optional: bool


@dataclass(frozen=True, slots=True)
class Question:
    name: str
    summary: str
    parameters: tuple[Parameter, ...]
    neo4j_only: str | None  # why the embedded store cannot run it; None when both can
    path: Path
    text: str  # the whole file, header included: what runs, and what the Browser gets

    @property
    def description(self) -> str:
        """The header's prose without the first line: what the rows mean."""
        lines = [line[2:].strip() for line in self.text.splitlines() if line.startswith("//")]
        prose = []
        for line in lines[1:]:
            if line == "Parameters:" or line.startswith("In the Neo4j Browser"):
                break
            prose.append(line)
        return "\n".join(prose).strip()

    def browser_text(self, values: Mapping[str, Any]) -> str:
        """For the Browser: a `:params` line setting the values, a blank line, then the query.

        Run the first line, then the rest: the Browser shows no rows for a query run together
        with other statements."""
        bound = bind(self, values)
        params = ", ".join(f"{name}: {_cypher_literal(value)}" for name, value in bound.items())
        return f":params {{{params}}}\n\n{self.text.rstrip()}\n"


def _cypher_literal(value: Any) -> str:
    if value is None:
        return "null"
    escaped = str(value).replace("\\", "\\\\").replace("'", "\\'")
    return f"'{escaped}'"


def parse(path: Path) -> Question:
    """One question file -> Question; raises QuestionError saying what is wrong with the header."""
    text = path.read_text(encoding="utf-8")
    header = []
    for line in text.splitlines():
        if not line.startswith("//"):
            break
        header.append(line[2:])
    where = f"{path}: "
    if not header or ":" not in header[0]:
        raise QuestionError(f"{where}the first line must be `// {path.stem}: what the question asks`")
    name, _, summary = header[0].strip().partition(":")
    if name != path.stem:
        raise QuestionError(f"{where}the first line names {name!r}, the file is {path.stem!r}")

    parameters: list[Parameter] = []
    neo4j_only = None
    in_parameters = False
    for line in header[1:]:
        if line.strip() == "Parameters:":
            in_parameters = True
            continue
        if line.strip().startswith("Neo4j only:"):
            neo4j_only = line.strip()[len("Neo4j only:"):].strip()
        if in_parameters:
            match = _PARAMETER_LINE.match(line)
            if not match:
                in_parameters = False
                continue
            description = match.group(2).strip()
            optional = description.startswith(_OPTIONAL)
            if optional:
                description = description[len(_OPTIONAL):].strip()
            parameters.append(Parameter(match.group(1), description, optional))

    body = _COMMENT.sub("", text[len("\n".join("//" + h for h in header)):])
    used = set(_PARAMETER_USE.findall(body))
    declared = {p.name for p in parameters}
    if used != declared:
        raise QuestionError(
            f"{where}the query uses {sorted(used)} but the header declares {sorted(declared)}")
    return Question(name, summary.strip(), tuple(parameters), neo4j_only, path, text)


@lru_cache(maxsize=None)
def _load(directory: Path) -> dict[str, Question]:
    return {q.name: q for q in map(parse, sorted(directory.glob("*.cypher")))}


def questions(directory: Path | None = None) -> dict[str, Question]:
    """Every question in the directory (default: QUESTIONS_DIR) by name, in name order."""
    return dict(_load(directory or QUESTIONS_DIR))


def question(name: str, directory: Path | None = None) -> Question:
    known = questions(directory)
    if name not in known:
        raise QuestionError(
            f"unknown question {name!r}; the questions are: {', '.join(known)} (see `newsgraph ask --list`)")
    return known[name]


def bind(q: Question, values: Mapping[str, Any]) -> dict[str, Any]:
    """The query parameters: every declared one, optional ones None when not given."""
    names = [p.name for p in q.parameters]
    unknown = [name for name in values if name not in names]
    if unknown:
        raise QuestionError(
            f"{q.name} has no parameter {unknown[0]!r}; its parameters: {', '.join(names) or 'none'}")
    missing = [p for p in q.parameters if not p.optional and values.get(p.name) in (None, "")]
    if missing:
        needs = " and ".join(f"--param {p.name}=VALUE ({p.description})" for p in missing)
        raise QuestionError(f"{q.name} needs {needs}")
    return {p.name: values.get(p.name) or None for p in q.parameters}  # -p person= means "not given"


def caption(value: Any) -> Any:
    """A store value (see values.py) as a user reads it in a table."""
    if isinstance(value, dict):
        keys = set(value)
        if keys == {"label", "properties"}:
            props = value["properties"]
            return props.get("name") or props.get("id") or props.get("key") or value["label"]
        if keys == {"type", "properties"}:
            return value["type"]
        if keys == {"nodes", "relationships"}:
            names = [caption(n) for n in value["nodes"]]
            types = [caption(r) for r in value["relationships"]]
            return "".join(f"{n} -[{t}]- " for n, t in zip(names, types)) + (names[-1] if names else "")
        return {k: caption(v) for k, v in value.items()}
    if isinstance(value, list):
        return [caption(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def ask(store: Store, name: str, values: Mapping[str, Any] | None = None,
        directory: Path | None = None) -> tuple[list[str], list[list[Any]]]:
    """Run a question on a store -> (columns, rows as captions)."""
    q = question(name, directory)
    parameters = bind(q, values or {})
    if q.neo4j_only and store.name != "neo4j":
        raise QuestionError(
            f"{q.name} runs on Neo4j only ({q.neo4j_only}); pass --neo4j URI or set NEO4J_URI")
    columns, rows = None, []
    for branch in union_branches(q.text):
        used = set(_PARAMETER_USE.findall(_COMMENT.sub("", branch)))
        branch_columns, branch_rows = store.read(branch, {k: v for k, v in parameters.items() if k in used})
        columns = columns or branch_columns
        rows += branch_rows
    return columns, [[_sorted_names(caption(v)) for v in row] for row in rows]


def _sorted_names(value: Any) -> Any:
    """A list of names (`collect(DISTINCT …)`: roles) sorted. The questions sort before they collect,
    which Neo4j keeps; LadybugDB 0.22 does not keep that order through the aggregation."""
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return sorted(value)
    return value


_UNION_ALL = re.compile(r"^\s*UNION ALL\s*$", re.M)


def union_branches(text: str) -> list[str]:
    """The parts of a `UNION ALL` query, to run one after the other: LadybugDB 0.22 interleaves the
    rows of the parts in chunks of 2,048 (Neo4j returns them part after part, and the questions'
    sections rely on that); each part keeps its own ORDER BY and LIMIT, so the rows are the same.
    Only a `UNION ALL` alone on its line splits (the questions write them so)."""
    return _UNION_ALL.split(text)


def shorten(columns: list[str], rows: list[list[Any]], limit: int) -> list[list[Any]]:
    """At most ``limit`` rows (0: all). When the first column is `fact`, the rows fall into sections
    (alias, role, figure, claim…): each section keeps its first rows in turn, so that a cut shows
    every section instead of only the first one; the rows keep their order."""
    if not limit or len(rows) <= limit:
        return rows
    if columns[:1] != ["fact"]:
        return rows[:limit]
    sections: dict[Any, list[int]] = {}
    for index, row in enumerate(rows):
        sections.setdefault(row[0], []).append(index)
    kept: list[int] = []
    depth = 0
    while len(kept) < limit:
        kept += [indices[depth] for indices in sections.values() if depth < len(indices)][:limit - len(kept)]
        depth += 1
    return [rows[i] for i in sorted(kept)]
