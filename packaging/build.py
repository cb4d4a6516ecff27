"""Build the app for the current OS into dist/, compare its size with a bare PySide6 onedir, package, smoke-test.

Usage: python packaging/build.py [--no-bare] [--no-packages] [--smoke] [--deb-compression xz|zstd|gzip]
Linux: .deb + .tar.gz · Windows: Inno Setup installer (needs ISCC.exe) · macOS: .app + .dmg (hdiutil).
Needs the `package` extra: pip install -e '.[package]'.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from project_meta import DISPLAY_NAME, REPO_ROOT, Project, machine_tag, read_project

HERE = Path(__file__).resolve().parent
DIST = REPO_ROOT / "dist"
BUILD = REPO_ROOT / "build"
SPEC = HERE / "pyinstaller" / "booking-assistant.spec"
SIZE_BUDGET = 1.25  # the app's onedir may be at most this many times a bare PySide6-Essentials onedir
IS_WIN = sys.platform == "win32"
IS_MAC = sys.platform == "darwin"


def tree_bytes(folder: Path) -> int:
    """Apparent size of every file under `folder` (symlinks counted once, as links)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_dir() or p.is_symlink())


def mib(size: int) -> str:
    return f"{size / 2**20:.1f} MiB"


def pyinstaller(*args: str) -> float:
    """Run PyInstaller with this interpreter; returns the wall time in seconds."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", *args], check=True)
    return time.perf_counter() - started


def compile_translations() -> list[Path]:
    """app/resources/**/*.ts → .qm beside them (when missing or older), so the bundle ships current catalogues."""
    sources = sorted((REPO_ROOT / "app" / "resources").rglob("*.ts"))
    venv_bin = str(Path(sys.executable).parent)
    lrelease = shutil.which("pyside6-lrelease") or shutil.which("pyside6-lrelease", path=venv_bin)
    built = []
    for ts in sources:
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        if lrelease is None:
            raise SystemExit("pyside6-lrelease not found: it ships with PySide6; is the venv active?")
        subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


def onedir_executable(project: Project) -> Path:
    """The frozen command a script (and the smoke test) runs: the console twin on Windows, the .app's on macOS."""
    if IS_WIN:
        return DIST / project.name / f"{project.name}-cli.exe"
    if IS_MAC:
        return DIST / f"{DISPLAY_NAME}.app" / "Contents" / "MacOS" / project.name
    return DIST / project.name / project.name


def build_app(project: Project) -> float:
    """dist/<name>/ (and dist/<Display Name>.app on macOS)."""
    return pyinstaller("--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller"), str(SPEC))


def build_bare() -> tuple[float, Path]:
    """The size baseline: packaging/bare/bare_app.py frozen as a default onedir."""
    bare_dist = BUILD / "bare" / "dist"
    seconds = pyinstaller(
        "--onedir",
        "--name",
        "bare",
        "--distpath",
        str(bare_dist),
        "--workpath",
        str(BUILD / "bare" / "work"),
        "--specpath",
        str(BUILD / "bare"),
        str(HERE / "bare" / "bare_app.py"),
    )
    return seconds, bare_dist / "bare"


def package_linux(project: Project, compression: str) -> list[Path]:
    from linux_packages import build_deb, build_tarball

    onedir = DIST / project.name
    packages = [build_tarball(onedir, DIST, project, machine_tag())]
    if shutil.which("dpkg-deb") and shutil.which("dpkg"):
        packages.insert(0, build_deb(onedir, DIST, project, compression))
    else:
        print("dpkg-deb not found (not a Debian-based system?): skipping the .deb", file=sys.stderr)
    return packages


