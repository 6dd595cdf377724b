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

The Orders tab (its list, actions, people cards, one action in flight) is
app.gui.console.orders_tab.OrdersTab; the screen builds it when first shown, passes its
requests on (``action_requested``, ``people_requested``) and the answers back to it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QScrollArea, QScroller, QStackedWidget, QTabWidget, QVBoxLayout, QWidget,
)

from app.gui.screens.pack_widgets import button, label

translate = QCoreApplication.translate
TABS = ("overview", "orders", "kpis")

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
        self.orders_tab = None  # app.gui.console.orders_tab.OrdersTab, built when first shown
        self.overview = None
        self.kpis = None

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
        if user_name != self.user_name and self.orders_tab is not None:
            self.orders_tab.forget()  # another person: nothing of the previous one's work stays
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
        if key == "orders" and self.orders_tab is None:
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

    @property
    def orders(self):
        """The order list (app.gui.console.orders_panel.OrdersPanel); None until its tab is built."""
        return self.orders_tab.orders if self.orders_tab is not None else None

    # --- the orders tab -----------------------------------------------------------------------------
    def _build_orders(self) -> None:
        from app.gui.console.orders_tab import OrdersTab

        self.orders_tab = OrdersTab(self._replica, self._tab_pages["orders"], page_size=self._page_size)
        self.orders_tab.action_requested.connect(self.action_requested)
        self.orders_tab.people_requested.connect(self.people_requested)
        self._tab_pages["orders"].layout().addWidget(self.orders_tab)
        self.people_requested.emit()

    # --- answers (from the window's app.gui.console.console_ui) for the orders tab -------------------
    def show_result(self, action, result) -> None:
        """``result``: app.supervision.ActionResult of ``action``."""
        if self.orders_tab is not None:
            self.orders_tab.show_result(action, result)

    def show_refusal(self, text: str, action=None) -> None:
        """The action was refused or failed as a whole (not a supervisor any more, the central
        database away, an error)."""
        if self.orders_tab is not None:
            self.orders_tab.show_refusal(text, action)

    def show_people(self, cards) -> None:
        """``cards``: app.gui.console.people_panel.StationCard, one a station."""
        if self.orders_tab is not None:
            self.orders_tab.show_people(cards)

    def refresh(self) -> None:
        if self.overview is not None:
            self.overview.poll()  # its mismatches; its replica data follows replica_changed (one read a pull)
        if self.orders_tab is not None:
            self.orders_tab.refresh()

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
        if self.orders_tab is not None:
            self.orders_tab.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
