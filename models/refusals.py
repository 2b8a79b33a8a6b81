"""What a user is refused, on one base.

Every domain function that turns a user's request down raises a ``Refused`` (or one of
its kinds below) whose text is already translated for that user. Pages show it in place,
the command line turns it into exit code 1 in one place; any other exception is a bug and
is never shown as a refusal.
"""

from __future__ import annotations


class Refused(Exception):
    """The request was understood and turned down; ``str(refusal)`` is the user's message."""

    @property
    def message(self) -> str:
        return str(self)


class PermissionDenied(Refused):
    """The acting user's role does not allow the action."""


class NotFound(Refused):
    """What the request names does not exist (any more)."""


class Conflict(Refused):
    """Someone else changed the record meanwhile, or the request clashes with what is stored."""


class ValidationError(Refused):
    """Refused input: ``problems`` holds (field, message) pairs, messages for the user.

    A field of "" is about the record as a whole (for example: it was deleted meanwhile).
    """

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(message for _field, message in self.problems))

    def messages_for(self, field: str) -> list[str]:
        return [message for name, message in self.problems if name == field]


class InvalidValue(Refused, ValueError):
    """One value that cannot be read as asked (a time, a pressure, a radius): the message
    says why. A ValueError too, as parsers conventionally raise, so a form or an import
    row can gather it as a field's problem."""
