"""The house rules of the code: the package's import graph has no cycle (imports inside
functions count), and no function is more complex than radon's grade C unless its docstring
says why."""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "govinfo_report"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """Every import the module runs: at the top, in functions and classes — not the ones under
    ``if TYPE_CHECKING:``, which only the type checker reads."""
    found: list[ast.Import | ast.ImportFrom] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def _resolve(module: str, node: ast.Import | ast.ImportFrom) -> set[str]:
    """The package modules an import statement loads (``from . import x`` loads submodule x)."""
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names if alias.name in MODULES}
    if node.level:
        is_package = MODULES[module].name == "__init__.py"
        base = module.split(".")
        base = base if is_package else base[:-1]
        base = base[: len(base) - (node.level - 1)]
        target = ".".join([*base, *([node.module] if node.module else [])])
    else:
        target = node.module or ""
    out = set()
    for alias in node.names:
        if f"{target}.{alias.name}" in MODULES:
            out.add(f"{target}.{alias.name}")
        elif target in MODULES:
            out.add(target)
    return out


def import_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        graph[module] = {t for node in _imports(tree) for t in _resolve(module, node) if t != module}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph, as the modules along it, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_the_import_graph_has_no_cycle() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, " → ".join(cycle or ())


def test_an_import_inside_a_function_is_an_edge() -> None:
    tree = ast.parse("def check(self):\n    from .checks.validation import validate\n")
    edges = {t for node in _imports(tree) for t in _resolve("govinfo_report.model", node)}
    assert edges == {"govinfo_report.checks.validation"}


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_type_checking_imports_are_not_edges() -> None:
    tree = ast.parse(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .checks import findings\n"
    )
    assert [n for n in _imports(tree) if isinstance(n, ast.ImportFrom) and n.level] == []


@pytest.mark.skipif(importlib.util.find_spec("radon") is None, reason="radon is not installed")
def test_no_function_is_above_grade_c_without_a_reason() -> None:
    from radon.complexity import cc_rank, cc_visit

    too_complex = []
    for module, path in MODULES.items():
        blocks = cc_visit(path.read_text(encoding="utf-8"))
        functions = [m for b in blocks for m in (b.methods if hasattr(b, "methods") else [b])]
        for block in functions:
            if cc_rank(block.complexity) in "ABC":
                continue
            docstring = ast.get_docstring(_node_at(path, block.lineno)) or ""
            if "complexity:" not in docstring.lower():
                too_complex.append(f"{module}.{block.name} ({cc_rank(block.complexity)} {block.complexity})")
    assert too_complex == []


def _node_at(path: Path, line: int) -> ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) and node.lineno == line:
            return node
    raise LookupError(line)


def test_importing_the_package_loads_no_parsing_machinery_or_extra() -> None:
    """``import govinfo_report`` stays light: Lark, the grammars and the reading stages load on
    the first parse; cattrs on the first serialisation; the extras when a document needs one."""
    import subprocess
    import sys

    script = "import sys, govinfo_report; print(' '.join(sorted(sys.modules)))"
    loaded = set(
        subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    heavy = {"lark", "cattrs", "importlib.metadata", "govinfo_report.reading", "pandas", "pypdfium2", "docx"}
    assert loaded & heavy == set()
