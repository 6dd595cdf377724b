"""Claiming work for a station's pick or pack, the same way for both. GUI thread only.

``claim_then_start(controller, job, texts, start)`` asks the central worker to claim (``job``
returns the order numbers claimed), one claim at a time and never while a session runs; then
``start(numbers)``, or says there is no work (``texts.no_work_text()``) or why the claim failed
(``texts.claim_failed_text(error)``). The controller has ``claiming``, ``session``,
``feedback`` and ``services``; ``start`` clears ``claiming`` once the work has begun.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def claim_then_start(controller: Any, job: Callable[[Any], list[str]], texts: Any,
                     start: Callable[[list[str]], None]) -> None:
    if controller.claiming or controller.session is not None:
        return
    controller.claiming = True

    def claimed(numbers: list[str]) -> None:
        if not numbers:
            controller.claiming = False
            controller.feedback.attention(texts.no_work_text())
            return
        start(numbers)

    def failed(error: Exception) -> None:
        controller.claiming = False
        controller.feedback.bad(texts.claim_failed_text(error))

    controller.services.central.submit(job, claimed, failed)
