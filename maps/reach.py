"""What a typhoon's wind circles reach: the register features inside the force-7 and
force-10 circles now and along the forecast, as a table with counts and an Excel export.

The geometry work is ``maps.typhoon`` (one STRtree per layer, built once per
computation); this module loads the register and the track from the session
and names each feature's town and village.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from PySide6.QtCore import QCoreApplication
from sqlalchemy import select
from sqlalchemy.orm import Session

from maps.typhoon import FeatureIndex, interpolate, reach_circles
from models.areas import DangerZone, Division, Grid, Shelter
from models.labels import DANGER_KINDS, label
from models.messages import QT_TRANSLATE_NOOP, fill
from models.refusals import InvalidValue, NotFound
from models.typhoons import BEIJING, TyphoonTrack, format_time, load_track
from models.users import Permission, require

LAYERS: dict[str, object] = {  # QT_TRANSLATE_NOOP is typed object
    "town": QT_TRANSLATE_NOOP("Reach", "Towns and streets"),
    "village": QT_TRANSLATE_NOOP("Reach", "Villages and communities"),
    "grid": QT_TRANSLATE_NOOP("Reach", "Responsibility grids"),
    "danger_zone": QT_TRANSLATE_NOOP("Reach", "Danger zones and hazard points"),
    "shelter": QT_TRANSLATE_NOOP("Reach", "Shelters"),
    "household": QT_TRANSLATE_NOOP("Reach", "Households at risk"),
    "people": QT_TRANSLATE_NOOP("Reach", "People in those households"),
}
# Layers of register features (one STRtree each); households are points, or their zone.
FEATURE_LAYERS = ("town", "village", "grid", "danger_zone", "shelter")
_KINDS = DANGER_KINDS
CIRCLES = ("force7_now", "force10_now", "force7_forecast", "force10_forecast")


def layer_label(layer: str) -> str:
    source = LAYERS.get(layer)
    return QCoreApplication.translate("Reach", str(source)) if source else layer


def circle_label(circle: str) -> str:
    return {
        "force7_now": QCoreApplication.translate("Reach", "Force-7 circle now"),
        "force10_now": QCoreApplication.translate("Reach", "Force-10 circle now"),
        "force7_forecast": QCoreApplication.translate("Reach", "Force-7 along the forecast"),
        "force10_forecast": QCoreApplication.translate("Reach", "Force-10 along the forecast"),
    }[circle]


class TyphoonNotFound(NotFound):
    """No typhoon with the id asked for; the message is for the user."""


class OutsideTrack(InvalidValue):
    """A time before the typhoon's track starts or after it ends; the message gives the span."""


@dataclass(frozen=True, slots=True)
class ReachRow:
    """A reached feature with where it lies and which circles reach it."""

    layer: str
    id: int
    code: str
    name: str
    town: str
    village: str
    detail: str  # the danger zone's type, the shelter's capacity
    force7_now: bool
    force10_now: bool
    force7_forecast: bool
    force10_forecast: bool


@dataclass(frozen=True, slots=True)
class ReachCount:
    layer: str
    total: int  # features of the layer with a geometry
    force7_now: int
    force10_now: int
    force7_forecast: int
    force10_forecast: int


@dataclass(frozen=True)
class LayerHits:
    """Which circles reach which features of one layer: flags[c, p] for circle c (in
    CIRCLES order) and the feature at position p of ``ids`` and ``info``."""

    ids: np.ndarray
    info: list[tuple[str, str, str, str, str]]  # code, name, town, village, detail
    flags: np.ndarray

    def rows(self, layer: str, positions: np.ndarray, limit: int | None = None) -> list[ReachRow]:
        """The rows of these positions, ordered by code, then name (the first ``limit``)."""
        info = self.info
        ordered = sorted(positions.tolist(), key=lambda p: (info[p][0], info[p][1], p))[:limit]
        ids = self.ids[ordered].tolist()
        flags = self.flags[:, ordered].T.tolist()
        return [
            ReachRow(layer, id_, *info[p], *circles)
            for p, id_, circles in zip(ordered, ids, flags, strict=True)
        ]


