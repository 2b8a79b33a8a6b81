"""What readiness and travel assume, configurable per database: each class's required
size and travel speed, the certificate kinds a specialty requires (none by default), the
road factor (road distance over straight-line distance) and the days before an expiry is
announced. Defaults in ``models.teams.codes`` hold where nothing was configured."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from models.fields import FieldChecker, Range
from models.messages import fill
from models.teams.codes import (
    DEFAULT_EXPIRING_DAYS,
    DEFAULT_REQUIRED_SIZE,
    DEFAULT_ROAD_FACTOR,
    DEFAULT_SPEED_KMH,
    SPECIALTIES,
    TEAM_CLASSES,
)
from models.teams.tables import SpecialtyCertificate, TeamClassRule, TeamSetting
from models.users import Permission, require

REQUIRED_SIZE = Range(0, 10_000)
SPEED_KMH = Range(1, 200)
ROAD_FACTOR = Range(1, 5)
EXPIRING_DAYS = Range(0, 365)
_ROAD_FACTOR_KEY, _EXPIRING_KEY = "road_factor", "expiring_days"


@dataclass(frozen=True)
class TeamRules:
    required_size: Mapping[str, int] = field(default_factory=lambda: dict(DEFAULT_REQUIRED_SIZE))
    speed_kmh: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_SPEED_KMH))
    road_factor: float = DEFAULT_ROAD_FACTOR
    expiring_days: int = DEFAULT_EXPIRING_DAYS
    required_certificates: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def speed(self, team_class: str) -> float:
        return self.speed_kmh.get(team_class, 30.0)

    def reach_km(self, team_class: str, minutes: float) -> float:
        """The straight-line distance a team of the class covers in ``minutes`` (its road
        distance over the road factor)."""
        return self.speed(team_class) * minutes / 60.0 / self.road_factor

    def certificates_for(self, specialties: Iterable[str]) -> frozenset[str]:
        needed: set[str] = set()
        for specialty in specialties:
            needed |= self.required_certificates.get(specialty, frozenset())
        return frozenset(needed)


def team_rules(*, session: Session) -> TeamRules:
    """The rules in force: the configured ones over the defaults."""
    require(session, Permission.READ_REGISTER)
    sizes: dict[str, int] = dict(DEFAULT_REQUIRED_SIZE)
    speeds: dict[str, float] = dict(DEFAULT_SPEED_KMH)
    for rule in session.scalars(select(TeamClassRule)):
        if rule.required_size is not None:
            sizes[rule.team_class] = rule.required_size
        if rule.speed_kmh is not None:
            speeds[rule.team_class] = rule.speed_kmh
    settings = dict(session.execute(select(TeamSetting.key, TeamSetting.value)).all())
    required: dict[str, set[str]] = {}
    for specialty, kind in session.execute(
        select(SpecialtyCertificate.specialty, SpecialtyCertificate.certificate_kind)
    ):
        required.setdefault(specialty, set()).add(kind)
    return TeamRules(
        sizes,
        speeds,
        float(settings.get(_ROAD_FACTOR_KEY, DEFAULT_ROAD_FACTOR)),
        int(settings.get(_EXPIRING_KEY, DEFAULT_EXPIRING_DAYS)),
        {specialty: frozenset(kinds) for specialty, kinds in required.items()},
    )


def set_class_rule(
    *,
    session: Session,
    team_class: str,
    required_size: object = None,
    speed_kmh: object = None,
) -> None:
    """A class's required size (0: none) and travel speed in km/h; None keeps the default."""
    require(session, Permission.MANAGE_TEAMS)
    checker = FieldChecker()
    checker.code(
        "team_class",
        team_class,
        TEAM_CLASSES,
        fill(QCoreApplication.translate("Teams", "Unknown team class: %1"), team_class),
    )
    size = (
        checker.count(
            "required_size",
            required_size,
            REQUIRED_SIZE,
            QCoreApplication.translate("Teams", "Give a whole number."),
        )
        if required_size is not None
        else None
    )
    speed: float | None = None
    if speed_kmh is not None:
        try:
            speed = float(str(speed_kmh))
        except ValueError:
            speed = None
        if speed is None or not SPEED_KMH.low <= speed <= SPEED_KMH.high:
            checker.add(
                "speed_kmh",
                fill(
                    QCoreApplication.translate("Teams", "Give a speed from %1 km/h."),
                    SPEED_KMH.text(),
                ),
            )
    checker.done()
    rule = session.get(TeamClassRule, team_class) or TeamClassRule(team_class=team_class)
    rule.required_size, rule.speed_kmh = size, speed
    session.add(rule)
    session.flush()


def set_required_certificates(*, session: Session, specialty: str, kinds: Iterable[str]) -> None:
    """The certificate kinds a member needs, unexpired, for ``specialty`` (none: empty)."""
    require(session, Permission.MANAGE_TEAMS)
    checker = FieldChecker()
    checker.code(
        "specialty",
        specialty,
        SPECIALTIES,
        fill(QCoreApplication.translate("Teams", "Unknown specialty: %1"), specialty),
    )
    names = sorted({kind.strip() for kind in kinds if kind.strip()})
    for name in names:
        checker.text("certificate_kind", name, 60)
    checker.done()
    session.execute(delete(SpecialtyCertificate).where(SpecialtyCertificate.specialty == specialty))
    session.add_all(SpecialtyCertificate(specialty=specialty, certificate_kind=n) for n in names)
    session.flush()


def set_team_settings(
    *, session: Session, road_factor: object = None, expiring_days: object = None
) -> None:
    """The road factor (1 to 5) and the days before an expiry is announced (0 to 365)."""
    require(session, Permission.MANAGE_TEAMS)
    checker = FieldChecker()
    values: dict[str, str] = {}
    if road_factor is not None:
        try:
            factor = float(str(road_factor))
        except ValueError:
            factor = -1.0
        if not ROAD_FACTOR.low <= factor <= ROAD_FACTOR.high:
            checker.add(
                "road_factor",
                fill(
                    QCoreApplication.translate("Teams", "Give a road factor from %1."),
                    ROAD_FACTOR.text(),
                ),
            )
        values[_ROAD_FACTOR_KEY] = str(factor)
    if expiring_days is not None:
        days = checker.count(
            "expiring_days",
            expiring_days,
            EXPIRING_DAYS,
            QCoreApplication.translate("Teams", "Give a whole number of days."),
        )
        values[_EXPIRING_KEY] = str(days)
    checker.done()
    for key, value in values.items():
        setting = session.get(TeamSetting, key) or TeamSetting(key=key)
        setting.value = value
        session.add(setting)
    session.flush()
