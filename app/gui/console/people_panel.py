"""The console's people: a card per station, with who is logged in on it. GUI thread only.

Each card is a target for the selected orders: drop them on it (Qt drag and drop, MIME
``ORDERS_MIME``: order numbers, one a line: ``orders_dropped(station, numbers)``, a
deliberate gesture) or tap it (``card_tapped(station)``: the console reassigns its selection
only while "Reassign" is armed, so a stray tap while scrolling moves nothing). While an
action is on its way (``set_busy``) the cards are disabled. Cards are 96 px high, names 26 px; the list scrolls by
flicking (QScroller); nothing needs hover. The stations come from the replica (``stations``
table: the person on each, and when someone last acted there, kept live by the sync),
read by ``people_job`` on the replica worker.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QDrag
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QScroller, QSizePolicy, QVBoxLayout, QWidget

translate = QCoreApplication.translate

ORDERS_MIME = "application/x-quai-orders"
TAP_SLOP = 24  # px a finger may move and still be a tap

STYLE = """
QFrame[quaiRole="person-card"] { background: #f2f2f2; border: 3px solid #111111; border-radius: 10px; }
QFrame[quaiRole="person-card"][armed="true"] { background: #fff4cc; border: 4px dashed #0b3d91; }
QFrame[quaiRole="person-card"][hot="true"] { background: #0b3d91; border: 4px solid #111111; }
QFrame[quaiRole="person-card"][hot="true"] QLabel { color: #ffffff; }
QFrame[quaiRole="person-card"] QLabel { background: transparent; }
QFrame[quaiRole="person-card"]:disabled { background: #e4e4e4; border: 3px dashed #999999; }
QLabel[quaiRole="card-station"] { font-size: 26px; font-weight: 900; }
QLabel[quaiRole="card-person"] { font-size: 24px; font-weight: 700; color: #0b3d91; }
QLabel[quaiRole="card-seen"] { font-size: 20px; color: #333333; }
QLabel[quaiRole="people-title"] { font-size: 22px; font-weight: 800; }
QLabel[quaiRole="people-title"][hint="true"] { color: #111111; background: #ffd54f; border: 3px solid #111111;
    border-radius: 8px; }
"""


@dataclass(frozen=True)
class StationCard:
    """One card's data (plain, from the replica worker)."""

    station: str
    kind: str
    badge: str | None
    person: str | None
    idle_minutes: int | None


def people_job(console_station: str):
    """A replica job: every station but this console, by name, with the person on it."""

    def job(context) -> list[StationCard]:
        from sqlalchemy import select

        from app.store.models import Station, User

        now = datetime.now(UTC)
        with context.sessions() as session:
            rows = session.execute(
                select(Station.name, Station.kind, Station.current_user, User.name, Station.last_seen_at)
                .outerjoin(User, User.badge == Station.current_user)
                .where(Station.name != console_station, Station.kind != "supervisor")
                .order_by(Station.name)
            ).all()
        cards = []
        for name, kind, badge, person, seen in rows:
            idle = None
            if seen is not None:
                seen = seen if seen.tzinfo else seen.replace(tzinfo=UTC)
                idle = max(0, math.floor((now - seen).total_seconds() / 60))
            cards.append(StationCard(name, kind or "any", badge, person, idle))
        return cards

    return job


def wrap_to_width(label: QLabel, width: int) -> None:
    """Give the word-wrapped ``label`` the fixed height of its text wrapped at ``width``.

    In the console's fixed-width column a label that reports height-for-width makes the whole
    column's layout take every wrapped height as a minimum, and at 800 px it then squeezes the
    action keys under theirs. Sized here instead, the column has plain minimums: the keys keep
    their height, and what scrolls (the cards, the result's reasons) gives way."""
    policy = label.sizePolicy()
    if policy.hasHeightForWidth():
        policy.setHeightForWidth(False)
        label.setSizePolicy(policy)
    if width > 0:
        label.setMinimumHeight(0)  # QLabel's height for width never goes under its minimum: freed first
        label.setFixedHeight(label.heightForWidth(width))


def numbers_from(mime: QMimeData) -> tuple[str, ...]:
    if not mime.hasFormat(ORDERS_MIME):
        return ()
    text = bytes(mime.data(ORDERS_MIME).data()).decode("utf-8")
    return tuple(n for n in text.splitlines() if n.strip())


def orders_mime(numbers: tuple[str, ...]) -> QMimeData:
    mime = QMimeData()
    mime.setData(ORDERS_MIME, "\n".join(numbers).encode("utf-8"))
    mime.setText(", ".join(numbers))
    return mime


def start_drag(source: QWidget, numbers: tuple[str, ...], caption: str) -> None:
    """Drag ``numbers`` from ``source`` (blocks in Qt's drag loop until dropped)."""
    if not numbers:
        return
    drag = QDrag(source)
    drag.setMimeData(orders_mime(numbers))
    chip = QLabel(caption)
    chip.setStyleSheet("font-size: 26px; font-weight: 800; color: #ffffff; background: #0b3d91;"
                       "border: 3px solid #111111; border-radius: 12px; padding: 12px 20px;")
    chip.adjustSize()
    drag.setPixmap(chip.grab())
    drag.setHotSpot(QPoint(24, 24))
    drag.exec(Qt.DropAction.MoveAction)


class PersonCard(QFrame):
    tapped = Signal(str)  # station
    dropped = Signal(str, tuple)  # station, order numbers

    def __init__(self, card: StationCard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("quaiRole", "person-card")
        self.setObjectName(f"card_{card.station}")
        self.setAcceptDrops(True)
        self.setMinimumHeight(88)
        self._press: QPoint | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 6, 14, 6)
        layout.setSpacing(2)
        self.station_label = QLabel(self)
        self.station_label.setProperty("quaiRole", "card-station")
        self.person_label = QLabel(self)
        self.person_label.setProperty("quaiRole", "card-person")
        self.seen_label = QLabel(self)
        self.seen_label.setProperty("quaiRole", "card-seen")
        for widget in (self.station_label, self.person_label, self.seen_label):
            # A long name is cut at the card's edge rather than widening the column.
            widget.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            layout.addWidget(widget)
        self.show_card(card)

    def show_card(self, card: StationCard) -> None:
        self.card = card
        self.station_label.setText(card.station)
        self.person_label.setText(card.person or translate("PeoplePanel", "Nobody logged in"))
        if card.idle_minutes is None:
            self.seen_label.setText(translate("PeoplePanel", "Never seen"))
        elif card.idle_minutes < 1:
            self.seen_label.setText(translate("PeoplePanel", "Active now"))
        else:
            self.seen_label.setText(translate("PeoplePanel", "Active %1 min ago").replace("%1", str(card.idle_minutes)))
        self.setAccessibleName(f"{card.station} {card.person or ''}".strip())

    def _set_flag(self, name: str, on: bool) -> None:
        if self.property(name) != on:
            self.setProperty(name, on)
            self.style().unpolish(self)
            self.style().polish(self)
            for child in self.findChildren(QLabel):
                child.style().unpolish(child)
                child.style().polish(child)

    def set_armed(self, armed: bool) -> None:
        self._set_flag("armed", armed)

    # A tap: press and release without moving (a flick of the list is not a tap).
    def mousePressEvent(self, event) -> None:
        self._press = event.position().toPoint()
        event.accept()

    def mouseReleaseEvent(self, event) -> None:
        start, self._press = self._press, None
        if start is not None and (event.position().toPoint() - start).manhattanLength() <= TAP_SLOP \
                and self.rect().contains(event.position().toPoint()):
            self.tapped.emit(self.card.station)
        event.accept()

    def dragEnterEvent(self, event) -> None:
        if numbers_from(event.mimeData()):
            event.acceptProposedAction()
            self._set_flag("hot", True)
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if numbers_from(event.mimeData()):
            event.acceptProposedAction()

    def dragLeaveEvent(self, event) -> None:
        self._set_flag("hot", False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event) -> None:
        self._set_flag("hot", False)
        numbers = numbers_from(event.mimeData())
        if not numbers or not self.isEnabled():
            event.ignore()
            return
        event.acceptProposedAction()
        self.dropped.emit(self.card.station, numbers)


class PeoplePanel(QWidget):
    """Station cards; ``orders_dropped(station, numbers)`` on a drop, ``card_tapped(station)`` on a tap."""

    orders_dropped = Signal(str, tuple)
    card_tapped = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("peoplePanel")
        self.setStyleSheet(STYLE)
        self.cards: dict[str, PersonCard] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.title = QLabel(self)
        self.title.setProperty("quaiRole", "people-title")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.area = QScrollArea(self)
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._inner = QWidget()
        self._list = QVBoxLayout(self._inner)
        self._list.setContentsMargins(0, 0, 8, 0)
        self._list.setSpacing(10)
        self._list.addStretch(1)
        self.area.setWidget(self._inner)
        self.area.setMinimumHeight(88)  # one card, at least
        QScroller.grabGesture(self.area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        layout.addWidget(self.area, 1)
        self.empty = QLabel(self)
        self.empty.setProperty("quaiRole", "hint")
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        self._armed = False
        self._busy = False
        self.hint = ""
        self.retranslate()
        self.show_cards([])

    def show_cards(self, cards: list[StationCard]) -> None:
        wanted = {c.station for c in cards}
        for station in list(self.cards):
            if station not in wanted:
                self.cards.pop(station).deleteLater()
        for i, card in enumerate(cards):
            widget = self.cards.get(card.station)
            if widget is None:
                widget = PersonCard(card, self._inner)
                widget.tapped.connect(self.card_tapped)
                widget.dropped.connect(self.orders_dropped)
                self.cards[card.station] = widget
            else:
                widget.show_card(card)
            self._list.insertWidget(i, widget)
            widget.set_armed(self._armed)
            widget.setEnabled(not self._busy)
        self.empty.setVisible(not cards)

    def set_armed(self, armed: bool) -> None:
        """Cards glow as targets while the supervisor is choosing where orders go."""
        self._armed = armed
        for widget in self.cards.values():
            widget.set_armed(armed)

    def set_busy(self, busy: bool) -> None:
        """No card takes a tap or a drop while an action is on its way."""
        self._busy = busy
        for widget in self.cards.values():
            widget.setEnabled(not busy)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            wrap_to_width(self.title, self.width())

    def set_hint(self, text: str, loud: bool = True) -> None:
        """What to do now, in place of the title (empty: the title again); ``loud``: on yellow."""
        self.hint = text
        loud = bool(text) and loud
        # Its padding as contents margins, not in the style sheet: QLabel's wrapped height counts
        # these, not the style's box, and the text was cut at the yellow box's edges.
        self.title.setContentsMargins(*((11, 7, 11, 7) if loud else (0, 0, 0, 0)))
        self.title.setProperty("hint", loud)
        self.title.style().unpolish(self.title)
        self.title.style().polish(self.title)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.hint or translate("PeoplePanel", "Stations and people"))
        self.title.ensurePolished()
        wrap_to_width(self.title, self.width())
        self.empty.setText(translate("PeoplePanel", "No station has synced with the central database yet."))
        for widget in self.cards.values():
            widget.show_card(widget.card)
