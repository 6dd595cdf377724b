"""Event kinds a pack records, and what their payloads hold.

Every accepted action of the packing session returns ``(kind, payload)`` pairs; the store
records them in one transaction, committed before the feedback is shown, and a replay
feeds them back through the session's ``apply`` (crash resume). Payloads hold JSON types
only. ``n`` is the action's number within the pack (what ``pack.undone`` names in ``of``).

Kinds and payloads (the contract between app.packing, app.store.packing and the central
database's appliers in app.sync.central):

- ``pack.started`` {order, plan: PackPlan.as_json(), config: PackConfig.as_json(), packer}
- ``pack.unit`` {n, order, line_id, sku, quantity, parcel (seq), source (scan|keyed|gs1_count),
  lot, expiry, serial}: units verified. Effect: ``OrderLine.verified += quantity``, a serial
  is added to the line's ``captured`` list ({"serial": s, "event": id}).
- ``pack.box_confirmed`` {n, order, parcel, box, suggested, scanned (bool)}
- ``pack.parcel_opened`` {n, order, parcel}: the next units go into a new parcel
- ``pack.weighed`` {n, order, parcel, grams, expected_g, source (scale|manual), within (bool)}
  An out-of-tolerance weighing is recorded too (``within`` false): the audit and the
  "errors caught at packing" figure count it.
- ``pack.recheck_started`` {n, order, parcel, units: {line_id: n}}: the parcel's units are to
  be scanned again (verified -= units). Recorded after a weight out of tolerance.
- ``pack.override`` {n, order, what (verification|weight), supervisor (badge), reason,
  missing: {line_id: units}} (verification) or {grams, expected_g} (weight): audited.
  A weight override also carries ``parcel`` (seq) and ``unverified`` {line_id: units}: the
  units of a recheck not scanned again, which stay unverified (no effect on ``verified``).
- ``pack.inserts_done`` {n, order, inserts: [code], gift_wrapped (bool)}
- ``pack.print_cancelled`` {n, order}: the packer stopped the countdown
- ``pack.undone`` {n, of}: the action ``of`` is taken back (units, a box, a parcel opened,
  inserts); the session adds ``order`` and ``kind`` (the undone action's kind)
- ``pack.closed`` {order, carrier, service, parcels: [{seq, box, grams, items: {line_id: n},
  sscc, kind (parcel|carton|pallet)}], packer}: the store fills in each ``sscc`` (taken from
  the station's pool) in the same transaction as it records the event. Effect: Parcel rows
  (status ``closed``), the order's carrier/service when chosen by the rules.
- ``pack.cancelled`` {order, reason}: the tote goes back; verification starts over next time
  (effect: the lines' ``verified`` back to 0)
- ``order.status_changed`` (app.domain.events): picked -> packing at the start,
  packing -> ready_to_ship at the close, packing -> picked on ``pack.cancelled``.
- ``parcel.shipped`` {order, sscc, carrier, dock}: handed to the courier (app.store.handover).
  Effect: the parcel's status ``shipped``, ``shipped_at``; the order goes to ``shipped`` with
  its last parcel (a separate ``order.status_changed`` event).
- ``manifest.closed`` {carrier, day, parcels: [sscc], missing: [sscc]}: end of day.
"""

from __future__ import annotations

from typing import Any

from app.domain.events import ORDER_STATUS_CHANGED

Event = tuple[str, dict[str, Any]]

PACK_STARTED = "pack.started"
PACK_UNIT = "pack.unit"
PACK_BOX_CONFIRMED = "pack.box_confirmed"
PACK_PARCEL_OPENED = "pack.parcel_opened"
PACK_WEIGHED = "pack.weighed"
PACK_RECHECK_STARTED = "pack.recheck_started"
PACK_OVERRIDE = "pack.override"
PACK_INSERTS_DONE = "pack.inserts_done"
PACK_PRINT_CANCELLED = "pack.print_cancelled"
PACK_UNDONE = "pack.undone"
PACK_CLOSED = "pack.closed"
PACK_CANCELLED = "pack.cancelled"
PARCEL_SHIPPED = "parcel.shipped"
MANIFEST_CLOSED = "manifest.closed"

#: Every kind a packing session emits (and its ``apply`` accepts).
PACK_KINDS = frozenset({
    PACK_STARTED, PACK_UNIT, PACK_BOX_CONFIRMED, PACK_PARCEL_OPENED, PACK_WEIGHED, PACK_RECHECK_STARTED,
    PACK_OVERRIDE, PACK_INSERTS_DONE, PACK_PRINT_CANCELLED, PACK_UNDONE, PACK_CLOSED, PACK_CANCELLED,
    ORDER_STATUS_CHANGED,
})

#: Kinds ``undo`` can take back (each carries ``n``).
UNDOABLE = frozenset({PACK_UNIT, PACK_BOX_CONFIRMED, PACK_PARCEL_OPENED, PACK_INSERTS_DONE})

# Why a supervisor overrides: the reasons offered on screen (free text is allowed too).
OVERRIDE_REASONS = ("barcode_unreadable", "product_relabelled", "catalogue_weight_wrong", "customer_agreed")
