"""The packer's scale in the station window (PackingUi's part). GUI thread only.

The scale (app.gui.scale_hub, when ``[packing] scale`` is set) sends every reading here:
shown at once (greyed while unstable), and the first stable one at the WEIGH step is given
to the pack, once per time the step is entered (a parcel put back after a recheck is weighed
again; a refused reading is not retried in a loop). A weight already stable when the step
begins is taken too (a scale that reports only changes says it once). The parcel weighed
before, still on the scale, is not taken for the next one until the scale is cleared. With
no scale, or a scale down, the screen offers the keypad.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.gui import pack_texts

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

SCALE_OK_STATES = ("connected", "busy")  # app.gui.scale_hub's states in which it weighs
EMPTY_SCALE_G = 20  # below this the scale is taken as cleared (a box flap, dust)
SAME_PARCEL_G = 5  # a stable weight this close to the last parcel's is that parcel, still on the scale


class ScaleMixin:
    """Needs from PackingUi: controller, screen, showing, render(), and the attributes
    scale, scale_state, scale_error, live, _weighed_this_step, _on_scale (set in its __init__)."""

    def start_scale(self) -> None:
        """Start reading the configured scale (once): readings come to ``reading``."""
        url = getattr(self.controller.settings, "scale", None)
        if self.scale is not None or not url:
            return
        try:
            from app.gui.scale_hub import ScaleHub

            hub = ScaleHub(self)
            hub.reading.connect(self.reading)
            hub.state_changed.connect(self._scale_state_changed)
            hub.start(url)
        except Exception as exc:  # a scale that cannot start leaves the keypad, never the station down
            log.error("scale %s not started: %s", url, exc)
            self.scale_error = pack_texts.detail(exc)
            return
        self.scale = hub

    def stop_scale(self) -> None:
        if self.scale is not None and hasattr(self.scale, "stop"):
            self.scale.stop()

    def reading(self, reading: Any) -> None:
        """A scale reading (app.packing.model.Reading), in the GUI thread."""
        grams = int(reading.grams)
        self.live = (grams, bool(reading.stable))
        if grams < EMPTY_SCALE_G:
            self._on_scale = None  # the scale was cleared: the next parcel is a new one
        session = self.controller.session
        if session is None or self._take_if_ready(reading):
            return
        if self.showing and str(session.view().step) in ("weigh", "recheck"):
            self.render()

    def _take_if_ready(self, reading: Any) -> bool:
        """Give a stable reading to the pack when it weighs the parcel now; True when given."""
        c = self.controller
        session = c.session
        if session is None or not reading.stable or reading.grams <= 0 or self._weighed_this_step:
            return False
        view = session.view()
        if str(view.step) != "weigh" or c.busy or self.screen.panel is not None:
            return False
        if self._still_on_scale(view.parcel, int(reading.grams)):
            return False
        self._weighed_this_step = True
        self._on_scale = (view.parcel, int(reading.grams))
        c.act(lambda s: s.weigh(reading))
        return True

    def _take_last_stable(self) -> None:
        """The weighing step began while the scale already held a stable weight (a scale that
        reports only changes says it once, perhaps while a write was under way)."""
        stable = getattr(self.scale, "last_stable", None)
        if stable is not None:
            self._take_if_ready(stable)

    def _still_on_scale(self, parcel: int, grams: int) -> bool:
        """The parcel weighed before this one is still on the scale (the next one is not on it
        yet): its weight must not be taken for this parcel's. The same parcel put back after a
        recheck is weighed again."""
        if self._on_scale is None:
            return False
        seq, weighed = self._on_scale
        return seq != parcel and abs(weighed - grams) <= SAME_PARCEL_G

    def _scale_state_changed(self, state: str, _detail: str = "") -> None:
        self.scale_state = state
        if state not in SCALE_OK_STATES:
            self.live = None  # what it said before no longer holds
        if self.showing:
            self.render()

    @property
    def scale_working(self) -> bool:
        return self.scale is not None and self.scale_state in SCALE_OK_STATES

    def _scale_text(self) -> str:
        if self.scale_error is not None:
            return translate("PackScreen", "Scale not usable ({detail}): key the weight in, and tell a supervisor.").replace(
                "{detail}", self.scale_error)
        if self.scale is None or self.scale_state == "manual":
            return translate("PackScreen", "No scale: key the weight in.")
        if self.scale_state is None:
            return translate("PackScreen", "Scale starting…")
        if not self.scale_working:
            from app.gui.scale_hub import message

            return message(self.scale_state, getattr(self.scale, "detail", ""))
        if self.live is not None and not self.live[1]:
            return translate("PackScreen", "Stabilising…")
        return translate("PackScreen", "Put the parcel on the scale: its weight is taken when stable.")

