"""GCJ-02 and BD-09 conversions against published reference values."""

from __future__ import annotations

import pytest

from models.geo.crs import (
    bd09_to_gcj02,
    bd09_to_wgs84,
    from_wgs84,
    gcj02_to_bd09,
    gcj02_to_wgs84,
    normalise_crs,
    out_of_china,
    to_wgs84,
    wgs84_to_bd09,
    wgs84_to_gcj02,
)

# The reference values of the widely used coordtransform library (its test/app.js)
# for the point 116.404, 39.915 (Tiananmen, Beijing).
POINT = (116.404, 39.915)


def test_forward_formulas_match_the_reference() -> None:
    assert wgs84_to_gcj02(*POINT) == pytest.approx(
        (116.41024449916938, 39.91640428150164), abs=1e-12
    )
    assert gcj02_to_bd09(*POINT) == pytest.approx(
        (116.41036949371029, 39.92133699351021), abs=1e-12
    )
    assert bd09_to_gcj02(*POINT) == pytest.approx(
        (116.39762729119315, 39.90865673957631), abs=1e-12
    )


def test_the_inverse_is_exact_where_the_usual_one_step_is_not() -> None:
    # The reference library's one-step inverse gives 116.39775550083061, 39.91359571849836,
    # about 0.5 m off; the iteration lands on the point whose image is the input.
    lon, lat = gcj02_to_wgs84(*POINT)
    assert (lon, lat) == pytest.approx((116.39775550083061, 39.91359571849836), abs=1e-5)
    assert wgs84_to_gcj02(lon, lat) == pytest.approx(POINT, abs=1e-9)


@pytest.mark.parametrize(
    "point", [(121.38, 28.37), (121.62, 28.25), (87.6, 43.8), (113.26, 23.13), (126.6, 45.75)]
)
def test_round_trips_across_china(point: tuple[float, float]) -> None:
    assert gcj02_to_wgs84(*wgs84_to_gcj02(*point)) == pytest.approx(point, abs=1e-8)
    assert bd09_to_wgs84(*wgs84_to_bd09(*point)) == pytest.approx(point, abs=1e-6)
    # Hundreds of metres in Zhejiang: the offset an unconverted import would carry.
    shift = wgs84_to_gcj02(*point)
    assert 1e-4 < abs(shift[0] - point[0]) + abs(shift[1] - point[1]) < 2e-2


def test_outside_china_nothing_moves() -> None:
    assert out_of_china(2.35, 48.85)
    assert wgs84_to_gcj02(2.35, 48.85) == (2.35, 48.85)
    assert gcj02_to_wgs84(2.35, 48.85) == (2.35, 48.85)


def test_names_and_dispatch() -> None:
    assert [normalise_crs(n) for n in ("WGS84", "gcj-02", "BD09", "cgcs2000", None)] == [
        "wgs84",
        "gcj02",
        "bd09",
        "cgcs2000",
        "wgs84",
    ]
    with pytest.raises(ValueError):
        normalise_crs("utm51n")
    point = (121.4, 28.4)
    for crs in ("wgs84", "cgcs2000", "gcj02", "bd09"):
        assert to_wgs84(*from_wgs84(*point, crs), crs) == pytest.approx(point, abs=1e-6)
    assert to_wgs84(*point, "wgs84") == point
