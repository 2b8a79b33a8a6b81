"""The duty log at the scale of years of typhoon seasons: 100,000 entries across 50 events
(2,000 each; the last event in progress with a follow-up in every fiftieth entry, none
closed; in the ended events a follow-up in every tenth entry, closed by the next).

Figures: the duty log page's load for the event in progress (its entries, latest first,
with their corrections and closings, and the due follow-ups of every event), a search
of the content and a filter by kind, each under 100 ms; an entry committed (a unit of
work that writes, its text indexed, audited, durable) under 50 ms. Each beside a raw
baseline through the driver in the same run; on SQLite, and on PostgreSQL when
ECC_TEST_DATABASE_URL names a server (a database of its own there, dropped after).
"""

from __future__ import annotations

import os
import random
import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import text

from models.command import DutyLogEntry, EntryFields, LogFilter, add_entry, list_entries
from models.database import Database, insert_many, sqlite_pragmas
from models.events import Event
from models.users import Actor
from tests.perf.common import Figure, median_of, server_database, timed
from ui.dutylog.rows import load_log

EVENTS, PER_EVENT = 50, 2_000
ACTOR = Actor("bench", "duty")
PAGE_TARGET, COMMIT_TARGET = 0.1, 0.05
PG_DATABASE = "ecc_bench_dutylog"
PHRASES = (
    "镇防指报告海塘巡查情况",
    "村里危旧房住户已转移",
    "气象台发布台风预警",
    "水库预泄腾出库容",
    "道路积水已设置警示",
    "渔船回港避风统计",
    "山体裂缝疑似滑坡隐患",
    "消防救援队伍前置到位",
    "供电线路抢修",
    "安置点物资已送达",
)
KINDS = ("call_in", "call_out", "report_in", "warning_in", "instruction", "action")


def _fill(database: Database) -> int:
    """50 events (the last in progress) and their entries; the event in progress."""
    rng = random.Random("dutylog-bench")
    start = datetime.now(UTC) - timedelta(days=EVENTS * 10)
    with database.session(ACTOR, write=True) as session:
        events = []
        for number in range(EVENTS):
            began = start + timedelta(days=number * 10)
            event = Event(
                name=f"台风{number:02d}防御",
                kind="typhoon",
                started_at=began,
                ended_at=began + timedelta(days=3) if number < EVENTS - 1 else None,
                created_by="bench",
            )
            session.add(event)
            events.append(event)
        session.flush()
        rows: list[dict[str, Any]] = []
        for event in events:
            current = event.ended_at is None
            for n in range(PER_EVENT):
                at = event.started_at + timedelta(seconds=n * 90)
                opens = n % (50 if current else 10) == 0
                closes = not current and n % 10 == 1
                rows.append(
                    {
                        "id": len(rows) + 1,
                        "at": at,
                        "recorded_at": at,
                        "kind": "follow_up_closed" if closes else rng.choice(KINDS),
                        "refers_to": len(rows) if closes else None,
                        "event_id": event.id,
                        "caller_unit": "某镇人民政府",
                        "caller_name": "陈海",
                        "caller_phone": f"139{rng.randrange(10**8):08d}",
                        "content": f"{rng.choice(PHRASES)}，{rng.choice(PHRASES)}（第{n}条）",
                        "instruction": "请镇里落实",
                        "recorded_by": "bench",
                        "follow_up_due": at + timedelta(hours=2) if opens else None,
                    }
                )
        insert_many(session, DutyLogEntry.__table__, rows)  # type: ignore[arg-type]
        if session.get_bind().dialect.name == "postgresql":  # ids given: the sequence follows
            session.execute(
                text(
                    "SELECT setval(pg_get_serial_sequence('duty_log', 'id'), max(id)) FROM duty_log"
                )
            )
        return events[-1].id


