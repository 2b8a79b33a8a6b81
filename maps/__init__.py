"""Geometry and map pages: shapely work, typhoons and folium pages (coordinate systems: models.geo).

Nothing here imports Qt widgets or ``ui``. The map issue fills this package.
"""
