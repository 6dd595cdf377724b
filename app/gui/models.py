"""Qt item models over the plain data the replica worker returns. GUI thread only."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from app.gui import texts
from app.gui.data import OrderSummary

translate = QCoreApplication.translate
Index = QModelIndex | QPersistentModelIndex


class OrdersTableModel(QAbstractTableModel):
    """The next orders of a queue: number, customer, cutoff, lines, units."""

    COLUMNS = 5

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._orders: tuple[OrderSummary, ...] = ()

    def set_orders(self, orders: tuple[OrderSummary, ...]) -> None:
        self.beginResetModel()
        self._orders = orders
        self.endResetModel()

    def retranslate(self) -> None:
        """Headers and cutoff texts depend on the language.

        A reset rather than emitting headerDataChanged/dataChanged from Python: with
        PySide6 6.12 those emissions over-release ``True`` (found by a refcount probe; after
        enough language switches the interpreter aborts), and five rows cost nothing to redo.
        """
        self.beginResetModel()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._orders)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (
            translate("OrdersTable", "Order"),
            translate("OrdersTable", "Customer"),
            translate("OrdersTable", "Cutoff"),
            translate("OrdersTable", "Lines"),
            translate("OrdersTable", "Units"),
        )
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._orders):
            return None
        order = self._orders[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (order.number, order.customer, texts.cutoff_text(order.cutoff_at), order.lines, order.units)
            return values[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
