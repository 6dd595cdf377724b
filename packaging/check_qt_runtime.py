"""Before opening a window: check Qt's system libraries and say how to install the missing ones.

Qt 6.5+ refuses to start on xcb without libxcb-cursor0 and prints a cryptic
"could not load the Qt platform plugin xcb" message; this says what to do instead.
"""

from __future__ import annotations

import ctypes.util
import os
import sys

# library soname stem -> Debian/Ubuntu package
NEEDED = {
    "xcb-cursor": "libxcb-cursor0",
    "xkbcommon-x11": "libxkbcommon-x11-0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
}
OPTIONAL = {"pulse": "libpulse0"}  # sound feedback; without it the station runs silent


def main() -> int:
    if os.environ.get("QT_QPA_PLATFORM", "") in ("offscreen", "minimal", "wayland"):
        return 0
    missing = [pkg for lib, pkg in NEEDED.items() if ctypes.util.find_library(lib) is None]
    silent = [pkg for lib, pkg in OPTIONAL.items() if ctypes.util.find_library(lib) is None]
    if silent:
        print(f"note: {' '.join(silent)} is not installed; the station will run without sound.")
        print(f"      to get sound: sudo apt-get install {' '.join(silent)}")
    if missing:
        print("Quai needs Qt's system libraries, which this machine lacks:", ", ".join(missing), file=sys.stderr)
        print(f"Install them with:\n    sudo apt-get install {' '.join(missing)}", file=sys.stderr)
        return 1
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        print("No screen found (DISPLAY is not set). Run `make demo` from a desktop session,", file=sys.stderr)
        print("or under a virtual screen: sudo apt-get install xvfb && xvfb-run make demo", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
