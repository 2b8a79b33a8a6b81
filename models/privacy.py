"""Masking of personal information (mobiles, landlines, identity card numbers).

Roles without ``Permission.SEE_PERSONAL`` get masked values from the listing
functions, so the full number never reaches their screen, search keys or
clipboard. Masks keep a fixed number of stars so they do not reveal length.
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
    "phone_masker",
    "unmasking",
]


def _identity(value: str | None) -> str | None:
    return value


def can_see_personal(session: Session) -> bool:
    actor = actor_of(session)
    return actor is not None and actor.can(Permission.SEE_PERSONAL)


def phone_masker(session: Session) -> Callable[[str | None], str | None]:
    """How phone numbers are shown to the session's actor: as stored, or masked."""
    return _identity if can_see_personal(session) else mask_phone


def unmasking(session: Session, *, unmasked: bool) -> bool:
    """Whether an export masks personal numbers: unmasking is asked for per export and
    needs UNMASK_EXPORTS (else PermissionDenied, before anything is written)."""
    if unmasked:
        require(session, Permission.UNMASK_EXPORTS)
    return not unmasked


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
    the first of them and lists them all. Workbooks are recorded as ``{"export": file}``,
    printouts as ``{"print": document, "file": file}``.
    """
    per_table = {table: rows} if isinstance(rows, int) else {k: n for k, n in rows.items() if n}
    total = sum(per_table.values())
    if not total:
        return False
    name = Path(path).name
    head: dict[str, Any] = (
        {"export": name}
        if Path(path).suffix.lower() == ".xlsx"
        else {"print": document, "file": name}
    )
    detail = {**head, **subject, "rows": total}
    if len(per_table) > 1:
        detail["tables"] = per_table
    record_event(session, action="unmask", table_name=next(iter(per_table)), detail=detail)
    session.flush()
    return True
