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
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QSizePolicy, QVBoxLayout, QWidget

from app.store.kpis import Kpis

translate = QCoreApplication.translate

MAX_PICKERS = 7
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
    # One picker more than MAX_PICKERS gets their own colour: an "Others" of one would hide a name.
    shown = pickers if len(pickers) <= MAX_PICKERS + 1 else pickers[:MAX_PICKERS]
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
    # The hour alone ("8", "14"): 24 columns of "08h" at 20 px would be elided to "0…".
    categories.append([str(kpis.hours[h].hour) if h < len(kpis.hours) else "" for h in columns])
    categories.setLabelsFont(font())
    categories.setTitleText(translate("KpiCharts", "Hour"))
    categories.setTitleFont(font())
    chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(categories)
    totals = [sum(v[i] for v in values.values()) + rest[i] for i in range(len(columns))]
    axis = QValueAxis()
    axis.setRange(0, max(4, max(totals)))
    axis.setLabelFormat("%d")
    axis.applyNiceNumbers()  # round ticks (0, 20, 40…), not 17, 35, 52
    axis.setLabelsFont(font())
    chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)  # a column of names, none elided
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
        self.title.setWordWrap(True)
        self.value = QLabel(self)
        self.value.setProperty("quaiRole", "kpi-value")
        self.detail = QLabel(self)
        self.detail.setProperty("quaiRole", "kpi-detail")
        self.detail.setWordWrap(True)
        # The day before's figure beside the number, with an arrow: the cheap trend.
        self.trend = QLabel(self)
        self.trend.setProperty("quaiRole", "kpi-trend")
        self.trend.setWordWrap(True)  # "▲ yesterday 96.9 %" on two lines rather than a wider tile
        figure_row = QHBoxLayout()
        figure_row.setSpacing(16)
        figure_row.addWidget(self.value)
        figure_row.addWidget(self.trend, 1, Qt.AlignmentFlag.AlignVCenter)
        # Shipped against due: a thick bar under the number (hidden on the other tiles).
        self.bar = QProgressBar(self)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(28)
        self.bar.hide()
        layout.addWidget(self.title)
        layout.addLayout(figure_row)
        for widget in (self.bar, self.detail):
            layout.addWidget(widget)
        layout.addStretch(1)

    def show_figure(self, value: str, detail: str, no_data: bool = False) -> None:
        self.value.setText(value)
        self.value.setProperty("quaiRole", "kpi-none" if no_data else "kpi-value")
        self.value.style().unpolish(self.value)
        self.value.style().polish(self.value)
        self.detail.setText(detail)

    def show_progress(self, value: int, maximum: int) -> None:
        self.bar.setRange(0, max(1, maximum))
        self.bar.setValue(min(value, max(1, maximum)))
        self.bar.show()
