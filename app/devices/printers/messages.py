"""What the queue's reason codes say to a person, in English and French.

The queue returns ``(code, args)``; the GUI puts the English text through Qt's translation (the French
here is the translation to enter in the .ts file) and formats it with ``args``. The CLI and the logs use
``reason_text`` directly. Each text says what happened and what to do.
"""

from __future__ import annotations

REASONS: dict[str, tuple[str, str]] = {  # code: (English, French)
    "offline": (
        "The printer does not answer ({error}). Check it is on and connected; the label prints as soon as it answers.",
        "L'imprimante ne répond pas ({error}). Vérifiez qu'elle est allumée et branchée ; l'étiquette partira dès qu'elle répondra.",
    ),
    "paper_out": (
        "The printer is out of labels. Load a new roll; the label prints by itself afterwards.",
        "L'imprimante n'a plus d'étiquettes. Chargez un nouveau rouleau ; l'étiquette s'imprimera ensuite toute seule.",
    ),
    "head_open": (
        "The printer's head is open. Close it; the label prints by itself afterwards.",
        "La tête d'impression est ouverte. Refermez-la ; l'étiquette s'imprimera ensuite toute seule.",
    ),
    "ribbon_out": (
        "The printer is out of ribbon. Load a new ribbon; the label prints by itself afterwards.",
        "L'imprimante n'a plus de ruban. Chargez un nouveau ruban ; l'étiquette s'imprimera ensuite toute seule.",
    ),
    "paused": (
        "The printer is paused. Press its pause button (or clear the fault shown on it); the label prints afterwards.",
        "L'imprimante est en pause. Appuyez sur son bouton pause (ou corrigez le défaut affiché) ; l'étiquette partira ensuite.",
    ),
    "buffer_full": (
        "The printer's memory is full. Wait for it to finish the labels it has; this one follows.",
        "La mémoire de l'imprimante est pleine. Attendez qu'elle termine ses étiquettes ; celle-ci suivra.",
    ),
    "printer_error": (
        "The printer reports a fault: {error}. Clear it on the printer; the label prints afterwards.",
        "L'imprimante signale un défaut : {error}. Corrigez-le sur l'imprimante ; l'étiquette partira ensuite.",
    ),
    "retrying": (
        "The connection to the printer broke during the label; it is sent again, whole ({error}).",
        "La connexion à l'imprimante a été coupée pendant l'étiquette ; elle est renvoyée en entier ({error}).",
    ),
    "uncertain": (
        "The label {document} may or may not have printed ({error}). Look at the printer; reprint it if it is missing.",
        "L'étiquette {document} est peut-être imprimée, peut-être pas ({error}). Regardez l'imprimante ; réimprimez-la si elle manque.",
    ),
}


def reason_text(code: str, args: dict[str, str], language: str = "en") -> str:
    """The sentence for ``code`` (English or French), with its arguments filled in."""
    english, french = REASONS.get(code, ("{code}", "{code}"))
    text = french if language.startswith("fr") else english
    try:
        return text.format(code=code, **args)
    except (KeyError, IndexError):
        return text