@dataclass(frozen=True)
class ReachTable:
    typhoon_id: int
    typhoon_code: str
    typhoon_name: str
    at: datetime | None  # the time of the circles; None when the track is empty
    along_forecast: bool
    counts: list[ReachCount]  # one per layer, in LAYERS order ("people": no rows)
    hits: dict[str, LayerHits] = field(repr=False)
    radii_known: bool = (
        True  # False: the track gives no wind radii at ``at`` (counts "now" say nothing)
    )
    radii_interpolated: bool = False  # the radii at ``at`` are interpolated between points

    @property
    def radii_text(self) -> str:
        """What the counts "at the time" rest on, when it is not the track's own radii."""
        if not self.radii_known:
            return QCoreApplication.translate(
                "Reach",
                "No wind radii known at this time: the track gives none here, so what the "
                "wind circles reach now cannot be told.",
            )
        if self.radii_interpolated:
            return QCoreApplication.translate(
                "Reach",
                "Wind radii at this time are interpolated between the points that give them.",
            )
        return ""

    def count(self, layer: str) -> ReachCount:
        return next(c for c in self.counts if c.layer == layer)

    @cached_property
    def rows(self) -> list[ReachRow]:
        """Every feature reached by at least one circle; by layer, then code (made when
        first asked: 260,000 rows at the demo's scale 10 take seconds)."""
        return [
            row
            for layer, hits in self.hits.items()
            for row in hits.rows(layer, np.flatnonzero(hits.flags.any(axis=0)))
        ]

    def ids(self, layer: str, circle: str) -> list[int]:
        hits = self.hits.get(layer)
        if hits is None:
            return []
        return hits.ids[hits.flags[CIRCLES.index(circle)]].tolist()

    def reached(self, layer: str, circle: str, limit: int | None = None) -> list[ReachRow]:
        """The features of ``layer`` the circle reaches, by code then name; the first
        ``limit`` of them when given."""
        hits = self.hits.get(layer)
        if hits is None:
            return []
        return hits.rows(layer, np.flatnonzero(hits.flags[CIRCLES.index(circle)]), limit)


@dataclass
class RegisterLayer:
    """The features of one layer that have a geometry, as arrays for ``FeatureIndex``."""

    ids: np.ndarray
    geometries: np.ndarray  # shapely geometries, in the order of ``ids``
    info: list[tuple[str, str, str, str, str]]  # code, name, town, village, detail per id


@dataclass
class HouseholdLayer:
    """The register year's households: where each is (NaN when not located), its danger
    zone (-1 when none) and its residents, in the order of ``ids``."""

    ids: np.ndarray
    lon: np.ndarray
    lat: np.ndarray
    zones: np.ndarray
    residents: np.ndarray
    info: list[tuple[str, str, str, str, str]]  # code, name, town, village, detail per id


def load_households(
    *, session: Session, place: Callable[[int | None], tuple[str, str]]
) -> HouseholdLayer:
    """``place(village_id) -> (town, village)`` names each household's place."""
    from models.transfers import Household, register_year

    year = register_year(session=session)
    rows = (
        []
        if year is None
        else session.execute(
            select(
                Household.id,
                Household.lon,
                Household.lat,
                Household.danger_zone_id,
                Household.residents,
                Household.householder_name,
                Household.village_id,
            )
            .where(Household.year == year)
            .order_by(Household.id)
        ).all()
    )
    people = QCoreApplication.translate("Reach", "%1 residents")
    nan = float("nan")
    return HouseholdLayer(
        ids=np.array([r[0] for r in rows], dtype=np.int64),
        lon=np.array([nan if r[1] is None else r[1] for r in rows], dtype=float),
        lat=np.array([nan if r[2] is None else r[2] for r in rows], dtype=float),
        zones=np.array([-1 if r[3] is None else r[3] for r in rows], dtype=np.int64),
        residents=np.array([r[4] for r in rows], dtype=np.int64),
        info=[("", r[5], *place(r[6]), fill(people, str(r[4]))) for r in rows],
    )


Divisions = dict[int, tuple[str, str, str, int | None]]  # id -> code, name, level, parent


