"""A document from a page: made in a worker, shown in the print preview with its pages,
printed through a QPrinter, saved as PDF; a refusal is said, not shown as a preview."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from models.areas import Division
from models.database import Database
from models.users import Actor
from tests.conftest import ADMIN
from ui.common.print_preview import DocumentPreview, open_document
from ui.printing.registry import Format, document


def _village(db: Database) -> tuple[str, str]:
    with db.session(ADMIN) as session:
        code, name = session.execute(
            select(Division.code, Division.name).where(Division.level == "village").limit(1)
        ).one()
    return code, name


def _open(qtbot: QtBot, db: Database, key: str, options: dict, actor: Actor = ADMIN) -> QWidget:
    parent = QWidget()
    qtbot.addWidget(parent)
    messages: list[str] = []
    open_document(
        parent,
        db=db,
        actor=actor,
        spec=document(key, Format.PDF),
        options=options,
        names={"village": "村"},
        on_message=lambda text, _ok: messages.append(text),
    )
    qtbot.waitUntil(lambda: bool(messages), timeout=30_000)
    parent.setProperty("message", messages[0])
    return parent


def test_a_pdf_opens_in_the_preview_with_its_pages_and_prints_with_its_title(
    qtbot: QtBot, demo_db: Database, tmp_path: Path
) -> None:
    code, name = _village(demo_db)
    parent = _open(qtbot, demo_db, "transfer-cards", {"village": code})
    preview = parent.findChild(DocumentPreview)
    assert preview is not None and preview.isVisible()
    with pdfplumber.open(preview.prepared.path) as pdf:
        pages = len(pdf.pages)
    assert pages >= 1 and preview.page_count() == pages == len(preview.prepared.pages)
    assert "preview" in str(parent.property("message")) or "预览" in str(parent.property("message"))

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    preview.paint(printer)
    with pdfplumber.open(printed) as pdf:
        assert len(pdf.pages) == pages
        assert name in pdf.pages[0].extract_text()  # the title names the village

    saved = tmp_path / "saved.pdf"
    assert preview.save_pdf(str(saved)) == str(saved)
    assert saved.read_bytes() == preview.prepared.path.read_bytes()
    preview.close()


def test_a_refused_document_is_said_and_no_preview_opens(qtbot: QtBot, demo_db: Database) -> None:
    parent = _open(qtbot, demo_db, "transfer-list", {"village": "999999999999"})
    assert parent.findChild(DocumentPreview) is None
    assert "999999999999" in str(parent.property("message"))
