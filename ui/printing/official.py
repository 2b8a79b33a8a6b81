"""Official documents (公文) laid out after GB/T 9704-2012 (no Qt here).

A document describes its parts (``OfficialDocument``: issuer, number, title, recipients,
body blocks, signature, date, copy-to, printed-by line) and ``build_official_pdf``
places them:

- A4; type area 156 × 225 mm with its top 37 mm and its left edge 28 mm from the
  page's (right margin 26 mm, bottom 35 mm);
- the body in 仿宋 3号 (16 pt) on a grid of 22 lines of 28 characters: the line pitch
  puts the top of line 1 on the type area's top and the foot of line 22 on its
  bottom, the character pitch puts 28 full-width characters across its width; a
  paragraph starts two characters in; no line starts with a closing mark or ends
  with an opening one;
- headings 一、 in 黑体, （一） in 楷体, 1. in 仿宋 bold, （1） in 仿宋, numbered here;
- tables in 4号, one grid line per line of text, the header repeated on each page;
- the title in 小标宋 2号 (22 pt), centred two lines under the red rule;
- the issuer mark (发文机关标志) in red 小标宋, its top 35 mm under the type area's
  top; the document number (``document_number``: 温防指〔2026〕12号) centred two
  lines under it, or on the left with the signer (签发人) on the right for a report
  upward; a red rule as wide as the type area 4 mm under it;
- the order format of §10.2 (``order=True``): the issuer's full name and 令 in red
  20 mm under the type area's top, the order number centred two lines under it, the
  body two lines under that, then the signer's post and name and the date;
- the signature block: the issuer's name centred over the date, the date four
  characters in from the right (room for the seal), or without a seal the name two
  characters in from the right and the date two characters further right;
  when the block would stand alone on a new page, the body's last two lines go over
  with it (a trial layout finds where);
- the record block (版记) at the foot of the last page: 抄送 and 印发机关 / 印发日期
  in 4号 between rules as wide as the type area; that page is an even one (the back
  of a sheet), after a blank page when the body fills an even page, and then neither
  the blank page nor the record page is numbered (§7.5);
- page numbers in 4号 as "— 1 —", 7 mm under the type area, one character in from
  the right on odd pages and from the left on even pages.

The wording of the fixed parts (签发人, 抄送, 印发, 令) is the standard's and stays
Chinese whatever the language of the console.
"""

from __future__ import annotations

import datetime
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from ui.printing.layout import font_name

PAGE_WIDTH, PAGE_HEIGHT = A4
TOP_MARGIN = 37 * mm
LEFT_MARGIN = 28 * mm
TYPE_WIDTH = 156 * mm
TYPE_HEIGHT = 225 * mm
TYPE_TOP = PAGE_HEIGHT - TOP_MARGIN  # y of the type area's top edge
TYPE_BOTTOM = TYPE_TOP - TYPE_HEIGHT
TYPE_RIGHT = LEFT_MARGIN + TYPE_WIDTH

BODY_SIZE = 16.0  # 3号
TITLE_SIZE = 22.0  # 2号
RECORD_SIZE = 14.0  # 4号: the record block and the page numbers
LINES_PER_PAGE = 22
CHARACTERS_PER_LINE = 28
LINE_PITCH = (TYPE_HEIGHT - BODY_SIZE) / (LINES_PER_PAGE - 1)
CHARACTER_PITCH = (TYPE_WIDTH - BODY_SIZE) / (CHARACTERS_PER_LINE - 1)
CHARACTER_SPACE = CHARACTER_PITCH - BODY_SIZE  # a little negative: 28 fit in 156 mm

RED = colors.Color(1, 0, 0)  # the issuer mark, the rule under the number, the order's title
MARK_TOP = 35 * mm  # the issuer mark's top under the type area's top
ORDER_MARK_TOP = 20 * mm
RULE_GAP = 4 * mm  # from the document number to the red rule
THICK_RULE, THIN_RULE = 0.35 * mm, 0.25 * mm
PAGE_NUMBER_GAP = 7 * mm

CLOSING = "，。、；：？！）》”’〕】…—,.;:?!)"
OPENING = "（《“‘〔【("
LEVEL_FACES = {1: "hei", 2: "kai", 3: "fangsong", 4: "fangsong"}


