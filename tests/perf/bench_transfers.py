"""Personnel transfers on the demo county at scale 10 (200,000 households, about
600,000 people), each figure beside a raw baseline measured in the same run.

Two legs. SQLite: the scale-10 demo is copied to its own file (the other benchmarks keep
theirs as built). PostgreSQL, when ``.ci/run perf`` has started its throwaway cluster
(ECC_TEST_DATABASE_URL): the scale-10 demo is built in a database of its own there
(about two minutes), then analysed, as autovacuum would soon after a load. The demo
typhoon's event is started with its transfers part done (``build_typhoon_scenario``; an
event already in progress is used as it is). Setup is not timed. Baselines under a
millisecond print as 0.000 s: their names carry them in ms.

Figures, each timed from opening the session to its commit, as the console runs them:

1. The full roll-up (``rollup``), median of ROLLUP_RUNS. Baseline: the driver grouping
   the event's transfer records by village (the count and the sums of the nine count
   columns, the village figures the roll-up shows) with a covering index made for it
   and dropped after; the answers are compared.
2. The check-in search (``find_subjects`` with the event) for SAMPLES households'
   full names, pinyin initials, last four mobile digits and the last two characters
   of three-character names (a part of the name no name starts with: the search then
   looks it up in the text index): each query's median of QUERY_RUNS, the worst query
   of each kind reported. Baseline: the driver on the index of the same column (the
   year, a prefix or an equality, ordered by the column, LIMIT 50; for a part of the
   name, the LIKE scan of the year's names that the text index replaced), the worst
   query the same way.
3. A check-in committed (``record_transfer`` into the household's shelter), median
   over CHECK_INS records still to move. Baseline: a single-row UPDATE moving one
   household into its shelter and COMMIT through the driver. On SQLite the console
   commits with ``synchronous=FULL`` (the commit is on the disk when it returns); the
   same figure and baseline follow with ``synchronous=NORMAL``, the earlier setting that
   syncs only at checkpoints, so the run shows what durability costs a check-in.
4. SQLite only: the 20,000-row list read, validated and imported
   (``import_households``): per format, the median of three imports, each into a fresh
   copy of the county (one run alone swung by 0.5 s on these machines). The event is in
   progress, so the import also opens the village's new households' transfer records and
   adds them to the tallies, as it does in the console. Baseline: python-calamine reading
   the same file.
"""

from __future__ import annotations

import os
import random
import sqlite3
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

import psycopg
import python_calamine
from sqlalchemy import event, func, select

from models.areas import DangerZone, Division, Grid, Shelter
from models.audit import AuditRecord
from models.database import Database, sqlite_pragmas
from models.demo import build_demo, build_typhoon_scenario
from models.events import active_event
from models.imports import format_report
from models.imports.households import COLUMNS, import_households
from models.imports.spreadsheet import header_key
from models.transfers import (
    Household,
    TransferRecord,
    find_subjects,
    record_transfer,
    register_year,
    rollup,
)
from models.users import Actor
from tests.perf.common import Figure, demo_database, median_of, server_database, timed

SCALE = 10
ROLLUP_RUNS = 9
SAMPLES = 7
QUERY_RUNS = 3
CHECK_INS = 15
LIST_ROWS = 20_000
BENCH_ACTOR = Actor(name="bench", role="admin")
COUNTS = (
    "residents",
    "away",
    "refused",
    "sheltered",
    "relatives",
    "forced",
    "back_sheltered",
    "back_relatives",
    "back_forced",
)
PG_DATABASE = "ecc_bench_transfers"


def run(folder: Path) -> list[Figure]:
    demo = Database(demo_database(folder, SCALE))
    copy = folder / f"transfers-{SCALE}.sqlite"
    copy.unlink(missing_ok=True)
    demo.backup(copy)  # a copy: the other benchmarks share the demo database
    demo.dispose()
    database = Database(f"sqlite:///{copy}")
    try:
        event_id, year = _event(database)
        raw = Raw.sqlite(copy)
        try:
            rows = _figures(database, raw, event_id, year)
        finally:
            raw.close()
        rows += _check_in_not_durable(copy, event_id)
        rows += _import(database, folder, year)
    finally:
        database.dispose()
    server = os.environ.get("ECC_TEST_DATABASE_URL")
    if server:
        rows += _postgresql(server)
    return rows


