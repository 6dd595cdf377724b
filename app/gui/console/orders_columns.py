"""The console's order table: its columns, their headers and how a cell looks. GUI thread only.

Kept apart from the model (app.gui.console.orders_model), which only pages and selects.

Cutoffs show the warehouse's wall clock (Europe/Paris, app.packing.cutoffs.PARIS), as the
overview and the KPIs do, whatever time zone the console's machine is set to: an order due
at 17:00 reads 17:00 on every tab.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.gui import texts
from app.gui.texts import cutoff_text  # the warehouse's clock, as every screen
from app.store.order_browser import NO_CARRIER, OrderRow

translate = QCoreApplication.translate

SELECTED_BACKGROUND = QColor("#0b3d91")
SELECTED_TEXT = QColor("#ffffff")
LATE_TEXT = QColor("#a8001a")
TROUBLE_TEXT = QColor("#7a0010")

# Column keys, in display order.
COLUMNS = (
    "mark", "number", "status", "cutoff", "priority", "customer", "city", "carrier", "lines", "units", "follow_up",
)
RIGHT_ALIGNED = {"priority", "lines", "units"}


def carrier_name(carrier: str | None) -> str:
    names = {
        "colissimo": "Colissimo",
        "chronopost": "Chronopost",
        "mondial_relay": "Mondial Relay",
        "click_collect": translate("OrdersModel", "Click & collect"),
        NO_CARRIER: translate("OrdersModel", "No carrier"),
    }
    return names.get(carrier or NO_CARRIER, carrier or "")


def header_texts() -> dict[str, str]:
    return {
        "mark": "",
        "number": translate("OrdersModel", "Order"),
        "status": translate("OrdersModel", "Status"),
        "cutoff": translate("OrdersModel", "Cutoff"),
        "priority": translate("OrdersModel", "Prio."),
        "customer": translate("OrdersModel", "Customer"),
        "city": translate("OrdersModel", "City"),
        "carrier": translate("OrdersModel", "Carrier"),
        "lines": translate("OrdersModel", "Lines"),
        "units": translate("OrdersModel", "Units"),
        "follow_up": translate("OrdersModel", "Station / reason"),
    }


def display_text(order: OrderRow, key: str, selected: bool):
    if key == "mark":
        return "✓" if selected else ""
    if key == "number":
        return order.number
    if key == "status":
        return texts.status_name(order.status)
    if key == "cutoff":
        return cutoff_text(order.cutoff_at)
    if key == "priority":
        return str(order.priority)
    if key == "customer":
        return order.customer
    if key == "city":
        return order.city
    if key == "carrier":
        return carrier_name(order.carrier)
    if key == "lines":
        return str(order.lines)
    if key == "units":
        return str(order.units)
    if key == "follow_up":
        # One column for what the supervisor follows up: why a held or excepted order
        # is stuck, otherwise who holds it now and the supervisor's choice when it
        # differs ("PICK-01 → PACK-02"). Two columns would not fit a 1920 px console.
        if order.reason:
            return order.reason
        who = order.claimed_by or ""
        if order.assigned_to and order.assigned_to != order.claimed_by:
            who = f"{who} → {order.assigned_to}".strip()
        return who
    return None


def cell_style(order: OrderRow, key: str, selected: bool, role: int):
    """Background, foreground, font, alignment and accessible text of a loaded cell."""
    if role == Qt.ItemDataRole.BackgroundRole and selected:
        return QBrush(SELECTED_BACKGROUND)
    if role == Qt.ItemDataRole.ForegroundRole:
        if selected:
            return QBrush(SELECTED_TEXT)
        if key == "cutoff" and order.cutoff_at is not None and order.status not in ("shipped", "cancelled"):
            if order.cutoff_at.timestamp() < QDateTime.currentSecsSinceEpoch():
                return QBrush(LATE_TEXT)
        if key in ("status", "follow_up") and order.status in ("on_hold", "exception"):
            return QBrush(TROUBLE_TEXT)
        return None
    if role == Qt.ItemDataRole.FontRole and (key == "mark" or (key == "status" and order.status in ("on_hold", "exception"))):
        font = QFont()
        font.setBold(True)
        return font
    if role == Qt.ItemDataRole.TextAlignmentRole:
        horizontal = Qt.AlignmentFlag.AlignRight if key in RIGHT_ALIGNED else (
            Qt.AlignmentFlag.AlignHCenter if key == "mark" else Qt.AlignmentFlag.AlignLeft
        )
        return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
    if role == Qt.ItemDataRole.AccessibleTextRole and key == "mark":
        return translate("OrdersModel", "selected") if selected else translate("OrdersModel", "not selected")
    return None
