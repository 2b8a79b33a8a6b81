"""The plan register, each plan's life, versions with documents and structured content,
what changed between versions, and the search of the plans' texts."""

from __future__ import annotations

from datetime import date

import pytest

from models.database import Database
from models.plans import (
    ActionFields,
    PlanFields,
    StageFields,
    add_version,
    attach_file,
    change_status,
    compare_with_previous,
    file_content,
    list_plans,
    list_versions,
    plan_steps,
    plan_tree,
    save_plan,
    search_plans,
    version_content,
)
from models.plans.documents import MAX_FILE_BYTES
from models.refusals import Conflict, PermissionDenied, ValidationError
from tests.models.plan_helpers import (
    DUTY,
    PLANNER,
    VIEWER,
    add_typhoon_plan,
    add_units,
    docx_bytes,
    pdf_bytes,
    typhoon_stages,
)


def _system(db: Database) -> None:
    with db.session(PLANNER, write=True) as session:
        add_units(session)
        save_plan(
            session=session,
            fields=PlanFields(
                code="ZT-01",
                title="温岭市突发事件总体应急预案",
                plan_class="overall",
                owner="县应急管理局",
                status="published",
                doc_number="温政发〔2023〕1号",
                issued_on=date(2023, 3, 1),
            ),
        )
        add_typhoon_plan(session)
        save_plan(
            session=session,
            fields=PlanFields(
                code="XZ-01",
                title="城东街道防汛防台应急预案",
                plan_class="town",
                event_type="flood",
                parent_code="ZX-01",
                since=date(2025, 1, 10),
            ),
        )
        save_plan(
            session=session,
            fields=PlanFields(
                code="ZX-01",
                title="温岭市防台风应急预案",
                plan_class="special",
                category="natural",
                event_type="typhoon",
                owner="县应急管理局",
                doc_number="温政办发〔2024〕12号",
                issued_on=date(2024, 6, 3),
                parent_code="ZT-01",
            ),
            plan_id=next(p.id for p in list_plans(session=session) if p.code == "ZX-01"),
        )


def test_the_plan_system_is_a_tree_under_the_overall_plan(db: Database) -> None:
    _system(db)
    with db.session(VIEWER) as session:
        tree = plan_tree(session=session)
    assert [(node.plan.code, node.depth) for node in tree] == [
        ("ZT-01", 0),
        ("ZX-01", 1),
        ("XZ-01", 2),
    ]
    typhoon = tree[1].plan
    assert typhoon.owner == "县应急管理局"
    assert typhoon.parent_code == "ZT-01"
    assert typhoon.status == "published"


def test_a_plan_moves_forward_through_its_life_with_date_person_and_note(db: Database) -> None:
    _system(db)
    with db.session(PLANNER, write=True) as session:
        for status, on in (("review", date(2025, 3, 1)), ("approved", date(2025, 4, 2))):
            change_status(
                session=session, code="XZ-01", status=status, on=on, person="王工", note="通过"
            )
        with pytest.raises(Conflict, match="document number"):
            change_status(session=session, code="XZ-01", status="published", on=date(2025, 4, 9))
        with pytest.raises(Conflict):
            change_status(session=session, code="XZ-01", status="drafting", on=date(2025, 4, 9))
        with pytest.raises(Conflict):
            change_status(session=session, code="XZ-01", status="filed", on=date(2025, 4, 9))
        with pytest.raises(Conflict):
            change_status(session=session, code="XZ-01", status="review", on=date(2025, 4, 1))
        save_plan(
            session=session,
            fields=PlanFields(
                code="XZ-01",
                title="城东街道防汛防台应急预案",
                plan_class="town",
                doc_number="城东街〔2025〕5号",
                parent_code="ZX-01",
            ),
            plan_id=next(p.id for p in list_plans(session=session) if p.code == "XZ-01"),
        )
        published = change_status(
            session=session, code="XZ-01", status="published", on=date(2025, 4, 10)
        )
        assert published.issued_on == date(2025, 4, 10)
        filed = change_status(
            session=session, code="XZ-01", status="filed", on=date(2025, 4, 30), person="李四"
        )
        assert filed.filed_on == date(2025, 4, 30)
        revision = change_status(
            session=session, code="XZ-01", status="scheduled", on=date(2026, 1, 5)
        )
        assert revision.filed_on is None
        change_status(session=session, code="XZ-01", status="abolished", on=date(2026, 2, 1))
        with pytest.raises(Conflict):
            change_status(session=session, code="XZ-01", status="drafting", on=date(2026, 2, 2))
    with db.session(VIEWER) as session:
        steps = plan_steps(session=session, code="XZ-01")
    assert [s.status for s in steps] == [
        "drafting",
        "review",
        "approved",
        "published",
        "filed",
        "scheduled",
        "abolished",
    ]
    assert steps[1].person == "王工" and steps[1].note == "通过"
    assert steps[4].person == "李四"


