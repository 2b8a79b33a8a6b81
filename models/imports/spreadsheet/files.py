"""A file's sheets and cells, whatever Excel or a CSV export made of it, or a plain reason why not.

An .xlsx/.xls/.ods file is read in a process of its own (``reader_process.py``): a native
reader that crashes on a hostile file ends that process, and the import reports that the
file could not be read. A CSV file is read here, a row at a time. Both stop at the current
import's limits (``models.imports.limits``): bytes before a byte is read, then rows and
columns before the sheet is built.
"""

from __future__ import annotations

import csv
import hashlib
import io
import pickle
import stat
import subprocess
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from models.imports.limits import (
    Limits,
    current_limits,
    not_a_file,
    too_many_bytes,
    too_many_columns,
    too_many_rows,
)
from models.imports.problems import ImportFileError, ImportProblem
from models.imports.spreadsheet.cells import CellValue, column_letter
from models.messages import fill

TEXT_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})
READER = Path(__file__).with_name("reader_process.py")
READER_MEMORY = 1024 * 1024 * 1024
"""The most memory the reader process may take: a list of 200,000 rows takes about a third."""
READER_SECONDS = 300


@dataclass
class Sheet:
    """The cells of one sheet: ``rows[i]`` is Excel row ``i + 1``, cells from column A.

    ``merged`` holds merged ranges as 0-based (first_row, first_col, last_row,
    last_col); None when the reader cannot tell (CSV, old python-calamine).
    """

    name: str
    rows: list[list[CellValue]]
    merged: list[tuple[int, int, int, int]] | None = None
    hidden: bool = False
    unreadable: dict[tuple[int, int], str] = field(default_factory=dict)
    """(0-based row, column) -> an error (``#N/A``) or ``=formula`` never computed, which
    ``rows`` hold as empty cells (.xlsx only)."""


@dataclass
class Workbook:
    file: str
    checksum: str
    sheets: list[Sheet]


def file_problem(
    file: str, reason: str, *, sheet: str | None = None, row: int | None = None
) -> ImportFileError:
    return ImportFileError(
        ImportProblem(file=file, sheet=sheet, row=row, column=None, value="", reason=reason)
    )


def file_checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_bytes(path: Path, limits: Limits | None = None) -> bytes:
    """The bytes of a file to import, or an ImportFileError saying plainly why not: also
    for a device or pipe (never read) and a file above the limit (not read)."""
    limits = limits or current_limits()
    file = path.name
    if not path.exists():
        raise file_problem(
            file,
            fill(QCoreApplication.translate("Import", "The file %1 does not exist."), str(path)),
        )
    if path.is_dir():
        raise file_problem(
            file,
            fill(QCoreApplication.translate("Import", "%1 is a folder, not a file."), str(path)),
        )
    try:
        with path.open("rb") as stream:
            status = path.stat()
            if not stat.S_ISREG(status.st_mode):
                raise not_a_file(file)
            if status.st_size > limits.max_bytes:
                raise too_many_bytes(file, status.st_size, limits)
            data = stream.read(limits.max_bytes + 1)
    except OSError as error:
        raise file_problem(
            file,
            fill(
                QCoreApplication.translate("Import", "The file cannot be read: %1"),
                error.strerror or str(error),
            ),
        ) from None
    if len(data) > limits.max_bytes:  # grown while being read
        raise too_many_bytes(file, len(data), limits)
    return data


_OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_ZIP_MAGIC = b"PK\x03\x04"
_ENCRYPTED_OOXML = "EncryptionInfo".encode("utf-16-le")


def read_workbook(path: str | Path, limits: Limits | None = None) -> Workbook:
    """Every sheet of a spreadsheet or CSV file, within ``limits`` (the current import's
    when not given). Raises ImportFileError."""
    path = Path(path)
    limits = limits or current_limits()
    data = read_bytes(path, limits)
    file = path.name
    checksum = file_checksum(data)
    try:
        sheets = _read_sheets(data, file, path, limits)
    except ImportFileError as error:
        error.checksum = checksum
        raise
    return Workbook(file=file, checksum=checksum, sheets=sheets)


def _read_sheets(data: bytes, file: str, path: Path, limits: Limits) -> list[Sheet]:
    if not data.strip():
        raise file_problem(file, QCoreApplication.translate("Import", "The file is empty."))
    suffix = path.suffix.lower()
    head = data[:2048]
    if head.startswith(_OLE_MAGIC):
        if _ENCRYPTED_OOXML in data:
            raise _password_problem(file)
        sheets = _read_apart(data, file, limits)
    elif head.startswith(_ZIP_MAGIC):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except (zipfile.BadZipFile, ValueError, OSError) as error:
            raise _damaged(file, error) from None
        if not names & {"xl/workbook.xml", "xl/workbook.bin", "content.xml"}:
            raise _not_spreadsheet(file)
        sheets = _read_apart(data, file, limits)
    elif head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        raise file_problem(
            file,
            QCoreApplication.translate(
                "Import",
                "This is a web page or XML file saved under a spreadsheet name. Open it in Excel or WPS and save it as .xlsx, then import that file.",
            ),
        )
    elif suffix in TEXT_SUFFIXES:
        sheets = [_read_csv(data, file, path.stem, limits)]
    else:
        raise _not_spreadsheet(file)
    return sheets


