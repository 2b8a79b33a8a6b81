"""Areas drawn on the map and saved with a name (a landslide's reach, a dike breach's
flood, a chemical leak's circle), to be shown again and listed again.

The drawn shape is kept as the map drew it: a GeoJSON polygon, or a circle as its centre
and radius in metres (``{"type": "Circle", "center": [lng, lat], "radius": m}``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy import String, Text, column, select, table
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.base import Base, utcnow
from models.messages import fill
from models.refusals import Conflict, InvalidValue, NotFound
from models.users import Permission, require

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

NAME_LENGTH = 80
MAX_VERTICES = 5_000


class DrawnArea(Base):
    __tablename__ = "drawn_areas"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_LENGTH), unique=True)
    geometry: Mapped[str] = mapped_column(Text)  # GeoJSON text, or a circle (see above)
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(60))


@dataclass(frozen=True)
class DrawnAreaRow:
    id: int
    name: str
    geometry: dict[str, Any]
    created_at: datetime
    created_by: str


def _checked(geometry: dict[str, Any]) -> dict[str, Any]:
    """The shape as the map drew it, refused when it is not one the map draws."""
    bad = InvalidValue(
        QCoreApplication.translate("DrawnAreas", "The drawn area is not a polygon or a circle.")
    )
    kind = geometry.get("type")
    try:
        if kind == "Circle":
            lng, lat = (float(v) for v in geometry["center"])
            radius = float(geometry["radius"])
            if not (-180 <= lng <= 180 and -90 <= lat <= 90 and 0 < radius <= 500_000):
                raise bad
            return {"type": "Circle", "center": [lng, lat], "radius": radius}
        if kind == "Polygon":
            rings = [[[float(x), float(y)] for x, y in ring] for ring in geometry["coordinates"]]
            if not rings or len(rings[0]) < 4 or sum(map(len, rings)) > MAX_VERTICES:
                raise bad
            return {"type": "Polygon", "coordinates": rings}
    except (KeyError, TypeError, ValueError) as error:
        raise bad from error
    raise bad


def save_drawn_area(*, session: Session, name: str, geometry: dict[str, Any]) -> int:
    """Save a drawn area under a name no other saved area has; returns its id."""
    actor = require(session, Permission.EDIT_REGISTER)
    name = name.strip()
    if not name:
        raise InvalidValue(QCoreApplication.translate("DrawnAreas", "Give the area a name."))
    if len(name) > NAME_LENGTH:
        raise InvalidValue(
            fill(
                QCoreApplication.translate(
                    "DrawnAreas", "An area's name has at most %1 characters."
                ),
                str(NAME_LENGTH),
            )
        )
    shape = _checked(geometry)
    if session.scalar(select(DrawnArea.id).where(DrawnArea.name == name)) is not None:
        raise Conflict(
            fill(
                QCoreApplication.translate(
                    "DrawnAreas", "An area named %1 is saved already: choose another name."
                ),
                name,
            )
        )
    area = DrawnArea(
        name=name,
        geometry=json.dumps(shape, separators=(",", ":")),
        created_at=utcnow(),
        created_by=actor.name,
    )
    session.add(area)
    session.flush()
    return area.id


def list_drawn_areas(*, session: Session) -> list[DrawnAreaRow]:
    """Every saved area, by name."""
    require(session, Permission.READ_REGISTER)
    return [
        DrawnAreaRow(a.id, a.name, json.loads(a.geometry), a.created_at, a.created_by)
        for a in session.scalars(select(DrawnArea).order_by(DrawnArea.name))
    ]


def drawn_area_names(*, session: Session) -> list[str]:
    """The saved areas' names, in order, without reading their shapes."""
    require(session, Permission.READ_REGISTER)
    return list(session.scalars(select(DrawnArea.name).order_by(DrawnArea.name)))


def find_drawn_area(*, session: Session, name: str) -> DrawnAreaRow:
    """The saved area of this name, refused when there is none."""
    require(session, Permission.READ_REGISTER)
    area = session.scalar(select(DrawnArea).where(DrawnArea.name == name.strip()))
    if area is None:
        raise NotFound(
            fill(QCoreApplication.translate("DrawnAreas", "No area is saved as %1."), name)
        )
    return DrawnAreaRow(
        area.id, area.name, json.loads(area.geometry), area.created_at, area.created_by
    )


def delete_drawn_area(*, session: Session, area_id: int) -> None:
    require(session, Permission.EDIT_REGISTER)
    area = session.get(DrawnArea, area_id)
    if area is None:
        raise NotFound(QCoreApplication.translate("DrawnAreas", "That saved area is gone."))
    # The events table as a plain table: models.events refers to this module, not back.
    events = table("events", column("name"), column("drawn_area_id"))
    event = session.scalar(select(events.c.name).where(events.c.drawn_area_id == area_id).limit(1))
    if event is not None:
        raise Conflict(
            fill(
                QCoreApplication.translate(
                    "DrawnAreas", "The area %1 is the area of the event %2: it is kept."
                ),
                area.name,
                event,
            )
        )
    session.delete(area)


# -- a saved area registered as danger zones ----------------------------------------------

CIRCLE_SIDES = 128
SLIVER_SHARE = 0.005
"""A part of the area in a village smaller than this share of it (a circle grazing the
neighbour's outline) is not registered there."""


@dataclass(frozen=True)
class RegisteredZone:
    id: int
    code: str
    name: str
    village: str  # code and name
    share: float  # of the drawn area, 0 to 1