@dataclass(frozen=True)
class Heading:
    """A heading, numbered by level: 1 一、(黑体), 2 （一）(楷体), 3 1.(仿宋 bold),
    4 （1）(仿宋). ``text`` after the heading runs on in the same paragraph in 仿宋
    (the usual way of levels 3 and 4)."""

    heading: str
    level: int = 1
    text: str = ""


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Table:
    """A table in the body: 4号 type, one grid line per line of text, the header in
    黑体 repeated on every page it runs onto. ``widths`` are relative column widths."""

    header: Sequence[str]
    rows: Sequence[Sequence[object]]
    widths: Sequence[float] = ()


Block = Heading | Paragraph | Table | str


@dataclass(frozen=True)
class OfficialDocument:
    issuer: str  # the issuing body's full name, e.g. 某县防汛防台抗旱指挥部
    title: str = ""
    body: Sequence[Block] = ()
    number: str = ""  # document_number(...) or, for an order, order_number(...)
    recipients: str = ""  # 主送机关, printed with a closing full-width colon
    signature: str = ""  # 署名 (the issuer's name under the body); for an order the signer
    date: datetime.date | None = None  # 成文日期
    signer: str = ""  # 签发人 of a report upward: number on the left, signer on the right
    mark: str = ""  # 发文机关标志; by default the issuer and 文件 (令 for an order)
    order: bool = False  # the order format of §10.2
    signer_post: str = ""  # an order's signer's post, two characters before the name
    sealed: bool = True  # room for a seal over the signature and the date
    copy_to: str = ""  # 抄送
    printed_by: str = ""  # 印发机关
    printed_on: datetime.date | None = None  # 印发日期
    record_on_even_page: bool = True  # the record (版记) on the last back of a sheet
    author: str = field(default="", compare=False)


def document_number(prefix: str, year: int, number: int) -> str:
    """温防指〔2026〕12号: the full year in 〔〕, no leading zeros, no 第."""
    if number < 1:
        raise ValueError("a document number starts at 1")
    return f"{prefix}〔{year}〕{number}号"


def order_number(number: int) -> str:
    """第1号: the number of an order (令)."""
    if number < 1:
        raise ValueError("an order number starts at 1")
    return f"第{number}号"


def date_text(day: datetime.date) -> str:
    """2026年8月9日: Arabic figures, the year in full, no leading zeros."""
    return f"{day.year}年{day.month}月{day.day}日"


_DIGITS = "零一二三四五六七八九"


def chinese_number(number: int) -> str:
    """一 … 九十九, as headings count."""
    if not 0 < number < 100:
        return str(number)
    tens, units = divmod(number, 10)
    if tens == 0:
        return _DIGITS[units]
    head = "" if tens == 1 else _DIGITS[tens]
    return head + "十" + (_DIGITS[units] if units else "")


def heading_label(level: int, count: int) -> str:
    if level == 1:
        return f"{chinese_number(count)}、"
    if level == 2:
        return f"（{chinese_number(count)}）"
    if level == 3:
        return f"{count}."
    return f"（{count}）"


# -- text on the grid ---------------------------------------------------------------------


@dataclass(frozen=True)
class Style:
    family: str = "fangsong"
    size: float = BODY_SIZE
    bold: bool = False
    colour: colors.Color = colors.black


BODY = Style()
Glyph = tuple[str, Style]


def _advance(glyph: Glyph) -> float:
    character, style = glyph
    width = pdfmetrics.stringWidth(character, font_name(style.family), style.size)
    return width + CHARACTER_SPACE * style.size / BODY_SIZE


def _width(glyphs: Sequence[Glyph]) -> float:
    if not glyphs:
        return 0.0
    last = glyphs[-1][1]
    return sum(_advance(g) for g in glyphs) - CHARACTER_SPACE * last.size / BODY_SIZE


