"""One refusal base: everything a user is refused derives from models.refusals.Refused."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUILTIN_BASES = {"Exception", "ValueError", "LookupError", "RuntimeError", "KeyError", "TypeError"}
# Exceptions that are not a refusal of the user's request, and why.
NOT_REFUSALS = {
    "Refused": "the base itself",
    "ImportCancelled": "the user cancelled; the report says so",
    "AuditLogReadOnly": "a guard against code that edits the audit log: a bug",
    "CrsError": "a code the import turns into its own refusal message",
    "UsageError": "the command line's usage mistakes: exit 2, not a refusal",
    "CellProblem": "a stock sheet's cell the import turns into its own report line",
}
USER_TEXT = {"translate", "tr", "fill"}


def sources() -> list[Path]:
    return [
        path
        for package in ("models", "maps", "ui")
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.parts
    ]


def test_every_user_facing_exception_is_a_refusal() -> None:
    separate = []
    for path in sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef):
                continue
            bases = {base.id for base in node.bases if isinstance(base, ast.Name)}
            if bases & BUILTIN_BASES and node.name not in NOT_REFUSALS and "Refused" not in bases:
                separate.append(f"{path.relative_to(ROOT)}: {node.name}{sorted(bases)}")
    assert separate == []


def test_no_bare_builtin_exception_carries_a_message_for_the_user() -> None:
    bare = []
    for path in sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
                continue
            func = node.exc.func
            if not (isinstance(func, ast.Name) and func.id in BUILTIN_BASES):
                continue
            calls = {
                inner.func.attr if isinstance(inner.func, ast.Attribute) else inner.func.id
                for inner in ast.walk(node.exc)
                if isinstance(inner, ast.Call)
                and isinstance(inner.func, ast.Attribute | ast.Name)
                and inner is not node.exc
            }
            if calls & USER_TEXT:
                bare.append(f"{path.relative_to(ROOT)}:{node.lineno} raises {func.id}")
    assert bare == []
