"""What a scale's problems say to a person, in English and French, and the error type itself.

A reply that is not a weight becomes a ``ScaleError(code, raw, args)``; the reader also reports
its state (``connected``, ``unplugged``, ``silent``, ``overload``, …) with a code from here. The
GUI puts the English text through Qt's translation (the French here is the translation to enter
in the .ts file, app.gui.scale_hub); the command line and the logs use ``text`` directly. Each
text says what happened and what to do.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Errors a reply reports (one reply each).
OVERLOAD, UNDERLOAD, BUSY = "overload", "underload", "busy"
SYNTAX, TRANSMISSION, LOGICAL = "syntax", "transmission", "logical"
GARBLED, UNIT = "garbled", "unit"
ERROR_CODES = (OVERLOAD, UNDERLOAD, BUSY, SYNTAX, TRANSMISSION, LOGICAL, GARBLED, UNIT)
# States of the scale as a device (app.devices.reader's, plus these).
SILENT, MANUAL = "silent", "manual"

TEXTS: dict[str, tuple[str, str]] = {  # code: (English, French)
    OVERLOAD: (
        "The scale is overloaded: the parcel is heavier than it can weigh. Take it off and weigh it on a bigger "
        "scale, or check nothing is pressing on the platter.",
        "La balance est en surcharge : le colis dépasse sa portée. Retirez-le et pesez-le sur une balance plus "
        "grande, ou vérifiez que rien n'appuie sur le plateau.",
    ),
    UNDERLOAD: (
        "The scale reads below zero: its platter is off, or it was zeroed with something on it. Put the platter "
        "back, empty it and press zero (→0←).",
        "La balance indique moins que zéro : son plateau est retiré, ou elle a été mise à zéro chargée. Remettez "
        "le plateau, videz-le et appuyez sur zéro (→0←).",
    ),
    BUSY: (
        "The scale is busy (zeroing, taring or still settling). Keep the parcel still; the weight follows.",
        "La balance est occupée (mise à zéro, tare ou stabilisation). Ne touchez plus le colis ; le poids va suivre.",
    ),
    SYNTAX: (
        "The scale did not understand Quai's request (ES). Set its interface to MT-SICS, or use "
        "protocol=continuous in the scale's URL.",
        "La balance n'a pas compris la demande de Quai (ES). Réglez son interface sur MT-SICS, ou mettez "
        "protocol=continuous dans l'URL de la balance.",
    ),
    TRANSMISSION: (
        "The scale received a garbled request (ET). Check the cable, and that baudrate and frame in the scale's "
        "URL match its settings.",
        "La balance a reçu une demande illisible (ET). Vérifiez le câble, et que baudrate et frame dans l'URL de "
        "la balance correspondent à ses réglages.",
    ),
    LOGICAL: (
        "The scale refused Quai's request in its current mode (EL). Put it back in plain weighing mode.",
        "La balance refuse la demande de Quai dans son mode actuel (EL). Remettez-la en mode de pesée simple.",
    ),
    GARBLED: (
        "A line from the scale could not be read ({raw}). If it keeps happening, check the protocol, baudrate "
        "and frame in the scale's URL.",
        "Une ligne de la balance est illisible ({raw}). Si cela se répète, vérifiez protocol, baudrate et frame "
        "dans l'URL de la balance.",
    ),
    UNIT: (
        "The scale weighs in {unit}, which Quai does not convert to grams. Set the scale to kg or g.",
        "La balance pèse en {unit}, que Quai ne convertit pas en grammes. Réglez la balance en kg ou en g.",
    ),
    SILENT: (
        "The scale does not answer ({detail}). Check it is switched on and its cable is in; if it has just been "
        "set up, check protocol, baudrate and frame in its URL.",
        "La balance ne répond pas ({detail}). Vérifiez qu'elle est allumée et son câble branché ; si elle vient "
        "d'être installée, vérifiez protocol, baudrate et frame dans son URL.",
    ),
    "unplugged": (
        "The scale is unplugged ({detail}). Plug it back in; Quai takes it back by itself.",
        "La balance est débranchée ({detail}). Rebranchez-la ; Quai la reprend tout seul.",
    ),
    "missing": (
        "No scale is found ({detail}). Plug it in, or check the path in the station's configuration; until "
        "then, key the weight in.",
        "Aucune balance trouvée ({detail}). Branchez-la, ou vérifiez son chemin dans la configuration du poste ; "
        "en attendant, saisissez le poids.",
    ),
    "refused": (
        "The scale cannot be opened: {detail}.",
        "La balance ne peut pas être ouverte : {detail}.",
    ),
    MANUAL: (
        "No scale on this station: key the weight in.",
        "Pas de balance sur ce poste : saisissez le poids.",
    ),
}


@dataclass(frozen=True)
class ScaleError:
    """A reply that is not a weight: ``code`` is one of ERROR_CODES; ``raw`` the line as it came."""

    code: str
    raw: str = ""
    args: dict[str, str] = field(default_factory=dict)

    def message(self, language: str = "en") -> str:
        return text(self.code, {"raw": self.raw, **self.args}, language)


def text(code: str, args: dict[str, str] | None = None, language: str = "en") -> str:
    """The sentence for ``code`` (English, or French for a language starting "fr"), filled in."""
    english, french = TEXTS.get(code, ("{code}: {detail}", "{code} : {detail}"))
    chosen = french if language.startswith("fr") else english
    values = {"detail": "", **(args or {}), "code": code}
    # A state's detail is the reply ("S +") or, for "unit", the unit first: it fills either.
    values.setdefault("raw", values["detail"])
    values.setdefault("unit", values["detail"])
    try:
        return chosen.format(**values)
    except (KeyError, IndexError, ValueError):
        return chosen
