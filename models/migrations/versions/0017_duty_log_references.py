"""duty log references: an entry's team or warehouse as a reference to a rescue team or a
warehouse beside the name it keeps; older entries keep their free text alone.

Columns are added in place (no table rebuild on SQLite), so the log's append-only
triggers stay as they are.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

REFERENCES = (("team_id", "teams"), ("warehouse_id", "supply_warehouses"))


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for column, table in REFERENCES:
        name = op.f(f"fk_duty_log_{column}_{table}")
        if sqlite:  # SQLite adds a column's reference with the column, or never
            op.execute(
                f"ALTER TABLE duty_log ADD COLUMN {column} INTEGER "
                f"CONSTRAINT {name} REFERENCES {table} (id) ON DELETE RESTRICT"
            )
        else:
            op.add_column("duty_log", sa.Column(column, sa.Integer(), nullable=True))
            op.create_foreign_key(name, "duty_log", table, [column], ["id"], ondelete="RESTRICT")
        op.create_index(op.f(f"ix_duty_log_{column}"), "duty_log", [column], unique=False)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for column, table in reversed(REFERENCES):
        op.drop_index(op.f(f"ix_duty_log_{column}"), table_name="duty_log")
        if not sqlite:
            op.drop_constraint(
                op.f(f"fk_duty_log_{column}_{table}"), "duty_log", type_="foreignkey"
            )
        op.drop_column("duty_log", column)
