"""Reading spreadsheets as the duty room gets them, and cleaning their cells.

``read_table`` opens an ``.xlsx``/``.xlsm``/``.xls``/``.ods`` (python-calamine) or
``.csv``/``.txt`` file (UTF-8 with or without BOM, GBK/GB18030, UTF-16 from
Excel's "Unicode text"), picks the sheet whose header has the required
columns, finds the header row below any title rows (combining a two-row header
with merged group cells, e.g. 责任人 over 姓名/职务/手机) and returns the data rows
with their Excel row numbers. Blank rows, total rows (合计/总计/小计), notes under
the table (注：, 填表人：...) and repeated header rows are left out.

Any file-level failure raises :class:`~models.imports.problems.ImportFileError`
with a problem for the report. The cell helpers (``clean_text``, ``number_text``,
``parse_count``, ``parse_cell_date``, ``half_width``, ``column_letter``) are shared by every import.

``cells`` cleans values, ``files`` reads a file into sheets, ``table`` finds the
header and the data rows. Import rule: callers import the public names from the
package (``from models.imports.spreadsheet import read_table``), which re-exports
them; names with a leading underscore belong to the package's modules.
"""

from __future__ import annotations

from models.imports.spreadsheet.cells import (
    EXCEL_SERIALS,
    CellValue,
    clean_text,
    clean_texts,
    column_letter,
    date_text,
    half_width,
    header_key,
    is_blank,
    is_blank_row,
    is_note_row,
    is_total_row,
    number_text,
    number_texts,
    parse_cell_date,
    parse_count,
)
from models.imports.spreadsheet.files import (
    TEXT_SUFFIXES,
    Sheet,
    Workbook,
    file_checksum,
    file_problem,
    read_bytes,
    read_workbook,
)
from models.imports.spreadsheet.table import (
    HEADER_SCAN_ROWS,
    Column,
    DataRow,
    OnTable,
    Table,
    locate_header,
    read_table,
    table_from_workbook,
)

__all__ = [
    "EXCEL_SERIALS",
    "HEADER_SCAN_ROWS",
    "TEXT_SUFFIXES",
    "CellValue",
    "Column",
    "DataRow",
    "OnTable",
    "Sheet",
    "Table",
    "Workbook",
    "clean_text",
    "clean_texts",
    "column_letter",
    "date_text",
    "file_checksum",
    "file_problem",
    "half_width",
    "header_key",
    "is_blank",
    "is_blank_row",
    "is_note_row",
    "is_total_row",
    "locate_header",
    "number_text",
    "number_texts",
    "parse_cell_date",
    "parse_count",
    "read_bytes",
    "read_table",
    "read_workbook",
    "table_from_workbook",
]
