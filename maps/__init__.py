"""Geometry and map pages: shapely work, coordinate systems, typhoons and folium pages.

Nothing here imports Qt widgets or ``ui``. The map issue fills this package.
"""
