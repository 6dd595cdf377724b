"""From the shop's free-text "Shipping Method" to a carrier, a service and a delivery mode.

Shops name their methods as they like ("Livraison Chrono 13h", "Retrait en
magasin - Lyon"), so the mapping is an ordered list of rules, first match wins,
which a warehouse can replace with its own TOML file::

    extend_defaults = true          # optional: try the built-in rules after these

    [[rule]]
    match = "Retrait entrepôt"      # case- and accent-insensitive substring
    carrier = "click_collect"
    delivery = "pickup"

    [[rule]]
    regex = "chrono\\s*relais"      # or a regular expression, on the folded text (no accents)
    carrier = "chronopost"
    service = "chrono_relais"
    delivery = "relay"
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from app.imports.fields import BadValue, as_text
from app.imports.lengths import ORDER
from app.imports.report import ImportFailed

_RULE_KEYS = frozenset({"match", "regex", "carrier", "service", "delivery"})
_TOP_KEYS = frozenset({"rule", "extend_defaults"})


class RulesFileError(ImportFailed, ValueError):
    """A shipping rules file that cannot be used: unreadable, not TOML, or a bad rule.

    The only exception ``ShippingRules.from_toml`` raises. An ImportFailed (file, line,
    column, message; ``str()`` is ``FILE:LINE:COLUMN: message``), and a ValueError so
    callers that caught ValueError keep catching it.
    """


CARRIERS = frozenset({"colissimo", "chronopost", "mondial_relay", "click_collect"})
DELIVERIES = frozenset({"home", "relay", "pickup"})


def fold(text: str) -> str:
    """Lower case without accents, so "Entrepôt" matches "entrepot"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class ShippingRule:
    pattern: str
    carrier: str | None
    service: str | None
    delivery: str
    regex: bool = False

    def __post_init__(self) -> None:
        compiled = re.compile(self.pattern if self.regex else re.escape(fold(self.pattern)), re.IGNORECASE)
        object.__setattr__(self, "_compiled", compiled)

    def matches(self, method: str) -> bool:
        compiled: re.Pattern[str] = self._compiled  # type: ignore[attr-defined]
        # Both kinds see the method folded (lower case, no accents): write regexes without accents.
        return compiled.search(fold(method)) is not None


def _rule(pattern: str, carrier: str, service: str | None, delivery: str, regex: bool = False) -> ShippingRule:
    return ShippingRule(pattern, carrier, service, delivery, regex)


# Most specific first: "Chrono Relais" must not fall into the plain Chronopost rule,
# "Colissimo Point Retrait" not into the plain Colissimo one.
DEFAULT_RULES: tuple[ShippingRule, ...] = (
    _rule(r"colissimo.*(point retrait|relais|bureau de poste)|point retrait", "colissimo", "point_retrait", "relay", True),
    _rule(r"chrono\w*\s*(relais|pickup|relay)|relais\s*chrono", "chronopost", "chrono_relais", "relay", True),
    _rule("mondial relay", "mondial_relay", "point_relais", "relay"),
    _rule("point relais", "mondial_relay", "point_relais", "relay"),
    _rule(r"retrait\s+(en\s+|au\s+|a\s+la\s+|a\s+l['’]\s*)?(magasin|boutique|entrepot|depot)|click\s*(&|and|et|n)?\s*collect|local pickup|pickup in store",
          "click_collect", "store_pickup", "pickup", True),
    _rule(r"chrono\s*13", "chronopost", "chrono13", "home", True),
    _rule(r"chrono\s*18", "chronopost", "chrono18", "home", True),
    _rule(r"chrono\s*10", "chronopost", "chrono10", "home", True),
    _rule("chronopost", "chronopost", "chrono13", "home"),
    _rule("colissimo", "colissimo", "domicile", "home"),
)


@dataclass(frozen=True)
class ShippingChoice:
    carrier: str | None
    service: str | None
    delivery: str
    matched: bool


