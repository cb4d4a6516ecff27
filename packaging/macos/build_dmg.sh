#!/usr/bin/env bash
# Build a .dmg around the PyInstaller .app; optionally sign it and notarize it.
# Usage: packaging/macos/build_dmg.sh "dist/Booking Assistant.app" dist/booking-assistant-<version>-macos-<arch>.dmg
#
# Environment (all optional; without them the .dmg is unsigned, for testing only — Gatekeeper blocks it):
#   MACOS_CODESIGN_IDENTITY  "Developer ID Application: Acme (TEAMID)"; the spec signs the binaries with it too
#   MACOS_NOTARY_PROFILE     a `xcrun notarytool store-credentials` keychain profile, or else all three of:
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD  (an app-specific password)
set -euo pipefail

app="${1:?path to the .app}"
dmg="${2:?path of the .dmg to write}"
volume_name="$(basename "$app" .app)"

[ -d "$app" ] || { echo "no such app bundle: $app" >&2; exit 1; }

if [ -n "${MACOS_CODESIGN_IDENTITY:-}" ]; then
  # Sign the bundle as a whole (PyInstaller already signed each binary with the same identity).
  codesign --force --deep --options runtime --timestamp \
    --entitlements "$(dirname "$0")/entitlements.plist" \
    --sign "$MACOS_CODESIGN_IDENTITY" "$app"
  codesign --verify --strict --verbose=2 "$app"
fi

staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
rm -f "$dmg"
hdiutil create -volname "$volume_name" -srcfolder "$staging" -fs HFS+ -format UDZO -ov "$dmg" >/dev/null

if [ -n "${MACOS_CODESIGN_IDENTITY:-}" ]; then
  codesign --force --timestamp --sign "$MACOS_CODESIGN_IDENTITY" "$dmg"
  if [ -n "${MACOS_NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$dmg" --keychain-profile "$MACOS_NOTARY_PROFILE" --wait
  elif [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] && [ -n "${APPLE_APP_PASSWORD:-}" ]; then
    xcrun notarytool submit "$dmg" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
      --password "$APPLE_APP_PASSWORD" --wait
  else
    echo "signed but not notarized: set MACOS_NOTARY_PROFILE or APPLE_ID/APPLE_TEAM_ID/APPLE_APP_PASSWORD" >&2
    echo "$dmg"
    exit 0
  fi
  xcrun stapler staple "$dmg"
  xcrun stapler validate "$dmg"
fi
echo "$dmg"
