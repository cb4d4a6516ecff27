"""Every OS's icon format is generated from the one SVG master."""

from __future__ import annotations

import struct
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "app" / "resources" / "icons"


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("icons")
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "icons.py"), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return out


def ico_sizes(data: bytes) -> list[int]:
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        entry = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        width, length, offset = entry[0], entry[6], entry[7]
        assert data[offset : offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + length <= len(data)
        sizes.append(width or 256)
    return sizes


def test_pngs_have_the_size_their_name_says(generated: Path) -> None:
    pngs = sorted((generated / "png").glob("*.png"))
    assert {p.stem for p in pngs} >= {"16x16", "32x32", "48x48", "256x256", "512x512"}
    for png in pngs:
        image = QImage(str(png))
        assert f"{image.width()}x{image.height()}" == png.stem
        # The corners are transparent (rounded square), so the icon does not look like a white box.
        assert image.pixelColor(0, 0).alpha() == 0


def test_ico_holds_windows_sizes_up_to_256(generated: Path) -> None:
    assert ico_sizes((generated / "booking-assistant.ico").read_bytes()) == [16, 24, 32, 48, 64, 128, 256]


def test_icns_is_a_well_formed_container_up_to_1024(generated: Path) -> None:
    data = (generated / "booking-assistant.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack_from(">I", data, 4)[0] == len(data)
    codes, offset = [], 8
    while offset < len(data):
        code, length = data[offset : offset + 4], struct.unpack_from(">I", data, offset + 4)[0]
        codes.append(code)
        offset += length
    assert offset == len(data)
    assert b"ic10" in codes and b"icp4" in codes


def test_committed_icons_cover_every_format_the_builds_use() -> None:
    assert ico_sizes((ICONS / "booking-assistant.ico").read_bytes())[-1] == 256
    assert (ICONS / "booking-assistant.icns").read_bytes()[:4] == b"icns"
    assert (ICONS / "png" / "256x256.png").is_file()