def test_plans_are_checked_field_by_field_and_only_planners_edit_them(db: Database) -> None:
    _system(db)
    with db.session(PLANNER, write=True) as session:
        with pytest.raises(ValidationError) as refused:
            save_plan(
                session=session,
                fields=PlanFields(
                    code="ZX-01",
                    title="",
                    plan_class="secret",
                    owner="不存在的局",
                    parent_code="NONE",
                    evaluation_years=40,
                ),
            )
        fields = {field for field, _ in refused.value.problems}
        assert fields == {"code", "title", "plan_class", "owner", "parent_code", "evaluation_years"}
        with pytest.raises(ValidationError, match="itself"):
            save_plan(
                session=session,
                fields=PlanFields(
                    code="ZT-01", title="总体", plan_class="overall", parent_code="XZ-01"
                ),
                plan_id=next(p.id for p in list_plans(session=session) if p.code == "ZT-01"),
            )
    for actor in (DUTY, VIEWER):
        with db.session(actor, write=True) as session, pytest.raises(PermissionDenied):
            save_plan(session=session, fields=PlanFields("X-9", "某预案", "special"))


def test_a_new_version_shows_what_changed_stage_by_stage(db: Database) -> None:
    with db.session(PLANNER, write=True) as session:
        add_units(session)
        first = add_typhoon_plan(session)
        stages = typhoon_stages(extra=True)[:-1]  # Ⅰ dropped, Ⅳ rewritten
        second = add_version(session=session, code="ZX-01", name="2026年修订版", stages=stages)
    with db.session(VIEWER) as session:
        assert [v.number for v in list_versions(session=session, code="ZX-01")] == [1, 2]
        content = version_content(session=session, version_id=first)
        diff = compare_with_previous(session=session, version_id=second.id)
        assert compare_with_previous(session=session, version_id=first).before is None
    assert [s.level for s in content] == ["sea", "IV", "III", "II", "I"]
    assert content[0].actions[0].unit == "县农业农村局"
    assert content[0].actions[0].time_limit_minutes == 360
    assert diff.before == first
    assert diff.stages_removed == ("I",) and diff.stages_added == ()
    assert diff.triggers_changed == (
        ("IV", "预计48小时内影响本县", "预计48小时内影响本县或海上风力达到8级"),
    )
    by_kind = {
        (
            "changed" if c.before and c.after else "added" if c.after else "removed",
            c.level,
            (c.after or c.before).text,
        )  # type: ignore[union-attr]
        for c in diff.actions
    }
    assert by_kind == {
        ("changed", "IV", "发布台风蓝色预警"),
        ("removed", "IV", "启动防台风Ⅳ级应急响应"),
        ("added", "IV", "通过广播电视发布防台提示"),
        ("removed", "I", "宣布进入紧急防汛期"),
        ("removed", "I", "医疗救护队伍待命"),
    }
    changed = next(c for c in diff.actions if c.before and c.after)
    assert (changed.before.time_limit_minutes, changed.after.time_limit_minutes) == (60, 30)  # type: ignore[union-attr]


def test_content_refuses_unknown_stages_groups_units_and_limits(db: Database) -> None:
    with db.session(PLANNER, write=True) as session:
        add_units(session)
        add_typhoon_plan(session)
        with pytest.raises(ValidationError) as refused:
            add_version(
                session=session,
                code="ZX-01",
                name="坏版本",
                stages=[
                    StageFields("V", None, []),
                    StageFields(
                        "IV",
                        None,
                        [ActionFields("party", "", "无此单位", 0)],
                    ),
                    StageFields("IV", None, []),
                ],
            )
    messages = " ".join(m for _, m in refused.value.problems)
    assert "V" in messages
    assert len(refused.value.problems) == 6  # stage, group, text, unit, limit, IV twice


