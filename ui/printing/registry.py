"""Every document the console writes, declared once: the PDFs (``print KEY``) and the
Excel workbooks (``export KEY``), with their options, permission and the function that
makes them. The command line builds its ``print`` and ``export`` sub-parsers from this
list; the pages take their buttons' titles, options and file names from it and make the
document through ``make``.

No Qt widgets, and nothing heavy at import: a document's module (reportlab, openpyxl,
numpy) is imported when the document is made, in a worker or a command, never while
the console starts. Adding a document is one function (``*, session, path, **options``
returning a result with ``path``, and ``pages`` for a PDF) and one ``add(Document(...))``
below, or in the module's own registry file imported at the end.
"""

from __future__ import annotations

import enum
import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from models.fields import record_number, year_number
from models.messages import QT_TRANSLATE_NOOP, fill
from models.users import Permission

CONTEXT = "Documents"


class Format(enum.Enum):
    """What a document is written as; ``print`` makes PDFs, ``export`` workbooks."""

    PDF = "pdf"
    EXCEL = "xlsx"

    @property
    def command(self) -> str:
        return "print" if self is Format.PDF else "export"


@dataclass(frozen=True)
class Option:
    """One option of a document: ``--name`` on the command line, a field in a page's dialog.

    ``kind`` tells a page which chooser to show: village, event, shelter, typhoon, paper
    (from ``choices``), flag (a check box), year, text.
    """

    name: str
    help: str  # English source text in CONTEXT
    kind: str = "text"
    metavar: str | None = None
    type: Callable[[str], Any] = str
    choices: tuple[str, ...] = ()
    default: Any = None
    required: bool = False
    permission: Permission | None = None  # a role without it is refused the option

    @property
    def help_text(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.help)

    def required_as(self, required: bool) -> Option:
        return Option(**{**self.__dict__, "required": required})


@dataclass(frozen=True)
class Document:
    """A document: its key (the ``print`` / ``export`` subcommand), title, format, options,
    suggested file name and the function making it, as ``module:function`` (which checks
    its permissions itself)."""

    key: str
    title: str  # English source text in CONTEXT
    format: Format
    maker: str
    options: tuple[Option, ...] = ()
    # The name offered in the save dialog, without suffix: {village}, {shelter}, {title},
    # {stamp} filled by the page.
    file_name: str = "{title}"
    # A usage problem the options alone show (None when they are fine), for the command line.
    check: Callable[[Mapping[str, Any]], str | None] | None = field(default=None, compare=False)

    @property
    def title_text(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.title)

    @property
    def suffix(self) -> str:
        return "." + self.format.value

    def suggested_name(self, **names: str) -> str:
        text = self.file_name.format_map({"title": self.title_text, "stamp": "", **names})
        return text.strip() + self.suffix

    def make(self, *, session: Session, path: str | Path, **options: Any) -> Any:
        """Write the document to ``path`` in the caller's session (which commits)."""
        module, function = self.maker.split(":")
        return getattr(importlib.import_module(module), function)(
            session=session, path=Path(path), **options
        )


_DOCUMENTS: dict[tuple[Format, str], Document] = {}


def add(document: Document) -> Document:
    """Declare a document; its key is unique within its format."""
    slot = (document.format, document.key)
    if slot in _DOCUMENTS:
        raise ValueError(f"document {document.key} ({document.format.value}) declared twice")
    _DOCUMENTS[slot] = document
    return document


def documents(format: Format | None = None) -> list[Document]:
    """The documents in the order declared, of one format or all."""
    return [d for d in _DOCUMENTS.values() if format is None or d.format is format]


def document(key: str, format: Format) -> Document:
    return _DOCUMENTS[(format, key)]


# -- the options documents share ----------------------------------------------------------

