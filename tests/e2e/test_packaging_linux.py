"""The Linux packages and the frozen smoke test, built around a stand-in onedir (freezing takes too long here).

The stand-in is a shell script that runs this checkout's CLI, so the .deb layout, the PATH command, the smoke
script's checks and portable mode are exercised for real; `make package` / .ci/run repeat them on the frozen app.
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
NAME, VERSION = PROJECT["name"], PROJECT["version"]
APP_ID = "com.acme.BookingAssistant"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="needs dpkg-deb (Debian-based Linux)"),
]


def stand_in_onedir(folder: Path, stray_stderr: str = "") -> Path:
    """A onedir whose executable runs this checkout's CLI (and the packaging self-test) with this Python."""
    folder.mkdir(parents=True)
    (folder / "_internal").mkdir()
    (folder / "_internal" / "placeholder.txt").write_text("stand-in for the frozen libraries\n")
    stray = f'echo "{stray_stderr}" >&2\n' if stray_stderr else ""
    # Like PyInstaller's bootloader: sys.frozen is set and sys.executable is the real path of the binary.
    script = f"""#!/bin/sh
{stray}if [ "$1" = "--packaging-selftest" ]; then
  exec "{sys.executable}" -c 'import sys; sys.path.insert(0, sys.argv[1]); from packaging_selftest import main; \\
sys.exit(main())' "{PACKAGING / "pyinstaller"}"
fi
exec "{sys.executable}" -c 'import sys; sys.frozen = True; sys.executable = sys.argv.pop(1); \\
from app.cli import main; sys.exit(main(sys.argv[1:]))' "$(readlink -f "$0")" "$@"
"""
    executable = folder / NAME
    executable.write_text(script)
    executable.chmod(0o755)
    return folder


def run_script(script: str, *args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOOKING_ASSISTANT_")}
    return subprocess.run(
        [sys.executable, str(PACKAGING / script), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        check=False,
    )


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A .deb (gzip: fast) and a .tar.gz built from the stand-in onedir by packaging/linux_packages.py."""
    tmp = tmp_path_factory.mktemp("packages")
    onedir = stand_in_onedir(tmp / "onedir" / NAME)
    done = run_script("linux_packages.py", "--onedir", str(onedir), "--out", str(tmp / "out"), "--compression", "gzip")
    assert done.returncode == 0, done.stderr
    deb, tarball = (Path(line) for line in done.stdout.split())
    return {"deb": deb, "tarball": tarball}


def test_deb_is_named_and_described_from_pyproject(packages: dict[str, Path]) -> None:
    deb = packages["deb"]
    assert deb.name.startswith(f"{NAME}_{VERSION}_")
    info = subprocess.run(["dpkg-deb", "-f", str(deb), "Package", "Version", "Depends"], capture_output=True, text=True)
    fields = dict(line.split(": ", 1) for line in info.stdout.splitlines())
    assert fields["Package"] == NAME
    assert fields["Version"] == VERSION
    # PySide6 wheels are manylinux_2_34; the xcb plugin needs libxcb-icccm4 and friends (stack notes §8).
    assert "libc6 (>= 2.34)" in fields["Depends"]
    assert "libxcb-icccm4" in fields["Depends"]


def test_deb_installs_app_under_opt_and_files_owned_by_root(packages: dict[str, Path]) -> None:
    listing = subprocess.run(["dpkg-deb", "-c", str(packages["deb"])], capture_output=True, text=True).stdout
    rows = [line.split() for line in listing.splitlines()]
    paths = {row[5] for row in rows}
    assert f"./opt/{NAME}/{NAME}" in paths
    assert f"./usr/share/applications/{APP_ID}.desktop" in paths
    assert f"./usr/share/metainfo/{APP_ID}.metainfo.xml" in paths
    assert f"./usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg" in paths
    assert {row[1] for row in rows} == {"root/root"}
    command = next(row for row in rows if row[5] == f"./usr/bin/{NAME}")
    assert command[0].startswith("l") and command[-1] == f"../../opt/{NAME}/{NAME}"


def test_unpacked_deb_passes_layout_smoke_and_portable_checks(packages: dict[str, Path]) -> None:
    done = run_script("smoke_deb.py", str(packages["deb"]))
    assert done.returncode == 0, done.stdout + done.stderr
    assert '"selftest"' not in done.stderr
    assert "ok" in done.stdout.splitlines()[0]


def test_tarball_holds_the_onedir_and_desktop_integration_files(packages: dict[str, Path]) -> None:
    top = f"{NAME}-{VERSION}"
    with tarfile.open(packages["tarball"]) as tar:
        members = {m.name: m for m in tar.getmembers()}
        desktop = tar.extractfile(f"{top}/share/applications/{APP_ID}.desktop")
        assert desktop is not None
        entry = configparser.ConfigParser(interpolation=None)
        entry.read_string(desktop.read().decode())
    assert members[f"{top}/{NAME}"].mode & 0o111
    assert f"{top}/_internal/placeholder.txt" in members
    assert entry["Desktop Entry"]["Exec"].split()[0] == NAME
    assert entry["Desktop Entry"]["Icon"] == APP_ID


def test_smoke_fails_on_an_unexpected_stderr_line(tmp_path: Path) -> None:
    onedir = stand_in_onedir(tmp_path / NAME, stray_stderr="Warning: libfoo.so not found")
    done = run_script("smoke.py", str(onedir / NAME))
    assert done.returncode == 1
    assert "unexpected stderr line: Warning: libfoo.so not found" in done.stderr


def test_smoke_fails_when_the_app_does_not_start(tmp_path: Path) -> None:
    onedir = tmp_path / NAME
    onedir.mkdir()
    (onedir / NAME).write_text("#!/bin/sh\necho 'ImportError: libpyside6.abi3.so: cannot open' >&2\nexit 1\n")
    (onedir / NAME).chmod(0o755)
    done = run_script("smoke.py", str(onedir / NAME))
    assert done.returncode == 1
    assert "exit code 1" in done.stderr
