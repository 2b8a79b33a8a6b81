"""The register as map layers: boundaries, grids, danger zones by kind, shelters.

Each layer is a ``LayerData``: its key, an English title (translated where the
page is built), a style spec the page's script understands, legend entries and
its ``Features`` (simplified, rounded geometries beside display properties).
Properties are what a duty officer reads in the side panel: names, codes,
labels in the user's language and phones masked for roles that may not see them
(the register's listing functions mask them). Every feature carries ``id`` and
``layer``, so a click in the page names the row it came from.

Another source (a typhoon's track and wind circles) becomes one more layer with
``LayerData.from_geojson``.

The style spec (a JSON-ready dict read by the page script, see maps.pages):

``path``      Leaflet path options for lines and areas (``color``, ``weight``,
              ``fill``, ``fillColor``, ``fillOpacity``, ``dashArray`` ...).
``marker``    path options for points plus ``shape`` (circle, square, diamond,
              triangle, triangle_down, pentagon, hexagon, star) and ``radius``.
``by``        a property whose value picks an entry of ``variants``.
``variants``  value -> {"path": {...}, "marker": {...}, "interactive": bool},
              merged over the defaults.
``radius_by`` {"property", "min", "max", "max_value"}: marker radius growing with
              the square root of a property (a shelter's capacity).
``interactive`` whether features answer clicks (default true).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from maps.geometry import DECIMALS, SIMPLIFY_DEGREES, Features, load_wkb
from models.areas import DangerZone, Division, Grid, Shelter
from models.labels import DANGER_KINDS, DIVISION_LEVELS, SHELTER_LEVELS, label
from models.privacy import phone_masker
from models.search import search_key
from models.users import Permission, require

CONTEXT = "MapLayers"


@dataclass(frozen=True)
class LegendEntry:
    """One line of the legend: a symbol and its label (English source text)."""

    label: str
    symbol: dict[str, Any]  # {"shape": "line"|"area"|marker shape, "options": {...}, "radius": n}
    context: str = CONTEXT
    args: tuple[str, ...] = ()  # replace %1, %2 ... in the translated label

    def text(self) -> str:
        text = QCoreApplication.translate(self.context, self.label)
        for number, value in enumerate(self.args, start=1):
            text = text.replace(f"%{number}", value)
        return text

    def to_page(self) -> dict[str, Any]:
        return {"label": self.text(), "symbol": self.symbol}


@dataclass
class LayerData:
    """A map layer ready for the page: features, how they are drawn and what the legend says."""

    key: str
    title: str  # English source text in ``context``
    group: str  # heading in the layer panel, English source text in CONTEXT
    features: Features
    style: dict[str, Any]
    legend: list[LegendEntry] = field(default_factory=list)
    visible: bool = True
    context: str = CONTEXT
    missing: int = 0  # rows without a geometry, so not on the map
    # Properties this layer shows beyond FIELD_LABELS: key -> English label in "MapFields".
    fields: dict[str, str] = field(default_factory=dict)

    @property
    def title_text(self) -> str:
        return QCoreApplication.translate(self.context, self.title)

    @property
    def count(self) -> int:
        return len(self.features)

    @classmethod
    def from_geojson(
        cls,
        key: str,
        title: str,
        collection: dict[str, Any],
        style: dict[str, Any],
        *,
        group: str = QT_TRANSLATE_NOOP("MapLayers", "Other"),
        legend: Iterable[LegendEntry] = (),
        context: str = CONTEXT,
        visible: bool = True,
        fields: dict[str, str] | None = None,
    ) -> LayerData:
        """A layer from a GeoJSON FeatureCollection dict (a typhoon track, an import preview).

        Each feature gets ``layer`` = key, and ``id`` = its position when it has none.
        """
        features = Features.from_geojson(collection)
        for index, props in enumerate(features.properties):
            props.setdefault("id", index)
            props["layer"] = key
        return cls(
            key=key,
            title=title,
            group=group,
            features=features,
            style=style,
            legend=list(legend),
            visible=visible,
            context=context,
            fields=dict(fields or {}),
        )

    def field_labels(self) -> dict[str, str]:
        """The properties the panel and popups show for this layer, translated, in order."""
        return field_labels() | {
            key: QCoreApplication.translate("MapFields", text) for key, text in self.fields.items()
        }

    def to_page(self) -> dict[str, Any]:
        """What the page's configuration says about this layer (its data goes separately)."""
        return {
            "key": self.key,
            "title": self.title_text,
            "group": QCoreApplication.translate(CONTEXT, self.group),
            "style": self.style,
            "legend": [entry.to_page() for entry in self.legend],
            "visible": self.visible,
            "count": self.count,
            "fields": {
                key: QCoreApplication.translate("MapFields", text)
                for key, text in self.fields.items()
            },
        }


