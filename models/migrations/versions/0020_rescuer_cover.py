"""each rescuer's accident insurance cover kept on the person (``insured_from``,
``insured_until``, ``insurance_gap``), filled from the policies held; the members on duty
of each team indexed with their people.

The cover is worked out here as ``models.teams.insured.cover_of`` does (a migration keeps
its own copy: it must do what it did when it was written).

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

_DAY = timedelta(days=1)


def _cover(policies: list[tuple[Any, Any]]) -> tuple[Any, Any, bool]:
    """(insured_from, insured_until, insurance_gap) for a person's (starts, ends)."""
    latest = max(ends for _starts, ends in policies)
    stretches: list[list[Any]] = []
    proper = (p for p in policies if p[0] is None or p[0] <= p[1])
    for starts, ends in sorted(proper, key=lambda p: p[0] or date.min):
        if stretches and (starts is None or starts <= stretches[-1][1] + _DAY):
            stretches[-1][1] = max(stretches[-1][1], ends)
        else:
            stretches.append([starts, ends])
    if stretches and stretches[-1][1] == latest:
        return stretches[-1][0], latest, len(stretches) > 1
    return latest + _DAY, latest, bool(stretches)


def upgrade() -> None:
    # Columns added in place: rebuilding ``rescuers`` on SQLite would delete, through
    # their ON DELETE CASCADE, every membership, certificate and policy.
    op.add_column("rescuers", sa.Column("insured_from", sa.Date(), nullable=True))
    op.add_column("rescuers", sa.Column("insured_until", sa.Date(), nullable=True))
    op.add_column(
        "rescuers",
        sa.Column("insurance_gap", sa.Boolean(), server_default=sa.false(), nullable=False),
    )
    op.create_index(op.f("ix_rescuers_insured_until"), "rescuers", ["insured_until"])
    op.create_index(
        "ix_team_memberships_team_status",
        "team_memberships",
        ["team_id", "status", "rescuer_id"],
        unique=False,
    )
    policies = sa.table(
        "rescuer_insurance",
        sa.column("rescuer_id", sa.Integer),
        sa.column("starts", sa.Date),
        sa.column("ends", sa.Date),
    )
    rescuers = sa.table(
        "rescuers",
        sa.column("id", sa.Integer),
        sa.column("insured_from", sa.Date),
        sa.column("insured_until", sa.Date),
        sa.column("insurance_gap", sa.Boolean),
    )
    connection = op.get_bind()
    held: dict[int, list[tuple[Any, Any]]] = {}
    for rescuer_id, starts, ends in connection.execute(
        sa.select(policies.c.rescuer_id, policies.c.starts, policies.c.ends)
    ):
        held.setdefault(rescuer_id, []).append((starts, ends))
    rows = []
    for rescuer_id, listed in held.items():
        starts, ends, gap = _cover(listed)
        rows.append({"b_id": rescuer_id, "f": starts, "u": ends, "g": gap})
    statement = (
        sa.update(rescuers)
        .where(rescuers.c.id == sa.bindparam("b_id"))
        .values(
            insured_from=sa.bindparam("f"),
            insured_until=sa.bindparam("u"),
            insurance_gap=sa.bindparam("g"),
        )
    )
    for at in range(0, len(rows), 5000):
        connection.execute(statement, rows[at : at + 5000])


def downgrade() -> None:
    op.drop_index("ix_team_memberships_team_status", table_name="team_memberships")
    op.drop_index(op.f("ix_rescuers_insured_until"), table_name="rescuers")
    for column in ("insurance_gap", "insured_until", "insured_from"):
        op.drop_column("rescuers", column)  # in place (SQLite 3.35+), as they were added