def load_divisions(*, session: Session) -> Divisions:
    return {
        id_: (code, name, level, parent)
        for id_, code, name, level, parent in session.execute(
            select(Division.id, Division.code, Division.name, Division.level, Division.parent_id)
        )
    }


def place_names(divisions: Divisions) -> Callable[[int | None], tuple[str, str]]:
    """``place(village_id) -> (town name, village name)``."""

    def place(village_id: int | None) -> tuple[str, str]:
        village = divisions.get(village_id) if village_id is not None else None
        if village is None:
            return "", ""
        town = divisions.get(village[3]) if village[3] is not None else None
        return (town[1] if town else ""), village[1]

    return place


def load_register(
    *, session: Session, divisions: Divisions | None = None
) -> dict[str, RegisterLayer]:
    """Every register feature with a geometry, per layer (LAYERS order), with its town and
    village names: load once, then query a ``FeatureIndex`` for as many times as needed."""
    require(session, Permission.READ_REGISTER)
    if divisions is None:
        divisions = load_divisions(session=session)
    place = place_names(divisions)

    layers: dict[str, RegisterLayer] = {}

    def collect(layer: str, rows: Any) -> None:
        ids: list[int] = []
        blobs: list[bytes] = []
        info: list[tuple[str, str, str, str, str]] = []
        for id_, geom, code, name, town, village, detail in rows:
            if geom is None:
                continue
            ids.append(id_)
            blobs.append(geom)
            info.append((code or "", name, town, village, detail))
        geometries = (
            shapely.from_wkb(np.asarray(blobs, dtype=object))
            if blobs
            else np.empty(0, dtype=object)
        )
        layers[layer] = RegisterLayer(np.asarray(ids, dtype=np.int64), geometries, info)

    division_rows = list(
        session.execute(
            select(Division.id, Division.geom, Division.level).where(Division.level != "county")
        )
    )
    collect(
        "town",
        (
            (id_, geom, divisions[id_][0], divisions[id_][1], divisions[id_][1], "", "")
            for id_, geom, level in division_rows
            if level == "town"
        ),
    )
    collect(
        "village",
        (
            (id_, geom, divisions[id_][0], divisions[id_][1], *place(id_), "")
            for id_, geom, level in division_rows
            if level == "village"
        ),
    )
    collect(
        "grid",
        (
            (id_, geom, code, name, *place(village_id), person)
            for id_, geom, code, name, village_id, person in session.execute(
                select(Grid.id, Grid.geom, Grid.code, Grid.name, Grid.village_id, Grid.person_name)
            )
        ),
    )
    kinds = {kind: label(_KINDS, kind) for kind in _KINDS}  # translated once, not per row
    collect(
        "danger_zone",
        (
            (id_, geom, code, name, *place(village_id), kinds.get(kind) or kind)
            for id_, geom, code, name, village_id, kind in session.execute(
                select(
                    DangerZone.id,
                    DangerZone.geom,
                    DangerZone.code,
                    DangerZone.name,
                    DangerZone.village_id,
                    DangerZone.kind,
                )
            )
        ),
    )
    capacity = QCoreApplication.translate("Reach", "Capacity %1")
    collect(
        "shelter",
        (
            (id_, geom, "", name, *place(village_id), fill(capacity, str(size)))
            for id_, geom, name, village_id, size in session.execute(
                select(Shelter.id, Shelter.geom, Shelter.name, Shelter.village_id, Shelter.capacity)
            )
        ),
    )
    return layers


