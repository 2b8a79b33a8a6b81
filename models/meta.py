"""Facts about the database itself (for example: this is a demo database)."""

from __future__ import annotations

from sqlalchemy import String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.base import Base

DEMO_KEY = "demo_scale"


class MetaEntry(Base):
    __tablename__ = "app_meta"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


def get_meta(*, session: Session, key: str) -> str | None:
    return session.scalar(select(MetaEntry.value).where(MetaEntry.key == key))


def set_meta(*, session: Session, key: str, value: str) -> None:
    entry = session.get(MetaEntry, key)
    if entry is None:
        session.add(MetaEntry(key=key, value=value))
    else:
        entry.value = value
