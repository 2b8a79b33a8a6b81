"""What the map's search box finds among the layers: names, codes, people, places."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from maps.layers.base import LayerData
from models.search import search_key


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
