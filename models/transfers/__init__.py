"""Personnel transfer (人员避险转移): households at risk, other transfer objects, and
their transfer records during an event, with history, roll-ups and snapshots.

The register (before a typhoon)
    ``Household`` rows per year come from the village transfer lists
    (models.imports.households); ``TransferObject`` rows are the work sheds,
    construction sites, fishing rafts and scenic spots moved by head count. Each
    carries ``card_code``, an opaque code printed on its transfer card: 9 random
    characters from an alphabet without look-alikes plus a check character, no
    personal information. A re-imported list keeps the codes: rows are matched to
    the year's households of the village by householder name and mobile (see
    models.imports.households for the fallback when the mobile changed).

During an event
    ``open_transfers`` gives every household and object of the register year a
    ``TransferRecord`` (a village's list imported during the event opens that
    village's). Register writes during the event keep the records in step at once
    (``sync_transfers``: a list imported again, a danger zone retyped). A record
    counts the subject's people in disjoint states: still to move, away from home
    (外出), refusing (拒绝转移), and moved to a shelter (集中安置), to relatives or
    friends (投亲靠友) or forcibly (强制转移).
    The three moved counts are cumulative for the event: a resident who returns
    home after the response is lifted stays counted as moved and is also counted
    in ``back_*`` (已返回), so the figures reported upward never fall and the
    shelter's occupancy (moved there minus returned from there) does. A
    household may move in parts. Every change writes a ``TransferChange`` (who,
    when, where, from, to, how many).

    Definitions, everywhere: people to move = residents - away; moved =
    sheltered + relatives + forced; still at home = people to move - moved (so
    refusing residents are still at home until moved); completion rate = moved
    / people to move.

Concurrency
    ``record_transfer`` first locks the record with a no-op UPDATE (SQLite takes
    the database write lock, PostgreSQL the row lock, before anything is read), then
    compares the version the user saw with the stored one: a stale edit is
    refused with who changed the record and when (``TransferConflict``), never
    applied over the other. The mapper's version counter guards the write itself.
    On SQLite the caller should not read in the same transaction before calling
    it (a read would pin a snapshot; see the note on BEGIN IMMEDIATE in the
    report to the lead).

Layout (one concern per module)
    ``tables`` the tables; ``common`` statuses, kinds, the display zone and small
    helpers; ``errors`` the refusals; ``codes`` card codes and search columns;
    ``rows`` the plain rows pages get; ``register`` the register year and its
    households; ``records`` opening and syncing an event's records; ``tallies`` the
    maintained sums; ``reading`` records as rows; ``lookup`` the check-in search;
    ``checkin`` recording changes and returns; ``history`` the changes; ``town_reports``
    towns' phoned-in figures; ``rollup`` the roll-up and shelter occupancy; ``overflow``
    shelters that cannot take everyone assigned and the nearest with room; ``progress``
    lagging and stalled towns and villages, and the completion rate over time;
    ``snapshots`` hourly snapshots and what changed since; ``planner`` planner checks.

Imports
    This package re-exports every public name of its modules: callers write
    ``from models.transfers import X``. A private name (leading underscore) is imported
    from the module that owns it, and so is everything inside the package (a module
    here never imports from the package itself, so the import order cannot cycle).
    ``models.areas`` and ``models.events`` call in here from inside functions only.
"""

from __future__ import annotations

