"""Command barcodes: printed on the command sheet, scanned to drive a station hands-free."""

from __future__ import annotations

from enum import StrEnum

COMMAND_PREFIX = "CMD-"


class Command(StrEnum):
    SHORT_PICK = "SHORT"
    DONE = "DONE"
    UNDO = "UNDO"
    CANCEL = "CANCEL"
    REPRINT = "REPRINT"
    LOGOUT = "LOGOUT"
    PAUSE = "PAUSE"
    NEXT = "NEXT"

    @property
    def barcode(self) -> str:
        return COMMAND_PREFIX + self.value


# Labels printed under each command barcode (French first; the sheet prints both).
COMMAND_LABELS: dict[Command, tuple[str, str]] = {
    Command.SHORT_PICK: ("Prélèvement incomplet", "Short pick"),
    Command.DONE: ("Terminé", "Done"),
    Command.UNDO: ("Annuler le dernier scan", "Undo last scan"),
    Command.CANCEL: ("Abandonner", "Cancel"),
    Command.REPRINT: ("Réimprimer", "Reprint"),
    Command.LOGOUT: ("Déconnexion", "Log out"),
    Command.PAUSE: ("Pause", "Pause"),
    Command.NEXT: ("Travail suivant", "Next work"),
}


def parse_command(text: str) -> Command | None:
    if not text.upper().startswith(COMMAND_PREFIX):
        return None
    try:
        return Command(text[len(COMMAND_PREFIX):].upper())
    except ValueError:
        return None
