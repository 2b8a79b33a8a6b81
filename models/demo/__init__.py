"""A deterministic demo county modelled on Wenling (温岭市, 331081).

The geography is synthetic but plausible: a coastal county with the East China
Sea to the east and south-east and hills in the west. Villages are Voronoi
cells of seeded points cut to the land, towns are unions of their villages,
grids subdivide villages, and danger zones follow the terrain. Only seeded
``random.Random`` streams are used, so two builds of one scale write the same
rows; the one exception is the salt of the demo accounts' password hashes.

Layout
    ``builder`` checks the request and runs ``STEPS`` in order, one per domain:
    ``geography`` (designed by ``county`` and ``places``), ``users``, ``typhoon``,
    ``transfers``, ``typhoon_scenario`` (only for ``--scenario typhoon``). ``common``
    holds what steps share (``DemoBuild``, ``DemoStep``, ``DemoSummary``, the seeded
    streams, the Core insert), ``people`` the synthetic names and mobiles. A new
    module adds its demo data as one module with a ``STEP`` and one entry in
    ``builder.STEPS``.

Imports
    This package re-exports every public name of its modules except the steps:
    callers write ``from models.demo import X``. A private name is imported from the
    module that owns it, and modules here import from each other, never from the
    package.
"""

from __future__ import annotations

from models.demo.builder import (
    SCENARIOS,
    STEPS,
    DemoRefused,
    ProgressCallback,
    build_demo,
    is_demo_database,
    replaces_other_data,
)
from models.demo.common import DemoBuild, DemoStep, DemoSummary
from models.demo.county import (
    COAST_BAND,
    COAST_EAST_OF,
    COUNTY_CODE,
    COUNTY_NAME,
    HILLS_WEST_OF,
    MAX_SCALE,
)
from models.demo.places import (
    COUNTY_SHELTERS_PER_SCALE,
    DANGER_ZONES_PER_SCALE,
    GRIDS_PER_SCALE,
    TOWN_SHELTERS_PER_TOWN_PER_SCALE,
    VILLAGE_SHELTERS_PER_SCALE,
)
from models.demo.transfers import (
    HOUSEHOLDS_PER_SCALE,
    DemoHouseholds,
    DemoScenario,
    build_demo_households,
    build_demo_transfers,
)
from models.demo.typhoon_scenario import SCENARIO_LEVEL, TyphoonScenario, build_typhoon_scenario
from models.demo.users import DEMO_ACCOUNTS

__all__ = [
    "COAST_BAND",
    "COAST_EAST_OF",
    "COUNTY_CODE",
    "COUNTY_NAME",
    "COUNTY_SHELTERS_PER_SCALE",
    "DANGER_ZONES_PER_SCALE",
    "DEMO_ACCOUNTS",
    "GRIDS_PER_SCALE",
    "HILLS_WEST_OF",
    "HOUSEHOLDS_PER_SCALE",
    "MAX_SCALE",
    "SCENARIOS",
    "SCENARIO_LEVEL",
    "STEPS",
    "TOWN_SHELTERS_PER_TOWN_PER_SCALE",
    "VILLAGE_SHELTERS_PER_SCALE",
    "DemoBuild",
    "DemoHouseholds",
    "DemoRefused",
    "DemoScenario",
    "DemoStep",
    "DemoSummary",
    "ProgressCallback",
    "TyphoonScenario",
    "build_demo",
    "build_demo_households",
    "build_demo_transfers",
    "build_typhoon_scenario",
    "is_demo_database",
    "replaces_other_data",
]
