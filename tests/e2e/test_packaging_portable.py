"""Portable mode: a `portable` file beside the frozen executable keeps the profile next to it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app.portable import portable_profile


def install(folder: Path, *, marker: bool) -> Path:
    folder.mkdir(parents=True)
    executable = folder / "booking-assistant"
    executable.write_text("")
    if marker:
        (folder / "portable").write_text("")
    return executable


def test_marker_beside_frozen_executable_puts_profile_next_to_it(tmp_path: Path) -> None:
    exe = install(tmp_path / "usb" / "booking-assistant", marker=True)
    assert portable_profile(exe, frozen=True) == exe.parent.resolve() / "profile"


def test_without_marker_the_platform_folders_are_used(tmp_path: Path) -> None:
    exe = install(tmp_path / "app", marker=False)
    assert portable_profile(exe, frozen=True) is None


def test_a_virtualenv_python_never_turns_portable(tmp_path: Path) -> None:
    exe = install(tmp_path / "venv" / "bin", marker=True)
    assert portable_profile(exe, frozen=False) is None


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need extra privileges on Windows")
def test_marker_is_looked_up_beside_the_real_file_not_the_symlink(tmp_path: Path) -> None:
    exe = install(tmp_path / "opt" / "booking-assistant", marker=True)
    link = tmp_path / "bin" / "booking-assistant"
    link.parent.mkdir()
    link.symlink_to(exe)
    assert portable_profile(link, frozen=True) == exe.parent.resolve() / "profile"


def test_a_folder_named_portable_is_not_the_marker(tmp_path: Path) -> None:
    exe = install(tmp_path / "app", marker=False)
    (exe.parent / "portable").mkdir()
    assert portable_profile(exe, frozen=True) is None
