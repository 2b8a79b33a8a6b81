"""Database passwords kept out of world-readable files and process lists.

A PostgreSQL URL saved in the settings loses its password on the way: the password goes
to the operating system's credential store through ``keyring`` when it has a working
backend (Windows Credential Manager, macOS Keychain, a desktop's Secret Service), else to
a password file in the ~/.pgpass format, mode 0600, in the configuration directory (a
headless duty-room machine usually has no keyring backend). Connecting looks the
password up there; libpq programs (``pg_dump``, ``pg_restore``) get it through a
password file named in ``PGPASSFILE``, never on their command line, which every user of
the machine can read in the process list.

Plain Python (no Qt), below ``models.settings`` and ``models.database``.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from sqlalchemy import URL, make_url

from models.paths import config_dir, write_private

SERVICE = "emergency-command-console"
PASSWORD_FILE = "pgpass"
DEFAULT_PORT = 5432


def password_file() -> Path:
    """The console's password file (the ~/.pgpass format), readable by its owner only."""
    return config_dir() / PASSWORD_FILE


def _keyring() -> Any:
    """The credential store, or None when ``keyring`` has no working backend here."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:  # pragma: no cover - a dependency, absent only in odd installs
        return None
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
        return None
    return backend


def _fields(url: URL) -> tuple[str, str, str, str]:
    return (
        url.host or "localhost",
        str(url.port or DEFAULT_PORT),
        url.database or "*",
        url.username or "",
    )


def _account(url: URL) -> str:
    host, port, database, user = _fields(url)
    return f"{user}@{host}:{port}/{database}"


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def _split(line: str) -> list[str]:
    """A password file line's five fields (``\\:`` and ``\\\\`` unescaped)."""
    parts: list[str] = []
    current, chars = "", iter(line)
    for char in chars:
        if char == "\\":
            current += next(chars, "")
        elif char == ":" and len(parts) < 4:
            parts.append(current)
            current = ""
        else:
            current += char
    return [*parts, current]


def _file_lines() -> list[str]:
    try:
        return password_file().read_text(encoding="utf-8").splitlines()
    except OSError:
        return []


def is_postgresql(url: str) -> bool:
    return make_url(url).get_backend_name() == "postgresql"


def remember(url: str) -> str:
    """Keep the password of a PostgreSQL ``url`` in the credential store (else the
    password file) and return the URL without it; any other URL as it is."""
    if "://" not in url or not is_postgresql(url):
        return url
    parsed = make_url(url)
    if parsed.password is None:
        return url
    password = str(parsed.password)
    backend = _keyring()
    stored = False
    if backend is not None:
        try:
            backend.set_password(SERVICE, _account(parsed), password)
            stored = True
        except Exception:  # a locked or broken store: the password file instead
            stored = False
    if not stored:
        _store_in_file(parsed, password)
    return parsed._replace(password=None).render_as_string(hide_password=False)


def _store_in_file(url: URL, password: str) -> None:
    fields = _fields(url)
    kept = [
        line
        for line in _file_lines()
        if line.strip() and not (not line.startswith("#") and _split(line)[:4] == list(fields))
    ]
    kept.append(":".join(_escape(v) for v in (*fields, password)))
    write_private(password_file(), "\n".join(kept) + "\n")


def stored_password(url: str) -> str | None:
    """The password kept for ``url`` (credential store first, then the password file,
    whose lines may use ``*`` as libpq's do), or None."""
    parsed = make_url(url)
    backend = _keyring()
    if backend is not None:
        with suppress(Exception):
            found = backend.get_password(SERVICE, _account(parsed))
            if found:
                return str(found)
    wanted = _fields(parsed)
    for line in _file_lines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = _split(line)
        if len(parts) == 5 and all(p in ("*", w) for p, w in zip(parts[:4], wanted, strict=True)):
            return parts[4]
    return None


def connect_args(url: str) -> dict[str, Any]:
    """What psycopg needs beside a URL without a password: the kept password, if any."""
    parsed = make_url(url)
    if parsed.password is not None:
        return {}
    password = stored_password(url)
    return {"password": password} if password else {}


@contextmanager
def libpq_client(url: str) -> Iterator[tuple[str, dict[str, str]]]:
    """The connection string (without a password) and the environment for a libpq
    program such as ``pg_dump``: the password, from the URL or kept, in a password file
    of this process only (mode 0600, removed afterwards) named by ``PGPASSFILE``."""
    parsed = make_url(url).set(drivername="postgresql")
    password = str(parsed.password) if parsed.password is not None else stored_password(url)
    dsn = parsed._replace(password=None).render_as_string(hide_password=False)
    env = {k: v for k, v in os.environ.items() if k != "PGPASSWORD"}
    if not password:
        if password_file().exists():
            env["PGPASSFILE"] = str(password_file())
        yield dsn, env
        return
    handle, name = tempfile.mkstemp(prefix="ecc-pgpass-")  # created 0600
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(":".join(_escape(v) for v in (*_fields(parsed), password)) + "\n")
        env["PGPASSFILE"] = name
        yield dsn, env
    finally:
        with suppress(OSError):
            os.unlink(name)
