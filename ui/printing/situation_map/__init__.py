"""The village flood situation map (村级防汛形势图), printed to PDF.

One landscape sheet (A4, or A3 for a wall): the title, the map on the left, the
legend and the table of responsible persons on the right, the making unit and
date at the bottom. The map shows the village boundary (neighbouring villages
faint), its responsibility grids, its danger zones filled in their kind's colour
(hazard points as their kind's symbol) and the shelters with names and
capacities, in the colours and symbols of the console's map (maps.layers), so
the paper matches the screen. Shelters the village sends people to that lie too
far away for the sheet are shown as arrows at the frame's edge with their
distance.

The projection is equirectangular scaled by the cosine of the central latitude
(a village is a few kilometres across: no visible distortion); the scale is
rounded to a round ratio and the scale bar measures it.

Mobiles are printed in full for roles that may see personal information (the
sheet hangs in the village's duty room; cadres call these numbers; the printout
is audited), masked for the others, as on the village transfer list.

``projection`` (what the sheet draws and where), ``symbols`` (colours and point
symbols), ``labels`` (labels that do not overlap), ``features`` (the map frame),
``legend`` (scale bar, north arrow, legend) and ``sheet`` (title, responsible
persons, footer, and ``print_situation_map``).
"""

from __future__ import annotations

from ui.printing.situation_map.legend import draw_north_arrow, draw_scale_bar
from ui.printing.situation_map.projection import (
    METRES_PER_DEGREE,
    POINTS_PER_METRE,
    distance_text,
    nice_ratio,
    scale_bar_length,
)
from ui.printing.situation_map.sheet import print_situation_map
from ui.printing.situation_map.symbols import (
    draw_edge_arrow,
    draw_shelter,
    draw_symbol,
    symbol_points,
)

__all__ = [
    "METRES_PER_DEGREE",
    "POINTS_PER_METRE",
    "distance_text",
    "draw_edge_arrow",
    "draw_north_arrow",
    "draw_scale_bar",
    "draw_shelter",
    "draw_symbol",
    "nice_ratio",
    "print_situation_map",
    "scale_bar_length",
    "symbol_points",
]
