"""The picker's home: orders waiting to be picked, the next ones by cutoff. GUI thread only."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.gui import texts
from app.gui.screens.home_queue import QueueHome

translate = QCoreApplication.translate


class PickerHome(QueueHome):
    role = "picker"
    can_start = True

    def count_text(self, count: int) -> str:
        return texts.plural(count, translate("PickerHome", "order waiting to be picked"), translate("PickerHome", "orders waiting to be picked"))

    def next_title_text(self) -> str:
        return translate("PickerHome", "Next orders, earliest cutoff first")

    def empty_text(self) -> str:
        return translate("PickerHome", "Nothing to pick right now.")

    def start_text(self) -> str:
        return translate("PickerHome", "Start picking")

    def not_yet_text(self) -> str:
        return translate("PickerHome", "Or scan an order's barcode to pick that order.")
