"""Reading a Qt .ts file: its messages and their translations, for the checker and the extractor's check mode."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Message:
    """One <message> of a .ts file."""

    context: str
    source: str
    comment: str
    numerus: bool
    kind: str  # the translation's type attribute: "" (finished), "unfinished", "vanished", "obsolete"
    translations: tuple[str, ...] = field(default=())

    @property
    def key(self) -> tuple[str, str, str, bool]:
        return (self.context, self.source, self.comment, self.numerus)


def read_messages(path: Path) -> list[Message]:
    """Every message in the .ts file, in file order."""
    root = ET.parse(path).getroot()
    found: list[Message] = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            forms = [n.text or "" for n in translation.iter("numerusform")] if translation is not None else []
            if translation is not None and not forms:
                forms = [translation.text or ""]
            found.append(
                Message(
                    context=name,
                    source=message.findtext("source") or "",
                    comment=message.findtext("comment") or "",
                    numerus=message.get("numerus") == "yes",
                    kind=kind,
                    translations=tuple(forms),
                )
            )
    return found
