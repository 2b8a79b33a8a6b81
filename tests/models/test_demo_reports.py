"""The demo's reports upward on the typhoon scenario: the initial report and two
follow-ups, each with the level changes of its time, signed, numbered and sent."""

from __future__ import annotations

from models.command import list_reports
from models.database import Database
from models.events import active_event
from models.users import Actor

VIEWER = Actor(name="viewer", role="viewer")


def test_the_typhoon_scenario_has_an_initial_report_and_two_follow_ups(
    scenario_db: Database,
) -> None:
    with scenario_db.session(VIEWER) as session:
        event = active_event(session=session)
        assert event is not None
        reports = list_reports(session=session, event_id=event.id)
    assert [r.name for r in reports] == ["首报", "续报一", "续报二"]
    assert all(r.state == "sent" for r in reports)
    assert [r.doc_number[-3:] for r in reports if r.doc_number] == ["〕1号", "〕2号", "〕3号"]
    assert all(r.doc_number and r.doc_number.startswith("温岭防指〔") for r in reports)
    assert all(r.recipients == ("市防汛防台抗旱指挥部办公室", "县应急管理局") for r in reports)
    initial, one, two = (r.text for r in reports)
    assert "海上防台风应急响应" in initial and "Ⅳ级" not in initial
    assert "调整为防台风Ⅳ级" in one and "调整为防台风Ⅲ级" in one and "Ⅱ级" not in one
    assert "调整为防台风Ⅱ级" in two and "较续报一" in two
    assert reports[1].signer == "王建军（县长）"
