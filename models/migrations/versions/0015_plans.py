"""plans: the contingency plan library (plans and the steps of their life, versions with
their document files and structured content, drills and their follow-ups, plans activated
for an event with their checklists)

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import models.base

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

TABLES = (
    "plans",
    "plan_drills",
    "plan_steps",
    "plan_versions",
    "drill_follow_ups",
    "plan_activations",
    "plan_files",
    "plan_stages",
    "plan_actions",
    "drill_exercises",
    "plan_checklist_items",
)


def upgrade() -> None:
    op.create_table(
        "plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("plan_class", sa.String(length=20), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=True),
        sa.Column("event_type", sa.String(length=30), nullable=True),
        sa.Column("owner_unit_id", sa.Integer(), nullable=True),
        sa.Column("approver_unit_id", sa.Integer(), nullable=True),
        sa.Column("doc_number", sa.String(length=60), nullable=True),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.Column("filed_on", sa.Date(), nullable=True),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("revision_due", sa.Date(), nullable=True),
        sa.Column("evaluation_years", sa.Integer(), nullable=True),
        sa.Column("evaluated_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["approver_unit_id"],
            ["member_units.id"],
            name=op.f("fk_plans_approver_unit_id_member_units"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["owner_unit_id"],
            ["member_units.id"],
            name=op.f("fk_plans_owner_unit_id_member_units"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["plans.id"], name=op.f("fk_plans_parent_id_plans"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plans")),
        sa.UniqueConstraint("code", name=op.f("uq_plans_code")),
    )
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plans_owner_unit_id"), ["owner_unit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_plans_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "plan_drills",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("organisers", sa.Text(), nullable=True),
        sa.Column("participants", sa.Text(), nullable=True),
        sa.Column("scenario", sa.Text(), nullable=True),
        sa.Column("findings", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["plans.id"],
            name=op.f("fk_plan_drills_plan_id_plans"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_drills")),
    )
    with op.batch_alter_table("plan_drills", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_drills_held_on"), ["held_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_plan_drills_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "plan_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("person", sa.String(length=40), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(length=60), nullable=False),
        sa.Column("recorded_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_plan_steps_plan_id_plans"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_steps")),
        info={"console_rights": "append"},
    )
    with op.batch_alter_table("plan_steps", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_steps_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "plan_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=60), nullable=False),
        sa.Column("created_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["plans.id"],
            name=op.f("fk_plan_versions_plan_id_plans"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_versions")),
        sa.UniqueConstraint("plan_id", "number", name=op.f("uq_plan_versions_plan_id")),
    )
    with op.batch_alter_table("plan_versions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_versions_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "drill_follow_ups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("drill_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(length=80), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["drill_id"],
            ["plan_drills.id"],
            name=op.f("fk_drill_follow_ups_drill_id_plan_drills"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_drill_follow_ups")),
    )
    with op.batch_alter_table("drill_follow_ups", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_drill_follow_ups_drill_id"), ["drill_id"], unique=False
        )

    op.create_table(
        "plan_activations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=4), nullable=False),
        sa.Column("activated_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("activated_by", sa.String(length=60), nullable=False),
        sa.Column("ended_at", models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("ended_by", sa.String(length=60), nullable=True),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_plan_activations_event_id_events"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["plans.id"],
            name=op.f("fk_plan_activations_plan_id_plans"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["plan_versions.id"],
            name=op.f("fk_plan_activations_version_id_plan_versions"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_activations")),
    )
    with op.batch_alter_table("plan_activations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_plan_activations_event_id"), ["event_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_plan_activations_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "plan_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("extracted_text", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["plan_versions.id"],
            name=op.f("fk_plan_files_version_id_plan_versions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_files")),
    )
    with op.batch_alter_table("plan_files", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_files_version_id"), ["version_id"], unique=False)

    op.create_table(
        "plan_stages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("level", sa.String(length=4), nullable=False),
        sa.Column("trigger", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["plan_versions.id"],
            name=op.f("fk_plan_stages_version_id_plan_versions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_stages")),
        sa.UniqueConstraint("version_id", "level", name=op.f("uq_plan_stages_version_id")),
    )
    with op.batch_alter_table("plan_stages", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_stages_version_id"), ["version_id"], unique=False)

    op.create_table(
        "plan_actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("stage_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("group", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("time_limit_minutes", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["stage_id"],
            ["plan_stages.id"],
            name=op.f("fk_plan_actions_stage_id_plan_stages"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["member_units.id"],
            name=op.f("fk_plan_actions_unit_id_member_units"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_actions")),
    )
    with op.batch_alter_table("plan_actions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_actions_stage_id"), ["stage_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_plan_actions_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "drill_exercises",
        sa.Column("drill_id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["plan_actions.id"],
            name=op.f("fk_drill_exercises_action_id_plan_actions"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["drill_id"],
            ["plan_drills.id"],
            name=op.f("fk_drill_exercises_drill_id_plan_drills"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("drill_id", "action_id", name=op.f("pk_drill_exercises")),
    )
    with op.batch_alter_table("drill_exercises", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_drill_exercises_action_id"), ["action_id"], unique=False
        )

    op.create_table(
        "plan_checklist_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("activation_id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("level", sa.String(length=4), nullable=False),
        sa.Column("added_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("done_at", models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("done_by", sa.String(length=60), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["plan_actions.id"],
            name=op.f("fk_plan_checklist_items_action_id_plan_actions"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["activation_id"],
            ["plan_activations.id"],
            name=op.f("fk_plan_checklist_items_activation_id_plan_activations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_checklist_items")),
        sa.UniqueConstraint(
            "activation_id", "action_id", name=op.f("uq_plan_checklist_items_activation_id")
        ),
    )
    with op.batch_alter_table("plan_checklist_items", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_plan_checklist_items_activation_id"), ["activation_id"], unique=False
        )


def downgrade() -> None:
    for table in reversed(TABLES):
        op.drop_table(table)
