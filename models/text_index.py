"""One index of Chinese text: any part of two characters or more of a registered text,
found without reading every row (SQLite's FTS5 trigram and PostgreSQL's pg_trgm find
nothing shorter than three characters, and most Chinese names are two or three).

A module registers a text column of its table under a kind, once, beside the table:

    HOUSEHOLD_NAMES = register_text("household_name", Household.householder_name)

The index (table ``text_index``) then holds one entry (kind, bigram, row id) for every
distinct pair of neighbouring characters of the row's text (ASCII letters lowercased;
from the second character on for a text registered ``after_start``, whose module finds
starts through the column's own index). A query of two characters is one lookup; a
longer one intersects its bigrams; ``containing`` confirms the candidates with ``text
LIKE %query%``, so it finds exactly the rows the scan finds.

Every write keeps it, in the writer's transaction: the ORM through the session hooks
below, the bulk path ``models.database.insert_many`` (which gives an indexed table's rows
their ids first), and any other Core write by calling ``add_texts``, ``replace_texts`` or
``remove_texts``. ``differences`` compares the index with the texts (``db check``);
``rebuild`` writes a kind's entries again from its table.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Integer,
    Select,
    String,
    Table,
    and_,
    bindparam,
    delete,
    event,
    inspect,
    intersect,
    select,
)
from sqlalchemy.orm import InstrumentedAttribute, Mapped, Session, mapped_column
from sqlalchemy.orm.attributes import NO_VALUE

from models.base import Base


class TextIndexEntry(Base):
    """One bigram of one row's text. WITHOUT ROWID on SQLite: the key is the row."""

    __tablename__ = "text_index"
    __table_args__ = ({"sqlite_with_rowid": False},)

    kind: Mapped[str] = mapped_column(String(40), primary_key=True)
    gram: Mapped[str] = mapped_column(String(2), primary_key=True)
    row_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)


_ENTRIES: Table = TextIndexEntry.__table__  # type: ignore[assignment]

Entry = tuple[str, str, int]  # kind, bigram, row id: the key's order


@dataclass(frozen=True, eq=False)
class IndexedText:
    """A text column registered under ``kind``: ``text`` of the row ``row_id`` of ``table``."""

    kind: str
    table: Table
    text: Column[Any]
    row_id: ColumnElement[Any]
    mapped: type
    key: str  # the text's attribute on ``mapped``, and its key in insert_many's rows
    id_key: str  # the primary key's attribute
    # The texts' starts are found by an index of the column itself, which the module
    # searches first: only the bigrams after the first character are held.
    after_start: bool = False


_KINDS: dict[str, IndexedText] = {}
_BY_CLASS: dict[type, list[IndexedText]] = {}


def register_text(
    kind: str, attribute: InstrumentedAttribute[Any], *, after_start: bool = False
) -> IndexedText:
    """Index the texts of a mapped column (``Household.householder_name``) under ``kind``.

    ``after_start``: the module finds texts by their start through an index of the
    column (``text >= query AND text < query || U+FFFF``) and looks here only when no
    text starts with the query; the index then holds the bigrams from the second
    character on, about half as many (none for a two-character name), which halves
    what every write adds. The table's primary key must be one integer column.
    Registering the same column under the same kind again returns the first registration.
    """
    mapper = attribute.parent.mapper
    mapped = mapper.class_
    column = attribute.property.columns[0]
    if len(mapper.primary_key) != 1:
        raise ValueError(f"{mapped.__name__}: the text index needs a one-column primary key")
    row_id = mapper.primary_key[0]
    existing = _KINDS.get(kind)
    if existing is not None:
        if existing.text is not column:
            raise ValueError(f"the text index's kind {kind!r} is {existing.text} already")
        return existing
    indexed = IndexedText(
        kind,
        column.table,
        column,
        row_id,
        mapped,
        attribute.key,
        mapper.get_property_by_column(row_id).key,
        after_start,
    )
    _KINDS[kind] = indexed
    _BY_CLASS.setdefault(mapped, []).append(indexed)
    return indexed


def indexed_texts(table: Table | None = None) -> list[IndexedText]:
    """Every registered text, or those of ``table``."""
    return [i for i in _KINDS.values() if table is None or i.table is table]


# -- bigrams ----------------------------------------------------------------------------------

_ASCII_LOWER = {code: code + 32 for code in range(ord("A"), ord("Z") + 1)}


def normalise(text: str) -> str:
    """ASCII letters lowercased (SQLite's LIKE ignores their case); nothing else changes."""
    return text.translate(_ASCII_LOWER)


def grams(text: str | None) -> set[str]:
    """The distinct bigrams of the normalised text (none below two characters)."""
    if not text:
        return set()
    text = normalise(text)
    return {text[i : i + 2] for i in range(len(text) - 1)}


