"""Typhoons and their tracks: observed and forecast points with wind radii.

Radii are in kilometres per quadrant (NE, SE, SW, NW) for force-7, force-10 and
force-12 winds; a track given with one radius stores it in all four quadrants.

Below the tables: plain rows (``TrackPoint``, ``TyphoonTrack``) for pages and
``maps.typhoon``, listing and loading, hand entry, the readers of times, positions
and radii that hand entry and ``models.imports.typhoon`` share, and the demo typhoon.

One module per concern: ``tables``, ``tracks`` (plain rows, listing and loading),
``times`` and ``readings`` (the readers shared by hand entry and the import),
``entry`` (hand entry), ``demo`` (the demo typhoon).

Import rule: callers import the public names from the package (``from
models.typhoons import load_track``), which re-exports them; names with a
leading underscore belong to the package's modules.
"""

from __future__ import annotations

from models.typhoons.demo import (
    DEMO_CODE,
    DEMO_NAME,
    DEMO_NAME_EN,
    DEMO_SOURCE,
    build_demo_typhoon,
    bulletin_time,
    demo_track_points,
    place_demo_typhoon,
)
from models.typhoons.entry import PointInput, check_points, delete_typhoon, save_typhoon
from models.typhoons.readings import (
    check_position,
    parse_forecast,
    parse_number,
    parse_pressure,
    parse_radii,
    parse_radius,
    parse_wind,
    quadrant_label,
    radii_order_problems,
    speed_problems,
)
from models.typhoons.tables import (
    BEIJING,
    FORCES,
    INTENSITY_GRADES,
    PRESSURE_RANGE,
    QUADRANTS,
    RADIUS_MAX,
    SPEED_MAX_KMH,
    TRACK_LAT_RANGE,
    TRACK_LON_RANGE,
    WIND_MAX,
    Radii,
    Typhoon,
    TyphoonPoint,
    intensity_label,
)
from models.typhoons.times import format_time, parse_time
from models.typhoons.tracks import (
    RADII_GAP_HOURS,
    TrackPoint,
    TyphoonRow,
    TyphoonTrack,
    fill_radii,
    latest_typhoon_id,
    list_typhoons,
    load_track,
    mix_radii,
    point_columns,
    typhoon_id_for,
    typhoon_title,
)

__all__ = [
    "BEIJING",
    "DEMO_CODE",
    "DEMO_NAME",
    "DEMO_NAME_EN",
    "DEMO_SOURCE",
    "FORCES",
    "INTENSITY_GRADES",
    "PRESSURE_RANGE",
    "QUADRANTS",
    "RADII_GAP_HOURS",
    "RADIUS_MAX",
    "SPEED_MAX_KMH",
    "TRACK_LAT_RANGE",
    "TRACK_LON_RANGE",
    "WIND_MAX",
    "PointInput",
    "Radii",
    "TrackPoint",
    "Typhoon",
    "TyphoonPoint",
    "TyphoonRow",
    "TyphoonTrack",
    "build_demo_typhoon",
    "bulletin_time",
    "check_points",
    "check_position",
    "delete_typhoon",
    "demo_track_points",
    "fill_radii",
    "format_time",
    "intensity_label",
    "latest_typhoon_id",
    "list_typhoons",
    "load_track",
    "mix_radii",
    "parse_forecast",
    "parse_number",
    "parse_pressure",
    "parse_radii",
    "parse_radius",
    "parse_time",
    "parse_wind",
    "place_demo_typhoon",
    "point_columns",
    "quadrant_label",
    "radii_order_problems",
    "save_typhoon",
    "speed_problems",
    "typhoon_id_for",
    "typhoon_title",
]
