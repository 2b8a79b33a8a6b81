"""The demo's reports upward: on the typhoon scenario the initial report and two
follow-ups, each drafted from the facts of its time (the sea-typhoon stage, then Ⅳ and
Ⅲ, then Ⅱ), signed by the leader who signed the level change and sent to the city's
headquarters office and the county's emergency management bureau."""

from __future__ import annotations

from datetime import timedelta

from models.command import draft_report, send_report, sign_report
from models.demo.common import DemoBuild, DemoStep
from models.events import active_event
from models.users import Actor

DEMO_OFFICER = Actor(name="demo", role="duty")
RECIPIENTS = ("市防指办", "应急局")
# (kind, hours after the event's start it was drafted, signer)
REPORTS: tuple[tuple[str, float, str], ...] = (
    ("initial", 0.4, "李明华（副县长）"),
    ("followup", 5.0, "王建军（县长）"),
    ("followup", 7.0, "王建军（县长）"),
)


def _write(build: DemoBuild) -> None:
    if build.scenario != "typhoon":
        return
    session = build.session
    before = session.info.get("actor")
    session.info["actor"] = DEMO_OFFICER  # the officer on duty drafts, the leader signs
    try:
        event = active_event(session=session)
        if event is None:
            return
        for kind, hours, signer in REPORTS:
            drafted = event.started_at + timedelta(hours=hours)
            row = draft_report(session=session, event_id=event.id, kind=kind, at=drafted)
            sign_report(
                session=session, report_id=row.id, signer=signer, at=drafted + timedelta(minutes=12)
            )
            send_report(
                session=session,
                report_id=row.id,
                to=RECIPIENTS,
                at=drafted + timedelta(minutes=15),
            )
    finally:
        session.info["actor"] = before


STEP = DemoStep("reports", _write)
