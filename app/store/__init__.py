"""Persistence: SQLAlchemy 2 models, engines, Alembic migrations and repositories.

No Qt here. Stations write their local store and its outbox (the event table);
only the sync layer talks to the central database on a station's behalf.
"""
