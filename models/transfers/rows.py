"""The plain rows pages get for records, search results and households (never live
ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class TransferRow:
    """A transfer record as the check-in panel shows it."""

    record_id: int
    event_id: int
    subject: str  # "household" or "object"
    subject_id: int
    object_kind: str | None  # for objects: work_shed, construction_site...
    card_code: str
    name: str  # householder or object name
    phone: str | None  # masked for roles without SEE_PERSONAL
    village_id: int
    village_name: str
    town_name: str
    danger_zone_name: str | None
    kind: str  # danger-zone kind
    location: str | None
    residents: int
    status: str
    away: int
    refused: int
    sheltered: int
    relatives: int
    forced: int
    returned: int
    in_shelter: int
    shelter_id: int | None
    shelter_name: str | None
    refusal_reason: str | None
    authorised_by: str | None
    version: int
    updated_at: datetime
    updated_by: str

    @property
    def moved(self) -> int:
        return self.sheltered + self.relatives + self.forced

    @property
    def people_to_move(self) -> int:
        return self.residents - self.away

    @property
    def remaining(self) -> int:
        """Residents in no other state: still to be moved (refusers not included)."""
        return self.residents - self.away - self.refused - self.moved

    @property
    def partial(self) -> bool:
        return self.moved > 0 and self.people_to_move - self.moved > 0


@dataclass(frozen=True, slots=True)
class SubjectRow:
    """A household or object found by the check-in search, with its record if any."""

    subject: str
    subject_id: int
    object_kind: str | None
    card_code: str
    name: str
    phone: str | None
    village_id: int
    village_name: str
    town_name: str
    danger_zone_name: str | None
    location: str | None
    residents: int
    shelter_id: int | None
    shelter_name: str | None
    record: TransferRow | None = None


@dataclass(frozen=True, slots=True)
class HouseholdRow:
    """A household of the register, as lists and the export show it."""

    id: int
    year: int
    village_id: int
    village_code: str
    village_name: str
    town_name: str
    danger_zone_id: int | None
    danger_zone_name: str | None
    danger_kind: str | None
    grid_id: int | None
    grid_name: str | None
    location: str | None
    lon: float | None
    lat: float | None
    householder_name: str
    householder_phone: str | None
    residents: int
    elderly: int
    disabled: int
    bedridden: int
    children: int
    pregnant: int
    transfer_person_name: str | None
    transfer_person_post: str | None
    transfer_person_phone: str | None
    warning_person_name: str | None
    warning_person_post: str | None
    warning_person_phone: str | None
    shelter_id: int | None
    shelter_name: str | None
    shelter_certified: bool | None
    shelter_manager: str | None
    shelter_manager_phone: str | None
    note: str | None
    card_code: str
