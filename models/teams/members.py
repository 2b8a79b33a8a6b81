"""Team members: one person per identity number, in one team or several, with post,
certificates and personal accident insurance.

The identity number is checked (``models.teams.identity``) and the birth date and sex it
carries are compared with those given. On screen it is shown in full only to roles that
may unmask personal numbers; mobiles to roles that may see personal numbers."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.fields import FieldChecker
from models.masking import mask_id_number
from models.messages import fill
from models.privacy import can_see_personal, phone_masker
from models.refusals import NotFound
from models.teams.codes import MEMBER_STATUSES, POSTS
from models.teams.identity import BadIdNumber, IdNumber, disagreements, read_id_number
from models.teams.insured import store_insurance_cover
from models.teams.tables import (
    NAME_LIMIT,
    PERSON_LIMIT,
    PLACE_LIMIT,
    Certificate,
    Insurance,
    Membership,
    Rescuer,
    Team,
)
from models.users import Permission, actor_of, require


def id_number_masker(session: Session) -> Callable[[str | None], str | None]:
    """How identity numbers are shown to the session's actor: in full only to roles that
    may unmask personal numbers (and not in a masked document), else masked."""
    actor = actor_of(session)
    full = actor is not None and actor.can(Permission.UNMASK_EXPORTS) and can_see_personal(session)
    return (lambda value: value) if full else mask_id_number


@dataclass(frozen=True, slots=True)
class CertificateFields:
    kind: str | None
    number: str | None = None
    issuer: str | None = None
    expires: date | None = None


@dataclass(frozen=True, slots=True)
class InsuranceFields:
    ends: date | None
    kind: str | None = None
    policy: str | None = None
    insurer: str | None = None
    starts: date | None = None


@dataclass(frozen=True, slots=True)
class MemberFields:
    """A member as entered or imported, before it is checked."""

    name: str | None
    id_number: object  # as typed or as the cell holds it
    sex: str | None = None  # "M" / "F"; None: from the identity number
    birth_date: date | None = None  # None: from the identity number
    mobile: str | None = None
    post: str | None = "member"
    joined: date | None = None
    status: str | None = "active"
    skills: str | None = None
    emergency_contact: str | None = None
    emergency_mobile: str | None = None
    certificates: tuple[CertificateFields, ...] = ()
    insurance: InsuranceFields | None = None


@dataclass(frozen=True, slots=True)
class CheckedMember:
    identity: IdNumber
    person: dict[str, object]  # the rescuer's columns
    membership: dict[str, object]  # post, joined, status
    certificates: tuple[CertificateFields, ...]
    insurance: InsuranceFields | None


def check_member(
    checker: FieldChecker, fields: MemberFields, *, today: date | None = None
) -> CheckedMember | None:
    """The member's cleaned values, or None when the identity number is no number;
    problems go into ``checker`` under their fields."""
    name = checker.text(
        "name",
        fields.name,
        PERSON_LIMIT,
        # translated only when wanted: an import checks tens of thousands of rows
        None
        if (fields.name or "").strip()
        else QCoreApplication.translate("Teams", "Give the member's name."),
    )
    identity: IdNumber | None
    try:
        identity = read_id_number(fields.id_number, today=today)
    except BadIdNumber as refusal:
        checker.add("id_number", refusal.message)
        identity = None
    if identity is not None:
        for field, message in disagreements(identity, birth_date=fields.birth_date, sex=fields.sex):
            checker.add(field, message)
    post = fields.post or "member"
    if post not in POSTS:
        checker.add("post", fill(QCoreApplication.translate("Teams", "Unknown post: %1"), post))
    status = fields.status or "active"
    if status not in MEMBER_STATUSES:
        checker.add(
            "status",
            fill(QCoreApplication.translate("Teams", "Unknown member status: %1"), status),
        )
    # An empty optional field is None without asking the checker (tens of thousands of
    # rows in an import).
    person: dict[str, object] = {
        "name": name,
        "mobile": checker.phone("mobile", fields.mobile) if fields.mobile else None,
        "skills": checker.text("skills", fields.skills, PLACE_LIMIT) if fields.skills else None,
        "emergency_contact": checker.text(
            "emergency_contact", fields.emergency_contact, PERSON_LIMIT
        )
        if fields.emergency_contact
        else None,
        "emergency_mobile": checker.phone("emergency_mobile", fields.emergency_mobile)
        if fields.emergency_mobile
        else None,
    }
    for certificate in fields.certificates:
        checker.text(
            "certificate",
            certificate.kind,
            60,
            None
            if (certificate.kind or "").strip()
            else QCoreApplication.translate("Teams", "Give the certificate's name or kind."),
        )
        checker.text("certificate_number", certificate.number, 60)
        checker.text("certificate_issuer", certificate.issuer, NAME_LIMIT)
    insurance = fields.insurance
    if insurance is not None:
        if insurance.ends is None:
            checker.add(
                "insurance_ends",
                QCoreApplication.translate("Teams", "Give the date the insurance ends."),
            )
        elif insurance.starts is not None and insurance.starts > insurance.ends:
            checker.add(
                "insurance_ends",
                QCoreApplication.translate("Teams", "The insurance ends before it starts."),
            )
        if insurance.policy:
            checker.text("insurance_policy", insurance.policy, 60)
        if insurance.insurer:
            checker.text("insurer", insurance.insurer, NAME_LIMIT)
        if insurance.kind:
            checker.text("insurance_kind", insurance.kind, 60)
    if identity is None:
        return None
    person |= {
        "id_number": identity.number,
        "sex": identity.sex,
        "birth_date": identity.birth_date,
    }
    return CheckedMember(
        identity,
        person,
        {"post": post, "joined": fields.joined, "status": status},
        fields.certificates,
        insurance,
    )


def write_member(session: Session, team_id: int, member: CheckedMember) -> Membership:
    """The checked member written: the person found by identity number (or added), their
    membership of the team, certificates and insurance not held yet."""
    rescuer = session.scalar(select(Rescuer).where(Rescuer.id_number == member.identity.number))
    if rescuer is None:
        rescuer = Rescuer()
        session.add(rescuer)
    for key, value in member.person.items():
        if value is not None or key in ("name", "id_number"):
            setattr(rescuer, key, value)
    session.flush()
    membership = session.scalar(
        select(Membership).where(Membership.team_id == team_id, Membership.rescuer_id == rescuer.id)
    )
    if membership is None:
        membership = Membership(team_id=team_id, rescuer_id=rescuer.id)
        session.add(membership)
    for key, value in member.membership.items():
        setattr(membership, key, value)
    held = {
        (c.kind, c.number)
        for c in session.scalars(select(Certificate).where(Certificate.rescuer_id == rescuer.id))
    }
    for certificate in member.certificates:
        if (certificate.kind, certificate.number) not in held:
            session.add(
                Certificate(
                    rescuer_id=rescuer.id,
                    kind=(certificate.kind or "").strip(),
                    number=certificate.number,
                    issuer=certificate.issuer,
                    expires=certificate.expires,
                )
            )
    insurance = member.insurance
    if insurance is not None and insurance.ends is not None:
        policies = {
            (i.policy, i.ends)
            for i in session.scalars(select(Insurance).where(Insurance.rescuer_id == rescuer.id))
        }
        if (insurance.policy, insurance.ends) not in policies:
            session.add(
                Insurance(
                    rescuer_id=rescuer.id,
                    kind=insurance.kind,
                    policy=insurance.policy,
                    insurer=insurance.insurer,
                    starts=insurance.starts,
                    ends=insurance.ends,
                )
            )
            session.flush()
            store_insurance_cover(session, [rescuer.id])
    session.flush()
    return membership


def save_member(
    *,
    session: Session,
    team_id: int,
    fields: MemberFields,
    membership_id: int | None = None,
) -> MemberRow:
    """Add a member to a team, or change a member's entry: a person already registered by
    identity number is the same person (a name that differs is refused).

    With ``membership_id`` the entry of that member is changed in place (the person's
    details, post, joined, status; certificates and insurance given are added); an
    ``id_number`` of None keeps the number registered (a role that sees it masked)."""
    require(session, Permission.MANAGE_TEAMS)
    if session.get(Team, team_id) is None:
        raise NotFound(QCoreApplication.translate("Teams", "This team no longer exists."))
    if membership_id is not None:
        return _change_member(session, membership_id, fields)
    checker = FieldChecker()
    member = check_member(checker, fields)
    if member is not None:
        known = session.scalar(
            select(Rescuer.name).where(Rescuer.id_number == member.identity.number)
        )
        if known is not None and known != member.person["name"]:
            checker.add(
                "id_number",
                fill(
                    QCoreApplication.translate(
                        "Teams", "This identity number is registered for %1."
                    ),
                    known,
                ),
            )
    checker.done()
    assert member is not None
    membership = write_member(session, team_id, member)
    rows = list_members(session=session, team_id=team_id, membership_ids=[membership.id])
    return rows[0]


def _change_member(session: Session, membership_id: int, fields: MemberFields) -> MemberRow:
    membership = session.get(Membership, membership_id)
    if membership is None:
        raise NotFound(QCoreApplication.translate("Teams", "This member no longer exists."))
    rescuer = session.get(Rescuer, membership.rescuer_id)
    assert rescuer is not None  # a membership's person is deleted with it
    if fields.id_number is None:
        fields = replace(fields, id_number=rescuer.id_number)
    checker = FieldChecker()
    member = check_member(checker, fields)
    if member is not None:
        other = session.execute(
            select(Rescuer.id, Rescuer.name).where(Rescuer.id_number == member.identity.number)
        ).first()
        if other is not None and other[0] != rescuer.id:
            checker.add(
                "id_number",
                fill(
                    QCoreApplication.translate(
                        "Teams", "This identity number is registered for %1."
                    ),
                    other[1],
                ),
            )
    checker.done()
    assert member is not None
    for key, value in member.person.items():
        setattr(rescuer, key, value)
    for key, value in member.membership.items():
        setattr(membership, key, value)
    session.flush()
    write_member(session, membership.team_id, member)
    rows = list_members(session=session, team_id=membership.team_id, membership_ids=[membership.id])
    return rows[0]


@dataclass(frozen=True, slots=True)
class MemberEntry:
    """A member's entry as the edit form shows it: the identity number in full only for
    roles that may unmask it (``id_number_full``), mobiles as the role sees them."""

    membership_id: int
    rescuer_id: int
    team_id: int
    name: str
    id_number: str
    id_number_full: bool
    sex: str | None
    birth_date: date | None
    mobile: str | None
    post: str
    joined: date | None
    status: str
    skills: str | None
    emergency_contact: str | None
    emergency_mobile: str | None


def member_entry(*, session: Session, membership_id: int) -> MemberEntry | None:
    """One member's entry for editing; None when it no longer exists."""
    require(session, Permission.READ_REGISTER)
    membership = session.get(Membership, membership_id)
    if membership is None:
        return None
    rescuer = session.get(Rescuer, membership.rescuer_id)
    assert rescuer is not None
    phone, id_number = phone_masker(session), id_number_masker(session)
    shown = id_number(rescuer.id_number) or ""
    return MemberEntry(
        membership.id,
        rescuer.id,
        membership.team_id,
        rescuer.name,
        shown,
        shown == rescuer.id_number,
        rescuer.sex,
        rescuer.birth_date,
        phone(rescuer.mobile),
        membership.post,
        membership.joined,
        membership.status,
        rescuer.skills,
        rescuer.emergency_contact,
        phone(rescuer.emergency_mobile),
    )


