"""The console's actions on the selected orders, and what they did. GUI thread only.

- ``ActionBar``: one big button per action (reassign, priority, hold, release, cancel,
  free a stale claim), enabled while orders are selected and no action is on its way
  (``set_busy``: a second tap must not send it twice), and a handle that carries the
  selection: drag it onto a person's card (app.gui.console.people_panel).
- ``TableDrag``: a long press on a selected row of the orders table starts the same drag
  (a short flick still scrolls the list, a tap still selects).
- ``ResultPanel``: the last action's outcome, order by order ("done" or the domain's
  reason, translated), on screen until the supervisor taps OK; 22 px lines under a 24 px
  title, to be read from a step back.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame, QGridLayout, QHBoxLayout, QLabel, QListWidget, QPushButton, QScroller, QSizePolicy, QVBoxLayout, QWidget,
)

from app.gui import texts
from app.gui.console.people_panel import TAP_SLOP, start_drag, wrap_to_width

translate = QCoreApplication.translate

ACTIONS = ("reassign", "priority", "hold", "release", "cancel", "force_release")
LONG_PRESS_MS = 450
KEY_HEIGHT = 56  # a touch target (>= 48) in a column that must also hold a result and a card at 800 px

STYLE = """
QPushButton[quaiRole="action"] { min-height: 46px; font-size: 19px; font-weight: 800; padding: 2px 0px; }
QPushButton[quaiRole="action"][danger="true"] { color: #7a0010; border-color: #7a0010; }
QPushButton[quaiRole="action"]:checked { background: #ffb000; color: #111111; }
QPushButton[quaiRole="action"]:disabled { color: #777777; border: 3px dashed #999999; background: #f4f4f4; }
QLabel[quaiRole="drag-handle"] { font-size: 22px; font-weight: 800; color: #ffffff; background: #0b3d91;
    border: 3px solid #111111; border-radius: 12px; padding: 8px 2px; min-height: 44px; }
QLabel[quaiRole="drag-handle"]:disabled { background: #bbbbbb; color: #444444; border-style: dashed; }
QFrame#resultPanel { background: #ffffff; border: 4px solid #111111; border-radius: 8px; }
QFrame#resultPanel[refused="true"] { border-color: #a8001a; background: #fff0f0; }
QLabel[quaiRole="result-title"] { font-size: 24px; font-weight: 800; background: transparent; }
QListWidget#resultList { font-size: 22px; font-weight: 600; background: transparent; }
QPushButton#resultOk { font-size: 22px; font-weight: 800; padding: 0px; }
QListWidget#resultList::item { min-height: 44px; }
"""


def action_name(action: str) -> str:
    return {
        "reassign": translate("ActionBar", "Reassign"),
        "priority": translate("ActionBar", "Priority"),
        "hold": translate("ActionBar", "Hold"),
        "release": translate("ActionBar", "Release"),
        "cancel": translate("ActionBar", "Cancel the orders"),
        "force_release": translate("ActionBar", "Free"),
        "set_priority": translate("ActionBar", "Priority"),
    }.get(action, action)


def orders_caption(count: int) -> str:
    return texts.plural(count, translate("ActionBar", "%n order"), translate("ActionBar", "%n orders"))


class DragHandle(QLabel):
    """The selection as a chip to drag onto a card."""

    def __init__(self, numbers, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._numbers = numbers  # a callable: the numbers selected now
        self._press: QPoint | None = None
        self.setProperty("quaiRole", "drag-handle")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def mousePressEvent(self, event) -> None:
        self._press = event.position().toPoint()
        event.accept()

    def mouseMoveEvent(self, event) -> None:
        if self._press is None or not self.isEnabled():
            return
        if (event.position().toPoint() - self._press).manhattanLength() > TAP_SLOP // 2:
            self._press = None
            start_drag(self, self._numbers(), self.caption())

    def caption(self) -> str:
        """What the finger carries: "3 orders"."""
        return orders_caption(len(self._numbers()))

    def mouseReleaseEvent(self, event) -> None:
        self._press = None
        event.accept()


class ActionBar(QWidget):
    requested = Signal(str)  # one of ACTIONS

    def __init__(self, selected_numbers, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actionBar")
        self.setStyleSheet(STYLE)
        # A column beside the list (two keys a row, the cancel alone and red at the bottom): at
        # 800 px high the table keeps the height.
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.handle = DragHandle(selected_numbers, self)
        self.handle.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.handle.setMinimumHeight(KEY_HEIGHT)
        layout.addWidget(self.handle, 0, 0, 1, 1)
        self.buttons: dict[str, QPushButton] = {}
        # Four equal columns: the handle takes one, "Reassign" the other three; two keys a row below.
        places = {"reassign": (0, 1, 1, 3), "priority": (1, 0, 1, 2), "force_release": (1, 2, 1, 2),
                  "hold": (2, 0, 1, 2), "release": (2, 2, 1, 2), "cancel": (3, 0, 1, 4)}
        for action in ACTIONS:
            widget = QPushButton(self)
            widget.setProperty("quaiRole", "action")
            widget.setProperty("danger", action == "cancel")
            widget.setObjectName(f"action_{action}")
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            widget.setCheckable(action == "reassign")  # "choose a card" is a mode
            widget.setMinimumHeight(KEY_HEIGHT)  # the style's min-height alone gives way when the column is full
            widget.clicked.connect(lambda _checked=False, a=action: self.requested.emit(a))
            layout.addWidget(widget, *places[action])
            self.buttons[action] = widget
        for column in range(4):
            layout.setColumnStretch(column, 1)
        self.count = 0
        self.busy = False
        self.set_count(0)

    def set_count(self, count: int) -> None:
        self.count = count
        if not count:
            self.buttons["reassign"].setChecked(False)
        self._enable()
        self.handle.setText(f"✥ {count}")
        self.handle.setAccessibleName(texts.plural(count, translate("ActionBar", "Drag %n order onto a card"),
                                                   translate("ActionBar", "Drag %n orders onto a card")))

    def set_busy(self, busy: bool) -> None:
        """While an action is on its way to the central database, nothing more can be asked."""
        self.busy = busy
        if busy:
            self.buttons["reassign"].setChecked(False)
        self._enable()

    def _enable(self) -> None:
        usable = self.count > 0 and not self.busy
        for widget in self.buttons.values():
            widget.setEnabled(usable)
        self.handle.setEnabled(usable)

    def retranslate(self) -> None:
        # What the handle is for is said on screen (the console's hint line): no tooltip, a
        # finger never hovers.
        for action, widget in self.buttons.items():
            widget.setText(action_name(action))


class TableDrag(QObject):
    """A long press on a selected row of ``view`` drags the whole selection."""

    def __init__(self, view, is_selected, selected_numbers, caption) -> None:
        super().__init__(view)
        self.view = view
        self._is_selected = is_selected  # row -> bool
        self._numbers = selected_numbers
        self._caption = caption
        self._press: QPoint | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(LONG_PRESS_MS)
        self._timer.timeout.connect(self._long_press)
        view.viewport().installEventFilter(self)  # after QScroller's filter: this one sees events first

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress:
            point = event.position().toPoint()
            row = self.view.rowAt(point.y())
            if row >= 0 and self._is_selected(row):
                self._press = point
                self._timer.start()
        elif kind == QEvent.Type.MouseMove and self._press is not None:
            if (event.position().toPoint() - self._press).manhattanLength() > TAP_SLOP:
                self._cancel()  # a flick: the scroller's
        elif kind == QEvent.Type.MouseButtonRelease:
            self._cancel()
        return False

    def _cancel(self) -> None:
        self._press = None
        self._timer.stop()

    def _long_press(self) -> None:
        if self._press is None:
            return
        self._press = None
        QScroller.scroller(self.view.viewport()).stop()
        start_drag(self.view, self._numbers(), self._caption())


class ResultPanel(QFrame):
    """What the last action did; stays until OK."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultPanel")
        self.setStyleSheet(STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.setSpacing(4)
        # The OK key sits beside the title, so the reasons below get the column's whole width
        # (262 px: at 22 px a reason beside the key would wrap every second word).
        top = self._top = QHBoxLayout()
        top.setSpacing(6)
        self.title = QLabel(self)
        self.title.setProperty("quaiRole", "result-title")
        self.title.setWordWrap(True)
        top.addWidget(self.title, 1)
        self.ok_button = QPushButton("OK", self)
        self.ok_button.setObjectName("resultOk")
        self.ok_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.ok_button.setFixedSize(64, 52)
        self.ok_button.clicked.connect(self.hide)
        top.addWidget(self.ok_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.list = QListWidget(self)
        self.list.setObjectName("resultList")
        self.list.setMinimumHeight(48)  # a line at least, whatever else the column holds
        self.list.setMaximumHeight(84)  # three lines of 22 px; more scroll (the column is full at 800 px)
        self.list.setWordWrap(True)  # a long reason wraps in the column rather than scrolling sideways
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        QScroller.grabGesture(self.list.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        layout.addWidget(self.list)
        self.hide()

    def _wrap_title(self) -> None:
        margins = self.layout().contentsMargins()
        room = self.width() - margins.left() - margins.right() - self.ok_button.width() - self._top.spacing()
        self.title.ensurePolished()
        wrap_to_width(self.title, room)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._wrap_title()

    def show_result(self, title: str, lines: list[str], refused: bool) -> None:
        self.title.setText(title)
        self._wrap_title()
        self.list.clear()
        self.list.addItems(lines)
        self.list.setVisible(bool(lines))
        self.setProperty("refused", refused)
        self.style().unpolish(self)
        self.style().polish(self)
        self.show()
