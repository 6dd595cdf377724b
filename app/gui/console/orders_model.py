"""Every order as a table model over paged SQL: 100,000 rows, only the pages on screen in memory.

Threading contract
------------------
* ``OrdersModel`` lives in the GUI thread and never runs SQL there. It submits jobs to a
  worker with the ``submit(job, on_done, on_error)`` interface of app.gui.workers.Worker,
  whose context has ``sessions`` (a sessionmaker: app.gui.queries.ReplicaContext has).
* A job captures only immutable values (filter, sort, offset) and a plain ``Generation``
  holder, never the model: the model must not be freed in the worker's thread.
* Every filter, sort or refresh bumps the generation. An answer from an older generation
  is dropped when it arrives, and a job still queued when its generation is gone returns
  at once without a query. So does a page job whose page is no longer among the last
  few asked: a fling asks for a page at every frame, only where it stops matters.

What it shows
-------------
``rowCount()`` is the filter's count. ``data()`` answers from an LRU cache of pages
(``page_size`` rows each); a row whose page is not in hand shows ``…`` while the page is
asked for (and the next or previous one, whichever the row is nearer). A new filter keeps
the old rows on screen until its count and first page arrive together, then resets.

Selection
---------
Kept here, by order number, not in a QItemSelectionModel: rows move when orders change
status or a refresh recounts, and pages come and go, but a number stays the order the
supervisor tapped. ``toggle(row)`` is a tap; ``selected_numbers()`` is what actions use.
Selected orders stay selected when the filter hides them (the supervisor can search for
another one and add it); ``clear_selection()`` forgets them all.
"""

from __future__ import annotations

import logging
from collections import OrderedDict

import shiboken6
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from app.gui.console.orders_columns import COLUMNS, cell_style, display_text, header_texts
from app.gui.console.orders_jobs import SKIPPED, Generation, first_page_job, page_job, refresh_job
from app.store.order_browser import OrderFilter, OrderRow, Sort

log = logging.getLogger(__name__)
Index = QModelIndex | QPersistentModelIndex

PLACEHOLDER = "…"
KEYSET_FROM_ROW = 10_000
__all__ = ["COLUMNS", "KEYSET_FROM_ROW", "PLACEHOLDER", "OrdersModel"]


