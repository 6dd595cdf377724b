"""Writing and reading the event log (audit trail and outbox).

Events are added to the caller's session, so a change of state and its event
commit together or not at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Text, func, select, type_coerce, update
from sqlalchemy.orm import Session

from app.domain.events import EventRecord, utc_now
from app.store.models import Event


def record(
    session: Session,
    kind: str,
    payload: dict,
    *,
    station: str,
    actor: str | None = None,
    order_number: str | None = None,
) -> Event:
    rec = EventRecord(kind=kind, payload=payload, station=station, user=actor)
    return add_record(session, rec, order_number=order_number)


def add_record(session: Session, rec: EventRecord, *, order_number: str | None = None) -> Event:
    event = Event(
        id=rec.id,
        occurred_at=rec.occurred_at,
        station=rec.station,
        actor=rec.user,
        kind=rec.kind,
        order_number=order_number if order_number is not None else rec.payload.get("order"),
        payload=rec.payload,
    )
    session.add(event)
    return event


def outbox(session: Session, limit: int = 500) -> Sequence[Event]:
    """Events not yet pushed to the central database, oldest first."""
    return session.scalars(select(Event).where(Event.pushed_at.is_(None)).order_by(Event.seq).limit(limit)).all()


_OUTBOX_AFTER = (
    "SELECT seq, id, occurred_at, actor, kind, order_number, payload FROM events "
    "WHERE pushed_at IS NULL AND seq > ? ORDER BY seq LIMIT ?"
)


def outbox_after(session: Session, after_seq: int, limit: int) -> list[tuple]:
    """The oldest ``limit`` outbox events with a seq above ``after_seq``: the push's read.

    Plain tuples (seq, id, occurred_at, actor, kind, order_number, payload) straight from
    the driver, no per-row processing: on SQLite (a station's store) ``occurred_at`` is the
    stored text (naive UTC, see app.store.types.UtcDateTime) and ``payload`` the stored JSON
    text. The ``seq`` bound lets a pusher read the next batch before the current one is
    marked pushed. Served by the index on (pushed_at, seq).
    """
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        return connection.connection.driver_connection.execute(_OUTBOX_AFTER, (after_seq, limit)).fetchall()
    c = Event.__table__.c  # not a station store: the same through Core, values as stored
    return [tuple(row) for row in session.execute(
        select(c.seq, c.id, c.occurred_at, c.actor, c.kind, c.order_number, type_coerce(c.payload, Text))
        .where(c.pushed_at.is_(None), c.seq > after_seq)
        .order_by(c.seq)
        .limit(limit)
    )]


def outbox_length(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Event).where(Event.pushed_at.is_(None))) or 0


def mark_pushed(session: Session, event_ids: Sequence[str], when: datetime | None = None) -> None:
    if event_ids:
        table = Event.__table__  # Core: no ORM session synchronisation for a bulk mark
        session.execute(update(table).where(table.c.id.in_(event_ids)).values(pushed_at=when or utc_now()))


def mark_pushed_seqs(session: Session, seqs: Sequence[int], when: datetime | None = None) -> int:
    """Mark the events of ``seqs`` (ascending, as read by ``outbox_after``) pushed; return
    how many were still waiting. A contiguous run is one range UPDATE (no list of
    parameters to bind); otherwise by ``seq IN``, in chunks."""
    if not seqs:
        return 0
    table = Event.__table__
    values = {"pushed_at": when or utc_now()}
    first, last = seqs[0], seqs[-1]
    if last - first + 1 == len(seqs):
        where = (table.c.seq.between(first, last), table.c.pushed_at.is_(None))
        return session.execute(update(table).where(*where).values(values)).rowcount
    marked = 0
    for start in range(0, len(seqs), _MARK_CHUNK):
        chunk = seqs[start:start + _MARK_CHUNK]
        marked += session.execute(
            update(table).where(table.c.seq.in_(chunk), table.c.pushed_at.is_(None)).values(values)
        ).rowcount
    return marked


_MARK_CHUNK = 900


def history(session: Session, order_number: str) -> Sequence[Event]:
    return session.scalars(select(Event).where(Event.order_number == order_number).order_by(Event.seq)).all()
