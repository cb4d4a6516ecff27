"""Name, version and identity of the app for every packaging script, read from pyproject.toml (one source)."""

from __future__ import annotations

import platform
import tomllib
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent

# Reverse-DNS id shared by the desktop entry, AppStream metainfo, the icon name and the macOS bundle id.
APP_ID = "com.acme.BookingAssistant"
DISPLAY_NAME = "Booking Assistant"
PUBLISHER = "Acme"
HOMEPAGE = "https://example.com/booking-assistant"
MAINTAINER = "Acme Booking Assistant team <booking-assistant@example.com>"


@dataclass(frozen=True)
class Project:
    name: str
    version: str
    description: str

    @property
    def version_tuple(self) -> tuple[int, int, int, int]:
        """Four numbers for Windows version resources and Inno Setup (pre-release tags dropped)."""
        numbers: list[int] = []
        for part in self.version.split(".")[:4]:
            digits = "".join(ch for ch in part if ch.isdigit()) or "0"
            numbers.append(int(digits))
        while len(numbers) < 4:
            numbers.append(0)
        return (numbers[0], numbers[1], numbers[2], numbers[3])


def read_project(root: Path = REPO_ROOT) -> Project:
    """The [project] table of pyproject.toml."""
    with (root / "pyproject.toml").open("rb") as fh:
        table = tomllib.load(fh)["project"]
    return Project(name=table["name"], version=table["version"], description=table["description"])


def machine_tag() -> str:
    """x86_64 / arm64 style architecture tag for archive names."""
    machine = platform.machine().lower()
    return {"amd64": "x86_64", "aarch64": "arm64"}.get(machine, machine)
