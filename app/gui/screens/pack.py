"""The pack screen: what to verify, into which box, what it weighs, what goes with it. GUI thread only.

A view over ``app.packing.outcome.PackView`` plus what the station adds (``Extras``: the box
list, the scale's live reading, the countdown, the closed parcels). The header names the
order, the carrier and the service (relay point, click & collect); the left side lists the
lines with what is still to verify, the right side the parcel n/N, its box (big), expected
and read weights, and the gift message. Panels take the place of the list when the packer
keys a quantity or a weight, chooses a box, ticks the inserts, watches the countdown, or is
done. A refused action's error stays in a red strip under the header until the next
accepted one. Scans reach the pack through the main window, never through this widget.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QProgressBar, QStackedWidget, QVBoxLayout, QWidget

from app.gui import pack_texts
from app.gui.screens.keypad import Keypad
from app.gui.screens.pack_panels import BoxList, CountdownPage, DonePage, InsertsPage, Question
from app.gui.screens.pack_widgets import PACK_STYLE, WeightPad, button, label, set_role
from app.gui.screens.pack_work import WorkPage

translate = QCoreApplication.translate


@dataclass
class Extras:
    """What the screen shows besides the session's view."""

    boxes: tuple = ()  # app.packing.model.BoxOption, for the box list
    insert_labels: dict[str, str] = field(default_factory=dict)
    current_line: int | None = None  # the line in hand (highlighted)
    quantity_max: int | None = None  # a quantity may be keyed in, up to this; None: not now
    quantity_name: str = ""
    live: tuple[int, bool] | None = None  # the scale's last reading: grams, stable
    scale_text: str = ""
    manual_weight: bool = True  # the weight may be keyed in
    countdown: int | None = None  # seconds left; None: stopped (at LABEL)
    closed_parcels: list[dict[str, Any]] = field(default_factory=list)
    printed_text: str = ""
    error_text: str = ""  # the last refusal's full text (the view keeps only its code)
    failed: tuple[int, int | None] | None = None  # the weighing out of tolerance: grams, expected
    relay: str | None = None  # the relay point, "Name (id)"


