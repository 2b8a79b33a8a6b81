"""Where the console keeps its files, and how it writes a file only its user may read.

``ECC_CONFIG_DIR`` and ``ECC_DATA_DIR`` move the directories (tests use them).
"""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path

import platformdirs

APP_NAME = "emergency-command-console"


def config_dir() -> Path:
    return Path(os.environ.get("ECC_CONFIG_DIR") or platformdirs.user_config_dir(APP_NAME))


def data_dir() -> Path:
    return Path(os.environ.get("ECC_DATA_DIR") or platformdirs.user_data_dir(APP_NAME))


def write_private(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` in a file only its owner may read (mode 0600 on
    POSIX, from the moment it exists), its folder made 0700 when new."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with suppress(FileNotFoundError):
        tmp.unlink()
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)
    if os.name == "posix":
        os.chmod(tmp, 0o600)  # whatever the umask
    tmp.replace(path)
