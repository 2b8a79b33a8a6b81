"""text index: the bigrams of indexed texts (households' householder names after their
first character), so the check-in search finds any part of a name of two characters or
more without a scan; filled from the households already held

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_ASCII_LOWER = {code: code + 32 for code in range(ord("A"), ord("Z") + 1)}
_CHUNK = 50_000


def _grams(text: str) -> set[str]:
    """As models.text_index.indexed_grams at this revision (households' names are
    registered ``after_start``: the bigrams from the second character on)."""
    text = text[1:].translate(_ASCII_LOWER)
    return {text[i : i + 2] for i in range(len(text) - 1)}


def upgrade() -> None:
    op.create_table(
        "text_index",
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("gram", sa.String(length=2), nullable=False),
        sa.Column("row_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("kind", "gram", "row_id", name=op.f("pk_text_index")),
        sqlite_with_rowid=False,
    )
    households = sa.table(
        "households", sa.column("id", sa.Integer), sa.column("householder_name", sa.String)
    )
    bind = op.get_bind()
    entries = sorted(
        ("household_name", gram, row_id)
        for row_id, name in bind.execute(sa.select(households.c.id, households.c.householder_name))
        if name
        for gram in _grams(name)
    )
    for start in range(0, len(entries), _CHUNK):
        chunk = entries[start : start + _CHUNK]
        if bind.dialect.name == "postgresql":
            kinds, grams, ids = zip(*chunk, strict=True)
            bind.exec_driver_sql(
                "INSERT INTO text_index (kind, gram, row_id) "
                "SELECT * FROM unnest(%s::varchar[], %s::varchar[], %s::integer[])",
                (list(kinds), list(grams), list(ids)),
            )
        else:
            bind.exec_driver_sql(
                "INSERT INTO text_index (kind, gram, row_id) VALUES (?, ?, ?)", chunk
            )


def downgrade() -> None:
    op.drop_table("text_index")
