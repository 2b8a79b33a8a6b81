"""The layers stay apart: models/ and maps/ never import Qt widgets or ui/, models/ never maps/."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = ("PySide6.QtWidgets", "PySide6.QtGui", "PySide6.QtWebEngineWidgets", "ui")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_models_and_maps_import_no_widgets_or_ui() -> None:
    offenders = []
    for package in ("models", "maps"):
        for path in (ROOT / package).rglob("*.py"):
            for name in imported_modules(path):
                if any(name == f or name.startswith(f + ".") for f in FORBIDDEN):
                    offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offenders == []


def test_models_import_no_maps() -> None:
    """maps/ sits above models/: the geometry the domain needs lives in models.geo."""
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in (ROOT / "models").rglob("*.py")
        for name in imported_modules(path)
        if name == "maps" or name.startswith("maps.")
    ]
    assert offenders == []


def test_importing_every_model_loads_no_widgets() -> None:
    """The same rule at run time: importing all of models/ and maps/ pulls in no widget module."""
    code = (
        "import sys, pkgutil, importlib, models, maps\n"
        "for pkg in (models, maps):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        if '.migrations' not in m.name: importlib.import_module(m.name)\n"
        "bad = [m for m in sys.modules if m == 'ui' or m.startswith(('PySide6.QtWidgets', 'PySide6.QtGui', 'ui.'))]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


# -- the layers and their import graph ---------------------------------------------------

LAYERS = ("models", "maps", "ui")  # each may import those before it, never those after


def project_modules() -> dict[str, Path]:
    """Every module of the project outside tests/ and migrations/, by dotted name."""
    modules = {"main": ROOT / "main.py"}
    for package in LAYERS:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = path.relative_to(ROOT).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            modules[".".join(parts)] = path
    return modules


def import_graph() -> dict[str, set[str]]:
    """Module -> project modules it imports (at the top or inside functions), each import
    pointing at the most specific module it names."""
    modules = project_modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                named = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                # "from a.b import c" names the module a.b.c if there is one, else a.b
                named = [
                    f"{node.module}.{alias.name}"
                    if f"{node.module}.{alias.name}" in modules
                    else node.module
                    for alias in node.names
                ]
            else:
                continue
            for target in named:
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    targets.add(target)
        graph[name] = targets
    return graph


def test_no_import_runs_up_a_layer() -> None:
    """models/ imports neither maps/ nor ui/; maps/ never imports ui/; nothing imports main."""
    rank = {package: index for index, package in enumerate(LAYERS)}
    upward = []
    for module, targets in import_graph().items():
        for target in targets:
            if target == "main" or (
                module != "main" and rank[target.split(".")[0]] > rank[module.split(".")[0]]
            ):
                upward.append(f"{module} imports {target}")
    assert sorted(upward) == []


def test_no_import_circles() -> None:
    """No module imports another that imports it back, directly or through others."""
    graph = import_graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    circles: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    assert circles == []


MAX_LINES = 800


def test_no_source_file_is_too_long_to_hold_in_ones_head() -> None:
    """A module past 800 lines is split by concern into a package (tests and migrations
    excepted)."""
    long = [
        f"{path.relative_to(ROOT)} ({lines} lines)"
        for path in project_modules().values()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    ]
    assert long == []
