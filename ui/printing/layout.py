"""Fonts and page layouts of every printed document (the one module that places them).

No Qt here apart from QtCore's translate, so the command line prints without a
screen. Documents describe their content (title, columns, rows, cards) and this
module lays it out:

- fonts: a TrueType CJK face found on the system (or in ``resources/fonts``),
  registered once per process on first use, by family: Song (宋体), Hei (黑体),
  Kai (楷体), FangSong (仿宋), XiaoBiaoSong (方正小标宋简体, for official titles);
  a face is taken only when it covers every character of ``DOCUMENT_CHARACTERS``
  (GB 2312 level 1 and the punctuation of documents: a Traditional-Chinese face
  such as cwTeX FangSong fails), a family that is not installed falls back to
  another, and when no TrueType CJK face exists at all to the non-embedded CID
  font STSong-Light (readers then need their own CJK font to draw it);
- ``build_list_pdf``: an A4 landscape list with a title, a header repeated on
  every page, page numbers "第 N 页 共 M 页" and an optional signature line;
- ``build_card_pdf``: cards in a grid (2 x 4 on A4 portrait) with cut lines;
- ``map_sheet``: a landscape map sheet (A4, or A3 as A4 enlarged for a wall): title
  band, map frame on the left, side panel (legend, tables) on the right, footer;
- ``paragraph_styles``: CJK line breaking (``wordWrap="CJK"``) everywhere.
"""

from __future__ import annotations

import itertools
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

from models.messages import fill

FAMILIES = ("song", "hei", "kai", "fangsong", "xbsong")
CID_FALLBACK = "STSong-Light"
RESOURCES_FONTS = Path(__file__).resolve().parent.parent.parent / "resources" / "fonts"
_DEBIAN = Path("/usr/share/fonts/truetype")
_WINDOWS = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
# Fonts a user installed: Windows per user, the usual Linux places.
_USER_DIRS = (
    Path(os.environ.get("LOCALAPPDATA", "~")).expanduser() / "Microsoft" / "Windows" / "Fonts",
    Path("~/.local/share/fonts").expanduser(),
    Path("~/.fonts").expanduser(),
    Path("/usr/local/share/fonts"),
    Path("/usr/share/fonts/truetype/founder"),
)

# (file, subfontIndex) by family, best first. TTC index 0 is the simplified
# Chinese face of the Debian collections. Noto CJK is absent on purpose: its CFF
# outlines cannot be embedded by reportlab.
_FILES: dict[str, tuple[tuple[str, int], ...]] = {
    "song": (("simsun.ttc", 0), ("uming.ttc", 0), ("gbsn00lp.ttf", 0)),
    "hei": (("simhei.ttf", 0), ("wqy-microhei.ttc", 0), ("wqy-zenhei.ttc", 0)),
    "kai": (("simkai.ttf", 0), ("ukai.ttc", 0), ("gkai00mp.ttf", 0)),
    "fangsong": (("simfang.ttf", 0), ("cwfs.ttf", 0)),
    "xbsong": (("FZXBSJW.TTF", 0), ("FZXBSK.TTF", 0), ("fzxbsjw.ttf", 0)),
}
_DEBIAN_DIRS = {
    "uming.ttc": "arphic",
    "ukai.ttc": "arphic",
    "gbsn00lp.ttf": "arphic-gbsn00lp",
    "gkai00mp.ttf": "arphic-gkai00mp",
    "wqy-microhei.ttc": "wqy",
    "wqy-zenhei.ttc": "wqy",
    "cwfs.ttf": "cwtex",
}
# When a family is not installed, the nearest one that is.
_FALLBACK = {
    "song": ("song", "fangsong", "kai", "hei"),
    "fangsong": ("fangsong", "song", "kai", "hei"),
    "kai": ("kai", "fangsong", "song", "hei"),
    "hei": ("hei", "song", "fangsong", "kai"),
    "xbsong": ("xbsong", "hei", "song", "fangsong", "kai"),
}


