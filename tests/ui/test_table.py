"""RowTableModel: Qt's model tester, search, filters, sorting, and what a painted cell costs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from models.areas import GridRow, list_grids
from models.database import Database
from models.search import pinyin_sort_key
from tests.conftest import ADMIN
from tests.models.test_areas import build_sample_county
from ui.common.table import (
    RIGHT,
    Column,
    RowRole,
    RowTableModel,
    SortRole,
    compute_search_keys,
    fit_columns,
    setup_table_view,
)

COLUMNS = (
    Column("code", "Code"),
    Column("name", "Grid", sort_key=pinyin_sort_key),
    Column("village_name", "Village / community", sort_key=pinyin_sort_key),
    Column("person_name", "Responsible person", sort_key=pinyin_sort_key),
    Column("person_post", "Post"),
    Column("person_phone", "Phone", alignment=RIGHT),
)


def texts(row: GridRow) -> tuple[str | None, ...]:
    return (
        row.code,
        row.name,
        row.village_name,
        row.town_name,
        row.person_name,
        row.person_post,
        row.person_phone,
    )


@pytest.fixture
def grid_rows(sqlite_db: Database) -> list[GridRow]:
    build_sample_county(sqlite_db)
    with sqlite_db.session(ADMIN) as session:
        return list_grids(session=session)


def make_model(rows: list[GridRow]) -> RowTableModel:
    model = RowTableModel(COLUMNS, search_texts=texts)
    model.set_rows(rows, compute_search_keys(rows, texts))
    return model


def make_view(qtbot: QtBot, model: RowTableModel) -> QTableView:
    view = QTableView()
    qtbot.addWidget(view)
    setup_table_view(view)
    view.setModel(model)
    return view


def names(model: RowTableModel) -> list[str]:
    return [model.index(row, 0).data(RowRole).person_name for row in range(model.rowCount())]


def test_row_model_passes_the_qt_model_tester(
    qtbot: QtBot, grid_rows: list[GridRow], no_tester_failures: None
) -> None:
    model = RowTableModel(COLUMNS, search_texts=texts)
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    model.set_rows(grid_rows)
    model.sort(3, Qt.SortOrder.DescendingOrder)
    model.sort(5, Qt.SortOrder.AscendingOrder)  # a column with an empty cell
    model.sort(-1)
    model.set_rows(grid_rows[:1])
    model.set_rows([])
    model.set_rows(grid_rows)
    assert tester is not None and model.rowCount() == 3


def test_filters_pass_the_qt_model_tester(
    qtbot: QtBot, grid_rows: list[GridRow], no_tester_failures: None
) -> None:
    model = make_model(grid_rows)
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    model.set_query("zs")
    assert model.rowCount() == 1 and model.total_rows() == 3
    model.set_query("")
    model.set_membership_filter("village_id", {grid_rows[0].village_id, grid_rows[2].village_id})
    assert model.rowCount() == 2
    model.sort(3, Qt.SortOrder.DescendingOrder)
    assert names(model) == ["张三", "王五"]  # the filter follows rows re-sorted
    model.set_rows(list(reversed(grid_rows)), compute_search_keys(list(reversed(grid_rows)), texts))
    assert names(model) == ["张三", "王五"]  # and rows reloaded
    model.set_column_filter("person_post", "网格员")
    model.set_column_filter("person_post", None)
    model.set_membership_filter("village_id", None)
    model.sort(-1)
    assert tester is not None and model.rowCount() == 3


def test_a_filter_noted_before_new_rows_applies_to_them(grid_rows: list[GridRow]) -> None:
    model = make_model(grid_rows)
    model.set_membership_filter("village_id", {grid_rows[1].village_id}, refilter=False)
    assert model.rowCount() == 3  # not applied yet: the rows are replaced next
    model.set_rows(grid_rows)
    assert names(model) == ["李四"]


def test_selection_stays_on_its_row_while_filters_change(
    qtbot: QtBot, grid_rows: list[GridRow]
) -> None:
    model = make_model(grid_rows)
    view = make_view(qtbot, model)
    view.selectRow(2)  # 王五
    model.set_query("ww")
    selected = view.selectionModel().selectedRows()
    assert [model.row_at(index.row()).person_name for index in selected] == ["王五"]
    assert view.currentIndex().row() == 0
    model.set_query("zs")  # 王五 hidden: nothing selected
    assert view.selectionModel().selectedRows() == []
    model.set_query("")
    assert model.rowCount() == 3


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("zs", ["张三"]),
        ("zhangsan", ["张三"]),
        ("张", ["张三"]),
        ("5678", ["张三"]),
        ("86123456", ["李四"]),
        ("lrwg", ["王五"]),
        ("石塘", ["王五"]),
        ("wgy", ["李四"]),
        ("", ["张三", "李四", "王五"]),
        ("zs lisi", []),
    ],
)
def test_search_finds_rows_by_text_pinyin_and_digits(
    grid_rows: list[GridRow], query: str, expected: list[str]
) -> None:
    model = make_model(grid_rows)
    model.set_query(query)
    assert names(model) == expected
    assert model.is_filtered() is bool(query)


def test_keys_are_computed_when_not_given(grid_rows: list[GridRow]) -> None:
    model = RowTableModel(COLUMNS, search_texts=texts)
    model.set_rows(grid_rows)
    model.set_query("ww")
    assert names(model) == ["王五"]


def test_roles_headers_and_alignment(grid_rows: list[GridRow]) -> None:
    model = make_model(grid_rows)
    index = model.index(1, 5)
    assert index.data() == "0576-86123456"
    assert index.data(SortRole) == "0576-86123456"
    assert index.data(RowRole) is grid_rows[1]
    assert index.data(Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    assert model.index(2, 4).data() == ""  # an empty post
    assert model.index(2, 4).data(SortRole) is None
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Responsible person"
    assert model.index(0, 0).flags() & Qt.ItemFlag.ItemIsSelectable


def test_sorting_by_pinyin_keeps_empty_cells_last_and_survives_reloads(
    grid_rows: list[GridRow],
) -> None:
    model = make_model(grid_rows)
    model.sort(3)  # 李四 li, 王五 wang, 张三 zhang
    assert names(model) == ["李四", "王五", "张三"]
    model.sort(3, Qt.SortOrder.DescendingOrder)
    assert names(model) == ["张三", "王五", "李四"]
    model.sort(4, Qt.SortOrder.DescendingOrder)  # 王五 has no post: last either way
    assert names(model)[-1] == "王五"
    model.sort(4, Qt.SortOrder.AscendingOrder)
    assert names(model)[-1] == "王五"
    model.sort(3)
    model.set_rows(grid_rows, compute_search_keys(grid_rows, texts))
    assert names(model) == ["李四", "王五", "张三"]
    model.set_query("331081001002-01")  # search keys moved with their rows
    assert names(model) == ["李四"]
    model.set_query("")
    model.sort(-1)
    assert names(model) == ["张三", "李四", "王五"]


def test_selection_follows_a_sort(qtbot: QtBot, grid_rows: list[GridRow]) -> None:
    model = make_model(grid_rows)
    view = make_view(qtbot, model)
    view.selectRow(0)  # 张三
    view.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    view.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    selected = view.selectionModel().selectedRows()
    assert [model.row_at(index.row()).person_name for index in selected] == ["张三"]
    assert selected[0].row() == 2
    assert model.row_for_id(grid_rows[0].id) == 2


def test_cells_cannot_be_edited(qtbot: QtBot, grid_rows: list[GridRow]) -> None:
    model = make_model(grid_rows)
    view = make_view(qtbot, model)
    view.show()
    index = model.index(0, 1)
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    qtbot.mouseDClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    assert view.state() != QAbstractItemView.State.EditingState
    assert view.findChild(QLineEdit) is None
    assert model.index(0, 1).data() == grid_rows[0].name


def test_a_painted_cell_asks_python_once(qtbot: QtBot) -> None:
    """A loading worker makes every call from the view into Python wait for the GIL: a
    painted cell asks once (multiData), not once per role and index check."""

    @dataclass(frozen=True)
    class Line:
        id: int
        name: str
        count: int

    class Counting(RowTableModel):
        def __init__(self) -> None:
            super().__init__((Column("name", "Name"), Column("count", "Count", alignment=RIGHT)))
            self.calls = 0

        def multiData(self, index: Any, span: Any) -> None:
            self.calls += 1
            super().multiData(index, span)

        def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
            self.calls += 1
            return super().data(index, role)

    model = Counting()
    model.set_rows([Line(n, f"第{n}行", n) for n in range(1000)])
    view = make_view(qtbot, model)
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)
    model.calls = 0
    view.viewport().repaint()
    shown = view.rowAt(view.viewport().height() - 1) - view.rowAt(0) + 1
    assert shown > 5
    assert model.calls <= 2 * (shown + 1)  # two columns, one call per cell
    image = view.viewport().grab().toImage()
    right = view.visualRect(model.index(3, 1))  # "3", right-aligned: ink in the right half
    left_ink = any(
        image.pixelColor(x, right.center().y()).lightness() < 128
        for x in range(right.left(), right.center().x())
    )
    right_ink = any(
        image.pixelColor(x, y).lightness() < 128
        for x in range(right.center().x(), right.right())
        for y in range(right.top(), right.bottom())
    )
    assert right_ink and not left_ink


def test_view_setup_sizes_from_a_sample(qtbot: QtBot, grid_rows: list[GridRow]) -> None:
    @dataclass(frozen=True)
    class Wide:
        id: int
        text: str

    model = RowTableModel((Column("id", "Id"), Column("text", "Text", max_width=250)))
    model.set_rows([Wide(n, "很长的备注" * (n % 40)) for n in range(5000)])
    view = make_view(qtbot, model)
    fit_columns(view, model)
    assert view.horizontalHeader().sectionSize(1) == 250
    assert 20 < view.horizontalHeader().sectionSize(0) < 120
    heights = {view.rowHeight(row) for row in (0, 100, 4999)}
    assert len(heights) == 1


def test_invalid_indexes_are_harmless(grid_rows: list[GridRow]) -> None:
    model = make_model(grid_rows)
    assert model.data(QModelIndex()) is None
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.columnCount(QPersistentModelIndex(model.index(0, 0))) == 0
    with pytest.raises(ValueError):
        model.set_rows(grid_rows, ["only one key"])


@dataclass(frozen=True)
class _Village:
    id: int
    name: str
    people: int | None


def test_a_column_of_figures_fits_its_largest_value_however_rare(qtbot: QtBot) -> None:
    """One village of 20,012 people among 6,400 small ones: the sample of 60 rows misses
    it, and the column showed "20,0…"; it fits now, in English and Chinese alike."""
    from ui.common.table import RIGHT, Column, RowTableModel, fit_columns, setup_table_view

    columns = (
        Column("name", "Village"),
        Column("people", "People", formatter=lambda v: f"{v:,}", alignment=RIGHT),
    )
    rows = [_Village(n, f"村{n}", None if n % 7 == 0 else n % 90) for n in range(6400)]
    rows[4321] = _Village(4321, "大村", 20_012)
    model = RowTableModel(columns)
    model.set_rows(rows)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    setup_table_view(view)
    fit_columns(view, model)
    needed = view.fontMetrics().horizontalAdvance("20,012")
    assert view.horizontalHeader().sectionSize(1) >= needed + 8
