"""The demo's contingency plan system and, on the typhoon scenario, the typhoon plan
activated and raised with the event."""

from __future__ import annotations

from collections import Counter

from models.database import Database
from models.plans import (
    activations,
    checklist,
    compare_with_previous,
    deadlines,
    list_drills,
    list_versions,
    plan_tree,
    search_plans,
    version_content,
)
from tests.conftest import ADMIN
from tests.models.conftest import BuiltDemo


def test_the_demo_holds_a_one_plus_n_system_with_deadlines_and_drills(demo: BuiltDemo) -> None:
    with demo.database.session(ADMIN) as session:
        tree = plan_tree(session=session)
        classes = Counter(node.plan.plan_class for node in tree)
        (typhoon,) = [n.plan for n in tree if n.plan.code == "ZX-01"]
        versions = list_versions(session=session, code="ZX-01")
        content = version_content(session=session, version_id=versions[-1].id)
        diff = compare_with_previous(session=session, version_id=versions[-1].id)
        due = deadlines(session=session)
        drills = list_drills(session=session)
        hits = search_plans(session=session, query="渔船")
    assert classes["overall"] == 1 and classes["special"] == 38
    assert classes["town"] == 16 and classes["departmental"] >= 5 and classes["village"] >= 5
    assert tree[0].plan.code == "ZT-01" and typhoon.parent_code == "ZT-01"
    assert [s.level for s in content] == ["sea", "IV", "III", "II", "I"]
    assert sum(len(s.actions) for s in content) == 80
    assert len({a.unit for s in content for a in s.actions}) >= 8
    assert diff.stages_added == ("sea",) and diff.actions
    kinds = Counter(r.kind for r in due if r.overdue)
    assert kinds["evaluation"] >= 2 and kinds["drill"] >= 2 and kinds["follow_up"] >= 1
    held = sorted(d.held_on for d in drills)
    assert (held[-1] - held[0]).days > 365 * 2  # two years of drills and an older one
    assert any(f.closed_on is None for d in drills for f in d.follow_ups)
    assert hits and hits[0].plan_code == "ZX-01"


def test_the_typhoon_scenario_has_the_typhoon_plan_at_ii_with_actions_done(
    scenario_db: Database,
) -> None:
    with scenario_db.session(ADMIN) as session:
        assert len(plan_tree(session=session)) > 70
        (active,) = activations(session=session)
        items = checklist(session=session, activation_id=active.id)
    assert active.plan_code == "ZX-01" and active.stage == "II" and active.ended_at is None
    assert {i.level for i in items} == {"sea", "IV", "III", "II"}
    done = [i for i in items if i.done_at is not None]
    assert 5 <= len(done) < len(items)
    assert all(i.level in ("sea", "IV") for i in done)
    assert min(i.due_at for i in items if i.level == "II" and i.due_at) > active.activated_at
