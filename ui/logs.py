"""The application log file: errors for the support engineer, never personal information.

Every record passes a filter that blanks mobile numbers and identity numbers,
whatever code logged them; SQL parameters are hidden at the engine.
"""

from __future__ import annotations

import logging
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path

from models.settings import data_dir

_PERSONAL = re.compile(
    r"(?<!\d)(1[3-9]\d{9}|\d{17}[\dXx]|\d{15})(?!\d)"  # mobiles, 18/15-digit identity numbers
)


class RedactPersonal(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = _PERSONAL.sub("[redacted]", message)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = _PERSONAL.sub("[redacted]", record.exc_text)
        record.msg, record.args = redacted, ()
        return True


def log_path() -> Path:
    return data_dir() / "logs" / "console.log"


def _dressed(handler: logging.Handler) -> logging.Handler:
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactPersonal())
    return handler


def console_log_file() -> str | None:
    """The log file ``setup_logging`` opened in this process (None: logging to stderr only),
    for the console's child processes to log into."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, RotatingFileHandler):
            return handler.baseFilename
    return None


def child_logging(path: str) -> None:
    """A child process of the console (ui.common.child) logs into the console's file,
    appended and redacted the same way; the console alone rotates it."""
    root = logging.getLogger()
    root.addHandler(_dressed(logging.FileHandler(path, encoding="utf-8")))
    root.setLevel(logging.INFO)


def setup_logging() -> Path:
    path = log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = _dressed(
        RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    )
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, RotatingFileHandler)]:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path