def _figures(database: Database, raw: Raw, event_id: int, year: int) -> list[Figure]:
    return (
        _rollup(database, raw, event_id)
        + _search(database, raw, event_id, year)
        + _check_in(database, raw, event_id)
    )


def _postgresql(server: str) -> list[Figure]:
    """The same figures on a PostgreSQL database of their own on ``server``."""
    with server_database(server, PG_DATABASE) as url:
        database = Database(url.render_as_string(hide_password=False))
        try:
            database.upgrade()
            with database.session(BENCH_ACTOR) as session:
                build_demo(session=session, scale=SCALE, scenario="typhoon")
            raw = Raw.postgresql(
                url.set(drivername="postgresql").render_as_string(hide_password=False)
            )
            try:
                raw.execute("VACUUM ANALYZE")
                event_id, year = _event(database)
                return _figures(database, raw, event_id, year)
            finally:
                raw.close()
        finally:
            database.dispose()


class Raw:
    """The baselines' own connection to the benchmark's database, through its driver
    (sqlite3 with the console's pragmas, or psycopg), in autocommit: BEGIN by hand.
    SQL is written for SQLite (``?`` parameters, ``char``) and adapted for PostgreSQL."""

    def __init__(self, backend: str, conn: Any) -> None:
        self.backend = backend
        self.conn = conn

    @classmethod
    def sqlite(cls, path: Path) -> Raw:
        conn = sqlite3.connect(path, isolation_level=None, timeout=15)
        sqlite_pragmas(conn)
        return cls("sqlite3", conn)

    @classmethod
    def postgresql(cls, dsn: str) -> Raw:
        return cls("psycopg", psycopg.connect(dsn, autocommit=True, prepare_threshold=None))

    @property
    def sqlite_leg(self) -> bool:
        return self.backend == "sqlite3"

    def sql(self, text: str) -> str:
        if self.sqlite_leg:
            return text
        return text.replace("?", "%s").replace("char(65535)", "chr(65535)")

    def execute(self, text: str, args: Sequence[Any] = ()) -> Any:
        return self.conn.execute(self.sql(text), args)

    def plan(self, text: str, args: Sequence[Any]) -> str:
        explain = "EXPLAIN QUERY PLAN " if self.sqlite_leg else "EXPLAIN "
        return " ".join(str(r[-1]) for r in self.execute(explain + text, args))

    def label(self, what: str) -> str:
        """``what`` as the figure names it, with the backend on the PostgreSQL leg."""
        return what if self.sqlite_leg else f"{what} [PostgreSQL]"

    def close(self) -> None:
        self.conn.close()


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def _event(database: Database) -> tuple[int, int]:
    """The event in progress, else the demo typhoon's, with its transfers part done."""
    with database.session(BENCH_ACTOR) as session:
        current = active_event(session=session)
        if current is None:
            event_id = build_typhoon_scenario(session=session, scale=SCALE).event_id
        else:
            event_id = current.id
        year = register_year(session=session)
    assert year is not None
    return event_id, year


# -- 1. the roll-up ------------------------------------------------------------------------


def _rollup(database: Database, raw: Raw, event_id: int) -> list[Figure]:
    answer: dict[int, tuple[int, ...]] = {}

    def read() -> float:
        start = time.perf_counter()
        with database.session(BENCH_ACTOR) as session:
            data = rollup(session=session, event_id=event_id)
        elapsed = time.perf_counter() - start
        answer.clear()
        for village in data.villages:
            f = village.figures
            answer[village.id] = (
                f.subjects,
                f.residents,
                f.away,
                f.sheltered,
                f.relatives,
                f.forced,
                f.refused,
                f.returned,
            )
        return elapsed

    read()  # warm up: connection, caches
    seconds = median_of(ROLLUP_RUNS, read)

    sums = ", ".join(f"sum({c})" for c in COUNTS[:6])
    query = (
        f"SELECT village_id, count(*), {sums}, "
        "sum(back_sheltered + back_relatives + back_forced) "
        "FROM transfer_records WHERE event_id = ? GROUP BY village_id"
    )
    result: dict[int, tuple[int, ...]] = {}
    raw.execute(
        "CREATE INDEX bench_records_cover ON transfer_records "
        f"(event_id, village_id, {', '.join(COUNTS)})"
    )
    try:
        if not raw.sqlite_leg:  # the visibility map that lets PostgreSQL read the index alone
            raw.execute("VACUUM ANALYZE transfer_records")
            raw.execute("SET enable_seqscan = off")
        plan = raw.plan(query, (event_id,))
        if "bench_records_cover" not in plan:
            raise AssertionError(f"the baseline does not use its covering index: {plan}")

        def group() -> float:
            start = time.perf_counter()
            rows = raw.execute(query, (event_id,)).fetchall()
            elapsed = time.perf_counter() - start
            for village_id, n, residents, away, refused, sheltered, relatives, forced, back in rows:
                result[village_id] = tuple(
                    int(v)
                    for v in (n, residents, away, sheltered, relatives, forced, refused, back)
                )
            return elapsed

        group()
        baseline = median_of(ROLLUP_RUNS, group)
    finally:
        if not raw.sqlite_leg:
            raw.execute("RESET enable_seqscan")
        raw.execute("DROP INDEX bench_records_cover")
    if result != answer:  # same figures, or the comparison means nothing
        raise AssertionError("the roll-up and the raw GROUP BY differ")
    records = sum(v[0] for v in result.values())
    return [
        Figure(
            raw.label(
                f"full roll-up, scale {SCALE} ({records:,} records, {len(result):,} villages)"
            ),
            seconds,
            0.050,
            f"{raw.backend} GROUP BY village, count + sums of 9 columns, covering index",
            baseline,
        )
    ]


