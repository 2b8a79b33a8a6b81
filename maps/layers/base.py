"""What a map layer is: its features, style spec and legend, and the labels of its fields.

Kept apart from the layers themselves so a module adding a layer (and the page that
draws it) needs only this and maps.layers.styles.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication

from maps.geometry import Features
from models.messages import QT_TRANSLATE_NOOP

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
