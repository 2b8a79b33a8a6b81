"""transfers: events, households and transfer objects, transfer records with their
history and tallies, town reports and roll-up snapshots

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import models.base

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("response_level", sa.String(length=4), nullable=True),
        sa.Column("started_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("ended_at", models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_by", sa.String(length=60), nullable=False),
        sa.CheckConstraint(
            "ended_at IS NULL OR ended_at >= started_at", name=op.f("ck_events_ended_after_start")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_ended_at"), ["ended_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_started_at"), ["started_at"], unique=False)

    op.create_table(
        "rollup_snapshots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("taken_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_rollup_snapshots_event_id_events"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rollup_snapshots")),
    )
    with op.batch_alter_table("rollup_snapshots", schema=None) as batch_op:
        batch_op.create_index(
            "ix_rollup_snapshots_event_taken", ["event_id", "taken_at"], unique=False
        )

    op.create_table(
        "town_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("town_id", sa.Integer(), nullable=False),
        sa.Column("reported_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("source", sa.String(length=120), nullable=False),
        sa.Column("people_to_move", sa.Integer(), nullable=False),
        sa.Column("moved", sa.Integer(), nullable=False),
        sa.Column("sheltered", sa.Integer(), nullable=False),
        sa.Column("relatives", sa.Integer(), nullable=False),
        sa.Column("forced", sa.Integer(), nullable=False),
        sa.Column("refused", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=True),
        sa.Column("entered_by", sa.String(length=60), nullable=False),
        sa.Column("entered_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "people_to_move >= 0 AND moved >= 0 AND sheltered >= 0 AND relatives >= 0 AND forced >= 0 AND refused >= 0",
            name=op.f("ck_town_reports_figures"),
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_town_reports_event_id_events"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["town_id"],
            ["divisions.id"],
            name=op.f("fk_town_reports_town_id_divisions"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_town_reports")),
    )
    with op.batch_alter_table("town_reports", schema=None) as batch_op:
        batch_op.create_index(
            "ix_town_reports_event_town", ["event_id", "town_id", "reported_at"], unique=False
        )

    op.create_table(
        "transfer_tallies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("scope", sa.String(length=1), nullable=False),
        sa.Column("area_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("subjects", sa.Integer(), nullable=False),
        sa.Column("residents", sa.Integer(), nullable=False),
        sa.Column("away", sa.Integer(), nullable=False),
        sa.Column("refused", sa.Integer(), nullable=False),
        sa.Column("sheltered", sa.Integer(), nullable=False),
        sa.Column("relatives", sa.Integer(), nullable=False),
        sa.Column("forced", sa.Integer(), nullable=False),
        sa.Column("back_sheltered", sa.Integer(), nullable=False),
        sa.Column("back_relatives", sa.Integer(), nullable=False),
        sa.Column("back_forced", sa.Integer(), nullable=False),
        sa.Column("remaining", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_transfer_tallies_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_transfer_tallies")),
        sa.UniqueConstraint("event_id", "scope", "area_id", "kind", name="tally_key"),
    )
    op.create_table(
        "households",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("village_id", sa.Integer(), nullable=False),
        sa.Column("danger_zone_id", sa.Integer(), nullable=True),
        sa.Column("grid_id", sa.Integer(), nullable=True),
        sa.Column("location", sa.String(length=120), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("householder_name", sa.String(length=30), nullable=False),
        sa.Column("householder_phone", sa.String(length=20), nullable=True),
        sa.Column("name_pinyin", sa.String(length=120), nullable=False),
        sa.Column("name_initials", sa.String(length=30), nullable=False),
        sa.Column("phone_last4", sa.String(length=4), nullable=True),
        sa.Column("residents", sa.Integer(), nullable=False),
        sa.Column("elderly", sa.Integer(), nullable=False),
        sa.Column("disabled", sa.Integer(), nullable=False),
        sa.Column("bedridden", sa.Integer(), nullable=False),
        sa.Column("children", sa.Integer(), nullable=False),
        sa.Column("pregnant", sa.Integer(), nullable=False),
        sa.Column("transfer_person_name", sa.String(length=30), nullable=True),
        sa.Column("transfer_person_post", sa.String(length=30), nullable=True),
        sa.Column("transfer_person_phone", sa.String(length=20), nullable=True),
        sa.Column("warning_person_name", sa.String(length=30), nullable=True),
        sa.Column("warning_person_post", sa.String(length=30), nullable=True),
        sa.Column("warning_person_phone", sa.String(length=20), nullable=True),
        sa.Column("shelter_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(length=200), nullable=True),
        sa.Column("card_code", sa.String(length=12), nullable=False),
        sa.CheckConstraint(
            "elderly >= 0 AND disabled >= 0 AND bedridden >= 0 AND children >= 0 AND pregnant >= 0",
            name=op.f("ck_households_vulnerable"),
        ),
        sa.CheckConstraint("residents >= 1", name=op.f("ck_households_residents")),
        sa.ForeignKeyConstraint(
            ["danger_zone_id"],
            ["danger_zones.id"],
            name=op.f("fk_households_danger_zone_id_danger_zones"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["grid_id"], ["grids.id"], name=op.f("fk_households_grid_id_grids"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["shelter_id"],
            ["shelters.id"],
            name=op.f("fk_households_shelter_id_shelters"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["village_id"],
            ["divisions.id"],
            name=op.f("fk_households_village_id_divisions"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_households")),
        sa.UniqueConstraint("card_code", name=op.f("uq_households_card_code")),
        sa.UniqueConstraint(
            "year", "village_id", "householder_name", "householder_phone", name="natural_key"
        ),
    )
    with op.batch_alter_table("households", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_households_danger_zone_id"), ["danger_zone_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_households_grid_id"), ["grid_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_households_shelter_id"), ["shelter_id"], unique=False)
        batch_op.create_index(
            "ix_households_year_initials", ["year", "name_initials"], unique=False
        )
        batch_op.create_index("ix_households_year_last4", ["year", "phone_last4"], unique=False)
        batch_op.create_index("ix_households_year_name", ["year", "householder_name"], unique=False)
        batch_op.create_index("ix_households_year_pinyin", ["year", "name_pinyin"], unique=False)
        batch_op.create_index("ix_households_year_village", ["year", "village_id"], unique=False)

    op.create_table(
        "transfer_objects",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("name_pinyin", sa.String(length=240), nullable=False),
        sa.Column("name_initials", sa.String(length=60), nullable=False),
        sa.Column("village_id", sa.Integer(), nullable=False),
        sa.Column("danger_zone_id", sa.Integer(), nullable=True),
        sa.Column("location", sa.String(length=120), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("person_name", sa.String(length=30), nullable=True),
        sa.Column("person_post", sa.String(length=30), nullable=True),
        sa.Column("person_phone", sa.String(length=20), nullable=True),
        sa.Column("head_count", sa.Integer(), nullable=False),
        sa.Column("shelter_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(length=200), nullable=True),
        sa.Column("card_code", sa.String(length=12), nullable=False),
        sa.CheckConstraint("head_count >= 1", name=op.f("ck_transfer_objects_head_count")),
        sa.ForeignKeyConstraint(
            ["danger_zone_id"],
            ["danger_zones.id"],
            name=op.f("fk_transfer_objects_danger_zone_id_danger_zones"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["shelter_id"],
            ["shelters.id"],
            name=op.f("fk_transfer_objects_shelter_id_shelters"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["village_id"],
            ["divisions.id"],
            name=op.f("fk_transfer_objects_village_id_divisions"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_transfer_objects")),
        sa.UniqueConstraint("card_code", name=op.f("uq_transfer_objects_card_code")),
    )
    with op.batch_alter_table("transfer_objects", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_transfer_objects_danger_zone_id"), ["danger_zone_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_transfer_objects_name"), ["name"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_transfer_objects_name_initials"), ["name_initials"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_transfer_objects_shelter_id"), ["shelter_id"], unique=False
        )
        batch_op.create_index(
            "ix_transfer_objects_year_village", ["year", "village_id"], unique=False
        )

    op.create_table(
        "transfer_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=True),
        sa.Column("object_id", sa.Integer(), nullable=True),
        sa.Column("village_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("residents", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("away", sa.Integer(), nullable=False),
        sa.Column("refused", sa.Integer(), nullable=False),
        sa.Column("sheltered", sa.Integer(), nullable=False),
        sa.Column("relatives", sa.Integer(), nullable=False),
        sa.Column("forced", sa.Integer(), nullable=False),
        sa.Column("back_sheltered", sa.Integer(), nullable=False),
        sa.Column("back_relatives", sa.Integer(), nullable=False),
        sa.Column("back_forced", sa.Integer(), nullable=False),
        sa.Column("shelter_id", sa.Integer(), nullable=True),
        sa.Column("refusal_reason", sa.String(length=200), nullable=True),
        sa.Column("authorised_by", sa.String(length=60), nullable=True),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("updated_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=60), nullable=False),
        sa.CheckConstraint(
            "(household_id IS NULL AND object_id IS NOT NULL) OR (household_id IS NOT NULL AND object_id IS NULL)",
            name=op.f("ck_transfer_records_one_subject"),
        ),
        sa.CheckConstraint(
            "away >= 0 AND refused >= 0 AND sheltered >= 0 AND relatives >= 0 AND forced >= 0 AND away + refused + sheltered + relatives + forced <= residents",
            name=op.f("ck_transfer_records_counts"),
        ),
        sa.CheckConstraint(
            "back_sheltered >= 0 AND back_sheltered <= sheltered AND back_relatives >= 0 AND back_relatives <= relatives AND back_forced >= 0 AND back_forced <= forced",
            name=op.f("ck_transfer_records_returns"),
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_transfer_records_event_id_events"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_transfer_records_household_id_households"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["object_id"],
            ["transfer_objects.id"],
            name=op.f("fk_transfer_records_object_id_transfer_objects"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["shelter_id"],
            ["shelters.id"],
            name=op.f("fk_transfer_records_shelter_id_shelters"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["village_id"],
            ["divisions.id"],
            name=op.f("fk_transfer_records_village_id_divisions"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_transfer_records")),
        sa.UniqueConstraint("event_id", "household_id", name="event_household"),
        sa.UniqueConstraint("event_id", "object_id", name="event_object"),
    )
    with op.batch_alter_table("transfer_records", schema=None) as batch_op:
        batch_op.create_index(
            "ix_transfer_records_event_village", ["event_id", "village_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_transfer_records_household_id"), ["household_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_transfer_records_object_id"), ["object_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_transfer_records_shelter_id"), ["shelter_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_transfer_records_status"), ["status"], unique=False)

    op.create_table(
        "transfer_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=60), nullable=False),
        sa.Column("place", sa.String(length=80), nullable=True),
        sa.Column("from_status", sa.String(length=12), nullable=False),
        sa.Column("to_status", sa.String(length=12), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("shelter_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=200), nullable=True),
        sa.Column("authorised_by", sa.String(length=60), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("count >= 1", name=op.f("ck_transfer_changes_count")),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_transfer_changes_event_id_events"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["transfer_records.id"],
            name=op.f("fk_transfer_changes_record_id_transfer_records"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["shelter_id"],
            ["shelters.id"],
            name=op.f("fk_transfer_changes_shelter_id_shelters"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_transfer_changes")),
    )
    with op.batch_alter_table("transfer_changes", schema=None) as batch_op:
        batch_op.create_index("ix_transfer_changes_event_at", ["event_id", "at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_transfer_changes_record_id"), ["record_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_transfer_changes_shelter_id"), ["shelter_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("transfer_changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_transfer_changes_shelter_id"))
        batch_op.drop_index(batch_op.f("ix_transfer_changes_record_id"))
        batch_op.drop_index("ix_transfer_changes_event_at")

    op.drop_table("transfer_changes")
    with op.batch_alter_table("transfer_records", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_transfer_records_status"))
        batch_op.drop_index(batch_op.f("ix_transfer_records_shelter_id"))
        batch_op.drop_index(batch_op.f("ix_transfer_records_object_id"))
        batch_op.drop_index(batch_op.f("ix_transfer_records_household_id"))
        batch_op.drop_index("ix_transfer_records_event_village")

    op.drop_table("transfer_records")
    with op.batch_alter_table("transfer_objects", schema=None) as batch_op:
        batch_op.drop_index("ix_transfer_objects_year_village")
        batch_op.drop_index(batch_op.f("ix_transfer_objects_shelter_id"))
        batch_op.drop_index(batch_op.f("ix_transfer_objects_name_initials"))
        batch_op.drop_index(batch_op.f("ix_transfer_objects_name"))
        batch_op.drop_index(batch_op.f("ix_transfer_objects_danger_zone_id"))

    op.drop_table("transfer_objects")
    with op.batch_alter_table("households", schema=None) as batch_op:
        batch_op.drop_index("ix_households_year_village")
        batch_op.drop_index("ix_households_year_pinyin")
        batch_op.drop_index("ix_households_year_name")
        batch_op.drop_index("ix_households_year_last4")
        batch_op.drop_index("ix_households_year_initials")
        batch_op.drop_index(batch_op.f("ix_households_shelter_id"))
        batch_op.drop_index(batch_op.f("ix_households_grid_id"))
        batch_op.drop_index(batch_op.f("ix_households_danger_zone_id"))

    op.drop_table("households")
    op.drop_table("transfer_tallies")
    with op.batch_alter_table("town_reports", schema=None) as batch_op:
        batch_op.drop_index("ix_town_reports_event_town")

    op.drop_table("town_reports")
    with op.batch_alter_table("rollup_snapshots", schema=None) as batch_op:
        batch_op.drop_index("ix_rollup_snapshots_event_taken")

    op.drop_table("rollup_snapshots")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_started_at"))
        batch_op.drop_index(batch_op.f("ix_events_ended_at"))

    op.drop_table("events")