# -- groups and titles ------------------------------------------------------------------

GROUP_DIVISIONS = QT_TRANSLATE_NOOP("MapLayers", "Administrative divisions")
GROUP_GRIDS = QT_TRANSLATE_NOOP("MapLayers", "Responsibility grids")
GROUP_DANGER = QT_TRANSLATE_NOOP("MapLayers", "Danger zones and hazard points")
GROUP_SHELTERS = QT_TRANSLATE_NOOP("MapLayers", "Shelters")

TITLES = {
    "county": QT_TRANSLATE_NOOP("MapLayers", "County boundary"),
    "towns": QT_TRANSLATE_NOOP("MapLayers", "Town and street boundaries"),
    "villages": QT_TRANSLATE_NOOP("MapLayers", "Village and community boundaries"),
    "grids": QT_TRANSLATE_NOOP("MapLayers", "Responsibility grids"),
    "shelters": QT_TRANSLATE_NOOP("MapLayers", "Shelters (size by capacity)"),
}

# Labels of the properties shown in the side panel and in the exported page's popups,
# in the order shown. Keys not listed here are not shown.
FIELD_LABELS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("MapFields", "Name"),
    "code": QT_TRANSLATE_NOOP("MapFields", "Code"),
    "level_label": QT_TRANSLATE_NOOP("MapFields", "Level"),
    "kind_label": QT_TRANSLATE_NOOP("MapFields", "Type"),
    "shape_label": QT_TRANSLATE_NOOP("MapFields", "Drawn as"),
    "town": QT_TRANSLATE_NOOP("MapFields", "Town / street"),
    "village": QT_TRANSLATE_NOOP("MapFields", "Village / community"),
    "grid": QT_TRANSLATE_NOOP("MapFields", "Grid"),
    "person": QT_TRANSLATE_NOOP("MapFields", "Responsible person"),
    "post": QT_TRANSLATE_NOOP("MapFields", "Post"),
    "phone": QT_TRANSLATE_NOOP("MapFields", "Phone"),
    "capacity": QT_TRANSLATE_NOOP("MapFields", "Capacity (persons)"),
    "occupants": QT_TRANSLATE_NOOP("MapFields", "In the shelter now (event)"),
    "occupancy": QT_TRANSLATE_NOOP("MapFields", "Occupancy"),
    "expected": QT_TRANSLATE_NOOP("MapFields", "Still expected"),
    "certified_label": QT_TRANSLATE_NOOP("MapFields", "Safety certified"),
    "manager": QT_TRANSLATE_NOOP("MapFields", "Manager"),
    "location": QT_TRANSLATE_NOOP("MapFields", "Location"),
    "address": QT_TRANSLATE_NOOP("MapFields", "Address"),
    "note": QT_TRANSLATE_NOOP("MapFields", "Note"),
    "villages": QT_TRANSLATE_NOOP("MapFields", "Villages and communities"),
    "grids": QT_TRANSLATE_NOOP("MapFields", "Responsibility grids"),
    "danger_zones": QT_TRANSLATE_NOOP("MapFields", "Danger zones and hazard points"),
    "shelters": QT_TRANSLATE_NOOP("MapFields", "Shelters"),
}


