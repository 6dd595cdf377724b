"""What the station says about its printers: the status bar's short line and the long message.

The short states go through Qt's translation like every label of the window. The long
messages (what happened, what to do) come from app.devices.printers.messages, which holds them
in English and French side by side so the command line says them too; here the window's
language picks one.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from app.gui.texts import plural

translate = QCoreApplication.translate


def _french() -> bool:
    return QLocale().language() == QLocale.Language.French


def state_name(code: str) -> str:
    names = {
        "ready": translate("Printer", "ready"),
        "starting": translate("Printer", "checking…"),
        "error": translate("Printer", "not started"),
        "offline": translate("Printer", "not answering"),
        "paper_out": translate("Printer", "out of labels"),
        "head_open": translate("Printer", "head open"),
        "ribbon_out": translate("Printer", "out of ribbon"),
        "paused": translate("Printer", "paused"),
        "buffer_full": translate("Printer", "memory full"),
        "printer_error": translate("Printer", "fault"),
        "retrying": translate("Printer", "sending again"),
        "uncertain": translate("Printer", "label to check"),
    }
    return names.get(code, code)


def status_text(code: str, waiting: int) -> str:
    """``Imprimante : prête``, ``Imprimante : plus d'étiquettes — 2 en attente``."""
    text = translate("Status", "Printer: %1").replace("%1", state_name(code))
    if waiting and code != "uncertain":
        text += " — " + plural(waiting, translate("Printer", "%n waiting"), translate("Printer", "%n waiting"))
    return text


def is_fault(code: str) -> bool:
    return code not in ("ready", "starting")


def message(code: str, args: dict[str, str]) -> str:
    """The sentence a person acts on (what happened, what to do)."""
    from app.devices.printers.messages import reason_text

    if code == "error":
        return translate("Printer", "The printer could not be started: %1. Check the [printing] section of the "
                                    "station's configuration.").replace("%1", args.get("error", ""))
    return reason_text(code, args, "fr" if _french() else "en")


def job_state(state: str) -> str:
    names = {
        "queued": translate("Printer", "waiting"),
        "sending": translate("Printer", "sending"),
        "printed": translate("Printer", "printed"),
        "uncertain": translate("Printer", "to check"),
        "cancelled": translate("Printer", "cancelled"),
    }
    return names.get(state, state)


def printer_name(printer: str) -> str:
    return {"labels": translate("Printer", "Label printer"),
            "documents": translate("Printer", "Document printer")}.get(printer, printer)
