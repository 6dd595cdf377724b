"""Label alignment by key names, for the widgets the station shows at start-up.

PySide6 (6.11) builds the whole ``Qt`` namespace, several hundred enum members, the first
time any module touches ``Qt``: 12-19 ms, more than the rest of the login screen. The
start-up path (main window, status area, login screen, their forms) therefore never
names ``Qt``; alignment goes through the ``alignment`` property, which Qt's meta-object
system converts from key names. Screens built after the first paint may use ``Qt`` freely.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


def align(label: QLabel, keys: str) -> None:
    """``label.setAlignment(...)`` from key names, e.g. ``"AlignRight|AlignVCenter"``."""
    if not label.setProperty("alignment", keys):
        raise ValueError(f"not an alignment: {keys!r}")


def focus_policy(widget: QWidget, key: str) -> None:
    """``widget.setFocusPolicy(...)`` from a key name, e.g. ``"NoFocus"`` (same reason as ``align``)."""
    if not widget.setProperty("focusPolicy", key):
        raise ValueError(f"not a focus policy: {key!r}")
