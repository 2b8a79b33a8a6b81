"""The demo typhoon's track (``models.typhoons.build_demo_typhoon``), so the map has wind
circles to show."""

from __future__ import annotations

from sqlalchemy import func, select

from models.demo.common import DemoBuild, DemoStep
from models.typhoons import TyphoonPoint, build_demo_typhoon


def _write(build: DemoBuild) -> None:
    session = build.session
    typhoon_id = build_demo_typhoon(session=session, now=build.now)
    points = session.scalar(
        select(func.count()).select_from(TyphoonPoint).where(TyphoonPoint.typhoon_id == typhoon_id)
    )
    build.add(typhoon_points=int(points or 0))


STEP = DemoStep("typhoon", _write)
