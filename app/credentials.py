"""The central database's password: from an environment variable or a 0600 file, never the
configuration file itself, never a log line or an error message.

Kept apart from SQLAlchemy (the station's start-up path reads it before the window shows).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit


class CredentialError(ValueError):
    """The password could not be read; the message names the file or variable, never the secret."""


def read_password_file(path: Path) -> str:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise CredentialError(f"password file {path} not found") from None
    if info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        mode = stat.S_IMODE(info.st_mode)
        raise CredentialError(
            f"password file {path} can be read by other users (mode {mode:o}): run `chmod 600 {path}`"
        )
    try:
        password = path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise CredentialError(f"password file {path} cannot be read ({exc.strerror})") from None
    if not password:
        raise CredentialError(f"password file {path} is empty")
    return password


def read_password_env(name: str) -> str:
    password = os.environ.get(name, "")
    if not password:
        raise CredentialError(f"environment variable {name} (the central database password) is not set")
    return password


def with_password(url: str, password: str) -> str:
    """``url`` with its password set; everything else (user, host, ``?sslmode=…``) untouched."""
    parts = urlsplit(url)
    if parts.hostname is None and "@" not in parts.netloc:
        raise CredentialError("a password needs a database URL with a user and host, e.g. postgresql://station@central/quai")
    userinfo, _, hostport = parts.netloc.rpartition("@")
    user = userinfo.split(":", 1)[0]
    if not user:
        raise CredentialError("a password needs a user name in the database URL, e.g. postgresql://station@central/quai")
    netloc = f"{user}:{quote(password, safe='')}@{hostport}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def hide_password(url: str) -> str:
    """For messages: the URL with any password replaced by ***."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    userinfo, _, hostport = parts.netloc.rpartition("@")
    user = userinfo.split(":", 1)[0]
    return urlunsplit((parts.scheme, f"{user}:***@{hostport}", parts.path, parts.query, parts.fragment))