class ReachIndex:
    """The register loaded and indexed once, asked about any time of any track (the map
    page asks again each time its time slider moves)."""

    def __init__(
        self, layers: dict[str, RegisterLayer], households: HouseholdLayer | None = None
    ) -> None:
        self.layers = layers
        self.households = households
        self.index = FeatureIndex.from_arrays(
            {layer: (data.ids, data.geometries) for layer, data in layers.items()}
        )

    @classmethod
    def load(cls, *, session: Session) -> ReachIndex:
        divisions = load_divisions(session=session)
        layers = load_register(session=session, divisions=divisions)
        households = load_households(session=session, place=place_names(divisions))
        return cls(layers, households)

    def _household_flags(self, shapes: dict[str, Any], hits: Any) -> np.ndarray:
        """flags[c, p]: circle c reaches household p (its point, else its danger zone)."""
        data = self.households
        assert data is not None
        located = ~np.isnan(data.lon)
        flags = np.zeros((len(CIRCLES), len(data.ids)), dtype=bool)
        present = [
            c
            for c, circle in enumerate(CIRCLES)
            if shapes.get(circle) is not None and not shapes[circle].is_empty
        ]
        done: list[int] = []
        # Smallest shape first: a point inside a shape that a larger one covers (the circle
        # now inside the area swept from now on) is inside the larger one, untested.
        for c in sorted(present, key=lambda c: shapes[CIRCLES[c]].area):
            shape = shapes[CIRCLES[c]]
            for earlier in done:
                if shape.covers(shapes[CIRCLES[earlier]]):
                    flags[c] |= flags[earlier]
            test = located & ~flags[c]
            flags[c, test] = shapely.contains_xy(shape, data.lon[test], data.lat[test])
            zones = hits[CIRCLES[c]]["danger_zone"]
            flags[c, ~located] = np.isin(data.zones[~located], zones)
            done.append(c)
        return flags

    def table(
        self, track: TyphoonTrack, at: datetime | None = None, *, along_forecast: bool = True
    ) -> ReachTable:
        """What the track's force-7 and force-10 winds reach at ``at`` (default: the latest
        observed point) and, with ``along_forecast``, from then to the end of the track."""
        current = track.current
        when = at if at is not None else (current.at if current is not None else None)
        shapes = reach_circles(track, when, along_forecast=along_forecast) if when else {}
        point = interpolate(track, when) if when else None
        result = self.index.reach({name: shapes.get(name) for name in CIRCLES})

        counts: list[ReachCount] = []
        sources: list[tuple[str, Any, np.ndarray]] = []
        for layer in FEATURE_LAYERS:
            data = self.layers[layer]
            # flags[c, p]: circle c reaches the feature at position p
            flags = np.array(
                [np.isin(data.ids, result.hits[c][layer], assume_unique=True) for c in CIRCLES]
            ).reshape(len(CIRCLES), len(data.ids))
            sources.append((layer, data, flags))
        if self.households is not None:
            flags = self._household_flags(shapes, result.hits)
            sources.append(("household", self.households, flags))
        for layer, data, flags in sources:
            counts.append(ReachCount(layer, len(data.ids), *(int(n) for n in flags.sum(axis=1))))
            if layer == "household":
                residents = self.households.residents if self.households is not None else None
                assert residents is not None
                counts.append(
                    ReachCount(
                        "people",
                        int(residents.sum()),
                        *(int(n) for n in (flags * residents).sum(axis=1)),
                    )
                )
        return ReachTable(
            typhoon_id=track.id,
            typhoon_code=track.code,
            typhoon_name=track.name,
            at=when,
            along_forecast=along_forecast,
            counts=counts,
            hits={layer: LayerHits(data.ids, data.info, flags) for layer, data, flags in sources},
            radii_known=point is not None and point.has_radii,
            radii_interpolated=point is not None and point.radii_interpolated,
        )


def compute_reach(
    *,
    session: Session,
    typhoon_id: int,
    at: datetime | None = None,
    along_forecast: bool = True,
) -> ReachTable:
    """The register features the typhoon's force-7 and force-10 winds reach at ``at``
    (default: the latest observed point) and, with ``along_forecast``, from then to
    the end of the track. Raises TyphoonNotFound, and OutsideTrack for a time before
    the track starts or after it ends.

    The rows of grids name the responsible person in ``detail``.
    """
    require(session, Permission.READ_REGISTER)
    track = load_track(session=session, typhoon_id=typhoon_id)
    if track is None:
        raise TyphoonNotFound(
            fill(
                QCoreApplication.translate("Reach", "There is no typhoon with the id %1."),
                str(typhoon_id),
            )
        )
    if at is not None and track.points and not track.points[0].at <= at <= track.points[-1].at:
        from models.clock import display_time, display_zone

        raise OutsideTrack(
            fill(
                QCoreApplication.translate(
                    "Reach",
                    "%1 is outside the track of %2: it runs from %3 to %4. Choose a time "
                    "within it.",
                ),
                display_time(at),
                track.title,
                display_time(track.points[0].at),
                display_time(track.points[-1].at) + f" ({_zone_name(display_zone())})",
            )
        )
    return ReachIndex.load(session=session).table(track, at, along_forecast=along_forecast)


