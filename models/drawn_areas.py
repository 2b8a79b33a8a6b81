"""Areas drawn on the map and saved with a name (a landslide's reach, a dike breach's
flood, a chemical leak's circle), to be shown again and listed again.

The drawn shape is kept as the map drew it: a GeoJSON polygon, or a circle as its centre
and radius in metres (``{"type": "Circle", "center": [lng, lat], "radius": m}``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy import String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.base import Base, utcnow
from models.messages import fill
from models.refusals import Conflict, InvalidValue, NotFound
from models.users import Permission, require

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


def delete_drawn_area(*, session: Session, area_id: int) -> None:
    require(session, Permission.EDIT_REGISTER)
    area = session.get(DrawnArea, area_id)
    if area is None:
        raise NotFound(QCoreApplication.translate("DrawnAreas", "That saved area is gone."))
    session.delete(area)
