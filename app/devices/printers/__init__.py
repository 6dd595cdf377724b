"""Printers: URLs, transports (tcp, serial, usb, cups, spool folder), status (~HS, ~HQES), the print queue.

No Qt here: the queue runs its own thread and calls back from it; the GUI adapts the callbacks to signals.

    from app.devices.printers import PrintQueue, parse_printer_url, printer_status, send
"""

from __future__ import annotations

from app.devices.printers.print_queue import PrintQueue, QueueState
from app.devices.printers.printer_url import PrinterUrl, PrinterUrlError, parse_printer_url
from app.devices.printers.status import printer_status
from app.devices.printers.transports import PrinterError, PrinterFault, PrinterOffline, SendInterrupted, send
from app.devices.printers.zpl_status import PrinterStatus

__all__ = [
    "PrintQueue", "QueueState", "PrinterUrl", "PrinterUrlError", "parse_printer_url", "printer_status",
    "PrinterError", "PrinterFault", "PrinterOffline", "SendInterrupted", "send", "PrinterStatus",
]
