"""The pick screen: where to go, what to take, how many, into which tote. GUI thread only.

A view over ``app.picking.session.PickView`` (``show(view)``): the next location in very
large type, the product's name and picture, the quantity as done / to take, the tote in
batch picking, the progress. Side panels ask what a short pick needs (the reason, the units
found, whether to take an alternative location) and take a quantity keyed in. It emits what
the person tapped; scans reach the pick through the main window, never through this widget
(no field here takes the focus).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QStackedWidget, QVBoxLayout, QWidget,
)

from app.gui import assets
from app.gui.screens.keypad import Keypad

translate = QCoreApplication.translate
IMAGE_SIZE = 180


def _label(parent: QWidget, role: str, *, wrap: bool = False, align=None) -> QLabel:
    label = QLabel(parent)
    label.setProperty("quaiRole", role)
    label.setWordWrap(wrap)
    if align is not None:
        label.setAlignment(align)
    return label


def _button(parent: QWidget, role: str = "") -> QPushButton:
    button = QPushButton(parent)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a tap never takes the focus from the station
    if role:
        button.setProperty("quaiRole", role)
    return button


class PickScreen(QWidget):
    short_requested = Signal()
    undo_requested = Signal()
    pause_requested = Signal()
    quantity_requested = Signal()
    next_work_requested = Signal()
    logout_requested = Signal()
    reason_chosen = Signal(str)  # location_empty | damaged | not_found
    found_entered = Signal(int)
    quantity_entered = Signal(int)
    alternative_answered = Signal(bool)
    cancel_requested = Signal()  # leave the short pick or the keypad

    REASONS = ("location_empty", "damaged", "not_found")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pickScreen")
        self.view = None
        self._keypad_for: str | None = None  # quantity | found
        self._quantity_entry = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 16, 32, 16)
        outer.setSpacing(12)

        top = QHBoxLayout()
        self.title = _label(self, "subtitle")
        top.addWidget(self.title, 1)
        self.progress_label = _label(self, "subtitle")
        top.addWidget(self.progress_label)
        outer.addLayout(top)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(16)
        outer.addWidget(self.progress)

        self.pages = QStackedWidget(self)
        outer.addWidget(self.pages, 1)
        self.work_page = self._build_work_page()
        self.message_page, self.message_title, self.message_text, self.message_button = self._build_message_page()
        self.reason_page = self._build_reason_page()
        self.keypad = Keypad(self)
        self.keypad.entered.connect(self._keypad_entered)
        self.keypad.cancelled.connect(self.cancel_requested)
        self.alternative_page, self.alternative_text, self.yes_button, self.no_button = self._build_alternative_page()
        for page in (self.work_page, self.message_page, self.reason_page, self.keypad, self.alternative_page):
            self.pages.addWidget(page)

        bottom = QHBoxLayout()
        bottom.setSpacing(16)
        self.short_button = _button(self, "danger")
        self.short_button.clicked.connect(self.short_requested)
        self.undo_button = _button(self)
        self.undo_button.clicked.connect(self.undo_requested)
        self.quantity_button = _button(self)
        self.quantity_button.clicked.connect(self.quantity_requested)
        self.pause_button = _button(self)
        self.pause_button.clicked.connect(self.pause_requested)
        self.logout_button = _button(self, "danger")
        self.logout_button.clicked.connect(self.logout_requested)
        for button in (self.short_button, self.undo_button, self.quantity_button, self.pause_button):
            bottom.addWidget(button)
        bottom.addStretch(1)
        bottom.addWidget(self.logout_button)
        outer.addLayout(bottom)
        self.retranslate()

    # --- pages ------------------------------------------------------------------------------------
    def _build_work_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.step_label = _label(page, "instruction", wrap=True)
        layout.addWidget(self.step_label)
        self.location_label = _label(page, "pick-location")
        self.location_label.setObjectName("pickLocation")
        layout.addWidget(self.location_label)
        product = QHBoxLayout()
        product.setSpacing(24)
        self.image_label = QLabel(page)
        self.image_label.setFixedSize(IMAGE_SIZE, IMAGE_SIZE)
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_label.setProperty("quaiRole", "pick-image")
        product.addWidget(self.image_label)
        names = QVBoxLayout()
        self.product_label = _label(page, "pick-product", wrap=True)
        self.sku_label = _label(page, "hint")
        names.addWidget(self.product_label)
        names.addWidget(self.sku_label)
        names.addStretch(1)
        product.addLayout(names, 1)
        counts = QVBoxLayout()
        self.quantity_label = _label(page, "pick-quantity", align=Qt.AlignmentFlag.AlignRight)
        self.quantity_caption = _label(page, "hint", align=Qt.AlignmentFlag.AlignRight)
        counts.addWidget(self.quantity_label)
        counts.addWidget(self.quantity_caption)
        product.addLayout(counts)
        layout.addLayout(product)
        self.tote_frame = QFrame(page)
        self.tote_frame.setProperty("quaiRole", "pick-tote")
        tote = QHBoxLayout(self.tote_frame)
        self.tote_label = _label(self.tote_frame, "pick-tote-text")
        tote.addWidget(self.tote_label)
        layout.addWidget(self.tote_frame)
        layout.addStretch(1)
        return page

    def _build_message_page(self) -> tuple[QWidget, QLabel, QLabel, QPushButton]:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        title = _label(page, "pick-location", wrap=True)
        text = _label(page, "instruction", wrap=True)
        button = _button(page, "choice")
        button.clicked.connect(self._message_button_clicked)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addWidget(button)
        layout.addStretch(1)
        return page, title, text, button

    def _build_reason_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setSpacing(16)
        self.reason_title = _label(page, "instruction", wrap=True)
        layout.addWidget(self.reason_title)
        self.reason_buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()  # side by side: the page fits a 800-pixel-high screen
        row.setSpacing(16)
        for reason in self.REASONS:
            button = _button(page, "choice")
            button.clicked.connect(lambda _checked=False, r=reason: self.reason_chosen.emit(r))
            row.addWidget(button, 1)
            self.reason_buttons[reason] = button
        layout.addLayout(row)
        self.reason_cancel = _button(page)
        self.reason_cancel.clicked.connect(self.cancel_requested)
        layout.addWidget(self.reason_cancel)
        layout.addStretch(1)
        return page

    def _build_alternative_page(self) -> tuple[QWidget, QLabel, QPushButton, QPushButton]:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        text = _label(page, "instruction", wrap=True)
        layout.addStretch(1)
        layout.addWidget(text)
        row = QHBoxLayout()
        yes = _button(page, "choice")
        no = _button(page)
        no.setMinimumHeight(110)
        yes.clicked.connect(lambda: self.alternative_answered.emit(True))
        no.clicked.connect(lambda: self.alternative_answered.emit(False))
        row.addWidget(yes, 1)
        row.addWidget(no, 1)
        layout.addLayout(row)
        layout.addStretch(1)
        return page, text, yes, no

    # --- the main window's calls ------------------------------------------------------------------
    def show_view(self, view, *, quantity_entry: bool = False) -> None:
        """Render ``view`` (a PickView); ``quantity_entry``: the line is large enough to key a quantity in."""
        self.view = view
        self._quantity_entry = quantity_entry
        self.render()

    def ask_quantity(self) -> None:
        task = self.view.task if self.view is not None else None
        self._keypad_for = "quantity"
        self.keypad.ask(translate("PickScreen", "How many units do you take? (at most %1)").replace(
            "%1", str(task.remaining if task else 0)), task.remaining if task else 0)
        self.pages.setCurrentWidget(self.keypad)

    def close_keypad(self) -> None:
        self._keypad_for = None
        self.render()

    def reset(self) -> None:
        """The work shown here ended (finished, taken away, logged out): no keypad or short-pick
        page is left to come back over the next pick, which starts on the work page."""
        self._keypad_for = None
        self.view = None
        self.pages.setCurrentWidget(self.work_page)

    def _keypad_entered(self, value: int) -> None:
        if self._keypad_for == "found":
            self.found_entered.emit(value)
        else:
            self.quantity_entered.emit(value)

    def _message_button_clicked(self) -> None:
        view = self.view
        if view is not None and view.paused:
            self.pause_requested.emit()
        else:
            self.next_work_requested.emit()

    # --- rendering ----------------------------------------------------------------------------------
    def render(self) -> None:
        view = self.view
        if view is None:
            return
        self._render_header(view)
        step = str(view.step)
        stage = view.short_stage
        if self._keypad_for == "quantity" and stage is None and not view.paused:
            self.pages.setCurrentWidget(self.keypad)
        elif view.paused:
            self.message_title.setText(translate("PickScreen", "Paused"))
            self.message_text.setText(translate("PickScreen", "The pick waits for you. Tap Resume or scan the Pause barcode."))
            self.message_button.setText(translate("PickScreen", "Resume"))
            self.pages.setCurrentWidget(self.message_page)
        elif stage == "reason":
            self.pages.setCurrentWidget(self.reason_page)
        elif stage == "found":
            task = view.task
            self._keypad_for = "found"
            self.keypad.ask(translate("PickScreen", "How many units did you find at %1? (at most %2)")
                            .replace("%1", task.location if task else "").replace("%2", str(task.remaining if task else 0)),
                            task.remaining if task else 0)
            self.pages.setCurrentWidget(self.keypad)
        elif stage == "alternative" and view.offer:
            offer = view.offer
            self.alternative_text.setText(
                translate("PickScreen", "%1 more at %2. Add this location to your route?")
                .replace("%1", str(offer.get("quantity", ""))).replace("%2", str(offer.get("location", "")))
            )
            self.pages.setCurrentWidget(self.alternative_page)
        elif step == "done":
            self.message_title.setText(translate("PickScreen", "Pick complete"))
            self.message_text.setText(translate("PickScreen", "Take the totes to packing. Next work: tap below or scan Next."))
            self.message_button.setText(translate("PickScreen", "Next work"))
            self.pages.setCurrentWidget(self.message_page)
        else:
            if self._keypad_for == "found":
                self._keypad_for = None
            self._render_work(view, step)
            self.pages.setCurrentWidget(self.work_page)
        working = not view.paused and stage is None and step not in ("done",)
        self.short_button.setEnabled(working and step in ("location", "product"))
        self.undo_button.setEnabled(view.can_undo and not view.paused and stage is None)
        self.quantity_button.setVisible(step == "product" and view.task is not None and self._quantity_entry)
        self.quantity_button.setEnabled(working)
        self.pause_button.setText(translate("PickScreen", "Resume") if view.paused else translate("PickScreen", "Pause"))
        self.pause_button.setEnabled(step != "done")

    def _render_header(self, view) -> None:
        task = view.task
        if view.orders_total > 1:
            self.title.setText(translate("PickScreen", "Batch of %1 orders").replace("%1", str(view.orders_total)))
        else:
            self.title.setText(translate("PickScreen", "Order %1").replace("%1", task.order if task else ""))
        self.progress_label.setText(
            translate("PickScreen", "Stop %1 of %2 · %3 / %4 units")
            .replace("%1", str(view.task_number)).replace("%2", str(view.task_count))
            .replace("%3", str(view.units_done)).replace("%4", str(view.units_total))
        )
        self.progress.setMaximum(max(1, view.units_total))
        self.progress.setValue(min(view.units_done, max(1, view.units_total)))

    def _render_work(self, view, step: str) -> None:
        task = view.task
        if step == "bind_totes":
            self.step_label.setText(translate("PickScreen", "Scan an empty tote for order %1").replace("%1", view.bind_order or ""))
            self.location_label.setText(view.bind_order or "")
            for widget in (self.image_label, self.product_label, self.sku_label, self.quantity_label,
                           self.quantity_caption, self.tote_frame):
                widget.setVisible(False)
            return
        for widget in (self.image_label, self.product_label, self.sku_label, self.quantity_label, self.quantity_caption):
            widget.setVisible(True)
        instructions = {
            "location": translate("PickScreen", "Go to the location and scan its label"),
            "product": translate("PickScreen", "Scan the product, one scan per unit"),
            "tote": translate("PickScreen", "Put it in the tote and scan the tote"),
        }
        self.step_label.setText(instructions.get(step, ""))
        if task is None:
            return
        self.location_label.setText(task.location)
        self.product_label.setText(task.name)
        self.sku_label.setText(task.sku)
        self.quantity_label.setText(f"{task.done} / {task.quantity}")
        self.quantity_caption.setText(translate("PickScreen", "units taken here"))
        self._render_image(task.image)
        self.tote_frame.setVisible(bool(task.tote))
        if task.tote:
            self.tote_label.setText(translate("PickScreen", "Tote %1").replace("%1", task.tote))
        self.tote_frame.setProperty("quaiRole", "pick-tote-now" if step == "tote" else "pick-tote")
        self.tote_frame.style().unpolish(self.tote_frame)
        self.tote_frame.style().polish(self.tote_frame)

    def _render_image(self, image: str | None) -> None:
        """A local picture file when the product has one; the product icon otherwise (a URL is
        not fetched from the floor: the station may be offline)."""
        pixmap = QPixmap(image) if image and Path(image).is_file() else QPixmap()
        if pixmap.isNull():
            pixmap = assets.pixmap("product", IMAGE_SIZE - 40) if (assets.ICONS / "product.svg").exists() else QPixmap()
        else:
            pixmap = pixmap.scaled(IMAGE_SIZE, IMAGE_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation)
        self.image_label.setPixmap(pixmap)

    def retranslate(self) -> None:
        self.short_button.setText(translate("PickScreen", "Short pick"))
        self.undo_button.setText(translate("PickScreen", "Undo last scan"))
        self.quantity_button.setText(translate("PickScreen", "Key in quantity"))
        self.logout_button.setText(translate("PickScreen", "Log out"))
        self.reason_title.setText(translate("PickScreen", "Why is it short?"))
        self.reason_buttons["location_empty"].setText(translate("PickScreen", "Location empty"))
        self.reason_buttons["damaged"].setText(translate("PickScreen", "Damaged"))
        self.reason_buttons["not_found"].setText(translate("PickScreen", "Not found"))
        self.reason_cancel.setText(translate("PickScreen", "Cancel"))
        self.yes_button.setText(translate("PickScreen", "Yes, add it"))
        self.no_button.setText(translate("PickScreen", "No"))
        self.keypad.retranslate()
        self.render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
