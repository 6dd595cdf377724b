"""The supervisor's home: how many orders are in each status. GUI thread only."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from app.domain.status import ACTIVE, OrderStatus
from app.gui import texts
from app.gui.data import Overview
from app.gui.screens.home_base import HomeScreen

translate = QCoreApplication.translate
COLUMNS = 5


class SupervisorHome(HomeScreen):
    role = "supervisor"
    scanner_test_requested = Signal()
    printers_requested = Signal()
    dock_requested = Signal()
    console_requested = Signal()  # the touchscreen console (app.gui.screens.console)

    def build_body(self, layout: QVBoxLayout) -> None:
        self.overview: Overview | None = None
        self.summary = QLabel(self)
        self.summary.setProperty("quaiRole", "section")
        layout.addWidget(self.summary)
        grid = QGridLayout()
        grid.setSpacing(16)
        self.tiles: dict[str, tuple[QLabel, QLabel]] = {}
        for i, status in enumerate(OrderStatus):
            tile = QFrame(self)
            tile.setProperty("quaiRole", "tile-active" if status in ACTIVE else "tile")
            tile.setObjectName(f"tile_{status.value}")
            box = QVBoxLayout(tile)
            box.setContentsMargins(16, 12, 16, 12)
            number = QLabel("…", tile)
            number.setProperty("quaiRole", "tile-number")
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            name = QLabel(tile)
            name.setProperty("quaiRole", "tile-name")
            name.setAlignment(Qt.AlignmentFlag.AlignCenter)
            name.setWordWrap(True)
            box.addWidget(number)
            box.addWidget(name)
            grid.addWidget(tile, i // COLUMNS, i % COLUMNS)
            self.tiles[status.value] = (number, name)
        layout.addLayout(grid)
        layout.addStretch(1)
        tools = QHBoxLayout()  # the supervisor's menu of tools
        # First and in the primary colour: the console is the supervisor's work, the rest are tools.
        self.console_button = QPushButton(self)
        self.console_button.setObjectName("consoleButton")
        self.console_button.setProperty("quaiRole", "primary")
        self.console_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.console_button.clicked.connect(self.console_requested)
        tools.addWidget(self.console_button, 2)
        self.scanner_test_button = QPushButton(self)
        self.scanner_test_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scanner_test_button.clicked.connect(self.scanner_test_requested)
        tools.addWidget(self.scanner_test_button)
        self.printers_button = QPushButton(self)
        self.printers_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.printers_button.clicked.connect(self.printers_requested)
        tools.addWidget(self.printers_button)
        self.dock_button = QPushButton(self)
        self.dock_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.dock_button.clicked.connect(self.dock_requested)
        tools.addWidget(self.dock_button)
        tools.addStretch(1)
        layout.addLayout(tools)

    def set_data(self, data: Overview) -> None:
        self.overview = data

    def render_data(self) -> None:
        if self.overview is None:
            return
        counts = self.overview.counts
        for status, (number, _name) in self.tiles.items():
            number.setText(str(counts.get(status, 0)))
        on_floor = sum(n for s, n in counts.items() if s in {a.value for a in ACTIVE})
        self.summary.setText(
            texts.plural(
                on_floor,
                translate("SupervisorHome", "%n order on the floor"),
                translate("SupervisorHome", "%n orders on the floor"),
            )
        )

    def retranslate_body(self) -> None:
        self.scanner_test_button.setText(translate("SupervisorHome", "Test the scanners"))
        self.printers_button.setText(translate("SupervisorHome", "Printers"))
        self.dock_button.setText(translate("SupervisorHome", "Shipping dock"))
        self.console_button.setText(translate("SupervisorHome", "Console"))
        for status, (_number, name) in self.tiles.items():
            name.setText(texts.status_name(status))
        if self.overview is None:
            self.summary.setText(translate("SupervisorHome", "Orders by status"))
