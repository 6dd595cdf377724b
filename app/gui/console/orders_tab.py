"""The console's Orders tab: the order list, its actions and the people cards. GUI thread only.

The order list (app.gui.console.orders_panel, tap to select), the action bar under it, the
people cards on the right. Reassign: drag the selection (the handle, or a long press on a
selected row) onto a card, or tap "Reassign" then a card; a card tapped while "Reassign" is
not armed only says so (a stray tap while scrolling moves nothing). The hint line above the
cards says what to do next, no hover needed.

One action at a time (app.gui.console.in_flight): from the tap that sends it until its
answer (or the refusal, or an error, or a minute without news) the action bar and the cards
are disabled, and a second request is ignored, so a double tap never sends it twice.

The tab decides nothing about rights: it asks (``action_requested``) and shows the answer
(``show_result`` / ``show_refusal``), which the screen (app.gui.screens.console) passes on.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from app.gui.console.action_bar import ActionBar, ResultPanel, TableDrag, action_name, orders_caption
from app.gui.console.in_flight import InFlight
from app.gui.console.orders_panel import OrdersPanel
from app.gui.console.people_panel import PeoplePanel, StationCard
from app.gui.console.reason_dialog import PriorityDialog, ReasonDialog
from app.gui.console.refusal_texts import refusal
from app.supervision import Cancel, ForceRelease, Hold, Reassign, Release, SetPriority

translate = QCoreApplication.translate
PEOPLE_WIDTH = 262


class OrdersTab(QWidget):
    action_requested = Signal(object)  # an app.supervision action on order numbers
    people_requested = Signal()  # the cards should be read again

    def __init__(self, replica, parent: QWidget | None = None, *, page_size: int = 100) -> None:
        super().__init__(parent)
        self._guided_count = -1  # the selection's size when the hint line was last set
        self.dialog = None  # the last dialog opened: tests (and a second tap) find it
        self.in_flight = InFlight(self)  # the action sent, until its answer
        self.in_flight.busy_changed.connect(self._busy)
        self.in_flight.given_up.connect(self._no_answer)

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        left = QVBoxLayout()
        left.setSpacing(6)
        self.orders = OrdersPanel(replica, self, page_size=page_size)
        left.addWidget(self.orders, 1)
        row.addLayout(left, 1)
        right = QVBoxLayout()
        right.setContentsMargins(0, 8, 0, 0)
        right.setSpacing(8)
        self.action_bar = ActionBar(self.orders.selected_numbers, self)
        self.action_bar.requested.connect(self._action_tapped)
        right.addWidget(self.action_bar)
        self.result = ResultPanel(self)  # beside the list, not over it: the table keeps its rows
        right.addWidget(self.result)
        self.people = PeoplePanel(self)
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

    def forget(self) -> None:
        """Another person at the console: nothing of the previous one's work stays selected or said."""
        self.orders.model.clear_selection()
        self.result.hide()
        self._arm(False)

    def refresh(self) -> None:
        self.orders.refresh()
        self.people_requested.emit()

    def selected(self) -> tuple[str, ...]:
        return self.orders.selected_numbers()

    def _selection_changed(self) -> None:
        count = len(self.selected())
        self.action_bar.set_count(count)
        if not count:
            self._arm(False)
        elif count != self._guided_count:
            self._guide()  # the same selection read again (a refresh) keeps a hint just given
        self._guided_count = count

    # --- reassign: armed, and the hint line -------------------------------------------------------
    @property
    def armed(self) -> bool:
        return self.action_bar.buttons["reassign"].isChecked()

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

    # --- actions ------------------------------------------------------------------------------------
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

    # --- one action in flight -----------------------------------------------------------------------
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
        self.people.show_cards(cards)

    # --- texts ----------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Called by the screen on a language change (the tab has no changeEvent of its own)."""
        self.action_bar.retranslate()
        self.people.retranslate()
        self._guided_count = -1  # the hint said again, in the new language
        self._selection_changed()
