"""Replaying the events a session recorded rebuilds the same state, after any prefix of any scans.

This is the crash-resume promise: the store keeps the events, a restarted station replays
them, and the picker finds the same step with the same counts.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.picking.outcome import PickConfig, ShortPolicy, Step
from app.picking.session import PickSession
from tests.picking.warehouse import STOCK, TODAY, line, product, right_scan, scan, start

SKUS = ["MUG", "TEA", "JAM", "SOAP", "NOPE"]
LOCATIONS = sorted({s.location for s in STOCK}) + ["Z-99-99-9"]

orders_strategy = st.lists(
    st.lists(st.tuples(st.sampled_from(SKUS), st.integers(1, 7)), min_size=1, max_size=3),
    min_size=1, max_size=4,
)

action = st.one_of(
    st.just(("right",)), st.just(("right",)), st.just(("right",)), st.just(("right",)), st.just(("right",)),
    st.just(("right_tote",)),
    st.tuples(st.just("location"), st.sampled_from(LOCATIONS)),
    st.tuples(st.just("product"), st.sampled_from(SKUS[:4]), st.sampled_from([None, "L1"]),
              st.sampled_from([None, date(2026, 1, 1), date(2027, 1, 1)]), st.sampled_from([None, None, 0, 1, 2, 5])),
    st.tuples(st.just("tote"), st.integers(0, 5)),
    st.tuples(st.just("command"), st.sampled_from(["UNDO", "UNDO", "PAUSE", "DONE", "SHORT", "CANCEL", "NEXT"])),
    st.tuples(st.just("misread"),),
    st.tuples(st.just("confirm"), st.integers(-1, 7)),
    st.tuples(st.just("reason"), st.sampled_from(["location_empty", "damaged", "not_found", "bogus"])),
    st.tuples(st.just("found"), st.integers(-1, 4)),
    st.tuples(st.just("alternative"), st.booleans()),
    # A whole short pick now and then, so the flow gets past its dialog.
    st.tuples(st.just("short"), st.sampled_from(["location_empty", "damaged", "not_found"]), st.integers(0, 2),
              st.sampled_from([None, True, False])),
)


def perform(session: PickSession, act: tuple):
    name = act[0]
    if name == "right":
        if session.view().step == Step.DONE:
            return session.handle(scan("CMD-NEXT"))
        return session.handle(right_scan(session))
    if name == "right_tote":
        task = session.view().task
        return session.handle(scan(task.tote if task and task.tote else "TOT-0"))
    if name == "location":
        return session.handle(scan(act[1]))
    if name == "product":
        return session.handle(product(act[1], act[2], act[3], act[4]))
    if name == "tote":
        return session.handle(scan(f"TOT-{act[1]}"))
    if name == "command":
        return session.handle(scan(f"CMD-{act[1]}"))
    if name == "misread":
        return session.handle(scan("3760000000018"))
    if name == "confirm":
        return session.confirm_quantity(act[1])
    if name == "reason":
        return session.short_reason(act[1])
    if name == "found":
        return session.short_found(act[1])
    if name == "alternative":
        return session.accept_alternative(act[1])
    # A short pick through its dialog: each step's outcome is checked like any other action.
    outcomes = [session.start_short()]
    if outcomes[-1].ok:
        outcomes.append(session.short_reason(act[1]))
        found = min(act[2], session.view().task.remaining)
        outcomes.append(session.short_found(found))
        if act[3] is not None and outcomes[-1].needs == "alternative":
            outcomes.append(session.accept_alternative(act[3]))
    return outcomes


def summary(outcomes) -> list:
    return [(o.ok, o.code, o.args, o.events, o.needs) for o in (outcomes if isinstance(outcomes, list) else [outcomes])]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(orders_strategy, st.booleans(), st.integers(2, 6), st.sampled_from(list(ShortPolicy)),
       st.lists(action, min_size=10, max_size=80))
def test_replay_of_any_prefix_equals_the_live_state(orders, batch, threshold, policy, actions) -> None:
    lines = []
    for o, order_lines in enumerate(orders, start=1):
        for n, (sku, qty) in enumerate(order_lines, start=1):
            lines.append(line(f"#{o}", o * 10 + n, sku, qty, line_no=n))
    session, started = start(lines, batch=batch, config=PickConfig(threshold, policy))
    recorded = list(started.events)
    pending_replay = PickSession.replay(json.loads(json.dumps(recorded)), TODAY)
    for act in actions:
        before = session.snapshot()
        outcomes = perform(session, act)
        for outcome in outcomes if isinstance(outcomes, list) else [outcomes]:
            if not outcome.ok:
                assert outcome.events == [] and session.snapshot() == before, (act, outcome)
            recorded += outcome.events
            before = session.snapshot()
        # Through JSON, as the event log stores them.
        replayed = PickSession.replay(json.loads(json.dumps(recorded)), TODAY)
        assert replayed.snapshot() == session.snapshot(), act
        assert replayed.counts() == session.counts()
        assert replayed.view() == replace(session.view(), last_error=None, short_stage=replayed.view().short_stage)
        pending_replay = replayed
    # A resumed station behaves as the live one would have: the same next outcomes.
    if session._short_stage is None:
        for act in actions[:5]:
            live, resumed = perform(session, act), perform(pending_replay, act)
            assert summary(live) == summary(resumed), act
        state = session.state
        for task in state.tasks:
            assert 0 <= state.done.get(task.id, 0) <= task.quantity
            assert state.done.get(task.id, 0) + state.shorted.get(task.id, 0) <= task.quantity
        for order, status in state.status.items():
            if status != "picking":
                assert all(state.finished(t) for t in state.tasks if t.order == order)
    if session.view().step == Step.DONE:
        assert all(status != "picking" for status in session.state.status.values())
