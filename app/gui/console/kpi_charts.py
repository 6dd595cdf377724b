"""The KPI panel's charts (QtCharts) and big-number tiles, built from a ``Kpis``. GUI thread only.

Read from 1.5 m: chart texts at 20 px and more, thick bars, a few strong colours (the
theme's blue first), no tooltip or hover (touch). The picks chart stacks the pickers'
units per hour over the hours of the day that had picks (a shift, not 24 empty columns);
past ``MAX_PICKERS`` pickers, the rest are summed as "Others" so the legend stays legible.
"""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.store.kpis import Kpis

translate = QCoreApplication.translate

MAX_PICKERS = 8
# Distinct in print and for the common colour blindnesses (Okabe–Ito, the theme's blue first).
PALETTE = ("#0b3d91", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000", "#999999")
TEXT_PX = 20


def font(px: int = TEXT_PX, bold: bool = False) -> QFont:
    f = QFont()
    f.setPixelSize(px)
    f.setBold(bold)
    return f


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setTitleFont(font(24, bold=True))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)  # a refresh every minute: no dance
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setFont(font())
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def chart_view(parent: QWidget | None = None) -> QChartView:
    view = QChartView(parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    view.setMinimumHeight(260)
    return view


def _nice_max(value: int) -> int:
    """An axis top a little above ``value``, on a round number (ticks read as whole units)."""
    if value <= 4:
        return 4
    step = 10 ** (len(str(value)) - 1)
    step = step // 2 if value / step < 3 and step >= 10 else step
    return (value // step + 1) * step


def picks_chart(kpis: Kpis | None) -> QChart:
    """Units picked per hour, one stacked colour per picker."""
    chart = _chart(translate("KpiCharts", "Units picked per hour, by picker"))
    if kpis is None or not kpis.picks:
        chart.setTitle(translate("KpiCharts", "Units picked per hour: no pick yet today"))
        return chart
    hours = sorted({p.hour for p in kpis.picks})
    first, last = hours[0], hours[-1]
    columns = list(range(first, last + 1))
    pickers = kpis.pickers()
    shown = pickers[:MAX_PICKERS] if len(pickers) <= MAX_PICKERS + 1 else pickers[:MAX_PICKERS]
    names = {p.badge: p.name for p in shown}
    others = len(pickers) > len(shown)
    values: dict[str, list[int]] = {badge: [0] * len(columns) for badge in names}
    rest = [0] * len(columns)
    for row in kpis.picks:
        target = values.get(row.badge, rest)
        target[row.hour - first] += row.units
    series = QStackedBarSeries()
    series.setBarWidth(0.8)
    for i, (badge, name) in enumerate(names.items()):
        bar = QBarSet(name)
        bar.append([float(v) for v in values[badge]])
        bar.setColor(QColor(PALETTE[i % len(PALETTE)]))
        bar.setBorderColor(QColor("#ffffff"))
        series.append(bar)
    if others:
        bar = QBarSet(translate("KpiCharts", "Others"))
        bar.append([float(v) for v in rest])
        bar.setColor(QColor(PALETTE[-1]))
        series.append(bar)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append([kpis.hours[h].strftime("%Hh") if h < len(kpis.hours) else "" for h in columns])
    categories.setLabelsFont(font())
    chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(categories)
    totals = [sum(v[i] for v in values.values()) + rest[i] for i in range(len(columns))]
    axis = QValueAxis()
    axis.setRange(0, _nice_max(max(totals)))
    axis.setLabelFormat("%d")
    axis.setTickCount(5)
    axis.setLabelsFont(font())
    chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis)
    return chart


def shipping_chart(kpis: Kpis | None) -> QChart:
    """Orders due today, those of them shipped, and every order shipped today: three bars."""
    chart = _chart(translate("KpiCharts", "Shipped against due today"))
    chart.legend().setVisible(False)
    if kpis is None:
        return chart
    s = kpis.shipping
    rows = (
        (translate("KpiCharts", "Due today"), s.due, "#555555"),
        (translate("KpiCharts", "Due, shipped"), s.due_shipped, "#0b3d91"),
        (translate("KpiCharts", "Shipped today"), s.shipped, "#009e73"),
    )
    # Stacked, each set non-zero on its own row only: one colour per bar, its name on the axis.
    series = QHorizontalStackedBarSeries()
    series.setBarWidth(0.7)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value")
    series.setLabelsPosition(QHorizontalStackedBarSeries.LabelsPosition.LabelsInsideBase)
    for i, (name, count, colour) in enumerate(rows):
        bar = QBarSet(name)
        bar.append([float(count) if j == i else 0.0 for j in range(len(rows))])
        bar.setColor(QColor(colour))
        bar.setLabelFont(font(22, bold=True))
        bar.setLabelColor(QColor("#ffffff"))
        series.append(bar)
    chart.addSeries(series)
    names = QBarCategoryAxis()
    names.append([name for name, _count, _colour in rows])
    names.setLabelsFont(font())
    chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(names)
    axis = QValueAxis()
    axis.setRange(0, _nice_max(max(s.due, s.shipped, 1)))
    axis.setLabelFormat("%d")
    axis.setTickCount(3)
    axis.setLabelsFont(font())
    chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis)
    return chart


class Tile(QFrame):
    """A figure to read from afar: a title, a big number, a line saying what it counts."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setProperty("quaiRole", "kpi-tile")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        self.title = QLabel(self)
        self.title.setProperty("quaiRole", "kpi-title")
        self.value = QLabel(self)
        self.value.setProperty("quaiRole", "kpi-value")
        self.detail = QLabel(self)
        self.detail.setProperty("quaiRole", "kpi-detail")
        self.detail.setWordWrap(True)
        for label in (self.title, self.value, self.detail):
            layout.addWidget(label)
        layout.addStretch(1)

    def show_figure(self, value: str, detail: str, no_data: bool = False) -> None:
        self.value.setText(value)
        self.value.setProperty("quaiRole", "kpi-none" if no_data else "kpi-value")
        self.value.style().unpolish(self.value)
        self.value.style().polish(self.value)
        self.detail.setText(detail)
