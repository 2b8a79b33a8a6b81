"""Readiness per team and for the county: who may be deployed and why not, what expires
soon, equipment out of service, teams below their required size.

A member on duty is deployable when their personal accident insurance is valid today (the
law requires it) and they hold, unexpired, every certificate kind the team's specialties
require (``models.teams.settings``; none by default). Expiring means within the configured
days (30 by default)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication
from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from models.messages import fill
from models.teams.insured import insured_on
from models.teams.settings import TeamRules, team_rules
from models.teams.tables import (
    Certificate,
    Membership,
    Rescuer,
    Team,
    TeamEquipment,
    TeamSpecialty,
)
from models.users import Permission, require

NO_INSURANCE = "no_insurance"
INSURANCE_EXPIRED = "insurance_expired"
CERTIFICATE_MISSING = "certificate_missing"
CERTIFICATE_EXPIRED = "certificate_expired"
_CHUNK = 5000


@dataclass(frozen=True, slots=True)
class Unfit:
    """Why a member may not be deployed: a reason code, the certificate kind concerned and
    the date it ended."""

    reason: str
    kind: str | None = None
    ended: date | None = None

    def text(self) -> str:
        if self.reason == NO_INSURANCE:
            return QCoreApplication.translate("Teams", "No personal accident insurance")
        if self.reason == INSURANCE_EXPIRED:
            return fill(
                QCoreApplication.translate("Teams", "Accident insurance ended on %1"),
                self.ended.isoformat() if self.ended else "",
            )
        if self.reason == CERTIFICATE_MISSING:
            return fill(
                QCoreApplication.translate("Teams", "Lacks the certificate %1"), self.kind or ""
            )
        return fill(
            QCoreApplication.translate("Teams", "Certificate %1 expired on %2"),
            self.kind or "",
            self.ended.isoformat() if self.ended else "",
        )


@dataclass(frozen=True, slots=True)
class MemberFitness:
    team_id: int
    rescuer_id: int
    unfit: tuple[Unfit, ...]  # empty: deployable

    @property
    def deployable(self) -> bool:
        return not self.unfit


@dataclass(frozen=True, slots=True)
class TeamReadiness:
    team_id: int
    name: str
    team_class: str
    status: str
    members: int  # on duty
    deployable: int
    required_size: int | None
    below_size: bool
    not_deployable: tuple[tuple[str, int], ...]  # (reason text, members)
    expiring_certificates: int
    expiring_insurance: int
    equipment_out: int  # items out of service or lost


@dataclass(frozen=True, slots=True)
class CountyReadiness:
    today: date
    expiring_days: int
    teams: tuple[TeamReadiness, ...]

    @property
    def members(self) -> int:
        return sum(t.members for t in self.teams)

    @property
    def deployable(self) -> int:
        return sum(t.deployable for t in self.teams)

    @property
    def below_size(self) -> tuple[TeamReadiness, ...]:
        return tuple(t for t in self.teams if t.below_size)

    @property
    def expiring(self) -> int:
        return sum(t.expiring_certificates + t.expiring_insurance for t in self.teams)

    @property
    def equipment_out(self) -> int:
        return sum(t.equipment_out for t in self.teams)


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _specialties(session: Session, team_ids: list[int] | None) -> dict[int, list[str]]:
    query = select(TeamSpecialty.team_id, TeamSpecialty.specialty)
    wanted = set(team_ids) if team_ids is not None else None
    found: dict[int, list[str]] = {}
    for team_id, code in session.connection().execute(query):
        if wanted is None or team_id in wanted:
            found.setdefault(team_id, []).append(code)
    return found


def member_fitness(
    session: Session,
    *,
    team_ids: list[int] | None,
    today: date,
    rules: TeamRules,
    specialty: str | None = None,
) -> list[MemberFitness]:
    """Every member on duty of the teams (all: None) with why they may not be deployed;
    the certificates required are those of the team's specialties, or of ``specialty``
    when one is asked for."""
    query = select(Membership.team_id, Membership.rescuer_id).where(Membership.status == "active")
    if team_ids is not None:
        pairs = []
        for chunk in _chunks(sorted(set(team_ids))):
            pairs += [
                (t, r)
                for t, r in session.connection().execute(query.where(Membership.team_id.in_(chunk)))
            ]
    else:
        pairs = list(session.connection().execute(query))
    people = sorted({r for _t, r in pairs})
    latest: dict[int, date | None] = {}  # the latest policy's end, from the person
    valid: set[int] = set()
    insured = select(Rescuer.id, Rescuer.insured_until, insured_on(today))
    insured_queries = (
        [insured]
        if team_ids is None
        else [insured.where(Rescuer.id.in_(chunk)) for chunk in _chunks(people)]
    )
    for statement in insured_queries:
        for rescuer_id, ends, covered in session.connection().execute(statement):
            if ends is not None:
                latest[rescuer_id] = ends
            if covered:
                valid.add(rescuer_id)
    if specialty:
        needed_all = rules.certificates_for([specialty])
        needed_by_team = {t: needed_all for t, _r in pairs}
    else:
        specialties = _specialties(session, team_ids)
        needed_by_team = {t: rules.certificates_for(codes) for t, codes in specialties.items()}
    kinds = sorted(set().union(*needed_by_team.values())) if needed_by_team else []
    held: dict[tuple[int, str], date | None] = {}
    if kinds:
        query_c = select(Certificate.rescuer_id, Certificate.kind, Certificate.expires).where(
            Certificate.kind.in_(kinds)
        )
        queries = (
            [query_c.where(Certificate.rescuer_id.in_(chunk)) for chunk in _chunks(people)]
            if team_ids is not None
            else [query_c]
        )
        for q in queries:
            for rescuer_id, kind, expires in session.connection().execute(q):
                key = (rescuer_id, kind)
                before = held.get(key, date.min)
                if before is not None and (expires is None or expires > before):
                    held[key] = expires
    result: list[MemberFitness] = []
    for team_id, rescuer_id in pairs:
        unfit: list[Unfit] = []
        if rescuer_id not in valid:
            ended = latest.get(rescuer_id)
            unfit.append(
                Unfit(INSURANCE_EXPIRED, ended=ended) if ended is not None else Unfit(NO_INSURANCE)
            )
        for kind in sorted(needed_by_team.get(team_id, ())):
            key = (rescuer_id, kind)
            if key not in held:
                unfit.append(Unfit(CERTIFICATE_MISSING, kind))
            else:
                expires = held[key]
                if expires is not None and expires < today:
                    unfit.append(Unfit(CERTIFICATE_EXPIRED, kind, expires))
        result.append(MemberFitness(team_id, rescuer_id, tuple(unfit)))
    return result


def readiness(
    *, session: Session, team_id: int | None = None, today: date | None = None
) -> CountyReadiness:
    """The county's readiness (or one team's), team by team."""
    require(session, Permission.READ_REGISTER)
    today = today or date.today()
    rules = team_rules(session=session)
    query = select(Team.id, Team.name, Team.team_class, Team.status).order_by(Team.name)
    if team_id is not None:
        query = query.where(Team.id == team_id)
    teams = session.connection().execute(query).all()
    ids = [t[0] for t in teams] if team_id is not None else None
    horizon = today + timedelta(days=rules.expiring_days)
    if rules.required_certificates:
        counts = _counts_per_member(session, ids, today, horizon, rules)
    else:  # insurance alone decides: counted by the database, team by team
        counts = _counts_in_sql(session, ids, today, horizon)
    members, deployable, reasons, soon_certificates, soon_insurance = counts
    out = Counter(
        dict(
            session.connection()
            .execute(
                select(TeamEquipment.team_id, func.sum(TeamEquipment.count))
                .where(TeamEquipment.state != "working")
                .group_by(TeamEquipment.team_id)
            )
            .all()
        )
    )
    rows = []
    # Plain lookups: a Counter's missing key costs a call, thousands of teams lack one.
    members_of, deployable_of = dict(members).get, dict(deployable).get
    certificates_of, insurance_of = dict(soon_certificates).get, dict(soon_insurance).get
    out_of, reasons_of, sizes = dict(out).get, reasons.get, rules.required_size.get
    for tid, name, team_class, status in teams:
        required = sizes(team_class) or None
        count = members_of(tid, 0)
        found = reasons_of(tid)
        rows.append(
            TeamReadiness(
                tid,
                name,
                team_class,
                status,
                count,
                deployable_of(tid, 0),
                required,
                required is not None and count < required,
                tuple(sorted(found.items(), key=_most_first)) if found else (),
                certificates_of(tid, 0),
                insurance_of(tid, 0),
                int(out_of(tid, 0) or 0),
            )
        )
    return CountyReadiness(today, rules.expiring_days, tuple(rows))


def _most_first(item: tuple[str, int]) -> int:
    return -item[1]


_Counts = tuple[Counter[int], Counter[int], dict[int, Counter[str]], Counter[int], Counter[int]]
"""Per team: members on duty, deployable, reasons not, expiring certificates and policies."""


def _counts_per_member(
    session: Session, ids: list[int] | None, today: date, horizon: date, rules: TeamRules
) -> _Counts:
    """Every member's fitness worked out (certificates are required for some specialty)."""
    fitness = member_fitness(session, team_ids=ids, today=today, rules=rules)
    members: Counter[int] = Counter()
    deployable: Counter[int] = Counter()
    reasons: dict[int, Counter[str]] = {}
    people_of: dict[int, list[int]] = {}
    for fit in fitness:
        members[fit.team_id] += 1
        people_of.setdefault(fit.team_id, []).append(fit.rescuer_id)
        if fit.deployable:
            deployable[fit.team_id] += 1
        else:
            counter = reasons.setdefault(fit.team_id, Counter())
            for unfit in fit.unfit:
                counter[_reason_group(unfit)] += 1
    connection = session.connection()
    soon = Counter(
        r
        for (r,) in connection.execute(
            select(Certificate.rescuer_id).where(
                Certificate.expires >= today, Certificate.expires <= horizon
            )
        )
    )
    ending = set(
        connection.scalars(select(Rescuer.id).where(Rescuer.insured_until.between(today, horizon)))
    )
    certificates: Counter[int] = Counter()
    insurance: Counter[int] = Counter()
    for team, people in people_of.items():
        certificates[team] = sum(soon.get(r, 0) for r in people)
        insurance[team] = sum(1 for r in people if r in ending)
    return members, deployable, reasons, certificates, insurance


