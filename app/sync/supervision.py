"""A supervisor's action applied to the central database: one transaction, checked, audited.

``apply_action(central, station, badge, action)`` is the console's way to reassign,
reprioritise, hold, release, cancel or force-release a selection of orders. In ONE central
transaction it:

1. takes the write lock (SQLite: ``BEGIN IMMEDIATE``) as app.sync.claims does;
2. reads the person's user row and roles and asks the domain (app.supervision.authorize):
   a supervisor deactivated, or whose role was removed, since they logged in at the console
   is refused here, whatever the console still shows; with ``pin`` the PIN is checked too;
3. on PostgreSQL, checks that the connection's role may do supervisor actions (a console
   added with ``quai central add-station NAME --supervisor``, app.sync.roles);
4. locks the orders (``FOR UPDATE``, in id order so two consoles cannot deadlock), asks
   the domain which ones the action fits (app.supervision.validate), and applies it to
   those through the status machine and the claim rules;
5. records one audit event per order changed, with the supervisor as actor and the
   console as station.

Nothing is changed when the person is not authorized (NotAuthorized is raised, the
transaction rolled back). Orders the action does not fit are reported, each with its code,
and the others are done: a selection of 50 orders with 2 shipped ones cancels 48.

Events, by action (existing kinds reused, so the history, the KPIs and the stations'
lost-claim reports read them as they already do):

- reassign: ``order.reassigned`` (app.sync.claims' payload, plus ``to_badge`` when given a
  person); the holder's next heartbeat says "reassigned to <station>";
- force release: ``order.force_released`` (claims' payload); the holder hears "released
  by a supervisor";
- after either, an order in progress that nobody holds now goes back to the start of its
  stage (``picking`` -> ``new``, ``packing`` -> ``picked``: app.sync.requeue), an
  ``order.status_changed`` with ``action`` reassign or force_release, so the next station
  of that kind claims it and carries on from the lines;
- hold, release, cancel: ``order.status_changed`` (the status machine's payload plus
  ``action`` and ``supervisor``; a release also names the ``hold`` it lifted). A hold also
  frees a live claim, recorded as ``order.force_released`` (the station must stop
  working on a held order), so its release sends work in progress back to the start of
  its stage too (app.supervision.rules, ``release_target``); a cancel keeps the claim, so
  the holder is told "cancelled" and puts the picked units back (app.sync.lost_claims);
- a reassignment lasts one stage: the station named must work on the order's stage
  (``wrong_station_kind`` otherwise, app.supervision.stages), and the assignment lapses
  when the order leaves that stage (app.store.orders.apply_state);
- priority: ``order.priority_changed`` {order, from, to, supervisor}.

The stations see the changed orders through the change capture (app.sync.capture:
triggers on ``orders``, ``NOTIFY quai_changes`` at commit, and ``lost:<station>`` to a
holder whose claim was taken), like any other central write.

Threading: a plain blocking call, no Qt; the console runs it in its central worker.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.status import OrderStatus
from app.scanning.rules import DEFAULT_RULES, PrefixRules
from app.store.events import record
from app.store.models import Order, Station, User
from app.store.users import check_pin
from app.supervision import (
    Action,
    ActionResult,
    Actor,
    Cancel,
    ForceRelease,
    Hold,
    NotAuthorized,
    OrderFacts,
    OrderOutcome,
    Reassign,
    Release,
    SetPriority,
    authorize,
    validate,
)
from app.sync.claims import (
    Factory,
    _locked,
    _write_transaction,
    force_release_in,
    reassign_in,
)
from app.sync.requeue import back_in_queue, change_status, reset_verification

ORDER_PRIORITY_CHANGED = "order.priority_changed"


def apply_action(
    central_factory: Factory,
    station: str,
    actor_badge: str,
    action: Action,
    *,
    pin: str | None = None,
) -> ActionResult:
    """Apply ``action`` for the supervisor ``actor_badge`` acting from ``station``; see the
    module docstring. Raises NotAuthorized (app.supervision) before anything changes."""
    with _write_transaction(central_factory) as session:
        actor = _actor(session, actor_badge, pin)
        authorize(actor, action)
        _check_database_role(session)
        to_station, target_refusal, to_kind = None, None, None
        if isinstance(action, Reassign):
            to_station, target_refusal = _resolve_target(session, action.to)
            if to_station is not None:
                to_kind = session.scalars(select(Station.kind).where(Station.name == to_station)).first()
        query = select(Order).where(Order.number.in_(action.orders)).order_by(Order.id)
        orders = {o.number: o for o in session.scalars(_locked(query, session))} if action.orders else {}
        checked = replace(action, to=to_station) if isinstance(action, Reassign) and to_station else action
        facts = {n: _facts(o) for n, o in orders.items()}
        refusals = {r.order: r for r in validate(checked, facts, target_kind=to_kind)}
        outcomes: list[OrderOutcome] = []
        for number in action.orders:
            refusal = refusals.get(number)
            if refusal is None and target_refusal is not None and number in orders:
                outcomes.append(OrderOutcome(number, target_refusal))
            elif refusal is not None:
                outcomes.append(OrderOutcome(number, refusal.code, refusal.detail))
            else:
                lost_by = _apply(session, orders[number], checked, station, actor.badge, action)
                outcomes.append(OrderOutcome(number, lost_by=lost_by))
        return ActionResult(action.name, tuple(outcomes), to_station)


def _actor(session: Session, badge: str, pin: str | None) -> Actor:
    """The person as the central database holds them now (inactive users included, so the
    domain can say "deactivated" rather than "unknown")."""
    badge = PrefixRules.normalise(badge or "")
    user = session.scalars(select(User).where(User.badge == badge)).one_or_none() if badge else None
    if user is None or (pin is not None and not check_pin(user, pin)):
        raise NotAuthorized(
            "unknown", f"badge {badge or '(none)'} is not recognised (or the PIN is wrong): a supervisor action "
            "needs a supervisor's badge and PIN"
        )
    return Actor(user.badge, user.role_set, bool(user.active))


def _check_database_role(session: Session) -> None:
    """PostgreSQL: the connection's role must be allowed supervisor actions. Said plainly
    here rather than as whatever the row-level security would make of the statements."""
    if session.get_bind().dialect.name != "postgresql":
        return
    allowed = session.execute(select(func.has_column_privilege("orders", "priority", "UPDATE"))).scalar_one()
    if not allowed:
        role = session.execute(select(func.current_user())).scalar_one()
        raise NotAuthorized(
            "database_role",
            f"the database role {role} may not do supervisor actions: use a supervisor console "
            "(quai central add-station NAME --supervisor)",
        )


def _resolve_target(session: Session, to: str) -> tuple[str | None, str | None]:
    """(station, None) or (None, refusal code). ``to`` is a station's name or a person's badge:
    a person is reached at the station they are logged in at (``stations.current_user``,
    kept by the push of their login and logout events), so claims stay per station."""
    if not to:
        return None, None  # validate says no_target
    badge = PrefixRules.normalise(to)
    user = session.scalars(select(User).where(User.badge == badge)).one_or_none()
    if user is not None or DEFAULT_RULES.is_badge(badge):
        if user is None or not user.active:
            return None, "unknown_picker"
        name = session.scalars(
            select(Station.name)
            .where(Station.current_user == user.badge)
            .order_by(Station.last_seen_at.desc().nulls_last(), Station.name)
            .limit(1)
        ).first()
        return (name, None) if name else (None, "picker_not_on_a_station")
    known = session.scalars(select(Station.name).where(Station.name == to)).first()
    return (known, None) if known else (None, "unknown_station")


def _facts(order: Order) -> OrderFacts:
    return OrderFacts(
        number=order.number,
        status=order.status,
        resume_status=order.resume_status,
        hold_reason=order.hold_reason,
        priority=order.priority,
        claimed_by=order.claimed_by,
        assigned_to=order.assigned_to,
    )


def _apply(session: Session, order: Order, action: Action, station: str, badge: str, asked: Action) -> str | None:
    """Apply ``action`` (checked by validate) to the locked ``order`` and record its event;
    return the station that lost its claim, if any. ``asked`` is the action as given (its
    ``to`` may be the person's badge that ``action`` resolved to a station)."""
    if isinstance(action, SetPriority):
        previous, order.priority = order.priority, action.priority
        payload = {"order": order.number, "from": previous, "to": action.priority, "supervisor": badge}
        record(session, ORDER_PRIORITY_CHANGED, payload, station=station, actor=badge, order_number=order.number)
        return None
    if isinstance(action, Reassign):
        to_badge = PrefixRules.normalise(asked.to) if isinstance(asked, Reassign) and asked.to != action.to else None
        holder = reassign_in(session, order, action.to, station=station, supervisor=badge, reason=action.reason,
                             to_badge=to_badge)
        back_in_queue(session, order, "reassign", station, badge, action.reason)
        return holder
    if isinstance(action, ForceRelease):
        holder = force_release_in(session, order, station=station, supervisor=badge,
                                  reason=action.reason or "forced release from the console")
        back_in_queue(session, order, "force_release", station, badge, action.reason)
        return holder
    if isinstance(action, Hold):
        holder = order.claimed_by
        change_status(session, order, OrderStatus.ON_HOLD, action.reason, "hold", station, badge)
        if holder is not None:
            # The station must stop working on a held order: it is told "released by a supervisor".
            force_release_in(session, order, station=station, supervisor=badge, reason=f"hold: {action.reason}")
        return holder
    if isinstance(action, Release):
        lifted = order.hold_reason
        # Where it was held from; work in progress nobody holds any more (the hold took it
        # from its station) goes back to the start of its stage, for the next station.
        target = _facts(order).release_target()
        extra = {"hold": lifted}
        if target != (order.resume_status or OrderStatus.NEW):
            extra["resume_status"] = order.resume_status
            if target == OrderStatus.PICKED:
                extra["verification_reset"] = reset_verification(session, order)
        change_status(session, order, target, action.reason or None, "release", station, badge, **extra)
        return None
    if isinstance(action, Cancel):
        # The claim stays: its holder's heartbeat (or pull) says "cancelled" and lists the
        # units to put back (app.sync.lost_claims).
        holder = order.claimed_by
        change_status(session, order, OrderStatus.CANCELLED, action.reason, "cancel", station, badge)
        return holder
    raise TypeError(f"not a supervisor action: {action!r}")
