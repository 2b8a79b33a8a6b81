"""Alembic migrations. HEAD_REVISION names the newest one, so a start with nothing to
migrate need not import Alembic; tests/models/test_database.py keeps it true."""

HEAD_REVISION = "0020"
