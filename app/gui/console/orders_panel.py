"""The console's order list for a touchscreen: filter chips, a search field, the table. GUI thread only.

Touch first: every target is at least 48 px (chips 56), rows are 56 px, text 20–22 px,
a tap on a row selects or unselects it (no Ctrl: the model keeps the selection, by order
number), the list scrolls by flicking (QScroller, with a finger or the left mouse button),
and nothing depends on hover. The panel owns no SQL: the model's jobs run on the worker
it is given (app.gui.workers.Worker over the replica, or any object with the same
``submit``), and so does the one query of the panel itself, the carriers in use.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QFrame,
    QPushButton,
    QScrollArea,
    QScroller,
    QScrollerProperties,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.gui import texts
from app.gui.keyboard_room import put_away_on_enter
from app.gui.console.orders_columns import COLUMNS, carrier_name, header_texts
from app.gui.console.orders_model import OrdersModel
from app.store.order_browser import OrderFilter

translate = QCoreApplication.translate

STATUS_CHIPS = (
    "new", "awaiting_stock", "picking", "picked", "packing",
    "ready_to_ship", "on_hold", "exception", "shipped", "cancelled",
)
PRIORITY_CHOICES = (None, 1, 2, 3)  # priority_min; None: any
SEARCH_DEBOUNCE_MS = 150
ROW_HEIGHT = 56
CHIP_STRIP_BAR = 10  # px: the chip strip's scroll bar, a hint more than a handle (the strip flicks)
SEARCH_MIN_WIDTH = 260
CHIP_STRIP_BAR_STYLE = (
    "QScrollBar:horizontal { height: %dpx; background: #f2f2f2; }"
    " QScrollBar::handle:horizontal { min-width: 48px; background: #555555; border-radius: 3px; margin: 1px; }"
    " QScrollBar::add-line, QScrollBar::sub-line { width: 0; height: 0; }"
) % CHIP_STRIP_BAR

# Only this panel's own widgets; the application's theme (resources/themes) does the rest.
STYLE = """
QPushButton[quaiRole="chip"] {
    min-height: 48px; min-width: 48px; padding: 2px 16px; font-size: 20px; font-weight: 700;
    background: #ffffff; color: #111111; border: 3px solid #111111; border-radius: 24px;
}
QPushButton[quaiRole="chip"]:checked { background: #0b3d91; color: #ffffff; border-color: #0b3d91; }
QPushButton[quaiRole="chip"]:pressed { background: #c8c8c8; }
QLabel[quaiRole="filter-name"] { font-size: 20px; font-weight: 700; color: #333333; padding-left: 8px; }
QLineEdit#ordersSearch { min-height: 48px; font-size: 24px; }
QLabel[quaiRole="count"] { font-size: 24px; font-weight: 800; }
QTableView { font-size: 22px; selection-background-color: #0b3d91; selection-color: #ffffff; }
QScrollBar:vertical { width: 40px; background: #f2f2f2; }
QScrollBar::handle:vertical { min-height: 64px; background: #555555; border-radius: 6px; margin: 4px; }
QScrollBar:horizontal { height: 32px; background: #f2f2f2; }
QScrollBar::handle:horizontal { min-width: 64px; background: #555555; border-radius: 6px; margin: 4px; }
QPushButton[quaiRole="bar"] { min-height: 44px; padding: 2px 12px; }
QScrollBar::add-line, QScrollBar::sub-line { width: 0; height: 0; }
"""


def chip(parent: QWidget, checked: bool = False) -> QPushButton:
    button = QPushButton(parent)
    button.setProperty("quaiRole", "chip")
    button.setCheckable(True)
    button.setChecked(checked)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the focus stays in the search field (or a wedge scanner's target)
    # Never narrower than its text: a squeezed chip would clip its words.
    button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
    return button


class OrdersPanel(QWidget):
    """Filters and the table over an ``OrdersModel``; ``selection_changed`` tells the console to update its actions."""

    selection_changed = Signal()

    def __init__(self, worker, parent: QWidget | None = None, page_size: int = 100) -> None:
        super().__init__(parent)
        self.setObjectName("ordersPanel")
        self.setStyleSheet(STYLE)
        self._worker = worker
        self.model = OrdersModel(worker, page_size=page_size, parent=self)
        self.status_chips: dict[str, QPushButton] = {}
        self.carrier_chips: dict[str, QPushButton] = {}
        self.priority_chips: dict[int | None, QPushButton] = {}
        self._columns_sized = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)  # 4: the vertical pixels go to the table's rows
        layout.setSpacing(8)

        # ONE row above the table: the search field, then a strip that flicks sideways with the
        # statuses, the carriers in use (when known) and the priority chips: the statuses first,
        # the filter used most; a chip cut by the strip's edge and the bar say there is more.
        # Why one row: at 1280x800 the console's column is ~990 px; French chips sized to their
        # text need three rows there, which left two table rows. Each chip keeps its full text.
        filter_row = QHBoxLayout()
        filter_row.setSpacing(8)
        self.search = QLineEdit(self)
        self.search.setObjectName("ordersSearch")
        self.search.setMinimumWidth(SEARCH_MIN_WIDTH)
        filter_row.addWidget(self.search, 1)

        self.chip_strip = QScrollArea(self)
        self.chip_strip.setObjectName("ordersChipStrip")
        self.chip_strip.setFrameShape(QFrame.Shape.NoFrame)
        self.chip_strip.setWidgetResizable(True)
        self.chip_strip.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # A thin bar says "there is more to the right" without costing a row of height.
        self.chip_strip.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # a stable height
        self.chip_strip.horizontalScrollBar().setStyleSheet(CHIP_STRIP_BAR_STYLE)
        chips_widget = QWidget(self.chip_strip)
        chips_widget.setObjectName("ordersChips")
        self.chip_row = QHBoxLayout(chips_widget)
        self.chip_row.setContentsMargins(0, 0, 0, 0)
        self.chip_row.setSpacing(8)
        for status in STATUS_CHIPS:
            button = chip(chips_widget)
            button.toggled.connect(self._apply_now)
            self.status_chips[status] = button
            self.chip_row.addWidget(button)
        self.carrier_row = QHBoxLayout()  # filled when the carriers in use are known
        self.carrier_row.setSpacing(8)
        self.chip_row.addLayout(self.carrier_row)
        self.chip_row.addSpacing(16)  # the priorities apart from the statuses
        self.priority_label = self._filter_name()
        self.chip_row.addWidget(self.priority_label)
        self.priority_group = QButtonGroup(self)
        self.priority_group.setExclusive(True)
        for choice in PRIORITY_CHOICES:
            button = chip(chips_widget, checked=choice is None)
            self.priority_group.addButton(button)
            self.priority_chips[choice] = button
            self.chip_row.addWidget(button)
        self.priority_group.buttonToggled.connect(lambda _b, on: on and self._apply_now())
        self.chip_row.addStretch(1)
        self.chip_strip.setWidget(chips_widget)
        QScroller.grabGesture(self.chip_strip.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        _no_overshoot(self.chip_strip.viewport())
        # No press delay: a tap on a chip reaches it at once (the default holds presses back ~0.25 s
        # to tell a flick from a tap, which swallowed quick taps); a drag past the threshold still flicks.
        strip_scroller = QScroller.scroller(self.chip_strip.viewport())
        strip_properties = strip_scroller.scrollerProperties()
        strip_properties.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, 0)
        strip_scroller.setScrollerProperties(strip_properties)
        filter_row.addWidget(self.chip_strip, 2)
        layout.addLayout(filter_row)

        self.view = QTableView(self)
        self.view.setObjectName("ordersTable")
        self.view.setModel(self.model)
        self._set_up_view()
        layout.addWidget(self.view, 1)

        bottom = QHBoxLayout()
        bottom.setSpacing(8)
        self.count_label = QLabel(self)
        self.count_label.setProperty("quaiRole", "count")
        self.state_label = QLabel(self)
        self.state_label.setProperty("quaiRole", "hint")
        self.state_label.setWordWrap(True)
        self.selected_label = QLabel(self)
        self.selected_label.setProperty("quaiRole", "count")
        self.unselect_button = QPushButton(self)
        self.unselect_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.unselect_button.setProperty("quaiRole", "bar")  # 54 px tall, not the theme's 70: rows for the table
        self.clear_filters_button = QPushButton(self)
        self.clear_filters_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear_filters_button.setProperty("quaiRole", "bar")
        bottom.addWidget(self.count_label)
        bottom.addWidget(self.clear_filters_button)
        bottom.addWidget(self.state_label, 1)
        bottom.addWidget(self.selected_label)
        bottom.addWidget(self.unselect_button)
        layout.addLayout(bottom)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._apply_now)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self._apply_now)
        put_away_on_enter(self.search)  # the rows the keyboard covered are what was searched for
        # A search is order numbers, names, e-mails: no capital forced on the first letter.
        self.search.setInputMethodHints(Qt.InputMethodHint.ImhNoAutoUppercase | Qt.InputMethodHint.ImhNoPredictiveText)
        self.clear_filters_button.clicked.connect(self.clear_filters)
        self.unselect_button.clicked.connect(self.model.clear_selection)
        self.view.clicked.connect(self._tapped)
        self.model.selection_changed.connect(self._selection_changed)
        self.model.counted.connect(lambda _n: self._render_state())
        self.model.modelReset.connect(self._render_state)
        self.model.failed.connect(lambda _e: self._render_state())

        self.retranslate()
        self.model.start()
        worker.submit(_carriers_job, self._carriers_arrived, lambda _e: None)

    def _filter_name(self) -> QLabel:
        label = QLabel(self)
        label.setProperty("quaiRole", "filter-name")
        return label

    def _set_up_view(self) -> None:
        view = self.view
        view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)  # the model keeps it, by number
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        view.setMouseTracking(False)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setShowGrid(False)
        view.setCornerButtonEnabled(False)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        view.verticalHeader().setMinimumSectionSize(ROW_HEIGHT)
        header = view.horizontalHeader()
        header.setSectionsClickable(False)
        header.setHighlightSections(False)
        # Never ResizeToContents: it would read a thousand rows, hence pages, to size a column.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setStretchLastSection(True)
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # LeftMouseButtonGesture: a flick with the mouse, and with a finger through the mouse
        # events Qt synthesises from touch; a tap without movement still reaches the view.
        QScroller.grabGesture(view.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        _no_overshoot(view.viewport())

    def _size_columns(self) -> None:
        """Column widths from the view's font (after the style sheet applied it), sample texts in hand."""
        self.view.ensurePolished()  # the style sheet's font, not the default one
        metrics = self.view.fontMetrics()
        statuses = [texts.status_name(s) for s in STATUS_CHIPS]
        samples = {
            "mark": "✓", "number": "#0000000", "customer": "Françoise Lemaître", "status": max(statuses, key=len), "cutoff": "mer. 28 nov. 23:45",
            "priority": "Prio.", "city": "Saint-Étienne",
            "carrier": max((carrier_name(c) for c in (*self.carrier_chips, "mondial_relay", "")), key=len), "lines": "Lignes",
            "units": "Unités", "follow_up": "PICK-01 → PACK-02",  # the last column stretches over the rest
        }
        header = self.view.horizontalHeader()
        header.ensurePolished()
        header_metrics = header.fontMetrics()
        titles = header_texts()
        for key, sample in samples.items():
            width = max(metrics.horizontalAdvance(sample) + 32, header_metrics.horizontalAdvance(titles[key]) + 32)
            self.view.setColumnWidth(COLUMNS.index(key), width)

    def _fit_chip_strip(self) -> None:
        """The strip is exactly one chip row tall, plus its thin bar."""
        content = self.chip_row.parentWidget()
        content.ensurePolished()
        for button in (*self.priority_chips.values(), *self.status_chips.values(), *self.carrier_chips.values()):
            button.ensurePolished()
            # The strip's layout would squeeze a chip under its text (its minimum is the style's
            # min-width); the strip scrolls instead, so each chip is as wide as its text asks.
            button.setMinimumWidth(button.sizeHint().width())
        chips_height = content.sizeHint().height()
        self.chip_strip.setFixedHeight(chips_height + CHIP_STRIP_BAR)

    # --- filters -----------------------------------------------------------------------------------

    def current_filter(self) -> OrderFilter:
        return OrderFilter(
            statuses={s for s, b in self.status_chips.items() if b.isChecked()},
            carriers={c for c, b in self.carrier_chips.items() if b.isChecked()},
            priority_min=next((p for p, b in self.priority_chips.items() if b.isChecked()), None),
            text=self.search.text(),
        )

    def _apply_now(self, *_args) -> None:
        self._debounce.stop()
        self.model.set_filter(self.current_filter())
        self._render_state()

    def clear_filters(self) -> None:
        for button in (*self.status_chips.values(), *self.carrier_chips.values()):
            button.blockSignals(True)
            button.setChecked(False)
            button.blockSignals(False)
        self.priority_chips[None].setChecked(True)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._apply_now()

    def _carriers_arrived(self, names: list[str]) -> None:
        if not shiboken6.isValid(self):
            return  # the panel was closed before the answer
        for name in names:
            if name in self.carrier_chips:
                continue
            button = chip(self.chip_row.parentWidget())
            button.setText(carrier_name(name).replace("&", "&&"))  # not a mnemonic
            button.toggled.connect(self._apply_now)
            self.carrier_chips[name] = button
            self.carrier_row.addWidget(button)  # after the statuses, before the priorities
        self._fit_chip_strip()
        if self.isVisible():
            self._size_columns()  # the carrier column fits the longest name in use

    # --- the table -----------------------------------------------------------------------------------

    def _tapped(self, index: QModelIndex) -> None:
        self.model.toggle(index.row())

    def selected_numbers(self) -> tuple[str, ...]:
        return self.model.selected_numbers()

    def refresh(self) -> None:
        self.model.refresh()

    def _selection_changed(self) -> None:
        self._render_selection()
        self.selection_changed.emit()

    # --- texts ---------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.search.setPlaceholderText(translate("OrdersPanel", "Search: order, customer, city, e-mail"))
        self.clear_filters_button.setText(translate("OrdersPanel", "Clear filters"))
        self.priority_label.setText(translate("OrdersPanel", "Priority:"))
        for status, button in self.status_chips.items():
            button.setText(texts.status_name(status))
        for name, button in self.carrier_chips.items():
            button.setText(carrier_name(name).replace("&", "&&"))
        self.priority_chips[None].setText(translate("OrdersPanel", "All"))
        for level in PRIORITY_CHOICES[1:]:
            self.priority_chips[level].setText(f"≥ {level}")
            self.priority_chips[level].setAccessibleName(
                translate("OrdersPanel", "Priority %1 and more").replace("%1", str(level))
            )
        self.unselect_button.setText(translate("OrdersPanel", "Unselect all"))
        self._fit_chip_strip()
        self.model.retranslate()
        self._columns_sized = False
        if self.isVisible():
            self._size_columns()
            self._columns_sized = True
        self._render_state()
        self._render_selection()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event) -> None:
        if not self._columns_sized:
            self._size_columns()
            self._columns_sized = True
        super().showEvent(event)

    def _render_state(self) -> None:
        model = self.model
        count = QLocale().toString(model.rowCount())
        self.count_label.setText(
            texts.plural(model.rowCount(), translate("OrdersPanel", "%n order"), translate("OrdersPanel", "%n orders")).replace(
                str(model.rowCount()), count
            )
        )
        if model.error:
            self.state_label.setText(
                translate("OrdersPanel", "The list could not be read ({error}). Change a filter to try again.").replace(
                    "{error}", model.error
                )
            )
        elif model.loading:
            self.state_label.setText(translate("OrdersPanel", "Loading…"))
        else:
            self.state_label.setText("")

    def _render_selection(self) -> None:
        n = len(self.model.selected_numbers())
        self.selected_label.setText(
            texts.plural(
                n, translate("OrdersPanel", "%n order selected"), translate("OrdersPanel", "%n orders selected")
            )
        )
        self.unselect_button.setEnabled(n > 0)


def _no_overshoot(viewport: QWidget) -> None:
    scroller = QScroller.scroller(viewport)
    properties = scroller.scrollerProperties()
    off = QScrollerProperties.OvershootPolicy.OvershootAlwaysOff
    properties.setScrollMetric(QScrollerProperties.ScrollMetric.VerticalOvershootPolicy, off)
    properties.setScrollMetric(QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy, off)
    scroller.setScrollerProperties(properties)


def _carriers_job(context) -> list[str]:
    from app.store.order_browser import carriers

    with context.sessions() as session:
        return carriers(session)
