"""The register's tables: divisions (county > town > village), responsibility grids,
danger zones, shelters and village flood working group members."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Integer,
    String,
    select,
)
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.base import Base, GeometryMixin
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