# -- 2. the check-in search ------------------------------------------------------------------


def _search(database: Database, raw: Raw, event_id: int, year: int) -> list[Figure]:
    rng = random.Random(SCALE)
    with database.session(BENCH_ACTOR) as session:
        households = session.execute(
            select(Household.householder_name, Household.name_initials, Household.phone_last4)
            .where(Household.year == year, Household.phone_last4.is_not(None))
            .order_by(Household.id)
        ).all()
        names = {h[0] for h in households}
        # Two-character ends of three-character names that start no name.
        parts = sorted({h[0][1:] for h in households if len(h[0]) == 3} - {n[:2] for n in names})
    picked = rng.sample(households, SAMPLES)
    kinds = (
        ("full name", "householder_name", [h[0] for h in picked]),
        ("pinyin initials", "name_initials", [h[1] for h in picked]),
        ("last 4 mobile digits", "phone_last4", [str(h[2]) for h in picked]),
        ("a part of the name", "householder_name LIKE", rng.sample(parts, SAMPLES)),
    )
    figures = []
    for label, column, queries in kinds:

        def search(query: str) -> float:
            start = time.perf_counter()
            with database.session(BENCH_ACTOR) as session:
                found = find_subjects(session=session, query=query, event_id=event_id)
            elapsed = time.perf_counter() - start
            if not found:
                raise AssertionError(f"the search for {query!r} found nothing")
            return elapsed

        order = column.split()[0]
        args: Callable[[str], tuple[Any, ...]]
        if column == "phone_last4":
            where, args = f"{column} = ?", (lambda q: (year, q))
        elif column.endswith("LIKE"):
            where, args = f"{column} ?", (lambda q: (year, f"%{q}%"))
        else:
            where, args = f"{column} >= ? AND {column} < ? || char(65535)", (lambda q: (year, q, q))
        sql = (
            f"SELECT id, householder_name, householder_phone, residents, village_id, "
            f"shelter_id, card_code FROM households WHERE year = ? AND {where} "
            f"ORDER BY {order}, id LIMIT 50"
        )
        if not column.endswith("LIKE"):
            plan = raw.plan(sql, args(queries[0]))
            if "INDEX" not in plan.upper() or "TEMP B-TREE" in plan:
                raise AssertionError(f"the baseline for {column} does not use its index: {plan}")

        def select_raw(query: str, sql: str = sql, args: Any = args) -> float:
            start = time.perf_counter()
            rows = raw.execute(sql, args(query)).fetchall()
            elapsed = time.perf_counter() - start
            if not rows:
                raise AssertionError(f"the raw SELECT for {query!r} found nothing")
            return elapsed

        search(queries[0])  # warm up
        worst = max(median_of(QUERY_RUNS, partial(search, q)) for q in queries)
        raw_worst = max(median_of(QUERY_RUNS, partial(select_raw, q)) for q in queries)
        how = (
            "LIKE scan of the year's names (no text index)"
            if column.endswith("LIKE")
            else f"indexed SELECT on {column}"
        )
        figures.append(
            Figure(
                raw.label(f"check-in search by {label}, worst of {SAMPLES} queries"),
                worst,
                0.050,
                f"{raw.backend} {how}, LIMIT 50: {_ms(raw_worst)}",
                raw_worst,
            )
        )
    return figures


