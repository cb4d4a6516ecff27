"""Render the master SVG icon into every OS's format: hicolor PNGs, a Windows .ico and a macOS .icns.

Usage: python packaging/icons.py [--check]. Uses Qt's own SVG renderer (no Pillow); .ico and .icns are
written by hand since both are simple containers of PNG images.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

from project_meta import REPO_ROOT

ICON_DIR = REPO_ROOT / "app" / "resources" / "icons"
MASTER = ICON_DIR / "booking-assistant.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS type codes for PNG payloads (Apple's "Icon Services" table); retina variants reuse the bigger renders.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic07", 128),
    (b"ic13", 256),
    (b"ic08", 256),
    (b"ic14", 512),
    (b"ic09", 512),
    (b"ic10", 1024),
)


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn at size×size, as PNG bytes."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes; Qt wants str
    buffer.close()
    return bytes(data.data())


def build_ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico with PNG-compressed entries (supported since Windows Vista)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    directory = b""
    payload = b""
    for size in sizes:
        data = pngs[size]
        dim = 0 if size >= 256 else size  # 0 means 256 in the ICO directory
        directory += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset + len(payload))
        payload += data
    return header + directory + payload


def build_icns(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns with PNG entries."""
    body = b"".join(code + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for code, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def output_paths(out_dir: Path) -> list[Path]:
    return [out_dir / "png" / f"{s}x{s}.png" for s in PNG_SIZES] + [
        out_dir / "booking-assistant.ico",
        out_dir / "booking-assistant.icns",
    ]


def generated_files(out_dir: Path = ICON_DIR, svg: Path = MASTER) -> dict[Path, bytes]:
    """Every derived icon file and its content."""
    sizes = set(PNG_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES}
    pngs = {size: render_png(svg, size) for size in sorted(sizes)}
    files = {out_dir / "png" / f"{size}x{size}.png": pngs[size] for size in PNG_SIZES}
    files[out_dir / "booking-assistant.ico"] = build_ico({s: pngs[s] for s in ICO_SIZES})
    files[out_dir / "booking-assistant.icns"] = build_icns(pngs)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--if-missing", action="store_true", help="only render when an output file is missing")
    parser.add_argument("--out", type=Path, default=ICON_DIR, help="output folder (default app/resources/icons)")
    args = parser.parse_args(argv)
    # Existence only: after a git checkout, modification times say nothing about which file is newer.
    if args.if_missing and all(t.is_file() for t in output_paths(args.out)):
        return 0
    for path, data in generated_files(args.out).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"wrote {path} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
