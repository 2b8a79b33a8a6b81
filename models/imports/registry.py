"""Every kind of file the console imports, declared once: read by the command line's
``import`` group (one sub-parser per kind, its options and their help) and by the import
dialog (the kinds it offers, an option widget per option, the file filter).

A kind names its steps (``models.imports.framework.ImportSteps``: reader, validation,
writer) by module and class, loaded when an import runs, so building the command line
imports no reader. Adding a kind is one module holding its steps and one ``ImportKind``
in ``KINDS`` below (or ``register`` for a kind that lives elsewhere).

Texts are English sources translated when shown: titles, labels and hints in the context
"ImportDialog", command-line help in "CommandLine".
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from PySide6.QtCore import QCoreApplication

from models.fields import (
    HOUSEHOLD_PEOPLE,
    HOUSEHOLD_RESIDENTS,
    SHELTER_CAPACITY,
    TYPHOON_PRESSURE,
    TYPHOON_RADIUS,
    TYPHOON_WIND,
    YEARS,
    Range,
    year_number,
)
from models.imports.limits import MIB, Limits
from models.messages import QT_TRANSLATE_NOOP, fill
from models.refusals import InvalidValue
from models.users import Permission

OptionType = Literal["text", "year", "crs", "flag"]

DEFAULT_MAX_BYTES = 256 * MIB
DEFAULT_MAX_ROWS = 200_000
DEFAULT_MAX_COLUMNS = 200
"""Real files are a few MB (a 20,000-row village list: 2 MB, 26 columns); each kind's
limits below stand well above its real files and far below what would hurt."""

SPREADSHEETS = QT_TRANSLATE_NOOP(
    "ImportDialog", "Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv *.txt *.tsv)"
)
MAP_DATA = QT_TRANSLATE_NOOP(
    "ImportDialog",
    "Map data (*.zip *.shp *.geojson *.json *.xlsx *.xlsm *.xls *.ods *.csv *.txt *.tsv)",
)

CRS_CHOICES: tuple[tuple[str, str], ...] = (
    ("wgs84", QT_TRANSLATE_NOOP("ImportDialog", "WGS84 (GPS)")),
    ("cgcs2000", QT_TRANSLATE_NOOP("ImportDialog", "CGCS2000 (national)")),
    ("gcj02", QT_TRANSLATE_NOOP("ImportDialog", "GCJ-02 (Amap, Tencent)")),
    ("bd09", QT_TRANSLATE_NOOP("ImportDialog", "BD-09 (Baidu)")),
)
"""(value passed to the import, label): the coordinate systems a user chooses from."""


@dataclass(frozen=True)
class Option:
    """One option of a kind: ``--flag VALUE`` on the command line, a widget in the dialog,
    ``name=value`` for the kind's steps (``job.options[name]``).

    ``type``: ``text`` (a line edit), ``year`` (a number from ``low`` to ``high``; a spin
    box whose lowest value means "not given"), ``crs`` (a coordinate system chosen from
    ``choices``, typed when ``free_text``, or the file's own when ``from_file``), ``flag``
    (a check box; ``--flag`` without a value on the command line).
    """

    name: str
    flag: str
    label: str  # the dialog's label, context ImportDialog
    help: str  # the command line's help, context CommandLine
    type: OptionType = "text"
    metavar: str | None = None
    default: Any = None
    placeholder: str = ""  # the dialog's hint, context ImportDialog
    choices: tuple[tuple[str, str], ...] = ()
    free_text: bool = True
    from_file: bool = False
    low: int = 0
    high: int = 0

    def parse(self, value: Any) -> Any:
        """A value as given (typed on the command line, or from the dialog's widget),
        checked: InvalidValue, a refusal whose message names the value, for a year outside
        the register's years or a coordinate system the console does not know. None or
        blank: not given."""
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if self.type == "year":
            return year_number(value)
        if self.type == "crs":
            return _checked_crs(str(value).strip(), free_text=self.free_text)
        return value.strip() if isinstance(value, str) else value


def _checked_crs(text: str, *, free_text: bool) -> str:
    """``text`` when it names a coordinate system the console converts from (pyproj is
    loaded only for a typed EPSG code or definition)."""
    from models.geo.crs import normalise_crs

    try:
        if free_text:
            from models.geo.projections import parse_crs

            parse_crs(text)  # CrsError is a ValueError
        else:
            normalise_crs(text)
        return text
    except ValueError:
        message = (
            QCoreApplication.translate(
                "Import",
                "Unknown coordinate system %1: use wgs84, cgcs2000, gcj02, bd09 or EPSG:NNNN (for example EPSG:4549).",
            )
            if free_text
            else QCoreApplication.translate(
                "Import", "Unknown coordinate system %1: use wgs84, cgcs2000, gcj02 or bd09."
            )
        )
        raise InvalidValue(fill(message, text[:40])) from None


DRY_RUN = Option(
    "dry_run",
    "--dry-run",
    QT_TRANSLATE_NOOP("ImportDialog", "Check only (dry run)"),
    QT_TRANSLATE_NOOP("CommandLine", "only check and report; write nothing"),
    type="flag",
    default=False,
)
VALID_ONLY = Option(
    "valid_only",
    "--valid-only",
    QT_TRANSLATE_NOOP("ImportDialog", "Import only the valid rows"),
    QT_TRANSLATE_NOOP(
        "CommandLine",
        "import the valid rows and report the refused ones (exit code 4: written in part)",
    ),
    type="flag",
    default=False,
    placeholder=QT_TRANSLATE_NOOP(
        "ImportDialog", "Without this, nothing is written when any row is refused."
    ),
)
GATE_OPTIONS = (DRY_RUN, VALID_ONLY)
"""The gate every kind shares (``models.imports.framework``): all or nothing by default."""


@dataclass(frozen=True)
class ImportKind:
    """One kind of file: ``key`` is its name on the command line (``import KEY FILE``)."""

    key: str
    title: str  # context ImportDialog
    steps: str  # "module:Class" of its ImportSteps, loaded when an import runs
    file_types: str = SPREADSHEETS  # the dialog's file filter, context ImportDialog
    options: tuple[Option, ...] = ()
    fixed: Mapping[str, Any] = field(default_factory=dict)  # given to the steps as options
    permission: Permission = Permission.IMPORT_DATA
    max_bytes: int = DEFAULT_MAX_BYTES
    max_rows: int = DEFAULT_MAX_ROWS  # of a sheet, or features of a map file
    max_columns: int = DEFAULT_MAX_COLUMNS  # of a sheet, or attributes of a feature
    ranges: Mapping[str, Range] = field(default_factory=dict)
    """Column key -> its plausible range (``models.fields``), checked in validation a
    column at a time (``models.imports.framework.out_of_range``)."""

    @property
    def limits(self) -> Limits:
        """Beyond any of these the file is refused at once, the limit named
        (``models.imports.limits``)."""
        return Limits(self.max_bytes, self.max_rows, self.max_columns)

    def load_steps(self) -> Any:
        """The kind's ``ImportSteps`` class (the framework imports this module, not the reverse)."""
        module, _, name = self.steps.partition(":")
        return getattr(importlib.import_module(module), name)

    def resolve(self, given: Mapping[str, Any]) -> dict[str, Any]:
        """The options for the steps: each declared option's value (its default when not
        given or blank), then the fixed ones. An undeclared name is a bug: TypeError; a year
        or a listed coordinate system no user could mean is refused: InvalidValue."""
        unknown = set(given) - {o.name for o in self.options}
        if unknown:
            raise TypeError(f"import {self.key} takes no option {', '.join(sorted(unknown))}")
        values: dict[str, Any] = {}
        for option in self.options:
            value = given.get(option.name)
            if option.type == "year" or (option.type == "crs" and not option.free_text):
                value = option.parse(value)  # a coordinate system typed freely: the steps say
            elif isinstance(value, str):
                value = value.strip()
            values[option.name] = option.default if value is None or value == "" else value
        return values | dict(self.fixed)


def _crs_option(default: str | None, *, from_file: bool, help: str) -> Option:
    return Option(
        "crs",
        "--crs",
        QT_TRANSLATE_NOOP("ImportDialog", "Coordinate system"),
        help,
        type="crs",
        metavar="CRS",
        default=default,
        placeholder=QT_TRANSLATE_NOOP(
            "ImportDialog", "Choose one, or type an EPSG code such as EPSG:4549"
        )
        if from_file
        else "",
        choices=CRS_CHOICES,
        free_text=from_file,
        from_file=from_file,
    )


_GIS_CRS = _crs_option(
    None,
    from_file=True,
    help=QT_TRANSLATE_NOOP(
        "CommandLine",
        "coordinate system of the file: wgs84, cgcs2000, gcj02, bd09 or EPSG:NNNN "
        "(default: a Shapefile's .prj, else wgs84)",
    ),
)


_CODE_FIELD = Option(
    "code_field",
    "--code-field",
    QT_TRANSLATE_NOOP("ImportDialog", "Code field"),
    QT_TRANSLATE_NOOP(
        "CommandLine",
        "the attribute holding the code, when the file names it in its own way "
        "(default: found by its usual names: adcode, gb, XZQDM, 区划代码 for divisions, "
        "网格编码 for grids, 编码 for danger zones)",
    ),
    metavar="FIELD",
    placeholder=QT_TRANSLATE_NOOP("ImportDialog", "Optional: else found by its name"),
)
_NAME_FIELD = Option(
    "name_field",
    "--name-field",
    QT_TRANSLATE_NOOP("ImportDialog", "Name field"),
    QT_TRANSLATE_NOOP(
        "CommandLine",
        "the attribute holding the name, when the file names it in its own way "
        "(default: found by its usual names, such as name, NAME, XZQMC, 名称)",
    ),
    metavar="FIELD",
    placeholder=QT_TRANSLATE_NOOP("ImportDialog", "Optional: else found by its name"),
)
_REASSIGN = Option(
    "reassign",
    "--reassign",
    QT_TRANSLATE_NOOP("ImportDialog", "Move features to the village containing them"),
    QT_TRANSLATE_NOOP(
        "CommandLine",
        "a feature lying outside the village it names goes to the village whose outline "
        "contains it (else it is refused); the report lists each one moved",
    ),
    type="flag",
    default=False,
    placeholder=QT_TRANSLATE_NOOP(
        "ImportDialog",
        "Without this, a feature outside the outline of the village it names is refused.",
    ),
)


def _gis(key: str, title: str) -> ImportKind:
    options: tuple[Option, ...] = (_GIS_CRS,)
    if key != "shelters":  # shelters are known by village and name
        options += (_CODE_FIELD,)
    options += (_NAME_FIELD,)
    if key != "boundaries":
        options += (_REASSIGN,)
    return ImportKind(
        key,
        title,
        "models.imports.gis:GisSteps",
        file_types=MAP_DATA,
        options=options,
        fixed={"kind": key},
        ranges={"capacity": SHELTER_CAPACITY} if key == "shelters" else {},
        max_bytes=256 * MIB,  # a county's outlines as a Shapefile: tens of MB
        max_rows=200_000,  # features
        max_columns=500,  # attributes
    )


KINDS: dict[str, ImportKind] = {
    kind.key: kind
    for kind in (
        ImportKind(
            "divisions",
            QT_TRANSLATE_NOOP("ImportDialog", "Divisions (towns and villages)"),
            "models.imports.divisions:DivisionSteps",
            max_bytes=64 * MIB,
            max_rows=100_000,  # a province's code list; a county has a few hundred
            max_columns=200,
            options=(
                Option(
                    "county",
                    "--county",
                    QT_TRANSLATE_NOOP("ImportDialog", "County code"),
                    QT_TRANSLATE_NOOP(
                        "CommandLine",
                        "the county the list belongs to, when the list has no row for it "
                        "(the statistics bureau's list has none)",
                    ),
                    metavar="CODE",
                    placeholder=QT_TRANSLATE_NOOP(
                        "ImportDialog", "Optional: 6 digits, for a list without the county's row"
                    ),
                ),
                Option(
                    "county_name",
                    "--county-name",
                    QT_TRANSLATE_NOOP("ImportDialog", "County name"),
                    QT_TRANSLATE_NOOP(
                        "CommandLine",
                        "the county's name, for a county the database does not hold yet",
                    ),
                    metavar="NAME",
                    placeholder=QT_TRANSLATE_NOOP(
                        "ImportDialog", "Optional: needed for a county new to the database"
                    ),
                ),
            ),
        ),
        ImportKind(
            "households",
            QT_TRANSLATE_NOOP("ImportDialog", "Village transfer list (households)"),
            "models.imports.households:HouseholdSteps",
            max_bytes=64 * MIB,  # 200,000 rows as .xlsx: about 24 MB
            max_rows=200_000,  # a village lists hundreds, the demo county 200,000 in all
            max_columns=200,  # the template has 26
            ranges={
                "residents": HOUSEHOLD_RESIDENTS,
                **dict.fromkeys(
                    ("elderly", "disabled", "bedridden", "children", "pregnant"), HOUSEHOLD_PEOPLE
                ),
            },
            options=(
                Option(
                    "village_code",
                    "--village",
                    QT_TRANSLATE_NOOP("ImportDialog", "Village code"),
                    QT_TRANSLATE_NOOP(
                        "CommandLine",
                        "the village, when the title row does not name it",
                    ),
                    metavar="CODE",
                    placeholder=QT_TRANSLATE_NOOP(
                        "ImportDialog", "Optional: else found from the title"
                    ),
                ),
                Option(
                    "year",
                    "--year",
                    QT_TRANSLATE_NOOP("ImportDialog", "Year"),
                    QT_TRANSLATE_NOOP("CommandLine", "the year of the list"),
                    type="year",
                    metavar="YYYY",
                    placeholder=QT_TRANSLATE_NOOP("ImportDialog", "From the title, else this year"),
                    low=YEARS[0] - 1,  # the dialog's "not given"
                    high=YEARS[1],
                ),
                _crs_option(
                    "wgs84",
                    from_file=False,
                    help=QT_TRANSLATE_NOOP(
                        "CommandLine",
                        "coordinate system of the list: wgs84, cgcs2000, gcj02 or bd09 (default wgs84)",
                    ),
                ),
            ),
        ),
        _gis("boundaries", QT_TRANSLATE_NOOP("ImportDialog", "Division boundaries")),
        _gis("grids", QT_TRANSLATE_NOOP("ImportDialog", "Responsibility grids")),
        _gis("danger-zones", QT_TRANSLATE_NOOP("ImportDialog", "Danger zones and hazard points")),
        _gis("shelters", QT_TRANSLATE_NOOP("ImportDialog", "Shelters")),
        ImportKind(
            "typhoon",
            QT_TRANSLATE_NOOP("ImportDialog", "Typhoon track"),
            "models.imports.typhoon:TyphoonSteps",
            max_bytes=64 * MIB,
            max_rows=100_000,  # a track has tens of points, a whole archive thousands
            max_columns=200,
            ranges={
                "pressure": TYPHOON_PRESSURE,
                "wind": TYPHOON_WIND,
                **dict.fromkeys(
                    (
                        f"r{force}{q}"
                        for force in (7, 10, 12)
                        for q in ("", "_ne", "_se", "_sw", "_nw")
                    ),
                    TYPHOON_RADIUS,
                ),
            },
            options=(
                Option(
                    "code",
                    "--code",
                    QT_TRANSLATE_NOOP("ImportDialog", "Typhoon number"),
                    QT_TRANSLATE_NOOP("CommandLine", "its number, such as 2609"),
                    placeholder=QT_TRANSLATE_NOOP("ImportDialog", "Optional, such as 2309"),
                ),
                Option(
                    "name",
                    "--name",
                    QT_TRANSLATE_NOOP("ImportDialog", "Typhoon name"),
                    QT_TRANSLATE_NOOP("CommandLine", "its name, such as 烟花"),
                    placeholder=QT_TRANSLATE_NOOP(
                        "ImportDialog", "Needed for a new typhoon without a name column"
                    ),
                ),
            ),
        ),
        ImportKind(
            "units",
            QT_TRANSLATE_NOOP("ImportDialog", "Member units (name, duty phone, contact)"),
            "models.command.units_import:UnitSteps",
            max_bytes=64 * MIB,
            max_rows=10_000,  # a county's headquarters has a few dozen member units
            max_columns=100,
        ),
        ImportKind(
            "plans",
            QT_TRANSLATE_NOOP("ImportDialog", "Contingency plans (the plan register)"),
            "models.plans.imports:PlanSteps",
            max_bytes=64 * MIB,
            max_rows=50_000,  # a county has a few hundred plans with its towns' and villages'
            max_columns=100,
        ),
        ImportKind(
            "plan-actions",
            QT_TRANSLATE_NOOP("ImportDialog", "Plan actions (stages, triggers, actions)"),
            "models.plans.imports:PlanActionSteps",
            max_bytes=64 * MIB,
            max_rows=20_000,  # a plan has tens to a few hundred actions
            max_columns=100,
            options=(
                Option(
                    "plan",
                    "--plan",
                    QT_TRANSLATE_NOOP("ImportDialog", "Plan code"),
                    QT_TRANSLATE_NOOP(
                        "CommandLine",
                        "the code of the plan whose latest version takes the actions "
                        "(they replace its structured content)",
                    ),
                    metavar="CODE",
                    placeholder=QT_TRANSLATE_NOOP("ImportDialog", "Such as ZX-01"),
                ),
            ),
        ),
        ImportKind(
            "warehouses",
            QT_TRANSLATE_NOOP("ImportDialog", "Supply warehouses (code, name, level, location)"),
            "models.supplies.imports:WarehouseSteps",
            options=(
                _crs_option(
                    "wgs84",
                    from_file=False,
                    help=QT_TRANSLATE_NOOP(
                        "CommandLine",
                        "coordinate system of the warehouses' longitude and latitude: wgs84, "
                        "cgcs2000, gcj02 or bd09 (default wgs84)",
                    ),
                ),
            ),
            max_bytes=64 * MIB,
            max_rows=20_000,  # a county has a few hundred warehouses and village stores
            max_columns=100,
        ),
        ImportKind(
            "items",
            QT_TRANSLATE_NOOP("ImportDialog", "Supply catalogue (code, name, category, unit)"),
            "models.supplies.imports:ItemSteps",
            max_bytes=64 * MIB,
            max_rows=50_000,  # a county's catalogue: a few hundred items
            max_columns=100,
        ),
        ImportKind(
            "stock",
            QT_TRANSLATE_NOOP("ImportDialog", "Opening stock (warehouse, item, quantity, dates)"),
            "models.supplies.imports:StockSteps",
            max_bytes=128 * MIB,
            max_rows=200_000,  # every batch of every warehouse: tens of thousands at most
            max_columns=100,
        ),
        ImportKind(
            "teams",
            QT_TRANSLATE_NOOP("ImportDialog", "Rescue teams"),
            "models.teams.imports.teams:TeamSteps",
            max_bytes=64 * MIB,
            max_rows=50_000,  # a county has hundreds of teams
            max_columns=200,
            options=(
                _crs_option(
                    "wgs84",
                    from_file=False,
                    help=QT_TRANSLATE_NOOP(
                        "CommandLine",
                        "coordinate system of the bases' longitude and latitude: wgs84, "
                        "cgcs2000, gcj02 (Amap, Tencent) or bd09 (Baidu) (default wgs84)",
                    ),
                ),
            ),
        ),
        ImportKind(
            "members",
            QT_TRANSLATE_NOOP("ImportDialog", "Team members (roster)"),
            "models.teams.imports.members:MemberSteps",
            max_bytes=64 * MIB,  # 30,000 rows as .xlsx: about 4 MB
            max_rows=200_000,  # a county lists about 15,000 rescuers
            max_columns=200,
            options=(
                Option(
                    "team",
                    "--team",
                    QT_TRANSLATE_NOOP("ImportDialog", "Team"),
                    QT_TRANSLATE_NOOP(
                        "CommandLine",
                        "the team the roster belongs to, when neither its title nor a "
                        "所属队伍 column names it",
                    ),
                    metavar="NAME",
                    placeholder=QT_TRANSLATE_NOOP(
                        "ImportDialog", "Optional: else from the title or the 所属队伍 column"
                    ),
                ),
            ),
        ),
        ImportKind(
            "experts",
            QT_TRANSLATE_NOOP("ImportDialog", "Expert pool"),
            "models.teams.imports.experts:ExpertSteps",
            max_bytes=64 * MIB,
            max_rows=20_000,  # a county's pool holds tens of experts
            max_columns=200,
        ),
        ImportKind(
            "item-classes",
            QT_TRANSLATE_NOOP("ImportDialog", "GB/T 38565-2020 supply class table (code, name)"),
            "models.supplies.class_import:ItemClassSteps",
            max_bytes=64 * MIB,
            max_rows=20_000,  # the standard's table holds a few hundred classes
            max_columns=200,
        ),
    )
}
"""Every kind, in the order the dialog offers them and the command line lists them."""


def import_kinds() -> Iterator[ImportKind]:
    return iter(tuple(KINDS.values()))


def import_kind(key: str) -> ImportKind:
    """The kind named ``key``; KeyError for an unknown one (a bug: callers offer only keys)."""
    return KINDS[key]


def register(kind: ImportKind) -> None:
    """Add (or replace) a kind, for a module whose kinds live outside this file."""
    KINDS[kind.key] = kind
