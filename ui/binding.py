"""A guard against a defect of the Qt binding; no Qt import here, it runs before PySide6.

PySide6 6.12.0 on Python 3.11 returns None, True and False from its C++ calls without
taking a reference (its wheels count on Python 3.12, where these objects are immortal).
Every void call such as ``setText`` takes one reference from None: the console left
open on the transfers page took 120-200 a second and died within five minutes with
"Fatal Python error: none_dealloc: deallocating None". On Python 3.11 the console
gives the three objects a count no session can use up, as Python 3.12 does.
"""

from __future__ import annotations

import ctypes
import sys

HEADROOM = 1 << 40  # at 200 a second, 170 years


def keep_singletons_alive() -> None:
    """Before any Qt call: make None, True and False as good as immortal (idempotent)."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return  # immortal already
    for singleton in (None, True, False):
        if sys.getrefcount(singleton) < HEADROOM // 2:
            # CPython: an object's reference count is the first field at its address.
            ctypes.c_ssize_t.from_address(id(singleton)).value += HEADROOM
