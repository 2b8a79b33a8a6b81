"""A document from a page: a PDF of ``ui.printing.registry`` opens in a print preview
that prints through Qt's print dialog (printer, copies, paper) or saves the PDF; a
workbook is saved where the user chooses.

The document is made in a worker (one unit of work of ``ui.common.operations``: a refusal
comes back as its message, a bug as one line) and its pages rendered there too
(QPdfDocument, at PREVIEW_DPI), so the UI thread only draws ready images. Printing
renders the pages again at the printer's resolution (at most PRINT_DPI). Printing to
a PDF file writes the document itself: text that can be searched and copied, fonts
embedded, as ``Save as PDF`` does.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QAction, QImage, QPageLayout, QPageSize, QPaintEngine, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QFileDialog, QToolBar, QWidget
from sqlalchemy.orm import Session

from models.database import Database
from models.messages import fill
from models.users import Actor
from ui.common.operations import Outcome, unit_of_work
from ui.common.worker import run_in_background
from ui.printing.registry import Document, Format

PREVIEW_DPI = 96
PRINT_DPI = 300  # enough for 5-point text; a 1200 dpi printer would need 140 MB a page


@dataclass(frozen=True)
class PreparedPdf:
    """A PDF made in a worker, with its pages rendered for the preview."""

    path: Path
    pages: list[QImage]
    sizes: list[QSizeF]  # each page's size in points


def render_pages(path: Path, dpi: float) -> tuple[list[QImage], list[QSizeF]]:
    """Every page of the PDF as an image at ``dpi``, and its size in points."""
    pdf = QPdfDocument()
    pdf.load(str(path))
    images, sizes = [], []
    for page in range(pdf.pageCount()):
        size = pdf.pagePointSize(page)
        pixels = QSize(round(size.width() / 72 * dpi), round(size.height() / 72 * dpi))
        image = pdf.render(page, pixels)
        background = QImage(image.size(), QImage.Format.Format_RGB888)
        background.fill(Qt.GlobalColor.white)
        painter = QPainter(background)
        painter.drawImage(0, 0, image)
        painter.end()
        images.append(background)
        sizes.append(size)
    pdf.close()
    return images, sizes


def _make(*, session: Session, spec: Document, options: dict[str, Any], path: Path) -> object:
    return spec.make(session=session, path=path, **options)


def make_document(
    *, db: Database, actor: Actor, spec: Document, options: dict[str, Any], path: Path
) -> tuple[Outcome[object], PreparedPdf | None]:
    """In a worker: the document in one unit of work (a writing one: an unmasked printout
    is audited), then a PDF's pages rendered outside it."""
    outcome = unit_of_work(db, actor, _make, spec=spec, options=options, path=path)
    if outcome.ok and spec.format is Format.PDF:
        return outcome, PreparedPdf(path, *render_pages(path, PREVIEW_DPI))
    return outcome, None


