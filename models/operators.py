"""Who recorded something and where, as the duty room reads it on lists and reports.

A check-in stores the acting user's name and the workstation; a report upward names
who filled it in. The local operator (SQLite, no login) is stored as ``os:ACCOUNT``:
shown as the account's full name (or its name) marked as this computer's account,
never as ``os:root``. The workstation is the name configured in the workstation
settings (``县防指值班室``, ``城关镇安置点``), the computer's network name until one is set.
"""

from __future__ import annotations

import platform

from PySide6.QtCore import QCoreApplication

from models.messages import fill

LOCAL_PREFIX = "os:"


def operator_name(actor: str | None) -> str:
    """A stored actor as printed: a user's name as it is, ``os:wang`` as 王伟 or wang
    (this computer's account)."""
    if not actor:
        return ""
    if not actor.startswith(LOCAL_PREFIX):
        return actor
    account = actor[len(LOCAL_PREFIX) :]
    return fill(
        QCoreApplication.translate("Operators", "%1 (this computer's account)"),
        _full_name(account) or account,
    )


def _full_name(account: str) -> str:
    """The full name the operating system keeps for an account (its GECOS field)."""
    try:
        import pwd
    except ImportError:  # Windows
        return ""
    try:
        gecos = pwd.getpwnam(account).pw_gecos
    except KeyError:
        return ""
    name = gecos.split(",", 1)[0].strip()
    return "" if name.lower() == account.lower() else name


def computer_name() -> str:
    """This computer's network name (80 characters at most, the columns' width): what
    failed logins are counted under, and a workstation's name when none is configured."""
    return platform.node()[:80] or "?"


def workstation_name() -> str:
    """This workstation as check-ins record it: the configured name, else the
    computer's network name (80 characters at most, the column's width)."""
    from models.settings import Settings

    try:
        configured = Settings.load().workstation_name.strip()
    except (OSError, ValueError, TypeError, AttributeError):  # a hand-broken settings file
        configured = ""
    return configured[:80] or computer_name()
