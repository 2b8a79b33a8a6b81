"""The demo county's transfer lists, and an event's transfers part done.

``build_demo_households`` lists about 20,000 households per scale over the danger
zones (in proportion to their kind) and the work sheds, fishing rafts, building
sites and scenic spots; ``build_demo_transfers`` puts an event's transfers part
done (the typhoon scenario's). Deterministic for a scale; bulk Core writes inside
the caller's transaction.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from models.areas import DangerZone, Division, Grid, Shelter, WorkingGroupMember
from models.base import utcnow
from models.clock import display_zone
from models.database import insert_many
from models.demo.common import DemoBuild, DemoStep, _rng
from models.demo.people import _People
from models.events import acting_name
from models.transfers import (
    OBJECT_ZONE_KINDS,
    Household,
    TransferChange,
    TransferObject,
    TransferRecord,
    derive_status,
    household_search_values,
    name_search_columns,
    new_card_code,
    open_transfers,
    rebuild_tallies,
)
from models.transfers.common import _table
from models.users import Permission, require

HOUSEHOLDS_PER_SCALE = 20_000
# Households per danger zone, relative, by kind; zones of the object kinds get objects.
_HOUSEHOLD_WEIGHT = {
    "waterlogging": 12.0,
    "seawall": 10.0,
    "flash_flood": 9.0,
    "dilapidated_housing": 6.0,
    "geological": 5.0,
}
_EMPTY_ZONE_SHARE = 0.015  # zones nobody has listed yet: the planner check finds them
_RESIDENTS = ((1, 18), (2, 34), (3, 24), (4, 14), (5, 7), (6, 3))
_NO_SHELTER_SHARE = 0.25  # households whose plan is relatives or friends, not a shelter
_NO_PERSON_SHARE = 0.004
_NO_MOBILE_SHARE = 0.06
_CARELESS_SHARE = 0.04  # shelters whose planners assign everyone nearest, room or not


@dataclass(frozen=True)
class DemoHouseholds:
    year: int
    households: int
    residents: int
    objects: int
    object_people: int

    @property
    def rows(self) -> int:
        return self.households + self.objects


def _apportion(weights: Sequence[float], total: int) -> list[int]:
    whole = sum(weights)
    if whole <= 0:
        return [0] * len(weights)
    quotas = [total * w / whole for w in weights]
    shares = [math.floor(q) for q in quotas]
    order = sorted(range(len(weights)), key=lambda i: (shares[i] - quotas[i], i))
    for i in order[: total - sum(shares)]:
        shares[i] += 1
    return shares


def build_demo_households(
    *,
    session: Session,
    scale: int = 1,
    year: int | None = None,
    rng: random.Random | None = None,
) -> DemoHouseholds:
    """Households at risk and transfer objects for the demo county already in ``session``.

    About 20,000 households per scale unit spread over the danger zones by kind
    (fishing rafts, work sheds and scenic spots get objects instead), assigned to
    a near shelter with room, else the nearest (so a few shelters end up
    over-assigned); a few households have no shelter (they go to relatives), no
    responsible person or no mobile, and a few zones nobody listed. Deterministic
    for a scale and year; Core bulk inserts in the caller's transaction, not audited
    row by row (the demo builder writes one bulk record).
    """
    import numpy as np
    import shapely

    require(session, Permission.ADMINISTER_DATABASE)
    rng = rng or _rng(scale, "households")
    people = _People(rng)
    year = year or utcnow().astimezone(display_zone()).year

    villages = {
        id_: name
        for id_, name in session.execute(
            select(Division.id, Division.name).where(Division.level == "village")
        )
    }
    grids = {
        id_: (name, post, phone)
        for id_, name, post, phone in session.execute(
            select(Grid.id, Grid.person_name, Grid.person_post, Grid.person_phone)
        )
    }
    monitors: dict[int, tuple[str, str | None]] = {}
    for village_id, name, phone in session.execute(
        select(WorkingGroupMember.village_id, WorkingGroupMember.name, WorkingGroupMember.phone)
        .where(WorkingGroupMember.post == "monitoring")
        .order_by(WorkingGroupMember.id)
    ):
        monitors.setdefault(village_id, (name, phone))
    zones = session.execute(
        select(
            DangerZone.id,
            DangerZone.village_id,
            DangerZone.grid_id,
            DangerZone.kind,
            DangerZone.name,
            DangerZone.location,
            DangerZone.geom,
        ).order_by(DangerZone.id)
    ).all()
    shelters = session.execute(
        select(
            Shelter.id,
            Shelter.capacity,
            Shelter.min_lon,
            Shelter.min_lat,
            Shelter.max_lon,
            Shelter.max_lat,
        ).order_by(Shelter.id)
    ).all()
    if not zones:
        return DemoHouseholds(year, 0, 0, 0, 0)

    geoms = shapely.from_wkb(np.array([z.geom for z in zones], dtype=object))
    household_zones = [i for i, z in enumerate(zones) if z.kind in _HOUSEHOLD_WEIGHT]
    weights = [
        0.0
        if rng.random() < _EMPTY_ZONE_SHARE
        else _HOUSEHOLD_WEIGHT[zones[i].kind] * rng.uniform(0.5, 1.5)
        for i in household_zones
    ]
    counts = _apportion(weights, HOUSEHOLDS_PER_SCALE * scale)

    shelter_xy = (
        np.array([((s.min_lon + s.max_lon) / 2, (s.min_lat + s.max_lat) / 2) for s in shelters])
        if shelters
        else np.zeros((0, 2))
    )
    room = np.array([int(s.capacity) for s in shelters], dtype=np.int64)
    careless = set(rng.sample(range(len(shelters)), round(len(shelters) * _CARELESS_SHARE)))

    def points_in(index: int, n: int) -> list[tuple[float, float]]:
        geom = geoms[index]
        if geom is None:
            return [(0.0, 0.0)] * n
        if geom.geom_type == "Point":
            x, y = geom.x, geom.y
            return [
                (round(x + rng.uniform(-4e-4, 4e-4), 6), round(y + rng.uniform(-4e-4, 4e-4), 6))
                for _ in range(n)
            ]
        minx, miny, maxx, maxy = geom.bounds
        result: list[tuple[float, float]] = []
        for _ in range(8):
            need = n - len(result)
            if need <= 0:
                break
            xs = np.array([round(rng.uniform(minx, maxx), 6) for _ in range(need * 2)])
            ys = np.array([round(rng.uniform(miny, maxy), 6) for _ in range(need * 2)])
            inside = shapely.contains_xy(geom, xs, ys)
            result.extend((float(x), float(y)) for x, y in zip(xs[inside], ys[inside], strict=True))
        centre = geom.representative_point()
        result.extend([(round(centre.x, 6), round(centre.y, 6))] * max(0, n - len(result)))
        return result[:n]

    shelter_x, shelter_y = shelter_xy[:, 0], shelter_xy[:, 1]
    cos_lat = math.cos(math.radians(float(shelter_y.mean()))) if len(shelters) else 1.0

    def distances(x: float, y: float) -> Any:
        return ((shelter_x - x) * cos_lat) ** 2 + (shelter_y - y) ** 2

    def assign(x: float, y: float, people_count: int) -> int | None:
        """The nearest shelter with room; the planners of a few shelters assign
        everyone nearest to them regardless (the planner check shows them over-assigned)."""
        if not len(shelters):
            return None
        d = distances(x, y)
        choice = int(np.argmin(d))
        if choice not in careless:
            fits = room >= people_count
            if fits.any():
                choice = int(np.argmin(np.where(fits, d, np.inf)))
        room[choice] -= people_count
        return int(shelters[choice].id)

    residents_values = [n for n, _ in _RESIDENTS]
    residents_weights = [w for _, w in _RESIDENTS]
    households: list[dict[str, Any]] = []
    keys: set[tuple[int, str, str | None]] = set()
    for index, count in zip(household_zones, counts, strict=True):
        if not count:
            continue
        zone = zones[index]
        grid_person = grids.get(zone.grid_id) if zone.grid_id is not None else None
        monitor = monitors.get(zone.village_id)
        for number, (x, y) in enumerate(points_in(index, count), start=1):
            residents = rng.choices(residents_values, weights=residents_weights)[0]
            while True:
                name = people.name()
                phone = None if rng.random() < _NO_MOBILE_SHARE else people.mobile()
                key = (zone.village_id, name, phone)
                if key not in keys:
                    keys.add(key)
                    break
            elderly = sum(rng.random() < 0.2 for _ in range(residents))
            children = sum(rng.random() < 0.15 for _ in range(residents - elderly))
            disabled = sum(rng.random() < 0.02 for _ in range(residents))
            bedridden = min(elderly, sum(rng.random() < 0.08 for _ in range(elderly)))
            pregnant = int(residents >= 2 and rng.random() < 0.015)
            shelter = assign(x, y, residents) if rng.random() >= _NO_SHELTER_SHARE else None
            if rng.random() < _NO_PERSON_SHARE:
                person: tuple[str | None, str | None, str | None] = (None, None, None)
            elif grid_person is not None and rng.random() < 0.85:
                person = grid_person
            else:
                person = (people.name(), "村民小组长", people.mobile())
            households.append(
                {
                    "year": year,
                    "village_id": zone.village_id,
                    "danger_zone_id": zone.id,
                    "grid_id": zone.grid_id,
                    "location": f"{zone.location or villages.get(zone.village_id, '')}{number}号"[
                        :120
                    ],
                    "lon": x,
                    "lat": y,
                    "householder_name": name,
                    "householder_phone": phone,
                    **household_search_values(name, phone),
                    "residents": residents,
                    "elderly": elderly,
                    "disabled": disabled,
                    "bedridden": bedridden,
                    "children": children,
                    "pregnant": pregnant,
                    "transfer_person_name": person[0],
                    "transfer_person_post": person[1],
                    "transfer_person_phone": person[2],
                    "warning_person_name": monitor[0] if monitor else None,
                    "warning_person_post": "监测预警员" if monitor else None,
                    "warning_person_phone": monitor[1] if monitor else None,
                    "shelter_id": shelter,
                    "note": "独居老人"
                    if residents == 1 and elderly == 1 and rng.random() < 0.5
                    else None,
                }
            )

    objects: list[dict[str, Any]] = []
    for index, zone in enumerate(zones):
        if zone.kind not in OBJECT_ZONE_KINDS:
            continue
        if zone.kind == "fishing_raft":
            n, head_range, label = rng.randint(1, 3), (2, 6), "号渔排"
        elif zone.kind == "work_shed":
            n, head_range, label = rng.randint(1, 2), (8, 40), "号工棚"
        else:
            n, head_range, label = 1, (10, 80), ""
        grid_person = grids.get(zone.grid_id) if zone.grid_id is not None else None
        for number, (x, y) in enumerate(points_in(index, n), start=1):
            if zone.kind == "work_shed":
                kind = "construction_site" if rng.random() < 0.4 else "work_shed"
                label = "号工地" if kind == "construction_site" else "号工棚"
            else:
                kind = zone.kind
            name = f"{zone.name}{number}{label}" if label else zone.name
            pinyin, initials = name_search_columns(name)
            heads = rng.randint(*head_range)
            # Workers go to a shelter; rafts go back to port and visitors leave.
            shelter = assign(x, y, heads) if kind in ("work_shed", "construction_site") else None
            person = (
                grid_person
                if grid_person and rng.random() < 0.3
                else (people.name(), "负责人", people.mobile())
            )
            objects.append(
                {
                    "year": year,
                    "kind": kind,
                    "name": name[:80],
                    "name_pinyin": pinyin[:240],
                    "name_initials": initials[:60],
                    "village_id": zone.village_id,
                    "danger_zone_id": zone.id,
                    "location": (zone.location or "")[:120] or None,
                    "lon": x,
                    "lat": y,
                    "person_name": person[0],
                    "person_post": person[1],
                    "person_phone": person[2],
                    "head_count": heads,
                    "shelter_id": shelter,
                    "note": None,
                }
            )

    codes: set[str] = set()
    existing = set(session.scalars(select(Household.card_code))) | set(
        session.scalars(select(TransferObject.card_code))
    )
    for item in (*households, *objects):
        while True:
            code = new_card_code(rng)
            if code not in codes and code not in existing:
                codes.add(code)
                item["card_code"] = code
                break
    for start in range(0, len(households), 5000):
        # insert_many numbers the rows and indexes their names (the check-in search).
        insert_many(session, _table(Household), households[start : start + 5000])
    if objects:
        session.execute(insert(_table(TransferObject)), objects)
    return DemoHouseholds(
        year=year,
        households=len(households),
        residents=sum(h["residents"] for h in households),
        objects=len(objects),
        object_people=sum(o["head_count"] for o in objects),
    )


@dataclass(frozen=True)
class DemoScenario:
    event_id: int
    records: int
    changes: int
    nearly_full_shelter: str | None


def build_demo_transfers(
    *,
    session: Session,
    event_id: int,
    scale: int = 1,
    now: datetime | None = None,
    rng: random.Random | None = None,
) -> DemoScenario:
    """Transfers part done for the typhoon scenario: the event's records opened, then
    most towns well on the way (some households in shelters, some with relatives,
    a few refused and some of those forcibly moved, some away), and one shelter nearly
    full. Core bulk writes with history rows; deterministic for a scale."""
    require(session, Permission.ADMINISTER_DATABASE)
    rng = rng or _rng(scale, "transfers")
    now = now or utcnow()
    open_transfers(session=session, event_id=event_id)
    table = _table(TransferRecord)
    records = session.execute(
        select(
            table.c.id,
            table.c.village_id,
            table.c.residents,
            table.c.shelter_id,
            table.c.household_id.is_(None),
        )
        .where(table.c.event_id == event_id)
        .order_by(table.c.id)
    ).all()
    town_of: dict[int | None, int | None] = {
        village: town
        for village, town in session.execute(
            select(Division.id, Division.parent_id).where(Division.level == "village")
        )
    }
    towns = sorted(set(town_of.values()), key=lambda t: t or 0)
    progress = {t: rng.choice((0.25, 0.45, 0.6, 0.75, 0.85, 0.95)) for t in towns}
    capacity = dict(session.execute(select(Shelter.id, Shelter.capacity)).all())
    occupants: dict[int, int] = defaultdict(int)
    state: dict[int, dict[str, int]] = {}
    shelter_of: dict[int, int | None] = {}
    changes: list[dict[str, Any]] = []
    start = now - timedelta(hours=6)
    actor = acting_name(session)

    def log(
        record_id: int,
        source: str,
        target: str,
        count: int,
        shelter_id: int | None = None,
        reason: str | None = None,
        authorised: str | None = None,
    ) -> None:
        changes.append(
            {
                "record_id": record_id,
                "event_id": event_id,
                "at": start + timedelta(seconds=rng.randint(0, 6 * 3600 - 60)),
                "actor": actor,
                "place": "演示",
                "from_status": source,
                "to_status": target,
                "count": count,
                "shelter_id": shelter_id,
                "reason": reason,
                "authorised_by": authorised,
                "version": 1,
            }
        )

    for record_id, village_id, residents, shelter_id, is_object in records:
        counts = dict.fromkeys(("away", "refused", "sheltered", "relatives", "forced"), 0)
        shelter_of[record_id] = shelter_id
        share = progress.get(town_of.get(village_id), 0.5)
        if rng.random() < share:
            left = residents
            if not is_object and residents > 1 and rng.random() < 0.08:
                counts["away"] = rng.randint(1, residents - 1)
                left -= counts["away"]
                log(record_id, "to_move", "away", counts["away"])
            if not is_object and rng.random() < 0.01:
                counts["refused"] = left
                log(record_id, "to_move", "refused", left, reason="不愿离开房屋")
                if rng.random() < 0.5:
                    counts["refused"], counts["forced"] = 0, left
                    log(record_id, "refused", "forced", left, authorised="镇长")
                left = 0
            if left:
                part = left if rng.random() > 0.06 else max(1, left // 2)
                fits = shelter_id is not None and occupants[shelter_id] + part <= capacity.get(
                    shelter_id, 0
                )
                if fits and rng.random() < 0.6:
                    counts["sheltered"] = part
                    occupants[shelter_id] += part
                    log(record_id, "to_move", "sheltered", part, shelter_id=shelter_id)
                else:
                    counts["relatives"] = part
                    log(record_id, "to_move", "relatives", part)
        state[record_id] = counts

    # One shelter nearly full: fill the fullest village shelter to about 95%.
    nearly_full = None
    candidates = [s for s in capacity if capacity[s] > 0 and occupants[s] < capacity[s]]
    if candidates:
        target = max(candidates, key=lambda s: (occupants[s] / capacity[s], -s))
        goal = math.ceil(capacity[target] * 0.95)
        for record_id, _village_id, residents, _shelter_id, is_object in records:
            if occupants[target] >= goal:
                break
            counts = state[record_id]
            left = residents - sum(counts.values())
            if is_object or left <= 0 or counts["refused"] or counts["sheltered"]:
                continue
            if shelter_of[record_id] != target and shelter_of[record_id] is not None:
                continue
            part = min(left, goal - occupants[target])
            counts["sheltered"] += part
            occupants[target] += part
            shelter_of[record_id] = target
            log(record_id, "to_move", "sheltered", part, shelter_id=target)
        if occupants[target] < goal:  # too few assigned: bring others from the same village
            village_of_target = session.scalar(
                select(Shelter.village_id).where(Shelter.id == target)
            )
            town = town_of.get(village_of_target)
            for record_id, village_id, residents, _shelter_id, is_object in records:
                if occupants[target] >= goal:
                    break
                counts = state[record_id]
                left = residents - sum(counts.values())
                if (
                    is_object
                    or left <= 0
                    or counts["refused"]
                    or counts["sheltered"]
                    or town_of.get(village_id) != town
                ):
                    continue
                part = min(left, goal - occupants[target])
                counts["sheltered"] += part
                occupants[target] += part
                shelter_of[record_id] = target
                log(record_id, "to_move", "sheltered", part, shelter_id=target)
        nearly_full = session.scalar(select(Shelter.name).where(Shelter.id == target))

    updates = []
    for record_id, _village_id, residents, _shelter_id, _is_object in records:
        counts = state[record_id]
        if not any(counts.values()):
            continue
        updates.append(
            {
                "rid": record_id,
                **counts,
                "shelter_id": shelter_of[record_id],
                "status": derive_status(
                    residents,
                    counts["away"],
                    counts["refused"],
                    counts["sheltered"],
                    counts["relatives"],
                    counts["forced"],
                ),
                "refusal_reason": "不愿离开房屋" if counts["refused"] or counts["forced"] else None,
                "authorised_by": "镇长" if counts["forced"] else None,
                "updated_at": now,
                "updated_by": actor,
            }
        )
    if updates:
        session.execute(
            update(table)
            .where(table.c.id == bindparam("rid"))
            .values(
                **{key: bindparam(key) for key in updates[0] if key != "rid"},
                version=table.c.version + 1,
            ),
            updates,
        )
    for start_at in range(0, len(changes), 5000):
        part = changes[start_at : start_at + 5000]
        for change in part:
            change["version"] = 2
        session.execute(insert(_table(TransferChange)), part)
    rebuild_tallies(session=session, event_id=event_id)
    return DemoScenario(event_id, len(records), len(changes), nearly_full)


def _write(build: DemoBuild) -> None:
    listed = build_demo_households(session=build.session, scale=build.scale)
    build.add(households=listed.households, transfer_objects=listed.objects)


STEP = DemoStep("transfers", _write)
