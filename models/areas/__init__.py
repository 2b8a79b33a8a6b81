"""The geography register: divisions, responsibility grids, danger zones, shelters
and village flood working groups.

``tables`` holds the tables, ``rows`` the plain rows pages list, ``saving`` the hand
entry of rows. This package re-exports their public names: callers import from
``models.areas``; its own modules import from each other, never from the package.
"""

from __future__ import annotations

from models.areas.rows import (
    DangerZoneRow,
    GridRow,
    ShelterRow,
    VillageOption,
    WorkingGroupMemberRow,
    get_danger_zone,
    get_grid,
    get_shelter,
    get_working_group_member,
    list_danger_zones,
    list_grids,
    list_shelters,
    list_villages,
    list_working_group_members,
)
from models.areas.saving import (
    DangerZoneInput,
    GridInput,
    ShelterInput,
    WorkingGroupMemberInput,
    save_danger_zone,
    save_grid,
    save_shelter,
    save_working_group_member,
)
from models.areas.tables import (
    DangerZone,
    Division,
    DivisionNode,
    Grid,
    Shelter,
    WorkingGroupMember,
    division_tree,
)

__all__ = [
    "DangerZone",
    "DangerZoneInput",
    "DangerZoneRow",
    "Division",
    "DivisionNode",
    "Grid",
    "GridInput",
    "GridRow",
    "Shelter",
    "ShelterInput",
    "ShelterRow",
    "VillageOption",
    "WorkingGroupMember",
    "WorkingGroupMemberInput",
    "WorkingGroupMemberRow",
    "division_tree",
    "get_danger_zone",
    "get_grid",
    "get_shelter",
    "get_working_group_member",
    "list_danger_zones",
    "list_grids",
    "list_shelters",
    "list_villages",
    "list_working_group_members",
    "save_danger_zone",
    "save_grid",
    "save_shelter",
    "save_working_group_member",
]
