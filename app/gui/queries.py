"""What the station screens read from and write to the replica. No Qt here.

Every function takes a ``sessionmaker`` and runs in the replica worker's thread
(app.gui.workers): it returns plain frozen dataclasses, safe to hand to the GUI thread.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from app.domain.events import USER_LOGGED_IN, USER_LOGGED_OUT
from app.domain.roles import Role
from app.domain.status import OrderStatus
from app.gui.data import CENTRAL_EMBEDDED, CENTRAL_OFFLINE, CENTRAL_ONLINE, OrderSummary, Overview, Queue, UserInfo
from app.store.db import make_engine, session_factory, transaction
from app.store.events import outbox_length, record
from app.store.models import Order, OrderLine
from app.store.users import find_by_badge

NEXT_ORDERS = 5


class ReplicaContext:
    """The replica's engine, created and used in the replica worker's thread only.

    Its methods are the jobs the screens submit: ``worker.submit(lambda ctx: ctx.lookup_badge(b))``.
    """

    def __init__(self, url: str) -> None:
        self.engine = make_engine(url)
        self.sessions = session_factory(self.engine)

    def lookup_badge(self, badge: str) -> UserInfo | None:
        return lookup_badge(self.sessions, badge)

    def record_login(self, user: UserInfo, role: str, station: str) -> None:
        record_login(self.sessions, user, role, station)

    def record_logout(self, user: UserInfo, role: str, station: str, reason: str) -> None:
        record_logout(self.sessions, user, role, station, reason)

    def outbox_size(self) -> int:
        return outbox_size(self.sessions)

    def queue(self, status: str) -> Queue:
        return queue(self.sessions, OrderStatus(status))

    def overview(self) -> Overview:
        return overview(self.sessions)

    def close(self) -> None:
        self.engine.dispose()


def lookup_badge(sessions: sessionmaker[Session], badge: str) -> UserInfo | None:
    with sessions() as session:
        user = find_by_badge(session, badge)
        if user is None:
            return None
        order = [r.value for r in Role]
        roles = tuple(sorted((r for r in user.role_set if r in order), key=order.index))
        return UserInfo(name=user.name, badge=user.badge, roles=roles)


def record_login(sessions: sessionmaker[Session], user: UserInfo, role: str, station: str) -> None:
    with transaction(sessions) as session:
        record(session, USER_LOGGED_IN, {"name": user.name, "role": role}, station=station, actor=user.badge)


def record_logout(sessions: sessionmaker[Session], user: UserInfo, role: str, station: str, reason: str) -> None:
    with transaction(sessions) as session:
        record(
            session, USER_LOGGED_OUT, {"name": user.name, "role": role, "reason": reason}, station=station, actor=user.badge
        )


def outbox_size(sessions: sessionmaker[Session]) -> int:
    with sessions() as session:
        return outbox_length(session)


def queue(sessions: sessionmaker[Session], status: OrderStatus, limit: int = NEXT_ORDERS) -> Queue:
    with sessions() as session:
        count = session.scalar(select(func.count()).select_from(Order).where(Order.status == status.value)) or 0
        lines = (
            select(
                OrderLine.order_id,
                func.count().label("lines"),
                func.coalesce(func.sum(OrderLine.quantity), 0).label("units"),
            )
            .where(OrderLine.requires_shipping.is_(True))
            .group_by(OrderLine.order_id)
            .subquery()
        )
        rows = session.execute(
            select(Order, func.coalesce(lines.c.lines, 0), func.coalesce(lines.c.units, 0))
            .outerjoin(lines, lines.c.order_id == Order.id)
            .where(Order.status == status.value)
            # Orders without a cutoff go last: SQLite and PostgreSQL disagree on NULL ordering.
            .order_by(Order.cutoff_at.is_(None), Order.cutoff_at, Order.priority.desc(), Order.number)
            .limit(limit)
        ).all()
        summaries = tuple(
            OrderSummary(
                number=o.number,
                customer=o.ship_name or o.customer_name,
                cutoff_at=o.cutoff_at,
                lines=int(n),
                units=int(u),
                priority=o.priority,
            )
            for o, n, u in rows
        )
        return Queue(count=count, next=summaries)


def overview(sessions: sessionmaker[Session]) -> Overview:
    with sessions() as session:
        rows = session.execute(select(Order.status, func.count()).group_by(Order.status)).all()
    counts = {s.value: 0 for s in OrderStatus}
    for status, n in rows:
        counts[status] = counts.get(status, 0) + int(n)
    return Overview(counts=counts)


# --- the central database: only pinged, never written from the GUI --------------------------------

class CentralContext:
    """A probe of the central database, created in the central worker's thread."""

    def __init__(self, url: str) -> None:
        self.url = url
        parsed = make_url(url)
        self.embedded = parsed.get_backend_name() == "sqlite"
        self._sqlite_path = parsed.database if self.embedded else None
        self._engine = None

    def ping(self) -> str:
        if self.embedded:
            return CENTRAL_EMBEDDED if self._ping_sqlite() else CENTRAL_OFFLINE
        try:
            if self._engine is None:
                self._engine = make_engine(self.url, connect_args={"connect_timeout": 3})
            with self._engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except Exception:
            return CENTRAL_OFFLINE
        return CENTRAL_ONLINE

    def _ping_sqlite(self) -> bool:
        # Read-only URI: a ping must never create an empty central file.
        if not self._sqlite_path or not Path(self._sqlite_path).exists():
            return False
        try:
            connection = sqlite3.connect(f"file:{self._sqlite_path}?mode=ro", uri=True, timeout=3)
            try:
                connection.execute("SELECT 1").fetchone()
            finally:
                connection.close()
        except sqlite3.Error:
            return False
        return True

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
