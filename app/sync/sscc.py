"""SSCC serial references handed out by the central database: one counter, never a number twice.

The central database keeps one counter per (extension digit, GS1 company prefix)
(``sscc_counters``) and logs every block it hands out (``sscc_blocks``: which station got
which serial references, when). A station takes a block with ``allocate_block`` and labels
from it offline (app.store.sscc_pool); a tool that talks to the central database directly
(``quai label shipping ORDER --db <central>``) takes single numbers with ``allocate_one``.
``refill_pool`` is the station's central-worker job that keeps its pool above low water.

Never twice:
- one transaction reads the counter, moves it past the block and logs the block, with the
  counter locked from the read on: PostgreSQL ``SELECT … FOR UPDATE`` (a second station
  waits for the first one's commit, then reads the moved counter); SQLite ``BEGIN
  IMMEDIATE`` (the database's write lock before the read; ``busy_timeout`` bounds the wait);
- the counter row is created on first use by ``INSERT … ON CONFLICT DO NOTHING``, so two
  first users do not collide;
- triggers (migration 0005) refuse to move a counter back or delete it, whoever tries.
A block handed out but never used (its station crashed before storing it) is a gap in the
numbering, never a reuse: SSCCs need not be consecutive.

On PostgreSQL a station does this as its own restricted role (app.sync.roles): it may read
and move the counters and log blocks under its own name only.

Threading: plain blocking calls, no Qt; the GUI runs them in its central worker.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, sessionmaker

from app.domain.events import utc_now
from app.domain.sscc import FIRST_SERIAL, Block, SsccSettings, build_sscc
from app.store.models import SsccBlock, SsccCounter
from app.store.sscc_pool import add_block, needs_refill

Central = Engine | sessionmaker[Session] | Session


class SsccExhausted(RuntimeError):
    """Every serial reference of this extension digit and company prefix has been handed out."""

    def __init__(self, settings: SsccSettings) -> None:
        self.settings = settings
        super().__init__(
            f"no SSCC serial reference left for extension digit {settings.extension_digit} and GS1 company "
            f"prefix {settings.company_prefix} (all {settings.max_serial - FIRST_SERIAL + 1} have been used): "
            "set another extension digit ([labels] sscc_extension) or the new company prefix GS1 gave you "
            "([labels] gs1_company_prefix)"
        )


def allocate_block(central: Central, station: str, settings: SsccSettings, size: int | None = None) -> Block:
    """Hand ``station`` the next ``size`` serial references (``settings.block_size`` by default).

    ``central``: an Engine or a sessionmaker (one transaction of its own, committed before
    this returns) or a Session (the caller's transaction: the caller commits, and a rollback
    hands nothing out; on SQLite pass it with no transaction begun, so that allocate_block
    begins it with BEGIN IMMEDIATE and holds the write lock before its read).
    Near the end of the range the block is shorter (whatever is left); with nothing left,
    SsccExhausted. Never hands out a number twice (see the module docstring).
    """
    size = settings.block_size if size is None else size
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        raise ValueError(f"an SSCC block holds at least 1 serial reference, not {size!r}")
    if not station or len(station) > 64:
        raise ValueError(f"station name {station!r}: expected 1 to 64 characters")
    with _write_transaction(central) as session:
        return _allocate(session, station, settings, size)


def allocate_one(central: Central, station: str, settings: SsccSettings) -> str:
    """One SSCC straight from the central database (a block of one, logged for ``station``)."""
    block = allocate_block(central, station, settings, 1)
    return build_sscc(settings, block.first)


def refill_pool(
    central: Central, local: Engine | sessionmaker[Session], station: str, settings: SsccSettings
) -> Block | None:
    """The central worker's job: when the station's pool (``local``, its SQLite database) is
    below ``settings.low_water``, take one block from the central database and store it.

    Returns the block added, or None when the pool had enough. A central database that
    cannot be reached raises its error and leaves the pool as it was (try again later). A
    crash between the two commits loses the block (a gap in the numbering, never a reuse).
    """
    with (local() if isinstance(local, sessionmaker) else Session(local, expire_on_commit=False)) as session:
        if not needs_refill(session, settings):
            return None
        block = allocate_block(central, station, settings)
        add_block(session, block)
        return block


def _allocate(session: Session, station: str, settings: SsccSettings, size: int) -> Block:
    key = (SsccCounter.extension_digit == settings.extension_digit) & (
        SsccCounter.company_prefix == settings.company_prefix
    )
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    now = utc_now()
    session.execute(
        insert(SsccCounter)
        .values(
            extension_digit=settings.extension_digit,
            company_prefix=settings.company_prefix,
            next_serial=FIRST_SERIAL,
            updated_at=now,
        )
        .on_conflict_do_nothing(index_elements=["extension_digit", "company_prefix"])
    )
    query = select(SsccCounter.next_serial).where(key)
    if dialect == "postgresql":
        query = query.with_for_update()  # SQLite: BEGIN IMMEDIATE already holds the write lock
    first = session.execute(query).scalar_one()
    if first > settings.max_serial:
        raise SsccExhausted(settings)
    last = min(first + size - 1, settings.max_serial)
    session.execute(update(SsccCounter).where(key).values(next_serial=last + 1, updated_at=now))
    session.add(
        SsccBlock(
            station=station,
            extension_digit=settings.extension_digit,
            company_prefix=settings.company_prefix,
            first_serial=first,
            last_serial=last,
            issued_at=now,
        )
    )
    session.flush()
    return Block(first, last, settings.extension_digit, settings.company_prefix)


@contextmanager
def _write_transaction(central: Central) -> Iterator[Session]:
    if isinstance(central, Session):
        if central.get_bind().dialect.name == "sqlite" and not central.in_transaction():
            central.connection().exec_driver_sql("BEGIN IMMEDIATE")
        yield central  # the caller's transaction: the caller commits or rolls back
        return
    session = central() if isinstance(central, sessionmaker) else Session(central, expire_on_commit=False)
    with session:
        if session.get_bind().dialect.name == "sqlite":
            # Nothing emitted yet (pysqlite begins lazily): this BEGIN is the transaction's start.
            session.connection().exec_driver_sql("BEGIN IMMEDIATE")
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
