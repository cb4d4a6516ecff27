"""Linux packages from the PyInstaller onedir: a .deb (dpkg-deb, no maintainer scripts) and a .tar.gz.

Usage: python packaging/linux_packages.py --onedir dist/booking-assistant --out dist [--compression xz]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import stat
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from string import Template

from project_meta import APP_ID, DISPLAY_NAME, HOMEPAGE, MAINTAINER, PUBLISHER, REPO_ROOT, Project, read_project

TEMPLATES = Path(__file__).resolve().parent / "linux"
ICON_DIR = REPO_ROOT / "app" / "resources" / "icons"
INSTALL_DIR = "opt/booking-assistant"
# Not bundled by PyInstaller (GL/EGL come from the system's driver stack) or missing from minimal desktops;
# glibc >= 2.34 because the PySide6 wheels are manylinux_2_34.
DEPENDS = [
    "libc6 (>= 2.34)",
    "libegl1",
    "libgl1",
    "libfontconfig1",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libx11-xcb1",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-image0",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xkb1",
]
RECOMMENDS = ["libwayland-cursor0", "libwayland-egl1", "gnome-keyring | kwalletmanager"]


def substitutions(project: Project) -> dict[str, str]:
    return {
        "name": project.name,
        "version": project.version,
        "description": project.description,
        "display_name": DISPLAY_NAME,
        "app_id": APP_ID,
        "homepage": HOMEPAGE,
        "publisher": PUBLISHER,
        "developer_id": APP_ID.rsplit(".", 1)[0],
        "date": dt.date.today().isoformat(),
    }


def render(template: str, project: Project) -> str:
    return Template((TEMPLATES / template).read_text(encoding="utf-8")).substitute(substitutions(project))


def deb_architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], check=True, capture_output=True, text=True).stdout.strip()


def _write(path: Path, text: str, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)


def _normalise_modes(root: Path) -> None:
    """Directories 0755, files 0644 or 0755 (if anyone may execute them): what dpkg and lintian expect."""
    for dirpath, _dirnames, filenames in os.walk(root):
        Path(dirpath).chmod(0o755)
        for name in filenames:
            path = Path(dirpath) / name
            if path.is_symlink():
                continue
            executable = path.stat().st_mode & (stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
            path.chmod(0o755 if executable else 0o644)


def stage_share(share: Path, project: Project) -> None:
    """Desktop entry, hicolor icons and AppStream metainfo in a `share` folder (/usr/share in the .deb)."""
    _write(share / "applications" / f"{APP_ID}.desktop", render("app.desktop.in", project))
    _write(share / "metainfo" / f"{APP_ID}.metainfo.xml", render("metainfo.xml.in", project))
    for png in sorted((ICON_DIR / "png").glob("*.png")):
        target = share / "icons" / "hicolor" / png.stem / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(png, target)
    scalable = share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ICON_DIR / "booking-assistant.svg", scalable)


def stage_deb_tree(onedir: Path, root: Path, project: Project, arch: str) -> None:
    """The installed file system of the package, plus DEBIAN/control."""
    app_dir = root / INSTALL_DIR
    shutil.copytree(onedir, app_dir, symlinks=True)
    bin_link = root / "usr" / "bin" / project.name
    bin_link.parent.mkdir(parents=True, exist_ok=True)
    # Relative, so the link also works in a `dpkg-deb -x` tree; the bootloader finds _internal via /proc/self/exe.
    bin_link.symlink_to(Path("..", "..", INSTALL_DIR, project.name))
    stage_share(root / "usr" / "share", project)
    _write(root / "usr" / "share" / "doc" / project.name / "copyright", render("copyright.in", project))
    _normalise_modes(root)
    installed_kib = sum(p.lstat().st_size for p in root.rglob("*") if not p.is_dir()) // 1024
    control = "\n".join(
        [
            f"Package: {project.name}",
            f"Version: {project.version}",
            f"Architecture: {arch}",
            f"Maintainer: {MAINTAINER}",
            f"Installed-Size: {installed_kib}",
            f"Depends: {', '.join(DEPENDS)}",
            f"Recommends: {', '.join(RECOMMENDS)}",
            "Section: misc",
            "Priority: optional",
            f"Homepage: {HOMEPAGE}",
            f"Description: {project.description}",
            " A desktop app for reception desks and sales teams: pick a time on a HubSpot meeting link, fill in",
            " the link's questions and book. Bookings made offline are queued and sent when the network returns.",
            "",
        ]
    )
    _write(root / "DEBIAN" / "control", control)
    (root / "DEBIAN").chmod(0o755)


def build_deb(onedir: Path, out_dir: Path, project: Project, compression: str = "xz") -> Path:
    """dist/<name>_<version>_<arch>.deb, owned by root:root whoever builds it."""
    arch = deb_architecture()
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{project.name}_{project.version}_{arch}.deb"
    with tempfile.TemporaryDirectory(prefix="deb-") as tmp:
        root = Path(tmp) / "root"
        stage_deb_tree(onedir, root, project, arch)
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", f"-Z{compression}", "--build", str(root), str(target)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return target


def build_tarball(onedir: Path, out_dir: Path, project: Project, machine: str) -> Path:
    """dist/<name>-<version>-linux-<machine>.tar.gz: the onedir plus desktop entry and icons in share/."""
    out_dir.mkdir(parents=True, exist_ok=True)
    top = f"{project.name}-{project.version}"
    target = out_dir / f"{top}-linux-{machine}.tar.gz"
    with tempfile.TemporaryDirectory(prefix="tgz-") as tmp:
        stage = Path(tmp) / top
        shutil.copytree(onedir, stage, symlinks=True)
        stage_share(stage / "share", project)
        _normalise_modes(stage)
        with tarfile.open(target, "w:gz", compresslevel=6) as tar:
            tar.add(stage, arcname=top, filter=_root_owned)
    return target


def _root_owned(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    return info


def main(argv: list[str] | None = None) -> int:
    from project_meta import machine_tag

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--onedir", type=Path, required=True, help="the PyInstaller output folder")
    parser.add_argument("--out", type=Path, required=True, help="where to write the packages")
    parser.add_argument("--compression", default="xz", choices=["xz", "zstd", "gzip", "none"])
    parser.add_argument("--skip-tarball", action="store_true")
    args = parser.parse_args(argv)
    if not (args.onedir / read_project().name).is_file():
        parser.error(f"{args.onedir} has no {read_project().name} executable: build the onedir first")
    project = read_project()
    print(build_deb(args.onedir, args.out, project, args.compression))
    if not args.skip_tarball:
        print(build_tarball(args.onedir, args.out, project, machine_tag()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
