r"""A station's configuration: a TOML file given by ``quai station --config FILE``.

Example::

    [station]
    name = "PICK-01"
    kind = "picking"          # picking | packing | supervisor | any
    language = "fr"           # fr | en | system
    virtual_keyboard = true   # on-screen keyboard for text fields; default: on at a supervisor station

    [central]
    url = "postgresql://pick01@central.lan/quai?sslmode=require"   # omit for the embedded SQLite file
    password_file = "/etc/quai/pick01.pass"     # mode 0600; or password_env = "QUAI_CENTRAL_PASSWORD"

    [scanners]
    # Every scanner feeding this station, by URL (README, Scanners). Default: ["hid://"],
    # a keyboard-wedge scanner typing into the window; [] for on-screen entry only.
    urls = ["hid://", "serial:///dev/serial/by-id/usb-Honeywell-if00?terminator=CR"]

    [scanning]                # how codes are told apart before any lookup (defaults shown)
    badge_prefix = "BDG"
    tote_prefix = "TOT"
    order_prefix = "#"
    location_pattern = '^[A-Z]{1,2}-\d{2}-\d{2}-\d{1,2}$'

    [picking]                 # the picking flow (defaults shown)
    batch_size = 6            # orders on one cart in batch (cluster) picking; 1: one order at a time
    quantity_threshold = 5    # from this many units, a quantity may be keyed in (and confirmed)
    short_policy = "exception"    # an order short of stock goes to: exception | awaiting_stock
    on_logout = "release"     # a pick left at logout: release (back to the queue) | keep

    [printing]                # where labels and slips go (app.config_labels; defaults: spool folders)
    label_printer = "tcp://192.168.1.50:9100"      # or serial://, usb://, cups://QUEUE, file:///dir
    document_printer = "cups://Bureau?language=pdf"
    dpi = 203                 # the label printer's resolution: 203 | 300
    slip_paper = "A5"         # A5 | A4 | 80mm

    [labels]
    sender = { name = "Quai Démo", address = "12 rue des Entrepôts", zip = "69007", city = "Lyon" }
    gs1_company_prefix = "3760123"   # SSCC: the prefix GS1 assigned
    sscc_extension = 3
    sscc_block_size = 200     # SSCC serial references this station holds, to label offline

    [packing]                 # the packing flow and its carrier rules: app.config_packing
    [carriers]

Unknown top-level sections are kept so a newer file still opens here.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from app.config_labels import LabelConfigError, LabelSettings, parse_label_settings
from app.config_packing import PackingConfigError, PackingSettings, parse_packing_settings
from app.credentials import CredentialError, hide_password, read_password_env, read_password_file, with_password
from app.paths import default_central_url, default_station_url
from app.scanning.rules import DEFAULT_RULES, PrefixRules

CONFIG_VERSION = 1
STATION_KINDS = ("picking", "packing", "supervisor", "any")
LANGUAGES = ("fr", "en", "system")
DEFAULT_SCANNERS = ("hid://",)


@dataclass(frozen=True)
class PickingSettings:
    batch_size: int = 6
    quantity_threshold: int = 5
    short_policy: str = "exception"  # exception | awaiting_stock
    on_logout: str = "release"  # release | keep


SHORT_POLICIES = ("exception", "awaiting_stock")
ON_LOGOUT = ("release", "keep")


class ConfigError(ValueError):
    """A configuration file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class StationConfig:
    name: str = "DEMO-01"
    kind: str = "any"
    language: str = "system"
    # repr=False: the URL may carry the password read from password_file/password_env.
    central_url: str = field(default_factory=default_central_url, repr=False)
    local_url: str | None = None  # the station's replica + outbox; default derived from the name
    scanners: tuple[str, ...] = DEFAULT_SCANNERS  # scanner URLs, checked (app.devices.scanner_spec)
    scan_rules: PrefixRules = DEFAULT_RULES
    picking: PickingSettings = field(default_factory=lambda: PickingSettings())
    labels: LabelSettings = field(default_factory=lambda: LabelSettings())  # [printing] and [labels]
    packing: PackingSettings = field(default_factory=lambda: PackingSettings())  # [packing] and [carriers]
    extra: dict[str, Any] = field(default_factory=dict)
    version: int = CONFIG_VERSION
    virtual_keyboard: bool | None = None  # None: on for kind "supervisor" (a touchscreen), off elsewhere

    @property
    def wants_virtual_keyboard(self) -> bool:
        return self.kind == "supervisor" if self.virtual_keyboard is None else self.virtual_keyboard

    @property
    def replica_url(self) -> str:
        return self.local_url or default_station_url(self.name)

    @property
    def central_url_shown(self) -> str:
        return hide_password(self.central_url)

    @property
    def central_is_embedded(self) -> bool:
        return self.central_url.startswith("sqlite")


