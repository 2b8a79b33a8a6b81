"""``import boundaries|grids|danger-zones|shelters``: the county's map data from GIS files.

Files come from the county GIS office (Shapefiles, loose or zipped, their .dbf
text in GBK or UTF-8, often in a CGCS2000 Gauss-Krüger projection), from web
tools (GeoJSON) or from villages (CSV/Excel with longitude and latitude, for
shelters and hazard points). Coordinates are converted to WGS84 longitude-
latitude (``models.geo.projections``) from the system stated by the caller, else the
Shapefile's .prj or the GeoJSON ``crs`` member, else WGS84.

Boundaries give existing divisions (county, towns, villages, matched by code)
their outline. Grids and danger zones are inserted or updated by code, shelters
by village and name; a value left blank in the file keeps what is stored.
Parse -> validate -> report -> write all or nothing in a savepoint, as every
import does. A problem names the layer (as the sheet), the feature number
counted from 1 (the Excel row for spreadsheets) as the row, the attribute as
the column, and the feature's code and name in its reason.

The steps, one module each: ``columns`` (what each kind reads), ``features`` and
``readers`` (a file to features: ``geojson``, ``shapefile``, ``points`` for
CSV/Excel), ``shapes`` (types and repair), ``coordinates`` (conversion and the
checks of place), ``rows`` (attributes per kind), ``writer`` (compare and write),
``importer`` (``import_gis`` and ``GisSteps``, the framework's steps made of those).

Import rule: callers import the public names from the package (``from
models.imports.gis import import_gis``), which re-exports them; names with a
leading underscore belong to the package's modules.
"""

from __future__ import annotations

from models.imports.gis.columns import KINDS
from models.imports.gis.importer import GisSteps, import_gis

__all__ = ["KINDS", "GisSteps", "import_gis"]
