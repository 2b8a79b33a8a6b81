"""What a transfer change that cannot be made raises; the message is for the user."""

from __future__ import annotations

from datetime import datetime

from models.refusals import Conflict, Refused
from models.transfers.rows import TransferRow


class TransferRefused(Refused):
    """A transfer change that cannot be made as asked; the message is for the user."""


class TransferConflict(TransferRefused, Conflict):
    """Someone else changed the record since the user loaded it; nothing was written."""

    def __init__(
        self, message: str, *, changed_by: str, changed_at: datetime, current: TransferRow | None
    ) -> None:
        super().__init__(message)
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.current = current
