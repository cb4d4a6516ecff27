#!/usr/bin/env sh
# Installs the Debian/Ubuntu packages the app, its tests and its packaging need, when they are missing.
# A no-op when everything is present or when this is not a Debian-like system (macOS, Windows, Fedora…);
# `apt-get update` runs only when something is missing, as root or through sudo.
# Usage: tools/debian-deps.sh [run|test|package]
#   run:     what `make run` needs on a real desktop (X11/xcb and Wayland platform libraries)
#   test:    run + what the test suite needs (Xvfb, xdotool, xclip for the X11 selection, xprop/xwininfo, AT-SPI, dbus-launch, ImageMagick)
#   package: test + binutils (PyInstaller reads binaries with objdump; .deb packages are built with dpkg-deb)
set -eu

command -v dpkg >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 || exit 0

target="${1:-test}"
# Qt itself (what PySide6's libraries link against, enough for the offscreen platform) and a font to draw text with.
packages="libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-dejavu-core"
# Qt's xcb platform plugin (X11 desktops): without libxcb-cursor0 (Qt >= 6.5) it aborts with "could not load the
# Qt platform plugin xcb"; Ubuntu 22.04 desktops lack it and usually libxcb-icccm4/libxcb-keysyms1 too.
packages="$packages libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-render-util0"
packages="$packages libxcb-image0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0"
# Qt's Wayland platform plugin (GNOME/KDE on Wayland pick it when QT_QPA_PLATFORM=wayland or no X server runs).
packages="$packages libwayland-client0 libwayland-cursor0 libwayland-egl1"
case "$target" in
  test | package)
    # Real-display and accessibility tests: a private X server, input events, window properties,
    # the AT-SPI bus and its Python bindings, a session D-Bus, and screenshot comparison.
    packages="$packages xvfb xdotool xclip x11-utils at-spi2-core python3-pyatspi gir1.2-atspi-2.0 dbus-x11 imagemagick"
    ;;
esac
if [ "$target" = "package" ]; then
  packages="$packages binutils"
fi

missing=""
for package in $packages; do
  # `dpkg -s` also succeeds for removed-but-configured packages; ask for the installed state explicitly.
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing="$missing $package"
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
  as_root=""
elif command -v sudo >/dev/null 2>&1; then
  as_root="sudo"
else
  echo "Please install them as root: apt-get install$missing" >&2
  exit 1
fi
# shellcheck disable=SC2086 # word splitting of the package list is intended
$as_root apt-get update -qq && $as_root env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -qq --no-install-recommends $missing