def break_lines(glyphs: Sequence[Glyph], width: float, indent: float = 0.0) -> list[list[Glyph]]:
    """Lines of at most ``width`` (the first ``indent`` narrower), CJK rules kept."""
    lines: list[list[Glyph]] = []
    rest = list(glyphs)
    room = width - indent
    while rest:
        count, used = 0, 0.0
        while count < len(rest):
            step = _advance(rest[count])
            if used + step - CHARACTER_SPACE > room + 0.01 and count > 0:
                break
            used += step
            count += 1
        if count < len(rest):
            keep = count
            while keep > 1 and _joined(rest[keep - 1][0], rest[keep][0]):
                keep -= 1  # 12,345 and 10m stay whole
            if keep == 1:
                keep = count
            while keep > 1 and rest[keep][0] in CLOSING:
                keep -= 1
            while keep > 1 and rest[keep - 1][0] in OPENING:
                keep -= 1
            count = keep
        lines.append(rest[:count])
        rest = rest[count:]
        room = width
    return lines


_WORD = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ,.%:-")


def _joined(before: str, after: str) -> bool:
    return before in _WORD and after in _WORD


def glyphs(text: str, style: Style = BODY) -> list[Glyph]:
    return [(c, style) for c in text if c not in "\r\n"]


class _Writer:
    """Draws lines on the grid, page after page; ``line`` is the next free line."""

    def __init__(self, canvas: Canvas, carry_at: int | None = None) -> None:
        self.canvas = canvas
        self.page = 1
        self.line = 0
        self.body_lines = 0  # lines of paragraphs and headings drawn so far
        self.carry_at = carry_at  # the body line that starts a new page, if any

    @staticmethod
    def top(line: int) -> float:
        return TYPE_TOP - line * LINE_PITCH

    def new_page(self) -> None:
        self.canvas.showPage()
        self.page += 1
        self.line = 0

    def ensure(self, lines: int) -> None:
        if self.line + lines > LINES_PER_PAGE:
            self.new_page()

    def draw(self, line: Sequence[Glyph], x: float, top: float) -> None:
        """One line of glyphs, its left at ``x``, the top of its type at ``top``."""
        canvas = self.canvas
        run: list[Glyph] = []
        for glyph in [*line, ("", Style(family=""))]:
            if run and glyph[1] != run[0][1]:
                style = run[0][1]
                face = font_name(style.family)
                descent = pdfmetrics.getFont(face).face.descent if _has_face(face) else -120
                baseline = top - style.size - style.size * descent / 1000
                canvas.saveState()
                text = canvas.beginText(x, baseline)
                text.setFont(face, style.size)
                text.setCharSpace(CHARACTER_SPACE * style.size / BODY_SIZE)
                canvas.setFillColor(style.colour)
                if style.bold:  # the CJK faces have no bold: outline and fill
                    canvas.setStrokeColor(style.colour)
                    canvas.setLineWidth(0.45)
                    text.setTextRenderMode(2)
                run_text = "".join(c for c, _s in run)
                text.textOut(run_text)
                canvas.drawText(text)
                canvas.restoreState()
                x += sum(_advance(g) for g in run)
                run = []
            run.append(glyph)

    def paragraph(self, line_glyphs: Sequence[Glyph], indent: float = 2 * CHARACTER_PITCH) -> None:
        for number, line in enumerate(break_lines(line_glyphs, TYPE_WIDTH, indent)):
            if self.body_lines == self.carry_at and self.line > 0:
                self.new_page()
            self.body_lines += 1
            self.ensure(1)
            self.draw(line, LEFT_MARGIN + (indent if number == 0 else 0), self.top(self.line))
            self.line += 1

    def centred(self, line: Sequence[Glyph], top: float) -> None:
        self.draw(line, LEFT_MARGIN + (TYPE_WIDTH - _width(line)) / 2, top)

    def right(self, line: Sequence[Glyph], top: float, characters: float) -> float:
        """Right-aligned ``characters`` body characters in from the right; returns x."""
        x = TYPE_RIGHT - characters * CHARACTER_PITCH - _width(line)
        self.draw(line, x, top)
        return x


def _has_face(face: str) -> bool:
    return hasattr(pdfmetrics.getFont(face), "face")


# -- the parts of a document --------------------------------------------------------------


