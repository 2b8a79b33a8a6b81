"""Pure geometry the domain needs: coordinate systems and their transforms.

It sits below the domain modules so that imports of real files convert
coordinates without reaching into ``maps/``; it imports nothing of the project
but itself. Unlike the split packages, this one re-exports nothing: callers
import from ``models.geo.crs`` (plain math) or ``models.geo.projections``
(numpy, shapely, pyproj), so that needing the first never loads the second.
"""

from __future__ import annotations