def indexed_grams(indexed: IndexedText, text: str | None) -> set[str]:
    """The bigrams the index holds for a row of ``indexed`` with this text."""
    if text and indexed.after_start:
        text = text[1:]
    return grams(text)


def _entries(indexed: IndexedText, rows: Iterable[tuple[int, str | None]]) -> list[Entry]:
    """The rows' entries (``indexed_grams`` of each text, unrolled for the usual two or
    three characters: the bulk path indexes 20,000 names in about 15 ms)."""
    found: list[Entry] = []
    append = found.append
    kind = indexed.kind
    skip = 1 if indexed.after_start else 0
    for row_id, text in rows:
        if not text:
            continue
        text = text[skip:].translate(_ASCII_LOWER)
        length = len(text)
        if length == 2:
            append((kind, text, row_id))
        elif length == 3:
            first, second = text[:2], text[1:]
            append((kind, first, row_id))
            if second != first:
                append((kind, second, row_id))
        elif length > 3:
            found += [(kind, g, row_id) for g in {text[i : i + 2] for i in range(length - 1)}]
    return found


# -- writing ------------------------------------------------------------------------------------


def _write(session: Session, entries: Sequence[Entry]) -> None:
    """Insert entries. One already there (left by a write that did not unindex its row,
    whose id was then reused) is kept, not refused: it can only add a candidate that the
    LIKE then drops, whereas a refusal would stop an import. ``db check`` names it."""
    if not entries:
        return
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        # One statement over three arrays, not a round trip per entry.
        kinds, texts, ids = zip(*entries, strict=True)
        conn.exec_driver_sql(
            "INSERT INTO text_index (kind, gram, row_id) "
            "SELECT * FROM unnest(%s::varchar[], %s::varchar[], %s::integer[]) "
            "ON CONFLICT DO NOTHING",
            (list(kinds), list(texts), list(ids)),
        )
        return
    conn.exec_driver_sql(
        "INSERT OR IGNORE INTO text_index (kind, gram, row_id) VALUES (?, ?, ?)", list(entries)
    )


def _erase(session: Session, entries: Sequence[Entry]) -> None:
    if not entries:
        return
    e = _ENTRIES.c
    session.connection().execute(
        delete(_ENTRIES).where(
            e.kind == bindparam("e_kind"),
            e.gram == bindparam("e_gram"),
            e.row_id == bindparam("e_row_id"),
        ),
        [{"e_kind": k, "e_gram": g, "e_row_id": r} for k, g, r in entries],
    )


def add_texts(
    session: Session, indexed: IndexedText, rows: Iterable[tuple[int, str | None]]
) -> None:
    """Index new rows: (row id, text) pairs."""
    _write(session, _entries(indexed, rows))


def remove_texts(
    session: Session, indexed: IndexedText, rows: Iterable[tuple[int, str | None]]
) -> None:
    """Unindex rows deleted: (row id, the text they had)."""
    _erase(session, _entries(indexed, rows))


def _changes(
    indexed: IndexedText, rows: Iterable[tuple[int, str | None, str | None]]
) -> tuple[list[Entry], list[Entry]]:
    kind = indexed.kind
    gone: list[Entry] = []
    new: list[Entry] = []
    for row_id, old, text in rows:
        before, after = indexed_grams(indexed, old), indexed_grams(indexed, text)
        gone += ((kind, g, row_id) for g in before - after)
        new += ((kind, g, row_id) for g in after - before)
    return sorted(gone), sorted(new)


def replace_texts(
    session: Session, indexed: IndexedText, rows: Iterable[tuple[int, str | None, str | None]]
) -> None:
    """Rows whose text changed: (row id, old text, new text); only bigrams that differ
    are written."""
    gone, new = _changes(indexed, rows)
    _erase(session, gone)
    _write(session, new)


def forget_rows(session: Session, indexed: IndexedText, row_ids: Iterable[int]) -> None:
    """Unindex rows whose indexed text is not known. Reads the kind's whole index (its
    key starts with the bigram): for the rare write that changed a text it never read."""
    ids = sorted(set(row_ids))
    e = _ENTRIES.c
    for start in range(0, len(ids), 500):
        session.connection().execute(
            delete(_ENTRIES).where(e.kind == indexed.kind, e.row_id.in_(ids[start : start + 500]))
        )


def rebuild(session: Session, indexed: IndexedText) -> None:
    """The kind's entries written again from its table (a repair after ``differences``)."""
    conn = session.connection()
    conn.execute(delete(_ENTRIES).where(_ENTRIES.c.kind == indexed.kind))
    rows = [(row_id, text) for row_id, text in conn.execute(select(indexed.row_id, indexed.text))]
    add_texts(session, indexed, rows)


# -- the ORM's writes -------------------------------------------------------------------------


@event.listens_for(Session, "before_flush")
def _load_deleted_texts(session: Session, _context: Any, _instances: Any) -> None:
    """A row to be deleted whose text was never loaded: load it while the row is there."""
    for obj in session.deleted:
        for indexed in _BY_CLASS.get(type(obj), ()):
            state = inspect(obj)
            if state.persistent and indexed.key not in state.dict:
                getattr(obj, indexed.key)