# -- 3. a check-in committed -------------------------------------------------------------------


def _check_in_not_durable(path: Path, event_id: int) -> list[Figure]:
    """The check-in figure again with SQLite's ``synchronous=NORMAL`` on the console's
    connections and the baseline's: beside the figure with FULL, the cost of a commit
    that reaches the disk."""

    def normal(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA synchronous=NORMAL")

    database = Database(f"sqlite:///{path}")
    event.listen(database.engine, "connect", normal)  # after the console's pragmas
    raw = Raw.sqlite(path)
    raw.execute("PRAGMA synchronous=NORMAL")
    try:
        return _check_in(database, raw, event_id, setting="synchronous=NORMAL")
    finally:
        raw.close()
        database.dispose()


def _check_in(
    database: Database, raw: Raw, event_id: int, *, setting: str = "synchronous=FULL"
) -> list[Figure]:
    """``setting``: SQLite's synchronous pragma the figure was measured with (named in it)."""
    rng = random.Random(SCALE)
    with database.session(BENCH_ACTOR) as session:
        candidates = session.execute(
            select(TransferRecord.id, TransferRecord.version, TransferRecord.shelter_id)
            .where(
                TransferRecord.event_id == event_id,
                TransferRecord.household_id.is_not(None),
                TransferRecord.shelter_id.is_not(None),
                TransferRecord.status == "to_move",
                TransferRecord.away
                + TransferRecord.refused
                + TransferRecord.sheltered
                + TransferRecord.relatives
                + TransferRecord.forced
                == 0,
            )
            .order_by(TransferRecord.id)
        ).all()
    picked = rng.sample(candidates, 2 * CHECK_INS + 1)
    ours, theirs = picked[: CHECK_INS + 1], picked[CHECK_INS + 1 :]

    def check_in(record: Any) -> float:
        record_id, version, shelter_id = record
        start = time.perf_counter()
        with database.session(BENCH_ACTOR) as session:
            row = record_transfer(
                session=session,
                record_id=record_id,
                status="sheltered",
                expected_version=version,
                shelter_id=shelter_id,
            )
        elapsed = time.perf_counter() - start
        if row.sheltered != row.residents:
            raise AssertionError(f"record {record_id} was not checked in")
        return elapsed

    check_in(ours[0])  # warm up
    times = sorted(check_in(record) for record in ours[1:])
    seconds = times[len(times) // 2]

    raw_times = []
    for record_id, _version, shelter_id in theirs:
        now = datetime.now(UTC)
        start = time.perf_counter()
        raw.execute("BEGIN")
        raw.execute(
            "UPDATE transfer_records SET sheltered = residents, status = 'sheltered', "
            "shelter_id = ?, version = version + 1, updated_at = ?, updated_by = ? "
            "WHERE id = ?",
            (
                shelter_id,
                now.strftime("%Y-%m-%d %H:%M:%S.%f") if raw.sqlite_leg else now,
                "bench",
                record_id,
            ),
        )
        raw.execute("COMMIT")
        raw_times.append(time.perf_counter() - start)
    raw_times.sort()
    baseline = raw_times[len(raw_times) // 2]
    return [
        Figure(
            raw.label(
                f"a check-in committed, median of {CHECK_INS} (slowest {times[-1]:.3f}s)"
                + (f", {setting}" if raw.sqlite_leg else "")
            ),
            seconds,
            0.050,
            f"{raw.backend} single-row UPDATE + COMMIT: {_ms(baseline)}",
            baseline,
        )
    ]


# -- 4. a 20,000-row list imported ------------------------------------------------------------


_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程"
)
_GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉梅林文海波宁福春"
_CATEGORY = {
    "flash_flood": "山洪",
    "geological": "地质灾害",
    "waterlogging": "低洼易涝",
    "dilapidated_housing": "危旧房",
    "seawall": "海塘海岛",
}


def _villages(database: Database, year: int, count: int) -> list[dict[str, Any]]:
    """The ``count`` villages with the most listed households, with what a list of
    theirs can name: danger zones and grids unique in the village, shelters the
    import resolves to one, and the households' points."""
    with database.session(BENCH_ACTOR) as session:
        busiest = (
            session.execute(
                select(Household.village_id)
                .where(Household.year == year)
                .group_by(Household.village_id)
                .order_by(func.count().desc(), Household.village_id)
                .limit(count)
            )
            .scalars()
            .all()
        )
        town_of = dict(
            session.execute(
                select(Division.id, Division.parent_id).where(Division.level == "village")
            ).all()
        )
        by_name: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for shelter_id, name, village_id in session.execute(
            select(Shelter.id, Shelter.name, Shelter.village_id)
        ):
            by_name[header_key(name)].append((shelter_id, village_id))
        shelter_names = dict(session.execute(select(Shelter.id, Shelter.name)).all())
        villages = []
        for village_id in busiest:
            code, name, town = session.execute(
                select(Division.code, Division.name, Division.parent_id).where(
                    Division.id == village_id
                )
            ).one()
            town_name = session.scalar(select(Division.name).where(Division.id == town)) or ""
            zones = session.execute(
                select(DangerZone.name, DangerZone.kind, Grid.name)
                .outerjoin(Grid, Grid.id == DangerZone.grid_id)
                .where(DangerZone.village_id == village_id)
            ).all()
            zone_count: dict[str, int] = defaultdict(int)
            grid_count: dict[str, int] = defaultdict(int)
            for zone_name, _kind, _grid in zones:
                zone_count[header_key(zone_name)] += 1
            for (grid_name,) in session.execute(
                select(Grid.name).where(Grid.village_id == village_id)
            ):
                grid_count[header_key(grid_name)] += 1
            usable_zones = [
                (
                    zone_name,
                    _CATEGORY[kind],
                    grid_name if grid_name and grid_count[header_key(grid_name)] == 1 else None,
                )
                for zone_name, kind, grid_name in zones
                if kind in _CATEGORY and zone_count[header_key(zone_name)] == 1
            ]
            listed = session.execute(
                select(Household.lon, Household.lat, Household.shelter_id).where(
                    Household.year == year,
                    Household.village_id == village_id,
                    Household.lon.is_not(None),
                )
            ).all()
            shelters = []
            for shelter_id in sorted({s for _x, _y, s in listed if s is not None}):
                same = by_name[header_key(shelter_names[shelter_id])]
                if len(same) > 1:  # narrowed as the import narrows: village, then town
                    same = (
                        [o for o in same if o[1] == village_id]
                        or [o for o in same if town_of.get(o[1]) == town]
                        or same
                    )
                if [o[0] for o in same] == [shelter_id]:
                    shelters.append(shelter_names[shelter_id])
            existing = set(
                session.execute(
                    select(Household.householder_name, Household.householder_phone).where(
                        Household.year == year, Household.village_id == village_id
                    )
                ).all()
            )
            if not usable_zones or not shelters or not listed:
                raise AssertionError(f"village {code} cannot take a benchmark list")
            villages.append(
                {
                    "id": village_id,
                    "code": code,
                    "name": name,
                    "town": town_name,
                    "zones": usable_zones,
                    "shelters": shelters,
                    "points": [(x, y) for x, y, _s in listed],
                    "existing": existing,
                }
            )
    return villages


def _list_rows(village: dict[str, Any], rng: random.Random) -> list[list[Any]]:
    """LIST_ROWS new households for the village, cells in the import's column order."""

    def name() -> str:
        given = rng.choice(_GIVEN) + (rng.choice(_GIVEN) if rng.random() < 0.7 else "")
        return rng.choice(_SURNAMES) + given

    def mobile() -> str:
        return f"1{rng.choice('3578')}{rng.randrange(10**9):09d}"

    # New households only: no name already listed in the village (the import would take a
    # row of the same name in the same zone for that household with a changed mobile).
    taken = {n for n, _phone in village["existing"]}
    keys: set[tuple[str, str]] = set()
    rows = []
    for number in range(1, LIST_ROWS + 1):
        while True:
            householder, phone = name(), mobile()
            if householder not in taken and (householder, phone) not in keys:
                keys.add((householder, phone))
                break
        zone, category, grid = rng.choice(village["zones"])
        x, y = rng.choice(village["points"])
        residents = rng.randint(1, 6)
        elderly = rng.randint(0, min(2, residents))
        cells = {
            "seq": number,
            "zone": zone,
            "category": category,
            "location": f"{village['name']}{number}号",
            "lon": round(x + rng.uniform(-5e-4, 5e-4), 6),
            "lat": round(y + rng.uniform(-5e-4, 5e-4), 6),
            "name": householder,
            "residents": residents,
            "phone": phone,
            "t_name": name(),
            "t_post": "网格长",
            "t_phone": mobile(),
            "w_name": name(),
            "w_post": "监测预警员",
            "w_phone": mobile(),
            "shelter": rng.choice(village["shelters"]),
            "certified": "有",
            "manager": name(),
            "manager_phone": mobile(),
            "note": "独居老人" if residents == 1 and elderly else None,
            "grid": grid,
            "elderly": elderly,
            "disabled": int(rng.random() < 0.02),
            "bedridden": 0,
            "children": rng.randint(0, residents - elderly),
            "pregnant": 0,
        }
        rows.append([cells[column.key] for column in COLUMNS])
    return rows


def _title(village: dict[str, Any], year: int) -> str:
    return f"{village['town']}{village['name']}危险区人员转移清单（{year}年）"


def _write_xlsx(path: Path, title: str, rows: list[list[Any]]) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("转移清单")
    sheet.append([title])
    sheet.append([column.label for column in COLUMNS])
    for row in rows:
        sheet.append(row)
    workbook.save(path)


def _write_xls(path: Path, title: str, rows: list[list[Any]]) -> None:
    import xlwt

    workbook = xlwt.Workbook(encoding="utf-8")
    sheet = workbook.add_sheet("转移清单")
    sheet.write_merge(0, 0, 0, len(COLUMNS) - 1, title)
    for column, label in enumerate(column.label for column in COLUMNS):
        sheet.write(1, column, label)
    for number, row in enumerate(rows, start=2):
        for column, value in enumerate(row):
            if value is not None:
                sheet.write(number, column, value)
    workbook.save(str(path))


def _household_audits(database: Database) -> int:
    with database.session(BENCH_ACTOR) as session:
        return (
            session.scalar(
                select(func.count())
                .select_from(AuditRecord)
                .where(AuditRecord.table_name == "households")
            )
            or 0
        )


def _import(database: Database, folder: Path, year: int) -> list[Figure]:
    rng = random.Random(SCALE)
    figures = []
    villages = _villages(database, year, 2)
    for village, suffix, write in (
        (villages[0], "xlsx", _write_xlsx),
        (villages[1], "xls", _write_xls),
    ):
        path = folder / f"transfer-list-{village['code']}.{suffix}"
        write(path, _title(village, year), _list_rows(village, rng))

        def read_raw(path: Path = path) -> float:
            def read() -> None:
                workbook = python_calamine.CalamineWorkbook.from_path(str(path))
                rows = workbook.get_sheet_by_index(0).to_python(skip_empty_area=False)
                workbook.close()
                if len(rows) < LIST_ROWS:
                    raise AssertionError(f"{path.name}: calamine read {len(rows)} rows")

            return timed(read)

        read_raw()  # warm the file cache for both
        baseline = median_of(3, read_raw)

        def import_once(path: Path = path, village: dict[str, Any] = village) -> float:
            """One import into a fresh copy of the county (the list's households are new
            to it each time)."""
            run_copy = folder / "transfers-import-run.sqlite"
            run_copy.unlink(missing_ok=True)
            database.backup(run_copy)
            target = Database(f"sqlite:///{run_copy}")
            try:
                audited = _household_audits(target)
                start = time.perf_counter()
                with target.session(BENCH_ACTOR) as session:
                    report = import_households(
                        session=session, path=path, village_code=village["code"], year=year
                    )
                seconds = time.perf_counter() - start
                if (
                    not report.ok
                    or report.inserted != LIST_ROWS
                    or report.rows_written != LIST_ROWS
                ):
                    raise AssertionError(format_report(report)[:2000])
                if _household_audits(target) != audited + 1:
                    raise AssertionError("the import did not write exactly one audit record")
            finally:
                target.dispose()
                run_copy.unlink(missing_ok=True)
            return seconds

        figures.append(
            Figure(
                f"a {LIST_ROWS:,}-row village list (.{suffix}) read, validated and imported "
                "(event in progress: its records opened too; median of 3, each into a fresh copy)",
                median_of(3, import_once),
                3.0,
                f"python-calamine reading the same .{suffix}",
                baseline,
            )
        )
    return figures
