"""The documents a closed pack prints, built in the replica worker (no Qt, no widgets).

``documents(sessions, number, parcels, labels, badge, first_name)`` reads the order as the
close left it (its Parcel rows, their SSCCs) and lays out:

- a shipping label per parcel (app.labels.documents.shipping), with the parcel's SSCC and
  weighed weight; click & collect: the label names the pickup store;
- B2B: each carton gets its shipping label and a GS1 logistic label, and the pallet (when
  the plan has one) its logistic label;
- the packing slip ("Préparé pour vous par <first name>") on the slip paper configured.

The pages go to app.gui.print_service.PrintService.print_pages on the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session, sessionmaker


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