def add_certificate(*, session: Session, rescuer_id: int, fields: CertificateFields) -> int:
    """Record a certificate a person holds (name or kind, number, issuer, expiry); the
    same kind and number held already is refused."""
    require(session, Permission.MANAGE_TEAMS)
    checker = FieldChecker()
    kind = checker.text(
        "kind",
        fields.kind,
        60,
        QCoreApplication.translate("Teams", "Give the certificate's name or kind."),
    )
    number = checker.text("number", fields.number, 60)
    issuer = checker.text("issuer", fields.issuer, NAME_LIMIT)
    if session.get(Rescuer, rescuer_id) is None:
        checker.add("", QCoreApplication.translate("Teams", "This member no longer exists."))
    elif kind is not None and session.scalar(
        select(Certificate.id).where(
            Certificate.rescuer_id == rescuer_id,
            Certificate.kind == kind,
            Certificate.number.is_(None) if number is None else Certificate.number == number,
        )
    ):
        checker.add(
            "number",
            QCoreApplication.translate("Teams", "This certificate is recorded already."),
        )
    checker.done()
    certificate = Certificate(
        rescuer_id=rescuer_id, kind=kind, number=number, issuer=issuer, expires=fields.expires
    )
    session.add(certificate)
    session.flush()
    return certificate.id


