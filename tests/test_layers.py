"""The package is laid out as its pipeline, and every import points down it.

Each unit of ``codegen/`` (a stage package, or a foundation module) sits on one layer, and
may import only from the layers below its own: never up, never from a sibling on its own
layer, never in a circle. Imports inside functions and under ``TYPE_CHECKING`` count too:
one that is lazy for import cost must still point down. docs/architecture.md draws the
same layers and says which room a change belongs in.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.paths import REPO

PACKAGE = REPO / "codegen"

# From the top down; units on one line are siblings, which do not import each other.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("__main__",),
    ("cli",),
    ("commands",),
    ("output", "evolution"),
    ("project",),
    ("render", "importer"),
    ("catalog",),
    ("usercache",),
    ("files",),
    ("errors", "limits", "_lazy"),
    ("children",),
)
LAYER = {unit: depth for depth, units in enumerate(LAYERS) for unit in units}
VERSION = ("__version__",)  # what the root face defines itself: any module may import it


@dataclass(frozen=True)
class Arrow:
    """An import in ``source`` (a module's dotted name) at ``line`` of ``target``."""

    source: str
    target: str
    line: int
    names: tuple[str, ...]

    def __str__(self) -> str:
        path = self.source.replace(".", "/")
        return f"{path}.py:{self.line}: imports {self.target}"


def modules(package: Path = PACKAGE) -> dict[str, Path]:
    """Every module of the package by dotted name; a package by its own name."""
    found = {}
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def arrows(known: dict[str, Path]) -> list[Arrow]:
    """Every import of a module of the package by another, at any depth of the code."""
    found = []
    for name, path in known.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    stem = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*stem, *([node.module] if node.module else [])])
                names = tuple(alias.name for alias in node.names)
                submodules = [n for n in names if f"{base}.{n}" in known]
                found += [Arrow(name, f"{base}.{n}", node.lineno, ()) for n in submodules]
                rest = tuple(n for n in names if n not in submodules)
                if base in known and rest and not (base == "codegen" and rest == VERSION):
                    found.append(Arrow(name, base, node.lineno, rest))
            elif isinstance(node, ast.Import):
                found += [
                    Arrow(name, alias.name, node.lineno, ())
                    for alias in node.names
                    if alias.name in known
                ]
    return [arrow for arrow in found if arrow.source != arrow.target]


