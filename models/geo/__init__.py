"""Pure geometry the domain needs: coordinate systems and their transforms.

It sits below the domain modules so that imports of real files convert
coordinates without reaching into ``maps/``; it imports nothing of the project
but itself. Callers import from the submodules (``models.geo.crs``,
``models.geo.projections``).
"""

from __future__ import annotations
