"""What a report's draft says of the forces and supplies committed to the event: the rescue
teams pre-positioned, dispatched and on scene (read from the teams' status history since
the event began) and the supplies issued for it (the ledger's movements naming the event),
as sentences of the official report, with what changed since the previous report."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.events import Event
from models.supplies.tables import (
    Batch,
    Movement,
    MovementLine,
    SupplyItem,
    Transfer,
    Warehouse,
    plain,
)
from models.teams.tables import Membership, TeamStatusChange

OUT = frozenset({"assembling", "dispatched", "on_scene"})  # committed to a task
ITEMS_NAMED = 8  # a sentence names this many items, the rest "等"


def team_facts(session: Session, event: Event, at: datetime) -> dict[str, int]:
    """The teams' statuses at ``at`` among those whose status changed since the event
    began: how many pre-positioned, out (assembling, dispatched, on scene), on scene and
    returning, with their active members; all zero when no team moved for the event."""
    changes = session.execute(
        select(TeamStatusChange.team_id, TeamStatusChange.new)
        .where(TeamStatusChange.at >= event.started_at, TeamStatusChange.at <= at)
        .order_by(TeamStatusChange.at, TeamStatusChange.id)
    )
    status: dict[int, str] = {}
    for team_id, new in changes:
        status[team_id] = new
    members: dict[int, int] = {}
    if status:
        members = dict(
            session.execute(
                select(Membership.team_id, func.count())
                .where(Membership.team_id.in_(status), Membership.status == "active")
                .group_by(Membership.team_id)
            ).all()
        )

    def count(statuses: Iterable[str]) -> tuple[int, int]:
        wanted = set(statuses)
        teams = [team for team, now in status.items() if now in wanted]
        return len(teams), sum(members.get(team, 0) for team in teams)

    pre, pre_members = count(("prepositioned",))
    out, out_members = count(OUT)
    on_scene, _ = count(("on_scene",))
    returning, _ = count(("returning",))
    return {
        "prepositioned": pre,
        "prepositioned_members": pre_members,
        "out": out,
        "out_members": out_members,
        "on_scene": on_scene,
        "returning": returning,
    }


def teams_paragraph(
    now: dict[str, int], before: dict[str, int] | None, when: str, since: str | None
) -> str:
    """救援力量方面，截至…，全县前置预置救援队伍N支N人；已出动救援队伍N支N人，其中N支已到达
    现场开展救援。较续报一新增出动N支。 Empty when no team moved for the event."""
    if not now or not any(now.get(k) for k in ("prepositioned", "out", "returning")):
        return ""
    parts = []
    if now["prepositioned"]:
        parts.append(
            f"全县前置预置救援队伍{now['prepositioned']}支{now['prepositioned_members']}人"
        )
    if now["out"]:
        out = f"已出动救援队伍{now['out']}支{now['out_members']}人"
        if now["on_scene"]:
            out += f"，其中{now['on_scene']}支已到达现场开展救援"
        parts.append(out)
    if now["returning"]:
        parts.append(f"{now['returning']}支救援队伍完成任务返回途中")
    text = f"救援力量方面，截至{when}，" + "；".join(parts) + "。"
    if before is not None:
        gained = now["out"] - before.get("out", 0)
        name = since or "上次报告"
        if gained > 0:
            text += f"较{name}新增出动救援队伍{gained}支。"
        elif gained == 0 and now["out"]:
            text += f"较{name}出动队伍数量无变化。"
    return text


def _quantity(value: Decimal, unit: str) -> str:
    return f"{plain(value)}{unit}"


def supply_facts(session: Session, event: Event, at: datetime) -> dict[str, Any]:
    """The supplies issued for the event by ``at``: issues (slips), quantities by item with
    their units in the order first issued, what came back, issues on a leader's word whose
    paperwork was still pending, and transfers sent for the event with those still in
    transit."""
    lines = session.execute(
        select(Movement.id, Movement.kind, SupplyItem.name, SupplyItem.unit, MovementLine.quantity)
        .join(MovementLine, MovementLine.movement_id == Movement.id)
        .join(Batch, Batch.id == MovementLine.batch_id)
        .join(SupplyItem, SupplyItem.id == Batch.item_id)
        .where(
            Movement.event_id == event.id,
            Movement.kind.in_(("issue", "return")),
            Movement.at <= at,
        )
        .order_by(Movement.at, Movement.id, MovementLine.id)
    ).all()
    issues: set[int] = set()
    issued: dict[tuple[str, str], Decimal] = {}
    returned: dict[tuple[str, str], Decimal] = {}
    for movement_id, kind, name, unit, quantity in lines:
        into = issued if kind == "issue" else returned
        if kind == "issue":
            issues.add(movement_id)
        into[(name, unit)] = into.get((name, unit), Decimal(0)) + quantity
    pending = session.scalar(
        select(func.count())
        .select_from(Movement)
        .where(
            Movement.event_id == event.id,
            Movement.kind == "issue",
            Movement.at <= at,
            Movement.ordered_by.is_not(None),
            (Movement.paperwork_completed_at.is_(None)) | (Movement.paperwork_completed_at > at),
        )
    )
    transfers = session.execute(
        select(Transfer.id, Transfer.received_at, Warehouse.name)
        .join(Warehouse, Warehouse.id == Transfer.to_warehouse_id)
        .where(Transfer.event_id == event.id, Transfer.sent_at <= at)
        .order_by(Transfer.sent_at, Transfer.id)
    ).all()
    in_transit = [t for t in transfers if t.received_at is None or t.received_at > at]
    destinations = Counter(t.name for t in transfers)
    return {
        "issues": len(issues),
        "issued": [[name, unit, str(plain(q))] for (name, unit), q in issued.items()],
        "returned": [[name, unit, str(plain(q))] for (name, unit), q in returned.items()],
        "pending_paperwork": int(pending or 0),
        "transfers": len(transfers),
        "in_transit": len(in_transit),
        "destinations": list(destinations),
    }


def _items(rows: list[list[str]]) -> str:
    named = "、".join(
        f"{name}{_quantity(Decimal(q), unit)}" for name, unit, q in rows[:ITEMS_NAMED]
    )
    return named + ("等" if len(rows) > ITEMS_NAMED else "")


def supplies_paragraph(
    now: dict[str, Any], before: dict[str, Any] | None, when: str, since: str | None
) -> str:
    """物资保障方面，截至…，累计调拨发放抢险救灾物资N批次：编织袋3000条、…；其中N批次按领导
    指令先调后补，出库手续正在补办。向某前置点调运物资N批（N批在途）。 Empty when nothing was
    issued or sent for the event."""
    if not now or (not now.get("issues") and not now.get("transfers")):
        return ""
    parts = []
    if now["issues"]:
        text = f"累计调拨发放抢险救灾物资{now['issues']}批次：{_items(now['issued'])}"
        if now["returned"]:
            text += f"，已归还{_items(now['returned'])}"
        parts.append(text)
        if now["pending_paperwork"]:
            parts.append(f"其中{now['pending_paperwork']}批次按领导指令先调后补，出库手续正在补办")
    if now["transfers"]:
        text = f"向{'、'.join(now['destinations'])}调运物资{now['transfers']}批"
        if now["in_transit"]:
            text += f"（其中{now['in_transit']}批在途）"
        parts.append(text)
    text = f"物资保障方面，截至{when}，" + "；".join(parts) + "。"
    if before is not None:
        gained = now["issues"] - int(before.get("issues", 0))
        name = since or "上次报告"
        if gained > 0:
            text += f"较{name}新增发放物资{gained}批次。"
        elif gained == 0 and now["issues"]:
            text += f"较{name}无新增物资发放。"
    return text
