"""One-way layering: extract/ never imports graph/, neo4j or click; graph/ never imports spaCy or jieba."""
from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "newsgraph"

FORBIDDEN = {
    "extract": {"newsgraph.graph", "newsgraph.cli", "newsgraph.app", "newsgraph.parallel", "newsgraph.staged",
                "newsgraph.cluster", "neo4j", "ladybug", "click", "distributed"},
    "graph": {"newsgraph.extract", "newsgraph.cli", "newsgraph.app", "newsgraph.parallel", "newsgraph.staged",
              "newsgraph.cluster", "spacy", "jieba", "click", "distributed"},
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.add(module)
    return found


def _files(layer: str) -> list[Path]:
    return [PACKAGE / f"{layer}.py"] if (PACKAGE / f"{layer}.py").is_file() else sorted((PACKAGE / layer).rglob("*.py"))


def _violations(layer: str) -> list[str]:
    bad = []
    for path in _files(layer):
        for module in imported_modules(path):
            if any(module == f or module.startswith(f + ".") for f in FORBIDDEN[layer]):
                bad.append(f"{path.relative_to(PACKAGE.parent)} imports {module}")
    return bad


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_stay_one_way(layer):
    assert _violations(layer) == []


def test_model_is_stdlib_only():
    # model.py holds the records both halves share: it may import nothing but the standard library.
    imported = {m.split(".")[0] for m in imported_modules(PACKAGE / "model.py")}
    assert imported and imported <= sys.stdlib_module_names


def test_the_checker_sees_relative_imports(tmp_path):
    # The rule is only worth something if it catches `from ..graph import x` inside extract/.
    module = PACKAGE / "extract" / "components" / "spans.py"
    assert "newsgraph.extract.components.spans" not in imported_modules(module)
    assert any(m.startswith("spacy") for m in imported_modules(module))
    sample = PACKAGE / "extract" / "pipeline.py"
    assert "newsgraph.model" in imported_modules(sample)
