"""Plausible ranges: a household of a billion people, 23 digits or 1e308 are refused with
the range named, the same on SQLite and PostgreSQL, in imports and hand entry alike; and
``db check`` flags implausible numbers already stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import update

from models.areas import ShelterInput, save_shelter
from models.checks import check_database
from models.database import Database
from models.fields import (
    HOUSEHOLD_RESIDENTS,
    SHELTER_CAPACITY,
    TYPHOON_PRESSURE,
    TYPHOON_RADIUS,
    TYPHOON_WIND,
)
from models.imports import format_report
from models.imports.registry import KINDS
from models.refusals import ValidationError
from models.transfers import Household, TransferRefused, add_town_report
from models.typhoons.tables import PRESSURE_RANGE, RADIUS_MAX, WIND_MAX
from tests.conftest import ADMIN
from tests.models.imports.test_gis import county  # noqa: F401  (the fixture)
from tests.models.imports.test_gis import run as run_gis
from tests.models.imports.test_households import households, row, run, write_list
from tests.models.test_transfers import DUTY_A, Register, make_register, make_scenario

RANGE_TEXT = "Not plausible: the number must lie between 1 – 2,000 (the plausible range)."


@pytest.fixture
def register(db: Database) -> Register:
    with db.session(ADMIN) as session:
        return make_register(session)


def test_absurd_residents_are_refused_naming_the_range(
    db: Database, register: Register, tmp_path: Path
) -> None:
    rows = [
        row(1, name="甲", residents=1_000_000_000),
        row(2, name="乙", residents="1" * 23),
        row(3, name="丙", residents=1e308),
        row(4, name="丁", residents=3, elderly=1e308),
        row(5, name="戊", residents=2_000, children=3),  # a care home: plausible
    ]
    report = run(db, write_list(tmp_path / "absurd.xlsx", rows), valid_only=True)
    assert [(p.row, p.column) for p in report.problems] == [
        (4, "H"),
        (5, "H"),
        (6, "H"),
        (7, "V"),
    ], format_report(report)
    assert {p.reason for p in report.problems} == {
        RANGE_TEXT,
        "Not plausible: the number must lie between 0 – 2,000 (the plausible range).",
    }
    assert report.problems[0].value == "1000000000"
    assert set(households(db)) == {"戊"}


def test_hand_entry_and_phoned_in_figures_have_the_same_ranges(db: Database) -> None:
    sc = make_scenario(db)
    with pytest.raises(ValidationError) as error, db.session(ADMIN) as session:
        save_shelter(
            session=session,
            data=ShelterInput(
                name="体育馆", village_id=sc.register.a1, level="county", capacity=10**12
            ),
        )
    assert error.value.problems == [
        (
            "capacity",
            "Not plausible: the number must lie between 0 – 100,000 (the plausible range).",
        )
    ]
    with pytest.raises(TransferRefused) as refused, db.session(DUTY_A) as session:
        add_town_report(
            session=session,
            event_id=sc.event_id,
            town_id=sc.register.town_b,
            source="电话",
            people_to_move=10**9,
            moved=0,
        )
    assert "0 – 10,000,000" in str(refused.value)


def test_db_check_flags_implausible_numbers_already_stored(
    db: Database, register: Register, tmp_path: Path
) -> None:
    assert run(db, write_list(tmp_path / "ok.xlsx", [row(1)])).rows_written == 1
    with db.session(ADMIN) as session:
        assert check_database(session=session) == []
        session.execute(update(Household).values(residents=1_000_000_000))
    with db.session(ADMIN) as session:
        (message,) = check_database(session=session)
    assert message.startswith("Household ") and message.endswith(
        ": residents is 1000000000, outside its plausible range 1 – 2,000."
    )


def test_one_range_per_quantity() -> None:
    """The kinds declare the ranges of ``models.fields``; the typhoon entry's checks agree."""
    assert KINDS["households"].ranges["residents"] is HOUSEHOLD_RESIDENTS
    assert KINDS["shelters"].ranges["capacity"] is SHELTER_CAPACITY
    assert (TYPHOON_PRESSURE.low, TYPHOON_PRESSURE.high) == PRESSURE_RANGE
    assert (TYPHOON_WIND.high, TYPHOON_RADIUS.high) == (WIND_MAX, RADIUS_MAX)
    assert 1 in HOUSEHOLD_RESIDENTS and 10**23 not in HOUSEHOLD_RESIDENTS


@pytest.mark.usefixtures("county")
def test_a_shelter_for_a_billion_from_a_map_file_is_refused(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "shelters.csv"
    path.write_text(
        "名称,村代码,级别,容纳人数,安全鉴定,经度,纬度\n"
        "体育馆,331081001001,县级,1000000000,是,121.35,28.40\n"
        "礼堂,331081001001,村级,11111111111111111111111,是,121.35,28.40\n",
        encoding="utf-8",
    )
    report = run_gis(db, "shelters", path)
    assert [(p.row, p.column) for p in report.problems] == [(2, "D"), (3, "D")]
    assert all("0 – 100,000" in p.reason for p in report.problems), format_report(report)
