#!/usr/bin/env bash
# Renders every icon format from the SVG sources; the results are committed, so run this only after editing an SVG.
#
#   icons/generate.sh
#
# Needs rsvg-convert (librsvg2-bin), ImageMagick's convert (imagemagick) and png2icns (icnsutils). On Debian or
# Ubuntu as root it installs them with apt-get; elsewhere it names what is missing.
#
# Sources: fleetdesk.svg (32 px and up) and fleetdesk-small.svg (drawn on a 16-pixel grid, for 16 and 24 px).
# Writes:
#   icons/png/fleetdesk-N.png   N = 16 24 32 48 64 128 256 512 1024   Linux package icon, AppStream, docs
#   icons/fleetdesk.ico         16-256 in one file                    Windows installer and launchers
#   icons/fleetdesk.icns        16-1024, inset to Apple's icon grid   macOS bundle
#   src/main/resources/org/fleetdesk/ui/icons/fleetdesk-N.png  N = 16 24 32 48 64 128 256   the window icon
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v rsvg-convert >/dev/null || missing+=(librsvg2-bin)
[ -x /usr/bin/convert ] || command -v magick >/dev/null || missing+=(imagemagick)
command -v png2icns >/dev/null || missing+=(icnsutils)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "icons/generate.sh needs: ${missing[*]} (Debian/Ubuntu: sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
fi
convert=/usr/bin/convert
[ -x "$convert" ] || convert="magick"

window_icons=../src/main/resources/org/fleetdesk/ui/icons
mkdir -p png "$window_icons"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Without these, ImageMagick stamps the time into each PNG and every run changes the committed files.
stable=(-define "png:exclude-chunks=date,time" +set date:create +set date:modify)

render() { # size source output
  rsvg-convert --width "$1" --height "$1" "$2" --output "$3"
}

for size in 16 24 32 48 64 128 256 512 1024; do
  source=fleetdesk.svg
  [ "$size" -le 24 ] && source=fleetdesk-small.svg
  render "$size" "$source" "png/fleetdesk-$size.png"
done
for size in 16 24 32 48 64 128 256; do
  cp "png/fleetdesk-$size.png" "$window_icons/fleetdesk-$size.png"
done

"$convert" png/fleetdesk-{16,24,32,48,64,128,256}.png "${stable[@]}" fleetdesk.ico

# macOS draws app icons inside a 824/1024 square of the canvas; a full-bleed tile would look oversized in the Dock.
icns_inputs=()
for size in 16 32 48 128 256 512 1024; do
  inner=$(( size * 824 / 1024 ))
  source=fleetdesk.svg
  [ "$inner" -le 24 ] && source=fleetdesk-small.svg
  render "$inner" "$source" "$work/inner-$size.png"
  "$convert" "$work/inner-$size.png" -background none -gravity center -extent "${size}x${size}" \
    "${stable[@]}" "PNG32:$work/mac-$size.png"
  icns_inputs+=("$work/mac-$size.png")
done
png2icns fleetdesk.icns "${icns_inputs[@]}" >/dev/null

echo "icons written: icons/png/ (9 sizes), icons/fleetdesk.ico, icons/fleetdesk.icns, ${window_icons#../} (7 sizes)"
