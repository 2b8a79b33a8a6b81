"""A guard against a defect of the Qt binding, and the binding's import hook kept from
reading every module's source; no Qt import at this module's top, it runs before PySide6.

PySide6 6.12.0 on Python 3.11 returns None, True and False from its C++ calls without
taking a reference (its wheels count on Python 3.12, where these objects are immortal).
Every void call such as ``setText`` takes one reference from None: the console left
open on the transfers page took 120-200 a second and died within five minutes with
"Fatal Python error: none_dealloc: deallocating None". On Python 3.11 the console
gives the three objects a count no session can use up, as Python 3.12 does.

PySide6 also replaces ``__import__`` to serve its opt-in ``from __feature__ import
snake_case, true_property``, and after every import reads the new module's whole source
(``inspect.getsource``) to note whether it names PySide6: about 0.1 s of the 1 s a command
of the command line takes, spent on the few hundred modules it imports. The console selects
no feature, so every module is noted as one using PySide6 without its source being read:
the binding's default for such a module, "no feature".
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


def skip_feature_scan() -> None:
    """Imports PySide6 with its hook noting each new module without reading its source
    (idempotent; nothing is changed in a binding without that hook)."""
    import PySide6  # noqa: F401  (installs the hook)

    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        setattr(feature, "_mod_uses_pyside", _uses_pyside)  # noqa: B010  (a private name)


def _uses_pyside(_module: object) -> bool:
    return True
