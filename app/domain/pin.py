"""PIN hashing with scrypt (standard library); PINs are never stored in clear."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

# n=2**14, r=8, p=1: about 16 MiB and a few tens of ms; a badge+PIN check at a
# supervisor's console can afford it, an offline attacker with the hash pays it.
_N, _R, _P = 2**14, 8, 1


class InvalidPin(ValueError):
    pass


def validate_pin(pin: str) -> None:
    if not pin.isdigit() or not 4 <= len(pin) <= 12:
        raise InvalidPin("a PIN is 4 to 12 digits")


def hash_pin(pin: str) -> str:
    validate_pin(pin)
    salt = os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return "scrypt${}${}${}${}${}".format(
        _N, _R, _P, base64.b64encode(salt).decode(), base64.b64encode(digest).decode()
    )


def verify_pin(pin: str, stored: str | None) -> bool:
    if not stored:
        return False
    try:
        scheme, n, r, p, salt_b64, digest_b64 = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    salt = base64.b64decode(salt_b64)
    expected = base64.b64decode(digest_b64)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=int(n), r=int(r), p=int(p), dklen=len(expected))
    return hmac.compare_digest(digest, expected)
