"""Domain events: what happened in the domain, heard by the modules that must react to it.

A lower module announces what happened (``emit(EventStarted(...), session=session)``)
instead of importing the higher module that reacts: transfers opens an event's records
when it hears that an event started, without events.py knowing transfers exists.
Handlers run at once, in the announcing unit of work (same session, same transaction),
so a refusal in a handler leaves nothing written. The modules that hold handlers are
named in ``SUBSCRIBERS`` and imported on the first announcement, so no handler is missed
because nothing had imported its module yet.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy.orm import Session

# Modules holding @subscribe handlers; a new module that reacts adds itself here.
SUBSCRIBERS: tuple[str, ...] = ("models.transfers", "models.command.dutylog", "models.plans")


@dataclass(frozen=True, slots=True)
class EventStarted:
    """An event (typhoon, rainstorm...) started. ``open_records`` False: the caller
    prepares the modules' per-event records itself later (the demo scenario does)."""

    event_id: int
    open_records: bool = True


@dataclass(frozen=True, slots=True)
class EventEnded:
    event_id: int


@dataclass(frozen=True, slots=True)
class ResponseLevelChanged:
    """The response level of an event changed (None: no response in force). A change
    through ``models.command.levels`` carries when, who signed it, why and the document
    number; the transfers page's quick change leaves them empty."""

    event_id: int
    old: str | None
    new: str | None
    at: datetime | None = None
    signer: str | None = None
    reason: str | None = None
    doc_number: str | None = None


@dataclass(frozen=True, slots=True)
class RegisterRowsChanged:
    """Rows of a register table changed in the columns named (inserted rows: every column)."""

    table: str
    ids: tuple[int, ...]
    columns: frozenset[str]


@dataclass(frozen=True, slots=True)
class ReportSigned:
    """A report upward was signed by the leader and numbered (``models.command.reports``)."""

    report_id: int
    event_id: int
    name: str  # 首报, 续报一, 日报一, 终报
    doc_number: str
    signer: str
    at: datetime


@dataclass(frozen=True, slots=True)
class ReportSent:
    """A signed report upward was sent, at ``at``, to the units named."""

    report_id: int
    event_id: int
    name: str
    doc_number: str
    recipients: tuple[str, ...]
    at: datetime


@dataclass(frozen=True, slots=True)
class PlanActivated:
    """A contingency plan was activated for an event at a response stage (its checklist
    made: the stage's actions and every lower stage's)."""

    event_id: int
    plan_id: int
    activation_id: int
    stage: str


@dataclass(frozen=True, slots=True)
class StockChanged:
    """Movements changed the stock of these items at these warehouses."""

    warehouse_ids: tuple[int, ...]
    item_ids: tuple[int, ...]


E = TypeVar("E")
Handler = Callable[..., Any]
_handlers: dict[type, list[Handler]] = {}
_loaded = False


def subscribe(kind: type[E]) -> Callable[[Handler], Handler]:
    """Decorate ``handler(event, *, session)`` to run whenever an event of ``kind`` is emitted."""

    def register(handler: Handler) -> Handler:
        handlers = _handlers.setdefault(kind, [])
        if handler not in handlers:
            handlers.append(handler)
        return handler

    return register


def emit(event: object, *, session: Session) -> None:
    """Tell every handler of the event's kind, in the order they subscribed."""
    global _loaded
    if not _loaded:
        for name in SUBSCRIBERS:
            importlib.import_module(name)
        _loaded = True
    for handler in list(_handlers.get(type(event), ())):
        handler(event, session=session)
