"""The supervisor's touchscreen console: Overview | Orders | KPIs, in big tabs. GUI thread only.

``ConsoleScreen(replica, central, station)`` takes the station's two workers: the order
list and the people cards read the replica, the KPIs (and the overview's central parts)
the central database. The tabs are built the first time they are shown, so the console
opens on its first tab without waiting for the others.

The screen decides nothing about rights: it shows itself only for a session whose role
is supervisor (``set_session``; any other session sees a refusal and no tab), and every
action it asks for (``action_requested(action)``, an app.supervision action) is checked
again centrally, in the domain (app.sync.supervision.apply_action), by the window's
app.gui.console.console_ui, which answers with ``show_result`` or ``show_refusal``.

Orders tab: the order list (app.gui.console.orders_panel, tap to select), the action bar
under it, the people cards on the right. Reassign: drag the selection (the handle, or a
long press on a selected row) onto a card, or tap "Reassign" then a card; a card tapped
while "Reassign" is not armed only says so (a stray tap while scrolling moves nothing). The
hint line above the cards says what to do next, no hover needed.

One action at a time (app.gui.console.in_flight): from the tap that sends it until its
answer (or the refusal, or an error, or a minute without news) the action bar and the cards
are disabled, and a second request is ignored, so a double tap never sends it twice.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QScrollArea, QScroller, QStackedWidget, QTabWidget, QVBoxLayout, QWidget,
)

from app.gui.console.action_bar import ActionBar, ResultPanel, TableDrag, action_name, orders_caption
from app.gui.console.in_flight import InFlight
from app.gui.console.people_panel import PeoplePanel, StationCard
from app.gui.console.reason_dialog import PriorityDialog, ReasonDialog
from app.gui.screens.pack_widgets import button, label
from app.supervision import Cancel, ForceRelease, Hold, Reassign, Release, SetPriority
from app.supervision.texts import CONTEXT as REFUSAL_CONTEXT
from app.supervision.texts import refusal_text

translate = QCoreApplication.translate
TABS = ("overview", "orders", "kpis")
PEOPLE_WIDTH = 262

STYLE = """
QTabWidget#consoleTabs::pane { border-top: 4px solid #0b3d91; }
QTabBar::tab { min-height: 56px; min-width: 200px; font-size: 26px; font-weight: 800; padding: 2px 20px;
    background: #f2f2f2; color: #111111; border: 3px solid #111111; border-bottom: none;
    border-top-left-radius: 10px; border-top-right-radius: 10px; margin-right: 6px; }
