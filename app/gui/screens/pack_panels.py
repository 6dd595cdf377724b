"""The pack screen's panels: the side panel (box, parcel, weight, gift message), the box
list, the inserts checklist, the countdown, the done page, and a yes/no question.
GUI thread only; each renders what it is given and emits what was tapped.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.gui import pack_texts
from app.gui.screens.pack_widgets import button, label, set_role

translate = QCoreApplication.translate


class BoxList(QWidget):
    """Every box type, the suggested one first and highlighted: a tap chooses it."""

    chosen = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.title = label(self, "pack-instruction", wrap=True)
        layout.addWidget(self.title)
        self.grid = QGridLayout()
        self.grid.setSpacing(10)
        layout.addLayout(self.grid)
        layout.addStretch(1)
        self.cancel_button = button(self)
        self.cancel_button.clicked.connect(self.cancelled)
        layout.addWidget(self.cancel_button)
        self.buttons: dict[str, QPushButton] = {}

    def show_boxes(self, boxes, suggested: str | None) -> None:
        for widget in self.buttons.values():
            widget.deleteLater()
        self.buttons = {}
        ordered = sorted(boxes, key=lambda b: (b.code != suggested, b.inner_mm[0] * b.inner_mm[1] * b.inner_mm[2]))
        for i, box in enumerate(ordered):
            widget = button(self, "pack-box-suggested" if box.code == suggested else "pack-box")
            dims = " × ".join(str(round(d / 10)) for d in box.inner_mm)
            eco = " · éco" if box.eco else ""
            widget.setText(f"{box.code} · {box.name}\n{dims} cm{eco}")
            widget.clicked.connect(lambda _checked=False, code=box.code: self.chosen.emit(code))
            self.grid.addWidget(widget, i // 2, i % 2)
            self.buttons[box.code] = widget
        self.title.setText(translate("PackScreen", "Tap the box you use, or scan its barcode"))
        self.cancel_button.setText(translate("PackScreen", "Back"))


class InsertsPage(QWidget):
    """The inserts and services to do before the parcel closes: tick each, then Done."""

    done = Signal(list, bool)  # insert codes confirmed, gift wrapped

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        self.title = label(self, "pack-instruction", wrap=True)
        layout.addWidget(self.title)
        self.list = QVBoxLayout()
        self.list.setSpacing(10)
        layout.addLayout(self.list)
        self.gift = label(self, "pack-gift-card", wrap=True)
        layout.addWidget(self.gift)
        layout.addStretch(1)
        self.done_button = button(self, "choice")
        self.done_button.clicked.connect(self._done)
        layout.addWidget(self.done_button)
        self.checks: dict[str, QPushButton] = {}

    def show_inserts(self, codes, labels: dict[str, str], gift_message: str | None) -> None:
        if list(self.checks) != list(codes):
            for widget in self.checks.values():
                widget.deleteLater()
            self.checks = {}
            for code in codes:
                widget = button(self, "pack-check")
                widget.setCheckable(True)
                widget.toggled.connect(self._render)
                self.list.addWidget(widget)
                self.checks[code] = widget
        for code, widget in self.checks.items():
            widget.setText(("☑  " if widget.isChecked() else "☐  ") + pack_texts.insert_text(code, labels.get(code)))
        self.gift.setVisible(bool(gift_message) and "gift_message" in codes)
        self.gift.setText(translate("PackScreen", "Card: « %1 »").replace("%1", gift_message or ""))
        self.title.setText(translate("PackScreen", "Put these in the parcel, tick each one, then tap Done"))
        self._render()

    def _render(self) -> None:
        for code, widget in self.checks.items():
            text = widget.text()[3:] if widget.text()[:1] in "☑☐" else widget.text()
            widget.setText(("☑  " if widget.isChecked() else "☐  ") + text)
        self.done_button.setText(translate("PackScreen", "Done"))
        self.done_button.setEnabled(all(w.isChecked() for w in self.checks.values()))

    def _done(self) -> None:
        codes = [code for code, widget in self.checks.items() if widget.isChecked()]
        self.done.emit(codes, "gift_wrap" in codes)


class CountdownPage(QWidget):
    """The label prints in N seconds unless the big button stops it."""

    cancel_requested = Signal()
    print_now_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.title = label(self, "pack-instruction", wrap=True, align=Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.title)
        self.number = label(self, "pack-countdown", align=Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.number, 1)
        self.cancel_button = button(self, "pack-cancel")
        self.cancel_button.clicked.connect(self.cancel_requested)
        layout.addWidget(self.cancel_button)
        self.print_button = button(self, "choice")
        self.print_button.clicked.connect(self.print_now_requested)
        layout.addWidget(self.print_button)
        self.print_button.setVisible(False)  # only once stopped: the page keeps the height of the running count

    def show_seconds(self, seconds: int | None) -> None:
        """A count (running), or None: the packer stopped it."""
        running = seconds is not None
        if running:
            self.title.setText(translate("PackScreen", "The label and the slip print in"))
            self.number.setText(str(seconds))
            self.cancel_button.setText(translate("PackScreen", "Cancel printing"))
        else:
            self.title.setText(translate("PackScreen", "Printing stopped. Fix what is needed, then print (or scan Done)."))
            self.number.setText("⏸")
        self.cancel_button.setVisible(running)
        self.print_button.setVisible(not running)
        self.print_button.setText(translate("PackScreen", "Print now"))


class DonePage(QWidget):
    """The order is closed: ready to ship (or for pickup), its parcels and SSCCs, what printed."""

    next_requested = Signal()
    reprint_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        self.title = label(self, "pack-done", wrap=True)
        layout.addWidget(self.title)
        self.parcels = label(self, "pack-line-name", wrap=True)
        layout.addWidget(self.parcels)
        self.printed = label(self, "instruction", wrap=True)
        layout.addWidget(self.printed)
        layout.addStretch(1)
        row = QHBoxLayout()
        self.next_button = button(self, "choice")
        self.next_button.clicked.connect(self.next_requested)
        self.reprint_button = button(self, "pack-secondary")
        self.reprint_button.clicked.connect(self.reprint_requested)
        row.addWidget(self.next_button, 3)
        row.addWidget(self.reprint_button, 2)
        layout.addLayout(row)

    def show_done(self, view, parcels: list[dict], printed: str) -> None:
        pickup = view.delivery_mode == "pickup" or view.carrier == "click_collect"
        self.title.setText(translate("PackScreen", "Ready for pickup in store") if pickup
                           else translate("PackScreen", "Ready to ship"))
        set_role(self.title, "pack-done-pickup" if pickup else "pack-done")
        lines = [translate("PackScreen", "Order %1 · %2").replace("%1", view.order)
                 .replace("%2", pack_texts.carrier_name(view.carrier))]
        for parcel in parcels:
            kind = parcel.get("kind", "parcel")
            name = {"pallet": translate("PackScreen", "Pallet"), "carton": translate("PackScreen", "Carton")}.get(
                kind, translate("PackScreen", "Parcel"))
            lines.append(f"{name} {parcel['seq']} · SSCC {parcel.get('sscc') or '…'} · "
                         f"{pack_texts.grams_text(parcel.get('grams'))}")
        self.parcels.setText("\n".join(lines))
        self.printed.setText(printed)
        self.next_button.setText(translate("PackScreen", "Next order"))
        self.reprint_button.setText(translate("PackScreen", "Reprint label"))


class Question(QWidget):
    """A yes/no question in big buttons (cancel the pack? this quantity?)."""

    answered = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.text = label(self, "pack-instruction", wrap=True)
        layout.addWidget(self.text)
        row = QHBoxLayout()
        row.setSpacing(24)
        self.yes_button = button(self, "choice")
        self.no_button = button(self, "pack-secondary")
        self.yes_button.clicked.connect(lambda: self.answered.emit(True))
        self.no_button.clicked.connect(lambda: self.answered.emit(False))
        row.addWidget(self.yes_button, 1)
        row.addWidget(self.no_button, 1)
        layout.addLayout(row)
        layout.addStretch(1)

    def ask(self, text: str, yes: str, no: str, *, danger: bool = False) -> None:
        self.text.setText(text)
        self.yes_button.setText(yes)
        self.no_button.setText(no)
        set_role(self.yes_button, "pack-cancel" if danger else "choice")
