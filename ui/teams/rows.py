"""What the teams page shows, read off the UI thread: rows with their texts translated and
their search keys made, and the columns of each table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication

from models.clock import display_time
from models.database import Database
from models.labels import label
from models.messages import QT_TRANSLATE_NOOP, fill
from models.teams import (
    EQUIPMENT_STATES,
    EXPERT_FIELDS,
    MEMBER_STATUSES,
    POSTS,
    SPECIALTIES,
    TEAM_CLASSES,
    TEAM_STATUSES,
    CountyReadiness,
    ExpertRow,
    cover,
    list_equipment,
    list_experts,
    list_members,
    list_teams,
    readiness,
    status_history,
)
from models.teams import expiring as expiring_rows
from models.users import Actor
from ui.common.table import CENTRE, RIGHT, Column, compute_search_keys, count_text

C = "TeamsPage"
COVER_MINUTES = 15


@dataclass(frozen=True, slots=True)
class TeamLine:
    id: int
    name: str
    team_class: str  # code, for the filter
    class_text: str
    specialties: str
    specialty_codes: frozenset[str]
    home: str
    status: str  # code, for the filter
    status_text: str
    members: int
    deployable: int
    required: int | None
    readiness: str  # what is wrong, "" when nothing
    leader: str
    leader_mobile: str


@dataclass(frozen=True, slots=True)
class MemberLine:
    id: int  # the membership's
    rescuer_id: int
    name: str
    sex: str
    id_number: str
    mobile: str
    post: str
    status: str
    certificates: str
    insurance_ends: date | None


@dataclass(frozen=True, slots=True)
class CountyMemberLine:
    id: int
    name: str
    team: str
    post: str
    id_number: str
    mobile: str
    status: str
    insurance_ends: date | None


@dataclass(frozen=True, slots=True)
class EquipmentLine:
    id: int
    kind: str
    count: int
    state: str


@dataclass(frozen=True, slots=True)
class HistoryLine:
    id: int
    at: str
    change: str
    place: str
    reason: str
    recorded_by: str


@dataclass(frozen=True, slots=True)
class ExpertLine:
    id: int
    name: str
    field: str
    subfield: str
    organisation: str
    title: str
    term: str
    mobile: str
    available: str


@dataclass(frozen=True, slots=True)
class ExpiringLine:
    id: int
    name: str
    teams: str
    kind: str
    expires: date
    days_left: int


@dataclass(frozen=True)
class TeamsData:
    teams: list[TeamLine]
    team_keys: list[str]
    experts: list[ExpertLine]
    expert_keys: list[str]
    expiring: list[ExpiringLine]
    county: CountyReadiness
    uncovered: list[str]  # villages no water-rescue team reaches within COVER_MINUTES


def load_teams(*, db: Database, actor: Actor, today: date | None = None) -> TeamsData:
    with db.session(actor) as session:
        teams = list_teams(session=session)
        county = readiness(session=session, today=today)
        experts = list_experts(session=session)
        soon = expiring_rows(session=session, today=today)
        uncovered = [
            f"{v.town}{v.name}"
            for v in cover(session=session, specialty="water", minutes=COVER_MINUTES)
        ]
    ready = {t.team_id: t for t in county.teams}
    lines = []
    for team in teams:
        state = ready.get(team.id)
        problems = []
        if state is not None:
            if state.below_size:
                problems.append(
                    fill(
                        QCoreApplication.translate("TeamsPage", "below %1 members"),
                        str(state.required_size or 0),
                    )
                )
            if state.members - state.deployable:
                problems.append(
                    fill(
                        QCoreApplication.translate("TeamsPage", "%1 not deployable"),
                        str(state.members - state.deployable),
                    )
                )
            if state.equipment_out:
                problems.append(
                    fill(
                        QCoreApplication.translate("TeamsPage", "%1 items out of service"),
                        str(state.equipment_out),
                    )
                )
        lines.append(
            TeamLine(
                team.id,
                team.name,
                team.team_class,
                label(TEAM_CLASSES, team.team_class),
                "、".join(
                    fill(
                        QCoreApplication.translate("TeamsPage", "%1 (grade %2)"),
                        label(SPECIALTIES, code),
                        str(grade),
                    )
                    if grade
                    else label(SPECIALTIES, code)
                    for code, grade in team.specialties
                ),
                frozenset(code for code, _grade in team.specialties),
                team.home,
                team.status,
                label(TEAM_STATUSES, team.status),
                team.members,
                state.deployable if state is not None else 0,
                state.required_size if state is not None else None,
                "；".join(problems),
                team.leader or "",
                team.leader_mobile or "",
            )
        )
    expert_lines = [_expert(e) for e in experts]
    return TeamsData(
        lines,
        compute_search_keys(lines, lambda t: (t.name, t.home, t.leader, t.leader_mobile)),
        expert_lines,
        compute_search_keys(expert_lines, lambda e: (e.name, e.organisation, e.subfield)),
        [
            ExpiringLine(n, r.name, r.teams, r.kind, r.expires, r.days_left)
            for n, r in enumerate(soon)
        ],
        county,
        uncovered,
    )


def _expert(expert: ExpertRow) -> ExpertLine:
    term = ""
    if expert.appointed_from or expert.appointed_to:
        term = f"{expert.appointed_from or ''} – {expert.appointed_to or ''}"
    return ExpertLine(
        expert.id,
        expert.name,
        label(EXPERT_FIELDS, expert.field),
        expert.subfield or "",
        expert.organisation,
        expert.title or "",
        term,
        expert.mobile or "",
        QCoreApplication.translate("TeamsPage", "yes")
        if expert.available
        else QCoreApplication.translate("TeamsPage", "no"),
    )


@dataclass(frozen=True)
class TeamDetail:
    members: list[MemberLine]
    member_keys: list[str]
    equipment: list[EquipmentLine]
    history: list[HistoryLine]


def load_team_detail(*, db: Database, actor: Actor, team_id: int) -> TeamDetail:
    with db.session(actor) as session:
        members = list_members(session=session, team_id=team_id)
        equipment = list_equipment(session=session, team_id=team_id)
        history = status_history(session=session, team_id=team_id)
    member_lines = [
        MemberLine(
            m.membership_id,
            m.rescuer_id,
            m.name,
            QCoreApplication.translate("TeamsPage", "male")
            if m.sex == "M"
            else QCoreApplication.translate("TeamsPage", "female")
            if m.sex == "F"
            else "",
            m.id_number or "",
            m.mobile or "",
            label(POSTS, m.post),
            label(MEMBER_STATUSES, m.status),
            "、".join(f"{kind}（{expires or '—'}）" for kind, expires in m.certificates),
            m.insurance_ends,
        )
        for m in members
    ]
    return TeamDetail(
        member_lines,
        compute_search_keys(member_lines, lambda m: (m.name, m.mobile, m.id_number)),
        [EquipmentLine(e.id, e.kind, e.count, label(EQUIPMENT_STATES, e.state)) for e in equipment],
        [
            HistoryLine(
                h.id,
                display_time(h.at),
                f"{label(TEAM_STATUSES, h.old)} → {label(TEAM_STATUSES, h.new)}",
                h.place or "",
                h.reason,
                h.recorded_by,
            )
            for h in reversed(history)
        ],
    )


def load_all_members(*, db: Database, actor: Actor) -> tuple[list[CountyMemberLine], list[str]]:
    """Every member of every team, with the search keys for name, pinyin initials, phone
    digits and identity number (as the role sees them)."""
    with db.session(actor) as session:
        members = list_members(session=session)
    lines = [
        CountyMemberLine(
            m.membership_id,
            m.name,
            m.team,
            label(POSTS, m.post),
            m.id_number or "",
            m.mobile or "",
            label(MEMBER_STATUSES, m.status),
            m.insurance_ends,
        )
        for m in members
    ]
    return lines, compute_search_keys(lines, lambda m: (m.name, m.mobile, m.id_number, m.team))


def _count(value: int | None) -> str:
    return count_text(value) if value is not None else ""


TEAM_COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("TeamsPage", "Team"), C),
    Column("class_text", QT_TRANSLATE_NOOP("TeamsPage", "Class"), C),
    Column("specialties", QT_TRANSLATE_NOOP("TeamsPage", "Specialties"), C),
    Column("home", QT_TRANSLATE_NOOP("TeamsPage", "Town or village"), C),
    Column("status_text", QT_TRANSLATE_NOOP("TeamsPage", "Status"), C, alignment=CENTRE),
    Column("members", QT_TRANSLATE_NOOP("TeamsPage", "Members"), C, _count, RIGHT),
    Column("deployable", QT_TRANSLATE_NOOP("TeamsPage", "Deployable"), C, _count, RIGHT),
    Column("required", QT_TRANSLATE_NOOP("TeamsPage", "Required"), C, _count, RIGHT),
    Column("readiness", QT_TRANSLATE_NOOP("TeamsPage", "Readiness"), C),
    Column("leader", QT_TRANSLATE_NOOP("TeamsPage", "Leader"), C),
    Column("leader_mobile", QT_TRANSLATE_NOOP("TeamsPage", "Leader's mobile"), C),
)
MEMBER_COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("TeamsPage", "Name"), C),
    Column("sex", QT_TRANSLATE_NOOP("TeamsPage", "Sex"), C, alignment=CENTRE),
    Column("post", QT_TRANSLATE_NOOP("TeamsPage", "Post"), C),
    Column("id_number", QT_TRANSLATE_NOOP("TeamsPage", "Identity number"), C),
    Column("mobile", QT_TRANSLATE_NOOP("TeamsPage", "Mobile"), C),
    Column("status", QT_TRANSLATE_NOOP("TeamsPage", "Status"), C),
    Column("certificates", QT_TRANSLATE_NOOP("TeamsPage", "Certificates (expiry)"), C),
    Column("insurance_ends", QT_TRANSLATE_NOOP("TeamsPage", "Insurance until"), C, str),
)
EQUIPMENT_COLUMNS = (
    Column("kind", QT_TRANSLATE_NOOP("TeamsPage", "Equipment"), C),
    Column("count", QT_TRANSLATE_NOOP("TeamsPage", "Count"), C, count_text, RIGHT),
    Column("state", QT_TRANSLATE_NOOP("TeamsPage", "State"), C),
)
HISTORY_COLUMNS = (
    Column("at", QT_TRANSLATE_NOOP("TeamsPage", "Time"), C),
    Column("change", QT_TRANSLATE_NOOP("TeamsPage", "Change"), C),
    Column("place", QT_TRANSLATE_NOOP("TeamsPage", "Where"), C),
    Column("reason", QT_TRANSLATE_NOOP("TeamsPage", "Why"), C),
    Column("recorded_by", QT_TRANSLATE_NOOP("TeamsPage", "Recorded by"), C),
)
EXPERT_COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("TeamsPage", "Name"), C),
    Column("field", QT_TRANSLATE_NOOP("TeamsPage", "Field"), C),
    Column("subfield", QT_TRANSLATE_NOOP("TeamsPage", "Group"), C),
    Column("organisation", QT_TRANSLATE_NOOP("TeamsPage", "Organisation"), C),
    Column("title", QT_TRANSLATE_NOOP("TeamsPage", "Title"), C),
    Column("term", QT_TRANSLATE_NOOP("TeamsPage", "Appointed"), C),
    Column("mobile", QT_TRANSLATE_NOOP("TeamsPage", "Mobile"), C),
    Column("available", QT_TRANSLATE_NOOP("TeamsPage", "Available"), C, alignment=CENTRE),
)
EXPIRING_COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("TeamsPage", "Name"), C),
    Column("teams", QT_TRANSLATE_NOOP("TeamsPage", "Teams"), C),
    Column("kind", QT_TRANSLATE_NOOP("TeamsPage", "Certificate or insurance"), C),
    Column("expires", QT_TRANSLATE_NOOP("TeamsPage", "Expires"), C, str),
    Column("days_left", QT_TRANSLATE_NOOP("TeamsPage", "Days left"), C, str, RIGHT),
)
COUNTY_MEMBER_COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("TeamsPage", "Name"), C),
    Column("team", QT_TRANSLATE_NOOP("TeamsPage", "Team"), C),
    Column("post", QT_TRANSLATE_NOOP("TeamsPage", "Post"), C),
    Column("id_number", QT_TRANSLATE_NOOP("TeamsPage", "Identity number"), C),
    Column("mobile", QT_TRANSLATE_NOOP("TeamsPage", "Mobile"), C),
    Column("status", QT_TRANSLATE_NOOP("TeamsPage", "Status"), C),
    Column("insurance_ends", QT_TRANSLATE_NOOP("TeamsPage", "Insurance until"), C, str),
)
