"""The KPI panel's charts (QtCharts) and big-number tiles, built from a ``Kpis``. GUI thread only.

Read from 1.5 m: chart texts at 20 px and more, thick bars, a few strong colours (the
theme's blue first), no tooltip or hover (touch); the names in a ChartLegend of two columns
under the chart. The picks chart stacks the pickers'
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
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.store.kpis import Kpis

translate = QCoreApplication.translate

MAX_PICKERS = 7
# Distinct in print and for the common colour blindnesses (Okabe–Ito, the theme's blue first).
PALETTE = ("#0b3d91", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000", "#999999")
TEXT_PX = 20
HOUR_PX = 18  # the hours under the bars: two digits in a column of a chart half the screen wide
UPRIGHT_HOURS = 14


def font(px: int = TEXT_PX, bold: bool = False) -> QFont:
    f = QFont()
    f.setPixelSize(px)
    f.setBold(bold)
    return f


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setTitleFont(font(bold=True))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)  # a refresh every minute: no dance
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setFont(font())
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def chart_view(parent: QWidget | None = None) -> QChartView:
    view = QChartView(parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    # Ignored: a QGraphicsView's size hint is its scene's, i.e. the chart's last size, which
    # made the panel keep whatever height it once had (and scroll) instead of the space left.
    view.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
    view.setMinimumHeight(260)
    return view


def picks_chart(kpis: Kpis | None) -> QChart:
    """Units picked per hour, one stacked colour per picker."""
    chart = _chart(translate("KpiCharts", "Units per hour, by picker"))
    if kpis is None or not kpis.picks:
        chart.setTitle(translate("KpiCharts", "Units per hour: no pick yet"))
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
    # The hour alone ("8", "14"), never elided ("1…" said nothing): the chart shares the
    # width with the tiles, a plot of about 440 px, and two digits at 18 px need about 28.
    # Past UPRIGHT_HOURS columns the labels stand on end rather than overlap.
    categories.append([str(kpis.hours[h].hour) if h < len(kpis.hours) else "" for h in columns])
    categories.setLabelsFont(font(HOUR_PX))
    categories.setTruncateLabels(False)
    if len(columns) > UPRIGHT_HOURS:
        categories.setLabelsAngle(-90)
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
    # The names go in a ChartLegend under the chart: QLegend on the right took a third of a
    # chart half the screen wide, and at the bottom it elides 8 names to "P…".
    chart.legend().hide()
    return chart


def legend_entries(chart: QChart | None) -> list[tuple[str, str]]:
    """(name, colour) of each bar set of the chart, bottom of the stack first."""
    entries: list[tuple[str, str]] = []
    for series in chart.series() if chart is not None else ():
        if isinstance(series, QStackedBarSeries):
            entries += [(bar.label(), bar.color().name()) for bar in series.barSets()]
    return entries


class ChartLegend(QWidget):
    """A chart's names and colours in ``COLUMNS`` columns, none elided. Rebuilt by
    ``show_entries`` at each refresh. No word wrap: a wrapping label makes the whole panel's
    height depend on its width, which pushed it past the screen."""

    COLUMNS = 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(8, 0, 8, 0)
        self._grid.setHorizontalSpacing(8)
        self._grid.setVerticalSpacing(2)
        for column in range(self.COLUMNS):
            self._grid.setColumnStretch(column * 2 + 1, 1)
        self.names: list[QLabel] = []
        # Its names do not widen the chart's column (the tiles beside it would wrap, taller).
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def show_entries(self, entries: list[tuple[str, str]]) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()  # now: the deferred delete comes after the next paint
                item.widget().deleteLater()
        self.names = []
        for i, (name, colour) in enumerate(entries):
            row, column = divmod(i, self.COLUMNS)
            swatch = QLabel(self)
            swatch.setFixedSize(22, 22)
            swatch.setStyleSheet(f"background: {colour}; border: 1px solid #111111;")
            label = QLabel(name, self)
            label.setFont(font())
            self._grid.addWidget(swatch, row, column * 2)
            self._grid.addWidget(label, row, column * 2 + 1)
            self.names.append(label)
        self.setVisible(bool(entries))


class Tile(QFrame):
    """A figure to read from afar: a title, a big number, a line saying what it counts."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setProperty("quaiRole", "kpi-tile")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 4)
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
        # Wide enough for two lines at most: the row's height is the trend's or the number's,
        # and three lines would push the panel past the screen's height.
        self.trend.setMinimumWidth(120)
        figure_row = QHBoxLayout()
        # 8 px and 42 px numbers: "100,0 %" and "▼ yesterday" side by side in a tile of a
        # half screen's two columns, the trend's words unbroken.
        figure_row.setSpacing(8)
        figure_row.addWidget(self.value)
        figure_row.addWidget(self.trend, 1, Qt.AlignmentFlag.AlignVCenter)
        # Shipped against due: a thick bar under the number (hidden on the other tiles).
        self.bar = QProgressBar(self)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(28)
        self.bar.hide()
        self.trend.hide()  # until there is a day before to show
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

    def show_trend(self, text: str) -> None:
        """The day before beside the number; hidden when there is none, so that its reserved
        width goes back to the number ("150,0 %", "pas de données" would be cut)."""
        self.trend.setText(text)
        self.trend.setVisible(bool(text))

    def show_progress(self, value: int, maximum: int) -> None:
        self.bar.setRange(0, max(1, maximum))
        self.bar.setValue(min(value, max(1, maximum)))
        self.bar.show()
