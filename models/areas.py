"""The geography register: divisions, responsibility grids, danger zones, shelters
and village flood working groups."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication
from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Integer,
    Select,
    String,
    false,
    func,
    or_,
    select,
)
from sqlalchemy.orm import Mapped, Session, aliased, mapped_column

from models.base import Base, GeometryMixin
from models.domain_events import RegisterRowsChanged, emit
from models.labels import DANGER_KINDS, SHELTER_LEVELS, WORKING_GROUP_POSTS
from models.messages import fill
from models.privacy import phone_masker
from models.refusals import ValidationError
from models.users import Permission, require


class Division(GeometryMixin, Base):
    """County (6-digit code), town or street (9), village or community (12)."""

    __tablename__ = "divisions"
    __table_args__ = (CheckConstraint("level IN ('county', 'town', 'village')", name="level"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(12), unique=True)
    name: Mapped[str] = mapped_column(String(60))
    level: Mapped[str] = mapped_column(String(10), index=True)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("divisions.id", ondelete="RESTRICT"), index=True
    )


class Grid(GeometryMixin, Base):
    """Responsibility grid (责任网格) with its named responsible person."""

    __tablename__ = "grids"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(24), unique=True)
    name: Mapped[str] = mapped_column(String(60))
    village_id: Mapped[int] = mapped_column(
        ForeignKey("divisions.id", ondelete="RESTRICT"), index=True
    )
    person_name: Mapped[str] = mapped_column(String(30))
    person_post: Mapped[str | None] = mapped_column(String(30))
    person_phone: Mapped[str | None] = mapped_column(String(20))


class DangerZone(GeometryMixin, Base):
    """Danger zone (risk grid, drawn as an area) or hazard point."""

    __tablename__ = "danger_zones"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(24), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(24), index=True)
    is_point: Mapped[bool] = mapped_column(Boolean, default=False)
    village_id: Mapped[int] = mapped_column(
        ForeignKey("divisions.id", ondelete="RESTRICT"), index=True
    )
    grid_id: Mapped[int | None] = mapped_column(
        ForeignKey("grids.id", ondelete="SET NULL"), index=True
    )
    location: Mapped[str | None] = mapped_column(String(120))
    note: Mapped[str | None] = mapped_column(String(200))


class Shelter(GeometryMixin, Base):
    """Shelter (避灾安置场所) with its capacity in persons."""

    __tablename__ = "shelters"
    __table_args__ = (CheckConstraint("capacity >= 0", name="capacity"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    village_id: Mapped[int] = mapped_column(
        ForeignKey("divisions.id", ondelete="RESTRICT"), index=True
    )
    level: Mapped[str] = mapped_column(String(10))
    capacity: Mapped[int] = mapped_column(Integer)
    safety_certified: Mapped[bool] = mapped_column(Boolean, default=False)
    manager_name: Mapped[str | None] = mapped_column(String(30))
    manager_phone: Mapped[str | None] = mapped_column(String(20))
    address: Mapped[str | None] = mapped_column(String(120))


class WorkingGroupMember(Base):
    """A member of a village flood working group and the post they hold."""

    __tablename__ = "working_group_members"

    id: Mapped[int] = mapped_column(primary_key=True)
    village_id: Mapped[int] = mapped_column(
        ForeignKey("divisions.id", ondelete="RESTRICT"), index=True
    )
    post: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(30))
    phone: Mapped[str | None] = mapped_column(String(20))


@dataclass(frozen=True)
class DivisionNode:
    id: int
    code: str
    name: str
    level: str
    parent_id: int | None


def division_tree(*, session: Session) -> list[DivisionNode]:
    """Every division as a plain row, ordered by code (parents before children)."""
    require(session, Permission.READ_REGISTER)
    rows = session.execute(
        select(
            Division.id, Division.code, Division.name, Division.level, Division.parent_id
        ).order_by(Division.code)
    )
    return [DivisionNode(*row) for row in rows]


# -- validation -------------------------------------------------------------------


_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^(0\d{2,3})-?(\d{7,8})(-\d{1,6})?$")
# China's extent with a margin; a pair outside it is usually swapped or mistyped.
LON_RANGE = (73.0, 136.0)
LAT_RANGE = (3.0, 54.0)


def normalize_phone(text: str | None) -> str | None:
    """A mobile as 11 digits, a landline as 0576-86123456[-ext]; None when neither.

    Spaces, a +86 prefix and dashes inside a mobile are dropped. A landline's
    area code has 3 digits for 010 and 02x, 4 otherwise.
    """
    if text is None:
        return None
    compact = re.sub(r"\s+", "", text)
    if compact.startswith("+86"):
        compact = compact[3:]
    if _MOBILE.match(compact.replace("-", "")):
        return compact.replace("-", "")
    match = _LANDLINE.match(compact)
    if match is None:
        return None
    area, number, extension = match.groups()
    if "-" not in compact[: len(area) + 1]:
        # Written without a dash: split the area code by the numbering plan.
        digits = area + number
        cut = 3 if digits[:2] in ("01", "02") else 4
        area, number = digits[:cut], digits[cut:]
        if not 7 <= len(number) <= 8:
            return None
    return f"{area}-{number}{extension or ''}"


class _Checker:
    """Collects problems while cleaning input values."""

    def __init__(self) -> None:
        self.problems: list[tuple[str, str]] = []

    def add(self, field: str, message: str) -> None:
        self.problems.append((field, message))

    def text(
        self, field: str, value: str | None, limit: int, missing: str | None = None
    ) -> str | None:
        """Stripped text, or None when empty; ``missing`` is the message when required."""
        text = (value or "").strip()
        if not text:
            if missing is not None:
                self.add(field, missing)
            return None
        if len(text) > limit:
            self.add(
                field,
                fill(
                    QCoreApplication.translate("Register", "Too long: at most %1 characters."),
                    str(limit),
                ),
            )
        return text

    def phone(self, field: str, value: str | None) -> str | None:
        text = (value or "").strip()
        if not text:
            return None
        phone = normalize_phone(text)
        if phone is None:
            self.add(
                field,
                QCoreApplication.translate(
                    "Register",
                    "Not a mobile number (11 digits starting with 13 to 19) or a landline number (such as 0576-86123456).",
                ),
            )
            return text
        return phone

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

    def code(
        self, field: str, value: str | None, known: Mapping[str, object], message: str
    ) -> str | None:
        code = (value or "").strip()
        if code not in known:
            self.add(field, message)
            return None
        return code

    def point(self, lon: float | str | None, lat: float | str | None) -> tuple[float, float] | None:
        """A (lon, lat) pair within China, None when both are empty."""
        values: list[float | None] = []
        for field, value in (("lon", lon), ("lat", lat)):
            if value is None or (isinstance(value, str) and not value.strip()):
                values.append(None)
                continue
            try:
                number = float(value)
            except (TypeError, ValueError):
                number = float("nan")
            if number != number:  # NaN: not a number at all
                self.add(
                    field,
                    QCoreApplication.translate(
                        "Register", "Enter a number in decimal degrees, such as 121.38."
                    ),
                )
                return None
            values.append(number)
        x, y = values
        if x is None and y is None:
            return None
        if x is None or y is None:
            self.add(
                "lon" if x is None else "lat",
                QCoreApplication.translate(
                    "Register", "Give both longitude and latitude, or neither."
                ),
            )
            return None
        lon_ok = LON_RANGE[0] <= x <= LON_RANGE[1]
        lat_ok = LAT_RANGE[0] <= y <= LAT_RANGE[1]
        if (
            not lon_ok
            and not lat_ok
            and LAT_RANGE[0] <= x <= LAT_RANGE[1]
            and LON_RANGE[0] <= y <= LON_RANGE[1]
        ):
            self.add(
                "lon",
                QCoreApplication.translate(
                    "Register",
                    "Longitude and latitude look swapped: longitude is the larger number in China.",
                ),
            )
            return None
        if not lon_ok:
            self.add(
                "lon",
                QCoreApplication.translate(
                    "Register", "Longitude must be between 73 and 136 degrees east (China)."
                ),
            )
        if not lat_ok:
            self.add(
                "lat",
                QCoreApplication.translate(
                    "Register", "Latitude must be between 3 and 54 degrees north (China)."
                ),
            )
        return (x, y) if lon_ok and lat_ok else None

    def done(self) -> None:
        if self.problems:
            raise ValidationError(self.problems)


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


def _centre(
    min_lon: float | None, min_lat: float | None, max_lon: float | None, max_lat: float | None
) -> tuple[float, float] | None:
    if min_lon is None or min_lat is None or max_lon is None or max_lat is None:
        return None
    return (min_lon + max_lon) / 2, (min_lat + max_lat) / 2


# -- plain rows for display ---------------------------------------------------------

_Village = aliased(Division, name="village")
_Town = aliased(Division, name="town")


@dataclass(frozen=True, slots=True)
class VillageOption:
    id: int
    code: str
    name: str
    town_name: str


@dataclass(frozen=True, slots=True)
class GridRow:
    id: int
    code: str
    name: str
    village_id: int
    village_name: str
    town_name: str
    person_name: str
    person_post: str | None
    person_phone: str | None
    has_area: bool


@dataclass(frozen=True, slots=True)
class DangerZoneRow:
    id: int
    code: str
    name: str
    kind: str
    is_point: bool
    village_id: int
    village_name: str
    town_name: str
    grid_id: int | None
    grid_name: str | None
    location: str | None
    note: str | None
    lon: float | None  # the point, or the centre of an area's bounding box
    lat: float | None
    has_area: bool


@dataclass(frozen=True, slots=True)
class ShelterRow:
    id: int
    name: str
    village_id: int
    village_name: str
    town_name: str
    level: str
    capacity: int
    safety_certified: bool
    manager_name: str | None
    manager_phone: str | None
    address: str | None
    lon: float | None
    lat: float | None


@dataclass(frozen=True, slots=True)
class WorkingGroupMemberRow:
    id: int
    village_id: int
    village_name: str
    town_name: str
    post: str
    name: str
    phone: str | None


def _within(stmt: Select, session: Session, division_id: int | None) -> Select:
    """Limit a statement joined to _Village/_Town to the villages under a division."""
    if division_id is None:
        return stmt
    level = session.scalar(select(Division.level).where(Division.id == division_id))
    if level == "village":
        return stmt.where(_Village.id == division_id)
    if level == "town":
        return stmt.where(_Village.parent_id == division_id)
    if level == "county":
        return stmt.where(or_(_Town.parent_id == division_id, _Village.parent_id == division_id))
    return stmt.where(false())


def list_villages(*, session: Session) -> list[VillageOption]:
    """Every village with its town, ordered by code (for choosers in forms)."""
    require(session, Permission.READ_REGISTER)
    rows = session.execute(
        select(_Village.id, _Village.code, _Village.name, func.coalesce(_Town.name, ""))
        .outerjoin(_Town, _Town.id == _Village.parent_id)
        .where(_Village.level == "village")
        .order_by(_Village.code)
    )
    return [VillageOption(*row) for row in rows]


def _grid_select() -> Select:
    return (
        select(
            Grid.id,
            Grid.code,
            Grid.name,
            Grid.village_id,
            _Village.name,
            func.coalesce(_Town.name, ""),
            Grid.person_name,
            Grid.person_post,
            Grid.person_phone,
            Grid.min_lon,
        )
        .join(_Village, _Village.id == Grid.village_id)
        .outerjoin(_Town, _Town.id == _Village.parent_id)
        .order_by(_Village.code, Grid.code)
    )


def _grid_rows(session: Session, stmt: Select) -> list[GridRow]:
    mask = phone_masker(session)
    return [
        GridRow(
            id_,
            code,
            name,
            village_id,
            village,
            town,
            person,
            post,
            mask(phone),
            min_lon is not None,
        )
        for id_, code, name, village_id, village, town, person, post, phone, min_lon in session.execute(
            stmt
        )
    ]


def list_grids(*, session: Session, division_id: int | None = None) -> list[GridRow]:
    """Responsibility grids under a division (None or a county: all), phones masked for viewers."""
    require(session, Permission.READ_REGISTER)
    return _grid_rows(session, _within(_grid_select(), session, division_id))


def get_grid(*, session: Session, grid_id: int) -> GridRow | None:
    require(session, Permission.READ_REGISTER)
    rows = _grid_rows(session, _grid_select().where(Grid.id == grid_id))
    return rows[0] if rows else None


def _zone_select() -> Select:
    return (
        select(
            DangerZone.id,
            DangerZone.code,
            DangerZone.name,
            DangerZone.kind,
            DangerZone.is_point,
            DangerZone.village_id,
            _Village.name,
            func.coalesce(_Town.name, ""),
            DangerZone.grid_id,
            Grid.name,
            DangerZone.location,
            DangerZone.note,
            DangerZone.min_lon,
            DangerZone.min_lat,
            DangerZone.max_lon,
            DangerZone.max_lat,
        )
        .join(_Village, _Village.id == DangerZone.village_id)
        .outerjoin(_Town, _Town.id == _Village.parent_id)
        .outerjoin(Grid, Grid.id == DangerZone.grid_id)
        .order_by(_Village.code, DangerZone.code)
    )


def _zone_rows(session: Session, stmt: Select) -> list[DangerZoneRow]:
    rows = []
    for (
        id_,
        code,
        name,
        kind,
        is_point,
        village_id,
        village,
        town,
        grid_id,
        grid_name,
        location,
        note,
        min_lon,
        min_lat,
        max_lon,
        max_lat,
    ) in session.execute(stmt):
        centre = _centre(min_lon, min_lat, max_lon, max_lat)
        rows.append(
            DangerZoneRow(
                id_,
                code,
                name,
                kind,
                bool(is_point),
                village_id,
                village,
                town,
                grid_id,
                grid_name,
                location,
                note,
                centre[0] if centre else None,
                centre[1] if centre else None,
                centre is not None and min_lon != max_lon,
            )
        )
    return rows


def list_danger_zones(*, session: Session, division_id: int | None = None) -> list[DangerZoneRow]:
    """Danger zones and hazard points under a division (None or a county: all)."""
    require(session, Permission.READ_REGISTER)
    return _zone_rows(session, _within(_zone_select(), session, division_id))


def get_danger_zone(*, session: Session, zone_id: int) -> DangerZoneRow | None:
    require(session, Permission.READ_REGISTER)
    rows = _zone_rows(session, _zone_select().where(DangerZone.id == zone_id))
    return rows[0] if rows else None


def _shelter_select() -> Select:
    return (
        select(
            Shelter.id,
            Shelter.name,
            Shelter.village_id,
            _Village.name,
            func.coalesce(_Town.name, ""),
            Shelter.level,
            Shelter.capacity,
            Shelter.safety_certified,
            Shelter.manager_name,
            Shelter.manager_phone,
            Shelter.address,
            Shelter.min_lon,
            Shelter.min_lat,
            Shelter.max_lon,
            Shelter.max_lat,
        )
        .join(_Village, _Village.id == Shelter.village_id)
        .outerjoin(_Town, _Town.id == _Village.parent_id)
        .order_by(_Village.code, Shelter.name, Shelter.id)
    )


def _shelter_rows(session: Session, stmt: Select) -> list[ShelterRow]:
    mask = phone_masker(session)
    rows = []
    for (
        id_,
        name,
        village_id,
        village,
        town,
        level,
        capacity,
        certified,
        manager,
        phone,
        address,
        min_lon,
        min_lat,
        max_lon,
        max_lat,
    ) in session.execute(stmt):
        centre = _centre(min_lon, min_lat, max_lon, max_lat)
        rows.append(
            ShelterRow(
                id_,
                name,
                village_id,
                village,
                town,
                level,
                capacity,
                bool(certified),
                manager,
                mask(phone),
                address,
                centre[0] if centre else None,
                centre[1] if centre else None,
            )
        )
    return rows


def list_shelters(*, session: Session, division_id: int | None = None) -> list[ShelterRow]:
    """Shelters under a division (None or a county: all), managers' phones masked for viewers."""
    require(session, Permission.READ_REGISTER)
    return _shelter_rows(session, _within(_shelter_select(), session, division_id))


