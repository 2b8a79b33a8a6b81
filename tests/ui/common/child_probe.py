"""A child process for the tests of ``ui.common.child``: answers each request twice, or
fails as asked (``python -m tests.ui.common.child_probe``)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

from models.database import Database
from models.users import Actor
from ui.common.child import Answer, serve


def answer(request: dict[str, Any], db: Database, actor: Actor) -> Iterator[Answer]:
    if request.get("fail"):
        raise ValueError(f"no answer for {request['fail']}")
    yield {"text": request.get("text"), "actor": actor.name, "url": db.url}
    yield {"second": True}


if __name__ == "__main__":
    sys.exit(serve(answer, "ecc-test-child"))
