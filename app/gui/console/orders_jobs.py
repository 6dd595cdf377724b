"""The order list's jobs, run in the worker's thread: no Qt, no widget, no model.

Each job captures immutable values and the model's ``Generation`` holder; when the
model's generation has moved on before the job starts, it returns None at once.
"""

from __future__ import annotations

from typing import Any

from app.store.order_browser import OrderFilter, OrderRow, Sort


#: A page job starts only if its page is among the last pages asked: a fling over thousands
#: of rows asks for a page at every frame, and only the pages where it stops matter.
RECENT_PAGES = 8
SKIPPED = "skipped"  # what a page job returns when the list has moved on before it ran


class Generation:
    """What the model wants now, readable from the worker thread.

    ``value`` (an int) and ``recent`` (a tuple, replaced whole) are only ever rebound by the
    GUI thread; a rebinding is atomic under the GIL, so a job reads one consistent value.
    """

    __slots__ = ("recent", "value")

    def __init__(self) -> None:
        self.value = 0
        self.recent: tuple[int, ...] = ()

    def asked(self, number: int) -> None:
        self.recent = (*self.recent[-(RECENT_PAGES - 1):], number)


def first_page_job(generation: Generation, gen: int, f: OrderFilter, sort: Sort, size: int):
    def job(context: Any):
        if generation.value != gen:
            return None
        from app.store.order_browser import first_page

        with context.sessions() as session:
            return first_page(session, f, sort, size)

    return job


def page_job(
    generation: Generation, gen: int, f: OrderFilter, sort: Sort, number: int, size: int, total: int,
    after: OrderRow | None,
):
    def job(context: Any):
        if generation.value != gen:
            return None
        if number not in generation.recent:
            return SKIPPED
        from app.store.order_browser import page

        with context.sessions() as session:
            if after is not None:  # keyset: right after the last row of the page before
                return page(session, f, sort, 0, size, after=after, total=total)
            return page(session, f, sort, number * size, size, total=total)

    return job


def refresh_job(generation: Generation, gen: int, f: OrderFilter, sort: Sort, numbers: list[int], size: int):
    def job(context: Any):
        if generation.value != gen:
            return None
        from app.store.order_browser import count_orders, page

        with context.sessions() as session:
            total = count_orders(session, f)
            return total, {n: page(session, f, sort, n * size, size, total=total) for n in numbers if n * size < total}

    return job