def _rule(canvas: Canvas, y: float, width: float, colour: colors.Color) -> None:
    canvas.saveState()
    canvas.setStrokeColor(colour)
    canvas.setLineWidth(width)
    canvas.line(LEFT_MARGIN, y, TYPE_RIGHT, y)
    canvas.restoreState()


def _mark(writer: _Writer, document: OfficialDocument) -> float:
    """The red issuer mark; returns its bottom's distance under the type area's top."""
    text = document.mark or document.issuer + ("令" if document.order else "文件")
    size = min(15 * mm, TYPE_WIDTH * 0.95 / max(len(text), 1))
    style = Style("xbsong", size, colour=RED)
    offset = ORDER_MARK_TOP if document.order else MARK_TOP
    writer.centred([(c, style) for c in text], TYPE_TOP - offset)
    return offset + size


def _header(writer: _Writer, document: OfficialDocument) -> None:
    mark_bottom = _mark(writer, document)
    line = math.ceil(mark_bottom / LINE_PITCH) + 2  # two lines under the mark
    top = writer.top(line)
    if document.order:
        if document.number:
            writer.centred(glyphs(document.number), top)
        writer.line = line + 3
    else:
        if document.signer:
            writer.draw(glyphs(document.number), LEFT_MARGIN + CHARACTER_PITCH, top)
            signer = glyphs("签发人：") + glyphs(document.signer, Style("kai"))
            writer.right(signer, top, 1)
        elif document.number:
            writer.centred(glyphs(document.number), top)
        _rule(writer.canvas, top - BODY_SIZE - RULE_GAP, 1.0, RED)
        writer.line = line + 3  # the title two lines under the rule
    if document.title:
        title = Style("xbsong", TITLE_SIZE)
        for part in document.title.split("\n"):
            for title_line in break_lines(glyphs(part, title), TYPE_WIDTH):
                writer.ensure(1)
                writer.centred(title_line, writer.top(writer.line))
                writer.line += 1
        writer.line += 1  # a blank line under the title
    if document.recipients:
        writer.paragraph(glyphs(document.recipients.rstrip("：:") + "："), indent=0)


def _body(writer: _Writer, blocks: Sequence[Block]) -> None:
    counts = [0, 0, 0, 0, 0]
    for block in blocks:
        if isinstance(block, str):
            block = Paragraph(block)
        if isinstance(block, Paragraph):
            writer.paragraph(glyphs(block.text))
            continue
        if isinstance(block, Table):
            _table(writer, block)
            continue
        level = min(max(block.level, 1), 4)
        counts[level] += 1
        for lower in range(level + 1, 5):
            counts[lower] = 0
        style = Style(LEVEL_FACES[level], bold=level == 3)
        label = heading_label(level, counts[level]) + block.heading
        if block.text and label[-1] not in CLOSING:
            label += "。"  # a run-in heading ends with a full stop
        heading = glyphs(label, style)
        writer.paragraph(heading + glyphs(block.text))


TABLE_SIZE = 14.0  # 4号
TABLE_PADDING = 1.5 * mm


def _table(writer: _Writer, table: Table) -> None:
    columns = len(table.header)
    weights = list(table.widths) if len(table.widths) == columns else [1.0] * columns
    widths = [TYPE_WIDTH * w / sum(weights) for w in weights]
    head_style, cell_style = Style("hei", TABLE_SIZE), Style(size=TABLE_SIZE)

    def cells(values: Sequence[object], style: Style) -> list[list[list[Glyph]]]:
        return [
            break_lines(glyphs("" if v is None else str(v), style), w - 2 * TABLE_PADDING)
            for v, w in zip(values, widths, strict=False)
        ]

    header = cells(table.header, head_style)
    body = [cells(row, cell_style) for row in table.rows]
    gap = (LINE_PITCH - BODY_SIZE) / 2
    canvas = writer.canvas

    def rule(x1: float, y1: float, x2: float, y2: float) -> None:
        canvas.setLineWidth(0.5)  # again on each page: a new page resets it
        canvas.setStrokeColor(colors.black)
        canvas.line(x1, y1, x2, y2)

    start = writer.line  # the first line of the table on this page

    def close(end: int) -> None:  # the verticals of the part on this page
        x = LEFT_MARGIN
        for width in [0.0, *widths]:
            x += width
            rule(x, writer.top(start) + gap, x, writer.top(end) + gap)

    def row(lines: list[list[list[Glyph]]], first: bool = False) -> None:
        nonlocal start
        height = max((len(cell) for cell in lines), default=1) or 1
        if writer.line + height > LINES_PER_PAGE:
            close(writer.line)
            writer.new_page()
            start = writer.line
            if not first:
                row(header, first=True)
        top = writer.top(writer.line)
        rule(LEFT_MARGIN, top + gap, TYPE_RIGHT, top + gap)
        x = LEFT_MARGIN
        for cell, width in zip(lines, widths, strict=False):
            for number, line in enumerate(cell):
                foot = writer.top(writer.line + number) - (BODY_SIZE - TABLE_SIZE) / 2
                writer.draw(line, x + (width - _width(line)) / 2, foot)
            x += width
        writer.line += height
        rule(LEFT_MARGIN, writer.top(writer.line) + gap, TYPE_RIGHT, writer.top(writer.line) + gap)

    row(header, first=True)
    for line in body:
        row(line)
    close(writer.line)


