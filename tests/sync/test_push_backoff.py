from __future__ import annotations

import random

import pytest

from app.sync.backoff import Backoff


def test_without_jitter_delays_double_up_to_the_maximum() -> None:
    backoff = Backoff(initial=0.5, factor=2, maximum=30, jitter=0)
    assert [backoff.next_delay() for _ in range(9)] == [0.5, 1, 2, 4, 8, 16, 30, 30, 30]


def test_jitter_stays_within_its_fraction_and_is_reproducible_with_a_seed() -> None:
    a = Backoff(rng=random.Random(42))
    b = Backoff(rng=random.Random(42))
    delays = [a.next_delay() for _ in range(12)]
    assert delays == [b.next_delay() for _ in range(12)]
    for n, delay in enumerate(delays):
        base = min(30, 0.5 * 2**n)
        assert base * 0.9 <= delay <= min(30, base * 1.1)
    assert len(set(delays[7:])) > 1  # capped delays still spread out


def test_reset_starts_again_from_the_initial_delay() -> None:
    backoff = Backoff(jitter=0)
    for _ in range(5):
        backoff.next_delay()
    backoff.reset()
    assert backoff.attempts == 0
    assert backoff.next_delay() == 0.5


def test_thousands_of_attempts_stay_at_the_maximum() -> None:
    backoff = Backoff(jitter=0)
    for _ in range(5000):
        delay = backoff.next_delay()
    assert delay == 30


@pytest.mark.parametrize("kwargs", [{"initial": 0}, {"factor": 0.5}, {"maximum": 0.1}, {"jitter": 1}])
def test_nonsense_settings_are_refused(kwargs: dict) -> None:
    with pytest.raises(ValueError):
        Backoff(**kwargs)