class OrdersModel(QAbstractTableModel):
    """Orders matching a filter, a page at a time (see the module docstring for threads and selection)."""

    counted = Signal(int)  # a filter's (or a refresh's) count has been applied
    page_loaded = Signal(int)  # page number, now in the cache and on screen
    selection_changed = Signal()
    failed = Signal(str)  # a query failed: what the panel tells the person

    def __init__(self, worker, page_size: int = 100, cached_pages: int = 40, parent=None) -> None:
        super().__init__(parent)
        self._worker = worker
        self.page_size = page_size
        self._cached_pages = cached_pages
        self._generation = Generation()
        self._filter = OrderFilter()
        self._sort = Sort.URGENCY
        self._count = 0
        self._pages: OrderedDict[int, list[OrderRow]] = OrderedDict()
        self._asked: set[int] = set()
        self._resetting = False  # a new filter's first page is on its way
        self._error: str | None = None
        self._selected: dict[str, None] = {}  # insertion-ordered set of order numbers
        self._headers = header_texts()

    # --- what the view asks ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return self._headers[COLUMNS[section]]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < self._count:
            return None
        order = self.order_at(index.row(), fetch=True)
        key = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if order is None:
                return PLACEHOLDER if key == "number" else None
            return display_text(order, key, order.number in self._selected)
        if order is None:
            return None
        return cell_style(order, key, order.number in self._selected, role)

    # --- state -------------------------------------------------------------------------------------

    @property
    def filter(self) -> OrderFilter:
        return self._filter

    @property
    def sort_key(self) -> Sort:
        return self._sort

    @property
    def loading(self) -> bool:
        """A new filter's count and first page are on their way (the old rows are still shown)."""
        return self._resetting

    @property
    def pages_pending(self) -> int:
        """Pages asked for and not arrived yet."""
        return len(self._asked)

    @property
    def error(self) -> str | None:
        return self._error

    def cached_pages(self) -> list[int]:
        """Page numbers in the cache, least recently used first."""
        return list(self._pages)

    def order_at(self, row: int, fetch: bool = False) -> OrderRow | None:
        """The order on ``row`` if its page is in hand; ``fetch`` asks for the page otherwise."""
        number, offset = divmod(row, self.page_size)
        rows = self._pages.get(number)
        if rows is not None:
            self._pages.move_to_end(number)
            if fetch:  # read ahead in the direction the row leans
                self._ask(number + 1 if offset >= self.page_size // 2 else number - 1)
            return rows[offset] if offset < len(rows) else None
        if fetch:
            self._ask(number)
        return None

    def set_filter(self, f: OrderFilter) -> None:
        if f == self._filter and not self._error:
            return
        self._filter = f
        self._restart()

    def set_sort(self, sort: Sort) -> None:
        if Sort(sort) != self._sort:
            self._sort = Sort(sort)
            self._restart()

    def start(self) -> None:
        """The first load (the panel calls it once it is built)."""
        self._restart()

    def _restart(self) -> None:
        gen = self._bump()
        self._resetting = True
        self._error = None
        self._submit(
            first_page_job(self._generation, gen, self._filter, self._sort, self.page_size),
            lambda result: self._first_page_arrived(gen, result),
            lambda error: self._failed(gen, error),
        )

    def refresh(self) -> None:
        """Count again and reload the pages in hand (the most recent ones), keeping the scroll
        position and the selection; for live updates (an order changed status somewhere)."""
        if self._resetting:
            return  # a first page is on its way: it will be fresh
        gen = self._bump()
        self._error = None
        numbers = list(self._pages)[-4:] or [0]
        self._submit(
            refresh_job(self._generation, gen, self._filter, self._sort, numbers, self.page_size),
            lambda result: self._refreshed(gen, result),
            lambda error: self._failed(gen, error),
        )

    def _bump(self) -> int:
        self._generation.value += 1
        self._asked.clear()
        return self._generation.value

    def _ask(self, number: int) -> None:
        if number < 0 or number * self.page_size >= self._count or number in self._pages or number in self._asked:
            return
        if self._resetting or self._error:
            return  # rows on screen belong to the old filter; or a query failed, until the next refresh
        gen = self._generation.value
        self._asked.add(number)
        self._generation.asked(number)
        # Deep down, a page that follows one in hand starts from its last row (keyset) rather
        # than counting past every row before it: on PostgreSQL a deep OFFSET sorts the table.
        previous = self._pages.get(number - 1)
        after = None
        if previous and len(previous) == self.page_size and number * self.page_size >= KEYSET_FROM_ROW:
            after = previous[-1]
        self._submit(
            page_job(self._generation, gen, self._filter, self._sort, number, self.page_size, self._count, after),
            lambda rows: self._page_arrived(gen, number, rows),
            lambda error: self._failed(gen, error),
        )

    def _submit(self, job, on_done, on_error) -> None:
        try:
            self._worker.submit(job, on_done, on_error)
        except RuntimeError:
            # The worker stopped (the station is closing) while the view still paints: data()
            # must not raise from a paint event; the rows stay placeholders.
            log.debug("orders model: worker stopped, page not asked")

    # --- answers (GUI thread) ------------------------------------------------------------------------

    def _current(self, gen: int) -> bool:
        return shiboken6.isValid(self) and gen == self._generation.value

    def _first_page_arrived(self, gen: int, result: tuple[int, list[OrderRow]] | None) -> None:
        if result is None or not self._current(gen):
            return
        total, rows = result
        self.beginResetModel()
        self._count = total
        self._pages.clear()
        if rows:
            self._pages[0] = rows
        self._resetting = False
        self.endResetModel()
        self.counted.emit(total)
        self.page_loaded.emit(0)

    def _page_arrived(self, gen: int, number: int, rows: list[OrderRow] | str | None) -> None:
        if rows is None or not self._current(gen):
            return
        self._asked.discard(number)
        if rows == SKIPPED:
            return  # scrolled past before its turn; asked again if it comes back on screen
        self._store(number, rows)
        first = number * self.page_size
        last = min(self._count, first + len(rows)) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
        self.page_loaded.emit(number)

    def _refreshed(self, gen: int, result: tuple[int, dict[int, list[OrderRow]]] | None) -> None:
        if result is None or not self._current(gen):
            return
        total, pages = result
        # Rows added or removed at the end, not a reset: the view keeps its scroll position.
        if total > self._count:
            self.beginInsertRows(QModelIndex(), self._count, total - 1)
            self._count = total
            self.endInsertRows()
        elif total < self._count:
            self.beginRemoveRows(QModelIndex(), total, self._count - 1)
            self._count = total
            self.endRemoveRows()
        self._pages.clear()
        for number, rows in sorted(pages.items()):
            self._store(number, rows)
        if self._count:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, len(COLUMNS) - 1))
        self.counted.emit(total)

    def _store(self, number: int, rows: list[OrderRow]) -> None:
        self._pages[number] = rows
        self._pages.move_to_end(number)
        while len(self._pages) > self._cached_pages:
            self._pages.popitem(last=False)

    def _failed(self, gen: int, error: Exception) -> None:
        if not self._current(gen):
            return
        self._resetting = False
        self._asked.clear()
        self._error = str(error)
        self.failed.emit(self._error)

    # --- selection -----------------------------------------------------------------------------------

    def toggle(self, row: int) -> bool:
        """A tap on ``row``: select or unselect its order. False when the row is still loading."""
        order = self.order_at(row)
        if order is None:
            return False
        if order.number in self._selected:
            del self._selected[order.number]
        else:
            self._selected[order.number] = None
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        self.selection_changed.emit()
        return True

    def select_numbers(self, numbers: list[str] | tuple[str, ...], selected: bool = True) -> None:
        for number in numbers:
            if selected:
                self._selected[number] = None
            else:
                self._selected.pop(number, None)
        self._repaint_all()
        self.selection_changed.emit()

    def selected_numbers(self) -> tuple[str, ...]:
        """Selected order numbers, in the order they were tapped."""
        return tuple(self._selected)

    def is_selected(self, number: str) -> bool:
        return number in self._selected

    def clear_selection(self) -> None:
        if not self._selected:
            return
        self._selected.clear()
        self._repaint_all()
        self.selection_changed.emit()

    def _repaint_all(self) -> None:
        if self._count:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, len(COLUMNS) - 1))

    def retranslate(self) -> None:
        self._headers = header_texts()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self._repaint_all()