def _counts_in_sql(session: Session, ids: list[int] | None, today: date, horizon: date) -> _Counts:
    """The same counts when no certificate is required: each member's cover read from
    the person (``models.teams.insured``), counted team by team by the database."""
    until = Rescuer.insured_until
    active = Membership.status == "active"
    query = (
        select(
            Membership.team_id,
            func.count(),
            func.sum(insured_on(today)),
            func.count() - func.count(until),
            func.sum(case((until.between(today, horizon), 1), else_=0)),
        )
        .select_from(Membership)
        .join(Rescuer, Rescuer.id == Membership.rescuer_id)
        .where(active)
        .group_by(Membership.team_id)
    )
    certificates_query = (
        select(Membership.team_id, func.count())
        .select_from(Membership)
        .join(Certificate, Certificate.rescuer_id == Membership.rescuer_id)
        .where(active, Certificate.expires >= today, Certificate.expires <= horizon)
        .group_by(Membership.team_id)
    )
    if ids is not None:
        query = query.where(Membership.team_id.in_(ids))
        certificates_query = certificates_query.where(Membership.team_id.in_(ids))
    members: Counter[int] = Counter()
    deployable: Counter[int] = Counter()
    reasons: dict[int, Counter[str]] = {}
    insurance: Counter[int] = Counter()
    none_text = _reason_group(Unfit(NO_INSURANCE))
    expired_text = _reason_group(Unfit(INSURANCE_EXPIRED))
    connection = session.connection()
    for team, count, fit, uninsured, ending in connection.execute(query).all():
        members[team], deployable[team], insurance[team] = count, fit or 0, ending or 0
        expired = count - (fit or 0) - (uninsured or 0)
        if uninsured or expired > 0:  # a team whose members all may go has no reason
            found: Counter[str] = Counter()
            if uninsured:
                found[none_text] = uninsured
            if expired > 0:
                found[expired_text] = expired
            reasons[team] = found
    certificates = Counter(dict(connection.execute(certificates_query).all()))
    return members, deployable, reasons, certificates, insurance


