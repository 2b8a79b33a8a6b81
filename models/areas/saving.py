"""Adding and changing register rows by hand: each input checked field by field,
refused with every problem at once (ValidationError), the audit log told only of real
changes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication
from sqlalchemy import (
    select,
)
from sqlalchemy.orm import Session

from models.areas.rows import _centre
from models.areas.tables import DangerZone, Division, Grid, Shelter, WorkingGroupMember
from models.base import Base, GeometryMixin
from models.domain_events import RegisterRowsChanged, emit
from models.fields import SHELTER_CAPACITY, FieldChecker
from models.labels import DANGER_KINDS, SHELTER_LEVELS, WORKING_GROUP_POSTS
from models.refusals import ValidationError
from models.users import Permission, require


class _Checker(FieldChecker):
    """The register's checks: the generic fields and the village a row belongs to."""

    def village(self, session: Session, field: str, village_id: int | None) -> Division | None:
        if village_id is None:
            self.add(
                field, QCoreApplication.translate("Register", "Choose a village or community.")
            )
            return None
        village = session.get(Division, village_id)
        if village is None or village.level != "village":
            self.add(
                field,
                QCoreApplication.translate(
                    "Register", "The chosen division is not a village or community."
                ),
            )
            return None
        return village


def _missing_record() -> ValidationError:
    return ValidationError(
        [
            (
                "",
                QCoreApplication.translate(
                    "Register", "This record no longer exists; another user may have deleted it."
                ),
            )
        ]
    )


def _assign(obj: Base, values: dict[str, Any]) -> None:
    """Set only the attributes that change, so the audit log records real changes only."""
    for key, value in values.items():
        if getattr(obj, key) != value:
            setattr(obj, key, value)


def _set_point(obj: GeometryMixin, point: tuple[float, float] | None, *, keep_area: bool) -> None:
    """Give a row the point typed in a form.

    A form shows the stored point (or an area's centre), so an unchanged pair
    changes nothing. With ``keep_area`` an area from a map import is never
    replaced by its own centre or removed for want of a pair; without it the
    typed point replaces the area.
    """
    is_area = obj.geom is not None and (obj.min_lon != obj.max_lon or obj.min_lat != obj.max_lat)
    if point is None:
        if obj.geom is not None and not (is_area and keep_area):
            obj.geometry = None
        return
    centre = _centre(obj.min_lon, obj.min_lat, obj.max_lon, obj.max_lat)
    same = (
        centre is not None and abs(centre[0] - point[0]) < 1e-9 and abs(centre[1] - point[1]) < 1e-9
    )
    if same and (not is_area or keep_area):
        return
    from shapely.geometry import Point  # shapely loads numpy: not at start-up

    obj.geometry = Point(point)


# -- saving ---------------------------------------------------------------------------


@dataclass(frozen=True)
class GridInput:
    code: str
    name: str
    village_id: int | None
    person_name: str
    person_post: str | None = None
    person_phone: str | None = None
    id: int | None = None  # None: a new grid


@dataclass(frozen=True)
class DangerZoneInput:
    code: str
    name: str
    kind: str
    village_id: int | None
    is_point: bool = True
    lon: float | str | None = None  # used for hazard points; areas come from map imports
    lat: float | str | None = None
    grid_id: int | None = None
    location: str | None = None
    note: str | None = None
    id: int | None = None


@dataclass(frozen=True)
class ShelterInput:
    name: str
    village_id: int | None
    level: str
    capacity: int | str | None
    safety_certified: bool = False
    manager_name: str | None = None
    manager_phone: str | None = None
    address: str | None = None
    lon: float | str | None = None
    lat: float | str | None = None
    id: int | None = None


@dataclass(frozen=True)
class WorkingGroupMemberInput:
    village_id: int | None
    post: str
    name: str
    phone: str | None = None
    id: int | None = None


def _code_taken(
    session: Session, model: type[Grid] | type[DangerZone], code: str, own_id: int | None
) -> bool:
    stmt = select(model.id).where(model.code == code)
    if own_id is not None:
        stmt = stmt.where(model.id != own_id)
    return session.scalar(stmt.limit(1)) is not None


_Row = TypeVar("_Row", bound=Base)


def _existing(session: Session, model: type[_Row], row_id: int | None) -> _Row | None:
    if row_id is None:
        return None
    obj = session.get(model, row_id)
    if obj is None:
        raise _missing_record()
    return obj


def save_grid(*, session: Session, data: GridInput) -> int:
    """Add or change a responsibility grid; returns its id. Raises ValidationError."""
    require(session, Permission.EDIT_REGISTER)
    grid = _existing(session, Grid, data.id)
    check = _Checker()
    code = check.text(
        "code", data.code, 24, QCoreApplication.translate("Register", "Enter a code.")
    )
    if code and _code_taken(session, Grid, code, data.id):
        check.add(
            "code", QCoreApplication.translate("Register", "Another grid already has this code.")
        )
    values = {
        "code": code,
        "name": check.text(
            "name", data.name, 60, QCoreApplication.translate("Register", "Enter a name.")
        ),
        "village_id": data.village_id
        if check.village(session, "village_id", data.village_id)
        else None,
        "person_name": check.text(
            "person_name",
            data.person_name,
            30,
            QCoreApplication.translate("Register", "Enter the name of the responsible person."),
        ),
        "person_post": check.text("person_post", data.person_post, 30),
        "person_phone": check.phone("person_phone", data.person_phone),
    }
    check.done()
    if grid is None:
        grid = Grid(**values)
        session.add(grid)
    else:
        _assign(grid, values)
    session.flush()
    return grid.id