def _gb2312_level1() -> str:
    characters = []
    for high in range(0xB0, 0xD8):
        for low in range(0xA1, 0xFF):
            try:
                characters.append(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:  # the five empty places at the end of row 0xD7
                continue
    return "".join(characters)


# What a face must cover to print documents: the 3,755 common characters of GB 2312
# level 1, the full-width punctuation of official documents, digits, Roman level numbers.
DOCUMENT_CHARACTERS = _gb2312_level1() + "，。、；：？！“”‘’（）《》〔〕【】—…·0123456789ⅠⅡⅢⅣ"


@dataclass(frozen=True)
class FontChoice:
    """A registered font: the name reportlab knows it by and where it came from."""

    name: str
    family: str  # the family asked for
    path: str | None  # None for the CID fallback
    subfont: int = 0

    @property
    def embedded(self) -> bool:
        return self.path is not None


def _candidates(file: str) -> list[Path]:
    paths = [RESOURCES_FONTS / file, _WINDOWS / file, *(folder / file for folder in _USER_DIRS)]
    if file in _DEBIAN_DIRS:
        paths.append(_DEBIAN / _DEBIAN_DIRS[file] / file)
    return paths


def _find(family: str) -> tuple[Path, int] | None:
    """The first installed face of ``family`` that covers ``DOCUMENT_CHARACTERS``."""
    for file, index in _FILES[family]:
        for path in _candidates(file):
            if path.is_file() and _covers(path, index):
                return path, index
    return None


@cache
def _covers(path: Path, index: int) -> bool:
    """Whether the face covers ``DOCUMENT_CHARACTERS``; a face that does is registered
    with reportlab under the name ``_register`` gives it (read once)."""
    name = f"ECC-{path.stem}-{index}"
    if name in pdfmetrics.getRegisteredFontNames():
        return True
    try:
        candidate = TTFont(name, str(path), subfontIndex=index)
    except Exception:  # e.g. CFF outlines, a damaged file
        return False
    if not all(ord(c) in candidate.face.charToGlyph for c in DOCUMENT_CHARACTERS):
        return False
    pdfmetrics.registerFont(candidate)
    pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
    return True


def missing_characters(family: str, text: str) -> str:
    """The characters of ``text`` the face chosen for ``family`` cannot draw."""
    choice = font(family)
    face = getattr(pdfmetrics.getFont(choice.name), "face", None)
    if face is None:  # the CID fallback draws all of GB 2312
        return ""
    return "".join(sorted({c for c in text if not c.isspace() and ord(c) not in face.charToGlyph}))


_lock = threading.Lock()
_registered: dict[str, FontChoice] = {}


def font(family: str = "song") -> FontChoice:
    """The font for ``family`` (song, hei, kai, fangsong), registered on first use."""
    if family not in FAMILIES:
        raise ValueError(f"unknown font family: {family}")
    with _lock:
        if family in _registered:
            return _registered[family]
        choice = _register(family)
        _registered[family] = choice
        return choice


def _register(family: str) -> FontChoice:
    for candidate in _FALLBACK[family]:
        found = _find(candidate)
        if found is None:
            continue
        path, index = found
        name = f"ECC-{path.stem}-{index}"
        if name not in pdfmetrics.getRegisteredFontNames():
            try:
                pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=index))
            except Exception:  # e.g. CFF outlines, a damaged file: try the next one
                continue
            pdfmetrics.registerFontFamily(
                name, normal=name, bold=name, italic=name, boldItalic=name
            )
        return FontChoice(name, family, str(path), index)
    if CID_FALLBACK not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
    return FontChoice(CID_FALLBACK, family, None)


def font_name(family: str = "song") -> str:
    return font(family).name


