"""The team or warehouse of a duty-log entry: a reference to a rescue team or a warehouse
chosen by name, refused when no or several match, shown and searched; older free text
stays readable and a correction may keep it (both backends)."""

from __future__ import annotations

import pytest

from models.base import utcnow
from models.command import (
    AmbiguousResource,
    DutyLogEntry,
    EntryFields,
    LogFilter,
    add_entry,
    correct_entry,
    fields_of,
    find_resource,
    get_entry,
    list_entries,
    resource_choices,
)
from models.command.dutylog_text import resource_text
from models.database import Database
from models.refusals import NotFound, ValidationError
from models.supplies import WarehouseFields, save_warehouse
from models.teams import TeamFields, save_team
from models.users import Actor

ADMIN = Actor(name="admin", role="admin")
DUTY = Actor(name="duty", role="duty")


def _register(db: Database) -> dict[str, int]:
    with db.session(ADMIN, write=True) as session:
        ids = {
            name: save_team(session=session, fields=TeamFields(name=name, team_class=cls)).id
            for name, cls in (
                ("松门镇综合救援队", "town_team"),
                ("石塘镇综合救援队", "town_team"),
                ("蓝天救援队", "social"),
            )
        }
        for code, name in (("CK01", "县防汛物资仓库"), ("CK02", "松门镇物资仓库")):
            ids[name] = save_warehouse(
                session=session, fields=WarehouseFields(code=code, name=name)
            ).id
    return ids


def _entry(db: Database, **changes: object) -> int:
    fields: dict[str, object] = {"kind": "action", "content": "调派救援队前往松门镇"}
    fields.update(changes)
    with db.session(DUTY, write=True) as session:
        return add_entry(session=session, fields=EntryFields(**fields))  # type: ignore[arg-type]


def test_a_team_or_warehouse_is_found_by_name_or_refused(db: Database) -> None:
    ids = _register(db)
    with db.session(DUTY) as session:
        assert find_resource(session=session, name="蓝天", kind="team").id == ids["蓝天救援队"]
        found = find_resource(session=session, name=" 县防汛物资仓库 ", kind="warehouse")
        assert (found.kind, found.id) == ("warehouse", ids["县防汛物资仓库"])
        with pytest.raises(AmbiguousResource) as several:
            find_resource(session=session, name="综合救援队", kind="team")
        assert "松门镇综合救援队" in str(several.value) and "石塘镇综合救援队" in str(several.value)
        with pytest.raises(NotFound, match="消防"):
            find_resource(session=session, name="消防大队", kind="team")
        with pytest.raises(NotFound):  # a warehouse is not a team
            find_resource(session=session, name="县防汛物资仓库", kind="team")
        with pytest.raises(AmbiguousResource):  # a team and a warehouse of 松门镇
            find_resource(session=session, name="松门镇")
        names = [(c.kind, c.name) for c in resource_choices(session=session)]
    assert ("team", "蓝天救援队") in names and ("warehouse", "松门镇物资仓库") in names


def test_an_entry_names_a_team_or_warehouse_and_is_found_by_it(db: Database) -> None:
    ids = _register(db)
    by_team = _entry(db, team_id=ids["蓝天救援队"])
    by_name = _entry(db, content="县仓库发放编织袋", resource="县防汛物资仓库")
    _entry(db, content="与物资无关的来电")
    with db.session(DUTY) as session:
        team_row = get_entry(session=session, entry_id=by_team)
        warehouse_row = get_entry(session=session, entry_id=by_name)
        assert team_row is not None and warehouse_row is not None
        assert (team_row.team_id, team_row.resource) == (ids["蓝天救援队"], "蓝天救援队")
        assert (warehouse_row.warehouse_id, warehouse_row.team_id) == (
            ids["县防汛物资仓库"],
            None,
        )
        assert resource_text(team_row) == "Team: 蓝天救援队"
        assert resource_text(warehouse_row) == "Warehouse: 县防汛物资仓库"

        def found(where: LogFilter) -> list[int]:
            return [row.id for row in list_entries(session=session, where=where)]

        assert found(LogFilter(team_id=ids["蓝天救援队"])) == [by_team]
        assert found(LogFilter(warehouse_id=ids["县防汛物资仓库"])) == [by_name]
        assert found(LogFilter(resource_text="仓库")) == [by_name]
        assert found(LogFilter(resource_text="蓝天")) == [by_team]


def test_free_text_naming_no_team_or_warehouse_is_refused(db: Database) -> None:
    ids = _register(db)
    for changes, words in (
        ({"resource": "蓝天"}, "No team or warehouse is named “蓝天”."),
        ({"resource": "某某物资点"}, "某某物资点"),
        ({"team_id": 9999}, "No team with id 9999."),
        ({"team_id": ids["蓝天救援队"], "warehouse_id": ids["县防汛物资仓库"]}, "not both"),
    ):
        with pytest.raises(ValidationError) as refused:
            _entry(db, **changes)
        assert any(words in m for m in refused.value.messages_for("resource")), changes


def test_older_free_text_stays_readable_and_a_correction_may_keep_it(db: Database) -> None:
    ids = _register(db)
    with db.session(ADMIN, write=True) as session:  # as entries logged before references
        old = DutyLogEntry(
            at=utcnow(),
            kind="action",
            content="三号仓库发放救生衣",
            recorded_by="duty",
            resource="三号仓库（老库）",
        )
        session.add(old)
        session.flush()
        old_id = old.id
    with db.session(DUTY, write=True) as session:
        row = get_entry(session=session, entry_id=old_id)
        assert row is not None and resource_text(row) == "三号仓库（老库）"
        assert [r.id for r in list_entries(session=session, where=LogFilter(resource_text="老库"))]
        kept = correct_entry(
            session=session,
            entry_id=old_id,
            fields=fields_of(session=session, entry_id=old_id),
            reason="补记数量",
        )
        assert (get_entry(session=session, entry_id=kept) or row).resource == "三号仓库（老库）"
        chosen = correct_entry(
            session=session,
            entry_id=kept,
            fields=EntryFields(kind="", content="县仓库发放救生衣", resource="县防汛物资仓库"),
            reason="仓库名称更正",
        )
        corrected = get_entry(session=session, entry_id=chosen)
    assert corrected is not None and corrected.warehouse_id == ids["县防汛物资仓库"]


def test_a_correction_keeps_the_team_its_entry_names(db: Database) -> None:
    ids = _register(db)
    entry_id = _entry(db, team_id=ids["松门镇综合救援队"])
    with db.session(DUTY, write=True) as session:
        fields = fields_of(session=session, entry_id=entry_id)
        assert fields.team_id == ids["松门镇综合救援队"]
        correction = correct_entry(
            session=session,
            entry_id=entry_id,
            fields=EntryFields(**{**_as_dict(fields), "content": "救援队已出发"}),
            reason="补充",
        )
        row = get_entry(session=session, entry_id=correction)
    assert row is not None and row.team_id == ids["松门镇综合救援队"]
    assert row.resource == "松门镇综合救援队"


def _as_dict(fields: EntryFields) -> dict[str, object]:
    return {name: getattr(fields, name) for name in EntryFields.__slots__}
