"""Dates as rosters are typed in WPS and Excel."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from models.teams.dates import read_date


@pytest.mark.parametrize(
    "value",
    [
        "2025.6.30",
        "2025.06.30",
        "2025/06/30",
        "2025/6/30",
        "2025-06-30",
        "2025年6月30日",
        "2025 年 6 月 30 日",
        "20250630",
        "２０２５．６．３０",
        45838,
        45838.0,
        "45838",
        datetime(2025, 6, 30),
        date(2025, 6, 30),
        "2025-06-30 00:00:00",
    ],
)
def test_every_way_a_date_is_typed(value: object) -> None:
    assert read_date(value) == date(2025, 6, 30)


@pytest.mark.parametrize("value", ["2025.2.30", "明年", "30/06/2025", 45838.5, -3, True, 10**9])
def test_what_is_no_date_is_refused(value: object) -> None:
    with pytest.raises(ValueError):
        read_date(value)


def test_blank_is_none() -> None:
    assert read_date(None) is None and read_date("  ") is None