VILLAGE = Option(
    "village",
    QT_TRANSLATE_NOOP("Documents", "the village's or community's 12-digit code"),
    kind="village",
    metavar="CODE",
    required=True,
)
EVENT = Option(
    "event",
    QT_TRANSLATE_NOOP("Documents", "the event's id"),
    kind="event",
    metavar="ID",
    type=record_number,
    required=True,
)
SHELTER = Option(
    "shelter",
    QT_TRANSLATE_NOOP("Documents", "the shelter's id"),
    kind="shelter",
    metavar="ID",
    type=record_number,
    required=True,
)
PAPER = Option(
    "paper",
    QT_TRANSLATE_NOOP("Documents", "A4 or A3 landscape (default A4)"),
    kind="paper",
    type=str.upper,
    choices=("A4", "A3"),  # ui.printing.layout.MAP_PAPERS (a test keeps them the same)
    default="A4",
)
YEAR = Option(
    "year",
    QT_TRANSLATE_NOOP("Documents", "the register year (default: the year in force)"),
    kind="year",
    metavar="YYYY",
    type=year_number,
)
TEMPLATE = Option(
    "template",
    QT_TRANSLATE_NOOP("Documents", "an empty village transfer list to fill"),
    kind="flag",
    default=False,
)
UNMASKED = Option(
    "unmasked",
    QT_TRANSLATE_NOOP(
        "Documents", "full mobile numbers (if your role allows; recorded in the audit)"
    ),
    kind="flag",
    default=False,
    permission=Permission.UNMASK_EXPORTS,
)
TYPHOON = Option(
    "typhoon",
    QT_TRANSLATE_NOOP("Documents", "the typhoon's number (such as 2606) or its id"),
    kind="typhoon",
    metavar="ID",
    required=True,
)


