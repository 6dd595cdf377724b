"""A station's configuration: a TOML file given by ``quai station --config FILE``.

Example::

    [station]
    name = "PICK-01"
    kind = "picking"          # picking | packing | supervisor | any
    language = "fr"           # fr | en | system

    [central]
    url = "postgresql://pick01@central.lan/quai?sslmode=require"   # omit for the embedded SQLite file
    password_file = "/etc/quai/pick01.pass"     # mode 0600; or password_env = "QUAI_CENTRAL_PASSWORD"

Scanners and printers get their own sections in later versions; unknown keys are
kept so a newer file still opens here.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from app.credentials import CredentialError, hide_password, read_password_env, read_password_file, with_password
from app.paths import default_central_url, default_station_url

CONFIG_VERSION = 1
STATION_KINDS = ("picking", "packing", "supervisor", "any")
LANGUAGES = ("fr", "en", "system")


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
    extra: dict[str, Any] = field(default_factory=dict)
    version: int = CONFIG_VERSION

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
    for table, key, value in (("central", "url", central.get("url")), ("station", "local_url", station.get("local_url"))):
        if value is not None and not isinstance(value, str):
            raise ConfigError(f"{path}: [{table}] {key} must be a database URL in quotes")
    extra = {k: v for k, v in data.items() if k not in ("station", "central", "version")}
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
        extra=extra,
    )


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