def field_labels() -> dict[str, str]:
    """FIELD_LABELS translated, in display order."""
    return {
        key: QCoreApplication.translate("MapFields", text) for key, text in FIELD_LABELS.items()
    }


# -- styles -------------------------------------------------------------------------------

DANGER_STYLE: dict[str, tuple[str, str]] = {  # kind -> (colour, point symbol)
    "flash_flood": ("#1f5fbf", "triangle"),
    "geological": ("#8c510a", "diamond"),
    "waterlogging": ("#0fa3b1", "circle"),
    "dilapidated_housing": ("#d62728", "square"),
    "seawall": ("#2a7f62", "hexagon"),
    "work_shed": ("#f07800", "pentagon"),
    "fishing_raft": ("#7b4fb8", "triangle_down"),
    "scenic_spot": ("#d6409f", "star"),
}
OTHER_DANGER = ("#666666", "circle")

SHELTER_COLOUR = "#1a9641"
# During an event a shelter's marker shows its occupancy (models.transfers.ShelterOccupancy).
OCCUPANCY_COLOURS = {"nearly_full": "#f07800", "full": "#d01010"}

COUNTY_PATH = {
    "color": "#1b1b1b",
    "weight": 3,
    "opacity": 0.9,
    "fill": True,
    "fillColor": "#ffffff",
    "fillOpacity": 0.6,
}  # land lighter than the background
TOWN_PATH = {
    "color": "#4a4a4a",
    "weight": 1.8,
    "opacity": 0.85,
    "fill": False,
    "dashArray": "8 4 2 4",
}
VILLAGE_PATH = {
    "color": "#7d8790",
    "weight": 0.8,
    "opacity": 0.8,
    "fill": False,
    "dashArray": "3 3",
}
GRID_PATH = {"color": "#4f86c6", "weight": 0.6, "opacity": 0.55, "fill": False}


def _line(options: dict[str, Any]) -> dict[str, Any]:
    return {"shape": "line", "options": options}


def danger_path(colour: str) -> dict[str, Any]:
    return {
        "color": colour,
        "weight": 1.2,
        "opacity": 0.9,
        "fill": True,
        "fillColor": colour,
        "fillOpacity": 0.3,
    }


def danger_marker(colour: str, shape: str) -> dict[str, Any]:
    return {
        "shape": shape,
        "radius": 6,
        "color": "#ffffff",
        "weight": 1,
        "opacity": 1,
        "fill": True,
        "fillColor": colour,
        "fillOpacity": 0.95,
    }


def shelter_marker() -> dict[str, Any]:
    return {
        "shape": "circle",
        "radius": 6,
        "color": "#ffffff",
        "weight": 1.5,
        "opacity": 1,
        "fill": True,
        "fillColor": SHELTER_COLOUR,
        "fillOpacity": 0.85,
    }


def shelter_radius(capacity: float, sizing: dict[str, Any]) -> float:
    """The marker radius of a capacity (the page script computes the same)."""
    share = min(max(capacity, 0) / sizing["max_value"], 1.0) ** 0.5
    return float(sizing["min"] + (sizing["max"] - sizing["min"]) * share)


# -- building the layers ----------------------------------------------------------------------


_DIVISIONS = Division.__table__
_VILLAGE = _DIVISIONS.alias("village")
_TOWN = _DIVISIONS.alias("town")


def _village_join(table: Any) -> Any:
    """``table`` joined to its village and the village's town (Core: no ORM rows to build)."""
    return table.join(_VILLAGE, _VILLAGE.c.id == table.c.village_id).outerjoin(
        _TOWN, _TOWN.c.id == _VILLAGE.c.parent_id
    )


