"""The teams page's entry dialogs: a team, a member (identity number checked, sex and birth
date derived), certificates and insurance, a status change with where and why, equipment;
and who sees the buttons."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from models.database import Database
from models.geo.crs import wgs84_to_gcj02
from models.imports.framework import run_import
from models.teams import (
    list_equipment,
    list_members,
    list_teams,
    status_history,
)
from models.users import Actor
from tests.conftest import ADMIN
from tests.models.teams.rosters import (
    SOUND_TEAMS,
    ident,
    member_row,
    roster,
    small_county,
    teams_file,
)
from tests.ui.test_teams_page import open_page
from ui.teams.forms import (
    CertificateForm,
    EquipmentForm,
    InsuranceForm,
    MemberForm,
    StatusForm,
    TeamForm,
)

DUTY = Actor(name="duty", role="duty")
PLANNER = Actor(name="planner", role="planner")
CLERK = Actor(name="clerk", role="clerk")


@pytest.fixture
def county(sqlite_db: Database, tmp_path: Path) -> Database:
    small_county(sqlite_db)
    path = teams_file(tmp_path / "t.xlsx", SOUND_TEAMS)
    assert run_import(db=sqlite_db, actor=ADMIN, kind="teams", path=path).ok
    rows = [member_row(1, post="队长"), member_row(2)]
    assert run_import(
        db=sqlite_db, actor=ADMIN, kind="members", path=roster(tmp_path / "r.xlsx", rows)
    ).ok
    return sqlite_db


def team_id(db: Database, name: str) -> int:
    with db.session(ADMIN) as session:
        return next(t.id for t in list_teams(session=session) if t.name == name)


def fill_in(form: TeamForm | MemberForm, **values: str) -> None:
    for name, value in values.items():
        widget = form.fields[name]
        assert isinstance(widget, QLineEdit)
        widget.setText(value)


def test_a_team_added_with_specialties_grade_and_a_base_from_a_phone_map(
    qtbot: QtBot, county: Database
) -> None:
    form = TeamForm(county, DUTY)
    qtbot.addWidget(form)
    lon, lat = wgs84_to_gcj02(121.5, 28.4)
    fill_in(form, name="松门镇潜水救援队", lon=f"{lon:.7f}", lat=f"{lat:.7f}", leader="林潜")
    form.class_combo.set_code("social")
    form.specialty_checks["diving"].setChecked(True)
    form.grade_combos["diving"].setCurrentIndex(form.grade_combos["diving"].findData(2))
    form.crs_combo.setCurrentIndex(form.crs_combo.findData("gcj02"))
    form.home_box.set_village_id(2)
    form.save_button.click()
    assert form.errors() == {} and form.saved_id is not None
    with county.session(ADMIN) as session:
        (team,) = [t for t in list_teams(session=session) if t.name == "松门镇潜水救援队"]
    assert team.specialties == (("diving", 2),) and team.home == "松门镇"
    assert team.lon == pytest.approx(121.5, abs=1e-5) and team.lat == pytest.approx(28.4, abs=1e-5)


def test_a_team_name_taken_and_a_bad_mobile_are_shown_under_their_fields(
    qtbot: QtBot, county: Database
) -> None:
    form = TeamForm(county, DUTY, team_id(county, "温岭蓝天救援队"))
    qtbot.addWidget(form)
    assert form.text_of("name") == "温岭蓝天救援队"
    assert form.specialty_checks["mountain"].isChecked()
    assert form.grade_combos["mountain"].currentData() == 3
    fill_in(form, name="礁山村应急救援小分队", leader_mobile="12345")
    form.save_button.click()
    errors = form.errors()
    assert "registered" in errors["name"] and "mobile" in errors["leader_mobile"]
    assert form.saved_id is None


def test_a_member_entered_by_identity_number_gets_sex_and_birth_date_from_it(
    qtbot: QtBot, county: Database
) -> None:
    squad = team_id(county, "礁山村应急救援小分队")
    form = MemberForm(county, DUTY, team_id=squad)
    qtbot.addWidget(form)
    number = ident(33, year=1990, sex="F", month_day="0705")
    fill_in(form, name="林三三", id_number=number[:-1] + ("0" if number[-1] != "0" else "1"))
    assert "check digit" in form.derived_label.text()
    form.save_button.click()
    assert "check digit" in form.errors()["id_number"]
    fill_in(form, id_number=number.lower(), mobile="139 0576 3333", joined="2024.3.1")
    assert form.derived_label.text() == "female, born 1990-07-05"
    form.save_button.click()
    assert form.errors() == {}
    with county.session(ADMIN) as session:
        (member,) = [m for m in list_members(session=session, team_id=squad) if m.name == "林三三"]
    assert (member.sex, str(member.birth_date), member.mobile) == ("F", "1990-07-05", "13905763333")
    assert str(member.joined) == "2024-03-01"


def test_a_fifteen_digit_number_is_converted_and_a_bad_date_refused_in_place(
    qtbot: QtBot, county: Database
) -> None:
    squad = team_id(county, "礁山村应急救援小分队")
    form = MemberForm(county, DUTY, team_id=squad)
    qtbot.addWidget(form)
    fill_in(form, name="老张", id_number="331081650312011", joined="2024年13月1日")
    assert "stored as 331081196503120112" in form.derived_label.text()
    form.save_button.click()
    assert "Not a date" in form.errors()["joined"] and form.saved_id is None
    fill_in(form, joined="")
    form.save_button.click()
    assert form.errors() == {}
    with county.session(ADMIN) as session:
        numbers = [m.id_number for m in list_members(session=session, team_id=squad)]
    assert any(n and n.startswith("33108119650312011") for n in numbers)


def test_a_planner_edits_a_member_whose_number_is_masked_and_it_is_kept(
    qtbot: QtBot, county: Database
) -> None:
    squad = team_id(county, "礁山村应急救援小分队")
    with county.session(ADMIN) as session:
        first = next(m for m in list_members(session=session, team_id=squad) if m.name == "队员001")
    form = MemberForm(county, PLANNER, first.membership_id, team_id=squad)
    qtbot.addWidget(form)
    assert "********" in form.text_of("id_number") and not form.fields["id_number"].isEnabled()
    form.post_combo.set_code("deputy")
    fill_in(form, skills="游泳")
    form.save_button.click()
    assert form.errors() == {}
    with county.session(ADMIN) as session:
        again = next(m for m in list_members(session=session, team_id=squad) if m.name == "队员001")
    assert again.id_number == ident(1) and again.post == "deputy" and again.skills == "游泳"


def test_certificates_and_insurance_recorded_for_a_member(qtbot: QtBot, county: Database) -> None:
    squad = team_id(county, "礁山村应急救援小分队")
    with county.session(ADMIN) as session:
        member = next(
            m for m in list_members(session=session, team_id=squad) if m.name == "队员002"
        )
    certificate = CertificateForm(county, DUTY, member.rescuer_id, person=member.name)
    qtbot.addWidget(certificate)
    assert "队员002" in certificate.windowTitle()
    fill_in(certificate, kind="潜水员证", number="QS-001", expires="2027/06/30")  # type: ignore[arg-type]
    certificate.save_button.click()
    assert certificate.errors() == {}
    again = CertificateForm(county, DUTY, member.rescuer_id, person=member.name)
    qtbot.addWidget(again)
    fill_in(again, kind="潜水员证", number="QS-001")  # type: ignore[arg-type]
    again.save_button.click()
    assert "already" in again.errors()["number"]

    policy = InsuranceForm(county, DUTY, member.rescuer_id, person=member.name)
    qtbot.addWidget(policy)
    fill_in(policy, policy="P-9", starts="2026-01-01", ends="2025-12-31")  # type: ignore[arg-type]
    policy.save_button.click()
    assert "ends before it starts" in policy.errors()["ends"]
    fill_in(policy, ends="明年")  # type: ignore[arg-type]
    policy.save_button.click()
    assert policy.errors() == {"ends": policy.errors()["ends"]}
    assert "Not a date" in policy.errors()["ends"]
    fill_in(policy, ends="2026年12月31日")  # type: ignore[arg-type]
    policy.save_button.click()
    assert policy.errors() == {}
    with county.session(ADMIN) as session:
        member = next(
            m for m in list_members(session=session, team_id=squad) if m.name == "队员002"
        )
    assert ("潜水员证", member.certificates[-1][1]) in member.certificates
    assert str(member.insurance_ends) >= "2026-12-31"


def test_a_status_change_with_where_and_why_joins_the_history(
    qtbot: QtBot, county: Database
) -> None:
    squad = team_id(county, "礁山村应急救援小分队")
    form = StatusForm(county, DUTY, squad)
    qtbot.addWidget(form)
    assert form.status_combo.findData("standby") < 0  # the status it has is not offered
    form.status_combo.setCurrentIndex(form.status_combo.findData("prepositioned"))
    form.save_button.click()
    assert "why" in form.errors()["reason"]
    fill_in(form, place="礁山村村委会", reason="台风防御Ⅳ级响应")  # type: ignore[arg-type]
    form.save_button.click()
    assert form.errors() == {}
    with county.session(ADMIN) as session:
        (change,) = status_history(session=session, team_id=squad)
    assert (change.old, change.new, change.place, change.recorded_by) == (
        "standby",
        "prepositioned",
        "礁山村村委会",
        "duty",
    )


def test_equipment_added_then_put_out_of_service(qtbot: QtBot, county: Database) -> None:
    squad = team_id(county, "礁山村应急救援小分队")
    form = EquipmentForm(county, DUTY, team_id=squad)
    qtbot.addWidget(form)
    fill_in(form, kind="冲锋舟", count="两")  # type: ignore[arg-type]
    form.save_button.click()
    assert "number" in form.errors()["count"]
    fill_in(form, count="2")  # type: ignore[arg-type]
    form.save_button.click()
    assert form.errors() == {} and form.saved_id is not None
    edit = EquipmentForm(county, DUTY, form.saved_id, team_id=squad)
    qtbot.addWidget(edit)
    assert edit.text_of("kind") == "冲锋舟" and edit.text_of("count") == "2"
    edit.state_combo.set_code("out_of_service")
    edit.save_button.click()
    with county.session(ADMIN) as session:
        (item,) = list_equipment(session=session, team_id=squad)
    assert (item.kind, item.count, item.state) == ("冲锋舟", 2, "out_of_service")


def test_entry_buttons_for_roles_that_manage_teams_only(qtbot: QtBot, county: Database) -> None:
    page = open_page(qtbot, county, CLERK)
    assert page.new_team_button.isHidden() and page.add_member_button.isHidden()
    assert not page.reach_button.isHidden()
    planner = open_page(qtbot, county, PLANNER)
    assert not planner.new_team_button.isHidden() and planner.status_button.isEnabled()
    with qtbot.waitSignal(planner.show_reach) as reach:
        planner.reach_button.click()
    assert reach.args == [planner._team_id]


def test_a_team_edited_keeps_its_home_and_base(qtbot: QtBot, county: Database) -> None:
    town_team = team_id(county, "松门镇综合应急救援队")
    form = TeamForm(county, DUTY, town_team)
    qtbot.addWidget(form)
    assert form.home_box.village_id() == 2
    fill_in(form, leader="林新")
    form.save_button.click()
    assert form.errors() == {}
    with county.session(ADMIN) as session:
        (team,) = [t for t in list_teams(session=session) if t.id == town_team]
    assert (team.home, team.leader, team.lon, team.lat) == ("松门镇", "林新", 121.566, 28.347)


def test_a_team_deleted_meanwhile_is_said_and_nothing_saved(qtbot: QtBot, county: Database) -> None:
    form = StatusForm(county, DUTY, 9999)
    qtbot.addWidget(form)
    assert "no longer exists" in form.errors()[""] and not form.save_button.isEnabled()
    member = MemberForm(county, DUTY, team_id=9999)
    qtbot.addWidget(member)
    fill_in(member, name="林", id_number=ident(40))
    member.save_button.click()
    assert "no longer exists" in member.errors()[""] and member.saved_id is None