def add_insurance(*, session: Session, rescuer_id: int, fields: InsuranceFields) -> int:
    """Record a personal accident insurance policy (kind, policy, insurer, from-to); the
    end date is required, and the same policy with the same end is refused."""
    require(session, Permission.MANAGE_TEAMS)
    checker = FieldChecker()
    if fields.ends is None:
        checker.add(
            "ends", QCoreApplication.translate("Teams", "Give the date the insurance ends.")
        )
    elif fields.starts is not None and fields.starts > fields.ends:
        checker.add(
            "ends", QCoreApplication.translate("Teams", "The insurance ends before it starts.")
        )
    kind = checker.text("kind", fields.kind, 60)
    policy = checker.text("policy", fields.policy, 60)
    insurer = checker.text("insurer", fields.insurer, NAME_LIMIT)
    if session.get(Rescuer, rescuer_id) is None:
        checker.add("", QCoreApplication.translate("Teams", "This member no longer exists."))
    elif fields.ends is not None and session.scalar(
        select(Insurance.id).where(
            Insurance.rescuer_id == rescuer_id,
            Insurance.ends == fields.ends,
            Insurance.policy.is_(None) if policy is None else Insurance.policy == policy,
        )
    ):
        checker.add(
            "policy", QCoreApplication.translate("Teams", "This policy is recorded already.")
        )
    checker.done()
    assert fields.ends is not None
    policy_row = Insurance(
        rescuer_id=rescuer_id,
        kind=kind,
        policy=policy,
        insurer=insurer,
        starts=fields.starts,
        ends=fields.ends,
    )
    session.add(policy_row)
    session.flush()
    store_insurance_cover(session, [rescuer_id])
    return policy_row.id


