"""The text index: any part of two characters or more of a registered text, found
exactly as the LIKE scan finds it, and kept by every write.

Runs on SQLite and, with ECC_TEST_DATABASE_URL, on PostgreSQL (the ``db`` fixture).
"""

from __future__ import annotations

import random
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from models.database import Database, allocate_ids, insert_many
from models.text_index import (
    TextIndexEntry,
    add_texts,
    candidates,
    containing,
    differences,
    grams,
    indexed_grams,
    indexed_texts,
    rebuild,
    register_text,
    remove_texts,
    replace_texts,
)
from models.transfers import (
    HOUSEHOLD_NAMES,
    Household,
    find_subjects,
    household_search_values,
    new_card_code,
)
from tests.conftest import ADMIN
from tests.models.test_transfers import YEAR, Register, add_household, make_register

# Few characters, so names share their parts; ASCII in both cases, LIKE's wildcards and
# the escape character, a repeated character.
ALPHABET = "张王李明伟华强芳丽国建军平AbcX%_/"


def _household(village_id: int, name: str, n: int, year: int = YEAR) -> dict[str, Any]:
    phone = f"139{n:08d}"
    return {
        "year": year,
        "village_id": village_id,
        "householder_name": name,
        "householder_phone": phone,
        **household_search_values(name, phone),
        "residents": 1,
        "card_code": new_card_code(),
    }


def _index_ok(db: Database) -> None:
    with db.session(ADMIN) as session:
        found = differences(session, HOUSEHOLD_NAMES)
    assert found.ok, found


def _ids(session: Session, condition: Any) -> set[int]:
    return set(session.scalars(select(Household.id).where(condition)))


def _register(db: Database) -> Register:
    with db.session(ADMIN) as session:
        return make_register(session)


def test_bigrams_of_the_normalised_text() -> None:
    assert grams("张伟明") == {"张伟", "伟明"}
    assert grams("明明明") == {"明明"}
    assert grams("Ab张") == {"ab", "b张"}  # ASCII letters lowercased, nothing else
    assert grams("张") == set() and grams("") == set() and grams(None) == set()
    assert indexed_grams(HOUSEHOLD_NAMES, "张伟明") == {"伟明"}  # after the first character
    assert indexed_grams(HOUSEHOLD_NAMES, "张伟") == set()
    assert candidates(HOUSEHOLD_NAMES, "张") is None  # one character: no lookup


def test_households_are_registered_once() -> None:
    assert HOUSEHOLD_NAMES in indexed_texts(Household.__table__)
    assert register_text("household_name", Household.householder_name) is HOUSEHOLD_NAMES
    with pytest.raises(ValueError, match="household_name"):
        register_text("household_name", Household.location)


def test_the_index_finds_exactly_what_like_finds(db: Database) -> None:
    """Random names, random parts of 2-4 characters (and strings nobody has): the index's
    rows are the brute-force LIKE's, on either backend's idea of case."""
    reg = _register(db)
    rng = random.Random(20261207)
    names = ["".join(rng.choices(ALPHABET, k=rng.randint(1, 6))) for _ in range(600)]
    with db.session(ADMIN) as session:
        # Half through the bulk path, half through the ORM.
        insert_many(
            session,
            Household.__table__,
            [_household(reg.a1, name, n) for n, name in enumerate(names[:300])],
        )
        for n, name in enumerate(names[300:], start=300):
            session.add(Household(**_household(reg.a2, name, n)))
        session.flush()
    _index_ok(db)
    queries = []
    for _ in range(300):
        name = rng.choice([n for n in names if len(n) >= 2])
        length = rng.randint(2, min(4, len(name)))
        start = rng.randint(0, len(name) - length)
        queries.append(name[start : start + length])
    queries += ["".join(rng.choices(ALPHABET, k=rng.randint(2, 4))) for _ in range(100)]
    queries += [q.swapcase() for q in queries[:50]]
    # The same texts under a kind indexed from their first character (not registered, so
    # written by hand here): exactly the scan's rows.
    whole = replace(HOUSEHOLD_NAMES, kind="test_whole", after_start=False)
    with db.session(ADMIN) as session:
        rows = session.execute(select(Household.id, Household.householder_name))
        add_texts(session, whole, [(row_id, text) for row_id, text in rows])
    name = Household.householder_name
    with db.session(ADMIN) as session:
        for query in queries:
            scan = _ids(session, name.contains(query, autoescape=True))
            assert _ids(session, containing(whole, query)) == scan, query
            # Households' names are indexed after their first character: every row holding
            # the query there, and the scan's rows when no name starts with the query.
            inside = _ids(session, func.substr(name, 2).contains(query, autoescape=True))
            found = _ids(session, containing(HOUSEHOLD_NAMES, query))
            assert inside <= found <= scan, query
            if not _ids(session, name.startswith(query, autoescape=True)):
                assert found == scan, query
        assert all(_ids(session, name.contains(q, autoescape=True)) for q in queries[:300])


