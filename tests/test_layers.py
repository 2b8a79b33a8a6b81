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
