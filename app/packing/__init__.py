"""Packing: the packer's double verification, box, weight, inserts, carrier and handover.

Pure Python (no Qt, no SQL): ``model`` (what a pack is built from), ``events`` (what it
records), ``outcome`` (what each action answers), the session and its rules. The store
(app.store.packing, app.store.handover) reads and writes; the station (app.gui) drives it.
"""
