"""A report upward (首报, 续报, 日报, 终报) printed in the official layout of
``ui.printing.official``: the issuer's mark, the document number from the numbering
register on the left and the signing leader (签发人) on the right, the title, the units
it was sent to, the officer's text, and the issuer's name over the date of signing. A
draft prints without number and signer."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from models.clock import display_zone
from models.command import ReportRow, find_report, issuer
from models.messages import fill
from models.refusals import InvalidValue
from ui.printing.official import OfficialDocument, Paragraph, build_official_pdf


@dataclass(frozen=True)
class ReportPrinted:
    path: Path
    pages: int
    report: ReportRow


_DAILY = re.compile(r"^daily[\s:-]?(\d{1,6})?$")


def parse_which(text: str) -> int | str:
    """``--report``: 0 the initial report, N the Nth follow-up, ``daily`` the latest daily
    report and ``dailyN`` (``daily-N``) the Nth, ``final`` the final one."""
    word = text.strip().lower()
    if word == "final":
        return "final"
    if word.isdigit() and len(word) <= 6:
        return int(word)
    if daily := _DAILY.match(word):
        nth = daily.group(1)
        if nth is None:
            return "daily"
        if int(nth) > 0:
            return f"daily{int(nth)}"
    raise InvalidValue(
        fill(
            QCoreApplication.translate(
                "Documents",
                "Name the report as 0 (initial), N (the Nth follow-up), daily or dailyN "
                "(the latest or the Nth daily report) or final: %1",
            ),
            text,
        )
    )


def report_document(report: ReportRow, issuer_name: str) -> OfficialDocument:
    when = report.signed_at or report.drafted_at
    paragraphs = [Paragraph(line.strip()) for line in report.text.splitlines() if line.strip()]
    return OfficialDocument(
        issuer=issuer_name,
        title=report.title,
        body=paragraphs,
        number=report.doc_number or "",
        recipients="、".join(report.recipients),
        signature=issuer_name,
        date=when.astimezone(display_zone()).date(),
        signer=report.signer or "",
        author=issuer_name,
    )


def print_event_report(
    *, session: Session, event_id: int, which: int | str | None, path: str | Path
) -> ReportPrinted:
    """The event's report named by ``which`` (None: the latest) as a PDF."""
    report = find_report(session=session, event_id=event_id, which=which)
    name = issuer(session=session).name
    target = Path(path)
    pages = build_official_pdf(report_document(report, name), target)
    return ReportPrinted(target, pages, report)