def _password_problem(file: str) -> ImportFileError:
    return file_problem(
        file,
        QCoreApplication.translate(
            "Import",
            "The file is protected by a password. Open it in Excel or WPS, remove the password, save it and import it again.",
        ),
    )


def _not_spreadsheet(file: str) -> ImportFileError:
    return file_problem(
        file,
        QCoreApplication.translate(
            "Import", "This is not a spreadsheet. Use an .xlsx, .xls or .csv file."
        ),
    )


def _read_apart(data: bytes, file: str, limits: Limits) -> list[Sheet]:
    """The sheets of an .xlsx/.xls/.ods file, read by ``reader_process.py`` in a process of
    its own; a process that dies or answers nothing is a file that could not be read."""
    try:
        done = subprocess.run(
            [
                sys.executable,
                "-I",
                str(READER),
                str(limits.max_rows),
                str(limits.max_columns),
                str(READER_MEMORY),
            ],
            input=data,
            capture_output=True,
            timeout=READER_SECONDS,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
    except subprocess.TimeoutExpired:
        raise _unreadable(
            file,
            fill(
                QCoreApplication.translate("Import", "no answer after %1 seconds"),
                str(READER_SECONDS),
            ),
        ) from None
    except OSError as error:
        raise _unreadable(file, error.strerror or str(error)) from None
    answer: tuple[Any, ...] | None = None
    if done.returncode == 0:
        try:
            answer = pickle.loads(done.stdout)
        except Exception:  # a torn answer: the process did not finish writing it
            answer = None
    if answer is None:
        code = done.returncode
        raise _unreadable(
            file,
            fill(QCoreApplication.translate("Import", "signal %1"), str(-code))
            if code < 0
            else fill(QCoreApplication.translate("Import", "exit code %1"), str(code)),
        )
    if answer[0] == "password":
        raise _password_problem(file)
    if answer[0] == "error":
        raise _calamine_problem(file, str(answer[1]))
    if answer[0] == "too_large":
        _, sheet, last_row, last_column = answer
        if last_column >= limits.max_columns:
            raise too_many_columns(file, sheet, column_letter(last_column), limits)
        raise too_many_rows(file, sheet, last_row, limits)
    return [
        Sheet(name=name, rows=rows, merged=merged, hidden=hidden, unreadable=unreadable)
        for name, rows, merged, hidden, unreadable in answer[1]
    ]


def _unreadable(file: str, how: str) -> ImportFileError:
    return file_problem(
        file,
        fill(
            QCoreApplication.translate(
                "Import",
                "This file could not be read: the spreadsheet reader stopped on it (%1). "
                "The file may be damaged or made to do harm. Open it in Excel or WPS, save it "
                "as a new .xlsx file and import that.",
            ),
            how,
        ),
    )


def _calamine_problem(file: str, error: str) -> ImportFileError:
    message = error.lower()
    if "password" in message:
        return _password_problem(file)
    if "detect" in message:
        return _not_spreadsheet(file)
    return _damaged(file, error)


def _damaged(file: str, error: Exception | str) -> ImportFileError:
    return file_problem(
        file,
        fill(
            QCoreApplication.translate(
                "Import", "The file is damaged or incomplete and cannot be read (%1)."
            ),
            str(error)[:200],
        ),
    )


def _decode_text(data: bytes, file: str) -> tuple[str, str | None]:
    """The text of a CSV file and, for UTF-16 (Excel's "Unicode text"), its tab delimiter."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "\t"
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:4096]:
        raise _not_spreadsheet(file)
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding), None
        except UnicodeDecodeError:
            continue
    raise file_problem(
        file,
        QCoreApplication.translate(
            "Import",
            "The text of the file is neither UTF-8 nor GBK. Save it from Excel or WPS as .xlsx or as CSV (UTF-8).",
        ),
    )


def _read_csv(data: bytes, file: str, sheet_name: str, limits: Limits) -> Sheet:
    text, delimiter = _decode_text(data, file)
    if delimiter is None:
        first = text.split("\n", 5)[:5]
        sample = "\n".join(first)
        counts = {d: sample.count(d) for d in (",", "\t", ";", "|")}
        delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
    rows: list[list[CellValue]] = []
    append = rows.append
    max_rows, max_columns = limits.max_rows, limits.max_columns
    try:
        for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            if len(record) > max_columns:
                width = len(record)
                while width > max_columns and not record[width - 1].strip():
                    width -= 1  # trailing empty fields hold nothing
                if width > max_columns:
                    raise too_many_columns(file, sheet_name, column_letter(width - 1), limits)
                record = record[:width]
            append(list(record))
            if len(rows) > max_rows:
                lines = text.count("\n") + (not text.endswith("\n"))
                raise too_many_rows(file, sheet_name, lines, limits)
    except csv.Error as error:
        raise _damaged(file, error) from None
    return Sheet(name=sheet_name, rows=rows, merged=None)