def _signature(writer: _Writer, document: OfficialDocument) -> None:
    date = glyphs(date_text(document.date)) if document.date else []
    name = glyphs(document.signature)
    if not (date or name):
        return
    if document.order:
        writer.line += 2  # two lines under the body: post and name, a line, the date
        writer.ensure(3)
        if name:
            post = glyphs(document.signer_post)
            x = writer.right(name, writer.top(writer.line), 4)
            if post:
                writer.draw(post, x - 2 * CHARACTER_PITCH - _width(post), writer.top(writer.line))
        if date:
            writer.right(date, writer.top(writer.line + 2), 4)
        writer.line += 3
        return
    if document.sealed:
        # room for the seal's upper part: three blank lines, down to one rather than
        # leave the signature alone on a page
        writer.line += max(1, min(3, LINES_PER_PAGE - writer.line - 2))
        writer.ensure(2)
        date_x = TYPE_RIGHT - 4 * CHARACTER_PITCH - _width(date)
        if name:
            centre = date_x + _width(date) / 2 if date else TYPE_RIGHT - 4 * CHARACTER_PITCH
            writer.draw(name, centre - _width(name) / 2, writer.top(writer.line))
        if date:
            writer.draw(date, date_x, writer.top(writer.line + 1))
    else:
        writer.line += 1
        writer.ensure(2)
        # the date starts two characters right of the name, or ends two in from the right
        name_x = TYPE_RIGHT - 2 * CHARACTER_PITCH - _width(name)
        date_x = name_x + 2 * CHARACTER_PITCH
        if date_x + _width(date) > TYPE_RIGHT - 2 * CHARACTER_PITCH:
            date_x = TYPE_RIGHT - 2 * CHARACTER_PITCH - _width(date)
            name_x = date_x - 2 * CHARACTER_PITCH
        writer.draw(name, name_x, writer.top(writer.line))
        writer.draw(date, date_x, writer.top(writer.line + 1))
    writer.line += 2


def _record(writer: _Writer, document: OfficialDocument) -> None:
    """抄送 and 印发 at the foot of the last page, between rules: thick above and below,
    thin between the two parts."""
    small = Style(size=RECORD_SIZE)
    indent = RECORD_SIZE  # one character of the record's size
    # (left text, right text, whether a part starts on the line)
    rows: list[tuple[list[Glyph], list[Glyph], bool]] = []
    if document.copy_to:
        copy_to = glyphs("抄送：" + document.copy_to.rstrip("。") + "。", small)
        for number, line in enumerate(break_lines(copy_to, TYPE_WIDTH - 2 * indent)):
            rows.append((line, [], number == 0))
    if document.printed_by or document.printed_on:
        when = date_text(document.printed_on) + "印发" if document.printed_on else ""
        rows.append((glyphs(document.printed_by, small), glyphs(when, small), True))
    if not rows:
        return
    first = LINES_PER_PAGE - len(rows)
    fits = writer.line <= first - 1  # at least a blank line between the body and the record
    canvas = writer.canvas
    if not document.record_on_even_page:
        if not fits:
            writer.new_page()
    elif writer.page % 2:  # on the back of the sheet
        writer.new_page()
    elif not fits:  # a blank page, then the record on the next back: neither numbered
        writer.new_page()
        _unnumbered(canvas)  # the blank page
        writer.new_page()
        _unnumbered(canvas)  # the record page
    gap = (LINE_PITCH - BODY_SIZE) / 2
    for number, (left, right, starts) in enumerate(rows):
        top = writer.top(first + number)
        if starts:
            _rule(canvas, top + gap, THICK_RULE if number == 0 else THIN_RULE, colors.black)
        foot = top - (BODY_SIZE - RECORD_SIZE)  # the smaller type stands on the line's foot
        writer.draw(left, LEFT_MARGIN + indent, foot)
        if right:
            writer.draw(right, TYPE_RIGHT - indent - _width(right), foot)
    _rule(canvas, writer.top(LINES_PER_PAGE - 1) - BODY_SIZE - gap, THICK_RULE, colors.black)


