"""Check the .ts catalogues: every message translated, nothing stale, and placeholders kept exactly.

python -m tools.i18n.check   # exits 1 and lists the problems
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from tools.i18n.catalog import Message, read_messages

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "app" / "resources" / "translations"

#: %1..%99 and %n (Qt), {name} (str.format), HTML tags.
_PLACEHOLDER = re.compile(r"%(?:\d{1,2}|n)|\{\w*\}|</?[a-zA-Z][^<>]*>")


def placeholders(text: str) -> Counter[str]:
    """The placeholders in `text`, counted (order may change in a translation; the set and counts may not)."""
    return Counter(_PLACEHOLDER.findall(text))


def message_problems(message: Message) -> list[str]:
    """What is wrong with one message's translation, if anything."""
    where = f"[{message.context}] {message.source!r}"
    if message.kind in ("vanished", "obsolete"):
        return [f"{where}: {message.kind} (no longer in the sources); run the extractor"]
    if message.kind == "unfinished" or not all(form.strip() for form in message.translations):
        return [f"{where}: not translated"]
    expected = placeholders(message.source)
    problems: list[str] = []
    for form in message.translations:
        found = placeholders(form)
        if message.numerus:
            # A plural form may spell out the number ("one guest") but must not invent placeholders.
            expected_forms, found_forms = set(expected) - {"%n"}, set(found) - {"%n"}
            if expected_forms != found_forms:
                problems.append(f"{where}: placeholders {sorted(found_forms)} in {form!r}, expected {expected_forms}")
        elif found != expected:
            problems.append(
                f"{where}: placeholders {sorted(found.elements())} in {form!r}, expected {sorted(expected.elements())}"
            )
    return problems


def catalogue_problems(path: Path) -> list[str]:
    """Every problem in one .ts file, prefixed with its name."""
    return [f"{path.name}: {p}" for m in read_messages(path) for p in message_problems(m)]


def main() -> int:
    files = sorted(TRANSLATIONS.glob("*.ts"))
    problems = [p for path in files for p in catalogue_problems(path)]
    for problem in problems:
        print(problem, file=sys.stderr)
    if not files:
        print(f"no .ts files in {TRANSLATIONS}", file=sys.stderr)
    return 1 if problems or not files else 0


if __name__ == "__main__":
    raise SystemExit(main())
