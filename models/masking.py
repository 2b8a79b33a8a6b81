"""How personal numbers are masked: mobiles, landlines, identity card numbers.

Below every module that shows or records them (``models.privacy`` for screens and
documents, ``models.audit`` for the audit log), importing nothing of the project.
"""

from __future__ import annotations

import re

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
