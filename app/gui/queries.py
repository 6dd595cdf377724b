"""What the station screens read from and write to the replica. No Qt here.

Every function takes a ``sessionmaker`` and runs in the replica worker's thread
(app.gui.workers): it returns plain frozen dataclasses, safe to hand to the GUI thread.
"""

from __future__ import annotations

import logging
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

log = logging.getLogger(__name__)

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

    def scan_report(self, raw: str, rules) -> dict:
        """How Quai reads ``raw``, looked up in the replica (the scanner test screen)."""
        from app.scanning.report import scan_report
        from app.store.lookup import lookup

        with self.sessions() as session:
            return scan_report(raw, lambda text: lookup(session, text, rules), rules)

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


# --- the central database: pinged, and the outbox pushed to it ----------------------------------

class CentralContext:
    """The central database as the central worker sees it, created in that worker's thread.

    ``ping()`` probes it; ``sync(station)`` runs one cycle of the station's sync engine
    (push the outbox, pull the changes, renew the claims); ``listen(wake)`` starts the
    PostgreSQL wake-up. Everything is created lazily, on first use, in the central worker's
    thread (the listener has a thread of its own).
    """

    def __init__(self, url: str, replica_url: str | None = None) -> None:
        self.url = url
        self.replica_url = replica_url
        parsed = make_url(url)
        self.embedded = parsed.get_backend_name() == "sqlite"
        self._sqlite_path = parsed.database if self.embedded else None
        self._engine = None
        self._station = None  # app.sync.engine.StationEngine, made on the first sync
        self._listener = None  # app.sync.listen.ChangeListener, PostgreSQL only
        self._replica_engine = None  # the SSCC pool's refills

    def sync(self, station: str):
        """One sync cycle of the station's engine (app.sync.engine.StationEngine.cycle: push
        the outbox, pull the central changes, renew the claims); returns its CycleReport.
        Raises when the central database (or the replica) cannot be reached: the outbox,
        the replica and its cursor are then left as they were."""
        from app.sync.engine import StationEngine

        if self.replica_url is None:
            raise RuntimeError("no replica to push from")
        if self.embedded and (not self._sqlite_path or not Path(self._sqlite_path).exists()):
            # Never create an empty central file by connecting to it (make_engine would).
            raise FileNotFoundError(f"central database file not found: {self._sqlite_path}")
        return self._station_engine(station).cycle()  # disposes of the central pool itself after a failure

    def _station_engine(self, station: str):
        from app.sync.engine import StationEngine

        if self.replica_url is None:
            raise RuntimeError("no replica to sync")
        if self.embedded and (not self._sqlite_path or not Path(self._sqlite_path).exists()):
            raise FileNotFoundError(f"central database file not found: {self._sqlite_path}")
        if self._engine is None:
            self._engine = make_engine(self.url, **({} if self.embedded else {"connect_args": {"connect_timeout": 3}}))
        if self._station is None:
            self._station = StationEngine(station, self.replica_url, self.url, central_engine=self._engine)
        return self._station

    def claim_work(self, station: str, count: int, badge: str, statuses: tuple[str, ...] = ("new",)) -> list[str]:
        """Claim the ``count`` most urgent orders in ``statuses`` (app.sync.claims.claim_next:
        new ones for a pick, picked ones for packing); their numbers, most urgent first ([]
        when nothing is free)."""
        return [claim.order_number for claim in self._station_engine(station).claim(count, statuses, actor=badge)]

    def claim_order(self, station: str, number: str, badge: str, statuses: tuple[str, ...] = ("new",)) -> str:
        """Claim one order scanned by its number (in one of ``statuses``); ClaimRefused
        (app.sync.claims) says why not."""
        return self._station_engine(station).claim_order(number, actor=badge, statuses=statuses).order_number

    def release_order(self, station: str, number: str, badge: str, reason: str = "done") -> bool:
        return self._station_engine(station).release(number, reason=reason, actor=badge)

    def refill_sscc(self, station: str, settings) -> int:
        """Top up the station's SSCC pool when it runs low (app.sync.sscc.refill_pool: a block
        from the central counter, stored in the replica's pool). Returns how many serial
        references were added (0: enough left)."""
        from app.sync.sscc import refill_pool

        self._station_engine(station)  # the central engine, made once
        if self._replica_engine is None:
            self._replica_engine = make_engine(self.replica_url)
        block = refill_pool(self._engine, self._replica_engine, station, settings)
        if block is None:
            return 0
        log.info("SSCC block %s-%s taken for %s", block.first, block.last, station)
        return block.size

    def supervise(self, station: str, badge: str, action, pin: str | None = None):
        """Apply a supervisor's ``action`` (app.supervision: Reassign, SetPriority, Hold, Release,
        Cancel, ForceRelease) from the console ``station`` for the supervisor ``badge``, in one
        central transaction (app.sync.supervision.apply_action); returns its ActionResult
        (per order: done, or refused with a code, app.supervision.texts). Raises NotAuthorized
        (app.supervision; ``code`` says why) when the person, as the central database holds
        them now, may not; any other error when the central database cannot be reached (and
        then nothing changed)."""
        from app.supervision import NotAuthorized
        from app.sync.supervision import apply_action

        if self.embedded and (not self._sqlite_path or not Path(self._sqlite_path).exists()):
            raise FileNotFoundError(f"central database file not found: {self._sqlite_path}")
        if self._engine is None:
            self._engine = make_engine(self.url, **({} if self.embedded else {"connect_args": {"connect_timeout": 3}}))
        try:
            return apply_action(self._engine, station, badge, action, pin=pin)
        except NotAuthorized:
            raise
        except Exception:
            self._engine.dispose()  # fresh connections for the retry: the server may have gone away
            raise

    def listen(self, wake) -> bool:
        """Start the PostgreSQL change listener (app.sync.listen): ``wake()`` is called from
        its thread at every notification. False for the embedded central (polling only)."""
        if self.embedded or self._listener is not None:
            return False
        from app.sync.listen import ChangeListener

        self._listener = ChangeListener(self.url, wake).start()
        return True

    def online_state(self) -> str:
        """What a push that went through proves: the central database answers."""
        return CENTRAL_EMBEDDED if self.embedded else CENTRAL_ONLINE

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
                # Reads the header: a file that is not a database fails here (SELECT 1 would not).
                connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            finally:
                connection.close()
        except sqlite3.Error:
            return False
        return True

    def close(self) -> None:
        if self._listener is not None:
            self._listener.stop()
        if self._station is not None:
            self._station.close()
        if self._engine is not None:
            self._engine.dispose()
        if self._replica_engine is not None:
            self._replica_engine.dispose()
