"""The GB/T 38565-2020 class table (应急物资分类及编码) as the county imports it
(``import item-classes FILE``): 7-digit codes in four levels, 1+2+2+2 (a top class 1 to 3,
then two digits per level, 00 for a level not used, 99 "other" at any level). Once a table
is imported the catalogue's codes are checked against it; until then by structure only.
The table is never made up here: the standard's text is not to be had everywhere, so a
county brings its own copy (``models.supplies.class_import`` reads it)."""

from __future__ import annotations

from sqlalchemy import Integer, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.base import Base

NAME_LIMIT = 80


class ItemClass(Base):
    """A class of the GB/T 38565-2020 table: its full 7-digit code, level (1 to 4), name."""

    __tablename__ = "supply_item_classes"

    code: Mapped[str] = mapped_column(String(7), primary_key=True)
    level: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(NAME_LIMIT))


def full_code(text: str) -> str | None:
    """A class code as written (1, 3, 5 or 7 digits) as its 7 digits, None when it is not
    one by its shape."""
    code = text.strip()
    if code.endswith(".0"):  # a number cell read as a float
        code = code[:-2]
    if not code.isascii() or not code.isdigit() or len(code) not in (1, 3, 5, 7):
        return None
    return code.ljust(7, "0")


def level_of(code: str) -> int:
    """1 to 4: the deepest level of a 7-digit code not left at 00."""
    for level, part in ((4, code[5:7]), (3, code[3:5]), (2, code[1:3])):
        if part != "00":
            return level
    return 1


def parent_of(code: str) -> str | None:
    """The 7-digit code of the class one level up, None for a top class."""
    level = level_of(code)
    if level == 1:
        return None
    keep = {2: 1, 3: 3, 4: 5}[level]
    return code[:keep].ljust(7, "0")


def known_classes(session: Session) -> frozenset[str] | None:
    """The imported table's codes, None while none is imported (codes are then checked by
    their structure only)."""
    codes = frozenset(session.scalars(select(ItemClass.code)))
    return codes or None
