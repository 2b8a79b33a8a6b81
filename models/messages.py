"""Messages for the user: the one way to fill a translated text's %1, %2 ... and a typed
marker for texts translated later.

Texts are translated where they are made (``QCoreApplication.translate`` or a widget's
``tr``) so that lupdate finds them; ``fill`` then puts the values in, in one pass, so a
value that itself holds "%2" stays as it is.
"""

from __future__ import annotations

import re

_PLACE = re.compile(r"%(\d{1,2})")


def fill(template: str, *values: object) -> str:
    """``template`` with %1, %2 ... replaced by ``values``; a number with no value stays."""
    return _PLACE.sub(
        lambda m: (
            str(values[int(m.group(1)) - 1]) if 0 < int(m.group(1)) <= len(values) else m.group(0)
        ),
        template,
    )


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Mark ``text`` for translation in ``context`` and return it untranslated; the caller
    translates it when it is shown (Qt's own marker is typed as returning object)."""
    return text