def load_config(path: Path) -> StationConfig:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    data = migrate(data, path)
    station = _table(data, "station", path)
    central = _table(data, "central", path)
    name = station.get("name", "")
    if not isinstance(name, str):
        raise ConfigError(f"{path}: [station] name must be text in quotes")
    name = name.strip()
    if not name:
        raise ConfigError(f"{path}: [station] name is missing")
    kind = station.get("kind", "any")
    if kind not in STATION_KINDS:
        raise ConfigError(f"{path}: [station] kind = {kind!r}; expected one of {', '.join(STATION_KINDS)}")
    language = station.get("language", "system")
    if language not in LANGUAGES:
        raise ConfigError(f"{path}: [station] language = {language!r}; expected one of {', '.join(LANGUAGES)}")
    virtual_keyboard = station.get("virtual_keyboard")
    if virtual_keyboard is not None and not isinstance(virtual_keyboard, bool):
        raise ConfigError(f"{path}: [station] virtual_keyboard = {virtual_keyboard!r}; expected true or false")
    for table, key, value in (("central", "url", central.get("url")), ("station", "local_url", station.get("local_url"))):
        if value is not None and not isinstance(value, str):
            raise ConfigError(f"{path}: [{table}] {key} must be a database URL in quotes")
    scanners = _scanners(data, path)
    scan_rules = _scan_rules(data, path)
    picking = _picking(data, path)
    try:
        labels = parse_label_settings(data, path)
    except LabelConfigError as exc:
        raise ConfigError(str(exc)) from None
    try:
        packing = parse_packing_settings(data, path)
    except PackingConfigError as exc:
        raise ConfigError(str(exc)) from None
    known = ("station", "central", "version", "scanners", "scanning", "picking", "printing", "labels", "packing",
             "carriers")
    extra = {k: v for k, v in data.items() if k not in known}
    central_url = central.get("url") or default_central_url()
    if urlsplit(central_url).password:
        raise ConfigError(
            f"{path}: [central] url holds a password; put it in password_file (mode 600) or password_env instead"
        )
    try:
        if central.get("password_file"):
            central_url = with_password(central_url, read_password_file(Path(central["password_file"])))
        elif central.get("password_env"):
            central_url = with_password(central_url, read_password_env(str(central["password_env"])))
    except CredentialError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    return StationConfig(
        name=name,
        kind=kind,
        language=language,
        central_url=central_url,
        local_url=station.get("local_url"),
        virtual_keyboard=virtual_keyboard,
        scanners=scanners,
        scan_rules=scan_rules,
        picking=picking,
        labels=labels,
        packing=packing,
        extra=extra,
    )


