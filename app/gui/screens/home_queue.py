"""A home screen over one queue of orders (picker: to pick; packer: picked). GUI thread only.

Shows how many orders wait, the next few by cutoff, and the button that will start the
guided flow. That flow comes in a later version: the button stays disabled and the
screen says so in words, instead of pretending.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout

from app.gui.models import OrdersTableModel
from app.gui.data import Queue
from app.gui.screens.home_base import HomeScreen, big_number_label


class QueueHome(HomeScreen):
    """Subclasses give the texts: ``count_text``, ``next_title``, ``empty_text``, ``start_text``, ``not_yet_text``;
    ``can_start`` says whether the guided flow exists yet (``start_requested`` when tapped)."""

    can_start = False
    start_requested = Signal()

    def build_body(self, layout: QVBoxLayout) -> None:
        self.queue: Queue | None = None
        top = QHBoxLayout()
        top.setSpacing(24)
        self.count_number = big_number_label(self)
        self.count_label = QLabel(self)
        self.count_label.setProperty("quaiRole", "instruction")
        self.count_label.setWordWrap(True)
        top.addWidget(self.count_number)
        top.addWidget(self.count_label, 1)
        layout.addLayout(top)

        self.next_title = QLabel(self)
        self.next_title.setProperty("quaiRole", "section")
        layout.addWidget(self.next_title)
        self.model = OrdersTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(52)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.empty_label = QLabel(self)
        self.empty_label.setProperty("quaiRole", "hint")
        layout.addWidget(self.empty_label)

        bottom = QHBoxLayout()
        bottom.setSpacing(24)
        self.start_button = QPushButton(self)
        self.start_button.setProperty("quaiRole", "primary")
        self.start_button.setEnabled(self.can_start)
        self.start_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the focus stays where a wedge scanner types
        self.start_button.clicked.connect(self.start_requested)
        self.not_yet = QLabel(self)
        self.not_yet.setProperty("quaiRole", "hint")
        self.not_yet.setWordWrap(True)
        bottom.addWidget(self.start_button)
        bottom.addWidget(self.not_yet, 1)
        layout.addLayout(bottom)

    def set_data(self, data: Queue) -> None:
        self.queue = data
        self.model.set_orders(data.next)

    def render_data(self) -> None:
        count = self.queue.count if self.queue else 0
        self.count_number.setText(str(count))
        self.count_label.setText(self.count_text(count))
        self.table.setVisible(bool(self.queue and self.queue.next))
        self.next_title.setVisible(bool(self.queue and self.queue.next))
        self.empty_label.setVisible(count == 0)

    def retranslate_body(self) -> None:
        self.next_title.setText(self.next_title_text())
        self.empty_label.setText(self.empty_text())
        self.start_button.setText(self.start_text())
        self.not_yet.setText(self.not_yet_text())
        if not self.can_start:
            self.start_button.setToolTip(self.not_yet_text())
        self.model.retranslate()
        if self.queue is None:
            self.count_number.setText("…")
            self.table.setVisible(False)
            self.next_title.setVisible(False)
            self.empty_label.setVisible(False)

    def count_text(self, count: int) -> str:
        raise NotImplementedError

    def next_title_text(self) -> str:
        raise NotImplementedError

    def empty_text(self) -> str:
        raise NotImplementedError

    def start_text(self) -> str:
        raise NotImplementedError

    def not_yet_text(self) -> str:
        raise NotImplementedError
