"""The documents a closed pack prints: built in the replica worker, queued from the GUI thread.

``documents(sessions, number, parcels, labels, badge, first_name)`` reads the order as the
close left it (its Parcel rows, their SSCCs) and lays out:

- a shipping label per parcel (app.labels.documents.shipping), with the parcel's SSCC and
  weighed weight; click & collect: the label names the pickup store;
- B2B: each carton gets its shipping label and a GS1 logistic label, and the pallet (when
  the plan has one) its logistic label;
- the packing slip ("Préparé pour vous par <first name>") on the slip paper configured.

``LabelPrinter`` (GUI thread) has them built, queues them on the station's printers
(app.gui.print_service.PrintService.print_pages: ``labels`` and ``documents``), keeps the jobs
for a reprint (audited by the print service as ``label.reprinted``), and says what failed.
``unprinted_close`` finds a pack closed just before the station stopped, its labels never
printed (the next login prints them).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from app.gui import pack_texts

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Documents:
    labels: list  # app.labels.layout.Label pages for the label printer
    slip: list  # pages for the document printer
    label_document: str  # the print job's document name: shipping | logistic


def sender_address(labels: Any):
    from app.labels.label_data import Address

    s = labels.sender
    return Address(name=s.name, lines=(s.address,) if s.address else (), zip=s.zip, city=s.city, country=s.country,
                   phone=s.phone)


def pickup_store_address(labels: Any):
    """``[labels] pickup_store`` is one line, "Name, street, zip city"."""
    from app.labels.label_data import Address

    name, _, rest = labels.pickup_store.partition(",")
    parts = [p.strip() for p in rest.split(",") if p.strip()]
    town = parts.pop() if parts else ""
    zip_code, _, city = town.partition(" ")
    return Address(name=name.strip(), lines=tuple(parts), zip=zip_code, city=city)


def documents(sessions: sessionmaker[Session], number: str, parcels: list[dict[str, Any]], labels: Any,
              packer_badge: str, packer_first_name: str) -> Documents:
    from app.labels.documents.logistic import logistic_label
    from app.labels.documents.packing_slip import packing_slip_pages, packing_slip_thermal
    from app.labels.documents.shipping import shipping_label
    from app.store.label_data import logistic_label_data, packing_slip_data, shipping_label_data

    sender = sender_address(labels)
    store = pickup_store_address(labels)
    pages: list = []
    logistic = False
    with sessions() as session:
        for parcel in sorted(parcels, key=lambda p: p["seq"]):
            kind, seq, sscc, grams = parcel.get("kind", "parcel"), parcel["seq"], parcel["sscc"], parcel.get("grams")
            if kind in ("parcel", "carton"):
                data = shipping_label_data(session, number, seq, sender=sender, sscc=sscc, weight_g=grams,
                                           pickup_store=store)
                pages.append(shipping_label(data))
            if kind in ("carton", "pallet"):
                logistic = True
                pages.append(logistic_label(logistic_label_data(session, number, seq, sender=sender, sscc=sscc,
                                                                weight_g=grams)))
        slip = packing_slip_data(session, number, packer_badge=packer_badge or None,
                                 packer_first_name=packer_first_name, shop_name=labels.sender.name or "Quai")
    paper = getattr(labels, "slip_paper", "A5")
    slip_pages = [packing_slip_thermal(slip)] if paper == "80mm" else packing_slip_pages(slip, paper)
    return Documents(pages, slip_pages, "shipping+logistic" if logistic else "shipping")


def unprinted_close(sessions: Any, station: str) -> tuple[str, list[dict[str, Any]]] | None:
    """The last pack this station closed, when no label was printed for it since (replica
    worker): (order number, pack.closed's parcels with their SSCCs); else None."""
    from sqlalchemy import select

    from app.packing.events import PACK_CLOSED
    from app.store.models import Event

    with sessions() as session:
        closed = session.scalars(select(Event).where(Event.station == station, Event.kind == PACK_CLOSED)
                                 .order_by(Event.seq.desc()).limit(1)).first()
        if closed is None:
            return None
        printed = session.scalar(select(Event.seq).where(
            Event.kind.in_(("label.printed", "label.reprinted")), Event.order_number == closed.order_number,
            Event.seq > closed.seq).limit(1))
        if printed is not None:
            return None
        return closed.order_number, [dict(p) for p in (closed.payload or {}).get("parcels") or []]


class LabelPrinter:
    """The labels and slip of the pack just closed. GUI thread only; ``done()`` is called once
    both jobs are queued, or as soon as one fails (``error`` then says what to do)."""

    def __init__(self, services: Any, feedback: Any, labels: Any, done: Callable[[], None]) -> None:
        self.services = services
        self.feedback = feedback
        self.labels = labels
        self.done = done
        self.label_job: str | None = None  # for REPRINT
        self.slip_job: str | None = None
        self.error: str | None = None

    def reset(self) -> None:
        self.label_job = self.slip_job = self.error = None

    def print_closed(self, number: str, parcels: list[dict[str, Any]], badge: str, first_name: str) -> None:
        printing = self.services.printing
        if printing is None:
            self._failed(pack_texts.no_printer_text())
            return
        labels = self.labels

        def built(docs: Documents) -> None:
            pending = {"labels", "documents"}

            def queued(printer: str, job: str) -> None:
                if printer == "labels":
                    self.label_job = job
                else:
                    self.slip_job = job
                pending.discard(printer)
                if not pending:
                    self.done()

            def error(exc: Exception) -> None:
                log.error("labels of %s not queued: %s", number, exc)
                self._failed(pack_texts.print_failed_text(exc))

            printing.print_pages("labels", docs.label_document, docs.labels, order=number, actor=badge,
                                 on_queued=lambda job: queued("labels", job), on_error=error)
            printing.print_pages("documents", "packing_slip", docs.slip, order=number, actor=badge,
                                 on_queued=lambda job: queued("documents", job), on_error=error)

        def failed(exc: Exception) -> None:
            log.error("labels of %s not built: %s", number, exc)
            self._failed(pack_texts.print_failed_text(exc))

        self.services.replica.submit(
            lambda ctx: documents(ctx.sessions, number, parcels, labels, badge, first_name), built, failed)

    def reprint(self, badge: str) -> None:
        printing = self.services.printing
        if printing is None or self.label_job is None:
            self.feedback.attention(pack_texts.nothing_to_reprint_text())
            return
        try:
            self.label_job = printing.reprint("labels", self.label_job, badge)
        except Exception as exc:  # the job is gone from the queue (purged), the printer stopped
            self.feedback.bad(pack_texts.print_failed_text(exc))
            return
        self.feedback.good(pack_texts.reprinted_text())

    def _failed(self, text: str) -> None:
        self.error = text
        self.feedback.bad(text)
        self.done()
