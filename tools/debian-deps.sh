#!/usr/bin/env sh
# Installs the Debian/Ubuntu packages the app, its tests and its packaging need, when they are missing.
# A no-op when everything is present or when this is not a Debian-like system (macOS, Windows, Fedora…).
# Usage: tools/debian-deps.sh [test|package]
set -eu

command -v dpkg >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 || exit 0

# Qt offscreen rendering (what PySide6's libraries link against) and a font to draw text with.
packages="libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-dejavu-core"
if [ "${1:-test}" = "package" ]; then
  # PyInstaller reads binaries with objdump; .deb packages are built with dpkg-deb (part of dpkg).
  packages="$packages binutils"
fi

missing=""
for package in $packages; do
  dpkg -s "$package" >/dev/null 2>&1 || missing="$missing $package"
done
# A system Python without ensurepip cannot create the virtual environment.
PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c "import ensurepip" >/dev/null 2>&1; then
  version=$("$PYTHON" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
  missing="$missing python${version}-venv"
fi
[ -n "$missing" ] || exit 0

echo "Installing Debian packages:$missing"
if [ "$(id -u)" -eq 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
elif command -v sudo >/dev/null 2>&1; then
  sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
else
  echo "Please install them as root: apt-get install$missing" >&2
  exit 1
fi
