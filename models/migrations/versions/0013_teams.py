"""teams: rescue teams (class, home, base, leader and contacts, supervising unit, status),
their specialties with grades, equipment and status history; rescuers (one person per
identity number) with memberships, certificates and accident insurance; the expert pool
and its configured second-level fields; what readiness and travel assume (required sizes
and speeds per class, certificates a specialty requires, settings).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import models.base

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

TABLES = (
    "team_status_changes",
    "team_specialties",
    "team_memberships",
    "team_equipment",
    "teams",
    "rescuer_insurance",
    "rescuer_certificates",
    "team_settings",
    "team_class_rules",
    "specialty_certificates",
    "rescuers",
    "experts",
    "expert_subfields",
)
"""Children first."""


def upgrade() -> None:
    op.create_table(
        "expert_subfields",
        sa.Column("field", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("field", "name", name=op.f("pk_expert_subfields")),
    )
    op.create_table(
        "experts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("field", sa.String(length=20), nullable=False),
        sa.Column("subfield", sa.String(length=40), nullable=True),
        sa.Column("specialty", sa.String(length=80), nullable=True),
        sa.Column("organisation", sa.String(length=80), nullable=False),
        sa.Column("title", sa.String(length=40), nullable=True),
        sa.Column("appointed_from", sa.Date(), nullable=True),
        sa.Column("appointed_to", sa.Date(), nullable=True),
        sa.Column("office_phone", sa.String(length=40), nullable=True),
        sa.Column("mobile", sa.String(length=40), nullable=True),
        sa.Column("available", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_experts")),
        sa.UniqueConstraint("name", "organisation", name=op.f("uq_experts_name")),
    )
    with op.batch_alter_table("experts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_experts_field"), ["field"], unique=False)

    op.create_table(
        "rescuers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("sex", sa.String(length=1), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("id_number", sa.String(length=18), nullable=False),
        sa.Column("mobile", sa.String(length=40), nullable=True),
        sa.Column("skills", sa.String(length=200), nullable=True),
        sa.Column("emergency_contact", sa.String(length=40), nullable=True),
        sa.Column("emergency_mobile", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rescuers")),
        sa.UniqueConstraint("id_number", name=op.f("uq_rescuers_id_number")),
    )
    with op.batch_alter_table("rescuers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rescuers_name"), ["name"], unique=False)

    op.create_table(
        "specialty_certificates",
        sa.Column("specialty", sa.String(length=20), nullable=False),
        sa.Column("certificate_kind", sa.String(length=60), nullable=False),
        sa.PrimaryKeyConstraint(
            "specialty", "certificate_kind", name=op.f("pk_specialty_certificates")
        ),
    )
    op.create_table(
        "team_class_rules",
        sa.Column("team_class", sa.String(length=20), nullable=False),
        sa.Column("required_size", sa.Integer(), nullable=True),
        sa.Column("speed_kmh", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("team_class", name=op.f("pk_team_class_rules")),
    )
    op.create_table(
        "team_settings",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_team_settings")),
    )
    op.create_table(
        "rescuer_certificates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rescuer_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=60), nullable=False),
        sa.Column("number", sa.String(length=60), nullable=True),
        sa.Column("issuer", sa.String(length=80), nullable=True),
        sa.Column("expires", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["rescuer_id"],
            ["rescuers.id"],
            name=op.f("fk_rescuer_certificates_rescuer_id_rescuers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rescuer_certificates")),
    )
    with op.batch_alter_table("rescuer_certificates", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_rescuer_certificates_expires"), ["expires"], unique=False
        )
        batch_op.create_index("ix_rescuer_certificates_kind", ["kind"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_rescuer_certificates_rescuer_id"), ["rescuer_id"], unique=False
        )

    op.create_table(
        "rescuer_insurance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rescuer_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=60), nullable=True),
        sa.Column("policy", sa.String(length=60), nullable=True),
        sa.Column("insurer", sa.String(length=80), nullable=True),
        sa.Column("starts", sa.Date(), nullable=True),
        sa.Column("ends", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["rescuer_id"],
            ["rescuers.id"],
            name=op.f("fk_rescuer_insurance_rescuer_id_rescuers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rescuer_insurance")),
    )
    with op.batch_alter_table("rescuer_insurance", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rescuer_insurance_ends"), ["ends"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_rescuer_insurance_rescuer_id"), ["rescuer_id"], unique=False
        )

    op.create_table(
        "teams",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("team_class", sa.String(length=20), nullable=False),
        sa.Column("division_id", sa.Integer(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("address", sa.String(length=200), nullable=True),
        sa.Column("leader", sa.String(length=40), nullable=True),
        sa.Column("leader_mobile", sa.String(length=40), nullable=True),
        sa.Column("contact", sa.String(length=40), nullable=True),
        sa.Column("contact_mobile", sa.String(length=40), nullable=True),
        sa.Column("second_contact", sa.String(length=40), nullable=True),
        sa.Column("second_contact_mobile", sa.String(length=40), nullable=True),
        sa.Column("supervisor", sa.String(length=80), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("status_at", models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["division_id"],
            ["divisions.id"],
            name=op.f("fk_teams_division_id_divisions"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_teams")),
        sa.UniqueConstraint("name", name=op.f("uq_teams_name")),
    )
    with op.batch_alter_table("teams", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_teams_division_id"), ["division_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_teams_team_class"), ["team_class"], unique=False)

    op.create_table(
        "team_equipment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=60), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["team_id"],
            ["teams.id"],
            name=op.f("fk_team_equipment_team_id_teams"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_equipment")),
    )
    with op.batch_alter_table("team_equipment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_team_equipment_team_id"), ["team_id"], unique=False)

    op.create_table(
        "team_memberships",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("rescuer_id", sa.Integer(), nullable=False),
        sa.Column("post", sa.String(length=20), nullable=False),
        sa.Column("joined", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["rescuer_id"],
            ["rescuers.id"],
            name=op.f("fk_team_memberships_rescuer_id_rescuers"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["team_id"],
            ["teams.id"],
            name=op.f("fk_team_memberships_team_id_teams"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_memberships")),
        sa.UniqueConstraint("team_id", "rescuer_id", name=op.f("uq_team_memberships_team_id")),
    )
    with op.batch_alter_table("team_memberships", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_team_memberships_rescuer_id"), ["rescuer_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_team_memberships_team_id"), ["team_id"], unique=False)

    op.create_table(
        "team_specialties",
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("specialty", sa.String(length=20), nullable=False),
        sa.Column("grade", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["team_id"],
            ["teams.id"],
            name=op.f("fk_team_specialties_team_id_teams"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("team_id", "specialty", name=op.f("pk_team_specialties")),
    )
    op.create_table(
        "team_status_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("old", sa.String(length=20), nullable=True),
        sa.Column("new", sa.String(length=20), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=60), nullable=False),
        sa.Column("cause_table", sa.String(length=40), nullable=True),
        sa.Column("cause_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["team_id"],
            ["teams.id"],
            name=op.f("fk_team_status_changes_team_id_teams"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_status_changes")),
        info={"console_rights": "append"},
    )
    with op.batch_alter_table("team_status_changes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_team_status_changes_team_id"), ["team_id"], unique=False
        )


def downgrade() -> None:
    for table in TABLES:
        op.drop_table(table)
