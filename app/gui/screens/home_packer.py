"""The packer's home: orders picked and waiting to be packed. GUI thread only."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.gui import texts
from app.gui.screens.home_queue import QueueHome

translate = QCoreApplication.translate


class PackerHome(QueueHome):
    role = "packer"

    def count_text(self, count: int) -> str:
        return texts.plural(count, translate("PackerHome", "order picked, waiting to be packed"), translate("PackerHome", "orders picked, waiting to be packed"))

    def next_title_text(self) -> str:
        return translate("PackerHome", "Next orders, earliest cutoff first")

    def empty_text(self) -> str:
        return translate("PackerHome", "Nothing to pack right now.")

    def start_text(self) -> str:
        return translate("PackerHome", "Start packing")

    def not_yet_text(self) -> str:
        return translate(
            "PackerHome", "Guided packing is not available on this station yet; it comes with the next version of Quai."
        )
