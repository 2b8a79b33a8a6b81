"""``import households``: a village's transfer list (行政村危险区人员转移清单).

The standard Zhejiang list, one row per household, with exactly the columns of
DOMAIN.md (序号 ... 备注; the two groups of three may sit under merged group
headers 责任人 / 预警责任人) and our optional extra columns after 备注 (网格, 老人,
残疾, 卧床, 儿童, 孕妇). Read from .xlsx or .xls (python-calamine, which also gives
the merged header cells), validated, reported, and written all or nothing.

Which village: ``village_code``, else the title above the header
(``某某镇某某村危险区人员转移清单``): the village names found in it, narrowed by a
town name found in it; none or several is a refusal. Which year: ``year``, else
a year in the title (``2026年``), else this year.

Matching a re-imported list: a row is the household of the same village and
year with the same householder name and mobile; failing that, the one household
of that name in the same danger zone that no other row matched (a changed
mobile). Matched households keep their card code and are updated; the others
are inserted with new codes; households missing from the file are left as they
are. A masked mobile (139****5678, as in a masked export) is accepted for a
matched household whose stored number masks to the same, and keeps that number.

The columns 类别, 有无安全鉴定, 避灾场所管理员 and its mobile describe the danger
zone and the shelter, which come from the geography register; they are written by
the export and not read back. Coordinates are converted from GCJ-02 or BD-09
only when ``crs`` says so.

The steps, one module each: ``columns`` (the list's columns and words),
``village`` (the register the file refers to), ``rows`` and ``parser`` (rows to
households, column by column), ``checks`` (county and matching across rows),
``importer`` (``import_households`` and ``HouseholdSteps``, the framework's steps:
validation in blocks and the write).

Import rule: callers import the public names from the package (``from
models.imports.households import import_households``), which re-exports them;
names with a leading underscore belong to the package's modules.
"""

from __future__ import annotations

from models.imports.households.columns import COLUMNS, EXTRA_COLUMNS, TEMPLATE_COLUMNS
from models.imports.households.importer import HouseholdSteps, import_households
from models.imports.households.village import village_from_title, year_from_title
from models.imports.problems import ImportProblem

__all__ = [
    "COLUMNS",
    "EXTRA_COLUMNS",
    "TEMPLATE_COLUMNS",
    "HouseholdSteps",
    "ImportProblem",
    "import_households",
    "village_from_title",
    "year_from_title",
]
