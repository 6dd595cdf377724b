from __future__ import annotations

import pytest
from sqlalchemy import Engine

from app.store.db import session_factory
from tests.imports.helpers import seed_catalogue


@pytest.fixture
def factory(sqlite_engine: Engine):
    return session_factory(sqlite_engine)


@pytest.fixture
def stocked(factory):
    """A SQLite database with the small catalogue, locations and stock."""
    seed_catalogue(factory)
    return factory


@pytest.fixture
def any_stocked(any_engine: Engine):
    """The small catalogue, locations and stock, on SQLite and on PostgreSQL."""
    factory = session_factory(any_engine)
    seed_catalogue(factory)
    return factory
