"""What a typhoon's wind circles reach, computed in a process of its own for the map's
typhoon panel (ui.map.typhoon).

The register indexed for the reach (maps.reach.ReachIndex: every feature's shape and,
at scale, 200,000 households) takes seconds to load and needs numpy, shapely and
pyproj; each time on the slider, the circles, the counts and the features listed take
tens to hundreds of milliseconds more. In threads of the console's process that work
held the interpreter the UI thread waits for. The child (ui.common.child:
``python -m ui.map.typhoon_reach``) keeps the index of the typhoon shown and answers:

    at       the typhoon at a time: its position's text, the track and its circles
             (GeoJSON), what the counts rest on, the counts, and the features of the
             count chosen
    list     the features of another count at that time
    export   the reach table at that time as a workbook (the documents registry's
             typhoon-reach, made in one unit of work as any document)
    forget   the page closed: the index is freed (the idle child waits for the next page)

Each request names the typhoon and the token of the panel's load: a new token (the
register or the track changed) loads the index again. What is answered is plain data;
the panel shows it.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject

from models.users import Actor
from ui.common.child import Answer, Child, serve

if TYPE_CHECKING:
    from maps.reach import ReachIndex, ReachTable
    from models.database import Database
    from models.typhoons import TyphoonTrack

log = logging.getLogger(__name__)

LIST_LIMIT = 2000  # features listed beside the map; the export holds them all
CIRCLES = ("force7_now", "force10_now", "force7_forecast", "force10_forecast")
ON_MAP = frozenset({"town", "village", "grid", "danger_zone", "shelter"})  # can be marked

Done = Callable[[Answer | None, str | None], None]  # (the answer, or an error's text)


class ReachChild(QObject):
    """The panel's child process: ``ask(request, done)``, ``done(answer, error)`` on the
    UI thread."""

    def __init__(self, url: str, actor: Actor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        what = QCoreApplication.translate("TyphoonPanel", "the process computing the reach")
        self.child = Child(
            "ui.map.typhoon_reach", what, url, actor, self._answered, self._lost, self
        )
        self._waiting: dict[int, Done] = {}

    def ask(self, request: dict[str, Any], done: Done) -> None:
        self._waiting[self.child.ask(request)] = done

    def close(self) -> None:
        """No more answers: an idle child, told to free its index, is kept for the next map
        page; a busy one is killed."""
        keep = not self._waiting and self.child.process is not None
        self._waiting.clear()
        if keep:
            self.child.ask({"do": "forget"})
        self.child.end(keep=keep)

    def _answered(self, answer: Answer) -> None:
        done = self._waiting.pop(answer.get("id", -1), None)
        if done is None:
            return
        if answer.get("ok"):
            done(answer, None)
        else:
            done(None, str(answer.get("error") or "?"))

    def _lost(self, text: str) -> None:
        waiting, self._waiting = self._waiting, {}
        for done in waiting.values():
            done(None, text)


# -- the child process -----------------------------------------------------------------------


class _Kept:
    """The typhoon and the register indexed for the panel's load ``token``, and the table
    of the time asked last."""

    token: str | None = None
    track: TyphoonTrack | None = None
    index: ReachIndex | None = None
    table: ReachTable | None = None


_KEPT = _Kept()


def _table(request: dict[str, Any], db: Database, actor: Actor) -> ReachTable:
    from maps.reach import ReachIndex, TyphoonNotFound
    from models.typhoons import load_track

    kept = _KEPT
    if kept.token != request["token"] or kept.track is None or kept.index is None:
        kept.token = kept.track = kept.index = kept.table = None  # the old index freed first
        with db.session(actor) as session:
            track = load_track(session=session, typhoon_id=int(request["typhoon_id"]))
            if track is None:
                raise TyphoonNotFound(
                    QCoreApplication.translate("TyphoonPanel", "The typhoon was deleted.")
                )
            kept.index = ReachIndex.load(session=session)
        kept.track, kept.token = track, request["token"]
    at = datetime.fromisoformat(request["at"])
    if kept.table is None or kept.table.at != at:
        assert kept.index is not None and kept.track is not None
        kept.table = kept.index.table(kept.track, at)
    return kept.table


def listing(table: ReachTable, layer: str, circle: str) -> dict[str, Any]:
    """The features behind one count: the first LIST_LIMIT (id, layer, name, town,
    village, detail), and every id to mark (none for households, which the map does not
    draw)."""
    listed = "household" if layer == "people" else layer  # the people are the households'
    lines = [
        [r.id, r.layer, r.name or r.code, r.town, r.village, r.detail]
        for r in table.reached(listed, circle, LIST_LIMIT)
    ]
    ids = table.ids(listed, circle) if layer in ON_MAP else []
    return {"layer": layer, "circle": circle, "lines": lines, "ids": ids}


def at_answer(track: TyphoonTrack, table: ReachTable, layer: str, circle: str) -> Answer:
    """The answer to ``at``: the typhoon at the table's time and what it reaches, with the
    features of the count (layer, circle) listed."""
    from maps.reach import layer_label
    from maps.typhoon import interpolate, point_label, track_geojson

    assert table.at is not None
    point = interpolate(track, table.at)
    known = table.radii_known
    counts = [
        [
            c.layer,
            layer_label(c.layer),
            c.total,
            c.force7_now if known else None,
            c.force10_now if known else None,
            c.force7_forecast,
            c.force10_forecast,
        ]
        for c in table.counts
    ]
    return {
        "at": table.at.isoformat(),
        "point_text": point_label(track, point) if point is not None else "",
        "collection": track_geojson(track, table.at),
        "radii_text": table.radii_text,
        "counts": counts,
        "listing": listing(table, layer, circle),
    }


def _export(table: ReachTable, request: dict[str, Any], db: Database, actor: Actor) -> Answer:
    from ui.common.operations import unit_of_work
    from ui.printing.registry import Format, document

    spec = document("typhoon-reach", Format.EXCEL)
    outcome = unit_of_work(
        db,
        actor,
        lambda session: spec.make(
            session=session,
            path=Path(request["path"]),
            typhoon=str(table.typhoon_id),
            at=table.at,
            table=table,
        ),
    )
    return {"problem": outcome.problem}


def answer(request: dict[str, Any], db: Database, actor: Actor) -> Iterator[Answer]:
    if request["do"] == "forget":  # the page closed: the index freed, nothing answered
        _KEPT.token = _KEPT.track = _KEPT.index = _KEPT.table = None
        return
    table = _table(request, db, actor)
    if request["do"] == "at":
        assert _KEPT.track is not None
        yield at_answer(_KEPT.track, table, request["layer"], request["circle"])
    elif request["do"] == "list":
        yield {"listing": listing(table, request["layer"], request["circle"])}
    elif request["do"] == "export":
        yield _export(table, request, db, actor)
    else:
        raise ValueError(f"unknown request {request['do']!r}")


if __name__ == "__main__":
    sys.exit(serve(answer, "ecc-typhoon-reach"))
