"""The station side of the push: send the outbox to the central database in batches.

Threading: plain functions for a sync worker (never the GUI thread); each call opens its
own sessions. Order of work for one batch: read the oldest outbox events, apply them
centrally (one central transaction), then mark them pushed locally. A crash or a dropped
connection between the central commit and the local mark leaves them in the outbox; the
next push resends them and the central side counts them as duplicates (app.sync.central),
so nothing is applied twice and nothing is lost.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session, sessionmaker

from app.store.db import transaction
from app.store.events import mark_pushed, outbox_length, outbox_rows
from app.store.models import SyncState
from app.sync.central import EventIn, apply_batch


DEFAULT_BATCH = 2000  # events per central transaction
INCARNATION = "incarnation"  # local sync_state name: this local database's identity


def incarnation(local_factory: sessionmaker[Session]) -> str:
    """This local database's incarnation id (a uuid4), created on first use.

    A recreated local database gets a new one, so the central database knows its seqs
    restarted at 1 (app.sync.central._check_incarnation). Two pushers of the same file
    agree on it: the insert does nothing if the other one created it first.
    """
    table = SyncState.__table__
    with transaction(local_factory) as session:
        value = session.execute(select(table.c.value).where(table.c.name == INCARNATION)).scalar_one_or_none()
        if value is None:
            session.execute(
                sqlite.insert(table).values(name=INCARNATION, value=str(uuid.uuid4()))
                .on_conflict_do_nothing(index_elements=["name"])
            )
            value = session.execute(select(table.c.value).where(table.c.name == INCARNATION)).scalar_one()
    return value


@dataclass(frozen=True)
class PushResult:
    sent: int  # events sent in this call (applied + duplicates)
    duplicates: int  # of those, the ones the central database already had
    remaining: int  # events still waiting in the outbox afterwards


def push_once(
    local_factory: sessionmaker[Session],
    central_factory: sessionmaker[Session],
    station: str,
    *,
    batch: int = DEFAULT_BATCH,
) -> PushResult:
    """Push the oldest ``batch`` outbox events. Raises the central database's error as is
    (the caller retries with app.sync.backoff.Backoff); the outbox is then unchanged."""
    with local_factory() as session:
        events = [EventIn.from_row(row) for row in outbox_rows(session, batch)]
    if not events:
        with local_factory() as session:
            return PushResult(0, 0, outbox_length(session))
    result = apply_batch(central_factory, station, events, incarnation=incarnation(local_factory))
    with transaction(local_factory) as session:
        mark_pushed(session, [e.id for e in events])
        remaining = outbox_length(session)
    return PushResult(len(events), result.duplicates, remaining)


def push_all(
    local_factory: sessionmaker[Session],
    central_factory: sessionmaker[Session],
    station: str,
    *,
    batch: int = DEFAULT_BATCH,
) -> PushResult:
    """Push batches until the outbox is empty; totals over all batches.

    Events recorded while it runs are pushed too. An error stops it with the batches
    already pushed kept; calling it again carries on where it stopped.
    """
    sent = duplicates = 0
    while True:
        result = push_once(local_factory, central_factory, station, batch=batch)
        sent += result.sent
        duplicates += result.duplicates
        if result.sent == 0 or result.remaining == 0:
            return PushResult(sent, duplicates, result.remaining)
