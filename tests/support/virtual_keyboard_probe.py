"""Run in a process of its own (QT_IM_MODULE is read once, when the QApplication is made):
a supervisor station's settings ask for Qt Virtual Keyboard; prints what its input context did.

Prints ``MARK <step>`` lines on standard error between the steps, with Qt's
``qt.virtualkeyboard`` log (PlatformInputContext::showInputPanel() when the keyboard is asked
to show), and a last ``RESULT {json}`` line on standard output: the scan field's text after a
wedge scanner typed a badge into it, and the input method module in use. The offscreen
platform cannot show the keyboard's window itself; the input context's log is what it can see.
"""

import json
import os
import sys

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["QT_LOGGING_RULES"] = "qt.virtualkeyboard=true"
os.environ.pop("QT_IM_MODULE", None)

from app.config import StationConfig  # noqa: E402
from app.gui.virtual_keyboard import virtual_keyboard_environment  # noqa: E402

wanted = virtual_keyboard_environment(StationConfig(kind="supervisor"), os.environ)

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget  # noqa: E402

app = QApplication([])

from app.gui.screens.login import LoginScreen  # noqa: E402
from app.gui.state import LoginPresenter  # noqa: E402

page = QWidget()
layout = QVBoxLayout(page)
login = LoginScreen(LoginPresenter())
search = QLineEdit()
layout.addWidget(login)
layout.addWidget(search)
page.show()
result = {"wanted": wanted, "module": os.environ.get("QT_IM_MODULE")}


def mark(step: str) -> None:
    print(f"MARK {step}", file=sys.stderr, flush=True)


def scan_field() -> None:
    mark("scan_field")
    login.focus_scan_field()  # as at every login: the keyboard must not come up by itself
    result["focus"] = QApplication.focusWidget() is login.ui.badgeEdit
    QTimer.singleShot(500, tap_text_field)


def tap_text_field() -> None:
    mark("tap_text_field")
    QTest.mouseClick(search, Qt.MouseButton.LeftButton)
    QTimer.singleShot(1000, end)


def end() -> None:
    mark("end")
    print("RESULT " + json.dumps(result), flush=True)
    app.quit()


QTimer.singleShot(200, scan_field)
app.exec()