def _layer(
    key: str,
    title: str,
    group: str,
    blobs: list[bytes | None],
    properties: list[dict[str, Any]],
    style: dict[str, Any],
    legend: list[LegendEntry],
    *,
    visible: bool = True,
    title_context: str = CONTEXT,
    tolerance: float = SIMPLIFY_DEGREES,
    decimals: int = DECIMALS,
) -> LayerData:
    features = Features.build(load_wkb(blobs), properties, tolerance=tolerance, decimals=decimals)
    return LayerData(
        key=key,
        title=title,
        group=group,
        features=features,
        style=style,
        legend=legend,
        visible=visible,
        context=title_context,
        missing=len(properties) - len(features),
    )


def _counts(session: Session, table: Any) -> dict[int, int]:
    """Rows per village."""
    return dict(
        session.execute(select(table.c.village_id, func.count()).group_by(table.c.village_id)).all()
    )


def division_layers(session: Session) -> list[LayerData]:
    """County, town and village boundaries (in that order)."""
    require(session, Permission.READ_REGISTER)
    d = _DIVISIONS
    rows = session.execute(
        select(d.c.id, d.c.code, d.c.name, d.c.level, d.c.parent_id, d.c.geom).order_by(d.c.code)
    ).all()
    names = {row[0]: row[2] for row in rows}
    children: dict[int, int] = dict(
        session.execute(
            select(d.c.parent_id, func.count())
            .where(d.c.parent_id.is_not(None))
            .group_by(d.c.parent_id)
        ).all()
    )
    counts = {
        "grids": _counts(session, Grid.__table__),
        "danger_zones": _counts(session, DangerZone.__table__),
        "shelters": _counts(session, Shelter.__table__),
    }
    keys = {"county": "county", "town": "towns", "village": "villages"}
    blobs: dict[str, list[bytes | None]] = {key: [] for key in keys.values()}
    props: dict[str, list[dict[str, Any]]] = {key: [] for key in keys.values()}
    levels = {level: label(DIVISION_LEVELS, level) for level in keys}
    for id_, code, name, level, parent_id, geom in rows:
        key = keys.get(level)
        if key is None:
            continue
        item: dict[str, Any] = {
            "id": id_,
            "layer": key,
            "name": name,
            "code": code,
            "level_label": levels[level],
        }
        if level == "town":
            item["villages"] = children.get(id_, 0)
        elif level == "village":
            item["town"] = names.get(parent_id)
            item["village_id"] = id_
            for what, per_village in counts.items():
                item[what] = per_village.get(id_, 0)
        blobs[key].append(geom)
        props[key].append(item)
    paths = {"county": COUNTY_PATH, "towns": TOWN_PATH, "villages": VILLAGE_PATH}
    return [
        _layer(
            key,
            TITLES[key],
            GROUP_DIVISIONS,
            blobs[key],
            props[key],
            {"path": paths[key]},
            [LegendEntry(TITLES[key], _line(paths[key] | {"fill": False}))],
        )
        for key in ("county", "towns", "villages")
    ]


def grid_layer(session: Session) -> LayerData:
    require(session, Permission.READ_REGISTER)
    g = Grid.__table__
    mask = phone_masker(session)
    blobs, props = [], []
    for id_, code, name, village_id, village, town, person, post, phone, geom in session.execute(
        select(
            g.c.id,
            g.c.code,
            g.c.name,
            g.c.village_id,
            _VILLAGE.c.name,
            _TOWN.c.name,
            g.c.person_name,
            g.c.person_post,
            g.c.person_phone,
            g.c.geom,
        ).select_from(_village_join(g))
    ).all():
        blobs.append(geom)
        props.append(
            {
                "id": id_,
                "layer": "grids",
                "name": name,
                "code": code,
                "town": town,
                "village": village,
                "village_id": village_id,
                "person": person,
                "post": post,
                "phone": mask(phone),
            }
        )
    return _layer(
        "grids",
        TITLES["grids"],
        GROUP_GRIDS,
        blobs,
        props,
        {"path": GRID_PATH},
        [LegendEntry(TITLES["grids"], _line(GRID_PATH))],
    )


