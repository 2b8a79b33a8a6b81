"""A file's sheets and cells, whatever Excel or a CSV export made of it, or a plain reason why not."""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import python_calamine
from PySide6.QtCore import QCoreApplication

from models.imports.problems import ImportFileError, ImportProblem
from models.imports.spreadsheet.cells import CellValue
from models.messages import fill

TEXT_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})


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


def read_bytes(path: Path) -> bytes:
    """The bytes of a file to import, or an ImportFileError saying plainly why not."""
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
        return path.read_bytes()
    except OSError as error:
        raise file_problem(
            file,
            fill(
                QCoreApplication.translate("Import", "The file cannot be read: %1"),
                error.strerror or str(error),
            ),
        ) from None


_OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_ZIP_MAGIC = b"PK\x03\x04"
_ENCRYPTED_OOXML = "EncryptionInfo".encode("utf-16-le")


def read_workbook(path: str | Path) -> Workbook:
    """Every sheet of a spreadsheet or CSV file. Raises ImportFileError."""
    path = Path(path)
    data = read_bytes(path)
    file = path.name
    checksum = file_checksum(data)
    try:
        sheets = _read_sheets(data, file, path)
    except ImportFileError as error:
        error.checksum = checksum
        raise
    return Workbook(file=file, checksum=checksum, sheets=sheets)


def _read_sheets(data: bytes, file: str, path: Path) -> list[Sheet]:
    if not data.strip():
        raise file_problem(file, QCoreApplication.translate("Import", "The file is empty."))
    suffix = path.suffix.lower()
    head = data[:2048]
    if head.startswith(_OLE_MAGIC):
        if _ENCRYPTED_OOXML in data:
            raise _password_problem(file)
        sheets = _read_calamine(data, file)
    elif head.startswith(_ZIP_MAGIC):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except (zipfile.BadZipFile, ValueError, OSError) as error:
            raise _damaged(file, error) from None
        if not names & {"xl/workbook.xml", "xl/workbook.bin", "content.xml"}:
            raise _not_spreadsheet(file)
        sheets = _read_calamine(data, file)
    elif head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        raise file_problem(
            file,
            QCoreApplication.translate(
                "Import",
                "This is a web page or XML file saved under a spreadsheet name. Open it in Excel or WPS and save it as .xlsx, then import that file.",
            ),
        )
    elif suffix in TEXT_SUFFIXES:
        sheets = [_read_csv(data, file, path.stem)]
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


def _read_calamine(data: bytes, file: str) -> list[Sheet]:
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except python_calamine.PasswordError:
        raise _password_problem(file) from None
    except Exception as error:  # calamine reports malformed files in several ways
        raise _calamine_problem(file, error) from None
    sheets: list[Sheet] = []
    try:
        for index, meta in enumerate(workbook.sheets_metadata):
            if meta.typ != python_calamine.SheetTypeEnum.WorkSheet:
                continue
            sheet = workbook.get_sheet_by_index(index)
            rows = cast(list[list[CellValue]], sheet.to_python(skip_empty_area=False))
            merged_ranges = getattr(sheet, "merged_cell_ranges", None)
            merged = (
                [(a[0], a[1], b[0], b[1]) for a, b in merged_ranges]
                if merged_ranges is not None
                else None
            )
            sheets.append(
                Sheet(
                    name=meta.name,
                    rows=rows,
                    merged=merged,
                    hidden=meta.visible != python_calamine.SheetVisibleEnum.Visible,
                )
            )
    except python_calamine.PasswordError:
        raise _password_problem(file) from None
    except Exception as error:
        raise _calamine_problem(file, error) from None
    finally:
        workbook.close()
    return sheets


def _calamine_problem(file: str, error: Exception) -> ImportFileError:
    message = str(error).lower()
    if isinstance(error, python_calamine.PasswordError) or "password" in message:
        return _password_problem(file)
    if "detect" in message:
        return _not_spreadsheet(file)
    return _damaged(file, error)


def _damaged(file: str, error: Exception) -> ImportFileError:
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


def _read_csv(data: bytes, file: str, sheet_name: str) -> Sheet:
    text, delimiter = _decode_text(data, file)
    if delimiter is None:
        first = text.split("\n", 5)[:5]
        sample = "\n".join(first)
        counts = {d: sample.count(d) for d in (",", "\t", ";", "|")}
        delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
    try:
        rows: list[list[CellValue]] = [
            list(record)
            for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        ]
    except csv.Error as error:
        raise _damaged(file, error) from None
    return Sheet(name=sheet_name, rows=rows, merged=None)
