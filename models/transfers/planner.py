"""What a planner must fix before the season: overfull shelters, households without a
responsible person, danger zones with nobody listed."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from models.areas import DangerZone, Division, Shelter
from models.transfers.register import register_year
from models.transfers.tables import Household, TransferObject
from models.users import Permission, require


@dataclass(frozen=True, slots=True)
class OverfullShelter:
    id: int
    name: str
    village_name: str
    capacity: int
    assigned_people: int
    households: int
    objects: int


@dataclass(frozen=True, slots=True)
class HouseholdIssue:
    id: int
    village_name: str
    householder_name: str
    danger_zone_name: str | None


@dataclass(frozen=True, slots=True)
class EmptyZone:
    id: int
    code: str
    name: str
    kind: str
    village_name: str


@dataclass(frozen=True)
class PlannerChecks:
    year: int | None
    overfull_shelters: list[OverfullShelter]
    households_without_person: list[HouseholdIssue]
    zones_without_households: list[EmptyZone]

    @property
    def households_in_overfull_shelters(self) -> int:
        return sum(s.households for s in self.overfull_shelters)

    @property
    def ok(self) -> bool:
        return not (
            self.overfull_shelters
            or self.households_without_person
            or self.zones_without_households
        )


def planner_checks(*, session: Session, year: int | None = None) -> PlannerChecks:
    """What a planner must fix before the season: shelters too small for the
    households and objects assigned to them, households with no transfer
    responsible person, danger zones with nobody listed."""
    require(session, Permission.READ_REGISTER)
    if year is None:
        year = register_year(session=session)
    assigned: dict[int | None, list[int]] = defaultdict(lambda: [0, 0, 0])
    for shelter_id, people, n in session.execute(
        select(Household.shelter_id, func.sum(Household.residents), func.count())
        .where(Household.year == year, Household.shelter_id.is_not(None))
        .group_by(Household.shelter_id)
    ):
        assigned[shelter_id][0] += int(people or 0)
        assigned[shelter_id][1] += int(n)
    for shelter_id, people, n in session.execute(
        select(TransferObject.shelter_id, func.sum(TransferObject.head_count), func.count())
        .where(TransferObject.year == year, TransferObject.shelter_id.is_not(None))
        .group_by(TransferObject.shelter_id)
    ):
        assigned[shelter_id][0] += int(people or 0)
        assigned[shelter_id][2] += int(n)
    overfull = []
    if assigned:
        for id_, name, village, capacity in session.execute(
            select(Shelter.id, Shelter.name, Division.name, Shelter.capacity)
            .join(Division, Division.id == Shelter.village_id)
            .order_by(Division.code, Shelter.name)
        ):
            people, households, objects = assigned.get(id_, (0, 0, 0))
            if people > capacity:
                overfull.append(
                    OverfullShelter(id_, name, village, capacity, people, households, objects)
                )
    zone = aliased(DangerZone)
    without = [
        HouseholdIssue(*row)
        for row in session.execute(
            select(Household.id, Division.name, Household.householder_name, zone.name)
            .join(Division, Division.id == Household.village_id)
            .outerjoin(zone, zone.id == Household.danger_zone_id)
            .where(
                Household.year == year,
                or_(Household.transfer_person_name.is_(None), Household.transfer_person_name == ""),
            )
            .order_by(Division.code, Household.id)
        )
    ]
    # Sets rather than NOT EXISTS: SQLite would probe the year index once per zone.
    listed = set(
        session.scalars(select(Household.danger_zone_id).distinct().where(Household.year == year))
    )
    listed.update(
        session.scalars(
            select(TransferObject.danger_zone_id).distinct().where(TransferObject.year == year)
        )
    )
    empty = [
        EmptyZone(*row)
        for row in session.execute(
            select(DangerZone.id, DangerZone.code, DangerZone.name, DangerZone.kind, Division.name)
            .join(Division, Division.id == DangerZone.village_id)
            .order_by(DangerZone.code)
        )
        if row[0] not in listed
    ]
    return PlannerChecks(year, overfull, without, empty)
