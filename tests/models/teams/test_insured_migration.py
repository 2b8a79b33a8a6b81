"""Migration 0020 on rescue forces of the previous revision: every membership, certificate
and policy stays (SQLite would cascade a rebuilt ``rescuers`` table's deletes into them),
each person's cover is filled from their policies, and going back keeps the rows."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from models.database import MIGRATIONS_DIR, Database
from models.teams import InsuranceCover, Rescuer, insurance_cover_problems
from tests.conftest import ADMIN


def _migrate(database: Database, revision: str, *, down: bool = False) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with database.engine.begin() as conn:
        config.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(config, revision)


def _counts(database: Database) -> dict[str, int]:
    tables = ("rescuers", "team_memberships", "rescuer_certificates", "rescuer_insurance")
    with database.engine.connect() as conn:
        return {t: conn.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar_one() for t in tables}


def test_0020_fills_each_cover_and_keeps_every_row(db_url: str) -> None:
    database = Database(db_url)
    _migrate(database, "0019")
    d = date
    with database.engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO teams (id, name, team_class, status) VALUES (1, '礁山队', 'x', 's')"
            )
        )
        for n in (1, 2, 3):
            conn.execute(
                sa.text("INSERT INTO rescuers (id, name, id_number) VALUES (:n, :name, :number)"),
                {"n": n, "name": f"队员{n}", "number": f"33108119850312000{n}"},
            )
            conn.execute(
                sa.text(
                    "INSERT INTO team_memberships (team_id, rescuer_id, post, status)"
                    " VALUES (1, :n, 'member', 'active')"
                ),
                {"n": n},
            )
        conn.execute(
            sa.text("INSERT INTO rescuer_certificates (rescuer_id, kind) VALUES (1, '潜水员证')")
        )
        conn.execute(
            sa.text("INSERT INTO rescuer_insurance (rescuer_id, starts, ends) VALUES (:r, :s, :e)"),
            [
                {"r": 1, "s": d(2026, 1, 1), "e": d(2026, 8, 31)},
                {"r": 1, "s": d(2026, 10, 1), "e": d(2027, 9, 30)},
                {"r": 2, "s": None, "e": d(2026, 12, 31)},
                {"r": 2, "s": d(2026, 6, 1), "e": d(2027, 5, 31)},
            ],
        )
    before = _counts(database)
    database.upgrade()
    assert _counts(database) == before
    with database.session(ADMIN) as session:
        kept = {
            r.id: InsuranceCover(r.insured_from, r.insured_until, r.insurance_gap)
            for r in session.scalars(sa.select(Rescuer))
        }
        problems: list[object] = []
        insurance_cover_problems(session, lambda *values: problems.append(values))
    assert kept == {
        1: InsuranceCover(d(2026, 10, 1), d(2027, 9, 30), True),
        2: InsuranceCover(None, d(2027, 5, 31), False),
        3: InsuranceCover(None, None, False),
    }
    assert problems == []
    _migrate(database, "0019", down=True)
    assert _counts(database) == before
    database.dispose()
