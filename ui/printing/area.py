"""What a drawn area holds, on paper: an A4 landscape list of the villages, grids, danger
zones, shelters (most room first) and households inside, with the counts over it; during
an event the households still at home come first and are marked.

Printed from the map's Area tab (the area listed there, saved or not) or, for a saved
area, with ``print area --name NAME -o FILE.pdf``. No personal number is printed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from models.base import utcnow
from models.clock import display_time
from models.messages import fill
from models.users import Permission, actor_of, require
from ui.printing.layout import build_list_pdf

if TYPE_CHECKING:
    from maps.area import AreaContents


@dataclass(frozen=True)
class AreaPrint:
    path: Path
    pages: int
    rows: int


def print_area(
    *, session: Session, path: str | Path, name: str = "", contents: AreaContents | None = None
) -> AreaPrint:
    """The lists of what an area holds. ``contents``: the lists a page shows (an area drawn
    and not saved has no name); else the saved area ``name`` is listed afresh."""
    from maps.area import AreaIndex, area_layer_title

    require(session, Permission.READ_REGISTER)
    path = Path(path)
    if contents is None:
        from models.drawn_areas import find_drawn_area

        saved = find_drawn_area(session=session, name=name)
        name = saved.name
        contents = AreaIndex.load(session=session).contents(saved.geometry)
    home = contents.during_event
    columns = [
        QCoreApplication.translate("Area", "No."),
        QCoreApplication.translate("Area", "Kind"),
        QCoreApplication.translate("Area", "Code"),
        QCoreApplication.translate("Area", "Name"),
        QCoreApplication.translate("Area", "Town"),
        QCoreApplication.translate("Area", "Village"),
        QCoreApplication.translate("Area", "Free places, type or residents"),
    ]
    widths = [12, 30, 40, 60, 26, 32, 30]
    align = ["number", "left", "left", "left", "left", "left", "left"]
    if home:
        columns.append(QCoreApplication.translate("Area", "Still at home"))
        widths.append(18)
        align.append("center")
    yes = QCoreApplication.translate("Area", "Yes")
    rows: list[list[object]] = []
    for layer in contents.layers:
        title = area_layer_title(layer)
        for row in contents.rows(layer):
            values: list[object] = [
                len(rows) + 1,
                title,
                row.code,
                row.name,
                row.town,
                row.village,
                row.detail,
            ]
            if home:
                values.append(yes if row.at_home else "")
            rows.append(values)
    counts = "; ".join(
        fill(QCoreApplication.translate("Area", "%1: %2"), area_layer_title(layer), f"{count:,}")
        for layer, count in contents.counts.items()
    )
    actor = actor_of(session)
    pages = build_list_pdf(
        path,
        title=fill(QCoreApplication.translate("Area", "What the area %1 holds"), name)
        if name
        else QCoreApplication.translate("Area", "What the drawn area holds"),
        columns=columns,
        widths_mm=widths,
        align=align,
        rows=rows,
        subtitle_left=counts,
        lead=QCoreApplication.translate("Area", "Households still at home are listed first.")
        if home
        else "",
        subtitle_right=fill(
            QCoreApplication.translate("Area", "Area %1 km²."), f"{contents.area_km2:,.2f}"
        ),
        note=fill(QCoreApplication.translate("Printing", "Printed %1"), display_time(utcnow())),
        author=actor.name if actor else "",
    )
    return AreaPrint(path, pages, len(rows))
