"""Prefix rules that tell badges, totes and orders apart before any database lookup.

They are configurable per site (a station's TOML ``[scanning]`` section, later);
these are the defaults the demo prints on its sheets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class PrefixRules:
    badge_prefix: str = "BDG"
    tote_prefix: str = "TOT"
    order_prefix: str = "#"
    # Location codes are matched against the locations table; this pattern only
    # lets a station say "this looks like a location" when it cannot look it up.
    location_pattern: str = r"^[A-Z]{1,2}-\d{2}-\d{2}-\d{1,2}$"

    @staticmethod
    def normalise(code: str) -> str:
        """Badge, tote and location codes compare without case or surrounding spaces:
        a scanner in caps-lock, or a person typing, must find the same record."""
        return code.strip().upper()

    def is_badge(self, code: str) -> bool:
        return bool(self.badge_prefix) and code.upper().startswith(self.badge_prefix) and len(code) > len(self.badge_prefix)

    def is_tote(self, code: str) -> bool:
        return bool(self.tote_prefix) and code.upper().startswith(self.tote_prefix) and len(code) > len(self.tote_prefix)

    def is_order(self, code: str) -> bool:
        return bool(self.order_prefix) and code.startswith(self.order_prefix) and len(code) > len(self.order_prefix)

    def looks_like_location(self, code: str) -> bool:
        return re.fullmatch(self.location_pattern, code.upper()) is not None


DEFAULT_RULES = PrefixRules()