def _reason_group(unfit: Unfit) -> str:
    if unfit.reason == NO_INSURANCE:
        return QCoreApplication.translate("Teams", "No personal accident insurance")
    if unfit.reason == INSURANCE_EXPIRED:
        return QCoreApplication.translate("Teams", "Accident insurance expired")
    if unfit.reason == CERTIFICATE_MISSING:
        return fill(
            QCoreApplication.translate("Teams", "Lacks the certificate %1"), unfit.kind or ""
        )
    return fill(QCoreApplication.translate("Teams", "Certificate %1 expired"), unfit.kind or "")


@dataclass(frozen=True, slots=True)
class ExpiringRow:
    rescuer_id: int
    name: str
    teams: str
    what: str  # "certificate" or "insurance"
    kind: str  # the certificate's kind, or the insurance's
    expires: date
    days_left: int


def expiring(
    *, session: Session, today: date | None = None, days: int | None = None
) -> list[ExpiringRow]:
    """Certificates and insurance of members on duty ending within ``days`` (the configured
    days when None), soonest first."""
    require(session, Permission.READ_REGISTER)
    today = today or date.today()
    days = team_rules(session=session).expiring_days if days is None else days
    horizon = today + timedelta(days=days)
    names = _team_names_of_members(session)
    found: list[ExpiringRow] = []
    query = (
        select(Certificate.rescuer_id, Rescuer.name, Certificate.kind, Certificate.expires)
        .join(Rescuer, Rescuer.id == Certificate.rescuer_id)
        .where(Certificate.expires >= today, Certificate.expires <= horizon)
    )
    for rescuer_id, name, kind, expires in session.connection().execute(query):
        if rescuer_id in names and expires is not None:
            found.append(
                ExpiringRow(
                    rescuer_id,
                    name,
                    names[rescuer_id],
                    "certificate",
                    kind,
                    expires,
                    (expires - today).days,
                )
            )
    query_i = (
        select(Rescuer.id, Rescuer.name, Rescuer.insured_until)
        .where(Rescuer.insured_until.between(today, horizon))
        .order_by(Rescuer.id)  # people of one name and day keep their order
    )
    insurance = QCoreApplication.translate("Teams", "Accident insurance")
    for rescuer_id, name, ends in session.connection().execute(query_i):
        if rescuer_id in names and ends is not None:
            found.append(
                ExpiringRow(
                    rescuer_id,
                    name,
                    names[rescuer_id],
                    "insurance",
                    insurance,
                    ends,
                    (ends - today).days,
                )
            )
    found.sort(key=lambda row: (row.expires, row.name))
    return found


def _team_names_of_members(session: Session) -> Mapping[int, str]:
    names: dict[int, list[str]] = {}
    query = (
        select(Membership.rescuer_id, Team.name)
        .join(Team, Team.id == Membership.team_id)
        .where(Membership.status == "active")
    )
    for rescuer_id, team in session.connection().execute(query):
        names.setdefault(rescuer_id, []).append(team)
    return {r: "、".join(sorted(teams)) for r, teams in names.items()}