def _figures(database: Database, raw: Raw, event_id: int) -> list[Figure]:
    text = "滑坡隐患"
    page = median_of(
        7, lambda: timed(lambda: load_log(db=database, actor=ACTOR, where=LogFilter()))
    )
    raw_page = median_of(
        7,
        lambda: raw.time(
            "SELECT * FROM duty_log WHERE event_id = ? ORDER BY at DESC, id DESC LIMIT 1000",
            (event_id,),
        ),
    )
    with database.session(ACTOR) as session:
        found = len(list_entries(session=session, where=LogFilter(event_id=event_id, text=text)))

        def search() -> float:
            return timed(
                lambda: list_entries(session=session, where=LogFilter(event_id=event_id, text=text))
            )

        def kind() -> float:
            return timed(
                lambda: list_entries(
                    session=session, where=LogFilter(event_id=event_id, kinds=("warning_in",))
                )
            )

        search_time, kind_time = median_of(7, search), median_of(7, kind)
    raw_search = median_of(
        7,
        lambda: raw.time(
            "SELECT * FROM duty_log WHERE event_id = ? AND content LIKE ? "
            "ORDER BY at DESC, id DESC",
            (event_id, f"%{text}%"),
        ),
    )
    raw_kind = median_of(
        7,
        lambda: raw.time(
            "SELECT * FROM duty_log WHERE event_id = ? AND kind = ? ORDER BY at DESC, id DESC",
            (event_id, "warning_in"),
        ),
    )
    counter = iter(range(10**6))

    def commit() -> float:
        start = time.perf_counter()
        with database.session(ACTOR, write=True) as session:
            add_entry(
                session=session,
                fields=EntryFields(
                    kind="call_in",
                    content=f"镇防指来电报告海塘渗水（基准{next(counter)}）",
                    event_id=event_id,
                    caller_unit="某镇防指",
                    caller_phone="13905761234",
                ),
            )
        return time.perf_counter() - start

    commit()
    commit_time = median_of(15, commit)
    raw_commit = median_of(
        15,
        lambda: raw.commit(
            "INSERT INTO duty_log (at, recorded_at, kind, event_id, content, recorded_by) "
            "VALUES (?, ?, 'call_in', ?, ?, 'raw')",
            (datetime.now(UTC), datetime.now(UTC), event_id, "原始插入"),
        ),
    )
    scale = f"{EVENTS * PER_EVENT:,} entries, {EVENTS} events"
    return [
        Figure(
            raw.label(f"duty log page, the event in progress ({scale})"),
            page,
            PAGE_TARGET,
            "raw query of the event's latest 1,000",
            raw_page,
        ),
        Figure(
            raw.label(f"duty log search of the content ({found} found)"),
            search_time,
            PAGE_TARGET,
            "raw LIKE scan of the event's entries",
            raw_search,
        ),
        Figure(
            raw.label("duty log filtered by kind"),
            kind_time,
            PAGE_TARGET,
            "raw query by event and kind",
            raw_kind,
        ),
        Figure(
            raw.label("duty log entry committed (indexed, audited)"),
            commit_time,
            COMMIT_TARGET,
            "raw INSERT and COMMIT",
            raw_commit,
        ),
    ]


def run(folder: Path) -> list[Figure]:
    path = folder / "dutylog.sqlite"
    path.unlink(missing_ok=True)
    database = Database(f"sqlite:///{path}")
    try:
        database.upgrade()
        event_id = _fill(database)
        raw = Raw.sqlite(path)
        try:
            rows = _figures(database, raw, event_id)
        finally:
            raw.close()
    finally:
        database.dispose()
    server = os.environ.get("ECC_TEST_DATABASE_URL")
    if server:
        rows += _postgresql(server)
    return rows


def _postgresql(server: str) -> list[Figure]:
    with server_database(server, PG_DATABASE) as url:
        database = Database(url.render_as_string(hide_password=False))
        try:
            database.upgrade()
            event_id = _fill(database)
            libpq = url.set(drivername="postgresql").render_as_string(hide_password=False)
            raw = Raw("psycopg", psycopg.connect(libpq, autocommit=True))
            try:
                raw.conn.execute("VACUUM ANALYZE")
                return _figures(database, raw, event_id)
            finally:
                raw.close()
        finally:
            database.dispose()


class Raw:
    """The baselines' own connection through the driver (sqlite3 with the console's
    pragmas, or psycopg), in autocommit."""

    def __init__(self, backend: str, conn: Any) -> None:
        self.backend = backend
        self.conn = conn

    @classmethod
    def sqlite(cls, path: Path) -> Raw:
        conn = sqlite3.connect(path, isolation_level=None, timeout=15)
        sqlite_pragmas(conn)
        return cls("sqlite3", conn)

    def sql(self, text: str) -> str:
        return text if self.backend == "sqlite3" else text.replace("?", "%s")

    def label(self, what: str) -> str:
        return what if self.backend == "sqlite3" else f"{what} [PostgreSQL]"

    def time(self, text: str, args: tuple[Any, ...]) -> float:
        start = time.perf_counter()
        self.conn.execute(self.sql(text), args).fetchall()
        return time.perf_counter() - start

    def commit(self, text: str, args: tuple[Any, ...]) -> float:
        values = tuple(v.isoformat(" ") if isinstance(v, datetime) else v for v in args)
        if self.backend != "sqlite3":
            values = args
        start = time.perf_counter()
        self.conn.execute("BEGIN")
        self.conn.execute(self.sql(text), values)
        self.conn.execute("COMMIT")
        return time.perf_counter() - start

    def close(self) -> None:
        self.conn.close()