def _time(text: str) -> Any:
    """A time as typed (--at), checked when the command line is read."""
    import argparse

    from models.typhoons import parse_time

    try:
        return parse_time(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


AT = Option(
    "at",
    QT_TRANSLATE_NOOP(
        "Documents",
        "ISO 8601 time (Beijing time without an offset); default: the latest observed point",
    ),
    kind="time",
    metavar="TIME",
    type=_time,
)


def _households_usage(options: Mapping[str, Any]) -> str | None:
    if options.get("template"):
        if options.get("village") or options.get("unmasked") or options.get("year") is not None:
            return QCoreApplication.translate(
                "Documents", "--template writes an empty list: give no village, year or --unmasked."
            )
        return None
    if not options.get("village"):
        return QCoreApplication.translate(
            "Documents", "Give --village CODE, or --template for an empty list."
        )
    return None


# -- the documents -------------------------------------------------------------------------

add(
    Document(
        "transfer-list",
        QT_TRANSLATE_NOOP("Documents", "Village transfer list"),
        Format.PDF,
        "ui.printing.registry:_transfer_list",
        (VILLAGE,),
        file_name="{village}危险区人员转移清单",
    )
)
add(
    Document(
        "transfer-cards",
        QT_TRANSLATE_NOOP("Documents", "Transfer cards"),
        Format.PDF,
        "ui.printing.registry:_transfer_cards",
        (VILLAGE,),
        file_name="{village}转移卡",
    )
)
add(
    Document(
        "transfer-rollup",
        QT_TRANSLATE_NOOP("Documents", "Town roll-up of the transfer"),
        Format.PDF,
        "ui.printing.registry:_rollup_pdf",
        (EVENT,),
        file_name="{title} {stamp}",
    )
)
add(
    Document(
        "shelter-arrivals",
        QT_TRANSLATE_NOOP("Documents", "Shelter arrivals list"),
        Format.PDF,
        "ui.printing.registry:_shelter_arrivals",
        (EVENT, SHELTER),
        file_name="{shelter}",
    )
)
add(
    Document(
        "situation-map",
        QT_TRANSLATE_NOOP("Documents", "Village flood situation map"),
        Format.PDF,
        "ui.printing.registry:_situation_map",
        (VILLAGE, PAPER),
        file_name="{village}村级防汛形势图",
    )
)
add(
    Document(
        "households",
        QT_TRANSLATE_NOOP("Documents", "Village transfer list"),
        Format.EXCEL,
        "ui.printing.registry:_households",
        (VILLAGE.required_as(False), YEAR, TEMPLATE, UNMASKED),
        file_name="{village}危险区人员转移清单",
        check=_households_usage,
    )
)
add(
    Document(
        "transfer-rollup",
        QT_TRANSLATE_NOOP("Documents", "Town roll-up of the transfer"),
        Format.EXCEL,
        "ui.printing.registry:_rollup_xlsx",
        (EVENT,),
        file_name="{title} {stamp}",
    )
)
add(
    Document(
        "typhoon-reach",
        QT_TRANSLATE_NOOP("Documents", "What a typhoon's wind circles reach"),
        Format.EXCEL,
        "ui.printing.registry:_typhoon_reach",
        (TYPHOON, AT),
        file_name="{typhoon}-reach-{stamp}",
    )
)

HANDOVER = Option(
    "handover",
    QT_TRANSLATE_NOOP("Documents", "the handover's id (default: the latest)"),
    metavar="ID",
    type=record_number,
)
add(
    Document(
        "handover",
        QT_TRANSLATE_NOOP("Documents", "Shift handover record"),
        Format.PDF,
        "ui.printing.dutylog:print_handover",
        (HANDOVER,),
        file_name="{title} {stamp}",
    )
)
add(
    Document(
        "dutylog",
        QT_TRANSLATE_NOOP("Documents", "Duty log"),
        Format.EXCEL,
        "models.exports.dutylog:export_dutylog",
        (EVENT.required_as(False), UNMASKED),
        file_name="{title} {stamp}",
    )
)

# -- how each is made: the options' names to the writers' arguments ------------------------


def _transfer_list(*, session: Session, path: Path, village: str) -> Any:
    from ui.printing.transfers import print_transfer_list

    return print_transfer_list(session=session, village_code=village, path=path)


def _transfer_cards(*, session: Session, path: Path, village: str) -> Any:
    from ui.printing.transfers import print_transfer_cards

    return print_transfer_cards(session=session, village_code=village, path=path)


def _rollup_pdf(*, session: Session, path: Path, event: int) -> Any:
    from ui.printing.transfers import print_transfer_rollup

    return print_transfer_rollup(session=session, event_id=event, path=path)


def _rollup_xlsx(*, session: Session, path: Path, event: int) -> Any:
    from models.exports.rollup import export_transfer_rollup

    return export_transfer_rollup(session=session, event_id=event, path=path)


def _shelter_arrivals(*, session: Session, path: Path, event: int, shelter: int) -> Any:
    from ui.printing.transfers import print_shelter_arrivals

    return print_shelter_arrivals(session=session, event_id=event, shelter_id=shelter, path=path)


def _situation_map(*, session: Session, path: Path, village: str, paper: str = "A4") -> Any:
    from ui.printing.situation_map import print_situation_map

    return print_situation_map(session=session, village_code=village, path=path, paper=paper)


def _households(
    *,
    session: Session,
    path: Path,
    village: str | None = None,
    year: int | None = None,
    template: bool = False,
    unmasked: bool = False,
) -> Any:
    from models.exports.households import export_households, export_template

    if template:
        return export_template(path=path)
    return export_households(
        session=session, path=path, village_code=village, year=year, unmasked=unmasked
    )


def _typhoon_reach(
    *, session: Session, path: Path, typhoon: str, at: Any = None, table: Any = None
) -> Any:
    """``at``: a time (aware datetime, or text as typed). The table is computed here,
    unless a page hands over the ``table`` it shows (not a command-line option)."""
    from maps.reach import compute_reach, export_reach_xlsx
    from models.clock import display_zone
    from models.refusals import NotFound
    from models.typhoons import parse_time, typhoon_id_for

    if table is not None:
        return export_reach_xlsx(table, path, tz=display_zone())
    when = parse_time(at) if isinstance(at, str) else at
    typhoon_id = typhoon_id_for(session=session, key=str(typhoon))
    if typhoon_id is None:
        raise NotFound(
            fill(
                QCoreApplication.translate("Documents", "No typhoon with the number or id %1."),
                str(typhoon),
            )
        )
    table = compute_reach(session=session, typhoon_id=typhoon_id, at=when)
    return export_reach_xlsx(table, path, tz=display_zone())


def _report_which(text: str) -> Any:
    from ui.printing.reports import parse_which

    return parse_which(text)


def _event_report(*, session: Session, path: Path, event: int, report: Any = None) -> Any:
    from ui.printing.reports import print_event_report

    return print_event_report(session=session, event_id=event, which=report, path=path)


add(
    Document(
        "event-report",
        QT_TRANSLATE_NOOP("Documents", "Report upward of an event"),
        Format.PDF,
        "ui.printing.registry:_event_report",
        (
            EVENT,
            Option(
                "report",
                QT_TRANSLATE_NOOP(
                    "Documents",
                    "0 the initial report, N the Nth follow-up, daily the latest daily "
                    "report (dailyN the Nth), final the final report (default: the latest)",
                ),
                kind="text",
                metavar="N|daily[N]|final",
                type=_report_which,
            ),
        ),
        file_name="{title} {stamp}",
    )
)


# -- rescue teams ---------------------------------------------------------------------------

TEAM = Option(
    "team",
    QT_TRANSLATE_NOOP("Documents", "the team's name (default: every team)"),
    metavar="NAME",
)
add(
    Document(
        "team-roster",
        QT_TRANSLATE_NOOP("Documents", "Rescue team roster"),
        Format.EXCEL,
        "models.exports.teams:export_roster",
        (TEAM, UNMASKED),
        file_name="{title}",
    )
)
add(
    Document(
        "team-readiness",
        QT_TRANSLATE_NOOP("Documents", "Rescue forces readiness report"),
        Format.EXCEL,
        "models.exports.teams:export_readiness",
        (),
        file_name="{title} {stamp}",
    )
)


# -- contingency plans ---------------------------------------------------------------------

add(
    Document(
        "plan-register",
        QT_TRANSLATE_NOOP("Documents", "Contingency plan register and revision timetable"),
        Format.PDF,
        "ui.printing.plans:print_plan_register",
        file_name="应急预案目录及修订时间表",
    )
)
add(
    Document(
        "plan-deadlines",
        QT_TRANSLATE_NOOP("Documents", "Contingency plan deadlines"),
        Format.PDF,
        "ui.printing.plans:print_plan_deadlines",
        file_name="应急预案期限提醒",
    )
)
add(
    Document(
        "plan-checklist",
        QT_TRANSLATE_NOOP("Documents", "Checklist of an activated plan"),
        Format.PDF,
        "ui.printing.plans:print_plan_checklist",
        (
            EVENT,
            Option(
                "plan",
                QT_TRANSLATE_NOOP("Documents", "the plan's code (default: the latest activated)"),
                metavar="CODE",
            ),
        ),
        file_name="{title} {stamp}",
    )
)
add(
    Document(
        "plan-register",
        QT_TRANSLATE_NOOP("Documents", "Contingency plan register and revision timetable"),
        Format.EXCEL,
        "models.exports.plans:export_plan_register",
        file_name="应急预案目录及修订时间表",
    )
)
add(
    Document(
        "plan-deadlines",
        QT_TRANSLATE_NOOP("Documents", "Contingency plan deadlines"),
        Format.EXCEL,
        "models.exports.plans:export_plan_deadlines",
        (
            Option(
                "everything",
                QT_TRANSLATE_NOOP("Documents", "every deadline, not only overdue and due soon"),
                kind="flag",
                type=bool,
                default=False,
            ),
        ),
        file_name="应急预案期限",
    )
)


def _supply_slip(*, session: Session, path: Path, movement: int) -> Any:
    from ui.printing.supplies import print_slip

    return print_slip(session=session, movement_id=movement, path=path)


MOVEMENT = Option(
    "movement",
    QT_TRANSLATE_NOOP("Documents", "the movement's id (its slip)"),
    kind="text",
    metavar="ID",
    type=record_number,
    required=True,
)
add(
    Document(
        "supply-slip",
        QT_TRANSLATE_NOOP("Documents", "Supplies slip (receipt, issue, transfer)"),
        Format.PDF,
        "ui.printing.registry:_supply_slip",
        (MOVEMENT,),
        file_name="{title} {stamp}",
    )
)
add(
    Document(
        "team-roster",
        QT_TRANSLATE_NOOP("Documents", "Rescue team roster"),
        Format.PDF,
        "ui.printing.teams:print_team_roster",
        (TEAM.required_as(True),),
        file_name="{title}",
    )
)
add(
    Document(
        "team-readiness",
        QT_TRANSLATE_NOOP("Documents", "Rescue forces readiness report"),
        Format.PDF,
        "ui.printing.teams:print_readiness",
        (),
        file_name="{title} {stamp}",
    )
)
add(
    Document(
        "experts",
        QT_TRANSLATE_NOOP("Documents", "Expert list"),
        Format.PDF,
        "ui.printing.teams:print_experts",
        (),
        file_name="{title}",
    )
)


# -- the map's drawn areas ------------------------------------------------------------------

add(
    Document(
        "area",
        QT_TRANSLATE_NOOP("Documents", "What a drawn area holds"),
        Format.PDF,
        "ui.printing.area:print_area",
        (
            Option(
                "name",
                QT_TRANSLATE_NOOP("Documents", "the name the area was saved under on the map"),
                metavar="NAME",
                required=True,
            ),
        ),
        file_name="{title} {area}",
    )
)


# -- stock counts ---------------------------------------------------------------------------

WAREHOUSE = Option(
    "warehouse",
    QT_TRANSLATE_NOOP("Documents", "the warehouse's name or code"),
    kind="text",
    metavar="NAME",
    required=True,
)
add(
    Document(
        "count-sheet",
        QT_TRANSLATE_NOOP("Documents", "Stock count sheet of a warehouse"),
        Format.PDF,
        "ui.printing.supply_counts:print_count_sheet",
        (WAREHOUSE,),
        file_name="{title} {stamp}",
    )
)
add(
    Document(
        "supplies-stock",
        QT_TRANSLATE_NOOP("Documents", "Supplies stock by warehouse and by item"),
        Format.EXCEL,
        "models.exports.supplies:export_stock",
        file_name="应急物资库存 {stamp}",
    )
)


# -- supplies reports -----------------------------------------------------------------------

TOWN = Option(
    "town",
    QT_TRANSLATE_NOOP("Documents", "only this town (its name or code)"),
    kind="text",
    metavar="TOWN",
)
add(
    Document(
        "supplies-stock-report",
        QT_TRANSLATE_NOOP("Documents", "Supplies stock report by area or by warehouse"),
        Format.PDF,
        "ui.printing.supply_reports:print_stock_report",
        (
            Option(
                "by",
                QT_TRANSLATE_NOOP("Documents", "a line per area and item, or per warehouse"),
                kind="paper",
                metavar="area|warehouse",
                choices=("area", "warehouse"),
                default="area",
            ),
            TOWN,
        ),
        file_name="{title} {stamp}",
    )
)
add(
    Document(
        "kit-compliance",
        QT_TRANSLATE_NOOP("Documents", "Village standard kit compliance"),
        Format.PDF,
        "ui.printing.supply_reports:print_kit_compliance",
        (TOWN,),
        file_name="{title} {stamp}",
    )
)
