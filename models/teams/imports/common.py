"""What the teams' imports share: a table with the title above its header, finding a team
by the name a roster gives, and dates and phones as WPS and Excel hold them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.imports.problems import ImportFileError
from models.imports.spreadsheet import (
    Column,
    DataRow,
    OnTable,
    Table,
    clean_text,
    half_width,
    number_text,
    read_workbook,
    table_from_workbook,
)
from models.messages import fill
from models.teams.dates import read_date
from models.teams.tables import Team


@dataclass
class TitledTable(OnTable):
    """A sheet's table and the text of the title rows above its header."""

    table: Table
    title: str


def read_titled(path: Path, columns: tuple[Column, ...]) -> TitledTable:
    workbook = read_workbook(path)
    try:
        table = table_from_workbook(workbook, columns, None)
    except ImportFileError as error:
        error.checksum = workbook.checksum
        raise
    sheet = next(s for s in workbook.sheets if s.name == table.sheet)
    above = sheet.rows[: table.header_rows[0] - 1]
    title = "".join(clean_text(cell) for row in above for cell in row if clean_text(cell))
    return TitledTable(table, title)


_TITLE_TAIL = re.compile(
    r"(队员|人员|成员)?(花名册|名册|名单|登记表|信息表|统计表|一览表)$|(基本情况|基本信息)(表)?$"
)
_TITLE_HEAD = re.compile(r"^(\d{4}\s*年度?)")


def team_in_title(title: str) -> str:
    """The team a roster's title names: 某某救援队队员花名册 -> 某某救援队 ("" for none)."""
    text = re.sub(r"\s+", "", half_width(title))
    text = _TITLE_HEAD.sub("", text)
    return _TITLE_TAIL.sub("", text)


class Teams:
    """The registered teams by name, for rosters naming them."""

    def __init__(self, session: Session) -> None:
        self.by_name: dict[str, int] = {
            name: team_id for team_id, name in session.execute(select(Team.id, Team.name))
        }

    def find(self, text: str) -> tuple[int | None, str | None]:
        """(team id, None) for the team ``text`` names, else (None, the reason): unknown,
        or fitting several. A name within a longer one ("城东" in "城东救援队") counts when
        it fits one team only."""
        name = re.sub(r"\s+", "", half_width(text))
        if not name:
            return None, QCoreApplication.translate("TeamsImport", "No team is named.")
        if name in self.by_name:
            return self.by_name[name], None
        fits = [n for n in self.by_name if name in n or (len(n) >= 2 and n in name)]
        if len(fits) == 1:
            return self.by_name[fits[0]], None
        if not fits:
            return None, fill(
                QCoreApplication.translate(
                    "TeamsImport",
                    "No team named %1 is registered: import the teams first, or correct the name.",
                ),
                name,
            )
        return None, fill(
            QCoreApplication.translate(
                "TeamsImport", "%1 could be any of several teams (%2): give the full name."
            ),
            name,
            "、".join(sorted(fits)[:5]),
        )


def date_of(table: Table, row: DataRow, key: str) -> tuple[date | None, str | None]:
    """(the date in the cell or None when blank, None) or (None, the reason)."""
    value = table.cell(row, key)
    try:
        return read_date(value), None
    except (ValueError, OverflowError):
        return None, QCoreApplication.translate(
            "TeamsImport",
            "Not a date: write it as 2025-06-30, 2025.6.30, 2025/06/30 or 2025年6月30日.",
        )


def phone_of(table: Table, row: DataRow, key: str) -> str | None:
    """A phone cell as text (a number Excel stored as a number keeps its digits)."""
    text = number_text(table.cell(row, key))
    return text or None


def split_list(text: str) -> list[str]:
    """Items of a cell listing several: 水域救援、山地救援 / 水域,山地 / 水域；山地."""
    return [part.strip() for part in re.split(r"[、,，;；/\s]+", text) if part.strip()]