def danger_layers(session: Session) -> list[LayerData]:
    """One layer per kind of danger zone: areas filled, hazard points as a symbol per kind."""
    require(session, Permission.READ_REGISTER)
    z = DangerZone.__table__
    grid = Grid.__table__
    shape_labels = {
        False: QCoreApplication.translate("MapLayers", "Hazard point"),
        True: QCoreApplication.translate("MapLayers", "Danger zone (area)"),
    }
    kind_labels: dict[str, str] = {}
    by_kind: dict[str, tuple[list[bytes | None], list[dict[str, Any]]]] = {}
    for (
        id_,
        code,
        name,
        kind,
        village_id,
        village,
        town,
        grid_name,
        location,
        note,
        geom,
        min_lon,
        max_lon,
        min_lat,
        max_lat,
    ) in session.execute(
        select(
            z.c.id,
            z.c.code,
            z.c.name,
            z.c.kind,
            z.c.village_id,
            _VILLAGE.c.name,
            _TOWN.c.name,
            grid.c.name,
            z.c.location,
            z.c.note,
            z.c.geom,
            z.c.min_lon,
            z.c.max_lon,
            z.c.min_lat,
            z.c.max_lat,
        ).select_from(_village_join(z).outerjoin(grid, grid.c.id == z.c.grid_id))
    ).all():
        key = f"danger.{kind}"
        if kind not in by_kind:
            by_kind[kind] = ([], [])
            kind_labels[kind] = label(DANGER_KINDS, kind)
        blobs, props = by_kind[kind]
        blobs.append(geom)
        props.append(
            {
                "id": id_,
                "layer": key,
                "name": name,
                "code": code,
                "kind": kind,
                "kind_label": kind_labels[kind],
                "shape_label": shape_labels[min_lon != max_lon or min_lat != max_lat],
                "town": town,
                "village": village,
                "village_id": village_id,
                "grid": grid_name,
                "location": location,
                "note": note,
            }
        )
    kinds = [k for k in DANGER_KINDS if k in by_kind] + sorted(set(by_kind) - set(DANGER_KINDS))
    layers = []
    for kind in kinds:
        colour, shape = DANGER_STYLE.get(kind, OTHER_DANGER)
        path, marker = danger_path(colour), danger_marker(colour, shape)
        known = kind in DANGER_KINDS
        layers.append(
            _layer(
                f"danger.{kind}",
                DANGER_KINDS[kind] if known else kind,
                GROUP_DANGER,
                *by_kind[kind],
                {"path": path, "marker": marker},
                [
                    LegendEntry(
                        QT_TRANSLATE_NOOP("MapLayers", "Danger zone (area)"),
                        {"shape": "area", "options": path},
                    ),
                    LegendEntry(
                        QT_TRANSLATE_NOOP("MapLayers", "Hazard point"),
                        {"shape": shape, "options": marker, "radius": 6},
                    ),
                ],
                title_context="Label" if known else CONTEXT,
            )
        )
    return layers


