"""Make HubSpot-supplied HTML safe to show in a QLabel: a small allow-list of tags, only web/mail links."""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser
from urllib.parse import urlsplit

# Formatting and structure only; no images (they would load remote content), forms, styles or scripts.
_ALLOWED_TAGS = frozenset(
    {"a", "b", "strong", "i", "em", "u", "br", "p", "span", "div", "ul", "ol", "li", "small", "sub", "sup"}
)
_VOID_TAGS = frozenset({"br"})
# Their text content is code or styling, never prose: dropped together with the tag.
_DROPPED_WITH_CONTENT = frozenset({"script", "style", "template", "iframe", "object", "embed", "noscript", "title"})
_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


def safe_link(href: str) -> str | None:
    """`href` when it is an http(s) or mailto address, else None."""
    href = href.strip()
    scheme = urlsplit(href).scheme.lower()
    return href if scheme in _SAFE_SCHEMES else None


class _Sanitizer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED_WITH_CONTENT:
            self._skip_depth += 1
            return
        if self._skip_depth or tag not in _ALLOWED_TAGS:
            return
        if tag == "a":
            href = safe_link(dict(attrs).get("href") or "")
            self.parts.append(f'<a href="{escape(href, quote=True)}">' if href else "<a>")
        else:
            self.parts.append(f"<{tag}>")
        if tag not in _VOID_TAGS:
            self._open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID_TAGS and not self._skip_depth:
            self.parts.append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED_WITH_CONTENT:
            self._skip_depth = max(0, self._skip_depth - 1)
            return
        if self._skip_depth or tag not in self._open:
            return
        # Close everything opened inside it too, so the output is always well nested.
        while self._open:
            inner = self._open.pop()
            self.parts.append(f"</{inner}>")
            if inner == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self.parts.append(escape(data, quote=False))

    def result(self) -> str:
        return "".join(self.parts) + "".join(f"</{tag}>" for tag in reversed(self._open))


def sanitize_html(text: str) -> str:
    """`text` with unsafe tags, every attribute but safe link targets, and scripts/styles removed."""
    parser = _Sanitizer()
    parser.feed(text)
    parser.close()
    return parser.result()


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED_WITH_CONTENT:
            self._skip_depth += 1
        elif tag in ("br", "p", "div", "li"):
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED_WITH_CONTENT:
            self._skip_depth = max(0, self._skip_depth - 1)

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self.parts.append(data)


def plain_text(text: str) -> str:
    """The words a reader sees in `text` (tags and scripts removed, whitespace collapsed)."""
    parser = _TextOnly()
    parser.feed(text)
    parser.close()
    return " ".join("".join(parser.parts).split())
