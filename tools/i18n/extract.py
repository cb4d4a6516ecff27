"""Update app/resources/translations/*.ts from the sources with pyside6-lupdate, keeping existing translations.

    python -m tools.i18n.extract           # update the .ts files in place
    python -m tools.i18n.extract --check   # fail when the .ts files lack (or keep stale) messages; changes nothing

lupdate reads app/**/*.py plus a generated file of the entries it cannot see (tools/i18n/domain.py).
Locations are not stored so that edits elsewhere in a file do not churn the catalogue.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tools.i18n.catalog import read_messages
from tools.i18n.domain import (
    all_entries,
    dynamic_templates,
    fstring_templates,
    stub_source,
    untranslatable_calls,
)

#: lupdate names a context after the class around a tr() call; "self.window" or "" means the runtime disagrees.
_CLASS_LIKE = re.compile(r"^[A-Z]\w*$")
ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = Path("app/resources/translations")
CATALOG = "booking_assistant"
#: Full catalogues; English only carries plural forms ("%n second(s)" → "1 second" / "2 seconds").
LANGUAGES = {"de": "de_DE"}
PLURAL_ONLY_LANGUAGES = {"en": "en_US"}


def tool(name: str) -> str:
    """A PySide6 tool from PATH or from the interpreter's own bin folder (the venv)."""
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        raise SystemExit(f"{name} not found: it ships with PySide6; is the venv installed?")
    return found


def ts_path(folder: Path, lang: str) -> Path:
    return folder / f"{CATALOG}_{lang}.ts"


def update(root: Path, folder: Path) -> None:
    """Run lupdate over the app's sources and the generated entries into every .ts in `folder`."""
    sources = sorted(str(p) for p in (root / "app").rglob("*.py"))
    with tempfile.TemporaryDirectory(prefix="i18n-") as scratch:
        stub = Path(scratch) / "generated_domain_messages.py"
        stub.write_text(stub_source(all_entries(root)), encoding="utf-8")
        lupdate = tool("pyside6-lupdate")
        for languages, extra in ((LANGUAGES, []), (PLURAL_ONLY_LANGUAGES, ["-pluralonly"])):
            for lang, qt_lang in languages.items():
                target = ts_path(folder, lang)
                options = ["-silent", "-locations", "none", "-no-obsolete", "-target-language", qt_lang, *extra]
                subprocess.run([lupdate, *options, str(stub), *sources, "-ts", str(target)], check=True)


def drift(root: Path, folder: Path) -> list[str]:
    """What a fresh extraction would add to or drop from the .ts files in `folder` (empty when current)."""
    problems = [
        f"{t!r} has no entry in DYNAMIC_TEMPLATES (app/ui/runtime/domain_text.py)" for t in _missing_templates(root)
    ]
    for path in sorted((root / "app").rglob("*.py")):
        problems += untranslatable_calls(path)
    with tempfile.TemporaryDirectory(prefix="i18n-check-") as scratch:
        fresh = Path(scratch)
        for lang in [*LANGUAGES, *PLURAL_ONLY_LANGUAGES]:
            if ts_path(folder, lang).exists():
                shutil.copy(ts_path(folder, lang), ts_path(fresh, lang))
        update(root, fresh)
        for lang in [*LANGUAGES, *PLURAL_ONLY_LANGUAGES]:
            name = ts_path(folder, lang).name
            new = {m.key for m in read_messages(ts_path(fresh, lang))}
            problems += [
                f"{name}: [{k[0]}] {k[1]!r}: tr() called on another object or outside a class; at run time the "
                'context is that object\'s class: use QCoreApplication.translate("ClassName", ...)'
                for k in sorted(new)
                if not _CLASS_LIKE.match(k[0])
            ]
            if not ts_path(folder, lang).exists():
                problems.append(f"{name}: missing; run `make translations-update`")
                continue
            old = {m.key for m in read_messages(ts_path(folder, lang))}
            problems += [f"{name}: not extracted yet: [{k[0]}] {k[1]!r}" for k in sorted(new - old)]
            problems += [f"{name}: no longer in the sources: [{k[0]}] {k[1]!r}" for k in sorted(old - new)]
    return problems


def _missing_templates(root: Path) -> list[str]:
    listed = set(dynamic_templates(root))
    return [t for t in fstring_templates(root) if t not in listed]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="report drift instead of updating")
    args = parser.parse_args(argv)
    folder = ROOT / TRANSLATIONS
    if args.check:
        problems = drift(ROOT, folder)
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    missing = _missing_templates(ROOT)
    for template in missing:
        print(
            f"warning: {template!r} has no entry in DYNAMIC_TEMPLATES (app/ui/runtime/domain_text.py)", file=sys.stderr
        )
    folder.mkdir(parents=True, exist_ok=True)
    update(ROOT, folder)
    for lang in [*LANGUAGES, *PLURAL_ONLY_LANGUAGES]:
        messages = read_messages(ts_path(folder, lang))
        todo = sum(1 for m in messages if m.kind == "unfinished")
        print(f"{ts_path(folder, lang).relative_to(ROOT)}: {len(messages)} messages, {todo} unfinished")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
