"""GS1 identification keys: check digits and GTIN normalisation."""

from __future__ import annotations

GTIN_LENGTHS = (8, 12, 13, 14)


class InvalidGtin(ValueError):
    """A barcode that is not a valid GTIN; the message says why."""


def gs1_check_digit(body: str) -> int:
    """Check digit for the digits of ``body`` (everything but the check digit).

    Weights 3,1,3,1… from the rightmost digit, as for every GS1 key (GTIN, SSCC, GLN).
    """
    if not body.isdigit():
        raise InvalidGtin(f"{body!r} has characters that are not digits")
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def has_valid_check_digit(code: str) -> bool:
    return code.isdigit() and len(code) >= 2 and gs1_check_digit(code[:-1]) == int(code[-1])


def normalise_gtin(raw: str) -> str:
    """Return the GTIN-14 form of a GTIN-8, UPC-A (12), EAN-13 or GTIN-14.

    Raises InvalidGtin naming the problem: not digits, wrong length or wrong check digit.
    """
    code = raw.strip()
    # Spreadsheets turn barcodes into numbers and drop the leading zeros, or add ".0".
    if code.endswith(".0") and code[:-2].isdigit():
        code = code[:-2]
    if not code.isdigit():
        raise InvalidGtin(f"barcode {raw!r} has characters that are not digits")
    if len(code) not in GTIN_LENGTHS:
        raise InvalidGtin(f"barcode {raw!r} has {len(code)} digits; a GTIN has 8, 12, 13 or 14")
    if not has_valid_check_digit(code):
        expected = gs1_check_digit(code[:-1])
        raise InvalidGtin(f"barcode {raw!r} has a wrong check digit (expected {expected}, found {code[-1]})")
    return code.zfill(14)


def make_gtin13(body12: str) -> str:
    """Complete a 12-digit body into a valid EAN-13."""
    return body12 + str(gs1_check_digit(body12))
