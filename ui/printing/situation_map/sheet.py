"""The sheet around the map: title, side panel (legend, responsible persons), footer.

Mobiles are printed in full for roles that may unmask personal numbers (the sheet
hangs in the village's duty room; cadres call these numbers; the printout is
audited), masked for the others, as on the village transfer list.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle
from sqlalchemy.orm import Session

from maps.geometry import load_wkb
from models.base import utcnow
from models.clock import display_zone
from models.labels import WORKING_GROUP_POSTS, label
from models.messages import fill
from models.privacy import audit_unmasked, output_masking
from models.users import Permission, actor_of, require
from models.village_map import VillageMap, read_village_map
from ui.printing.layout import MAP_PAPERS, Box, escape, font_name, map_sheet, map_sheet_canvas
from ui.printing.situation_map.features import draw_map, short_name
from ui.printing.situation_map.legend import Legend, draw_legend, heading, legend_entries
from ui.printing.situation_map.projection import Sheet, load_geometries
from ui.printing.transfers import PrintRefused, PrintResult


def print_situation_map(
    *,
    session: Session,
    village_code: str,
    path: str | Path,
    paper: str = "A4",
    unit: str | None = None,
) -> PrintResult:
    """The village flood situation map as a one-page PDF, A4 or A3 landscape.

    ``unit`` is the making unit printed at the bottom (default: the county's
    emergency management bureau).
    """
    path = Path(path)
    paper = (paper or "A4").upper()
    if paper not in MAP_PAPERS:
        raise PrintRefused(
            fill(
                QCoreApplication.translate(
                    "Printing", "The situation map prints on A4 or A3 paper, not %1."
                ),
                paper,
            )
        )
    require(session, Permission.READ_REGISTER)
    masked = output_masking(session)  # before reading: a masked sheet reads masked rows
    data = read_village_map(session=session, village_code=village_code)
    if data is None:
        raise PrintRefused(
            fill(
                QCoreApplication.translate("Printing", "No village or community has the code %1."),
                village_code,
            )
        )
    village = data.village
    rows = _person_rows(data)
    if not masked:
        audit_unmasked(
            session,
            document="situation-map",
            path=path,
            subject={"village": village.code},
            rows={
                "working_group_members": sum(1 for m in data.members if m.phone),
                "grids": sum(1 for g in data.grids if g.person_phone),
                "shelters": sum(1 for s in data.shelters if s.manager_phone),
            },
        )

    sheet_layout = map_sheet(paper)
    title = f"{village.town_name}{village.name}村级防汛形势图"
    actor = actor_of(session)
    canvas = map_sheet_canvas(path, sheet_layout, title=title, author=actor.name if actor else "")
    geoms = load_wkb([village.geom]) if village.geom is not None else [None]
    sheet = Sheet(
        data=data,
        village_shape=geoms[0] if geoms[0] is not None and not geoms[0].is_empty else None,
        grids=load_geometries(data.grid_geoms, [g.id for g in data.grids]),
        zones=load_geometries(data.zone_geoms, [z.id for z in data.zones]),
        shelters=load_geometries(data.shelter_geoms, [s.id for s in data.shelters]),
    )
    frame = sheet_layout.map
    _draw_title(canvas, sheet_layout.title, title)
    legend = draw_map(canvas, session, sheet, frame, sheet_layout.scale)
    _draw_side(canvas, sheet_layout.side, legend, rows, masked)
    today = utcnow().astimezone(display_zone()).date()
    _draw_footer(
        canvas,
        sheet_layout.footer,
        unit or f"{village.county_name}应急管理局",
        f"{today.year}年{today.month}月{today.day}日",
        masked,
    )
    canvas.showPage()
    canvas.save()
    return PrintResult(path, 1, sum(1 for row in rows if len(row) > 1), masked)


def _draw_title(canvas: Canvas, box: Box, title: str) -> None:
    canvas.setFillColor(colors.black)
    face = font_name("hei")
    size = 20.0
    while pdfmetrics.stringWidth(title, face, size) > box.width and size > 12:
        size -= 1
    canvas.setFont(face, size)
    canvas.drawCentredString(
        box.x + box.width / 2, box.y + (box.height - size) / 2 + size * 0.12, title
    )


def _draw_side(
    canvas: Canvas, box: Box, legend: Legend, rows: list[list[str]], masked: bool
) -> None:
    canvas.saveState()
    canvas.setLineWidth(1)
    canvas.rect(box.x, box.y, box.width, box.height, stroke=1, fill=0)
    canvas.restoreState()
    pad = 3 * mm
    top = box.top - pad
    entries = legend_entries(legend)
    if entries:
        top = draw_legend(canvas, entries, box.x + pad, top, box.width - 2 * pad) - 3 * mm
        canvas.saveState()
        canvas.setLineWidth(0.5)
        canvas.line(box.x, top, box.x + box.width, top)
        canvas.restoreState()
        top -= 3 * mm
    _draw_people(canvas, rows, box.x + pad, top, box.width - 2 * pad, top - (box.y + pad))


def _person_rows(data: VillageMap) -> list[list[str]]:
    """The table of responsible persons: section rows (one cell) and person rows."""
    rows: list[list[str]] = []
    if data.members:
        rows.append([QCoreApplication.translate("Printing", "Village flood working group")])
        order = list(WORKING_GROUP_POSTS)
        members = sorted(
            data.members,
            key=lambda m: (order.index(m.post) if m.post in order else len(order), m.id),
        )
        rows += [[label(WORKING_GROUP_POSTS, m.post), m.name, m.phone or ""] for m in members]
    if data.grids:
        rows.append([QCoreApplication.translate("Printing", "Grid leaders")])
        rows += [
            [short_name(g.name, data.village.name), g.person_name, g.person_phone or ""]
            for g in data.grids
        ]
    managed = [s for s in data.shelters if s.manager_name or s.manager_phone]
    if managed:
        rows.append([QCoreApplication.translate("Printing", "Shelter managers")])
        rows += [[s.name, s.manager_name or "", s.manager_phone or ""] for s in managed]
    return rows


def _draw_people(
    canvas: Canvas, rows: list[list[str]], x: float, top: float, width: float, height: float
) -> None:
    top = heading(
        canvas, QCoreApplication.translate("Printing", "Responsible persons"), x, top, width
    )
    height -= 11 * 1.5
    if not rows:
        return
    header = [
        QCoreApplication.translate("Printing", "Duty"),
        QCoreApplication.translate("Printing", "Name"),
        QCoreApplication.translate("Printing", "Phone"),
    ]
    shown = list(rows)
    for size in (10, 9.5, 9, 8.5, 8, 7.5, 7, 6.5, 6, 5.5):
        table = _people_table(header, shown, width, size)
        _w, needed = table.wrap(width, height)
        if needed <= height:
            break
        if size == 5.5:  # still too tall at the smallest type: drop rows from the end
            while needed > height and len(shown) > 1:
                shown.pop()
                more = fill(
                    QCoreApplication.translate("Printing", "%1 more not shown"),
                    str(len(rows) - len(shown)),
                )
                table = _people_table(header, [*shown, [more]], width, size)
                _w, needed = table.wrap(width, height)
            break
    table.drawOn(canvas, x, top - needed)


def _people_table(header: list[str], rows: list[list[str]], width: float, size: float) -> Table:
    song, hei = font_name("song"), font_name("hei")
    cell = ParagraphStyle(
        "person", fontName=song, fontSize=size, leading=size * 1.2, wordWrap="CJK"
    )
    head = ParagraphStyle("person_head", parent=cell, fontName=hei, alignment=1)
    section = ParagraphStyle("person_section", parent=cell, fontName=hei)
    data: list[list[Any]] = [[Paragraph(escape(text), head) for text in header]]
    commands: list[Any] = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("FONTNAME", (0, 0), (-1, -1), song),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8EEF6")),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.8),
    ]
    for number, row in enumerate(rows, start=1):
        if len(row) == 1:
            data.append([Paragraph(escape(row[0]), section), "", ""])
            commands += [
                ("SPAN", (0, number), (-1, number)),
                ("BACKGROUND", (0, number), (-1, number), colors.HexColor("#F3F3F3")),
            ]
        else:
            data.append([Paragraph(escape(value), cell) for value in row])
    phone = pdfmetrics.stringWidth("13800000000", song, size) + 5
    name = pdfmetrics.stringWidth("欧阳晓明", song, size) + 5
    table = Table(data, colWidths=[width - phone - name, name, phone])
    table.setStyle(TableStyle(commands))
    return table


def _draw_footer(canvas: Canvas, box: Box, unit: str, date: str, masked: bool) -> None:
    face = font_name("song")
    canvas.setFillColor(colors.black)
    canvas.setFont(face, 10)
    canvas.drawString(box.x, box.y + 1.5 * mm, f"制图单位：{unit}　　制图日期：{date}")
    if masked:
        canvas.setFont(face, 7.5)
        canvas.drawRightString(
            box.x + box.width,
            box.y + 1.5 * mm,
            QCoreApplication.translate(
                "Printing", "Mobiles are masked: your role may not see them in full."
            ),
        )
