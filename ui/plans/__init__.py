"""The contingency plans page."""
