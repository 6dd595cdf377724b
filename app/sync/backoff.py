"""Retry delays for the sync worker: exponential, capped, with jitter.

Pure and deterministic given its ``random.Random``: the worker asks ``next_delay()``
after each failure and calls ``reset()`` after a success. Jitter spreads the retries
of many stations that lost the central database at the same moment.
"""

from __future__ import annotations

import random


class Backoff:
    def __init__(
        self,
        initial: float = 0.5,
        factor: float = 2,
        maximum: float = 30,
        jitter: float = 0.1,
        rng: random.Random | None = None,
    ) -> None:
        if initial <= 0 or factor < 1 or maximum < initial or not 0 <= jitter < 1:
            raise ValueError("Backoff needs initial > 0, factor >= 1, maximum >= initial, 0 <= jitter < 1")
        self.initial = initial
        self.factor = factor
        self.maximum = maximum
        self.jitter = jitter
        self._rng = rng or random.Random()
        self._attempt = 0

    @property
    def attempts(self) -> int:
        return self._attempt

    def next_delay(self) -> float:
        """Seconds to wait before the next attempt: initial * factor**n, capped at maximum,
        then moved by up to +/- jitter (as a fraction); never above maximum, never below 0."""
        try:
            base = min(self.maximum, self.initial * self.factor**self._attempt)
        except OverflowError:  # a station offline for days: thousands of attempts
            base = self.maximum
        self._attempt += 1
        delay = base * (1 + self._rng.uniform(-self.jitter, self.jitter))
        return max(0.0, min(self.maximum, delay))

    def reset(self) -> None:
        self._attempt = 0
