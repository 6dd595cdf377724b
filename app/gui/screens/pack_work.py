"""The pack screen's work page: the order's lines (what is still to verify) on the left, the
parcel on the right (n/N, its box in big type, expected and read weights, the gift message).
GUI thread only.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from app.gui import pack_texts
from app.gui.screens.pack_widgets import IMAGE_SIZE, label, product_pixmap, set_role

translate = QCoreApplication.translate


class WorkPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(16)
        self.lines_area = QScrollArea(self)
        self.lines_area.setWidgetResizable(True)
        self.lines_area.setFrameShape(QFrame.Shape.NoFrame)
        self.lines_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        holder = QWidget(self.lines_area)
        self.lines_layout = QVBoxLayout(holder)
        self.lines_layout.setContentsMargins(0, 0, 0, 0)
        self.lines_layout.setSpacing(8)
        self.lines_layout.addStretch(1)
        self.lines_area.setWidget(holder)
        self.line_rows: list[LineRow] = []
        row.addWidget(self.lines_area, 1)
        self.side = SidePanel(self)
        row.addWidget(self.side)

    def show_view(self, view: Any, extras: Any) -> None:
        """``extras``: app.gui.screens.pack.Extras."""
        lines = view.lines
        while len(self.line_rows) < len(lines):
            line_row = LineRow(self)
            self.lines_layout.insertWidget(len(self.line_rows), line_row)
            self.line_rows.append(line_row)
        for i, line_row in enumerate(self.line_rows):
            if i < len(lines):
                line_row.show_line(lines[i], current=lines[i].line_id == extras.current_line)
                line_row.setVisible(True)
            else:
                line_row.setVisible(False)
        self.side.show_view(view, extras.boxes, live=extras.live, scale_text=extras.scale_text, failed=extras.failed)


class LineRow(QFrame):
    """One order line: picture, name, SKU · lot(s) · serials, and what is still to verify."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("quaiRole", "pack-line")
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 14, 6)
        row.setSpacing(14)
        self.image = QLabel(self)
        self.image.setFixedSize(IMAGE_SIZE, IMAGE_SIZE)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.image)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        self.name = label(self, "pack-line-name")
        self.detail = label(self, "pack-line-detail", wrap=True)
        texts.addWidget(self.name)
        texts.addWidget(self.detail)
        row.addLayout(texts, 1)
        counts = QVBoxLayout()
        counts.setSpacing(0)
        self.left = label(self, "pack-line-left", align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.count = label(self, "pack-line-count", align=Qt.AlignmentFlag.AlignRight)
        counts.addWidget(self.left)
        counts.addWidget(self.count)
        row.addLayout(counts)
        self._image_key: object = object()

    def show_line(self, line, *, current: bool) -> None:
        left = max(0, line.quantity - line.verified)
        self.name.setText(line.name or line.sku)
        parts = [line.sku]
        if line.lot:
            parts.append(translate("PackScreen", "Lot %1").replace("%1", line.lot))
        if line.serials:
            parts.append(translate("PackScreen", "S/N %1").replace("%1", ", ".join(line.serials)))
        self.detail.setText(" · ".join(parts))
        if left:
            self.left.setText(str(left))
            set_role(self.left, "pack-line-left")
            self.count.setText(translate("PackScreen", "to verify · %1 / %2").replace("%1", str(line.verified))
                               .replace("%2", str(line.quantity)))
        else:
            self.left.setText("✓")
            set_role(self.left, "pack-line-left-done")
            self.count.setText(translate("PackScreen", "verified · %1 / %2").replace("%1", str(line.verified))
                               .replace("%2", str(line.quantity)))
        set_role(self, "pack-line-done" if not left else ("pack-line-now" if current else "pack-line"))
        if self._image_key != line.image:
            self._image_key = line.image
            self.image.setPixmap(product_pixmap(line.image))



def box_name(view_boxes, code: str | None) -> str:
    for box in view_boxes or ():
        if box.code == code:
            dims = "×".join(str(round(d / 10)) for d in box.inner_mm)
            return f"{box.name} · {dims} cm"
    return ""


class SidePanel(QWidget):
    """The parcel n/N, its box (suggested, confirmed), its weight (expected, read), the gift message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedWidth(430)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)

        self.box_frame = QFrame(self)
        self.box_frame.setProperty("quaiRole", "pack-panel")
        box = QVBoxLayout(self.box_frame)
        box.setContentsMargins(14, 8, 14, 10)
        box.setSpacing(0)
        top = QHBoxLayout()
        self.box_caption = label(self.box_frame, "pack-caption")
        self.parcel_label = label(self.box_frame, "pack-caption", align=Qt.AlignmentFlag.AlignRight)
        top.addWidget(self.box_caption, 1)
        top.addWidget(self.parcel_label)
        box.addLayout(top)
        self.box_label = label(self.box_frame, "pack-big")
        box.addWidget(self.box_label)
        self.box_name = label(self.box_frame, "pack-box-name")
        box.addWidget(self.box_name)
        self.box_state = label(self.box_frame, "pack-caption")
        box.addWidget(self.box_state)
        layout.addWidget(self.box_frame)

        self.weight_frame = QFrame(self)
        self.weight_frame.setProperty("quaiRole", "pack-panel")
        weight = QGridLayout(self.weight_frame)
        weight.setContentsMargins(14, 8, 14, 10)
        weight.setVerticalSpacing(0)
        self.expected_caption = label(self.weight_frame, "pack-caption")
        self.read_caption = label(self.weight_frame, "pack-caption")
        self.expected_label = label(self.weight_frame, "pack-weight")
        self.read_label = label(self.weight_frame, "pack-weight")
        weight.addWidget(self.expected_caption, 0, 0)
        weight.addWidget(self.read_caption, 0, 1)
        weight.addWidget(self.expected_label, 1, 0)
        weight.addWidget(self.read_label, 1, 1)
        self.scale_state = label(self.weight_frame, "pack-caption", wrap=True)
        weight.addWidget(self.scale_state, 2, 0, 1, 2)
        layout.addWidget(self.weight_frame)

        self.gift_frame = QFrame(self)
        self.gift_frame.setProperty("quaiRole", "pack-panel")
        gift = QVBoxLayout(self.gift_frame)
        gift.setContentsMargins(14, 8, 14, 10)
        self.gift_caption = label(self.gift_frame, "pack-caption")
        self.gift_label = label(self.gift_frame, "pack-gift", wrap=True)
        gift.addWidget(self.gift_caption)
        gift.addWidget(self.gift_label)
        layout.addWidget(self.gift_frame)
        layout.addStretch(1)

    def show_view(self, view, boxes, *, live: tuple[int, bool] | None, scale_text: str,
                  failed: tuple[int, int | None] | None = None) -> None:
        """``live``: the scale's last reading (grams, stable) while weighing, greyed when unstable;
        ``failed``: the weighing out of tolerance (grams, expected) while the parcel is rechecked."""
        step = str(view.step)
        self.parcel_label.setText(translate("PackScreen", "Parcel %1 / %2").replace("%1", str(view.parcel))
                                  .replace("%2", str(view.parcel_count)))
        if view.box:
            self.box_caption.setText(translate("PackScreen", "Box"))
            self.box_label.setText(f"{view.box} ✓")
            self.box_name.setText(box_name(boxes, view.box))
            self.box_state.setText("")
        else:
            self.box_caption.setText(translate("PackScreen", "Suggested box"))
            self.box_label.setText(view.suggested_box or translate("PackScreen", "Choose a box"))
            self.box_name.setText(box_name(boxes, view.suggested_box))
            self.box_state.setText(translate("PackScreen", "Scan its barcode, or tap “Other box”."))
        self.box_name.setVisible(bool(self.box_name.text()))
        self.box_state.setVisible(bool(self.box_state.text()))
        set_role(self.box_frame, "pack-panel-now" if step == "box" else "pack-panel")

        self.expected_caption.setText(translate("PackScreen", "Expected"))
        self.read_caption.setText(translate("PackScreen", "Weighed"))
        self.expected_label.setText(pack_texts.grams_text(view.expected_weight_g))
        bad = view.last_error == "weight_out_of_tolerance" or step == "recheck"
        if failed is not None and step == "recheck":
            grams, expected = failed
            self.read_label.setText(pack_texts.grams_text(grams))
            set_role(self.read_label, "pack-weight-bad")
            if expected is not None:
                self.expected_label.setText(pack_texts.grams_text(expected))
        elif view.weight_g is not None:
            self.read_label.setText(pack_texts.grams_text(view.weight_g))
            set_role(self.read_label, "pack-weight")
        elif live is not None and step in ("weigh", "recheck"):
            grams, stable = live
            self.read_label.setText(pack_texts.grams_text(grams))
            set_role(self.read_label, "pack-weight-bad" if bad and stable else
                     ("pack-weight" if stable else "pack-weight-live"))
        else:
            self.read_label.setText("—")
            set_role(self.read_label, "pack-weight")
        self.scale_state.setText(scale_text)
        set_role(self.weight_frame, "pack-panel-now" if step in ("weigh",) else "pack-panel")

        message = view.gift_message
        self.gift_frame.setVisible(bool(message))
        self.gift_caption.setText(translate("PackScreen", "Gift message"))
        self.gift_label.setText(f"« {message} »" if message else "")
