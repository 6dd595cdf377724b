"""The station's own stock of SSCC serial references: blocks from the central database, used offline.

A station that may lose the central database holds blocks of serial references
(app.sync.sscc.allocate_block hands them out) in its local SQLite ``sscc_pool`` table and
numbers its parcels from them, one at a time, oldest block first. The pull never touches
this table (it is not in app.sync.capture.CAPTURED), and no other station ever gets the
same block, so numbers taken here are unique across the warehouse.

Never twice, even across a crash: ``take_next`` moves the block's ``next_serial`` and
COMMITS (SQLite ``synchronous=FULL``: on disk) before it returns the SSCC. A label printed
with it is printed after that commit; a crash in between loses a number (a gap), never
reuses one. ``BEGIN IMMEDIATE`` takes the write lock before the read, so two writers on the
same file (the GUI's worker and a `quai label` command) cannot read the same next serial.

Only the blocks of the current settings (extension digit, company prefix) are used: blocks
taken under an earlier configuration stay in the table, unused.

The central-worker job that keeps the pool full (wired by the GUI/sync side):
``if needs_refill(session, settings): add_block(session, allocate_block(central, station, settings))``.

Threading: plain blocking calls on a Session of the station's database, no Qt; run them
in a worker, never on the GUI thread (a commit waits for the disk).
"""

from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session

from app.domain.events import utc_now
from app.domain.sscc import Block, SsccSettings, build_sscc
from app.store.models import SsccPoolBlock


class SsccPoolEmpty(RuntimeError):
    """The station has no serial reference left for its SSCC settings."""

    def __init__(self, settings: SsccSettings) -> None:
        self.settings = settings
        super().__init__(
            "no SSCC numbers left on this station: reconnect it to the central database "
            f"(it then fetches a new block; extension digit {settings.extension_digit}, "
            f"company prefix {settings.company_prefix})"
        )


class OpenTransaction(RuntimeError):
    """A committing pool function was called on a session that has a transaction open."""


def add_block(session: Session, block: Block) -> bool:
    """Store ``block`` (from app.sync.sscc.allocate_block) in the pool and commit.

    Idempotent: adding the same block again changes nothing and returns False. Call it
    with no transaction open on ``session`` (OpenTransaction otherwise).
    """
    _begin_immediate(session, "add_block")
    try:
        added = session.execute(
            sqlite.insert(SsccPoolBlock)
            .values(
                extension_digit=block.extension_digit,
                company_prefix=block.company_prefix,
                first_serial=block.first,
                last_serial=block.last,
                next_serial=block.first,
                added_at=utc_now(),
            )
            .on_conflict_do_nothing(index_elements=["extension_digit", "company_prefix", "first_serial"])
        ).rowcount
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return added == 1


def take_next(session: Session, settings: SsccSettings) -> str:
    """The next SSCC from the pool, already committed as used when it is returned.

    Call it with no transaction open on ``session`` (OpenTransaction otherwise). Raises
    SsccPoolEmpty when no block of ``settings`` has a number left.
    """
    _begin_immediate(session, "take_next")
    try:
        sscc = reserve_next(session, settings)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return sscc


def reserve_next(session: Session, settings: SsccSettings) -> str:
    """The next SSCC, taken in the caller's transaction (the caller commits).

    For a caller that stores the SSCC with its parcel in one transaction: the number is
    used if and only if that transaction commits; print the label only after the commit.
    On SQLite, begin the transaction with ``BEGIN IMMEDIATE`` (or write before calling)
    so that no other writer reads the same next serial in between.
    """
    row = session.execute(
        select(SsccPoolBlock.id, SsccPoolBlock.next_serial)
        .where(_matching(settings), SsccPoolBlock.next_serial <= SsccPoolBlock.last_serial)
        .order_by(SsccPoolBlock.id)
        .limit(1)
    ).first()
    if row is None:
        raise SsccPoolEmpty(settings)
    block_id, serial = row
    moved = session.execute(
        update(SsccPoolBlock)
        .where(SsccPoolBlock.id == block_id, SsccPoolBlock.next_serial == serial)
        .values(next_serial=serial + 1)
    ).rowcount
    if moved != 1:  # only without the write lock: another writer took it in between
        raise RuntimeError("the SSCC pool changed under this transaction: begin it with BEGIN IMMEDIATE")
    return build_sscc(settings, serial)


def remaining(session: Session, settings: SsccSettings | None = None) -> int:
    """Serial references left in the pool: for ``settings`` (extension digit and company
    prefix), or in every block with None. Opens no transaction on ``session``."""
    query = select(func.coalesce(func.sum(SsccPoolBlock.last_serial - SsccPoolBlock.next_serial + 1), 0)).where(
        SsccPoolBlock.next_serial <= SsccPoolBlock.last_serial
    )
    if settings is not None:
        query = query.where(_matching(settings))
    if session.in_transaction():
        return int(session.execute(query).scalar_one())  # what the caller's transaction sees
    # Read on a connection of its own, so the session is left with no transaction open: the
    # caller can go on with add_block / take_next (and the read does not pin a WAL snapshot).
    with session.get_bind().connect() as connection:
        return int(connection.execute(query).scalar_one())


def needs_refill(session: Session, settings: SsccSettings) -> bool:
    """Whether fewer than ``settings.low_water`` numbers are left: time to fetch a block.
    Opens no transaction on ``session``."""
    return remaining(session, settings) < settings.low_water


def _matching(settings: SsccSettings):
    return (SsccPoolBlock.extension_digit == settings.extension_digit) & (
        SsccPoolBlock.company_prefix == settings.company_prefix
    )


def _begin_immediate(session: Session, what: str) -> None:
    if session.in_transaction():
        raise OpenTransaction(
            f"{what} commits its own transaction: call it on a session with none open "
            "(commit or roll back first, or use reserve_next inside a transaction)"
        )
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        # Nothing emitted yet (pysqlite begins lazily): the write lock before the first read.
        connection.exec_driver_sql("BEGIN IMMEDIATE")