def package_windows(project: Project) -> list[Path]:
    candidates = [
        shutil.which("iscc"),
        os.path.expandvars(r"%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe"),
        os.path.expandvars(r"%LOCALAPPDATA%\Programs\Inno Setup 6\ISCC.exe"),
    ]
    iscc = next((c for c in candidates if c and Path(c).is_file()), None)
    if iscc is None:
        print("Inno Setup (ISCC.exe) not found: skipping the installer (choco install innosetup)", file=sys.stderr)
        return []
    major, minor, patch, build = project.version_tuple
    subprocess.run(
        [
            iscc,
            "/Qp",
            f"/DAppVersion={project.version}",
            f"/DAppVersionNumeric={major}.{minor}.{patch}.{build}",
            f"/DSourceDir={DIST / project.name}",
            f"/DOutputDir={DIST}",
            f"/DIconFile={REPO_ROOT / 'app' / 'resources' / 'icons' / 'booking-assistant.ico'}",
            str(HERE / "windows" / "booking-assistant.iss"),
        ],
        check=True,
    )
    return [DIST / f"{project.name}-{project.version}-setup.exe"]


def package_macos(project: Project) -> list[Path]:
    dmg = DIST / f"{project.name}-{project.version}-macos-{machine_tag()}.dmg"
    app_bundle = DIST / f"{DISPLAY_NAME}.app"
    subprocess.run(["bash", str(HERE / "macos" / "build_dmg.sh"), str(app_bundle), str(dmg)], check=True)
    return [dmg]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-bare", action="store_true", help="skip the bare baseline build and the size budget")
    parser.add_argument("--no-packages", action="store_true", help="only the onedir (and .app)")
    parser.add_argument("--smoke", action="store_true", help="smoke-test the onedir and the packages")
    parser.add_argument("--runs", type=int, default=5, help="--smoke runs to time (median)")
    parser.add_argument("--deb-compression", default="xz", choices=["xz", "zstd", "gzip"])
    args = parser.parse_args(argv)

    project = read_project()
    compile_translations()
    subprocess.run([sys.executable, str(HERE / "icons.py"), "--if-missing"], check=True)
    report: dict[str, object] = {"version": project.version, "platform": sys.platform, "machine": machine_tag()}

    report["build_s"] = round(build_app(project), 1)
    app_bytes = tree_bytes(DIST / project.name)
    report["onedir_bytes"] = app_bytes
    print(f"\n{project.name} onedir: {mib(app_bytes)}, built in {report['build_s']} s")
    status = 0
    if not args.no_bare:
        bare_s, bare_dir = build_bare()
        bare_bytes = tree_bytes(bare_dir)
        ratio = app_bytes / bare_bytes
        report.update(bare_bytes=bare_bytes, bare_build_s=round(bare_s, 1), size_ratio=round(ratio, 3))
        verdict = "within" if ratio <= SIZE_BUDGET else "OVER"
        print(f"bare PySide6-Essentials onedir: {mib(bare_bytes)} → {ratio:.2f}× ({verdict} the {SIZE_BUDGET}× budget)")
        if ratio > SIZE_BUDGET:
            status = 1

    packages: list[Path] = []
    if not args.no_packages:
        if IS_WIN:
            packages = package_windows(project)
        elif IS_MAC:
            packages = package_macos(project)
        else:
            packages = package_linux(project, args.deb_compression)
    report["packages"] = {p.name: p.stat().st_size for p in packages}
    for package in packages:
        print(f"package: {package.relative_to(REPO_ROOT)} ({mib(package.stat().st_size)})")

    if args.smoke:
        from smoke import smoke

        result = smoke(onedir_executable(project), runs=args.runs)
        report["smoke_ms"] = [round(ms) for ms in result.start_ms]
        print(f"smoke (onedir): {'ok' if result.ok else 'FAILED'}; --demo --smoke wall ms: {report['smoke_ms']}")
        for problem in result.problems:
            print(f"  problem: {problem}", file=sys.stderr)
        status = status or (0 if result.ok else 1)
        for deb in (p for p in packages if p.suffix == ".deb"):
            from smoke_deb import main as smoke_deb_main

            status = status or smoke_deb_main([str(deb)])

    (DIST / "build-report.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return status


if __name__ == "__main__":
    sys.exit(main())