def get_shelter(*, session: Session, shelter_id: int) -> ShelterRow | None:
    require(session, Permission.READ_REGISTER)
    rows = _shelter_rows(session, _shelter_select().where(Shelter.id == shelter_id))
    return rows[0] if rows else None


def _member_select() -> Select:
    return (
        select(
            WorkingGroupMember.id,
            WorkingGroupMember.village_id,
            _Village.name,
            func.coalesce(_Town.name, ""),
            WorkingGroupMember.post,
            WorkingGroupMember.name,
            WorkingGroupMember.phone,
        )
        .join(_Village, _Village.id == WorkingGroupMember.village_id)
        .outerjoin(_Town, _Town.id == _Village.parent_id)
        .order_by(_Village.code, WorkingGroupMember.id)
    )


def _member_rows(session: Session, stmt: Select) -> list[WorkingGroupMemberRow]:
    mask = phone_masker(session)
    return [
        WorkingGroupMemberRow(id_, village_id, village, town, post, name, mask(phone))
        for id_, village_id, village, town, post, name, phone in session.execute(stmt)
    ]


def list_working_group_members(
    *, session: Session, division_id: int | None = None
) -> list[WorkingGroupMemberRow]:
    """Village flood working group members under a division (None or a county: all)."""
    require(session, Permission.READ_REGISTER)
    return _member_rows(session, _within(_member_select(), session, division_id))


def get_working_group_member(*, session: Session, member_id: int) -> WorkingGroupMemberRow | None:
    require(session, Permission.READ_REGISTER)
    rows = _member_rows(session, _member_select().where(WorkingGroupMember.id == member_id))
    return rows[0] if rows else None


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
    capacity: int | None = None
    try:
        if isinstance(data.capacity, bool):
            raise ValueError
        capacity = int(str(data.capacity).strip())
    except (TypeError, ValueError):
        capacity = None
    if capacity is None or capacity < 0:
        check.add(
            "capacity",
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