@cache
def paragraph_styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles of all documents, CJK line breaking throughout."""
    song, hei, kai = font_name("song"), font_name("hei"), font_name("kai")

    def style(
        name: str, face: str, size: float, align: int = TA_LEFT, leading: float | None = None
    ) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            fontName=face,
            fontSize=size,
            leading=leading or round(size * 1.25, 2),
            alignment=align,
            wordWrap="CJK",
        )

    return {
        "title": style("title", hei, 18, TA_CENTER, 24),
        "subtitle": style("subtitle", song, 10, TA_LEFT),
        "subtitle_right": style("subtitle_right", song, 10, TA_RIGHT),
        "header": style("header", hei, 7.5, TA_CENTER, 9),
        "cell": style("cell", song, 7.5, TA_LEFT, 9),
        "cell_center": style("cell_center", song, 7.5, TA_CENTER, 9),
        "cell_number": style("cell_number", song, 7.5, TA_RIGHT, 9),
        "roll_header": style("roll_header", hei, 11, TA_CENTER, 14),
        "roll_cell": style("roll_cell", song, 11, TA_LEFT, 14),
        "roll_number": style("roll_number", song, 11, TA_RIGHT, 14),
        "roll_total": style("roll_total", hei, 11, TA_RIGHT, 14),
        "roll_total_label": style("roll_total_label", hei, 11, TA_CENTER, 14),
        "card_title": style("card_title", hei, 12, TA_CENTER, 15),
        "card_name": style("card_name", kai, 15, TA_LEFT, 18),
        "card_text": style("card_text", song, 9, TA_LEFT, 11.5),
        "card_code": style("card_code", hei, 8, TA_CENTER, 10),
    }


def page_label(number: int, total: int) -> str:
    """ "第 N 页 共 M 页" (through the catalogue: "Page %1 of %2")."""
    return fill(QCoreApplication.translate("Printing", "Page %1 of %2"), str(number), str(total))


def escape(text: object) -> str:
    """Plain text made safe for a reportlab Paragraph (which reads a little markup)."""
    if text is None:
        return ""
    return (
        str(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\n", "<br/>")
    )


# -- page furniture -----------------------------------------------------------------------


@dataclass(frozen=True)
class Footer:
    """What every page carries at the bottom: a signature line on the left, the page
    number on the right, a small note (e.g. the print time) in between."""

    signature: str | None = None
    note: str | None = None
    running_title: str | None = None  # repeated small at the top of pages after the first


FOOTER_SIZE = 9
LEAD_COLOUR = colors.HexColor("#B00020")  # a warning over a list: dark red, prints grey
SIGNATURE_RULE = 55 * mm


def _numbered_canvas(
    footer: Footer, margins: tuple[float, float, float, float], pages: list[int]
) -> type[Canvas]:
    """A canvas class that keeps its pages back until the end, to write "of M"."""
    left, right, _top, bottom = margins

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pending: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pending.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pending)
            for state in self._pending:
                self.__dict__.update(state)
                self._furniture(total)
                Canvas.showPage(self)
            pages.append(total)
            Canvas.save(self)

        def _furniture(self, total: int) -> None:
            width, height = self._pagesize
            number = self._pageNumber
            face = font_name("song")
            y = bottom - 10 * mm
            self.setFont(face, FOOTER_SIZE)
            self.setFillColor(colors.black)
            self.drawRightString(width - right, y, page_label(number, total))
            if footer.note:
                self.setFont(face, 7.5)
                self.drawCentredString(width / 2, y, footer.note)
            if footer.signature:
                self.setFont(face, 10.5)
                self.drawString(left, y, footer.signature)
                start = left + pdfmetrics.stringWidth(footer.signature, face, 10.5) + 1 * mm
                self.setLineWidth(0.6)
                self.line(start, y - 1.5, start + SIGNATURE_RULE, y - 1.5)
            if footer.running_title and number > 1:
                self.setFont(font_name("hei"), 9)
                self.drawCentredString(width / 2, height - _top + 4 * mm, footer.running_title)

    return NumberedCanvas


# -- A4 landscape lists -------------------------------------------------------------------


LIST_MARGINS = (10 * mm, 10 * mm, 14 * mm, 20 * mm)  # left, right, top, bottom


def build_list_pdf(
    path: str | Path,
    *,
    title: str,
    columns: Sequence[str],
    widths_mm: Sequence[float],
    rows: Sequence[Sequence[object]],
    subtitle_left: str = "",
    subtitle_right: str = "",
    align: Sequence[str] | None = None,
    signature: str | None = None,
    note: str | None = None,
    total_row: Sequence[object] | None = None,
    large: bool = False,
    author: str = "",
    sign_off: Sequence[tuple[str, str]] = (),
    lead: str = "",
) -> int:
    """Write an A4 landscape list and return its number of pages.

    ``align`` per column: "left", "center" or "number" (right). Column widths are
    scaled to the type area. ``large`` uses the roll-up's bigger type for short
    tables. The header row repeats on every page; ``total_row`` closes the table.
    ``sign_off``: (caption, value) pairs in one line under the table, each value on
    a rule to write or sign on (填报人、审核人 of a report upward). ``lead``: a warning
    printed bold over the table, on the first page.
    """
    styles = paragraph_styles()
    header_style = styles["roll_header" if large else "header"]
    cell_styles = {
        "left": styles["roll_cell" if large else "cell"],
        "center": styles["roll_cell" if large else "cell_center"],
        "number": styles["roll_number" if large else "cell_number"],
    }
    if large:
        cell_styles["center"] = ParagraphStyle(
            "roll_center", parent=styles["roll_cell"], alignment=TA_CENTER
        )
    align = list(align or ["left"] * len(columns))
    left, right, top, bottom = LIST_MARGINS
    page = landscape(A4)
    usable = page[0] - left - right
    scale = usable / (sum(widths_mm) * mm)
    widths = [w * mm * scale for w in widths_mm]

    data: list[list[Any]] = [[Paragraph(escape(c), header_style) for c in columns]]
    for row in rows:
        data.append(
            [Paragraph(escape(value), cell_styles[align[i]]) for i, value in enumerate(row)]
        )
    if total_row is not None:
        total_styles = [styles["roll_total_label"]] + [styles["roll_total"]] * (len(columns) - 1)
        if not large:
            total_styles = [styles["header"]] + [
                ParagraphStyle("total_number", parent=styles["header"], alignment=TA_RIGHT)
            ] * (len(columns) - 1)
        data.append([Paragraph(escape(v), total_styles[i]) for i, v in enumerate(total_row)])
    table = LongTable(data, colWidths=widths, repeatRows=1)
    pad = 3 if large else 1.5
    commands: list[Any] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8EEF6")),
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad + (0.5 if not large else 1)),
    ]
    if total_row is not None:
        commands.append(("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#F3F3F3")))
    table.setStyle(TableStyle(commands))

    story: list[Any] = [Paragraph(escape(title), styles["title"]), Spacer(1, 3 * mm)]
    if subtitle_left or subtitle_right:
        info = LongTable(
            [
                [
                    Paragraph(escape(subtitle_left), styles["subtitle"]),
                    Paragraph(escape(subtitle_right), styles["subtitle_right"]),
                ]
            ],
            colWidths=[usable * 0.6, usable * 0.4],
        )
        info.setStyle(
            TableStyle(
                [
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ]
            )
        )
        story.append(info)
    if lead:
        warning = ParagraphStyle(
            "lead", parent=styles["roll_cell"], fontName=font_name("hei"), textColor=LEAD_COLOUR
        )
        story += [Paragraph(escape(lead), warning), Spacer(1, 2 * mm)]
    story.append(table)
    if sign_off:
        story += [Spacer(1, 6 * mm), _sign_off_line(sign_off, usable, styles)]

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    pages: list[int] = []
    doc = SimpleDocTemplate(
        str(path),
        pagesize=page,
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title=title,
        author=author,
        creator="Emergency Command Console",
    )
    footer = Footer(signature=signature, note=note, running_title=title)
    doc.build(story, canvasmaker=_numbered_canvas(footer, LIST_MARGINS, pages))
    return pages[0] if pages else 0


def _sign_off_line(
    parts: Sequence[tuple[str, str]], usable: float, styles: dict[str, ParagraphStyle]
) -> LongTable:
    """Captions with their values on rules, spread over the type area in one line."""
    share = usable / len(parts)
    caption_width = [
        min(share * 0.45, pdfmetrics.stringWidth(caption, font_name("song"), 11) + 2 * mm)
        for caption, _value in parts
    ]
    cells: list[Any] = []
    widths: list[float] = []
    for (caption, value), width in zip(parts, caption_width, strict=True):
        cells += [
            Paragraph(escape(caption), styles["roll_cell"]),
            Paragraph(escape(value), styles["roll_cell"]),
        ]
        widths += [width, share - width - 4 * mm, 4 * mm]
        cells.append("")
    line = LongTable([cells], colWidths=widths)
    commands: list[Any] = [
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
    ]
    for index in range(len(parts)):
        column = 3 * index + 1
        commands.append(("LINEBELOW", (column, 0), (column, 0), 0.6, colors.black))
    line.setStyle(TableStyle(commands))
    return line


# -- cards ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Box:
    """A card's rectangle on the page, in points from the bottom left."""

    x: float
    y: float
    width: float
    height: float

    @property
    def top(self) -> float:
        return self.y + self.height