def test_the_check_in_search_finds_a_part_of_a_name_as_before(db: Database) -> None:
    """The search's answer for parts no name starts with equals the brute-force one."""
    reg = _register(db)
    rng = random.Random(7)
    chinese = "张王李赵陈刘杨黄周吴明伟华强芳丽国建军平秀英敏静燕玲桂兰红霞"
    names = sorted({"".join(rng.choices(chinese, k=rng.randint(2, 4))) for _ in range(400)})
    with db.session(ADMIN) as session:
        insert_many(
            session,
            Household.__table__,
            [_household(reg.a1, name, n) for n, name in enumerate(names)]
            + [_household(reg.a1, name, n, year=YEAR - 1) for n, name in enumerate(names[:50])],
        )
    tried = 0
    with db.session(ADMIN) as session:
        for _ in range(200):
            name = rng.choice(names)
            length = rng.randint(2, min(4, len(name)))
            start = rng.randint(0, len(name) - length)
            part = name[start : start + length]
            # Names starting with the text; only when there are none, any part of a name.
            expected = [n for n in names if n.startswith(part)]
            if not expected:
                tried += 1
                expected = [n for n in names if part in n]
            found = find_subjects(session=session, query=part, year=YEAR, limit=1000)
            assert sorted(r.name for r in found) == expected, part
    assert tried > 25  # parts that start no name: the index answers them


def test_every_orm_write_keeps_the_index(db: Database) -> None:
    reg = _register(db)
    with db.session(ADMIN) as session:
        first = add_household(session, reg.a1, None, "张伟明", 2)
        second = add_household(session, reg.a1, None, "李晓红", 2)
        third = add_household(session, reg.a1, None, "王建国", 2)
    _index_ok(db)

    def names_with(part: str) -> set[int]:
        with db.session(ADMIN) as session:
            return _ids(session, containing(HOUSEHOLD_NAMES, part))

    assert names_with("伟明") == {first}
    with db.session(ADMIN) as session:
        household = session.get(Household, first)
        assert household is not None
        household.householder_name = "张伟强"  # loaded, then changed
    assert names_with("伟明") == set() and names_with("伟强") == {first}
    _index_ok(db)
    with db.session(ADMIN) as session:
        household = session.get(Household, second)
        assert household is not None
        session.expire(household)
        household.householder_name = "李晓燕"  # changed without being loaded
    assert names_with("晓红") == set() and names_with("晓燕") == {second}
    _index_ok(db)
    with db.session(ADMIN) as session:
        household = session.get(Household, third)
        assert household is not None
        session.expire(household)
        session.delete(household)  # deleted without its name loaded
    assert names_with("建国") == set()
    _index_ok(db)
    with db.session(ADMIN) as session:
        savepoint = session.begin_nested()
        session.add(Household(**_household(reg.a1, "赵建军", 99)))
        session.flush()
        savepoint.rollback()
    assert names_with("建军") == set()
    _index_ok(db)


def test_bulk_inserts_get_ids_and_entries(db: Database) -> None:
    reg = _register(db)
    with db.session(ADMIN) as session:
        before = add_household(session, reg.a1, None, "周一", 1)
        insert_many(
            session,
            Household.__table__,
            [_household(reg.a1, f"周{n}号", n) for n in range(10, 20)],
        )
        ids = sorted(session.scalars(select(Household.id).where(Household.id != before)))
        assert len(ids) == 10 and ids[0] > before
        after = add_household(session, reg.a1, None, "周二", 1)  # the next id is still free
        assert after > ids[-1]
        assert allocate_ids(session, Household.__table__, 0) == []
    _index_ok(db)
    with db.session(ADMIN) as session:
        assert len(_ids(session, containing(HOUSEHOLD_NAMES, "号"))) == 10  # one char: LIKE
        assert len(_ids(session, containing(HOUSEHOLD_NAMES, "5号"))) == 1


def test_core_writes_call_the_index_and_rebuild_repairs(db: Database) -> None:
    reg = _register(db)
    with db.session(ADMIN) as session:
        first = add_household(session, reg.a1, None, "周伯通", 1)
        hid = add_household(session, reg.a1, None, "钱多多", 1)
    with db.session(ADMIN) as session:
        session.execute(
            Household.__table__.update()
            .where(Household.id == hid)
            .values(householder_name="钱少少")
        )
        replace_texts(session, HOUSEHOLD_NAMES, [(hid, "钱多多", "钱少少")])
    _index_ok(db)
    with db.session(ADMIN) as session:
        remove_texts(session, HOUSEHOLD_NAMES, [(hid, "钱少少")])
        session.execute(delete(Household).where(Household.id == hid))
    _index_ok(db)
    with db.session(ADMIN) as session:
        # An entry already there (a row id reused after a write that forgot its row) stays.
        add_texts(session, HOUSEHOLD_NAMES, [(first, "周伯通")])
        assert differences(session, HOUSEHOLD_NAMES).ok
    with db.session(ADMIN) as session:
        hid = add_household(session, reg.a1, None, "孙悟空", 1)
        session.execute(delete(TextIndexEntry))
        add_texts(session, HOUSEHOLD_NAMES, [(hid + 1000, "猪八戒")])
        found = differences(session, HOUSEHOLD_NAMES)
        assert (found.missing, found.extra) == (2, 1)  # 伯通 and 悟空; 八戒
        assert found.missing_rows == (first, hid) and found.extra_rows == (hid + 1000,)
        rebuild(session, HOUSEHOLD_NAMES)
    _index_ok(db)


def test_the_index_is_a_table_without_rowid_on_sqlite(db: Database) -> None:
    if not db.is_sqlite:
        pytest.skip("SQLite only")
    with db.engine.connect() as conn:
        sql = conn.execute(
            text("SELECT sql FROM sqlite_master WHERE name = 'text_index'")
        ).scalar_one()
    assert "WITHOUT ROWID" in sql and "PRIMARY KEY (kind, gram, row_id)" in sql
