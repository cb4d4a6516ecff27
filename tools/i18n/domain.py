"""Translatable entries lupdate cannot see: the Qt-free domain's English messages and `_tr("…")` wrapper calls.

The domain modules must not import Qt, so their user-facing sentences are found here with `ast` and handed to
lupdate as generated `QCoreApplication.translate(context, text)` calls; the UI looks them up by their English
text under the same context at run time (app/ui/panels/problem_text.py, app/ui/runtime/domain_text.py).
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

BOOKING_CONTEXT = "BookingMessages"  # app/ui/panels/problem_text.MESSAGES_CONTEXT
DOMAIN_CONTEXT = "DomainMessages"  # app/ui/domain_text.DOMAIN_CONTEXT

#: Modules whose module-level string constants are all user-facing templates.
TEMPLATE_MODULES = ("app/booking/messages.py",)
#: Qt-free modules whose user-facing sentences reach the UI (error messages, outbox notes).
SENTENCE_MODULES = (
    "app/hubspot/errors.py",
    "app/auth/errors.py",
    "app/auth/loopback.py",
    "app/auth/oauth_provider.py",
    "app/auth/signin.py",
    "app/outbox/sender.py",
    "app/outbox/actions.py",
)
#: Where the UI keeps the templates of messages built with f-strings (see `fstring_templates`).
DYNAMIC_TEMPLATES_FILE = "app/ui/runtime/domain_text.py"

_SENTENCE = re.compile(r"^[A-Z{][^\n]*\s[^\n]*[.?!:]( \{\w+\})?$|^[A-Z][^\n]*: \{\w+\}$")
_LOGGING_NAMES = {"log", "logger", "logging", "warnings"}
_NOT_MESSAGES = {"__str__", "__repr__"}


@dataclass(frozen=True, order=True)
class Entry:
    """One message for the catalogue: its context and English source text."""

    context: str
    source: str
    numerus: bool = False


def _docstrings(tree: ast.Module) -> set[int]:
    """ids of the constant nodes that are docstrings."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _skipped_subtrees(tree: ast.Module) -> set[int]:
    """ids of nodes inside logging calls and __str__/__repr__: their text is for logs, not for users."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        inside = False
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            inside = isinstance(owner, ast.Name) and owner.id in _LOGGING_NAMES
        if isinstance(node, ast.FunctionDef) and node.name in _NOT_MESSAGES:
            inside = True
        if inside:
            skipped.update(id(child) for child in ast.walk(node))
    return skipped


def template_of(node: ast.JoinedStr) -> str:
    """An f-string as a `str.format` template: `{expr}` becomes `{name}` (the last name in the expression)."""
    parts: list[str] = []
    for value in node.values:
        if isinstance(value, ast.Constant):
            parts.append(str(value.value).replace("{", "{{").replace("}", "}}"))
        elif isinstance(value, ast.FormattedValue):
            names = [n.id for n in ast.walk(value.value) if isinstance(n, ast.Name)]
            attrs = [n.attr for n in ast.walk(value.value) if isinstance(n, ast.Attribute)]
            parts.append("{" + (attrs[0] if attrs else names[0] if names else "value") + "}")
    return "".join(parts)


def is_sentence(text: str) -> bool:
    """Looks like a message for people (capitalised words ending in punctuation), not an identifier or a key."""
    words = re.findall(r"[A-Za-z]{2,}", re.sub(r"\{\w*\}", "", text))
    return bool(_SENTENCE.match(text)) and len(words) >= 3


def module_constants(path: Path) -> list[str]:
    """Every module-level `NAME = "text"` string in `path`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[str] = []
    for node in tree.body:
        value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            found.append(value.value)
    return found


def sentences(path: Path) -> tuple[list[str], list[str]]:
    """The user-facing sentences in `path`: (plain strings, templates of f-strings)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = _docstrings(tree) | _skipped_subtrees(tree)
    plain: list[str] = []
    templates: list[str] = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        variants = _concatenations(node) if isinstance(node, ast.BinOp) else None
        if variants:
            skipped.update(id(child) for child in ast.walk(node))
            plain += [text for text in variants if is_sentence(text)]
        elif isinstance(node, ast.JoinedStr):
            skipped.update(id(child) for child in ast.walk(node))
            template = template_of(node)
            if is_sentence(template):
                templates.append(template)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and is_sentence(node.value):
            plain.append(node.value)
    return plain, templates


def _concatenations(node: ast.expr) -> list[str] | None:
    """Every text a `"a" + ("b" if x else "c") + "d"` expression can produce; None when it is not one."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = _concatenations(node.body), _concatenations(node.orelse)
        return body + orelse if body is not None and orelse is not None else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _concatenations(node.left), _concatenations(node.right)
        if left is None or right is None:
            return None
        return [a + b for a in left for b in right]
    return None


def fstring_templates(root: Path) -> list[str]:
    """Templates of the f-string messages in the domain modules; the UI must list each in DYNAMIC_TEMPLATES."""
    found: list[str] = []
    for name in SENTENCE_MODULES:
        if (root / name).exists():
            found += sentences(root / name)[1]
    return sorted(set(found))


def dynamic_templates(root: Path) -> list[str]:
    """The DYNAMIC_TEMPLATES tuple of app/ui/runtime/domain_text.py, read without importing Qt."""
    path = root / DYNAMIC_TEMPLATES_FILE
    if not path.exists():
        return []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            if isinstance(target, ast.Name) and target.id == "DYNAMIC_TEMPLATES":
                return [str(t) for t in ast.literal_eval(node.value)]
    return []


