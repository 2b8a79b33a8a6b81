"""The rescue teams page."""
