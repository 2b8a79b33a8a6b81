"""On the demo typhoon: a report's draft states the rescue teams pre-positioned, dispatched
and on scene for the event and the supplies issued and sent for it, with what changed
since the previous report; nothing of either before any team moved or anything was
issued."""

from __future__ import annotations

from datetime import timedelta

from models.base import utcnow
from models.command import draft_report, sign_report
from models.database import Database
from models.demo.supplies import build_supplies_scenario
from models.demo.teams import preposition_demo_teams
from models.events import active_event
from models.teams import list_teams
from models.users import Actor

ADMIN = Actor(name="demo", role="admin")
DUTY = Actor(name="duty", role="duty")


def test_drafts_state_the_teams_and_supplies_committed_to_the_event(
    typhoon_db: Database,
) -> None:
    now = utcnow()
    with typhoon_db.session(ADMIN, write=True) as session:
        event = active_event(session=session)
        assert event is not None
        preposition_demo_teams(session=session, now=now)
        build_supplies_scenario(session=session, now=now)
    started = event.started_at
    with typhoon_db.session(DUTY, write=True) as session:
        # Two hours in: one issue (sandbags), no team has moved yet.
        initial = draft_report(
            session=session, event_id=event.id, kind="initial", at=started + timedelta(hours=2)
        )
        sign_report(
            session=session,
            report_id=initial.id,
            signer="李明华",
            at=started + timedelta(hours=2, minutes=5),
        )
        followup = draft_report(session=session, event_id=event.id, kind="followup")
        teams = list_teams(session=session)
    assert "救援力量" not in initial.text
    assert "物资保障方面" in initial.text
    assert "累计调拨发放抢险救灾物资1批次：编织袋3000条。" in initial.text

    def committed(*statuses: str) -> tuple[int, int]:
        chosen = [t for t in teams if t.status in statuses]
        return len(chosen), sum(t.members for t in chosen)

    pre, pre_members = committed("prepositioned")
    out, out_members = committed("dispatched", "on_scene")
    on_scene, _ = committed("on_scene")
    assert pre and out and on_scene  # the demo moves teams to each
    text = followup.text
    assert f"全县前置预置救援队伍{pre}支{pre_members}人" in text
    assert f"已出动救援队伍{out}支{out_members}人，其中{on_scene}支已到达现场开展救援" in text
    assert f"较首报新增出动救援队伍{out}支。" in text
    # Seven issues, two of them on a leader's word with the slips to follow; the transfer
    # to the forward point is still on the road.
    assert "累计调拨发放抢险救灾物资7批次：编织袋3000条、救生衣200件、帐篷30顶、棉被300床" in text
    assert "冲锋舟4艘、船外机4台、排涝泵4台、发电机组2台" in text
    assert "其中2批次按领导指令先调后补，出库手续正在补办" in text
    assert "调运物资1批（其中1批在途）" in text
    assert "较首报新增发放物资6批次。" in text
    # The paragraphs follow the transfer figures, before the closing sentence.
    assert text.index("救援力量方面") < text.index("物资保障方面") < text.index("下一步")
