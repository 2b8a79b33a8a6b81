"""Search of the plans' texts (titles, structured content and the text of their documents)
through the text index: ranked by a match in the title, then by how often the words occur,
each result with the passage around its first match."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Integer, case, cast, func, select
from sqlalchemy.orm import Session

from models.plans.tables import PLAN_TEXTS, Plan, PlanVersion
from models.text_index import candidates, containing, normalise
from models.users import Permission, require

PASSAGE_CHARACTERS = 40  # either side of the match
RANKED_AT_MOST = 500  # versions holding a word, beyond which they are not counted each


@dataclass(frozen=True, slots=True)
class SearchHit:
    plan_code: str
    title: str
    version_id: int
    version_name: str
    occurrences: int
    passage: str  # the text around the first match, the match itself between 【 】


def search_plans(*, session: Session, query: str, limit: int = 20) -> list[SearchHit]:
    """The versions whose text holds ``query``, best first: a match in the plan's title,
    then the most occurrences. A word held by more than ``RANKED_AT_MOST`` versions is not
    counted in each (that reads every one of them): the versions whose title holds it come
    first, then the newest versions holding it, each group by its occurrences."""
    require(session, Permission.READ_REGISTER)
    words = query.strip()
    if not words:
        return []
    found = candidates(PLAN_TEXTS, words)
    many = (
        found is not None
        and (session.scalar(select(func.count()).select_from(found.subquery())) or 0)
        > RANKED_AT_MOST
    )
    rows = _newest(session, words, limit) if many else _ranked(session, words, limit)
    ids = [row[0] for row in rows]
    texts: dict[int, str] = {
        version_id: body
        for version_id, body in session.execute(
            select(PlanVersion.id, PlanVersion.search_text).where(PlanVersion.id.in_(ids))
        )
    }
    hits = [
        SearchHit(
            code,
            title,
            version_id,
            name,
            texts.get(version_id, "").count(words),
            _passage(texts.get(version_id) or "", words),
        )
        for version_id, code, title, name in rows
    ]
    if many:
        hits.sort(key=lambda h: (words not in h.title, -h.occurrences))
    return hits


def _ranked(session: Session, words: str, limit: int) -> list[Any]:
    text = PlanVersion.search_text
    occurrences = cast(
        (func.length(text) - func.length(func.replace(text, words, ""))) / len(words), Integer
    )
    in_title = case((Plan.title.contains(words, autoescape=True), 1), else_=0)
    return list(
        session.execute(
            select(PlanVersion.id, Plan.code, Plan.title, PlanVersion.name)
            .join(Plan, Plan.id == PlanVersion.plan_id)
            .where(containing(PLAN_TEXTS, words))
            .order_by(in_title.desc(), occurrences.desc(), Plan.code, PlanVersion.number.desc())
            .limit(limit)
        ).all()
    )


def _newest(session: Session, words: str, limit: int) -> list[Any]:
    """Versions whose plan's title holds the words (their text does too), newest first,
    then the newest others holding them: both read only until ``limit`` are found."""
    columns = (PlanVersion.id, Plan.code, Plan.title, PlanVersion.name)
    titled = list(
        session.execute(
            select(*columns)
            .join(Plan, Plan.id == PlanVersion.plan_id)
            .where(Plan.title.contains(words, autoescape=True))
            .order_by(PlanVersion.id.desc())
            .limit(limit)
        ).all()
    )
    seen = [row[0] for row in titled]
    others = (
        session.execute(
            select(*columns)
            .join(Plan, Plan.id == PlanVersion.plan_id)
            .where(
                PlanVersion.search_text.contains(words, autoescape=True),
                PlanVersion.id.not_in(seen),
            )
            .order_by(PlanVersion.id.desc())
            .limit(limit - len(titled))
        ).all()
        if len(titled) < limit
        else []
    )
    return titled + list(others)


def _passage(text: str, words: str) -> str:
    start = text.find(words)
    if start < 0:
        start = normalise(text).find(normalise(words))
    if start < 0:
        return text[: 2 * PASSAGE_CHARACTERS].replace("\n", " ")
    end = start + len(words)
    before = text[max(0, start - PASSAGE_CHARACTERS) : start]
    after = text[end : end + PASSAGE_CHARACTERS]
    return f"{before}【{text[start:end]}】{after}".replace("\n", " ")