QTabBar::tab:selected { background: #0b3d91; color: #ffffff; border-color: #0b3d91; }
QLabel[quaiRole="console-title"] { font-size: 30px; font-weight: 900; color: #0b3d91; }
QLabel[quaiRole="console-user"] { font-size: 24px; font-weight: 700; }
QLabel[quaiRole="console-hint"] { font-size: 22px; font-weight: 700; color: #111111; background: #ffd54f;
    border: 3px solid #111111; border-radius: 8px; padding: 6px 12px; }
QLabel[quaiRole="console-refused"] { font-size: 30px; font-weight: 800; color: #7a0010; }
QPushButton[quaiRole="console-tool"] { min-height: 56px; font-size: 22px; font-weight: 700; padding: 4px 20px; }
"""


def scrolling(panel: QWidget) -> QScrollArea:
    """``panel`` in a flickable area: a panel taller or wider than the screen scrolls rather
    than pushing the window past the screen's edges."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(panel)
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    return area


def refusal(code: str) -> str:
    """The domain's reason for ``code``, in the person's language."""
    return translate(REFUSAL_CONTEXT, refusal_text(code))


class ConsoleScreen(QWidget):
    back_requested = Signal()  # to the supervisor's home (scanner test, printers, dock)
    logout_requested = Signal()
    action_requested = Signal(object)  # an app.supervision action on order numbers
    people_requested = Signal()  # the cards should be read again

    def __init__(self, replica, central, station: str, parent: QWidget | None = None, *,
                 page_size: int = 100, replica_changed=None, cutoff_rules=None) -> None:
        """``replica_changed``: a signal fired when a sync pulled changes (the window's); the
        overview reads again on it. ``cutoff_rules``: the site's (app.store.overview.CutoffRules)."""
        super().__init__(parent)
        self.setObjectName("consoleScreen")
        self.setStyleSheet(STYLE)
        self._replica, self._central, self.station = replica, central, station
        self._page_size = page_size
        self._replica_changed = replica_changed
        self._cutoff_rules = cutoff_rules
        self.user_name = ""
        self.allowed = False
        self.orders = None  # app.gui.console.orders_panel.OrdersPanel, built with its tab
        self.overview = None
        self.kpis = None
        self._guided_count = -1  # the selection's size when the hint line was last set
        self.in_flight = InFlight(self)  # the action sent, until its answer
        self.in_flight.busy_changed.connect(self._busy)
        self.in_flight.given_up.connect(self._no_answer)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 2, 8, 0)
        outer.setSpacing(0)
        # Who and the way out sit beside the tabs: at 800 px high every line counts for the lists.
        corner = QWidget(self)
        header = QHBoxLayout(corner)
        header.setContentsMargins(8, 0, 0, 4)
        header.setSpacing(8)
        self.user_label = label(corner, "console-user")
        self.tools_button = button(corner, "console-tool")
        self.tools_button.clicked.connect(self.back_requested)
        self.logout_button = button(corner, "console-tool")
        self.logout_button.clicked.connect(self.logout_requested)
        self.user_label.hide()  # the status area below names the person already
        header.addWidget(self.tools_button)
        header.addWidget(self.logout_button)
        self.pages = QStackedWidget(self)
        self.refused_label = label(self, "console-refused", wrap=True, align=Qt.AlignmentFlag.AlignCenter)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("consoleTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.tabBar().setExpanding(False)
        self.tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._tab_pages: dict[str, QWidget] = {}
        for key in TABS:
            page = QWidget()
            QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)
            self._tab_pages[key] = page
            self.tabs.addTab(page, "")
        self.tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)
        self.tabs.currentChanged.connect(self._tab_shown)
        self.pages.addWidget(self.refused_label)
        self.pages.addWidget(self.tabs)
        outer.addWidget(self.pages, 1)
        self.retranslate()

    # --- who is here ------------------------------------------------------------------------------
    def set_session(self, user_name: str, role: str | None) -> None:
        """Only a supervisor's session sees the tabs; any other sees why not (and nothing loads)."""
        if user_name != self.user_name and self.orders is not None:
            # Another person: nothing of the previous one's work stays selected or said.
            self.orders.model.clear_selection()
            self.result.hide()
            self._arm(False)
        self.user_name = user_name
        self.allowed = role == "supervisor"
        self.pages.setCurrentWidget(self.tabs if self.allowed else self.refused_label)
        self.retranslate()
        if self.allowed:
            self._tab_shown(self.tabs.currentIndex())

    def show_tab(self, key: str) -> None:
        self.tabs.setCurrentIndex(TABS.index(key))

    @property
    def current_tab(self) -> str:
        return TABS[self.tabs.currentIndex()]

    def _tab_shown(self, index: int) -> None:
        if not self.allowed or index < 0:
            return
        key = TABS[index]
        if key == "orders" and self.orders is None:
            self._build_orders()
        elif key == "overview" and self.overview is None:
            from app.gui.console.overview_panel import OverviewPanel

            self.overview = OverviewPanel(self._replica, self._central, rules=self._cutoff_rules)
            if self._replica_changed is not None:
                self.overview.follow(self._replica_changed)
            self.overview.order_chosen.connect(self.find_order)
            self._tab_pages[key].layout().addWidget(scrolling(self.overview))
        if key == "overview":
            self.overview.refresh()  # it reads when asked (and on each replica change), never by itself
        elif key == "kpis" and self.kpis is None:
            from app.gui.console.kpi_panel import KpiPanel

            self.kpis = KpiPanel(self._central)
            self._tab_pages[key].layout().addWidget(scrolling(self.kpis))

    def find_order(self, number: str) -> None:
        """An order tapped elsewhere (an exception of the overview): the orders tab, searching for it."""
        self.show_tab("orders")
        if self.orders is not None:
            self.orders.clear_filters()
            self.orders.search.setText(number)

    # --- the orders tab -----------------------------------------------------------------------------
    def _build_orders(self) -> None:
        from app.gui.console.orders_panel import OrdersPanel

        page = self._tab_pages["orders"]
        row = QHBoxLayout()
        row.setSpacing(10)
        left = QVBoxLayout()
        left.setSpacing(6)
        self.orders = OrdersPanel(self._replica, page, page_size=self._page_size)
        left.addWidget(self.orders, 1)
        row.addLayout(left, 1)
        right = QVBoxLayout()
        right.setContentsMargins(0, 8, 0, 0)
        right.setSpacing(8)
        self.action_bar = ActionBar(self.orders.selected_numbers, page)
        self.action_bar.requested.connect(self._action_tapped)
        right.addWidget(self.action_bar)
        self.result = ResultPanel(page)  # beside the list, not over it: the table keeps its rows
        right.addWidget(self.result)
        self.people = PeoplePanel(page)
        self.people.orders_dropped.connect(self.reassign_to)
        self.people.card_tapped.connect(self.card_tapped)
        right.addWidget(self.people, 1)
        for widget in (self.action_bar, self.result, self.people):
            widget.setFixedWidth(PEOPLE_WIDTH)
        # The result and the cards wrap their texts (height for width): the column's layout then
        # takes their wrapped heights as minimums and would squeeze the keys under theirs. Said
        # outright, the keys' height holds; the result's reasons and the cards scroll instead.
        self.action_bar.ensurePolished()
        self.action_bar.setMinimumHeight(self.action_bar.minimumSizeHint().height())
        row.addLayout(right)
        page.layout().addLayout(row)
        model = self.orders.model
        self.table_drag = TableDrag(
            self.orders.view,
            lambda r: (o := model.order_at(r)) is not None and model.is_selected(o.number),
            self.orders.selected_numbers,
            lambda: orders_caption(len(self.selected())),
        )
        self.orders.selection_changed.connect(self._selection_changed)
        self.action_bar.retranslate()
        self._selection_changed()
        self.people_requested.emit()

    def selected(self) -> tuple[str, ...]:
        return self.orders.selected_numbers() if self.orders is not None else ()

    def _selection_changed(self) -> None:
        count = len(self.selected())
        self.action_bar.set_count(count)
        if not count:
            self._arm(False)
        elif count != self._guided_count:
            self._guide()  # the same selection read again (a refresh) keeps a hint just given
        self._guided_count = count

    @property
    def armed(self) -> bool:
        return self.orders is not None and self.action_bar.buttons["reassign"].isChecked()

    def _arm(self, armed: bool) -> None:
        self.action_bar.buttons["reassign"].setChecked(armed)
        self.people.set_armed(armed)
        self._guide()

    def _guide(self) -> None:
        """The next step, on screen: choose a card (armed), or how to reassign what is selected."""
        if self.armed:
            self._hint(translate("Console", "Tap a card, or drag onto it:"))
        elif self.selected():
            self.people.set_hint(translate("Console", "Drag ✥ onto a card to reassign"), loud=False)
        else:
            self._hint("")

    def _hint(self, text: str) -> None:
        """Said in place of the cards' title (at 800 px high there is no room for one more line)."""
        self.people.set_hint(text)

    @property
    def hint_text(self) -> str:
        return self.people.hint

    def _action_tapped(self, action: str) -> None:
        numbers = self.selected()
        if not numbers:
            return
        count = len(numbers)
        if action == "reassign":
            self._arm(self.action_bar.buttons["reassign"].isChecked())
            return
        self._arm(False)
        if action == "priority":
            current = next((row.priority for n in numbers[:1] if (row := self._row(n)) is not None), 1)
            self._open(PriorityDialog(count, current, self), lambda p: SetPriority(numbers, priority=p))
        elif action == "hold":
            self._open(ReasonDialog("hold", count, self), lambda reason: Hold(numbers, reason=reason))
        elif action == "release":
            self.request(Release(numbers))  # a fraud hold refuses without a reason: asked then
        elif action == "cancel":
            self._open(ReasonDialog("cancel", count, self), lambda reason: Cancel(numbers, reason=reason))
        elif action == "force_release":
            self._open(ReasonDialog("force_release", count, self, required=False),
                       lambda reason: ForceRelease(numbers, reason=reason))

    def _row(self, number: str):
        model = self.orders.model
        for row in range(min(model.rowCount(), 500)):
            order = model.order_at(row)
            if order is not None and order.number == number:
                return order
        return None

    def _open(self, dialog, make: Callable) -> None:
        self.dialog = dialog  # kept: tests (and a second tap) find it
        dialog.chosen.connect(lambda value: self.request(make(value)))
        dialog.open()

    def card_tapped(self, station: str) -> None:
        """A tap on a card reassigns the selection there only while "Reassign" is armed. The
        hints are short: two lines at most in the 262 px column (it is full at 800 px)."""
        if not self.selected():
            self._hint(translate("Console", "Tap orders first."))
        elif not self.armed:
            self._hint(translate("Console", "Tap “%1” first.").replace("%1", action_name("reassign")))
        else:
            self.reassign_to(station)

    def reassign_to(self, station: str, numbers: tuple[str, ...] = ()) -> None:
        """Orders dropped on a card (``numbers``), or the selection once a card is chosen."""
        numbers = numbers or self.selected()
        if not numbers or self.pending is not None:
            return
        self._arm(False)
        self.request(Reassign(numbers, to=station))

    @property
    def pending(self):
        """The action on its way to the central database (None: none)."""
        return self.in_flight.action

    def request(self, action) -> None:
        """Send ``action``; ignored while another is on its way (a double tap sends it once)."""
        if not self.in_flight.start(action):
            return
        self.result.show_result(translate("Console", "%1: sending…").replace("%1", action_name(action.name)), [], False)
        self.action_requested.emit(action)

    def _busy(self, busy: bool) -> None:
        if self.orders is not None:
            self.action_bar.set_busy(busy)
            self.people.set_busy(busy)

    def _no_answer(self) -> None:
        """Nothing back for a minute: usable again, and the action may still have been applied."""
        self.result.show_result(translate(
            "Console", "No answer from the central database yet. The action may still be applied: "
            "check the list before trying again."), [], True)

    # --- answers ------------------------------------------------------------------------------------
    def show_result(self, action, result) -> None:
        """``result``: app.supervision.ActionResult of ``action``."""
        self.in_flight.answered(action)
        done, refused = result.done, result.refused
        name = action_name(result.action)
        title = translate("Console", "%1: %2 done, %3 refused").replace("%1", name).replace(
            "%2", str(len(done))).replace("%3", str(len(refused)))
        if result.to_station and done:
            title += " → " + result.to_station
        lines = [f"{number} — {refusal(code)}" for number, code in refused.items()]
        self.result.show_result(title, lines, bool(refused))
        if self.orders is not None:
            self.orders.model.select_numbers(done, selected=False)  # the refused stay selected, to act on again
        fraud = tuple(n for n, code in refused.items() if code == "release_needs_reason")
        if result.action == "release" and fraud and not getattr(action, "reason", ""):
            self._open(ReasonDialog("release", len(fraud), self, detail=refusal("release_needs_reason")),
                       lambda reason: Release(fraud, reason=reason))

    def show_refusal(self, text: str, action=None) -> None:
        """The action was refused or failed as a whole (not a supervisor any more, the central
        database away, an error)."""
        self.in_flight.answered(action)
        self.result.show_result(text, [], True)

    def show_people(self, cards: list[StationCard]) -> None:
        if self.orders is not None:
            self.people.show_cards(cards)

    def refresh(self) -> None:
        if self.overview is not None:
            self.overview.poll()  # its mismatches; its replica data follows replica_changed (one read a pull)
        if self.orders is not None:
            self.orders.refresh()
            self.people_requested.emit()

    # --- texts ----------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.user_label.setText(self.user_name)
        self.tools_button.setText(translate("Console", "Tools"))
        self.logout_button.setText(translate("Console", "Log out"))
        self.tabs.setTabText(0, translate("Console", "Overview"))
        self.tabs.setTabText(1, translate("Console", "Orders"))
        self.tabs.setTabText(2, translate("Console", "KPIs"))
        self.refused_label.setText(translate(
            "Console", "The console is for supervisors only. Log out, then log in with a supervisor's badge and PIN."))
        if self.orders is not None:
            self.action_bar.retranslate()
            self.people.retranslate()
            self._guided_count = -1  # the hint said again, in the new language
            self._selection_changed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
