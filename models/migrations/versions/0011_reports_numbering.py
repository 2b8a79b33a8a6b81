"""reports upward and the numbering register: document numbers taken (append-only),
the issuer, an event's reports and their recipients, report deadlines.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import models.base

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document_numbers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=60), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("taken_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("taken_by", sa.String(length=60), nullable=False),
        sa.CheckConstraint("number >= 1", name=op.f("ck_document_numbers_number_positive")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_numbers")),
        sa.UniqueConstraint("kind", "year", "number", name=op.f("uq_document_numbers_kind")),
    )
    op.create_table(
        "document_issuer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("abbreviation", sa.String(length=20), nullable=False),
        sa.Column("changed_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("changed_by", sa.String(length=60), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_document_issuer_one_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_issuer")),
    )
    op.create_table(
        "event_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("facts", sa.Text(), nullable=False),
        sa.Column("drafted_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("drafted_by", sa.String(length=60), nullable=False),
        sa.Column("edited_at", models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("edited_by", sa.String(length=60), nullable=True),
        sa.Column("signer", sa.String(length=40), nullable=True),
        sa.Column("signed_at", models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("signed_by", sa.String(length=60), nullable=True),
        sa.Column("doc_number", sa.String(length=60), nullable=True),
        sa.Column("sent_at", models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("sent_by", sa.String(length=60), nullable=True),
        sa.CheckConstraint(
            "kind IN ('initial', 'followup', 'daily', 'final')", name=op.f("ck_event_reports_kind")
        ),
        sa.CheckConstraint(
            "sent_at IS NULL OR signed_at IS NOT NULL", name=op.f("ck_event_reports_sent_signed")
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_event_reports_event_id_events"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_reports")),
        sa.UniqueConstraint("event_id", "kind", "sequence", name=op.f("uq_event_reports_event_id")),
    )
    op.create_index(op.f("ix_event_reports_event_id"), "event_reports", ["event_id"], unique=False)
    op.create_table(
        "event_report_recipients",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["event_reports.id"],
            name=op.f("fk_event_report_recipients_report_id_event_reports"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["member_units.id"],
            name=op.f("fk_event_report_recipients_unit_id_member_units"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_report_recipients")),
    )
    op.create_index(
        op.f("ix_event_report_recipients_report_id"),
        "event_report_recipients",
        ["report_id"],
        unique=False,
    )
    op.create_table(
        "report_deadlines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("grade", sa.String(length=10), nullable=False),
        sa.Column("phone_minutes", sa.Integer(), nullable=True),
        sa.Column("written_minutes", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_deadlines")),
        sa.UniqueConstraint("kind", "grade", name=op.f("uq_report_deadlines_kind")),
    )


def downgrade() -> None:
    op.drop_table("report_deadlines")
    op.drop_table("event_report_recipients")
    op.drop_table("event_reports")
    op.drop_table("document_issuer")
    op.drop_table("document_numbers")
