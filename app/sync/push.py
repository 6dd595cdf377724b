"""The station side of the push: send the outbox to the central database in batches.

Threading: plain functions for a sync worker (never the GUI thread); each call opens its
own sessions, and push_all runs the local side of its pipeline in one helper thread of its
own (see push_all). Order of work for one batch: read the oldest outbox events, apply them
centrally (one central transaction), then mark them pushed locally. A crash or a dropped
connection between the central commit and the local mark leaves them in the outbox; the
next push resends them and the central side counts them as duplicates (app.sync.central),
so nothing is applied twice and nothing is lost.
"""

from __future__ import annotations

import uuid
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session, sessionmaker

from app.store.db import transaction
from app.store.events import mark_pushed_seqs, outbox_after, outbox_length
from app.store.models import SyncState
from app.sync.central import EventIn, apply_batch


DEFAULT_BATCH = 2000  # events per central transaction (push_once; push_all's first batch)
MAX_BATCH = 10_000  # push_all's adaptive batches grow up to this while the outbox is backlogged
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
    # Orders whose pushed event's effect the central database did not apply (each once, in
    # order; app.sync.central.ApplyResult.not_applied): the station's copy of them may differ
    # from the central one, so it must read them again from the central database.
    not_applied: tuple[str, ...] = ()


def _utc(value: str | datetime) -> datetime:
    """An outbox ``occurred_at`` as stored (naive UTC text on SQLite) to an aware datetime,
    as app.store.types.UtcDateTime would return it."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _read(local_factory: sessionmaker[Session], after_seq: int, limit: int) -> list[EventIn]:
    """The next ``limit`` outbox events after ``after_seq``, ready to send (payload undecoded)."""
    with local_factory() as session:
        rows = outbox_after(session, after_seq, limit)
    return [EventIn(id_, seq, _utc(at), actor, kind, number, None, payload)
            for seq, id_, at, actor, kind, number, payload in rows]


def _mark(local_factory: sessionmaker[Session], events: list[EventIn]) -> None:
    """Mark ``events`` pushed: only ever called once their central transaction committed."""
    with transaction(local_factory) as session:
        mark_pushed_seqs(session, [e.origin_seq for e in events])


def _remaining(local_factory: sessionmaker[Session]) -> int:
    with local_factory() as session:
        return outbox_length(session)


def push_once(
    local_factory: sessionmaker[Session],
    central_factory: sessionmaker[Session],
    station: str,
    *,
    batch: int = DEFAULT_BATCH,
) -> PushResult:
    """Push the oldest ``batch`` outbox events. Raises the central database's error as is
    (the caller retries with app.sync.backoff.Backoff); the outbox is then unchanged."""
    events = _read(local_factory, 0, batch)
    if not events:
        return PushResult(0, 0, _remaining(local_factory))
    result = apply_batch(central_factory, station, events, incarnation=incarnation(local_factory))
    _mark(local_factory, events)
    return PushResult(len(events), result.duplicates, _remaining(local_factory), result.not_applied)


def _settle(marks: list[Future[None]]) -> None:
    """Drop the finished marks from ``marks``; raise the error of a failed one (its events
    stay in the outbox and are resent later, as duplicates)."""
    pending = []
    for mark in marks:
        if mark.done():
            mark.result()
        else:
            pending.append(mark)
    marks[:] = pending


def push_all(
    local_factory: sessionmaker[Session],
    central_factory: sessionmaker[Session],
    station: str,
    *,
    batch: int | None = None,
) -> PushResult:
    """Push batches until the outbox is empty; totals over all batches.

    ``batch`` fixes the number of events per central transaction. Without it the batches
    adapt: DEFAULT_BATCH first, then, while batches come back full (a backlog), twice the
    last one up to MAX_BATCH: fewer central transactions (each pays its round trips and
    its commit's WAL flush) for a long outbox, small ones for the usual trickle.

    Events recorded while it runs are pushed too. An error stops it with the batches
    already pushed kept (marked); calling it again carries on where it stopped.

    Pipelined: one helper thread does the local work (read the next batch, mark the last
    one pushed) while this thread applies the current batch centrally. The helper runs its
    jobs one at a time in the order given, and a batch's mark is handed to it only after
    its central transaction committed, so the guarantees of push_once hold: a crash at
    any point leaves at most committed-but-unmarked batches, which are resent as
    duplicates. Batches are read by seq (``outbox_after``), so reading batch k+1 does not
    wait for the mark of batch k.
    """
    sent = duplicates = 0
    not_applied: dict[str, None] = {}  # an ordered set
    marks: list[Future[None]] = []
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="quai-push-local") as local:
        try:
            identity = local.submit(incarnation, local_factory).result()
            after = 0
            size = batch or DEFAULT_BATCH
            while True:
                next_read = local.submit(_read, local_factory, after, size)
                events = next_read.result()
                while events:
                    if batch is None and len(events) == size:
                        size = min(2 * size, MAX_BATCH)
                    # Prefetch the next batch while this one goes to the central database.
                    next_read = local.submit(_read, local_factory, events[-1].origin_seq, size)
                    _settle(marks)
                    result = apply_batch(central_factory, station, events, incarnation=identity)
                    marks.append(local.submit(_mark, local_factory, events))
                    sent += len(events)
                    duplicates += result.duplicates
                    not_applied.update(dict.fromkeys(result.not_applied))
                    after = events[-1].origin_seq
                    events = next_read.result()
                for done in marks:
                    done.result()
                remaining = local.submit(_remaining, local_factory).result()
                if remaining == 0:
                    return PushResult(sent, duplicates, 0, tuple(not_applied))
                # Left behind: events below ``after`` that were not marked (a concurrent
                # pusher's batch, say): start again from the oldest waiting event.
                if after == 0:
                    return PushResult(sent, duplicates, remaining, tuple(not_applied))
                after = 0
        except BaseException:
            # Let every mark already handed over finish (their batches are committed), so
            # an error leaves as little as possible to resend; raise the first error.
            for done in marks:
                done.exception()
            raise