class ShippingRules:
    def __init__(self, rules: list[ShippingRule] | tuple[ShippingRule, ...] | None = None) -> None:
        self.rules: list[ShippingRule] = list(DEFAULT_RULES if rules is None else rules)
        self._cache: dict[str, ShippingChoice] = {}

    @classmethod
    def default(cls) -> ShippingRules:
        return cls()

    def map(self, method: str) -> ShippingChoice:
        """The first matching rule; unmatched means carrier None, home delivery (the caller warns)."""
        cached = self._cache.get(method)
        if cached is None:
            cached = ShippingChoice(None, None, "home", False)
            for rule in self.rules:
                if rule.matches(method):
                    cached = ShippingChoice(rule.carrier, rule.service, rule.delivery, True)
                    break
            self._cache[method] = cached  # a 10,000-row export has a handful of distinct methods
        return cached

    @classmethod
    def from_toml(cls, path: Path) -> ShippingRules:
        """The rules of a TOML file (see the module docstring); raises RulesFileError only."""
        path = Path(path)
        file = str(path)
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except OSError as exc:
            raise RulesFileError(file, 1, 1, f"cannot read the file: {exc.strerror or exc}") from None
        except UnicodeDecodeError as exc:
            raise RulesFileError(file, 1, 1, f"not UTF-8 (byte {exc.start}); save the file as UTF-8") from None
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            where = re.search(r"line (\d+), column (\d+)", str(exc))
            line, column = (int(where.group(1)), int(where.group(2))) if where else (1, 1)
            raise RulesFileError(file, line, column, f"invalid TOML: {exc}") from None
        lines = text.splitlines()

        def line_of(key: str) -> int:
            return next((i + 1 for i, raw in enumerate(lines) if re.match(rf"\s*{key}\s*=", raw)), 1)

        # A misspelt key would silently change the table ("rules" = no rule at all): refuse it.
        for key in data:
            if key not in _TOP_KEYS:
                raise RulesFileError(file, line_of(re.escape(key)), 1,
                                     f"unknown key {key!r}; expected {', '.join(sorted(_TOP_KEYS))}")
        entries = data.get("rule", [])
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise RulesFileError(file, line_of("rule"), 1, "'rule' must be a list of [[rule]] tables")
        extend = data.get("extend_defaults", False)
        if not isinstance(extend, bool):
            raise RulesFileError(file, line_of("extend_defaults"), 1, "extend_defaults must be true or false")
        rule_lines = [i + 1 for i, raw in enumerate(lines) if raw.strip().startswith("[[rule]]")]
        rules: list[ShippingRule] = []
        for n, entry in enumerate(entries):
            line = rule_lines[n] if n < len(rule_lines) else 1
            rules.append(_rule_from_table(file, line, entry))
        if extend:
            rules.extend(DEFAULT_RULES)
        return cls(rules)


def _rule_from_table(file: str, line: int, entry: dict) -> ShippingRule:
    def bad(message: str) -> RulesFileError:
        return RulesFileError(file, line, 1, f"shipping rule: {message}")

    for key in entry:
        if key not in _RULE_KEYS:
            raise bad(f"unknown key {key!r}; expected {', '.join(sorted(_RULE_KEYS))}")
    for key in ("carrier", "service", "delivery"):
        if key in entry and not isinstance(entry[key], str):
            raise bad(f"{key} must be a string, not {entry[key]!r}")
    if ("match" in entry) == ("regex" in entry):
        raise bad("give exactly one of 'match' (substring) or 'regex'")
    carrier = entry.get("carrier") or None
    if carrier is not None and carrier not in CARRIERS:
        raise bad(f"unknown carrier {carrier!r}; expected one of {', '.join(sorted(CARRIERS))}")
    delivery = entry.get("delivery", "home")
    if delivery not in DELIVERIES:
        raise bad(f"unknown delivery {delivery!r}; expected one of {', '.join(sorted(DELIVERIES))}")
    pattern = entry.get("regex") or entry.get("match")
    if not isinstance(pattern, str) or not pattern:
        raise bad("the pattern must be a non-empty string")
    service = entry.get("service") or None
    try:
        if service is not None:
            as_text(service, "service", ORDER["service"])  # orders store it: it must fit there
    except BadValue as exc:
        raise bad(str(exc)) from None
    try:
        return ShippingRule(pattern, carrier, service, delivery, "regex" in entry)
    except re.error as exc:
        raise bad(f"invalid regular expression {pattern!r}: {exc}") from None
