"""A station's sync engine without widgets: push, pull, claims, heartbeat, wake-ups.

The station's window runs it on its central worker (app.gui); the simulation in
bench/bench_stations.py and the multi-process tests run it headless, one per process.

One ``cycle()``:
1. renew the leases of the claims the station holds (app.sync.claims.heartbeat). First,
   because it is one short central transaction that also tells which claims are lost: a
   supervisor's reassignment reaches the station here, before the longer steps below
   (``on_lost`` is called at once);
2. push the outbox (app.sync.push), so the central database sees the station's changes
   before the station looks at the central state;
3. pull the changes since the cursor (app.sync.pull), with the orders whose events the
   central database did not apply (their local copy may differ from the truth);
4. top the offline reserve up: keep ``reserve`` orders claimed ahead, so the station
   has work when the central database goes away.
A claim lost (cancelled, reassigned, released by a supervisor, taken after the lease ran
out) is reported once, with why: the heartbeat finds it, or the pull (the order row
changed) when the heartbeat could not see it. For a cancelled order, the units picked are
listed to be put back and an ``order.put_back_required`` event records it, whichever found
it. Progress is never undone locally: events recorded after a loss are still pushed and
recorded centrally (app.sync.central).


``run(stop)`` loops: a cycle, then wait for a wake-up (a PostgreSQL notification through
app.sync.listen, a local write calling ``wake()``) or ``interval`` seconds (polling, the
fallback), with app.sync.backoff delays after a failure. It keeps the central work of a
cycle to what is needed: the heartbeat only when due (every ``heartbeat_every`` seconds,
a sixth of the lease), the pull only when a notification said something changed (or the
listener is down, or every ``interval``); a cycle woken by a local write is a push. A notification that this
station's claim changed hands (``lost:<station>``, app.sync.capture) makes the listener's
thread check the claims at once, so the person is told even while a long cycle runs. Offline, cycles fail and the
station keeps working on its replica: its claims and reserve are there, and its events
wait in the outbox until a cycle goes through.

Threading: one engine per thread (its engines and sessions are not shared); ``wake()``
and ``stop`` may be called from any thread.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Engine, select, update
from sqlalchemy.engine import make_url

from app.store.db import make_engine, session_factory
from app.store.migrate import upgrade
from app.store.models import Order, SyncState
from app.sync.backoff import Backoff
from app.sync.capture import LOST_PREFIX
from app.sync.claims import DEFAULT_LEASE, Claim, claim_next, claim_order, heartbeat, release, why_taken
from app.sync.lost_claims import LostOrder, lost_claim, record_lost
from app.sync.pull import REPULL, pull
from app.sync.push import push_all

log = logging.getLogger(__name__)

MIN_GAP = 0.05  # seconds between two cycles at least: a burst of wake-ups makes one cycle


@dataclass(frozen=True)
class CycleReport:
    pushed: int
    remaining: int  # events still in the outbox
    pulled: int  # local rows written or deleted by the pull
    snapshot: bool
    renewed: int  # leases renewed
    claimed: tuple[str, ...]  # orders claimed for the reserve in this cycle
    lost: tuple[LostOrder, ...]  # claims lost, each reported once


class StationEngine:
    def __init__(
        self,
        station: str,
        local_url: str,
        central_url: str,
        *,
        lease: timedelta = DEFAULT_LEASE,
        reserve: int = 0,
        reserve_statuses: Sequence[str] = ("new",),
        central_engine: Engine | None = None,
    ) -> None:
        self.station = station
        self.central_url = central_url
        self.lease = lease
        self.reserve = reserve
        self.reserve_statuses = tuple(reserve_statuses)
        self.local = make_engine(local_url)
        upgrade(self.local)
        self.local_sessions = session_factory(self.local)
        embedded = make_url(central_url).get_backend_name() == "sqlite"
        self.central = central_engine or make_engine(
            central_url, **({} if embedded else {"connect_args": {"connect_timeout": 3}})
        )
        self.central_sessions = session_factory(self.central)
        self.embedded = embedded
        self._reported: set[str] = set()  # claim ids already reported lost
        self._wake = threading.Event()
        # The heartbeat runs in the sync loop and, on a "lost:<station>" notification, in the
        # listener's thread (check_claims): one at a time.
        self._claims_lock = threading.Lock()
        self._flags = threading.Lock()
        self._changed = False  # a notification came: the next cycle pulls (under _flags)
        self._releasing: set[str] = set()  # claim ids being given back (under _claims_lock)
        self._last_heartbeat = float("-inf")
        # Renew leases well before they run out, without a central write at every cycle.
        self.heartbeat_every = max(1.0, min(15.0, lease.total_seconds() / 6))
        self._on_lost: Callable[[tuple[LostOrder, ...]], None] | None = None

    # --- one cycle --------------------------------------------------------------------------

    def cycle(
        self,
        on_lost: Callable[[tuple[LostOrder, ...]], None] | None = None,
        *,
        heartbeat: bool = True,
        pull_changes: bool = True,
    ) -> CycleReport:
        """Heartbeat, push, pull, reserve. ``on_lost`` hears of lost claims as soon as they are
        known (they are in the report too). ``run`` skips the heartbeat when it is not due and
        the pull when nothing changed centrally (see ``run``). Raises the central database's
        error (nothing is lost: the outbox, the replica and its cursor stay as they were for
        what failed)."""
        try:
            renewed, fresh = self._check_claims(on_lost) if heartbeat else (0, [])
            if heartbeat:
                self._last_heartbeat = time.monotonic()
            pushed = push_all(self.local_sessions, self.central_sessions, self.station)
            not_applied = pushed.not_applied
            self._repull_orders(not_applied)
            more: list[LostOrder] = []
            pulled_rows, snapshot = 0, False
            if pull_changes or not_applied:
                pulled = pull(self.central, self.local, self.station)
                pulled_rows, snapshot = pulled.rows, pulled.snapshot
                with self._claims_lock:
                    more = [item for item in pulled.lost if self._first_report(item)]
                if more and on_lost is not None:
                    _call(on_lost, tuple(more))
            claimed = self._top_up_reserve()
        except Exception:
            # Fresh connections for the retry: a pooled one may be to a server that went away.
            self.central.dispose()
            raise
        return CycleReport(
            pushed.sent, pushed.remaining, pulled_rows, snapshot, renewed,
            tuple(c.order_number for c in claimed), tuple(fresh + more),
        )

    def _check_claims(self, on_lost) -> tuple[int, list[LostOrder]]:
        """The heartbeat; the claims it found lost are reported (once) to ``on_lost`` first,
        then written down locally (put-back event, claim cleared): a local write may wait
        for the station's scans, the person should not."""
        with self._claims_lock:
            renewed, lost = self._heartbeat()
            # Not news: a claim this station is giving back itself, or one it took again
            # itself after its lease ran out (claim() writes the new one).
            lost = [
                item for item in lost
                if item.claim_id not in self._releasing and item.why != why_taken(self.station)
            ]
            fresh = [item for item in lost if self._first_report(item)]
        if fresh and on_lost is not None:
            _call(on_lost, tuple(fresh))  # outside the lock: a callback may call the engine
        if lost:
            with self._claims_lock:
                self._write_lost(lost)
        return renewed, fresh

    def _notified(self, payload: str) -> None:
        """A notification (listener thread). Something changed centrally: the next cycle pulls.
        Our claim changed hands: check the claims now, without waiting for the sync loop
        (which may be in the middle of a long push)."""
        self._mark_changed()
        if payload == f"{LOST_PREFIX}{self.station}":
            try:
                self._check_claims(self._on_lost)
            except Exception as exc:  # the sync loop's heartbeat will try again
                log.info("claim check of %s failed: %s", self.station, str(exc).splitlines()[0] if str(exc) else exc)

    def _repull_orders(self, numbers: Sequence[str]) -> None:
        """Orders whose events the central database recorded without applying: read them again."""
        if not numbers:
            return
        with self.local_sessions() as session, session.begin():
            ids = session.execute(select(Order.id).where(Order.number.in_(list(numbers)))).scalars().all()
            for order_id in ids:
                session.merge(SyncState(name=f"{REPULL}orders:{order_id}", value=""))

    def held_claims(self) -> list[tuple[str, str]]:
        """(order number, claim id) of the claims this station holds, as its replica knows them."""
        with self.local_sessions() as session:
            return [
                (number, claim_id)
                for number, claim_id in session.execute(
                    select(Order.number, Order.claim_id)
                    .where(Order.claimed_by == self.station, Order.claim_id.is_not(None))
                    # A cancelled order is not renewed centrally: it was reported lost already.
                    .where(Order.status != "cancelled")
                    .order_by(Order.number)
                )
            ]

    def _heartbeat(self) -> tuple[int, list[LostOrder]]:
        held = self.held_claims()
        if not held:
            return 0, []
        result = heartbeat(self.central_sessions, self.station, [c for _n, c in held], lease=self.lease)
        if not result.lost:
            return len(result.renewed), []
        numbers = {claim_id: number for number, claim_id in held}
        with self.local_sessions() as session:  # reads only
            lost = [
                lost_claim(session, item.order_number or numbers.get(item.claim_id, "?"), item.claim_id, item.why)
                for item in result.lost
            ]
        return len(result.renewed), lost

    def _write_lost(self, lost: list[LostOrder]) -> None:
        with self.local_sessions() as session:
            # The write lock before record_lost reads whether the put-back is logged already:
            # the pull may be logging the same one.
            session.connection().exec_driver_sql("BEGIN IMMEDIATE")
            for item in lost:
                record_lost(session, self.station, item)
            # Not ours any more: the next heartbeat must not ask again, nor the pull report it.
            session.execute(
                update(Order)
                .where(Order.claim_id.in_([item.claim_id for item in lost]), Order.claimed_by == self.station)
                .values(claimed_by=None, claim_id=None, lease_until=None)
            )
            session.commit()

    def _first_report(self, item: LostOrder) -> bool:
        key = item.claim_id or item.order_number
        if key in self._reported:
            return False
        self._reported.add(key)
        return True

    # --- claims -------------------------------------------------------------------------------

    def claim(self, count: int = 1, statuses: Sequence[str] = ("new",), *, actor: str | None = None) -> list[Claim]:
        """Claim the next ``count`` orders centrally and mark them as this station's in the
        replica at once (the next pull brings the same)."""
        claims = claim_next(
            self.central_sessions, self.station, statuses=statuses, count=count, lease=self.lease, actor=actor
        )
        self._hold_locally(claims)
        return claims

    def claim_order(self, number: str, *, actor: str | None = None, statuses: Sequence[str] = ("new",)) -> Claim:
        """Claim the order ``number`` (scanned by its barcode) centrally, then in the replica;
        app.sync.claims.ClaimRefused says why it cannot be had. ``statuses``: what it may be
        in (packing claims ``picked`` orders)."""
        claim = claim_order(self.central_sessions, self.station, number, statuses=statuses, lease=self.lease, actor=actor)
        self._hold_locally([claim])
        return claim

    def _hold_locally(self, claims: Sequence[Claim]) -> None:
        if claims:
            with self.local_sessions() as session, session.begin():
                for claim in claims:
                    session.execute(
                        update(Order)
                        .where(Order.number == claim.order_number)
                        .values(claimed_by=self.station, claim_id=claim.claim_id, lease_until=claim.lease_until)
                    )

    def release(self, order_number: str, *, reason: str = "done", actor: str | None = None) -> bool:
        """Give a claim back centrally, then locally."""
        held = dict(self.held_claims())
        claim_id = held.get(order_number)
        if claim_id is None:
            return False
        with self._claims_lock:
            self._releasing.add(claim_id)
        try:
            done = release(self.central_sessions, self.station, claim_id, reason=reason, actor=actor)
            self._forget_claims([claim_id])
        finally:
            with self._claims_lock:
                self._releasing.discard(claim_id)
        return done

    def _forget_claims(self, claim_ids: Sequence[str]) -> None:
        with self.local_sessions() as session, session.begin():
            session.execute(
                update(Order)
                .where(Order.claim_id.in_(list(claim_ids)), Order.claimed_by == self.station)
                .values(claimed_by=None, claim_id=None, lease_until=None)
            )

    def _top_up_reserve(self) -> list[Claim]:
        if self.reserve <= 0:
            return []
        missing = self.reserve - len(self.held_claims())
        return self.claim(missing, self.reserve_statuses) if missing > 0 else []

    # --- the loop -----------------------------------------------------------------------------

    def wake(self) -> None:
        """Run a cycle now (a local write added events, a notification arrived). Any thread."""
        self._wake.set()

    def run(
        self,
        stop: threading.Event,
        *,
        interval: float = 5.0,
        listen: bool = True,
        on_cycle: Callable[[CycleReport], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        on_lost: Callable[[tuple[LostOrder, ...]], None] | None = None,
        backoff: Backoff | None = None,
    ) -> None:
        """Cycle until ``stop`` is set; see the module docstring. The callbacks run in this
        thread, except ``on_lost``, which the listener's thread may call too (a claim check
        on a notification); one that raises is logged and the loop goes on."""
        backoff = backoff or Backoff()
        self._on_lost = on_lost
        listener = None
        if listen and not self.embedded:
            from app.sync.listen import ChangeListener

            listener = ChangeListener(self.central_url, self._connected, on_notify=self._notified).start()
        last_pull = float("-inf")
        try:
            while not stop.is_set():
                self._wake.clear()
                now = time.monotonic()
                # Pull when told something changed, or when nobody can tell (no listener, or
                # its connection is down: polling), and every ``interval`` anyway.
                with self._flags:  # read and clear at once: a notification is never dropped
                    changed, self._changed = self._changed, False
                pull_now = listener is None or not listener.connected.is_set() or changed or now - last_pull >= interval
                try:
                    report = self.cycle(
                        on_lost, heartbeat=now - self._last_heartbeat >= self.heartbeat_every, pull_changes=pull_now
                    )
                    if pull_now:
                        last_pull = now
                except Exception as exc:
                    log.info("sync cycle of %s failed: %s", self.station, str(exc).splitlines()[0] if str(exc) else exc)
                    _call(on_error, exc)
                    stop.wait(backoff.next_delay())
                    continue
                backoff.reset()
                _call(on_cycle, report)
                stop.wait(MIN_GAP)
                self._wait_for_wake(stop, interval)
        finally:
            if listener is not None:
                listener.stop()

    def _connected(self) -> None:
        """The listener (re)connected, or a notification came: pull, changes may have been missed."""
        self._mark_changed()
        self.wake()

    def _mark_changed(self) -> None:
        with self._flags:
            self._changed = True

    def _wait_for_wake(self, stop: threading.Event, interval: float) -> None:
        # In short slices, so that setting ``stop`` ends the wait soon without a wake().
        deadline = time.monotonic() + interval
        while not stop.is_set():
            left = deadline - time.monotonic()
            if left <= 0 or self._wake.wait(min(left, 0.1)):
                return

    def close(self) -> None:
        self.central.dispose()
        self.local.dispose()


def _call(callback, argument) -> None:
    if callback is None:
        return
    try:
        callback(argument)
    except Exception:  # a caller's bug must not stop the station's sync for good
        log.exception("sync engine callback failed")