@dataclass(frozen=True, slots=True)
class MemberRow:
    membership_id: int
    rescuer_id: int
    team_id: int
    team: str
    name: str
    sex: str | None
    birth_date: date | None
    id_number: str | None  # in full only for roles that may unmask
    mobile: str | None  # masked unless the reader may see personal numbers
    post: str
    joined: date | None
    status: str
    skills: str | None
    emergency_contact: str | None
    emergency_mobile: str | None
    certificates: tuple[tuple[str, date | None], ...]  # (kind, expires)
    insurance_ends: date | None  # the latest policy's end


def list_members(
    *,
    session: Session,
    team_id: int | None = None,
    membership_ids: Iterable[int] | None = None,
) -> list[MemberRow]:
    """Members by team and name, their numbers masked by role."""
    require(session, Permission.READ_REGISTER)
    query = (
        select(Membership, Rescuer, Team.name)
        .join(Rescuer, Rescuer.id == Membership.rescuer_id)
        .join(Team, Team.id == Membership.team_id)
        .order_by(Team.name, Membership.post != "leader", Rescuer.name, Rescuer.id)
    )
    if team_id is not None:
        query = query.where(Membership.team_id == team_id)
    if membership_ids is not None:
        query = query.where(Membership.id.in_(list(membership_ids)))
    found = session.execute(query).all()
    people = {rescuer.id for _m, rescuer, _t in found}
    certificates: dict[int, list[tuple[str, date | None]]] = {}
    if people:
        ids = list(people)
        for start in range(0, len(ids), 5000):
            chunk = ids[start : start + 5000]
            for rescuer_id, kind, expires in session.execute(
                select(Certificate.rescuer_id, Certificate.kind, Certificate.expires)
                .where(Certificate.rescuer_id.in_(chunk))
                .order_by(Certificate.kind)
            ):
                certificates.setdefault(rescuer_id, []).append((kind, expires))
    phone, id_number = phone_masker(session), id_number_masker(session)
    return [
        MemberRow(
            membership.id,
            rescuer.id,
            membership.team_id,
            team,
            rescuer.name,
            rescuer.sex,
            rescuer.birth_date,
            id_number(rescuer.id_number),
            phone(rescuer.mobile),
            membership.post,
            membership.joined,
            membership.status,
            rescuer.skills,
            rescuer.emergency_contact,
            phone(rescuer.emergency_mobile),
            tuple(certificates.get(rescuer.id, ())),
            rescuer.insured_until,
        )
        for membership, rescuer, team in found
    ]