def _page_number(canvas: Canvas, number: int) -> None:
    text = f"— {number} —"
    face = font_name("song")
    width = pdfmetrics.stringWidth(text, face, RECORD_SIZE)
    x = TYPE_RIGHT - RECORD_SIZE - width if number % 2 else LEFT_MARGIN + RECORD_SIZE
    descent = pdfmetrics.getFont(face).face.descent if _has_face(face) else -120
    baseline = TYPE_BOTTOM - PAGE_NUMBER_GAP - RECORD_SIZE - RECORD_SIZE * descent / 1000
    canvas.setFillColor(colors.black)
    canvas.setFont(face, RECORD_SIZE)
    canvas.drawString(x, baseline, text)


class _PagedCanvas(Canvas):
    """Writes each page's number as the page closes, unless the page is told to have
    none (a blank page before the record page, and that record page)."""

    numbered = True

    def showPage(self) -> None:
        if self.numbered:
            self.saveState()
            _page_number(self, self.getPageNumber())
            self.restoreState()
        self.numbered = True
        super().showPage()


def _unnumbered(canvas: Canvas) -> None:
    """The page being drawn gets no page number."""
    if isinstance(canvas, _PagedCanvas):
        canvas.numbered = False


def _canvas(target: str | Path | io.BytesIO, document: OfficialDocument) -> Canvas:
    canvas = _PagedCanvas(
        target if isinstance(target, io.BytesIO) else str(target),
        pagesize=A4,
        pageCompression=1,
        initialFontName=font_name("fangsong"),  # no unembedded Helvetica in the resources
        initialFontSize=BODY_SIZE,
    )
    canvas.setTitle(document.title or document.mark or document.issuer)
    canvas.setAuthor(document.author or document.issuer)
    return canvas


def _carry(document: OfficialDocument) -> int | None:
    """The body line to start a new page at so that the signature block does not stand
    alone on a page: the last two lines go over with it (GB/T 9704 allows no page with
    a signature and no text). None when the block fits under the body."""
    if not (document.signature or document.date) or not document.body:
        return None
    if isinstance(document.body[-1], Table):
        return None
    trial = _Writer(_canvas(io.BytesIO(), document))
    _header(trial, document)
    _body(trial, document.body)
    needed = 5 if document.order else 3  # blank lines and the block, at their fewest
    if trial.line + needed <= LINES_PER_PAGE or trial.line < 3:
        return None
    return trial.body_lines - 2


def write_official(document: OfficialDocument, target: str | Path | io.BytesIO) -> int:
    """Lays ``document`` out into ``target`` (a path or a binary buffer); the pages."""
    canvas = _canvas(target, document)
    writer = _Writer(canvas, _carry(document))
    _header(writer, document)
    _body(writer, document.body)
    _signature(writer, document)
    _record(writer, document)
    canvas.showPage()
    canvas.save()
    return writer.page


def build_official_pdf(document: OfficialDocument, path: str | Path) -> int:
    """The document as a PDF file at ``path``; returns the number of pages."""
    return write_official(document, Path(path))


def official_pdf_bytes(document: OfficialDocument) -> bytes:
    buffer = io.BytesIO()
    write_official(document, buffer)
    return buffer.getvalue()
