"""The plan library at a county's scale: 2,000 plans with 10,000 versions holding about
200 MB of text (generated: 20 KB a version), searched through the text index for a
two-character word found in about 1 % of the versions and for one found in over half of
them (the first 20 ranked results with their passages), and the deadline list.

Baselines measured in the same run: a raw ``LIKE`` scan of every version's text for the
same words, and reading the plans' rows. On SQLite, and on PostgreSQL when
ECC_TEST_DATABASE_URL names a server (a database of its own there, dropped after).
``--smoke`` builds a tenth of the versions with a tenth of the text."""

from __future__ import annotations

import os
import random
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import func, select, text

from models.base import utcnow
from models.database import Database, insert_many
from models.plans import deadlines, search_plans
from models.plans.tables import Plan, PlanVersion
from models.users import Actor
from tests.perf import common
from tests.perf.common import Figure, median_of, server_database, timed

PLANS = 2_000
VERSIONS = 10_000
TEXT_CHARACTERS = 20_000
RARE, COMMON = "鲲鹏", "转移"  # in about 1 % of the versions, in over half of them
SEARCH_TARGET = 0.1
DEADLINE_TARGET = 0.05
ACTOR = Actor("bench", "planner")
PG_DATABASE = "ecc_bench_plans"
WORDS = [
    "预警",
    "响应",
    "启动",
    "指挥部",
    "成员单位",
    "值班",
    "巡查",
    "水库",
    "山塘",
    "海塘",
    "堤防",
    "渔船",
    "回港",
    "避风",
    "停工",
    "停课",
    "停业",
    "停运",
    "抢险",
    "救援",
    "物资",
    "调拨",
    "安置",
    "场所",
    "医疗",
    "卫生",
    "通信",
    "电力",
    "交通",
    "管制",
    "信息",
    "报送",
    "发布",
    "会商",
    "研判",
    "风险",
    "隐患",
    "排查",
    "地质",
    "灾害",
    "滑坡",
    "泥石流",
    "山洪",
    "内涝",
    "台风",
    "暴雨",
    "洪水",
    "森林",
    "火灾",
    "危险",
    "化学品",
    "事故",
    "疫情",
    "防控",
    "督查",
    "检查",
    "落实",
    "责任",
    "乡镇",
    "街道",
    "村",
    "社区",
    "网格",
    "群众",
    "人员",
    "队伍",
    "装备",
    "保障",
    "恢复",
    "重建",
    "评估",
    "总结",
    "演练",
    "培训",
]


def run(folder: Path) -> list[Figure]:
    scale = 10 if common.SMOKE else 1
    path = folder / f"plans-{scale}.sqlite"
    database = Database(f"sqlite:///{path}")
    if not path.exists():
        database.upgrade()
        _fill(database, VERSIONS // scale, TEXT_CHARACTERS // scale)
    try:
        rows = _figures(database, "")
    finally:
        database.dispose()
    server = os.environ.get("ECC_TEST_DATABASE_URL")
    if server:
        rows += _postgresql(server, scale)
    return rows


def _postgresql(server: str, scale: int) -> list[Figure]:
    with server_database(server, PG_DATABASE) as url:
        database = Database(url.render_as_string(hide_password=False))
        try:
            database.upgrade()
            _fill(database, VERSIONS // scale, TEXT_CHARACTERS // scale)
            with database.engine.connect() as connection:
                connection.execution_options(isolation_level="AUTOCOMMIT").execute(
                    text("VACUUM ANALYZE")
                )
            return _figures(database, " [PostgreSQL]")
        finally:
            database.dispose()


def _text(rng: random.Random, characters: int, rare: bool, common_word: bool) -> str:
    words: list[str] = []
    length = 0
    while length < characters:
        word = rng.choice(WORDS)
        words.append(word)
        length += len(word)
    if rare:
        words.insert(rng.randrange(len(words)), RARE)
    if common_word:
        words.insert(rng.randrange(len(words)), COMMON)
    return "，".join(words)


def _fill(database: Database, versions: int, characters: int) -> None:
    rng = random.Random("plans-bench")
    today = utcnow().date()
    with database.session(ACTOR, write=True) as session:
        insert_many(
            session,
            Plan.__table__,  # type: ignore[arg-type]
            [
                {
                    "id": n + 1,
                    "code": f"P-{n:05d}",
                    "title": f"第{n}号应急预案",
                    "plan_class": ("special", "departmental", "town", "village")[n % 4],
                    "status": ("filed", "published", "drafting")[n % 3],
                    "issued_on": today - timedelta(days=n % 1500),
                    "doc_number": f"〔2024〕{n}号",
                }
                for n in range(PLANS)
            ],
        )
        batch: list[dict[str, object]] = []
        for n in range(versions):
            batch.append(
                {
                    "plan_id": n % PLANS + 1,
                    "number": n // PLANS + 1,
                    "name": f"第{n // PLANS + 1}版",
                    "issued_on": date(2020, 1, 1),
                    "search_text": _text(rng, characters, n % 100 == 7, n % 5 < 3),
                    "created_by": "bench",
                    "created_at": utcnow(),
                }
            )
            if len(batch) == 500:
                insert_many(session, PlanVersion.__table__, batch)  # type: ignore[arg-type]
                batch = []
        if batch:
            insert_many(session, PlanVersion.__table__, batch)  # type: ignore[arg-type]


def _figures(database: Database, backend: str) -> list[Figure]:
    figures = []
    with database.session(ACTOR) as session:
        total = session.scalar(select(func.count()).select_from(PlanVersion)) or 0
        for label, word in (("rare", RARE), ("common", COMMON)):
            found = session.scalar(
                select(func.count()).where(PlanVersion.search_text.contains(word))
            )
            hits = search_plans(session=session, query=word)
            assert len(hits) == min(20, found or 0) and all("【" in h.passage for h in hits)

            def search(word: str = word) -> float:
                return timed(lambda: search_plans(session=session, query=word))

            def scan(word: str = word) -> float:
                return timed(
                    lambda: session.execute(
                        select(PlanVersion.id).where(PlanVersion.search_text.contains(word))
                    ).all()
                )

            figures.append(
                Figure(
                    f"plan search, {label} word ({found} of {total} versions){backend}",
                    median_of(5, search),
                    SEARCH_TARGET,
                    "LIKE scan",
                    median_of(3, scan),
                )
            )
        figures.append(
            Figure(
                f"plan deadlines ({PLANS} plans){backend}",
                median_of(5, lambda: timed(lambda: deadlines(session=session))),
                DEADLINE_TARGET,
                "plans read",
                median_of(5, lambda: timed(lambda: session.scalars(select(Plan)).all())),
            )
        )
    return figures
