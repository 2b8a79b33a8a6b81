"""Masking of personal information (mobiles, landlines, identity card numbers).

Roles without ``Permission.SEE_PERSONAL`` get masked values from the listing
functions, so the full number never reaches their screen, search keys or
clipboard. Masks keep a fixed number of stars so they do not reveal length.

Anything that leaves the screen (a workbook, a printout, the map page exported) carries
full numbers only for roles with ``Permission.UNMASK_EXPORTS``, and then one audit record
(``audit_unmasked``): a workbook when asked for (``unmasking``), a printout or the map
export by role (``output_masking``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from models.audit import record_event
from models.masking import STARS, mask_id_number, mask_phone
from models.users import Permission, actor_of, require

__all__ = [
    "STARS",
    "audit_unmasked",
    "can_see_personal",
    "mask_id_number",
    "mask_phone",
    "output_masking",
    "phone_masker",
    "unmasking",
]


def _identity(value: str | None) -> str | None:
    return value


_OUTPUT_MASKED = "privacy.output_masked"  # session.info: the session makes a masked document


def can_see_personal(session: Session) -> bool:
    """Whether the session shows personal numbers in full: its actor may see them, and it
    is not making a document that must mask them (``output_masking``)."""
    actor = actor_of(session)
    return (
        actor is not None
        and actor.can(Permission.SEE_PERSONAL)
        and not session.info.get(_OUTPUT_MASKED)
    )


def phone_masker(session: Session) -> Callable[[str | None], str | None]:
    """How phone numbers are shown to the session's actor: as stored, or masked."""
    return _identity if can_see_personal(session) else mask_phone


def unmasking(session: Session, *, unmasked: bool) -> bool:
    """Whether an export masks personal numbers: unmasking is asked for per export and
    needs UNMASK_EXPORTS (else PermissionDenied, before anything is written)."""
    if unmasked:
        require(session, Permission.UNMASK_EXPORTS)
    return not unmasked


def output_masking(session: Session) -> bool:
    """Whether a printout or the exported map masks personal numbers: in full only for roles
    with UNMASK_EXPORTS (the caller then records ``audit_unmasked``). A masked document's
    session reads every number masked from then on, whatever else the role may see: one
    session per document."""
    actor = actor_of(session)
    masked = actor is None or not actor.can(Permission.UNMASK_EXPORTS)
    if masked:
        session.info[_OUTPUT_MASKED] = True
    return masked


def audit_unmasked(
    session: Session,
    *,
    document: str,
    path: str | Path,
    subject: Mapping[str, Any],
    rows: int | Mapping[str, int],
    table: str = "households",
) -> bool:
    """The one audit record of a document that carries personal numbers in full: who (the
    session's actor), what (``document``, the file, ``subject`` such as the village) and
    how many rows; nothing when no number was written. Returns whether it recorded.

    ``rows`` per table when numbers of several tables were printed: the record then names
    the first of them and lists them all. Printouts (PDF) are recorded as
    ``{"print": document, "file": file}``, workbooks as ``{"export": file}``, other files
    (the map page) as ``{"export": file, "document": document}``.
    """
    per_table = {table: rows} if isinstance(rows, int) else {k: n for k, n in rows.items() if n}
    total = sum(per_table.values())
    if not total:
        return False
    name = Path(path).name
    suffix = Path(path).suffix.lower()
    head: dict[str, Any] = (
        {"print": document, "file": name}
        if suffix == ".pdf"
        else {"export": name}
        if suffix == ".xlsx"
        else {"export": name, "document": document}
    )
    detail = {**head, **subject, "rows": total}
    if len(per_table) > 1:
        detail["tables"] = per_table
    record_event(session, action="unmask", table_name=next(iter(per_table)), detail=detail)
    session.flush()
    return True
