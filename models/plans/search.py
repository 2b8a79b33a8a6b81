"""Search of the plans' texts (titles, structured content and the text of their documents)
through the text index: ranked by a match in the title, then by how often the words occur,
each result with the passage around its first match."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Integer, case, cast, func, select
from sqlalchemy.orm import Session

from models.plans.tables import PLAN_TEXTS, Plan, PlanVersion
from models.text_index import containing, normalise
from models.users import Permission, require

PASSAGE_CHARACTERS = 40  # either side of the match


@dataclass(frozen=True, slots=True)
class SearchHit:
    plan_code: str
    title: str
    version_id: int
    version_name: str
    occurrences: int
    passage: str  # the text around the first match, the match itself between 【 】


def search_plans(*, session: Session, query: str, limit: int = 20) -> list[SearchHit]:
    """The versions whose text holds ``query``, best first (the title, then occurrences)."""
    require(session, Permission.READ_REGISTER)
    words = query.strip()
    if not words:
        return []
    text = PlanVersion.search_text
    occurrences = cast(
        (func.length(text) - func.length(func.replace(text, words, ""))) / len(words), Integer
    )
    in_title = case((Plan.title.contains(words, autoescape=True), 1), else_=0)
    rows = session.execute(
        select(PlanVersion.id, Plan.code, Plan.title, PlanVersion.name, occurrences)
        .join(Plan, Plan.id == PlanVersion.plan_id)
        .where(containing(PLAN_TEXTS, words))
        .order_by(in_title.desc(), occurrences.desc(), Plan.code, PlanVersion.number.desc())
        .limit(limit)
    ).all()
    ids = [row[0] for row in rows]
    texts: dict[int, str] = {
        version_id: body
        for version_id, body in session.execute(
            select(PlanVersion.id, text).where(PlanVersion.id.in_(ids))
        )
    }
    return [
        SearchHit(
            code,
            title,
            version_id,
            name,
            int(count or 0),
            _passage(texts.get(version_id) or "", words),
        )
        for version_id, code, title, name, count in rows
    ]


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
