"""Search of the plans' texts (titles, structured content and the text of their documents)
through the text index: ranked by a match in the title, then by how often the words occur,
each result with the passage around its first match."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.plans.tables import PLAN_TEXTS, Plan, PlanVersion
from models.text_index import candidates, normalise
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
    first, then the newest versions holding it, each group by its occurrences.

    The text index gives the candidates' ids; their texts are then read by id and the
    words confirmed here (ASCII letters in any case, as SQLite's LIKE), never with a LIKE
    beside the ids: PostgreSQL estimates a LIKE on Chinese text as matching almost nothing
    and would scan every version's text with it first (seconds for 200 MB)."""
    require(session, Permission.READ_REGISTER)
    words = query.strip()
    if not words:
        return []
    found = candidates(PLAN_TEXTS, words)
    if found is None:  # one character: no bigram to look up, a scan
        return _scanned(session, words, limit)
    ids = sorted(set(session.scalars(found).all()), reverse=True)  # the newest first
    if len(ids) <= RANKED_AT_MOST:
        hits = list(_confirmed(session, words, ids))
        hits.sort(key=lambda h: (words not in h.title, -h.occurrences, h.plan_code, -h.number))
        return [h.hit for h in hits[:limit]]
    return _newest(session, words, ids, limit)


@dataclass(frozen=True, slots=True)
class _Found:
    hit: SearchHit
    number: int

    @property
    def title(self) -> str:
        return self.hit.title

    @property
    def occurrences(self) -> int:
        return self.hit.occurrences

    @property
    def plan_code(self) -> str:
        return self.hit.plan_code


CHUNK = 100  # versions read at a time
_NO_LETTERS = {code: None for code in (*range(65, 91), *range(97, 123))}


def _confirmed(
    session: Session, words: str, ids: Sequence[int], first: int = CHUNK
) -> Iterator[_Found]:
    """The versions among ``ids`` whose text holds the words, in the order of ``ids``;
    read ``first`` at first (a caller wanting only a few), then ``CHUNK`` at a time."""
    # ASCII letters in any case: lowered as UTF-8 bytes, where bytes.lower() changes only
    # them (a Chinese character's bytes are never ASCII), far faster than str.translate.
    wanted = normalise(words).encode()
    cased = words != words.translate(_NO_LETTERS)  # Latin letters in the words
    start = 0
    while start < len(ids):
        size = max(first, 1) if start == 0 else CHUNK
        chunk = ids[start : start + size]
        start += size
        rows = {
            row[0]: row
            for row in session.execute(
                select(
                    PlanVersion.id,
                    Plan.code,
                    Plan.title,
                    PlanVersion.name,
                    PlanVersion.number,
                    PlanVersion.search_text,
                )
                .join(Plan, Plan.id == PlanVersion.plan_id)
                .where(PlanVersion.id.in_(chunk))
            )
        }
        for version_id in chunk:
            row = rows.get(version_id)
            if row is None:
                continue
            body = row[5] or ""
            occurrences = body.encode().lower().count(wanted) if cased else body.count(words)
            if occurrences:
                yield _Found(
                    SearchHit(row[1], row[2], row[0], row[3], occurrences, _passage(body, words)),
                    row[4],
                )


def _newest(session: Session, words: str, ids: Sequence[int], limit: int) -> list[SearchHit]:
    """Versions whose plan's title holds the words, newest first, then the newest others
    holding them: both read only until ``limit`` are found."""
    titled_ids = list(
        session.scalars(
            select(PlanVersion.id)
            .join(Plan, Plan.id == PlanVersion.plan_id)
            .where(Plan.title.contains(words, autoescape=True))
            .order_by(PlanVersion.id.desc())
        ).all()
    )
    titled = set(titled_ids)
    found: list[_Found] = []
    for group in (titled_ids, [i for i in ids if i not in titled]):
        for hit in _confirmed(session, words, group, first=limit - len(found)):
            found.append(hit)
            if len(found) == limit:
                break
        if len(found) == limit:
            break
    found.sort(key=lambda h: (words not in h.title, -h.occurrences))
    return [h.hit for h in found]


def _scanned(session: Session, words: str, limit: int) -> list[SearchHit]:
    """A query too short for the index: the versions holding it, by a scan."""
    ids = list(
        session.scalars(
            select(PlanVersion.id)
            .where(PlanVersion.search_text.contains(words, autoescape=True))
            .order_by(PlanVersion.id.desc())
            .limit(RANKED_AT_MOST)
        )
    )
    hits = list(_confirmed(session, words, ids))
    hits.sort(key=lambda h: (words not in h.title, -h.occurrences, h.plan_code, -h.number))
    return [h.hit for h in hits[:limit]]


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
