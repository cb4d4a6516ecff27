"""Unpack a .deb into a temporary root (dpkg-deb -x, no root needed) and smoke-test its /usr/bin command.

Usage: python packaging/smoke_deb.py dist/booking-assistant_<version>_<arch>.deb [--runs N]
Also checks the layout users and desktops rely on: /opt app, PATH command, .desktop entry, icons, metainfo.
"""

from __future__ import annotations

import argparse
import configparser
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from project_meta import APP_ID, read_project
from smoke import main as smoke_main
from smoke import offscreen_env


def layout_problems(root: Path, name: str) -> list[str]:
    """What is missing or wrong in an unpacked package tree."""
    problems = []
    command = root / "usr" / "bin" / name
    if not command.is_symlink() or not command.resolve().is_file():
        problems.append(f"/usr/bin/{name} is not a link to the installed app")
    elif not command.resolve().is_relative_to(root / "opt" / name):
        problems.append(f"/usr/bin/{name} points outside /opt/{name}")
    desktop = root / "usr" / "share" / "applications" / f"{APP_ID}.desktop"
    if not desktop.is_file():
        problems.append(f"missing {desktop.relative_to(root)}")
    else:
        entry = configparser.ConfigParser(interpolation=None)
        entry.read(desktop, encoding="utf-8")
        section = entry["Desktop Entry"]
        if section.get("Exec", "").split()[0] != name or section.get("Icon") != APP_ID:
            problems.append("desktop entry Exec/Icon do not match the command and icon name")
    for size in ("48x48", "256x256", "scalable"):
        suffix = "svg" if size == "scalable" else "png"
        icon = root / "usr" / "share" / "icons" / "hicolor" / size / "apps" / f"{APP_ID}.{suffix}"
        if not icon.is_file():
            problems.append(f"missing {icon.relative_to(root)}")
    metainfo = root / "usr" / "share" / "metainfo" / f"{APP_ID}.metainfo.xml"
    if not metainfo.is_file():
        problems.append(f"missing {metainfo.relative_to(root)}")
    elif ET.parse(metainfo).getroot().findtext("id") != APP_ID:
        problems.append("metainfo <id> does not match the app id")
    return problems


def portable_problems(root: Path, name: str) -> list[str]:
    """A `portable` marker beside the executable moves the profile next to it; `--profile` still wins."""
    app_dir = root / "opt" / name
    command = str(root / "usr" / "bin" / name)
    (app_dir / "portable").touch()
    problems = []
    with tempfile.TemporaryDirectory(prefix="portable-") as tmp:
        env = offscreen_env(Path(tmp))
        chosen = Path(tmp) / "chosen-profile"
        for args, expected, unexpected in (
            (["--profile", str(chosen)], chosen, app_dir / "profile"),
            ([], app_dir / "profile", None),
        ):
            done = subprocess.run(
                [command, "--demo", *args, "links", "--json"], capture_output=True, text=True, env=env, timeout=60
            )
            if done.returncode != 0:
                problems.append(f"portable run {args}: exit code {done.returncode}: {done.stderr.strip()[-500:]}")
            elif not (expected / "logs").is_dir():
                problems.append(f"portable run {args}: profile not created in {expected}")
            elif unexpected is not None and unexpected.exists():
                problems.append(f"portable run {args}: --profile did not win over the portable marker")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("deb", type=Path)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args(argv)
    name = read_project().name
    with tempfile.TemporaryDirectory(prefix="deb-root-") as tmp:
        root = Path(tmp)
        subprocess.run(["dpkg-deb", "-x", str(args.deb), str(root)], check=True)
        problems = layout_problems(root, name)
        for problem in problems:
            print(f"  layout problem: {problem}", file=sys.stderr)
        status = smoke_main([str(root / "usr" / "bin" / name), "--runs", str(args.runs)])
        portable = portable_problems(root, name)
        for problem in portable:
            print(f"  portable-mode problem: {problem}", file=sys.stderr)
        problems += portable
    return 1 if problems else status


if __name__ == "__main__":
    sys.exit(main())
