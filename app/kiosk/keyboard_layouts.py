"""Key layouts of the kiosk's on-screen keyboard, per language (Qt-free: the widget only draws them).

Visitors type names and email addresses: letters as their own keyboards place them (QWERTZ in German, AZERTY in
French, QWERTY otherwise), a row of the accented letters their names contain (Müller, José, Françoise), `+` for
sub-addresses, and the domain endings most used where the kiosk stands.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class KeyLayout:
    language: str
    rows: tuple[str, ...]  # letter rows, top to bottom; the digit row and the symbols are the same everywhere
    accents: str  # the extra row of accented letters
    domains: tuple[str, ...]  # domain keys, the locale's own first

    def letters(self) -> str:
        return "".join(self.rows) + self.accents

    def rows_with_symbols(self) -> tuple[str, ...]:
        """The letter rows with `'`, `-` and `_` at their ends."""
        return tuple(row + extra for row, extra in zip(self.rows, ROW_SYMBOLS, strict=True))


DIGITS = "1234567890"
#: On the bottom row: what every email address needs, and `+` for name+tag@example.com.
SYMBOLS = ("@", ".", "+")
#: Ends the letter rows, as on a real keyboard: Jean-Luc, O'Brien, first_last@.
ROW_SYMBOLS = ("", "'", "-_")

QWERTY = KeyLayout("en", ("qwertyuiop", "asdfghjkl", "zxcvbnm"), "éèáàäöüñçø", (".com", ".org"))
QWERTZ = KeyLayout("de", ("qwertzuiopü", "asdfghjklöä", "yxcvbnmß"), "éèáàêçñøåœ", (".de", ".com"))
AZERTY = KeyLayout("fr", ("azertyuiop", "qsdfghjklm", "wxcvbn"), "éèêëàâçîïôùûüœ", (".fr", ".com"))

LAYOUTS = {layout.language: layout for layout in (QWERTY, QWERTZ, AZERTY)}


def layout_for(locale_name: str) -> KeyLayout:
    """The layout for a locale name such as "de_DE", "fr-CH" or "en"; QWERTY when we have none of its own."""
    language = locale_name.replace("-", "_").split("_")[0].lower()
    return LAYOUTS.get(language, QWERTY)


def shifted(char: str) -> str:
    """The capital of a letter key; ß has no capital on a keyboard (its upper() is "SS")."""
    upper = char.upper()
    return upper if len(upper) == 1 else char