CARD_MARGINS = (10 * mm, 10 * mm, 12 * mm, 16 * mm)  # left, right, top, bottom
_T = TypeVar("_T")


def card_boxes(columns: int = 2, rows: int = 4, gap: float = 4 * mm) -> list[Box]:
    """The cells of a card grid on A4 portrait, row by row from the top left."""
    left, right, top, bottom = CARD_MARGINS
    width, height = A4
    cell_w = (width - left - right - gap * (columns - 1)) / columns
    cell_h = (height - top - bottom - gap * (rows - 1)) / rows
    return [
        Box(left + c * (cell_w + gap), height - top - (r + 1) * cell_h - r * gap, cell_w, cell_h)
        for r in range(rows)
        for c in range(columns)
    ]


def build_card_pdf(
    path: str | Path,
    items: Sequence[_T],
    draw: Callable[[Canvas, _T, Box], None],
    *,
    title: str = "",
    note: str | None = None,
    columns: int = 2,
    rows: int = 4,
) -> int:
    """Write ``items`` as cards, ``columns`` x ``rows`` per A4 page, each framed by a
    dashed cut line and drawn by ``draw(canvas, item, box)``. Returns the pages."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    pages: list[int] = []
    maker = _numbered_canvas(Footer(note=note), CARD_MARGINS, pages)
    canvas = maker(str(path), pagesize=A4)
    canvas.setTitle(title)
    canvas.setCreator("Emergency Command Console")
    boxes = card_boxes(columns, rows)
    per_page = len(boxes)
    for start in range(0, max(len(items), 1), per_page):
        for item, box in zip(items[start : start + per_page], boxes, strict=False):
            canvas.saveState()
            canvas.setDash(3, 2)
            canvas.setLineWidth(0.4)
            canvas.setStrokeColor(colors.grey)
            canvas.rect(box.x, box.y, box.width, box.height)
            canvas.restoreState()
            canvas.saveState()
            draw(canvas, item, box)
            canvas.restoreState()
        canvas.showPage()
    canvas.save()
    return pages[0] if pages else 0


def draw_paragraph(
    canvas: Canvas,
    text: str,
    style: ParagraphStyle,
    x: float,
    top: float,
    width: float,
    max_height: float | None = None,
) -> float:
    """Draw ``text`` (Paragraph markup allowed) with its top at ``top``; returns the
    height used. Shrinks the type, down to 60%, rather than run past ``max_height``."""
    paragraph = Paragraph(text, style)
    _w, height = paragraph.wrap(width, 10_000)
    size = style.fontSize
    while max_height is not None and height > max_height and size > style.fontSize * 0.6:
        size -= 0.5
        smaller = ParagraphStyle(
            f"{style.name}-{size}",
            parent=style,
            fontSize=size,
            leading=size * style.leading / style.fontSize,
        )
        paragraph = Paragraph(text, smaller)
        _w, height = paragraph.wrap(width, 10_000)
    paragraph.drawOn(canvas, x, top - height)
    return height


def draw_qr(
    canvas: Canvas, value: str, x: float, y: float, size: float, border: int = 4, level: str = "M"
) -> None:
    """A QR code of ``value``, ``size`` points square with its quiet zone of ``border``
    modules, its bottom left at (x, y). Encoded by reportlab's QrCodeWidget, drawn as
    one path (rendering the widget's thousands of shapes costs 0.1 s a code)."""
    qr = QrCodeWidget(value, barLevel=level).qr
    qr.make()
    count = qr.getModuleCount()
    module = size / (count + 2 * border)
    path = canvas.beginPath()
    for r, row in enumerate(qr.modules):
        c = 0
        for dark, run in itertools.groupby(bool(v) for v in row):
            length = len(list(run))
            if dark:
                path.rect(
                    x + (c + border) * module,
                    y + size - (r + border + 1) * module,
                    length * module,
                    module,
                )
            c += length
    canvas.saveState()
    canvas.setFillColor(colors.black)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


# -- map sheets ------------------------------------------------------------------------------

MAP_PAPERS = {"A4": landscape(A4), "A3": landscape(A3)}
MAP_SHEET_MARGIN = 10 * mm
MAP_SHARE = 0.7  # of the width inside the margins


@dataclass(frozen=True)
class MapSheet:
    """A landscape sheet with a map. Boxes are in points of the A4 design; ``scale``
    turns them into the paper's (A3 is the A4 design enlarged, type and all, so the
    same sheet reads from further away on a wall)."""

    paper: str
    size: tuple[float, float]  # the paper, in points
    scale: float
    title: Box
    map: Box
    side: Box
    footer: Box


def map_sheet(paper: str = "A4") -> MapSheet:
    """The boxes of a landscape map sheet on ``paper`` ("A4" or "A3")."""
    size = MAP_PAPERS[paper]
    width, height = MAP_PAPERS["A4"]
    margin = MAP_SHEET_MARGIN
    inner = width - 2 * margin
    gap = 5 * mm
    map_width = (inner - gap) * MAP_SHARE
    footer = Box(margin, 6 * mm, inner, 7 * mm)
    title = Box(margin, height - margin - 12 * mm, inner, 12 * mm)
    bottom = footer.top + 2 * mm
    frame = Box(margin, bottom, map_width, title.y - 2 * mm - bottom)
    side = Box(margin + map_width + gap, bottom, inner - map_width - gap, frame.height)
    return MapSheet(
        paper, (float(size[0]), float(size[1])), size[0] / width, title, frame, side, footer
    )


def map_sheet_canvas(path: str | Path, sheet: MapSheet, *, title: str, author: str = "") -> Canvas:
    """A canvas for one map sheet, scaled so callers draw in the A4 design's points."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # A CJK face from the start: otherwise the page names a Helvetica it never embeds.
    canvas = Canvas(str(path), pagesize=sheet.size, initialFontName=font_name("song"))
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setCreator("Emergency Command Console")
    canvas.scale(sheet.scale, sheet.scale)
    return canvas