def test_documents_are_kept_with_checksum_and_their_text_is_searched(db: Database) -> None:
    with db.session(PLANNER, write=True) as session:
        add_units(session)
        version = add_typhoon_plan(session)
        docx = attach_file(
            session=session,
            version_id=version,
            name="防台风应急预案.docx",
            content=docx_bytes("第一章 总则", "海塘巡查由县水利局负责，每两小时报告一次。"),
        )
        pdf = attach_file(
            session=session,
            version_id=version,
            name="附件.pdf",
            content=pdf_bytes("避灾安置场所开放清单"),
        )
        scan = attach_file(
            session=session, version_id=version, name="扫描件.wps", content=b"\xd0\xcf\x11\xe0"
        )
        with pytest.raises(ValidationError, match="50"):
            attach_file(
                session=session,
                version_id=version,
                name="巨大.pdf",
                content=b"0" * (MAX_FILE_BYTES + 1),
            )
    assert docx.has_text and pdf.has_text and not scan.has_text
    with db.session(VIEWER) as session:
        name, content = file_content(session=session, file_id=docx.id)
        assert name == "防台风应急预案.docx" and content[:2] == b"PK"
        hits = search_plans(session=session, query="海塘巡查")
        assert [(h.plan_code, h.version_name) for h in hits] == [("ZX-01", "2024年版")]
        assert "【海塘巡查】由县水利局负责" in hits[0].passage
        assert search_plans(session=session, query="安置场所")[0].plan_code == "ZX-01"
        assert search_plans(session=session, query="不存在的词") == []


def test_search_ranks_a_title_match_first_then_by_occurrences(db: Database) -> None:
    with db.session(PLANNER, write=True) as session:
        add_units(session)
        for code, title, actions in (
            ("A-1", "森林火灾应急预案", ["转移人员", "转移物资", "转移车辆"]),
            ("A-2", "地质灾害应急预案", ["转移人员"]),
            ("A-3", "人员转移专项预案", ["组织撤离"]),
        ):
            save_plan(session=session, fields=PlanFields(code, title, "special"))
            add_version(
                session=session,
                code=code,
                name="第一版",
                stages=[StageFields("IV", None, [ActionFields("transfer", a) for a in actions])],
            )
    with db.session(VIEWER) as session:
        hits = search_plans(session=session, query="转移")
    assert [h.plan_code for h in hits] == ["A-3", "A-1", "A-2"]
    assert hits[1].occurrences == 3


def test_a_word_in_very_many_versions_is_ranked_among_the_newest(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    import models.plans.search as search

    monkeypatch.setattr(search, "RANKED_AT_MOST", 1)
    with db.session(PLANNER, write=True) as session:
        add_units(session)
        for code, title, actions in (
            ("A-1", "森林火灾应急预案", ["转移人员", "转移物资", "转移车辆"]),
            ("A-2", "地质灾害应急预案", ["转移人员"]),
            ("A-3", "人员转移专项预案", ["组织撤离"]),
            ("A-4", "台风应急预案", ["加固"]),
        ):
            save_plan(session=session, fields=PlanFields(code, title, "special"))
            add_version(
                session=session,
                code=code,
                name="第一版",
                stages=[StageFields("IV", None, [ActionFields("transfer", a) for a in actions])],
            )
    with db.session(VIEWER) as session:
        hits = search_plans(session=session, query="转移", limit=2)
        every = search_plans(session=session, query="转移")
    assert [h.plan_code for h in hits] == ["A-3", "A-2"]  # the title, then the newest
    assert [h.plan_code for h in every] == ["A-3", "A-1", "A-2"]
    assert every[1].occurrences == 3 and "【转移】" in every[1].passage


def test_search_finds_latin_letters_in_any_case_and_a_single_character(db: Database) -> None:
    with db.session(PLANNER, write=True) as session:
        add_units(session)
        save_plan(session=session, fields=PlanFields("A-1", "通信保障应急预案", "special"))
        add_version(
            session=session,
            code="A-1",
            name="第一版",
            stages=[
                StageFields("IV", None, [ActionFields("support", "启用北斗短报文和GIS平台")]),
            ],
        )
    with db.session(VIEWER) as session:
        for query in ("GIS", "gis", "北斗", "斗"):
            hits = search_plans(session=session, query=query)
            assert [h.plan_code for h in hits] == ["A-1"], query
        assert "【GIS】" in search_plans(session=session, query="gis")[0].passage
        assert search_plans(session=session, query="gps") == []
