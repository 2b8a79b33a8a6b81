"""Rescue teams on the demo county at scale 10 (about 6,500 teams, 150,000 members): the
search of every member on the teams page by name, pinyin initials, phone digits or
identity number, the nearest available teams of a specialty for a place, the county's
readiness summary, and a 30,000-row roster read, validated and imported.

Baselines measured in the same run: a plain substring scan of the members' search keys,
the raw query of the teams holding the specialty with their positions (what ranking
starts from), the raw count of members on duty per team, and reading the roster's file
alone. The scale-10 county is built once per benchmark run (in its folder).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import openpyxl
from sqlalchemy import func, select

from models.database import Database
from models.imports.framework import import_file
from models.search import SEPARATOR, search_key
from models.teams import Membership, Rescuer, Team, TeamSpecialty, nearest_teams, readiness
from models.teams.identity import check_character
from models.teams.imports.members import MemberSteps
from models.users import Actor
from tests.perf.common import Figure, demo_database, median_of, timed

SCALE = 10
ACTOR = Actor("bench", "duty")
ADMIN = Actor("bench-admin", "admin")
ROSTER_ROWS = 30_000


def run(folder: Path) -> list[Figure]:
    demo = Database(demo_database(folder, SCALE))
    copy = folder / f"teams-{SCALE}.sqlite"
    copy.unlink(missing_ok=True)
    demo.backup(copy)  # a copy: the import below writes into it
    demo.dispose()
    database = Database(f"sqlite:///{copy}")
    try:
        return figures(database, folder)
    finally:
        database.dispose()


def member_search(database: Database) -> Figure:
    """The All members tab: 150,000 members loaded once with their search keys, then each
    query typed filters them (the page's table model, as the page does)."""
    from PySide6.QtWidgets import QApplication

    from ui.common.table import RowTableModel
    from ui.teams.rows import COUNTY_MEMBER_COLUMNS, load_all_members

    _app = QApplication.instance() or QApplication(["bench_teams"])
    lines, keys = load_all_members(db=database, actor=ACTOR)
    model = RowTableModel(COUNTY_MEMBER_COLUMNS)
    model.set_rows(lines, keys)
    sample = lines[len(lines) // 3]
    with database.session(ADMIN) as session:
        number = session.scalar(
            select(Rescuer.id_number)
            .join(Membership, Membership.rescuer_id == Rescuer.id)
            .where(Membership.id == sample.id)
        )
    queries = [sample.name, search_key(sample.name).split(SEPARATOR)[-1], sample.mobile[-4:]]
    queries.append((number or "")[-6:])  # an identity number's end, as a duty officer reads it
    found: list[int] = []

    def search() -> float:
        seconds = 0.0
        for query in queries:
            seconds += timed(lambda q=query: model.set_query(q))
            found.append(model.rowCount())
            model.set_query("")
        return seconds / len(queries)

    def raw() -> float:
        seconds = 0.0
        for query in queries:
            term = query.lower()
            seconds += timed(lambda t=term: [k for k in keys if t in k])
        return seconds / len(queries)

    figure = Figure(
        f"search of {len(lines):,} members (scale {SCALE})",
        median_of(5, search),
        0.1,
        "plain substring scan of the keys",
        median_of(5, raw),
    )
    assert all(found), "every query finds its member"
    return figure


def figures(database: Database, folder: Path) -> list[Figure]:
    found = [member_search(database)]
    with database.session(ACTOR) as session:
        lon, lat = session.execute(
            select(Team.lon, Team.lat).where(Team.lon.is_not(None)).order_by(Team.id).limit(1)
        ).one()
        today = date.today()

        def nearest() -> float:
            return timed(
                lambda: nearest_teams(
                    session=session, lon=lon, lat=lat, specialty="water", head_count=10, today=today
                )
            )

        def raw_teams() -> float:
            query = select(Team.id, Team.lon, Team.lat, Team.status).where(
                Team.id.in_(select(TeamSpecialty.team_id).where(TeamSpecialty.specialty == "water"))
            )
            return timed(lambda: session.execute(query).all())

        def summary() -> float:
            return timed(lambda: readiness(session=session, today=today))

        def raw_counts() -> float:
            query = (
                select(Membership.team_id, func.count())
                .where(Membership.status == "active")
                .group_by(Membership.team_id)
            )
            return timed(lambda: session.execute(query).all())

        found += [
            Figure(
                f"nearest water teams (scale {SCALE})",
                median_of(5, nearest),
                0.05,
                "raw query of the water teams",
                median_of(5, raw_teams),
            ),
            Figure(
                f"county readiness summary (scale {SCALE})",
                median_of(3, summary),
                0.2,
                "raw count of members per team",
                median_of(3, raw_counts),
            ),
        ]
        teams = session.scalars(select(Team.name).order_by(Team.id).limit(200)).all()
    path = _roster(folder / "roster-30000.xlsx", teams)

    def imported() -> float:
        with database.session(ADMIN, write=True) as session:
            seconds = timed(lambda: import_file("members", session=session, path=path))
            session.rollback()
        return seconds

    found.append(
        Figure(
            f"{ROSTER_ROWS:,}-row roster read, checked and imported",
            median_of(3, imported),
            4.0,
            "reading the file alone",
            median_of(3, lambda: timed(lambda: MemberSteps.reader(path, {}))),
        )
    )
    return found


def _roster(path: Path, teams: list[str]) -> Path:
    """A county-wide roster: a 所属队伍 column, people new to the register."""
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("花名册")
    sheet.append(["全县救援队员花名册"])
    sheet.append(
        ["序号", "姓名", "性别", "身份证号码", "手机号码", "职务", "所属队伍", "保险截止日期"]
    )
    for n in range(ROSTER_ROWS):
        birth = date(1970, 1, 1) + timedelta(days=n % 10_000)
        first17 = f"330000{birth:%Y%m%d}{n // 10_000:03d}"  # unique for every n
        number = first17 + check_character(first17)
        sex = "男" if int(first17[16]) % 2 else "女"
        sheet.append(
            [
                n + 1,
                f"队员{n}",
                sex,
                number,
                f"139{n:08d}",
                "队员",
                teams[n % len(teams)],
                "2099.12.31",
            ]
        )
    book.save(path)
    return path