@event.listens_for(Session, "after_flush")
def _keep_after_flush(session: Session, _context: Any) -> None:
    """The flush's inserts, text changes and deletes of indexed rows, in its transaction."""
    added: list[Entry] = []
    removed: list[Entry] = []
    unknown: dict[str, list[int]] = {}
    for obj in session.new:
        for indexed in _BY_CLASS.get(type(obj), ()):
            added += _entries(indexed, [(_id(obj, indexed), getattr(obj, indexed.key))])
    for obj in session.dirty:
        for indexed in _BY_CLASS.get(type(obj), ()):
            history = inspect(obj).attrs[indexed.key].history
            if not history.added:  # the text did not change
                continue
            row_id = _id(obj, indexed)
            if history.deleted:
                gone, new = _changes(indexed, [(row_id, history.deleted[0], history.added[0])])
                removed += gone
                added += new
            else:  # set without being loaded: what the index holds for it is not known
                unknown.setdefault(indexed.kind, []).append(row_id)
                added += _entries(indexed, [(row_id, history.added[0])])
    for obj in session.deleted:
        for indexed in _BY_CLASS.get(type(obj), ()):
            old = inspect(obj).dict.get(indexed.key, NO_VALUE)
            if old is NO_VALUE:
                unknown.setdefault(indexed.kind, []).append(_id(obj, indexed))
            else:
                removed += _entries(indexed, [(_id(obj, indexed), old)])
    for kind, ids in unknown.items():
        forget_rows(session, _KINDS[kind], ids)
    _erase(session, sorted(removed))
    _write(session, sorted(added))


def _id(obj: Any, indexed: IndexedText) -> int:
    return int(inspect(obj).dict[indexed.id_key])


# -- reading ------------------------------------------------------------------------------------


MIN_QUERY = 2  # characters: a shorter query has no bigram, and ``containing`` scans


def uses_index(query: str) -> bool:
    """Whether ``containing`` looks ``query`` up in the index (else it is a LIKE scan)."""
    return len(query) >= MIN_QUERY


def candidates(indexed: IndexedText, query: str) -> Select[Any] | None:
    """The ids of the rows whose text holds every bigram of ``query`` (all rows holding
    ``query``, and maybe a few more); None for a query of fewer than two characters."""
    wanted = sorted(grams(query))
    if not wanted:
        return None
    e = _ENTRIES.c
    selects = [select(e.row_id).where(e.kind == indexed.kind, e.gram == g) for g in wanted]
    if len(selects) == 1:
        return selects[0]
    return select(intersect(*selects).subquery().c.row_id)


def containing(indexed: IndexedText, query: str) -> ColumnElement[bool]:
    """``text LIKE %query%`` (autoescaped) over the index's candidates: the scan's rows.
    For an ``after_start`` kind: the rows holding the query after their first character
    (and maybe some starting with it), so the scan's rows when no text starts with it.

    Keep the statement's other conditions off columns with an index of their own (see
    ``unindexed``), or the planner may walk that index instead.
    """
    like = indexed.text.contains(query, autoescape=True)
    ids = candidates(indexed, query)
    if ids is None:
        return like
    return and_(indexed.row_id.in_(ids), like)


def unindexed(column: Any) -> Any:
    """``column + 0``, an expression no index covers. Beside ``containing`` it keeps
    SQLite's planner (no statistics) from walking that column's index over the year's
    200,000 rows (30-50 ms) instead of fetching the index's candidates (under 1 ms)."""
    return column + 0


# -- checking -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class IndexDifference:
    """How a kind's index differs from its texts."""

    kind: str
    missing: int  # entries a text has and the index lacks
    extra: int  # entries the index holds and no text has
    missing_rows: tuple[int, ...]  # a few of the rows a search could miss
    extra_rows: tuple[int, ...]

    @property
    def ok(self) -> bool:
        return not self.missing and not self.extra


def differences(session: Session, indexed: IndexedText, *, examples: int = 5) -> IndexDifference:
    """Compare the kind's entries with the bigrams of its table's texts."""
    conn = session.connection()
    expected: set[tuple[str, int]] = set()
    for row_id, text in conn.execute(select(indexed.row_id, indexed.text)):
        if text:
            expected.update((g, row_id) for g in indexed_grams(indexed, text))
    e = _ENTRIES.c
    stored: set[tuple[str, int]] = set(
        conn.execute(select(e.gram, e.row_id).where(e.kind == indexed.kind))
    )
    missing = expected - stored
    extra = stored - expected
    return IndexDifference(
        indexed.kind,
        len(missing),
        len(extra),
        tuple(sorted({r for _g, r in missing})[:examples]),
        tuple(sorted({r for _g, r in extra})[:examples]),
    )