def save_danger_zone(*, session: Session, data: DangerZoneInput) -> int:
    """Add or change a danger zone or hazard point; returns its id. Raises ValidationError."""
    require(session, Permission.EDIT_REGISTER)
    zone = _existing(session, DangerZone, data.id)
    check = _Checker()
    code = check.text(
        "code", data.code, 24, QCoreApplication.translate("Register", "Enter a code.")
    )
    if code and _code_taken(session, DangerZone, code, data.id):
        check.add(
            "code",
            QCoreApplication.translate("Register", "Another danger zone already has this code."),
        )
    village = check.village(session, "village_id", data.village_id)
    if data.grid_id is not None:
        grid = session.get(Grid, data.grid_id)
        if grid is None:
            check.add(
                "grid_id", QCoreApplication.translate("Register", "This grid no longer exists.")
            )
        elif village is not None and grid.village_id != village.id:
            check.add(
                "grid_id",
                QCoreApplication.translate("Register", "The grid belongs to another village."),
            )
    values = {
        "code": code,
        "name": check.text(
            "name", data.name, 80, QCoreApplication.translate("Register", "Enter a name.")
        ),
        "kind": check.code(
            "kind",
            data.kind,
            DANGER_KINDS,
            QCoreApplication.translate("Register", "Choose a known type of danger zone."),
        ),
        "is_point": bool(data.is_point),
        "village_id": village.id if village else None,
        "grid_id": data.grid_id,
        "location": check.text("location", data.location, 120),
        "note": check.text("note", data.note, 200),
    }
    point = check.point(data.lon, data.lat) if data.is_point else None
    check.done()
    kind_changed = zone is not None and zone.kind != values["kind"]
    if zone is None:
        zone = DangerZone(**values)
        session.add(zone)
    else:
        _assign(zone, values)
    if data.is_point:
        _set_point(zone, point, keep_area=False)
    elif zone.geom is not None and zone.min_lon == zone.max_lon and zone.min_lat == zone.max_lat:
        zone.geometry = None  # now an area still to be drawn: a typed point would mislead the map
    session.flush()
    if kind_changed:  # an event's figures by kind follow at once
        emit(RegisterRowsChanged("danger_zones", (zone.id,), frozenset({"kind"})), session=session)
    return zone.id


def save_shelter(*, session: Session, data: ShelterInput) -> int:
    """Add or change a shelter; returns its id. Raises ValidationError."""
    require(session, Permission.EDIT_REGISTER)
    shelter = _existing(session, Shelter, data.id)
    check = _Checker()
    name = check.text(
        "name", data.name, 80, QCoreApplication.translate("Register", "Enter a name.")
    )
    village = check.village(session, "village_id", data.village_id)
    if name and village is not None:
        same = select(Shelter.id).where(Shelter.village_id == village.id, Shelter.name == name)
        if data.id is not None:
            same = same.where(Shelter.id != data.id)
        if session.scalar(same.limit(1)) is not None:
            check.add(
                "name",
                QCoreApplication.translate(
                    "Register", "This village already has a shelter with this name."
                ),
            )
    capacity = check.count(
        "capacity",
        data.capacity,
        SHELTER_CAPACITY,
        QCoreApplication.translate(
            "Register", "Capacity must be a whole number of persons, zero or more."
        ),
    )
    values = {
        "name": name,
        "village_id": village.id if village else None,
        "level": check.code(
            "level",
            data.level,
            SHELTER_LEVELS,
            QCoreApplication.translate("Register", "Choose a known shelter level."),
        ),
        "capacity": capacity,
        "safety_certified": bool(data.safety_certified),
        "manager_name": check.text("manager_name", data.manager_name, 30),
        "manager_phone": check.phone("manager_phone", data.manager_phone),
        "address": check.text("address", data.address, 120),
    }
    point = check.point(data.lon, data.lat)
    check.done()
    if shelter is None:
        shelter = Shelter(**values)
        session.add(shelter)
    else:
        _assign(shelter, values)
    _set_point(shelter, point, keep_area=True)
    session.flush()
    return shelter.id


def save_working_group_member(*, session: Session, data: WorkingGroupMemberInput) -> int:
    """Add or change a member of a village flood working group. Raises ValidationError."""
    require(session, Permission.EDIT_REGISTER)
    member = _existing(session, WorkingGroupMember, data.id)
    check = _Checker()
    village = check.village(session, "village_id", data.village_id)
    values = {
        "village_id": village.id if village else None,
        "post": check.code(
            "post",
            data.post,
            WORKING_GROUP_POSTS,
            QCoreApplication.translate("Register", "Choose a known post."),
        ),
        "name": check.text(
            "name", data.name, 30, QCoreApplication.translate("Register", "Enter a name.")
        ),
        "phone": check.phone("phone", data.phone),
    }
    if village is not None and values["post"] and values["name"]:
        same = select(WorkingGroupMember.id).where(
            WorkingGroupMember.village_id == village.id,
            WorkingGroupMember.post == values["post"],
            WorkingGroupMember.name == values["name"],
        )
        if data.id is not None:
            same = same.where(WorkingGroupMember.id != data.id)
        if session.scalar(same.limit(1)) is not None:
            check.add(
                "name",
                QCoreApplication.translate(
                    "Register", "This person already holds this post in this village."
                ),
            )
    check.done()
    if member is None:
        member = WorkingGroupMember(**values)
        session.add(member)
    else:
        _assign(member, values)
    session.flush()
    return member.id