def _page_layout(size: QSizeF) -> QPageLayout:
    landscape = size.width() > size.height()
    portrait = QSizeF(min(size.width(), size.height()), max(size.width(), size.height()))
    page = QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = (
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(page, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)


class DocumentPreview(QPrintPreviewDialog):
    """The print preview of one PDF: Qt's print button opens the print dialog (printer,
    copies, paper); "Save as PDF…" copies the document where the user chooses."""

    def __init__(
        self, prepared: PreparedPdf, title: str, suggested: str, parent: QWidget | None = None
    ) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        super().__init__(printer, parent)
        # The dialog does not own its printer: held here, or Qt paints on a deleted one.
        self.printer_kept, self.prepared, self.suggested = printer, prepared, suggested
        printer.setDocName(title)
        printer.setFullPage(True)
        if prepared.sizes:
            printer.setPageLayout(_page_layout(prepared.sizes[0]))
        self.setWindowTitle(
            fill(QCoreApplication.translate("PrintPreview", "Print preview: %1"), title)
        )
        self.resize(1000, 760)
        self.preview_widget = self.findChild(QPrintPreviewWidget)
        self.save_action = QAction(QCoreApplication.translate("PrintPreview", "Save as PDF…"), self)
        self.save_action.triggered.connect(lambda: self.save_pdf())
        toolbar = self.findChild(QToolBar)
        if toolbar is not None:
            toolbar.addSeparator()
            toolbar.addAction(self.save_action)
        self.paintRequested.connect(self.paint)

    def page_count(self) -> int:
        return self.preview_widget.pageCount() if self.preview_widget is not None else 0

    def paint(self, printer: QPrinter) -> None:
        """Draws the pages on the preview or a printer; a PDF file gets the document."""
        painter = QPainter(printer)
        preview = painter.paintEngine().type() == QPaintEngine.Type.Picture
        dpi = min(printer.resolution(), PRINT_DPI)
        target = QRectF(0, 0, printer.width(), printer.height())
        pages = (
            self.prepared.pages
            if preview
            else (render_pages(self.prepared.path, dpi)[0] if self.prepared.pages else [])
        )
        for number, image in enumerate(pages):
            if number:
                printer.newPage()
            scale = min(target.width() / image.width(), target.height() / image.height())
            width, height = image.width() * scale, image.height() * scale
            box = QRectF(
                target.x() + (target.width() - width) / 2,
                target.y() + (target.height() - height) / 2,
                width,
                height,
            )
            painter.drawImage(box, image)
        painter.end()
        output = printer.outputFileName()
        if not preview and printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and output:
            shutil.copyfile(self.prepared.path, output)  # the document, not pictures of it

    def save_pdf(self, path: str | None = None) -> str | None:
        """Copies the PDF to ``path`` (asked when None); returns where, or None."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self,
                QCoreApplication.translate("PrintPreview", "Save as PDF"),
                str(Path.home() / self.suggested),
                QCoreApplication.translate("PrintPreview", "PDF files (*.pdf)"),
            )
        if not path:
            return None
        shutil.copyfile(self.prepared.path, path)
        return path


def workbook_path(
    parent: QWidget, spec: Document, names: dict[str, str], path: str | Path | None = None
) -> Path | None:
    """Where to save a workbook: ``path`` when given, else asked (the suggested name in
    the home folder); None when the user cancelled."""
    if path is None:
        chosen, _ = QFileDialog.getSaveFileName(
            parent,
            spec.title_text,
            str(Path.home() / spec.suggested_name(**names)),
            QCoreApplication.translate("PrintPreview", "Excel workbooks (*.xlsx)"),
        )
        if not chosen:
            return None
        path = chosen
    return Path(path)


def saved_text(path: Path) -> str:
    return fill(QCoreApplication.translate("PrintPreview", "Saved %1."), str(path))


def open_document(
    parent: QWidget,
    *,
    db: Database,
    actor: Actor,
    spec: Document,
    options: dict[str, Any],
    names: dict[str, str],
    on_message: Callable[[str, bool], None],
    path: str | Path | None = None,
) -> bool:
    """From a page's button: a PDF into the print preview, a workbook saved where the
    user chooses. ``names`` fill the suggested file name ({village}, {shelter} ...);
    ``on_message(text, ok)`` hears how it went (a refusal's message, or the one line for
    a bug, with ok False). A workbook's ``path`` given is
    not asked for. False when the user cancelled the save dialog."""
    suggested = spec.suggested_name(**names)
    if spec.format is Format.PDF:
        target = Path(tempfile.mkdtemp(prefix="ecc-print-")) / suggested
    else:
        chosen = workbook_path(parent, spec, names, path)
        if chosen is None:
            return False
        target = chosen

    def done(made: tuple[Outcome[object], PreparedPdf | None] | None, _error: object) -> None:
        outcome, prepared = made if made is not None else (Outcome[object](failed=True), None)
        if prepared is None and spec.format is Format.PDF:
            shutil.rmtree(target.parent, ignore_errors=True)
        if outcome.problem is not None:
            on_message(outcome.problem, False)
        elif prepared is not None:
            preview = DocumentPreview(prepared, spec.title_text, suggested, parent)
            preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            preview.destroyed.connect(lambda: shutil.rmtree(prepared.path.parent, True))
            preview.open()
            message = QCoreApplication.translate("PrintPreview", "%1: opened in the print preview.")
            on_message(fill(message, spec.title_text), True)
        else:
            on_message(saved_text(target), True)

    run_in_background(
        make_document,
        done,
        owner=parent,
        db=db,
        actor=actor,
        spec=spec,
        options=options,
        path=target,
    )
    return True