def unit(module: str) -> str:
    """The unit a module belongs to: ``codegen.render.views.python`` -> ``render``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "codegen"


def upward(found: list[Arrow]) -> list[str]:
    """The arrows that point up a layer, or across to a sibling."""
    wrong = []
    for arrow in found:
        source, target = unit(arrow.source), unit(arrow.target)
        if source == target or source == "codegen":  # within a unit; the root face
            continue
        if target == "codegen" or LAYER[target] <= LAYER[source]:
            where = "a sibling" if target != "codegen" and LAYER[target] == LAYER[source] else "up"
            wrong.append(f"{arrow} ({source} -> {target}: {where})")
    return wrong


def cycles(found: list[Arrow], known: dict[str, Path]) -> list[list[str]]:
    """The import cycles between modules (Tarjan's strongly connected components)."""
    graph: dict[str, set[str]] = {name: set() for name in known}
    for arrow in found:
        graph[arrow.source].add(arrow.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    result: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                result.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return result


def into_own_face(found: list[Arrow], known: dict[str, Path]) -> list[str]:
    """Modules that import the face (``__init__``) of a package they are in: the face
    imports them, so that is a circle at import time."""
    return [
        str(arrow)
        for arrow in found
        if known[arrow.target].name == "__init__.py"
        and arrow.source.startswith(arrow.target + ".")
        and known[arrow.source].name != "__init__.py"
    ]


def across_commands(found: list[Arrow]) -> list[str]:
    """A command importing another command: each verb is its own room, sharing only
    ``commands._session``."""
    return [
        str(arrow)
        for arrow in found
        if arrow.source.startswith("codegen.commands.")
        and arrow.target.startswith("codegen.commands.")
        and arrow.target != "codegen.commands._session"
    ]


def shadowed(known: dict[str, Path]) -> list[str]:
    """Names a face exports that are also the names of its package's modules: which one
    ``from package import name`` gives would depend on what was imported before."""
    found = []
    for name, path in known.items():
        if path.name != "__init__.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        exported = next(
            (
                ast.literal_eval(node.value)
                for node in tree.body
                if isinstance(node, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
            ),
            [],
        )
        found += [f"{name}.{n}" for n in exported if f"{name}.{n}" in known]
    return found


@pytest.fixture(scope="module")
def graph() -> tuple[dict[str, Path], list[Arrow]]:
    known = modules()
    return known, arrows(known)


def test_every_unit_of_the_package_has_a_layer(graph: tuple[dict[str, Path], list[Arrow]]) -> None:
    known, _ = graph
    assert {unit(name) for name in known} - {"codegen"} == set(LAYER)


def test_no_import_points_up_a_layer_or_across_to_a_sibling(
    graph: tuple[dict[str, Path], list[Arrow]],
) -> None:
    _, found = graph
    assert upward(found) == []


def test_no_import_cycles_between_modules(graph: tuple[dict[str, Path], list[Arrow]]) -> None:
    known, found = graph
    assert cycles(found, known) == []


def test_no_module_imports_the_face_of_its_own_package(
    graph: tuple[dict[str, Path], list[Arrow]],
) -> None:
    known, found = graph
    assert into_own_face(found, known) == []


def test_no_command_imports_another(graph: tuple[dict[str, Path], list[Arrow]]) -> None:
    _, found = graph
    assert across_commands(found) == []


def test_no_face_exports_a_name_of_one_of_its_modules(
    graph: tuple[dict[str, Path], list[Arrow]],
) -> None:
    known, _ = graph
    assert shadowed(known) == []


def speakers(known: dict[str, Path]) -> list[str]:
    """Where a module outside ``cli`` and ``commands`` prints, writes to stdout or stderr, or
    parses arguments: only the command layer talks to the user."""
    found = []
    for name, path in known.items():
        if unit(name) in ("cli", "commands", "__main__"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            printing = isinstance(node, ast.Call) and getattr(node.func, "id", "") == "print"
            stream = (
                isinstance(node, ast.Attribute)
                and node.attr in ("stdout", "stderr")
                and getattr(node.value, "id", "") == "sys"
            )
            parsing = isinstance(node, (ast.Import, ast.ImportFrom)) and any(
                alias.name == "argparse"
                or getattr(node, "module", "") == "argparse"
                or (getattr(node, "module", "") == "sys" and alias.name in ("stdout", "stderr"))
                for alias in node.names
            )
            if printing or stream or parsing:
                found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    return found


def test_only_the_command_layer_prints_or_reads_arguments(
    graph: tuple[dict[str, Path], list[Arrow]],
) -> None:
    known, _ = graph
    assert speakers(known) == []


def lockers(known: dict[str, Path]) -> list[str]:
    """Where a module outside ``commands`` (and the lock module itself) takes a lock."""
    found = []
    for name, path in known.items():
        if unit(name) == "commands" or name == "codegen.project.locks":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            called = node.func if isinstance(node, ast.Call) else None
            if getattr(called, "id", getattr(called, "attr", "")) in ("run_locked", "held"):
                found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    return found


def test_only_commands_take_locks(graph: tuple[dict[str, Path], list[Arrow]]) -> None:
    known, _ = graph
    assert lockers(known) == []


HEAVY = (
    "jinja2",
    "ruamel",
    "markdown_it",
    "black",
    "yaml",
    "jsonschema",
    "fastjsonschema",
    "numpy",
    "py3langid",
)


def heavy_imports(modules: list[str]) -> list[str]:
    """The heavy libraries a fresh interpreter has loaded after importing ``modules``."""
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"print(','.join(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=PACKAGE.parent,
        capture_output=True,
        encoding="utf-8",
        check=True,
    )
    return [name for name in done.stdout.strip().split(",") if name]


def test_importing_any_face_imports_no_heavy_library(
    graph: tuple[dict[str, Path], list[Arrow]],
) -> None:
    """A package's face loads what lives behind it on first use, so importing it costs no
    template engine, YAML library or formatter (every face, in a fresh interpreter; the
    engine itself is the control)."""
    known, _ = graph
    faces = sorted(name for name, path in known.items() if path.name == "__init__.py")
    assert heavy_imports(faces) == []
    assert heavy_imports(["codegen.render.engine"]) == ["jinja2"]


def test_docs_architecture_draws_these_layers() -> None:
    """docs/architecture.md shows the same layers, in the same order, as this test holds."""
    text = (PACKAGE.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    block = text.split("## The layers", 1)[1].split("```", 2)[1]
    drawn = [
        tuple(unit.strip() for unit in line.split("  ")[0].split("|"))
        for line in block.strip().splitlines()
    ]
    assert drawn == [units for units in LAYERS if units != ("__main__",)]


def test_the_checks_see_an_upward_import_a_cycle_and_a_lazy_one(tmp_path: Path) -> None:
    """The control: a package with a deliberate upward import inside a function, and a
    cycle, is caught by the same checks."""
    root = tmp_path / "codegen"
    for folder in (root / "catalog", root / "render"):
        folder.mkdir(parents=True)
        (folder / "__init__.py").write_text("")
    (root / "__init__.py").write_text("")
    (root / "catalog" / "model.py").write_text(
        "def f():\n    from codegen.render.engine import render_all\n"
    )
    (root / "render" / "engine.py").write_text("from codegen.render import views\n")
    (root / "render" / "views.py").write_text("import codegen.render.engine\n")
    known = modules(root)
    found = arrows(known)
    assert upward(found) == [
        "codegen/catalog/model.py:2: imports codegen.render.engine (catalog -> render: up)"
    ]
    assert cycles(found, known) == [["codegen.render.engine", "codegen.render.views"]]
