"""Quai: warehouse floor stations for e-commerce fulfilment."""

from __future__ import annotations

__version__ = "0.1.0"
