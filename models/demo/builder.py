"""Builds the demo county: checks the request, then runs each domain's step in order in
the caller's transaction, as one bulk audit record.

A module adds its demo data with one module here and one entry in ``STEPS``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from sqlalchemy import Table, delete, inspect, literal, select, update
from sqlalchemy.orm import Session

import models.all_tables  # noqa: F401  (every table is in Base.metadata)
from models.audit import AuditRecord, bulk_operation
from models.base import Base, utcnow
from models.command.dutylog import APPEND_ONLY_TABLES, append_only_set_aside
from models.demo import (
    command,
    dutylog,
    geography,
    plans,
    reports,
    supplies,
    teams,
    transfers,
    typhoon,
    typhoon_scenario,
    users,
)
from models.demo.common import DemoBuild, DemoStep, DemoSummary
from models.demo.county import MAX_SCALE
from models.messages import fill
from models.meta import DEMO_KEY, MetaEntry, RegisterRevision, get_meta, set_meta
from models.pg_roles import user_role_log
from models.refusals import InvalidValue, Refused
from models.users import Actor, LoginFailures, Permission, User, has_users, require

ProgressCallback = Callable[[int, int], None]


class DemoRefused(Refused):
    """The database already holds data and the caller did not ask to replace it, or it is
    not a demo database and no backup of it was taken."""


SCENARIOS = ("typhoon",)  # demo --scenario: the county in the middle of an event

# Each domain's demo data, in the order written (a later step may read an earlier one's).
STEPS: tuple[DemoStep, ...] = (
    geography.STEP,
    users.STEP,
    typhoon.STEP,
    transfers.STEP,
    typhoon_scenario.STEP,
    command.STEP,
    reports.STEP,
    plans.STEP,
    supplies.STEP,
    teams.STEP,
    dutylog.STEP,  # its entries name teams and warehouses
)


def build_demo(
    *,
    session: Session,
    scale: int = 1,
    force: bool = False,
    backed_up: bool = False,
    scenario: str | None = None,
    progress: ProgressCallback | None = None,
    now: datetime | None = None,
) -> DemoSummary:
    """Fill an empty database with the demo county; with ``force``, replace what is there:
    a demo database's data, or another database's once the caller has taken a backup of
    it (``backed_up``). ``scenario`` "typhoon" adds the demo typhoon's event in progress,
    transfers part done. The demo typhoon, the event and its records are placed around
    ``now`` (default: the present; a fixed time builds the same typhoon every time).

    The demo accounts (published passwords) are written only in a database without users
    that is empty or a demo database; a rebuild keeps the users it finds and adds none.
    Everything is written in the caller's transaction as one bulk audit record;
    nothing is committed here.
    """
    builder = require(session, Permission.ADMINISTER_DATABASE)
    if isinstance(scale, bool) or not isinstance(scale, int) or not 1 <= scale <= MAX_SCALE:
        raise InvalidValue(
            fill(
                QCoreApplication.translate(
                    "Demo", "The demo scale must be a whole number from 1 to %1."
                ),
                str(MAX_SCALE),
            )
        )
    if scenario is not None and scenario not in SCENARIOS:
        raise InvalidValue(
            fill(QCoreApplication.translate("Demo", "Unknown demo scenario: %1"), scenario)
        )
    tables = _domain_tables(session)
    holds_data = any(_has_rows(session, table) for table in tables)
    demo_database = is_demo_database(session=session)
    if holds_data and not force:
        raise DemoRefused(
            QCoreApplication.translate(
                "Demo",
                "The database already holds data. Build the demo county in an empty "
                "database, or choose to replace everything in this one.",
            )
        )
    if holds_data and not demo_database and not backed_up:
        raise DemoRefused(
            QCoreApplication.translate(
                "Demo",
                "This is not a demo database: its data were imported or entered. Take a "
                "backup of it before replacing it with the demo county.",
            )
        )
    with_accounts = not has_users(session=session) and (demo_database or not holds_data)
    steps = 8
    report = progress or (lambda _done, _total: None)
    build = DemoBuild(
        session,
        scale,
        scenario,
        lambda done: report(done, steps),
        now=now or utcnow(),
        with_accounts=with_accounts,
    )
    for step in STEPS:
        if step.design is not None:
            step.design(build)
    # The steps call the domain's own functions (an event started, its records opened):
    # whoever may build the demo builds all of it, under their own name in the audit.
    session.info["actor"] = Actor(name=builder.name, role="admin")
    try:
        with bulk_operation(session, table_name="demo", source=f"demo scale {scale}") as counter:
            if force:
                _wipe(session, tables)
            for step in STEPS:
                step.write(build)
            set_meta(session=session, key=DEMO_KEY, value=str(scale))
            counter["rows"] = build.summary.rows
    finally:
        session.info["actor"] = builder
    report(steps, steps)
    return build.summary


def replaces_other_data(*, session: Session) -> bool:
    """True when a forced build here would replace data the demo builder did not write
    (imported or entered): the caller takes a backup first and says where it went."""
    require(session, Permission.ADMINISTER_DATABASE)
    if is_demo_database(session=session):
        return False
    return any(_has_rows(session, table) for table in _domain_tables(session))


def is_demo_database(*, session: Session) -> bool:
    """Its data were written by the demo builder (a forced rebuild makes any database one)."""
    return get_meta(session=session, key=DEMO_KEY) is not None


def _domain_tables(session: Session) -> list[Table]:
    """Every data table of the application that exists in the database, children first.

    Users are not data: a database whose administrator was just created still takes
    the demo, and a forced rebuild keeps the accounts and their failed logins (the audit
    log and the users' role log stay anyway). Nor are the facts about the database (whether it is a demo, and
    its demo accounts), nor the register revisions, which the database's triggers keep.
    """
    existing = set(inspect(session.connection()).get_table_names())
    kept = {
        AuditRecord.__tablename__,
        User.__tablename__,
        LoginFailures.__tablename__,
        MetaEntry.__tablename__,
        RegisterRevision.__tablename__,
        user_role_log.name,
    }
    return [
        table
        for table in reversed(Base.metadata.sorted_tables)
        if table.name in existing and table.name not in kept
    ]


def _has_rows(session: Session, table: Table) -> bool:
    return session.execute(select(literal(1)).select_from(table).limit(1)).first() is not None


def _wipe(session: Session, tables: Sequence[Table]) -> None:
    """Delete every row of ``tables`` (children first); the audit log stays."""
    for table in tables:
        if table.name in APPEND_ONLY_TABLES:  # the duty log goes with the events it is about
            with append_only_set_aside(session, table.name):
                session.execute(delete(table))
            continue
        for fk in table.foreign_keys:
            if fk.column.table is table and fk.parent.nullable:
                session.execute(update(table).values({fk.parent.name: None}))
        session.execute(delete(table))
