"""Masking of personal information (mobiles, landlines, identity card numbers).

Roles without ``Permission.SEE_PERSONAL`` get masked values from the listing
functions, so the full number never reaches their screen, search keys or
clipboard. Masks keep a fixed number of stars so they do not reveal length.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from models.audit import record_event
from models.users import Permission, actor_of, require

STARS = "****"
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^(0\d{2,3})[- ]?(\d{7,8})((?:-|转|ext\.?)\d{1,6})?$")


def mask_phone(phone: str | None) -> str | None:
    """139****5678 for a mobile, 0576-****3456 for a landline (area code kept).

    Anything else of seven characters or more keeps its first three and last
    four; shorter values are masked entirely.
    """
    if phone is None:
        return None
    text = phone.strip()
    if not text:
        return text
    compact = re.sub(r"[\s-]", "", text)
    if _MOBILE.match(compact):
        return compact[:3] + STARS + compact[-4:]
    landline = _LANDLINE.match(text)
    if landline:
        return landline.group(1) + "-" + STARS + landline.group(2)[-4:]
    if len(text) >= 7:
        return text[:3] + STARS + text[-4:]
    return STARS


def mask_id_number(number: str | None) -> str | None:
    """Mask the date of birth of an identity card number.

    18 characters: keep the 6-digit region code and the last 4 (sequence and
    checksum), 331081********123X. The region is usually the county itself and
    the last four let a cadre tell two residents apart; the birth date is what
    identifies a person. 15 characters (the old format): region and the last 3.
    Other values keep only their first and last character.
    """
    if number is None:
        return None
    text = number.strip().upper()
    if len(text) == 18:
        return text[:6] + "*" * 8 + text[-4:]
    if len(text) == 15:
        return text[:6] + "*" * 6 + text[-3:]
    if len(text) > 2:
        return text[0] + STARS + text[-1]
    return STARS if text else text


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