def _scanners(data: dict[str, Any], path: Path) -> tuple[str, ...]:
    from app.devices.scanner_spec import parse_scanner_url
    from app.devices.scanner_url import ScannerUrlError

    urls = _table(data, "scanners", path).get("urls", list(DEFAULT_SCANNERS))
    if not isinstance(urls, list) or not all(isinstance(url, str) for url in urls):
        raise ConfigError(f'{path}: [scanners] urls must be a list of URLs in quotes, e.g. ["hid://"]')
    devices: dict[object, str] = {}
    for url in urls:
        try:
            spec = parse_scanner_url(url)
        except ScannerUrlError as exc:
            raise ConfigError(f"{path}: [scanners] {exc}") from None
        # The same device twice (written two ways) would read each scan twice; there is one
        # keyboard, so one wedge filter.
        path_or_ids = getattr(spec, "path", None) or (getattr(spec, "vid", None), getattr(spec, "pid", None),
                                                      getattr(spec, "serial_number", None))
        device = "keyboard" if url.strip().lower().startswith("hid:") else path_or_ids
        if device in devices:
            what = "the keyboard wedge (hid://) twice" if device == "keyboard" else "the same scanner twice"
            raise ConfigError(f"{path}: [scanners] {devices[device]} and {url} name {what}; keep one")
        devices[device] = url
    return tuple(url.strip() for url in urls)


def _scan_rules(data: dict[str, Any], path: Path) -> PrefixRules:
    table = _table(data, "scanning", path)
    known = ("badge_prefix", "tote_prefix", "order_prefix", "location_pattern")
    unknown = sorted(set(table) - set(known))
    if unknown:
        raise ConfigError(f"{path}: [scanning] {unknown[0]} is not a setting here (known: {', '.join(known)})")
    values = {}
    for key in known:
        if key not in table:
            continue
        value = table[key]
        if not isinstance(value, str):
            raise ConfigError(f"{path}: [scanning] {key} must be text in quotes")
        values[key] = value.strip()
    prefixes = {key: values.get(key, getattr(DEFAULT_RULES, key)).upper() for key in known[:3]}
    named = [(key, value) for key, value in prefixes.items() if value] + [("command barcodes", "CMD-")]
    # A code must never fit two rules: a prefix that begins another one cannot be told apart.
    for i, (key, value) in enumerate(named):
        for other_key, other in named[i + 1:]:
            if value.startswith(other) or other.startswith(value):
                raise ConfigError(
                    f"{path}: [scanning] {key} {value!r} and {other_key} {other!r} cannot be told apart; make them distinct"
                )
    if "location_pattern" in values:
        try:
            re.compile(values["location_pattern"])
        except re.error as exc:
            raise ConfigError(f"{path}: [scanning] location_pattern is not a valid pattern: {exc}") from None
    return PrefixRules(**values) if values else DEFAULT_RULES


def _picking(data: dict[str, Any], path: Path) -> PickingSettings:
    table = _table(data, "picking", path)
    known = {"batch_size": (1, 24), "quantity_threshold": (2, 1000)}
    choices = {"short_policy": SHORT_POLICIES, "on_logout": ON_LOGOUT}
    unknown = sorted(set(table) - set(known) - set(choices))
    if unknown:
        raise ConfigError(f"{path}: [picking] {unknown[0]} is not a setting here (known: {', '.join([*known, *choices])})")
    values: dict[str, Any] = {}
    for key, (low, high) in known.items():
        if key in table:
            value = table[key]
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
                raise ConfigError(f"{path}: [picking] {key} = {value!r}; expected a whole number from {low} to {high}")
            values[key] = value
    for key, allowed in choices.items():
        if key in table:
            if table[key] not in allowed:
                raise ConfigError(f"{path}: [picking] {key} = {table[key]!r}; expected one of {', '.join(allowed)}")
            values[key] = table[key]
    return PickingSettings(**values)


def _table(data: dict[str, Any], key: str, path: Path) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: {key} must be a section [{key}], not a single value")
    return value


def migrate(data: dict[str, Any], path: Path | str = "configuration") -> dict[str, Any]:
    """Bring an older configuration up to CONFIG_VERSION (Orange's settings_version habit)."""
    version = data.get("version", 1)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ConfigError(f"{path}: version = {version!r}; expected a whole number such as {CONFIG_VERSION}")
    if version > CONFIG_VERSION:
        raise ConfigError(f"{path}: configuration version {version} is newer than this Quai ({CONFIG_VERSION})")
    data["version"] = CONFIG_VERSION
    return data
