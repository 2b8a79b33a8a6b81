"""The register as map layers: boundaries, grids, danger zones by kind, shelters.

Read with Core queries (no ORM rows to build); phones are masked for roles that may
not see them, and during an event a shelter shows its occupancy.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from maps.geometry import DECIMALS, SIMPLIFY_DEGREES, Features, load_wkb
from maps.layers.base import CONTEXT, LayerData, LegendEntry
from maps.layers.registry import MapLayer, add_layer
from maps.layers.styles import (
    COUNTY_PATH,
    DANGER_STYLE,
    GRID_PATH,
    OCCUPANCY_COLOURS,
    OTHER_DANGER,
    TOWN_PATH,
    VILLAGE_PATH,
    danger_marker,
    danger_path,
    line_symbol,
    shelter_marker,
    shelter_radius,
)
from models.areas import DangerZone, Division, Grid, Shelter
from models.labels import DANGER_KINDS, DIVISION_LEVELS, SHELTER_LEVELS, label
from models.messages import QT_TRANSLATE_NOOP
from models.privacy import phone_masker
from models.users import Permission, require

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
            [LegendEntry(TITLES[key], line_symbol(paths[key] | {"fill": False}))],
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
        [LegendEntry(TITLES["grids"], line_symbol(GRID_PATH))],
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


def _read(draw: Any) -> Any:
    """A register layer's features, for a reader of the register."""

    def features(*, session: Session) -> Any:
        require(session, Permission.READ_REGISTER)
        made = draw(session)
        return made if isinstance(made, list) else [made]

    return features


# The register's layers on the console's map, bottom to top (maps.layers.registry).
add_layer(MapLayer("divisions", GROUP_DIVISIONS, _read(division_layers), order=10))
add_layer(MapLayer("grids", GROUP_GRIDS, _read(grid_layer), order=20))
add_layer(MapLayer("danger_zones", GROUP_DANGER, _read(danger_layers), order=30))
add_layer(MapLayer("shelters", GROUP_SHELTERS, _read(shelter_layer), order=40))