def shelter_layer(session: Session) -> LayerData:
    require(session, Permission.READ_REGISTER)
    s = Shelter.__table__
    mask = phone_masker(session)
    yes = QCoreApplication.translate("MapLayers", "Yes")
    no = QCoreApplication.translate("MapLayers", "No")
    levels = {level: label(SHELTER_LEVELS, level) for level in SHELTER_LEVELS}
    blobs, props = [], []
    for (
        id_,
        name,
        level,
        capacity,
        certified,
        manager,
        phone,
        address,
        village_id,
        village,
        town,
        geom,
    ) in session.execute(
        select(
            s.c.id,
            s.c.name,
            s.c.level,
            s.c.capacity,
            s.c.safety_certified,
            s.c.manager_name,
            s.c.manager_phone,
            s.c.address,
            s.c.village_id,
            _VILLAGE.c.name,
            _TOWN.c.name,
            s.c.geom,
        ).select_from(_village_join(s))
    ).all():
        blobs.append(geom)
        props.append(
            {
                "id": id_,
                "layer": "shelters",
                "name": name,
                "level_label": levels.get(level) or label(SHELTER_LEVELS, level),
                "capacity": capacity,
                "certified_label": yes if certified else no,
                "manager": manager,
                "phone": mask(phone),
                "address": address,
                "town": town,
                "village": village,
                "village_id": village_id,
            }
        )
    biggest = max(max((p["capacity"] or 0 for p in props), default=0), 1)
    marker = shelter_marker()
    sizing = {"property": "capacity", "min": 3.5, "max": 11, "max_value": biggest}
    style: dict[str, Any] = {"marker": marker, "radius_by": sizing, "legend_rows": True}
    legend = [
        LegendEntry(
            QT_TRANSLATE_NOOP("MapLayers", "%1 persons"),
            {
                "shape": "circle",
                "options": marker,
                "radius": round(shelter_radius(persons, sizing), 1),
            },
            args=(f"{persons:,}",),
        )
        for persons in sorted({min(100, biggest), biggest})
    ]
    if _add_occupancy(session, props):
        style["by"] = "occupancy_state"
        style["variants"] = {
            state: {"marker": {"fillColor": colour}} for state, colour in OCCUPANCY_COLOURS.items()
        }
        legend += [
            LegendEntry(
                QT_TRANSLATE_NOOP("MapLayers", "Above 90% full (event)"),
                {
                    "shape": "circle",
                    "options": marker | {"fillColor": OCCUPANCY_COLOURS["nearly_full"]},
                    "radius": 6,
                },
            ),
            LegendEntry(
                QT_TRANSLATE_NOOP("MapLayers", "Full (event)"),
                {
                    "shape": "circle",
                    "options": marker | {"fillColor": OCCUPANCY_COLOURS["full"]},
                    "radius": 6,
                },
            ),
        ]
    return _layer("shelters", TITLES["shelters"], GROUP_SHELTERS, blobs, props, style, legend)


def _add_occupancy(session: Session, props: list[dict[str, Any]]) -> bool:
    """During an event: each shelter's people now, occupancy and state; False without one."""
    from models.events import active_event
    from models.transfers import rollup

    event = active_event(session=session)
    if event is None:
        return False
    occupancy = {s.id: s for s in rollup(session=session, event_id=event.id).shelters}
    for p in props:
        shelter = occupancy.get(p["id"])
        if shelter is None:
            continue
        rate = shelter.rate
        p["occupants"] = shelter.occupants
        p["expected"] = shelter.expected
        p["occupancy"] = f"{rate * 100:.0f}%" if rate is not None else None
        p["occupancy_state"] = shelter.state
    return True


def register_layers(*, session: Session) -> list[LayerData]:
    """Every layer of the register, bottom to top: boundaries, grids, danger zones, shelters."""
    require(session, Permission.READ_REGISTER)
    return [
        *division_layers(session),
        grid_layer(session),
        *danger_layers(session),
        shelter_layer(session),
    ]


# -- search -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SearchEntry:
    """A feature the search box can find: what to show, where it is, and its search key."""

    layer: str
    id: int
    text: str  # "name (village, kind)" as shown in the results
    key: str  # models.search key: text, pinyin, initials, digits


SEARCHED_LAYERS = ("towns", "villages", "grids", "shelters")


def search_entries(layers: Iterable[LayerData]) -> list[SearchEntry]:
    """Search entries for towns, villages, grids, danger zones and shelters."""
    entries = []
    for layer in layers:
        if layer.key not in SEARCHED_LAYERS and not layer.key.startswith("danger."):
            continue
        title = layer.title_text
        for props in layer.features.properties:
            name = str(props.get("name", ""))
            where = props.get("village") or props.get("town") or ""
            what = (
                props.get("kind_label")
                or (props.get("level_label") if layer.key in ("towns", "villages") else None)
                or title
            )
            detail = ", ".join(str(p) for p in (where, what) if p)
            entries.append(
                SearchEntry(
                    layer=layer.key,
                    id=int(props["id"]),
                    text=f"{name} ({detail})",
                    key=search_key(
                        name,
                        props.get("code"),
                        props.get("village"),
                        props.get("person"),
                        props.get("location"),
                    ),
                )
            )
    return entries


