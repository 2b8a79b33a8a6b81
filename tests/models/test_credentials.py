"""The database password stays out of world-readable files and process lists: the
settings file is 0600 and holds no password, the password goes to the credential store
or, on a machine without one, to a 0600 password file, and ``pg_dump`` gets it through
PGPASSFILE, never on its command line."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from sqlalchemy import make_url

from models import credentials
from models.database import Database, resolve_url
from models.settings import Settings, settings_path
from tests.conftest import PG_URL, new_pg_database

SECRET = "s3cret:with\\odd chars"
URL = f"postgresql+psycopg://ecc:{SECRET.replace(':', '%3A').replace(' ', '%20').replace(chr(92), '%5C')}@db.example:5433/ecc"


class MemoryKeyring(KeyringBackend):
    """A credential store in memory, as a desktop's would be."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.saved: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.saved.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.saved[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.saved.pop((service, username), None)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    """A headless machine: keyring has no backend."""
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    store = MemoryKeyring()
    keyring.set_keyring(store)
    yield store
    keyring.set_keyring(before)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_without_a_keyring_the_password_goes_to_a_0600_file(no_keyring: None) -> None:
    assert make_url(URL).password == SECRET
    Settings(database_url=URL).save()
    saved = settings_path().read_text(encoding="utf-8")
    assert "s3cret" not in saved and _mode(settings_path()) == 0o600
    assert json.loads(saved)["database_url"] == "postgresql+psycopg://ecc@db.example:5433/ecc"
    assert _mode(credentials.password_file()) == 0o600
    assert _mode(settings_path().parent) & 0o077 == 0
    assert credentials.stored_password(resolve_url(None, Settings.load())) == SECRET
    assert credentials.connect_args(Settings.load().database_url) == {"password": SECRET}
    # Another database on the same server keeps its own line.
    Settings(database_url="postgresql://ecc:other@db.example:5433/drill").save()
    assert credentials.stored_password("postgresql://ecc@db.example:5433/drill") == "other"
    assert credentials.stored_password("postgresql://ecc@db.example:5433/ecc") == SECRET


def test_with_a_keyring_the_password_goes_there_and_nowhere_on_disk(
    memory_keyring: MemoryKeyring,
) -> None:
    Settings(database_url=URL).save()
    assert list(memory_keyring.saved.values()) == [SECRET]
    assert not credentials.password_file().exists()
    assert SECRET not in settings_path().read_text(encoding="utf-8")
    assert credentials.stored_password(Settings.load().database_url) == SECRET


def test_an_old_world_readable_settings_file_loses_its_password_at_the_next_start(
    no_keyring: None,
) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"database_url": URL, "language": "en"}), encoding="utf-8")
    os.chmod(path, 0o644)
    settings = Settings.load()
    assert settings.language == "en" and settings.database_url.endswith("@db.example:5433/ecc")
    assert "s3cret" not in path.read_text(encoding="utf-8") and _mode(path) == 0o600
    assert credentials.stored_password(settings.database_url) == SECRET


def test_a_sqlite_setting_is_left_as_it_is(no_keyring: None, tmp_path: Path) -> None:
    Settings(database_url=str(tmp_path / "x.sqlite")).save()
    assert Settings.load().database_url == str(tmp_path / "x.sqlite")
    assert not credentials.password_file().exists()


FAKE_PG_DUMP = """#!/bin/sh
# Records what it was given, as the process list would show it, and its password file.
printf '%s\\n' "$@" > "{out}/argv"
env > "{out}/env"
[ -n "$PGPASSFILE" ] && cp "$PGPASSFILE" "{out}/passfile" && stat -c %a "$PGPASSFILE" > "{out}/mode"
exec {real} "$@"
"""


@pytest.mark.skipif(not PG_URL, reason="ECC_TEST_DATABASE_URL not set")
def test_pg_dump_gets_the_password_in_a_password_file_never_in_argv(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_keyring: None
) -> None:
    import shutil

    real = shutil.which("pg_dump") or next(Path("/usr/lib/postgresql").glob("*/bin/pg_dump"))
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "pg_dump").write_text(FAKE_PG_DUMP.format(out=tmp_path, real=real))
    (fake / "pg_dump").chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("PGPASSWORD", "from-the-environment")
    with new_pg_database() as plain:
        url = make_url(plain).set(password="dump-secret").render_as_string(hide_password=False)
        db = Database(url)
        try:
            db.upgrade()
            db.backup(tmp_path / "copy.dump")
        finally:
            db.dispose()
    argv = (tmp_path / "argv").read_text()
    assert "dump-secret" not in argv and "--dbname" in argv
    assert "dump-secret" not in (tmp_path / "env").read_text()  # nor PGPASSWORD
    assert (tmp_path / "passfile").read_text().strip().endswith(":dump-secret")
    assert (tmp_path / "mode").read_text().strip() == "600"
    assert (tmp_path / "copy.dump").stat().st_size > 1000
    leftovers = [
        p for p in Path(os.environ.get("TMPDIR", "/tmp")).glob("ecc-pgpass-*") if p.exists()
    ]
    assert leftovers == []
