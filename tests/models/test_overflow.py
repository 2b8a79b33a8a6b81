"""A full shelter that still expects arrivals: by how many it overflows, and the nearest
shelters with room (by distance, with their free places)."""

from __future__ import annotations

import pdfplumber
import pytest
from PySide6.QtCore import QCoreApplication

from models.arrivals import list_shelter_arrivals
from models.database import Database
from models.events import active_event
from models.transfers import ShelterOccupancy, overflow_of, overflow_text, overflows, rollup
from tests.conftest import ADMIN

# Degrees of longitude per kilometre at the equator (lat 0 keeps the arithmetic plain).
KM = 1 / 111.195


def shelter(
    id_: int,
    capacity: int,
    occupants: int,
    expected: int,
    km_east: float | None,
    *,
    village: int = 1,
) -> ShelterOccupancy:
    lon = None if km_east is None else 120 + km_east * KM
    lat = None if km_east is None else 0.0
    return ShelterOccupancy(
        id_, f"S{id_}", village, "village", capacity, occupants, occupants, 0, expected, lon, lat
    )


def test_a_full_shelter_expecting_more_names_the_nearest_with_room() -> None:
    full = shelter(1, 50, 50, 262, 0)
    others = [
        full,
        shelter(2, 100, 100, 0, 0.5),  # full: no room
        shelter(3, 200, 20, 100, 3.0),  # 80 free
        shelter(4, 60, 10, 0, 1.2),  # 50 free, nearest with room
        shelter(5, 500, 0, 0, 9.0),  # 500 free, far
        shelter(6, 40, 0, 0, 20.0),  # not needed: the others cover the overflow
        shelter(7, 30, 0, 0, None, village=1),  # no coordinates: last
    ]
    found = overflow_of(full, others)
    assert found is not None
    assert (found.over, found.occupants, found.expected, found.capacity) == (262, 50, 262, 50)
    assert [(s.name, s.free) for s in found.nearest] == [("S4", 50), ("S3", 80), ("S5", 500)]
    assert [round(s.distance_km or 0, 1) for s in found.nearest] == [1.2, 3.0, 9.0]
    assert found.room_named >= found.over
    text = overflow_text(found)
    for part in ("262", "S4", "1.2", "50", "S3", "3.0", "80", "S5"):
        assert part in text
    assert text.index("S4") < text.index("S3") < text.index("S5")
    assert overflow_of(shelter(8, 50, 40, 10, 0), others) is None  # everyone fits


def test_when_the_county_is_short_of_places_it_says_so() -> None:
    full = shelter(1, 50, 50, 100, 0)
    some = shelter(2, 30, 0, 0, 2.0)
    found = overflow_of(full, [full, some])
    assert found is not None and [s.name for s in found.nearest] == ["S2"]
    short = QCoreApplication.translate(
        "Overflow", "%1 places are still missing in the county."
    ).replace("%1", "70")
    assert short in overflow_text(found)
    nowhere = overflow_of(full, [full])
    assert nowhere is not None and nowhere.nearest == ()
    assert QCoreApplication.translate("Overflow", "No shelter has room left.") in overflow_text(
        nowhere
    )
    without_coordinates = overflow_of(shelter(1, 50, 50, 10, None), [full, some])
    assert without_coordinates is not None
    assert [s.distance_km for s in without_coordinates.nearest] == [None]


@pytest.mark.timeout(300)
def test_the_demo_typhoon_overflow_on_the_arrivals_list_and_printout(
    typhoon_db: Database, tmp_path: object
) -> None:
    """The demo typhoon's fullest shelter (50 of 50, more assigned): its arrivals carry the
    overflow and the nearest shelters with room, and its printout says so over the table."""
    from pathlib import Path

    from ui.printing.transfers import print_shelter_arrivals

    with typhoon_db.session(ADMIN) as session:
        event = active_event(session=session)
        assert event is not None
        shelters = rollup(session=session, event_id=event.id).shelters
        worst = overflows(shelters)[0]
        arrivals = list_shelter_arrivals(session=session, event_id=event.id, shelter_id=worst.id)
        path = Path(str(tmp_path)) / "arrivals.pdf"
        print_shelter_arrivals(session=session, event_id=event.id, shelter_id=worst.id, path=path)
    here = next(s for s in shelters if s.id == worst.id)
    assert here.occupants >= here.capacity and here.expected > 0
    assert arrivals is not None and arrivals.overflow == worst
    assert worst.over == here.occupants + here.expected - here.capacity
    free = {s.id: s.capacity - s.occupants - s.expected for s in shelters}
    assert worst.nearest and all(free[s.id] == s.free > 0 for s in worst.nearest)
    distances = [s.distance_km for s in worst.nearest]
    assert distances == sorted(d for d in distances if d is not None)
    with pdfplumber.open(path) as pdf:
        first = pdf.pages[0]
        text = first.extract_text().replace("\n", "").replace(" ", "")
        table_top = min(t.bbox[1] for t in first.find_tables())
        over_words = [w for w in first.extract_words() if f"{worst.over:,}" in w["text"]]
    assert overflow_text(worst, with_name=False).replace(" ", "") in text
    assert any(w["bottom"] <= table_top for w in over_words)  # over the table
