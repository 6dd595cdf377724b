"""The packer's home: orders picked and waiting to be packed; start the most urgent, or open
one by its tote or number (scanned, or typed in the field). GUI thread only."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout

from app.gui import texts
from app.gui.screens.home_queue import QueueHome

translate = QCoreApplication.translate


class PackerHome(QueueHome):
    role = "packer"
    can_start = True
    order_entered = Signal(str)  # a tote or an order number typed in
    dock_requested = Signal()  # the shipping dock (app.gui.dock_ui), when the packer also loads the vans

    def build_body(self, layout: QVBoxLayout) -> None:
        super().build_body(layout)
        # Beside the Start button (the queue's bottom row): the table keeps its height.
        bottom = layout.itemAt(layout.count() - 1).layout()
        self.not_yet.setVisible(False)  # its words are the field's placeholder
        self.open_edit = QLineEdit(self)
        self.open_edit.returnPressed.connect(self._open)
        self.open_button = QPushButton(self)
        self.open_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.open_button.clicked.connect(self._open)
        bottom.addWidget(self.open_edit, 1)
        bottom.addWidget(self.open_button)
        self.dock_button = QPushButton(self)
        self.dock_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.dock_button.clicked.connect(self.dock_requested)
        bottom.addWidget(self.dock_button)

    def _open(self) -> None:
        text = self.open_edit.text().strip()
        if text:
            self.open_edit.clear()
            self.order_entered.emit(text)

    def retranslate_body(self) -> None:
        super().retranslate_body()
        self.open_edit.setPlaceholderText(translate("PackerHome", "Or scan a tote or an order number"))
        self.open_button.setText(translate("PackerHome", "Open"))
        self.dock_button.setText(translate("PackerHome", "Shipping dock"))

    def count_text(self, count: int) -> str:
        return texts.plural(count, translate("PackerHome", "order picked, waiting to be packed"), translate("PackerHome", "orders picked, waiting to be packed"))

    def next_title_text(self) -> str:
        return translate("PackerHome", "Next orders, earliest cutoff first")

    def empty_text(self) -> str:
        return translate("PackerHome", "Nothing to pack right now.")

    def start_text(self) -> str:
        return translate("PackerHome", "Start packing")

    def not_yet_text(self) -> str:
        return translate("PackerHome", "Or scan a tote or an order number to pack that order.")
