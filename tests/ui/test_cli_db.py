"""``db backup``, ``db restore`` and ``db check`` as typed, in a subprocess: a backup never
overwrites by accident and never leaves half a file; a restore takes only a sound backup
of the console's database, keeps the database it replaces, and on PostgreSQL fills only an
empty database; a check reports a pending migration instead of running it."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models.areas import Division
from models.database import Database
from tests.cli_helpers import run_main
from tests.conftest import ADMIN, new_pg_database
from tests.models.test_migrations import _upgrade_to
from tests.models.test_transfers import make_register


def _villages(url: str) -> list[str]:
    db = Database(url)
    with db.session(ADMIN) as session:
        names = list(
            session.scalars(
                select(Division.name).where(Division.level == "village").order_by(Division.code)
            )
        )
    db.dispose()
    return names


def _county(url: str) -> str:
    """A database holding the small test county: three villages."""
    db = Database(url)
    db.upgrade()
    with db.session(ADMIN) as session:
        make_register(session)
    db.dispose()
    return url


def _rename_villages(url: str, name: str) -> None:
    db = Database(url)
    with db.session(ADMIN, write=True) as session:
        for village in session.scalars(select(Division).where(Division.level == "village")):
            village.name = name
    db.dispose()


def _ok(result: object) -> None:
    assert result.returncode == 0, result.stdout + result.stderr  # type: ignore[attr-defined]


def _refused(result: object, *words: str) -> str:
    """Exit 1 with one message in Chinese holding ``words``, no traceback."""
    out = result.stdout + result.stderr  # type: ignore[attr-defined]
    assert result.returncode == 1, out  # type: ignore[attr-defined]
    assert "Traceback" not in out
    assert any("\u4e00" <= ch <= "\u9fff" for ch in out), out
    for word in words:
        assert word in out, out
    return out


# -- backup ------------------------------------------------------------------------------------


def test_backup_refuses_an_existing_file_without_force(tmp_path: Path) -> None:
    url = _county(f"sqlite:///{tmp_path / 'console.sqlite'}")
    target = tmp_path / "备份.sqlite"
    target.write_text("a file the user keeps")
    out = _refused(run_main("--db", url, "db", "backup", str(target)), "--force", str(target))
    assert "已存在" in out
    assert target.read_text() == "a file the user keeps"
    _ok(run_main("--db", url, "db", "backup", str(target), "--force"))
    assert _villages(f"sqlite:///{target}") == ["东门社区", "西门社区", "东海村"]


def test_backup_removes_the_part_a_killed_backup_left(tmp_path: Path) -> None:
    url = _county(f"sqlite:///{tmp_path / 'console.sqlite'}")
    target = tmp_path / "backup.sqlite"
    left = [tmp_path / "backup.sqlite.part", tmp_path / "backup.sqlite.part-journal"]
    for path in left:
        path.write_bytes(b"half a backup, then SIGKILL" * 1000)
    _ok(run_main("--db", url, "db", "backup", str(target)))
    assert not any(path.exists() for path in left)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("backup")) == [
        "backup.sqlite"
    ]
    assert _villages(f"sqlite:///{target}") == ["东门社区", "西门社区", "东海村"]


def test_backup_to_a_place_that_takes_no_file_is_refused_naming_it(tmp_path: Path) -> None:
    url = _county(f"sqlite:///{tmp_path / 'console.sqlite'}")
    _refused(run_main("--db", url, "db", "backup", "/proc/备份.sqlite"), "/proc/备份.sqlite")
    assert _villages(url) == ["东门社区", "西门社区", "东海村"]


def test_a_missing_pg_dump_is_named_in_chinese(tmp_path: Path) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    result = run_main(
        "--db",
        "postgresql://chief@127.0.0.1:9/ecc",
        "--user",
        "chief",
        "db",
        "backup",
        str(tmp_path / "ecc.dump"),
        env={"PATH": str(empty), "ECC_PASSWORD": "x"},
    )
    out = _refused(result, "pg_dump", "postgresql-client")
    assert "未找到" in out
    assert not (tmp_path / "ecc.dump").exists()


# -- restore on SQLite ---------------------------------------------------------------------------


def test_restore_brings_the_backup_back_and_keeps_the_database_it_replaces(
    tmp_path: Path,
) -> None:
    path = tmp_path / "console.sqlite"
    url = _county(f"sqlite:///{path}")
    backup = tmp_path / "周一备份.sqlite"
    _ok(run_main("--db", url, "db", "backup", str(backup)))
    _rename_villages(url, "改错的村")
    result = run_main("--db", url, "db", "restore", str(backup))
    _ok(result)
    assert _villages(url) == ["东门社区", "西门社区", "东海村"]
    kept = [p for p in (tmp_path / "backups").iterdir() if p.suffix == ".sqlite"]
    assert len(kept) == 1 and str(kept[0]) in result.stdout
    assert _villages(f"sqlite:///{kept[0]}") == ["改错的村"] * 3
    assert not [p for p in tmp_path.iterdir() if ".part" in p.name]
    _ok(run_main("--db", url, "db", "check"))


def _damaged_copies(tmp_path: Path, backup: Path) -> dict[str, Path]:
    """Files a user might give instead of a sound backup."""
    text = tmp_path / "notes.sqlite"
    text.write_text("不是数据库", encoding="utf-8")
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE things (id INTEGER PRIMARY KEY)")
    conn.close()
    newer = tmp_path / "newer.sqlite"
    shutil.copy(backup, newer)
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    damaged = tmp_path / "damaged.sqlite"
    data = bytearray(backup.read_bytes())
    page = 4096
    for at in range(2 * page, len(data) - page, page):  # every page after the schema
        data[at + 8 : at + 200] = bytes(range(192))
    damaged.write_bytes(bytes(data))
    return {
        "not SQLite": text,
        "not the console's": other,
        "newer revision": newer,
        "damaged": damaged,
        "missing": tmp_path / "no-such-backup.sqlite",
    }


@pytest.mark.slow
def test_restore_refuses_anything_but_a_sound_backup_and_changes_nothing(
    tmp_path: Path,
) -> None:
    path = tmp_path / "live" / "console.sqlite"
    path.parent.mkdir()
    url = _county(f"sqlite:///{path}")
    backup = tmp_path / "backup.sqlite"
    _ok(run_main("--db", url, "db", "backup", str(backup)))
    _rename_villages(url, "现在的村")
    expected = {
        "not SQLite": "SQLite",
        "not the console's": "alembic_version",
        "newer revision": "9999",
        "damaged": "",
        "missing": "no-such-backup.sqlite",
    }
    for what, file in _damaged_copies(tmp_path, backup).items():
        result = run_main("--db", url, "db", "restore", str(file))
        _refused(result, expected[what])
        assert _villages(url) == ["现在的村"] * 3, what
    _refused(run_main("--db", url, "db", "restore", str(path)))  # the database itself
    assert not (path.parent / "backups").exists()  # nothing was replaced, nothing kept
    assert sorted(p.name for p in path.parent.iterdir() if ".part" in p.name) == []


def test_restore_upgrades_a_backup_of_an_older_revision(tmp_path: Path) -> None:
    old = tmp_path / "old.sqlite"
    database = Database(f"sqlite:///{old}")
    _upgrade_to(database, "0005")
    database.dispose()
    url = _county(f"sqlite:///{tmp_path / 'console.sqlite'}")
    result = run_main("--db", url, "db", "restore", str(old))
    _ok(result)
    assert "0005" in result.stdout
    database = Database(url)
    assert database.current_revision() == database.head_revision()
    database.dispose()
    assert _villages(url) == []


def test_a_damaged_database_is_reported_by_check_and_replaced_by_restore(tmp_path: Path) -> None:
    path = tmp_path / "console.sqlite"
    url = _county(f"sqlite:///{path}")
    backup = tmp_path / "backup.sqlite"
    _ok(run_main("--db", url, "db", "backup", str(backup)))
    damaged = bytearray(path.read_bytes())
    damaged[:16] = b"overwritten head"
    path.write_bytes(bytes(damaged))
    _refused(run_main("--db", url, "db", "check"), "db restore")
    result = run_main("--db", url, "db", "restore", str(backup))
    _ok(result)
    (kept,) = (tmp_path / "backups").iterdir()
    assert kept.read_bytes() == bytes(damaged)  # the damaged file kept as it was
    assert _villages(url) == ["东门社区", "西门社区", "东海村"]
    _ok(run_main("--db", url, "db", "check"))


# -- check -------------------------------------------------------------------------------------


def test_check_reports_a_pending_migration_instead_of_running_it(tmp_path: Path) -> None:
    path = tmp_path / "console.sqlite"
    database = Database(f"sqlite:///{path}")
    _upgrade_to(database, "0005")
    database.dispose()
    before = path.read_bytes()
    result = run_main("--db", f"sqlite:///{path}", "db", "check")
    out = _refused(result, "0005", "db upgrade")
    assert "迁移" in out
    database = Database(f"sqlite:///{path}")
    assert database.current_revision() == "0005"
    database.dispose()
    assert not (tmp_path / "backups").exists()
    assert path.read_bytes() == before
    _ok(run_main("--db", f"sqlite:///{path}", "db", "upgrade"))
    _ok(run_main("--db", f"sqlite:///{path}", "db", "check"))


# -- PostgreSQL ----------------------------------------------------------------------------------


@pytest.mark.slow
def test_postgresql_backup_restores_into_an_empty_database_only(
    pg_url: str, tmp_path: Path
) -> None:
    if shutil.which("pg_dump") is None or shutil.which("pg_restore") is None:
        pytest.skip("PostgreSQL's client programs are not installed")
    _county(pg_url)
    login = {"ECC_PASSWORD": "chief-secret"}
    _ok(run_main("--db", pg_url, "user", "add", "chief", "--role", "admin", stdin="chief-secret\n"))
    dump = tmp_path / "ecc.dump"
    _ok(run_main("--db", pg_url, "--user", "chief", "db", "backup", str(dump), env=login))
    _refused(
        run_main("--db", pg_url, "--user", "chief", "db", "backup", str(dump), env=login),
        "--force",
    )
    _ok(
        run_main("--db", pg_url, "--user", "chief", "db", "backup", str(dump), "--force", env=login)
    )
    _rename_villages(pg_url, "现在的村")
    # The database in use holds tables: refused, nothing changed.
    _refused(run_main("--db", pg_url, "db", "restore", str(dump)), "createdb")
    assert _villages(pg_url) == ["现在的村"] * 3
    with new_pg_database("restore") as empty:
        _refused(run_main("--db", empty, "db", "restore", str(tmp_path / "no.dump")))
        text = tmp_path / "notes.dump"
        text.write_text("不是备份", encoding="utf-8")
        _refused(run_main("--db", empty, "db", "restore", str(text)), "pg_restore")
        _ok(run_main("--db", empty, "db", "restore", str(dump)))
        assert _villages(empty) == ["东门社区", "西门社区", "东海村"]
        _ok(run_main("--db", empty, "--user", "chief", "db", "check", env=login))
        restored = Database(empty)
        with restored.session(ADMIN) as session:
            assert session.scalar(select(func.count()).select_from(Division)) == 6
        restored.dispose()