from models.transfers.checkin import ReturnsMarked, mark_returns, record_transfer
from models.transfers.codes import (
    CARD_ALPHABET,
    CARD_LENGTH,
    household_search_values,
    name_search_columns,
    new_card_code,
    new_card_codes,
    parse_card_code,
    phone_last4,
    unique_card_codes,
)
from models.transfers.common import (
    CHECK_IN,
    MOVED_STATES,
    NEARLY_FULL,
    OBJECT_DANGER_KIND,
    OBJECT_KINDS,
    OBJECT_ZONE_KINDS,
    TRANSFER_STATUSES,
)
from models.transfers.errors import TransferConflict, TransferRefused
from models.transfers.history import ChangeRow, shelter_arrivals, transfer_history
from models.transfers.lookup import find_subjects
from models.transfers.overflow import (
    Overflow,
    ShelterWithRoom,
    overflow_of,
    overflow_text,
    overflows,
    room_text,
)
from models.transfers.planner import (
    EmptyZone,
    HouseholdIssue,
    OverfullShelter,
    PlannerChecks,
    planner_checks,
)
from models.transfers.progress import (
    DEFAULT_LAG_PERCENT,
    DEFAULT_STALE_HOURS,
    Attention,
    Lagging,
    ProgressPoint,
    completion_history,
    needs_attention,
)
from models.transfers.reading import get_transfer, list_transfers, record_for
from models.transfers.records import derive_status, open_transfers, sync_transfers
from models.transfers.register import ListCounts, list_counts, list_households, register_year
from models.transfers.rollup import (
    FIGURE_FIELDS,
    AreaFigures,
    Figures,
    KindFigures,
    ReportedFigures,
    Rollup,
    ShelterOccupancy,
    rollup,
)
from models.transfers.rows import HouseholdRow, SubjectRow, TransferRow
from models.transfers.snapshots import (
    FigureChange,
    SnapshotDiff,
    SnapshotRow,
    changes_since_last_snapshot,
    compare_snapshots,
    list_snapshots,
    load_snapshot,
    rollup_to_dict,
    take_snapshot,
)
from models.transfers.tables import (
    HOUSEHOLD_NAMES,
    Household,
    RollupSnapshot,
    TownReport,
    TransferChange,
    TransferObject,
    TransferRecord,
    TransferTally,
)
from models.transfers.tallies import TALLY_FIELDS, rebuild_tallies, tallies_match_records
from models.transfers.town_reports import TownReportRow, add_town_report, list_town_reports

__all__ = [
    "CARD_ALPHABET",
    "CARD_LENGTH",
    "CHECK_IN",
    "DEFAULT_LAG_PERCENT",
    "DEFAULT_STALE_HOURS",
    "FIGURE_FIELDS",
    "HOUSEHOLD_NAMES",
    "MOVED_STATES",
    "NEARLY_FULL",
    "OBJECT_DANGER_KIND",
    "OBJECT_KINDS",
    "OBJECT_ZONE_KINDS",
    "TALLY_FIELDS",
    "TRANSFER_STATUSES",
    "AreaFigures",
    "Attention",
    "ChangeRow",
    "EmptyZone",
    "FigureChange",
    "Figures",
    "Household",
    "HouseholdIssue",
    "HouseholdRow",
    "KindFigures",
    "Lagging",
    "ListCounts",
    "Overflow",
    "OverfullShelter",
    "PlannerChecks",
    "ProgressPoint",
    "ReportedFigures",
    "ReturnsMarked",
    "Rollup",
    "RollupSnapshot",
    "ShelterOccupancy",
    "ShelterWithRoom",
    "SnapshotDiff",
    "SnapshotRow",
    "SubjectRow",
    "TownReport",
    "TownReportRow",
    "TransferChange",
    "TransferConflict",
    "TransferObject",
    "TransferRecord",
    "TransferRefused",
    "TransferRow",
    "TransferTally",
    "add_town_report",
    "changes_since_last_snapshot",
    "compare_snapshots",
    "completion_history",
    "derive_status",
    "find_subjects",
    "get_transfer",
    "household_search_values",
    "list_counts",
    "list_households",
    "list_snapshots",
    "list_town_reports",
    "list_transfers",
    "load_snapshot",
    "mark_returns",
    "name_search_columns",
    "needs_attention",
    "new_card_code",
    "new_card_codes",
    "open_transfers",
    "overflow_of",
    "overflow_text",
    "overflows",
    "parse_card_code",
    "phone_last4",
    "planner_checks",
    "rebuild_tallies",
    "record_for",
    "record_transfer",
    "register_year",
    "rollup",
    "rollup_to_dict",
    "room_text",
    "shelter_arrivals",
    "sync_transfers",
    "take_snapshot",
    "tallies_match_records",
    "transfer_history",
    "unique_card_codes",
]
