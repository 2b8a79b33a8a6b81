"""``python3 main.py`` as the README says, outside the virtual environment: .ci/setup runs at
the first start and again only when it or pyproject.toml changed."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_helpers import ROOT

pytestmark = pytest.mark.skipif(os.name != "posix", reason="main.py bootstraps on POSIX only")


def project_copy(tmp_path: Path) -> Path:
    """The project in ``tmp_path``: main.py, pyproject.toml and .ci/setup copied, the code
    linked, and a virtual environment seeing the installed packages (so that .ci/setup
    checks but installs nothing)."""
    project = tmp_path / "project"
    (project / ".ci").mkdir(parents=True)
    for name in ("main.py", "pyproject.toml", ".ci/setup"):
        shutil.copy2(ROOT / name, project / name)
    for name in ("models", "maps", "ui", "resources"):
        (project / name).symlink_to(ROOT / name)
    venv = project / ".venv"
    subprocess.run(
        [sys._base_executable, "-m", "venv", "--without-pip", str(venv)],  # type: ignore[attr-defined]
        check=True,
    )
    site = next(venv.glob("lib/python*/site-packages"))
    (site / "installed.pth").write_text(
        next(p for p in sys.path if p.endswith("site-packages")) + "\n", encoding="utf-8"
    )
    pyproject = (project / "pyproject.toml").read_bytes()
    (venv / ".setup-stamp").write_text(hashlib.sha256(pyproject).hexdigest() + "\n")
    return project


def start(project: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """``python3 main.py --help`` with a ``bash`` on PATH that counts its runs of .ci/setup."""
    shim = tmp_path / "bin"
    shim.mkdir(exist_ok=True)
    bash = shim / "bash"
    bash.write_text(f'#!/bin/sh\necho "$@" >> {tmp_path / "setup-runs"}\nexec /bin/bash "$@"\n')
    bash.chmod(0o755)
    env = {**os.environ, "PATH": f"{shim}{os.pathsep}{os.environ['PATH']}"}
    env.pop("ECC_NO_BOOTSTRAP", None)
    env.pop("VIRTUAL_ENV", None)
    return subprocess.run(
        [sys._base_executable, str(project / "main.py"), "--lang", "en", "--help"],  # type: ignore[attr-defined]
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=300,
        check=False,
    )


def setup_runs(tmp_path: Path) -> int:
    runs = tmp_path / "setup-runs"
    return len(runs.read_text().splitlines()) if runs.exists() else 0


@pytest.mark.timeout(600)
def test_setup_runs_once_then_only_when_it_or_pyproject_changed(tmp_path: Path) -> None:
    if not shutil.which("dpkg-query"):
        pytest.skip("the stamp is written when .ci/setup finds nothing missing on Debian")
    project = project_copy(tmp_path)
    first = start(project, tmp_path)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "Emergency Command Console" in first.stdout
    assert setup_runs(tmp_path) == 1
    assert (project / ".venv" / ".environment-stamp").exists()

    again = start(project, tmp_path)
    assert again.returncode == 0, again.stderr
    assert "Emergency Command Console" in again.stdout
    assert setup_runs(tmp_path) == 1  # the environment is current: no package checks

    with (project / ".ci" / "setup").open("a", encoding="utf-8") as setup:
        setup.write("# a changed setup\n")
    changed = start(project, tmp_path)
    assert changed.returncode == 0, changed.stderr
    assert setup_runs(tmp_path) == 2
    start(project, tmp_path)
    assert setup_runs(tmp_path) == 2

    (project / ".venv" / ".environment-stamp").unlink()  # a run that found something missing
    start(project, tmp_path)
    assert setup_runs(tmp_path) == 3
