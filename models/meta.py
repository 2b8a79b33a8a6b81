"""Facts about the database itself (for example: this is a demo database)."""

from __future__ import annotations

from sqlalchemy import String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.base import Base

DEMO_KEY = "demo_scale"  # set by the demo builder: this is a demo database, of that scale
DEMO_ACCOUNTS_KEY = "demo_accounts"  # the demo accounts the builder wrote, comma-separated


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


class RegisterRevision(Base):
    """A random token per register table, replaced by a trigger (migration 0004) whenever
    a row is inserted or deleted or a column that others keep copies of changes. Equal
    tokens mean equal values in those columns, across processes and workstations, so
    what is read from them can be kept until the token changes (the roll-up keeps names
    and order). Kept by the database, not data: the demo neither counts nor wipes it."""

    __tablename__ = "register_revisions"

    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    token: Mapped[str] = mapped_column(String(32))


REVISED_TABLES = ("divisions", "shelters")
_REVISIONS = select(RegisterRevision.table_name, RegisterRevision.token).where(
    RegisterRevision.table_name.in_(REVISED_TABLES)
)


def revisions(*, session: Session) -> dict[str, str]:
    """The current token of each table in REVISED_TABLES (missing: not kept by triggers)."""
    return {name: token for name, token in session.connection().execute(_REVISIONS).all()}