def area_polygon(geometry: dict[str, Any]) -> BaseGeometry:
    """A drawn shape as a polygon: a GeoJSON polygon (repaired when it crosses itself), or
    a circle made a geodesic polygon of CIRCLE_SIDES sides on the WGS84 ellipsoid."""
    import numpy as np
    import shapely
    from pyproj import Geod
    from shapely.geometry import Polygon, shape

    if geometry.get("type") == "Circle":
        lng, lat = (float(v) for v in geometry["center"])
        azimuths = np.linspace(0.0, 360.0, CIRCLE_SIDES, endpoint=False)
        xs, ys, _back = Geod(ellps="WGS84").fwd(
            np.full(CIRCLE_SIDES, lng),
            np.full(CIRCLE_SIDES, lat),
            azimuths,
            np.full(CIRCLE_SIDES, float(geometry["radius"])),
        )
        return Polygon(zip(xs.tolist(), ys.tolist(), strict=True))
    return shapely.make_valid(shape(geometry))


def register_as_danger_zones(
    *, session: Session, area_id: int, kind: str, name: str
) -> list[RegisteredZone]:
    """Register a saved area in the register as a danger zone of ``kind``: one zone per
    village whose outline it covers (its part there; a danger zone belongs to one village),
    named ``name``, followed by the village's name in brackets when it covers several.
    Each zone takes the village's next free code (``<village code>-Dnnn``)."""
    import shapely

    from models.areas import DangerZone, Division
    from models.fields import FieldChecker
    from models.labels import DANGER_KINDS

    require(session, Permission.EDIT_REGISTER)
    area = session.get(DrawnArea, area_id)
    if area is None:
        raise NotFound(QCoreApplication.translate("DrawnAreas", "That saved area is gone."))
    check = FieldChecker()
    zone_name = check.text(
        "name", name, 80, QCoreApplication.translate("DrawnAreas", "Give the danger zone a name.")
    )
    zone_kind = check.code(
        "kind",
        kind,
        DANGER_KINDS,
        QCoreApplication.translate("DrawnAreas", "Choose a known type of danger zone."),
    )
    check.done()
    assert zone_name is not None and zone_kind is not None
    polygon = area_polygon(json.loads(area.geometry))
    west, south, east, north = polygon.bounds
    whole = polygon.area
    parts: list[tuple[int, str, str, BaseGeometry, float]] = []
    for village_id, code, village_name, geom in session.execute(
        select(Division.id, Division.code, Division.name, Division.geom)
        .where(Division.level == "village", Division.geom.is_not(None))
        .where(Division.min_lon <= east, Division.max_lon >= west)
        .where(Division.min_lat <= north, Division.max_lat >= south)
        .order_by(Division.code)
    ):
        part = _polygonal(shapely.intersection(shapely.from_wkb(geom), polygon))
        share = part.area / whole if part is not None and whole > 0 else 0.0
        if part is not None and share >= SLIVER_SHARE:
            parts.append((village_id, code, village_name, part, share))
    if not parts:
        raise InvalidValue(
            fill(
                QCoreApplication.translate(
                    "DrawnAreas",
                    "The area %1 lies outside every village's outline: a danger zone belongs "
                    "to a village.",
                ),
                area.name,
            )
        )
    registered = []
    for village_id, code, village_name, part, share in parts:
        full_name = zone_name if len(parts) == 1 else f"{zone_name}（{village_name}）"
        full_name = full_name[:80]
        taken = session.scalar(
            select(DangerZone.id).where(
                DangerZone.village_id == village_id, DangerZone.name == full_name
            )
        )
        if taken is not None:
            raise Conflict(
                fill(
                    QCoreApplication.translate(
                        "DrawnAreas", "%1 %2 has a danger zone named %3 already."
                    ),
                    code,
                    village_name,
                    full_name,
                )
            )
        zone = DangerZone(
            code=_next_code(session, code),
            name=full_name,
            kind=zone_kind,
            is_point=False,
            village_id=village_id,
            note=fill(
                QCoreApplication.translate("DrawnAreas", "Drawn on the map as %1"), area.name
            )[:200],
        )
        zone.geometry = shapely.orient_polygons(part)
        session.add(zone)
        session.flush()
        registered.append(
            RegisteredZone(zone.id, zone.code, full_name, f"{code} {village_name}", share)
        )
    return registered


def _polygonal(shape: BaseGeometry) -> BaseGeometry | None:
    """The polygons of an intersection (an edge or a point shared with it left out)."""
    import shapely

    if shape.is_empty:
        return None
    if shape.geom_type in ("Polygon", "MultiPolygon"):
        return shape
    polygons = [
        g for g in getattr(shape, "geoms", []) if g.geom_type in ("Polygon", "MultiPolygon")
    ]
    return shapely.union_all(polygons) if polygons else None


def _next_code(session: Session, village_code: str) -> str:
    """The village's next danger zone code after the largest ``<code>-Dnnn`` it has."""
    from models.areas import DangerZone

    prefix = f"{village_code}-D"
    numbers = [
        int(code[len(prefix) :])
        for code in session.scalars(
            select(DangerZone.code).where(DangerZone.code.like(prefix + "%"))
        )
        if code[len(prefix) :].isdigit()
    ]
    number = max(numbers, default=0) + 1
    while True:
        code = f"{prefix}{number:03d}"
        if session.scalar(select(DangerZone.id).where(DangerZone.code == code)) is None:
            return code
        number += 1
