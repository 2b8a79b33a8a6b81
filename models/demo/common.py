"""What every step of the demo build shares: the build in progress (its settings and
summary so far), the step's shape, the seeded random streams and the Core insert."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from models.base import utcnow


@dataclass(frozen=True)
class DemoSummary:
    """What a build wrote, as the command line reports it; each step adds its counts."""

    counties: int = 0
    towns: int = 0
    villages: int = 0
    grids: int = 0
    danger_zones: int = 0
    shelters: int = 0
    working_group_members: int = 0
    users: int = 0
    accounts: tuple[str, ...] = ()  # demo accounts created (only in a database without users)
    typhoon_points: int = 0  # the demo typhoon's track, so the map has wind circles to show
    households: int = 0  # households at risk on the transfer lists
    transfer_objects: int = 0  # work sheds, sites, rafts, scenic spots moved by head count
    event: str | None = None  # the scenario's event in progress, if one was asked for
    member_units: int = 0  # the headquarters' member units
    level_changes: int = 0  # the scenario event's response level history
    roster_shifts: int = 0  # today's duty roster
    incidents: int = 0  # incidents logged under the scenario's event
    duty_log_entries: int = 0  # the scenario's day and night of duty log
    handovers: int = 0  # its shift handover
    plans: int = 0  # the contingency plans of the "1+N" system
    plan_rows: int = 0  # plans with their steps, versions, actions, drills and checklist
    warehouses: int = 0  # supply warehouses: county, agreement storage, towns, villages
    supply_items: int = 0  # the supplies catalogue
    supply_movements: int = 0  # the stock ledger's movements
    supply_rows: int = 0  # every row the supplies step wrote before the scenario's issues
    teams: int = 0  # rescue teams
    rescuers: int = 0  # people in them (one person in several teams counted once)
    team_members: int = 0  # memberships
    experts: int = 0  # the expert pool
    team_rows: int = 0  # every row the teams' step wrote

    @property
    def rows(self) -> int:
        """Rows written, the demo marker in app_meta included."""
        return (
            self.counties
            + self.towns
            + self.villages
            + self.grids
            + self.danger_zones
            + self.shelters
            + self.working_group_members
            + self.users
            + (1 + self.typhoon_points if self.typhoon_points else 0)
            + self.households
            + self.transfer_objects
            + self.member_units
            + self.level_changes
            + self.roster_shifts
            + self.incidents
            + self.duty_log_entries
            + self.handovers
            + self.plan_rows
            + self.supply_rows
            + self.team_rows
            + 1
        )


@dataclass
class DemoBuild:
    """One build in progress, handed to every step: its settings and what was written so far."""

    session: Session
    scale: int
    scenario: str | None  # one of builder.SCENARIOS, or None
    progress: Callable[[int], None]  # reports the build's steps done (of eight)
    now: datetime = field(default_factory=utcnow)  # when the demo is built: its scenario's time
    with_accounts: bool = False  # a demo from empty: the demo accounts are written too
    summary: DemoSummary = field(default_factory=DemoSummary)
    designs: dict[str, Any] = field(default_factory=dict)  # what a step designed, by step

    def add(self, **counts: Any) -> None:
        """Add a step's counts to the summary."""
        self.summary = replace(self.summary, **counts)


class DemoStep(NamedTuple):
    """A domain's part of the demo. ``design`` (pure computation, no database) runs for
    every step before anything is written or wiped; ``write`` then adds the rows."""

    name: str
    write: Callable[[DemoBuild], None]
    design: Callable[[DemoBuild], None] | None = None


def _rng(scale: int, purpose: str) -> random.Random:
    # Separate streams, so that changing how names are drawn keeps the map.
    return random.Random(f"wenling-demo/{scale}/{purpose}")


def _insert(session: Session, entity: Any, rows: list[dict[str, Any]]) -> list[int]:
    """Core executemany (the fastest path on both backends); the new ids in row order.

    Ids are read back by code, which the demo makes unique.
    """
    table = entity.__table__
    session.execute(insert(table), rows)
    if "code" not in table.c:
        return []
    codes = [row["code"] for row in rows]
    wanted = set(codes)
    id_of = {
        code: row_id
        for row_id, code in session.execute(select(table.c.id, table.c.code))
        if code in wanted
    }
    return [id_of[code] for code in codes]