class PackScreen(QWidget):
    undo_requested = Signal()
    quantity_entered = Signal(int)  # confirmed on the screen
    box_chosen = Signal(str)
    next_parcel_requested = Signal()
    weight_entered = Signal(int)  # grams keyed in
    override_requested = Signal(str)  # verification | weight
    inserts_done = Signal(list, bool)
    cancel_print_requested = Signal()
    print_now_requested = Signal()
    cancel_pack_confirmed = Signal()
    next_order_requested = Signal()
    reprint_requested = Signal()
    logout_requested = Signal()

    LINE_ROWS = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("packScreen")
        self.setStyleSheet(PACK_STYLE)
        self.view = None
        self.extras = Extras()
        self.panel: str | None = None  # quantity | quantity_confirm | weight | boxes | cancel
        self._quantity = 0
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 8, 24, 8)
        outer.setSpacing(6)

        top = QHBoxLayout()
        self.order_label = label(self, "pack-order")
        self.carrier_label = label(self, "pack-carrier")
        self.progress_label = label(self, "subtitle", align=Qt.AlignmentFlag.AlignRight)
        top.addWidget(self.order_label)
        top.addSpacing(16)
        top.addWidget(self.carrier_label, 1)
        top.addWidget(self.progress_label)
        outer.addLayout(top)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(14)
        outer.addWidget(self.progress)

        self.error_frame = QFrame(self)
        self.error_frame.setProperty("quaiRole", "pack-error")
        error = QHBoxLayout(self.error_frame)
        error.setContentsMargins(14, 6, 14, 6)
        self.error_label = label(self.error_frame, "", wrap=True)
        error.addWidget(self.error_label)
        outer.addWidget(self.error_frame)

        self.instruction = label(self, "pack-instruction")
        self.instruction.setContentsMargins(12, 0, 12, 0)
        outer.addWidget(self.instruction)

        self.pages = QStackedWidget(self)
        outer.addWidget(self.pages, 1)
        self.work_page = WorkPage(self)
        self.line_rows = self.work_page.line_rows
        self.side = self.work_page.side
        self.keypad = Keypad(self)
        self.keypad.entered.connect(self._quantity_keyed)
        self.keypad.cancelled.connect(self.close_panel)
        self.weight_pad = WeightPad(self)
        self.weight_pad.entered.connect(self._weight_keyed)
        self.weight_pad.cancelled.connect(self.close_panel)
        self.box_list = BoxList(self)
        self.box_list.chosen.connect(self._box_chosen)
        self.box_list.cancelled.connect(self.close_panel)
        self.inserts_page = InsertsPage(self)
        self.inserts_page.done.connect(self.inserts_done)
        self.countdown_page = CountdownPage(self)
        self.countdown_page.cancel_requested.connect(self.cancel_print_requested)
        self.countdown_page.print_now_requested.connect(self.print_now_requested)
        self.done_page = DonePage(self)
        self.done_page.next_requested.connect(self.next_order_requested)
        self.done_page.reprint_requested.connect(self.reprint_requested)
        self.question = Question(self)
        self.question.answered.connect(self._answered)
        for page in (self.work_page, self.keypad, self.weight_pad, self.box_list, self.inserts_page,
                     self.countdown_page, self.done_page, self.question):
            self.pages.addWidget(page)

        bottom = QHBoxLayout()
        bottom.setSpacing(10)
        self.undo_button = button(self, "pack-tool")
        self.undo_button.clicked.connect(self.undo_requested)
        self.quantity_button = button(self, "pack-tool")
        self.quantity_button.clicked.connect(self.ask_quantity)
        self.box_button = button(self, "pack-tool")
        self.box_button.clicked.connect(self.ask_box)
        self.parcel_button = button(self, "pack-tool")
        self.parcel_button.clicked.connect(self.next_parcel_requested)
        self.weight_button = button(self, "pack-tool")
        self.weight_button.clicked.connect(self.ask_weight)
        self.override_button = button(self, "pack-tool")
        self.override_button.clicked.connect(lambda: self.override_requested.emit(self.override_what()))
        self.cancel_button = button(self, "pack-tool-danger")
        self.cancel_button.clicked.connect(self.ask_cancel)
        self.logout_button = button(self, "pack-tool-danger")
        self.logout_button.clicked.connect(self.logout_requested)
        for widget in (self.undo_button, self.quantity_button, self.box_button, self.parcel_button,
                       self.weight_button, self.override_button):
            widget.setMinimumHeight(64)
            bottom.addWidget(widget)
        bottom.addStretch(1)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.logout_button)
        outer.addLayout(bottom)
        self.retranslate()

    # --- what the packing UI calls -----------------------------------------------------------------
    def show_view(self, view, extras: Extras) -> None:
        self.view = view
        self.extras = extras
        self.render()

    def override_what(self) -> str:
        view = self.view
        if view is not None and (str(view.step) == "recheck" or view.last_error == "weight_out_of_tolerance"):
            return "weight"
        return "verification"

    def ask_quantity(self) -> None:
        extras = self.extras
        if extras.quantity_max is None:
            return
        self.panel = "quantity"
        self.keypad.ask(translate("PackScreen", "How many more units of %1 are in the tote? (at most %2)")
                        .replace("%1", extras.quantity_name).replace("%2", str(extras.quantity_max)),
                        extras.quantity_max)
        self.render()

    def ask_weight(self) -> None:
        self.panel = "weight"
        self.weight_pad.ask(translate("PackScreen", "Weight of parcel %1 (expected %2)")
                            .replace("%1", str(self.view.parcel if self.view else 1))
                            .replace("%2", pack_texts.grams_text(self.view.expected_weight_g if self.view else None)))
        self.render()

    def ask_box(self) -> None:
        self.panel = "boxes"
        self.box_list.show_boxes(self.extras.boxes, self.view.suggested_box if self.view else None)
        self.render()

    def ask_cancel(self) -> None:
        self.panel = "cancel"
        self.question.ask(
            translate("PackScreen", "Cancel packing order %1? Everything verified is forgotten and the tote goes back "
                                    "to the packing queue.").replace("%1", self.view.order if self.view else ""),
            translate("PackScreen", "Yes, cancel the pack"), translate("PackScreen", "No, go on packing"), danger=True)
        self.render()

    def close_panel(self) -> None:
        self.panel = None
        self.render()

    def reset(self) -> None:
        """The pack shown ended (closed, taken away, logged out): no keypad, question, weight
        entry or countdown is left to come back over the next pack."""
        self.panel = None
        self._quantity = 0
        self.view = None
        self.extras = Extras()
        self.pages.setCurrentWidget(self.work_page)

    def show_countdown(self, seconds: int | None) -> None:
        self.countdown_page.show_seconds(seconds)

    # --- inside --------------------------------------------------------------------------------------
    def _quantity_keyed(self, n: int) -> None:
        if n <= 0:
            self.close_panel()
            return
        self._quantity = n
        self.panel = "quantity_confirm"
        self.question.ask(translate("PackScreen", "Confirm: %1 × %2 more in this parcel?")
                          .replace("%1", str(n)).replace("%2", self.extras.quantity_name),
                          translate("PackScreen", "Yes, %1 units").replace("%1", str(n)),
                          translate("PackScreen", "No, count again"))
        self.render()

    def _weight_keyed(self, grams: int) -> None:
        self.panel = None
        self.weight_entered.emit(grams)
        self.render()

    def _box_chosen(self, code: str) -> None:
        self.panel = None
        self.box_chosen.emit(code)
        self.render()

    def _answered(self, yes: bool) -> None:
        panel, self.panel = self.panel, None
        if panel == "quantity_confirm" and yes:
            self.quantity_entered.emit(self._quantity)
        elif panel == "quantity_confirm":
            self.ask_quantity()
            return
        elif panel == "cancel" and yes:
            self.cancel_pack_confirmed.emit()
        self.render()

    # --- rendering -------------------------------------------------------------------------------------
    def render(self) -> None:
        view = self.view
        if view is None:
            return
        extras = self.extras
        step = str(view.step)
        self._render_header(view)
        error = view.last_error
        self.error_frame.setVisible(bool(error) and step not in ("closed", "cancelled"))
        if error:
            self.error_label.setText(self._error_text(view))

        if step in ("closed", "cancelled"):
            self.panel = None
        if self.panel == "quantity" and extras.quantity_max is None:
            self.panel = None
        page: QWidget
        if self.panel in ("quantity",):
            page = self.keypad
        elif self.panel in ("quantity_confirm", "cancel"):
            page = self.question
        elif self.panel == "weight":
            page = self.weight_pad
        elif self.panel == "boxes":
            page = self.box_list
        elif step == "closed":
            self.done_page.show_done(view, extras.closed_parcels, extras.printed_text)
            page = self.done_page
        elif step == "label":
            self.countdown_page.show_seconds(extras.countdown)
            page = self.countdown_page
        elif step == "inserts":
            self.inserts_page.show_inserts(view.inserts, extras.insert_labels, view.gift_message)
            page = self.inserts_page
        else:
            self.work_page.show_view(view, extras)
            page = self.work_page
        self.pages.setCurrentWidget(page)
        self.instruction.setText(self._instruction(view, step))
        self.instruction.setVisible(page is self.work_page)
        set_role(self.instruction, "pack-instruction-now" if view.serial_wanted or step in ("box", "weigh", "recheck")
                 else "pack-instruction")
        self._render_buttons(view, step, extras)

    def _render_header(self, view) -> None:
        self.order_label.setText(translate("PackScreen", "Order %1").replace("%1", view.order))
        parts = [pack_texts.carrier_name(view.carrier)]
        if view.delivery_mode == "relay" and self.extras.relay:
            parts.append(translate("PackScreen", "Relay point: %1").replace("%1", self.extras.relay))
        elif view.carrier != "click_collect":  # its name says it already
            parts.append(pack_texts.delivery_text(view.delivery_mode))
        if view.service and view.service.casefold() not in ("domicile", "home", "relais", "relay", "retrait", "pickup"):
            parts.append(view.service)  # a named service (chrono13, …); the mode alone says the rest
        self.carrier_label.setText(" · ".join(parts))
        self.progress_label.setText(translate("PackScreen", "%1 / %2 units · parcel %3 / %4")
                                    .replace("%1", str(view.units_verified)).replace("%2", str(view.units_total))
                                    .replace("%3", str(view.parcel)).replace("%4", str(view.parcel_count)))
        self.progress.setMaximum(max(1, view.units_total))
        self.progress.setValue(min(view.units_verified, max(1, view.units_total)))

    def _error_text(self, view) -> str:
        if self.extras.error_text:
            return self.extras.error_text
        code = view.last_error
        if code == "weight_out_of_tolerance":
            return pack_texts.weight_off_text({"grams": view.weight_g if view.weight_g is not None else
                                               (self.extras.live[0] if self.extras.live else None),
                                               "expected_g": view.expected_weight_g})
        return pack_texts.outcome_text(_Code(code))

    def _instruction(self, view, step: str) -> str:
        if view.serial_wanted:
            name = next((line.name for line in view.lines if line.sku == view.serial_wanted and line.name),
                        view.serial_wanted)
            return translate("PackScreen", "Scan the serial number of %1").replace("%1", name)
        if step == "verify":
            return translate("PackScreen", "Scan every unit into the parcel")
        if step == "box":
            return translate("PackScreen", "Scan the barcode of box %1").replace(
                "%1", view.suggested_box or translate("PackScreen", "(choose one)"))
        if step == "weigh":
            if not self.extras.manual_weight:
                return translate("PackScreen", "Put the parcel on the scale")
            return translate("PackScreen", "Weigh the parcel and key its weight in")
        if step == "recheck":
            return translate("PackScreen", "Weight off: scan the parcel's units again")
        return ""

    def _render_buttons(self, view, step: str, extras: Extras) -> None:
        working = step in ("verify", "box", "weigh", "recheck")
        free = self.panel is None
        for widget in (self.undo_button, self.quantity_button, self.box_button, self.parcel_button,
                       self.weight_button, self.override_button, self.cancel_button):
            widget.setVisible(free)  # an open panel has its own Cancel / Back
        if not free:
            return
        self.undo_button.setVisible(step not in ("closed", "cancelled", "label"))  # beside "Cancel printing": one "cancel" only
        self.undo_button.setEnabled(view.can_undo and free)
        self.quantity_button.setVisible(extras.quantity_max is not None and step in ("verify", "recheck"))
        self.quantity_button.setEnabled(free)
        self.box_button.setVisible(step in ("verify", "box"))
        self.box_button.setEnabled(free)
        self.parcel_button.setVisible(step == "verify" and view.units_verified > 0)
        self.parcel_button.setEnabled(free)
        self.weight_button.setVisible(step in ("weigh",) and extras.manual_weight)
        self.weight_button.setEnabled(free)
        needs_override = (step in ("verify", "box") and view.units_verified < view.units_total) or \
            step == "recheck" or view.last_error == "weight_out_of_tolerance"
        self.override_button.setVisible(working and needs_override)
        self.override_button.setEnabled(free)
        self.cancel_button.setVisible(step not in ("closed", "cancelled", "label"))
        self.cancel_button.setEnabled(free)
        self.logout_button.setVisible(step != "label")

    def retranslate(self) -> None:
        self.undo_button.setText(translate("PackScreen", "Undo"))
        self.quantity_button.setText(translate("PackScreen", "Key in quantity"))
        self.box_button.setText(translate("PackScreen", "Other box"))
        self.parcel_button.setText(translate("PackScreen", "Next parcel"))
        self.weight_button.setText(translate("PackScreen", "Key in weight"))
        self.override_button.setText(translate("PackScreen", "Supervisor"))
        self.cancel_button.setText(translate("PackScreen", "Cancel pack"))
        self.logout_button.setText(translate("PackScreen", "Log out"))
        self.keypad.retranslate()
        self.weight_pad.retranslate()
        self.render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class _Code:
    """An outcome-like object for a code the view kept (its arguments are gone)."""

    def __init__(self, code: str) -> None:
        self.code = code
        self.args: dict = {}
