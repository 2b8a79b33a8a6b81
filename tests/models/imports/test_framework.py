"""The import framework, through a toy kind registered as a new module would register one,
and through the real kinds: the gate, cancel, the one audit record, the size limit, the
columns not used, and the hooks for plausible ranges and repeated values."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from models.areas import Division
from models.audit import AuditRecord
from models.database import Database
from models.imports import framework, registry
from models.imports.framework import import_file, out_of_range, repeated, run_import
from models.imports.registry import GATE_OPTIONS, Range, import_kinds
from models.imports.report import ImportReport, format_report
from models.refusals import PermissionDenied
from models.users import Actor
from tests.conftest import ADMIN
from tests.models.imports.toy import TOY

GOOD = "代码,名称,人口,备注,\n331081,温岭市,1200000,县级市,\n331082,临海市,1100000,,\n331083,玉环市,430000,,\n"


@pytest.fixture(autouse=True)
def toy_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(registry.KINDS, TOY.key, TOY)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def run(db: Database, path: Path, actor: Actor = ADMIN, **options: Any) -> ImportReport:
    with db.session(actor) as session:
        return import_file("toys", session=session, path=path, **options)


def names(db: Database) -> list[str]:
    with db.session(ADMIN) as session:
        return list(session.scalars(select(Division.name).order_by(Division.code)))


def audit(db: Database) -> list[tuple[str, str, int | None]]:
    with db.session(ADMIN) as session:
        return [
            (r.action, r.table_name, r.rows)
            for r in session.scalars(select(AuditRecord).order_by(AuditRecord.id))
        ]


def test_a_clean_file_is_written_with_one_audit_record(db: Database, tmp_path: Path) -> None:
    report = run(db, write(tmp_path / "t.csv", GOOD), prefix="新")
    assert report.ok and (report.inserted, report.rows_written) == (3, 3)
    assert names(db) == ["新温岭市", "新临海市", "新玉环市"]
    assert audit(db) == [("bulk", "divisions", 3)]  # one record, no per-row records


def test_dry_run_writes_nothing(db: Database, tmp_path: Path) -> None:
    report = run(db, write(tmp_path / "t.csv", GOOD), dry_run=True)
    assert report.ok and (report.inserted, report.rows_written) == (3, 0)
    assert names(db) == [] and audit(db) == []


def test_a_refused_row_refuses_all_and_valid_only_writes_the_rest(
    db: Database, tmp_path: Path
) -> None:
    path = write(tmp_path / "t.csv", GOOD + "33108,缺一位,10,,\n")
    refused = run(db, path)
    assert refused.exit_code == 1 and refused.rows_written == 0
    assert [(p.row, p.column, p.value) for p in refused.problems] == [(5, "A", "33108")]
    assert names(db) == [] and audit(db) == []

    valid = run(db, path, valid_only=True)
    assert (valid.rows_written, valid.refused_rows) == (3, 1)
    assert names(db) == ["温岭市", "临海市", "玉环市"]
    assert audit(db) == [("bulk", "divisions", 3)]


def test_cancel_while_writing_leaves_nothing(db: Database, tmp_path: Path) -> None:
    class Cancel:
        calls = 0

        @property
        def cancelled(self) -> bool:
            self.calls += 1
            # Before reading, three rows validated, before writing, batch 1 (2 rows): then cancel.
            return self.calls > 6

    cancel = Cancel()
    report = run(db, write(tmp_path / "t.csv", GOOD), cancel=cancel)
    assert cancel.calls == 7 and report.cancelled and report.rows_written == 0
    assert "Cancelled: nothing was written." in format_report(report)
    assert names(db) == [] and audit(db) == []


def test_progress_runs_from_zero_to_twice_the_rows(db: Database, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    run(db, write(tmp_path / "t.csv", GOOD), progress=lambda d, t: seen.append((d, t)))
    assert seen[0] == (0, 6) and seen[-1] == (6, 6)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert (5, 6) in seen  # the first batch of two written: half + 2 * half // 3


def test_permission_is_the_kinds(db: Database, tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        run(db, write(tmp_path / "t.csv", GOOD), actor=Actor(name="v", role="viewer"))


def test_a_file_above_the_kinds_size_limit_is_refused_unread(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "t.csv", GOOD * 2000)  # 236 kB
    monkeypatch.setitem(registry.KINDS, TOY.key, replace(TOY, max_bytes=registry.MIB // 10))
    report = run(db, path)
    assert report.file_failed and report.exit_code == 1 and report.checksum == ""
    (problem,) = report.problems
    assert problem.reason == (
        "The file is 0.225 MB, more than the 0.1 MB a file of this kind may have. Nothing was read."
    )
    assert names(db) == [] and audit(db) == []


def test_every_kind_has_a_size_limit() -> None:
    assert all(kind.max_bytes >= 64 * registry.MIB for kind in import_kinds() if kind is not TOY)


def test_columns_not_used_are_listed(db: Database, tmp_path: Path) -> None:
    report = run(db, write(tmp_path / "t.csv", GOOD))
    assert report.unused_columns == ["D 备注"]  # the blank fifth header is no column
    assert "Columns not used: D 备注" in format_report(report)


def test_divisions_list_the_columns_they_did_not_read(db: Database, tmp_path: Path) -> None:
    path = write(
        tmp_path / "区划.csv",
        "统计用区划代码,名称,城乡分类,备注\n331081000000,温岭市,111,\n",
    )
    with db.session(ADMIN) as session:
        report = import_file("divisions", session=session, path=path, dry_run=True)
    assert report.unused_columns == ["C 城乡分类", "D 备注"]


def test_a_repeated_value_is_one_problem_naming_its_rows(db: Database, tmp_path: Path) -> None:
    repeats = "".join(f"331099,重复{n},10,,\n" for n in range(500))
    report = run(db, write(tmp_path / "t.csv", GOOD + repeats))
    (problem,) = report.problems
    assert problem.row == 5 and problem.reason.startswith("repeated in rows 5, 6, 7")
    assert repeated(["a", "b", "a", "c", "a"]) == {"a": [0, 2, 4]}


def test_plausible_ranges_are_checked_a_column_at_a_time(db: Database, tmp_path: Path) -> None:
    report = run(db, write(tmp_path / "t.csv", GOOD + "331084,天台县,1000000000,,\n"))
    assert [(p.row, p.column) for p in report.problems] == [(5, "C")]
    assert out_of_range([0, 5, None, 11], Range(1, 10)) == [0, 3]


def test_run_import_commits_its_own_unit_of_work(db: Database, tmp_path: Path) -> None:
    report = run_import(
        db=db,
        actor=ADMIN,
        kind="toys",
        path=write(tmp_path / "t.csv", GOOD),
        options={"prefix": "新"},
    )
    assert report.rows_written == 3 and names(db)[0] == "新温岭市"
    with pytest.raises(TypeError):
        run_import(db=db, actor=ADMIN, kind="toys", path=tmp_path / "t.csv", options={"x": 1})


def test_the_reader_runs_through_the_one_hook(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    original = framework.read_source

    def watched(reader: Any, path: Path, options: Any) -> Any:
        seen.append(path.name)
        return original(reader, path, options)

    monkeypatch.setattr(framework, "read_source", watched)
    for kind in ("toys", "divisions"):
        with db.session(ADMIN) as session:
            import_file(kind, session=session, path=write(tmp_path / f"{kind}.csv", GOOD))
    assert seen == ["toys.csv", "divisions.csv"]


def test_gate_options_are_the_frameworks() -> None:
    assert [o.name for o in GATE_OPTIONS] == ["dry_run", "valid_only"]
    assert len({kind.key for kind in import_kinds()}) == len(registry.KINDS)
    with pytest.raises(KeyError):
        registry.import_kind("rivers")
