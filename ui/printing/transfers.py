"""Printed transfer documents: the village transfer list, the households' transfer
cards and the town roll-up, laid out by ``ui.printing.layout``.

Each function takes the caller's session (it reads and, for unmasked mobiles,
records an audit row; the caller commits) and writes one PDF:

- ``print_transfer_list``: 行政村危险区人员转移清单, A4 landscape, exactly the
  template's columns (the headers of ``models.exports.households``), page
  numbers and a signature line for the village head. The mobiles are printed in
  full for roles that may unmask personal numbers (village cadres need to call
  them; the printout is audited), masked for the others
  (``models.privacy.output_masking``).
- ``print_transfer_cards``: 8 cards per A4 page, each with the household, its
  residents, its shelter, its responsible person and phone, and a QR code of
  the card code (opaque, no personal information) for the check-in panel.
- ``print_transfer_rollup``: one row per town with the figures reported upward
  (the columns of ``models.exports.rollup``), a total row and the time of the figures.
- ``print_shelter_arrivals``: a shelter's arrivals during an event for its manager
  (who, mobile, village, how many, when, who recorded it), the total and a
  signature line for the shelter manager; mobiles as on the transfer list. A
  shelter that cannot take everyone still assigned to it says so over the table,
  with the nearest shelters with room.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.areas import Division
from models.arrivals import list_shelter_arrivals
from models.base import utcnow
from models.clock import display_time, display_zone
from models.events import get_event
from models.exports.households import TEMPLATE_COLUMNS, _cells
from models.exports.rollup import (
    people_text,
    percent_text,
    rollup_columns,
    rollup_values,
    sign_off,
)
from models.messages import fill
from models.privacy import audit_unmasked, output_masking
from models.refusals import Refused
from models.transfers import (
    HouseholdRow,
    list_households,
    overflow_text,
    register_year,
    rollup,
)
from models.users import Permission, actor_of, require
from ui.printing.layout import (
    Box,
    build_card_pdf,
    build_list_pdf,
    draw_paragraph,
    draw_qr,
    escape,
    paragraph_styles,
)

CARDS_PER_PAGE = 8  # 2 x 4 on A4 portrait

# Printed widths of the template's columns in millimetres (scaled to the page).
_WIDTHS_MM = {
    "seq": 7,
    "zone": 21,
    "category": 11,
    "location": 22,
    "lon": 16,
    "lat": 14,
    "name": 11,
    "residents": 8,
    "phone": 17,
    "t_name": 11,
    "t_post": 11,
    "t_phone": 17,
    "w_name": 11,
    "w_post": 11,
    "w_phone": 17,
    "shelter": 20,
    "certified": 8,
    "manager": 11,
    "manager_phone": 17,
    "note": 13,
}
_ALIGN = {
    "seq": "center",
    "residents": "center",
    "certified": "center",
    "lon": "center",
    "lat": "center",
    "name": "center",
    "t_name": "center",
    "w_name": "center",
    "manager": "center",
    "phone": "center",
    "t_phone": "center",
    "w_phone": "center",
    "manager_phone": "center",
}


class PrintRefused(Refused):
    """The document cannot be printed as asked; the message is for the user."""


@dataclass(frozen=True)
class PrintResult:
    path: Path
    pages: int
    rows: int
    masked: bool = True


@dataclass(frozen=True)
class _Village:
    id: int
    code: str
    name: str
    town: str


def _village(session: Session, code: str) -> _Village:
    found = session.execute(
        select(Division.id, Division.code, Division.name, Division.parent_id).where(
            Division.level == "village", Division.code == (code or "").strip()
        )
    ).first()
    if found is None:
        raise PrintRefused(
            fill(
                QCoreApplication.translate("Printing", "No village or community has the code %1."),
                code,
            )
        )
    town = session.scalar(select(Division.name).where(Division.id == found[3])) or ""
    return _Village(found[0], found[1], found[2], town)


def _households(
    session: Session, village: _Village, document: str, path: Path
) -> tuple[list[HouseholdRow], int | None, bool]:
    """The village's households of the register year, and whether phones are masked.

    Phones are shown in full to roles with UNMASK_EXPORTS, and that printout is audited.
    """
    require(session, Permission.READ_REGISTER)
    masked = output_masking(session)
    year = register_year(session=session)
    rows = (
        []
        if year is None
        else list_households(session=session, village_id=village.id, year=year, masked=masked)
    )
    if not masked:
        audit_unmasked(
            session,
            document=document,
            path=path,
            subject={"village": village.code, "year": year},
            rows=len(rows),
        )
    return rows, year, masked


def _printed_by(session: Session) -> str:
    actor = actor_of(session)
    return actor.name if actor else ""


def print_transfer_list(*, session: Session, village_code: str, path: str | Path) -> PrintResult:
    """The village transfer list (A4 landscape, the template's columns) as a PDF."""
    path = Path(path)
    village = _village(session, village_code)
    rows, year, masked = _households(session, village, "transfer-list", path)
    shown_year = year or utcnow().astimezone(display_zone()).year
    title = f"{village.town}{village.name}危险区人员转移清单（{shown_year}年）"
    keys = [column.key for column in TEMPLATE_COLUMNS]
    body = []
    for number, row in enumerate(rows, start=1):
        cells = _cells(row, number)
        for key in ("lon", "lat"):
            if isinstance(cells[key], float):
                cells[key] = f"{cells[key]:.6f}"
        body.append([cells[key] for key in keys])
    pages = build_list_pdf(
        path,
        title=title,
        columns=[column.label for column in TEMPLATE_COLUMNS],
        widths_mm=[_WIDTHS_MM[key] for key in keys],
        align=[_ALIGN.get(key, "left") for key in keys],
        rows=body,
        subtitle_left=fill(
            QCoreApplication.translate("Printing", "Village code: %1"), village.code
        ),
        subtitle_right=fill(
            QCoreApplication.translate("Printing", "Households: %1  Residents: %2"),
            str(len(rows)),
            str(sum(r.residents for r in rows)),
        ),
        signature=QCoreApplication.translate("Printing", "Signature of the village head:"),
        note=fill(QCoreApplication.translate("Printing", "Printed %1"), display_time(utcnow())),
        author=_printed_by(session),
    )
    return PrintResult(path, pages, len(rows), masked)


def _draw_card(canvas: Canvas, row: HouseholdRow, box: Box) -> None:
    styles = paragraph_styles()
    pad = 4 * mm
    qr = 30 * mm
    inner = box.width - 2 * pad
    top = box.top - pad
    top -= (
        draw_paragraph(
            canvas,
            escape(QCoreApplication.translate("Printing", "Transfer card")),
            styles["card_title"],
            box.x + pad,
            top,
            inner,
        )
        + 1.5 * mm
    )
    canvas.setLineWidth(0.5)
    canvas.line(box.x + pad, top, box.x + box.width - pad, top)
    top -= 2 * mm
    text_width = inner - qr - 2 * mm
    qr_x = box.x + box.width - pad - qr
    draw_qr(canvas, row.card_code, qr_x, top - qr, qr)
    draw_paragraph(
        canvas, escape(row.card_code), styles["card_code"], qr_x, top - qr - 0.5 * mm, qr
    )
    residents = fill(QCoreApplication.translate("Printing", "%1 residents"), str(row.residents))
    name = f"{escape(row.householder_name)}<font size=10>  {escape(residents)}</font>"
    top -= (
        draw_paragraph(
            canvas, name, styles["card_name"], box.x + pad, top, text_width, max_height=20
        )
        + 1 * mm
    )
    label = styles["card_text"]
    person = " ".join(p for p in (row.transfer_person_name, row.transfer_person_post) if p)
    lines = [
        (QCoreApplication.translate("Printing", "Village"), f"{row.town_name}{row.village_name}"),
        (QCoreApplication.translate("Printing", "Danger zone"), row.danger_zone_name or ""),
        (QCoreApplication.translate("Printing", "Location"), row.location or ""),
        (
            QCoreApplication.translate("Printing", "Shelter"),
            row.shelter_name or QCoreApplication.translate("Printing", "(none assigned)"),
        ),
        (QCoreApplication.translate("Printing", "Responsible"), person),
        (QCoreApplication.translate("Printing", "Phone"), row.transfer_person_phone or ""),
    ]
    bottom = box.y + pad
    for caption, value in lines:
        room = top - bottom
        if room < label.leading:
            break
        text = f"<font name='{styles['card_title'].fontName}'>{escape(caption)}：</font>{escape(value)}"
        top -= (
            draw_paragraph(
                canvas,
                text,
                label,
                box.x + pad,
                top,
                text_width,
                max_height=min(room, 2 * label.leading),
            )
            + 0.8 * mm
        )


def print_transfer_cards(*, session: Session, village_code: str, path: str | Path) -> PrintResult:
    """The village's transfer cards, eight per A4 page, each with its QR code."""
    path = Path(path)
    village = _village(session, village_code)
    rows, _year, masked = _households(session, village, "transfer-cards", path)
    pages = build_card_pdf(
        path,
        rows,
        _draw_card,
        title=f"{village.town}{village.name} "
        + QCoreApplication.translate("Printing", "Transfer cards"),
        note=f"{village.town}{village.name}  "
        + fill(QCoreApplication.translate("Printing", "Printed %1"), display_time(utcnow())),
        columns=2,
        rows=CARDS_PER_PAGE // 2,
    )
    return PrintResult(path, pages, len(rows), masked)


def print_transfer_rollup(*, session: Session, event_id: int, path: str | Path) -> PrintResult:
    """The town roll-up of an event (A4 landscape): a row per town, a total row, the
    time of the figures."""
    path = Path(path)
    event = get_event(session=session, event_id=event_id)
    if event is None:
        raise PrintRefused(
            fill(QCoreApplication.translate("Printing", "There is no event %1."), str(event_id))
        )
    data = rollup(session=session, event_id=event_id)
    body = []
    for town in data.towns:
        figures = town.figures
        body.append(
            [
                town.name,
                *map(people_text, rollup_values(figures)),
                percent_text(figures.completion_rate),
            ]
        )
    county = data.county
    total = [
        QCoreApplication.translate("Printing", "Total"),
        *map(people_text, rollup_values(county)),
        percent_text(county.completion_rate),
    ]
    at = display_time(data.at)
    pages = build_list_pdf(
        path,
        title=fill(
            QCoreApplication.translate("Printing", "%1 transfer of people by town"),
            data.county_name,
        ),
        columns=rollup_columns(),
        widths_mm=[40, 24, 24, 24, 24, 24, 24, 24, 24],
        align=["center"] + ["number"] * 8,
        rows=body,
        total_row=total,
        large=True,
        subtitle_left=fill(QCoreApplication.translate("Printing", "Event: %1"), event.name),
        subtitle_right=fill(QCoreApplication.translate("Printing", "Figures as of %1"), at),
        note=QCoreApplication.translate(
            "Printing",
            "Listed households and objects; figures phoned in by towns are not included.",
        ),
        author=_printed_by(session),
        sign_off=sign_off(session).parts(),
    )
    return PrintResult(path, pages, len(body))


# Printed widths of the arrivals list's columns in millimetres (scaled to the page).
_ARRIVAL_WIDTHS_MM = (10, 30, 26, 48, 14, 30, 24, 30, 40)
_ARRIVAL_ALIGN = (
    "center",
    "center",
    "center",
    "left",
    "number",
    "center",
    "center",
    "left",
    "left",
)


def print_shelter_arrivals(
    *, session: Session, event_id: int, shelter_id: int, path: str | Path
) -> PrintResult:
    """The arrivals list of one shelter during an event, for its manager (A4 landscape):
    who arrived, how many, when and who recorded it, with the total and a signature line.

    Mobiles are printed in full for roles that may unmask personal numbers (the manager
    calls people; the printout is audited), masked for the others, as on the village
    transfer list.
    """
    path = Path(path)
    require(session, Permission.READ_REGISTER)
    event = get_event(session=session, event_id=event_id)
    if event is None:
        raise PrintRefused(
            fill(QCoreApplication.translate("Printing", "There is no event %1."), str(event_id))
        )
    masked = output_masking(session)
    arrivals = list_shelter_arrivals(
        session=session, event_id=event_id, shelter_id=shelter_id, masked=masked
    )
    if arrivals is None:
        raise PrintRefused(
            fill(QCoreApplication.translate("Printing", "There is no shelter %1."), str(shelter_id))
        )
    if not masked:
        audit_unmasked(
            session,
            document="shelter-arrivals",
            path=path,
            subject={"event": event_id, "shelter": shelter_id},
            rows=len(arrivals.rows),
        )
    body = []
    for number, row in enumerate(arrivals.rows, start=1):
        note = (
            ""
            if row.count >= row.listed
            else fill(
                QCoreApplication.translate("Printing", "%1 of %2 listed"),
                str(row.count),
                str(row.listed),
            )
        )
        body.append(
            [
                number,
                row.name,
                row.phone or "",
                f"{row.town_name}{row.village_name}",
                row.count,
                display_time(row.at),
                row.actor,
                row.place or "",
                note,
            ]
        )
    departed = (
        ""
        if not arrivals.departed
        else fill(
            QCoreApplication.translate("Printing", "Left or returned home: %1"),
            str(arrivals.departed),
        )
    )
    total = [
        "",
        "",
        "",
        QCoreApplication.translate("Printing", "Total people"),
        arrivals.arrived,
        "",
        "",
        "",
        departed,
    ]
    occupancy = fill(
        QCoreApplication.translate("Printing", "In the shelter now: %1 (capacity %2)"),
        str(arrivals.present),
        str(arrivals.capacity),
    )
    pages = build_list_pdf(
        path,
        title=fill(
            QCoreApplication.translate("Printing", "%1: register of arrivals"),
            arrivals.shelter_name,
        ),
        columns=[
            QCoreApplication.translate("Printing", "No."),
            QCoreApplication.translate("Printing", "Householder / object"),
            QCoreApplication.translate("Printing", "Phone"),
            QCoreApplication.translate("Printing", "Village"),
            QCoreApplication.translate("Columns", "People"),
            QCoreApplication.translate("Printing", "Arrived at"),
            QCoreApplication.translate("Printing", "Recorded by"),
            QCoreApplication.translate("Printing", "Check-in point"),
            QCoreApplication.translate("Columns", "Note"),
        ],
        widths_mm=_ARRIVAL_WIDTHS_MM,
        align=_ARRIVAL_ALIGN,
        rows=body,
        total_row=total,
        subtitle_left=fill(QCoreApplication.translate("Printing", "Event: %1"), event.name),
        subtitle_right=occupancy,
        signature=QCoreApplication.translate("Printing", "Signature of the shelter manager:"),
        note=fill(QCoreApplication.translate("Printing", "Printed %1"), display_time(utcnow())),
        author=_printed_by(session),
        lead=overflow_text(arrivals.overflow, with_name=False) if arrivals.overflow else "",
    )
    return PrintResult(path, pages, len(body), masked)