def export_reach_xlsx(table: ReachTable, path: str | Path, *, tz: tzinfo = BEIJING) -> Path:
    """Write the reach table as a workbook: a counts sheet and a detail sheet, in Chinese
    through the catalogue. Times in ``tz`` (Beijing by default). Returns the path."""
    from models.exports import sheet  # openpyxl loads slowly: only when exporting

    path = Path(path)
    circles = CIRCLES if table.along_forecast else CIRCLES[:2]
    title = fill(
        QCoreApplication.translate("Reach", "Typhoon %1 %2: what the wind circles reach"),
        table.typhoon_code,
        table.typhoon_name,
    )
    when = (
        fill(
            QCoreApplication.translate("Reach", "Wind circles at %1 (%2)"),
            format_time(table.at, tz),
            _zone_name(tz),
        )
        if table.at is not None
        else QCoreApplication.translate("Reach", "The track has no points.")
    )
    if table.radii_text:
        when += " " + table.radii_text
    unknown = set() if table.radii_known else {"force7_now", "force10_now"}
    yes = QCoreApplication.translate("Reach", "Yes")

    workbook, counts = sheet.new_workbook(
        QCoreApplication.translate("Reach", "Counts"), write_only=True
    )
    details = sheet.add_sheet(workbook, QCoreApplication.translate("Reach", "Details"))

    sheet.column_widths(counts, [30, *[22] * 5])
    sheet.print_setup(counts, header=3, freeze=False)
    counts.freeze_panes = "B4"
    sheet.title_row(counts, title, span=2 + len(circles))
    sheet.append_row(counts, [when])
    header = [
        QCoreApplication.translate("Reach", "Layer"),
        QCoreApplication.translate("Reach", "In the county"),
        *(circle_label(c) for c in circles),
    ]
    sheet.header_row(counts, header)
    for count in table.counts:
        sheet.body_row(
            counts,
            [
                layer_label(count.layer),
                count.total,
                *(None if c in unknown else getattr(count, c) for c in circles),
            ],
        )

    sheet.column_widths(details, [24, 20, 36, 14, 18, 22, *[18] * len(circles)])
    sheet.print_setup(details, header=3)
    sheet.title_row(details, title, span=6 + len(circles))
    sheet.append_row(details, [when])
    header = [
        QCoreApplication.translate("Reach", "Layer"),
        QCoreApplication.translate("Reach", "Code"),
        QCoreApplication.translate("Reach", "Name"),
        QCoreApplication.translate("Reach", "Town or street"),
        QCoreApplication.translate("Reach", "Village or community"),
        QCoreApplication.translate("Reach", "Type, capacity or person"),
        *(circle_label(c) for c in circles),
    ]
    sheet.header_row(details, header)
    labels = {layer: layer_label(layer) for layer in LAYERS}
    # Plain values and empty cells left out: openpyxl writes a styled cell several times slower
    # (append_row styles only a text a spreadsheet could take for a formula).
    for row in table.rows:
        sheet.append_row(
            details,
            [
                labels.get(row.layer, row.layer),
                row.code or None,
                row.name,
                row.town or None,
                row.village or None,
                row.detail or None,
                *(yes if getattr(row, circle) else None for circle in circles),
            ],
        )
    return sheet.save(workbook, path)


def _zone_name(tz: tzinfo) -> str:
    if tz is BEIJING or getattr(tz, "key", None) == "Asia/Shanghai":
        return QCoreApplication.translate("Reach", "Beijing time")
    return str(getattr(tz, "key", None) or tz)
