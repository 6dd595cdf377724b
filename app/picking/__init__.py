"""Picking: the pure domain of walking a picker through a pick list (no Qt, no SQL, no I/O).

``route`` turns order lines and stock into an ordered list of tasks; ``session`` is
the state machine a station drives with scans; ``events`` names what it records.
"""
