#!/usr/bin/env python3
"""Emergency Command Console (应急指挥调度台): command line and window entry point.

    python3 main.py [--db URL] [--lang zh_CN|en] [--user NAME] [SUBCOMMAND ...]

On a Debian machine that has not seen the project, the first run installs what
is missing (.ci/setup) and continues inside the project's virtual environment;
later starts run .ci/setup again only when it or pyproject.toml changed, or when
its last run found something missing.
"""

from __future__ import annotations

import gc
import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent


def environment_current(venv: Path) -> bool:
    """Whether .ci/setup found nothing missing for the project's pyproject.toml and its
    own text as they are now (its stamp: the SHA-256 of the two files, one after the
    other). Checking again costs a quarter of a second of package queries per start."""
    try:
        stamp = (venv / ".environment-stamp").read_text(encoding="ascii").strip()
        digest = hashlib.sha256()
        for part in (ROOT / "pyproject.toml", ROOT / ".ci" / "setup"):
            digest.update(part.read_bytes())
    except OSError:
        return False
    return stamp == digest.hexdigest() and (venv / "bin" / "python").exists()


def _bootstrap() -> None:
    """Re-run inside .venv, creating it first when needed (POSIX; see README for Windows)."""
    if os.environ.get("ECC_NO_BOOTSTRAP") or os.name != "posix":
        return
    venv = ROOT / ".venv"
    if Path(sys.prefix).resolve() == venv.resolve():
        return
    if not environment_current(venv):
        if not (venv / ".setup-stamp").exists():
            print(
                "First start: installing what the console needs (this takes a few minutes) ...",
                flush=True,
            )
        subprocess.run(["bash", str(ROOT / ".ci" / "setup")], check=True)
    python = venv / "bin" / "python"
    os.execv(python, [str(python), str(Path(__file__).resolve()), *sys.argv[1:]])


if __name__ == "__main__":
    _bootstrap()
    sys.path.insert(0, str(ROOT))
    # The modules make a few hundred thousand objects that live as long as the process,
    # none of them garbage: Python's cyclic garbage collector is off while they are imported
    # (it went through them again and again), and they are kept out of its later rounds.
    gc.disable()
    from ui.binding import keep_singletons_alive, skip_feature_scan

    keep_singletons_alive()
    skip_feature_scan()
    from ui.cli import main

    gc.freeze()
    gc.enable()
    sys.exit(main(sys.argv[1:]))