def _module_strings(tree: ast.Module) -> dict[str, str]:
    """Module-level `NAME = "text"` constants (a context is often kept in one, like `_CONTEXT`)."""
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            found.update({t.id: node.value.value for t in node.targets if isinstance(t, ast.Name)})
    return found


def _literal(node: ast.expr | None, names: dict[str, str]) -> str | None:
    """A string literal, or a name bound to one at module level."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return names.get(node.id)
    return None


def wrapper_entries(path: Path) -> list[Entry]:
    """Calls like `_tr("text")` where the module says `_tr = translator(C)` (app/ui/runtime/i18n.py) or defines
    `def _tr(text): return QCoreApplication.translate(C, text)`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = _module_strings(tree)
    wrappers: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and len(node.value.args) == 1:
            made_by = node.value.func
            context = _literal(node.value.args[0], names)
            if isinstance(made_by, ast.Name) and made_by.id == "translator" and context is not None:
                wrappers.update({t.id: context for t in node.targets if isinstance(t, ast.Name)})
            continue
        if not isinstance(node, ast.FunctionDef) or len(node.args.args) != 1 or not node.body:
            continue
        returned = node.body[-1]
        if not (isinstance(returned, ast.Return) and isinstance(returned.value, ast.Call)):
            continue
        call = returned.value
        func = call.func
        if not (isinstance(func, ast.Attribute) and func.attr == "translate" and len(call.args) == 2):
            continue
        context, text = _literal(call.args[0], names), call.args[1]
        if context is not None and isinstance(text, ast.Name) and text.id == node.args.args[0].arg:
            wrappers[node.name] = context
    entries: list[Entry] = []
    for call_node in ast.walk(tree):
        if not (isinstance(call_node, ast.Call) and isinstance(call_node.func, ast.Name)):
            continue
        first = call_node.args[0] if call_node.args else None
        if call_node.func.id in wrappers and isinstance(first, ast.Constant) and isinstance(first.value, str):
            entries.append(Entry(wrappers[call_node.func.id], first.value))
    return entries + _indexed_entries(tree, names)


def _indexed_entries(tree: ast.Module, names: dict[str, str]) -> list[Entry]:
    """`translate(C, titles[i])` where `titles = ("A", "B")` in the same function: every item is a message."""
    entries: list[Entry] = []
    for scope in ast.walk(tree):
        if not isinstance(scope, ast.FunctionDef | ast.AsyncFunctionDef | ast.Module):
            continue
        tuples: dict[str, list[str]] = {}
        for node in ast.walk(scope):
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Tuple | ast.List):
                items = [e.value for e in node.value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
                if items and len(items) == len(node.value.elts):
                    tuples.update({t.id: items for t in node.targets if isinstance(t, ast.Name)})
        for node in ast.walk(scope):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if node.func.attr != "translate" or len(node.args) != 2 or not isinstance(node.args[1], ast.Subscript):
                continue
            context, indexed = _literal(node.args[0], names), node.args[1].value
            if context is not None and isinstance(indexed, ast.Name) and indexed.id in tuples:
                entries += [Entry(context, item) for item in tuples[indexed.id]]
    return entries


def numerus_entries(path: Path) -> list[Entry]:
    """`QCoreApplication.translate(ctx, "… %n …", "", count)`: lupdate misses the plural unless n is a literal."""
    entries: list[Entry] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "translate"):
            continue
        if len(node.args) != 4 or any(not isinstance(a, ast.Constant) for a in node.args[:2]):
            continue
        context, source, comment = (a.value if isinstance(a, ast.Constant) else None for a in node.args[:3])
        if isinstance(context, str) and isinstance(source, str) and comment in ("", None):
            entries.append(Entry(context, source, numerus=True))
    return entries


def untranslatable_calls(path: Path) -> list[str]:
    """tr()/_tr()/translate() calls given an f-string: the filled-in text never matches a catalogue entry."""
    bad: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        position = {"tr": 0, "_tr": 0, "translate": 1}.get(name)
        if position is not None and len(node.args) > position and isinstance(node.args[position], ast.JoinedStr):
            bad.append(f"{path}:{node.lineno}: f-string inside {name}(); use %1 with .arg() or .format() after it")
    return bad


def all_entries(root: Path) -> list[Entry]:
    """Every generated entry: booking templates, domain sentences and their f-string templates, wrapper calls."""
    entries: set[Entry] = set()
    # A module that moved away drops its entries; the drift check then reports them as gone.
    for name in TEMPLATE_MODULES:
        if (root / name).exists():
            entries.update(Entry(BOOKING_CONTEXT, text) for text in module_constants(root / name))
    for name in SENTENCE_MODULES:
        if (root / name).exists():
            entries.update(Entry(DOMAIN_CONTEXT, text) for text in sentences(root / name)[0])
    entries.update(Entry(DOMAIN_CONTEXT, text) for text in dynamic_templates(root))
    for path in sorted((root / "app").rglob("*.py")):
        entries.update(wrapper_entries(path))
        entries.update(numerus_entries(path))
    return sorted(entries)


def stub_source(entries: list[Entry]) -> str:
    """A Python file of `QCoreApplication.translate(context, text)` calls that lupdate reads like any source."""
    lines = ["from PySide6.QtCore import QCoreApplication", ""]
    for entry in entries:
        # The stub comes first on lupdate's command line: its plural form (a literal n) wins over the source's.
        count = ', "", 1' if entry.numerus else ""
        lines.append(f"QCoreApplication.translate({_quoted(entry.context)}, {_quoted(entry.source)}{count})")
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    """A double-quoted Python literal lupdate's parser reads back exactly (no raw or triple quotes)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'
