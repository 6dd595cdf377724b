"""Scanners, scales and printer transports (the scanner issue fills this in)."""
