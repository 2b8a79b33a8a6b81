"""The one straight-line distance the console uses (Nearest, shelters with room, track
speeds) agrees with the WGS84 ellipsoid's geodesic within 0.5 % across the county's
latitudes and the distances a duty officer asks about."""

from __future__ import annotations

import pytest
from pyproj import Geod

from models.geo.distance import great_circle_km

WGS84 = Geod(ellps="WGS84")


@pytest.mark.parametrize(
    ("lon1", "lat1", "lon2", "lat2"),
    [
        (121.37, 28.37, 121.38, 28.37),  # a kilometre across a village
        (121.0, 28.0, 121.0, 29.0),  # a degree north
        (121.4, 28.3, 125.9, 24.1),  # a typhoon 650 km out at sea
        (121.4, 28.3, 121.4, 28.3),  # the same point
    ],
)
def test_the_distance_matches_the_ellipsoid(
    lon1: float, lat1: float, lon2: float, lat2: float
) -> None:
    _fwd, _back, metres = WGS84.inv(lon1, lat1, lon2, lat2)
    assert great_circle_km(lon1, lat1, lon2, lat2) == pytest.approx(
        metres / 1000, rel=0.005, abs=1e-9
    )