# -- typhoon --------------------------------------------------------------------------------

GROUP_TYPHOON = QT_TRANSLATE_NOOP("MapLayers", "Typhoon")
_TYPHOON_STYLE: dict[str, Any] = {
    "by": "kind",
    "legend_rows": True,
    "path": {"color": "#5a3e8a", "weight": 2, "fill": False},
    "marker": {
        "shape": "circle",
        "radius": 4,
        "color": "#5a3e8a",
        "fillColor": "#ffffff",
        "fillOpacity": 1,
        "weight": 2,
    },
    "variants": {
        "track_past": {"path": {"color": "#5a3e8a", "weight": 3}},
        "track_forecast": {"path": {"color": "#c0392b", "weight": 2, "dashArray": "6 4"}},
        "circle7": {
            "path": {
                "color": "#e6a700",
                "weight": 2,
                "fill": True,
                "fillColor": "#f5c400",
                "fillOpacity": 0.10,
            },
            "interactive": False,
        },
        "circle10": {
            "path": {
                "color": "#e06000",
                "weight": 2,
                "fill": True,
                "fillColor": "#f07800",
                "fillOpacity": 0.14,
            },
            "interactive": False,
        },
        "circle12": {
            "path": {
                "color": "#c00000",
                "weight": 2,
                "fill": True,
                "fillColor": "#d01010",
                "fillOpacity": 0.18,
            },
            "interactive": False,
        },
    },
}
_TYPHOON_LEGEND = (
    LegendEntry(
        QT_TRANSLATE_NOOP("MapLayers", "Past track"),
        {"shape": "line", "options": _TYPHOON_STYLE["variants"]["track_past"]["path"]},
    ),
    LegendEntry(
        QT_TRANSLATE_NOOP("MapLayers", "Forecast track"),
        {"shape": "line", "options": _TYPHOON_STYLE["variants"]["track_forecast"]["path"]},
    ),
    LegendEntry(
        QT_TRANSLATE_NOOP("MapLayers", "Force-7 wind circle"),
        {"shape": "area", "options": _TYPHOON_STYLE["variants"]["circle7"]["path"]},
    ),
    LegendEntry(
        QT_TRANSLATE_NOOP("MapLayers", "Force-10 wind circle"),
        {"shape": "area", "options": _TYPHOON_STYLE["variants"]["circle10"]["path"]},
    ),
    LegendEntry(
        QT_TRANSLATE_NOOP("MapLayers", "Force-12 wind circle"),
        {"shape": "area", "options": _TYPHOON_STYLE["variants"]["circle12"]["path"]},
    ),
)


def typhoon_layers(*, session: Session) -> list[LayerData]:
    """The latest typhoon's track and its wind circles at its latest observed point."""
    from maps.typhoon import track_geojson
    from models.typhoons import latest_typhoon_id, load_track

    typhoon_id = latest_typhoon_id(session=session)
    if typhoon_id is None:
        return []
    track = load_track(session=session, typhoon_id=typhoon_id)
    observed = [point.at for point in track.points if not point.is_forecast]
    at = max(observed) if observed else None
    title = (
        QCoreApplication.translate("MapLayers", "Typhoon %1 %2")
        .replace("%1", track.code)
        .replace("%2", track.name)
    )
    layer = LayerData.from_geojson(
        "typhoon",
        title,
        track_geojson(track, at),
        _TYPHOON_STYLE,
        group=GROUP_TYPHOON,
        legend=_TYPHOON_LEGEND,
    )
    return [layer]


def console_layers(*, session: Session) -> list[LayerData]:
    """What the console's map shows: the register, then the typhoon on top."""
    return [*register_layers(session=session), *typhoon_layers(session=session)]
