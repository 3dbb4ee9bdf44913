#!/usr/bin/env bash
# Proves the .deb end to end on Debian or Ubuntu, as root: builds it, installs it with dpkg -i, starts the installed
# Fleetdesk under Xvfb with --demo and finds its window (screenshot: target/installer/deb-window.png), runs
# fleetdesk-cli, removes and purges the package and checks that nothing is left but user data. The desktop app runs
# as a throwaway user whose home is a temporary folder, so that what it writes for a user can be seen.
#
#   installer/linux/test-deb.sh [--no-build]     --no-build: test the .deb already in target/installer
#
# It installs what it needs with apt-get (Xvfb, xdotool, x11-utils, ImageMagick, fakeroot and the package's
# dependencies). It purges any installed fleetdesk package first and again at the end, even on failure.
set -euo pipefail
cd "$(dirname "$0")/../.."

fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "ok: $*"; }
elapsed() { echo "$((SECONDS - $1)) s"; }

[ "$(id -u)" = 0 ] || fail "run as root: the test installs and removes a system package"
command -v apt-get >/dev/null && command -v dpkg >/dev/null || fail "needs a Debian or Ubuntu system (dpkg, apt-get)"
build=true
case "${1:-}" in
  --no-build) build=false ;;
  "") ;;
  *) fail "unknown argument '$1'; usage: installer/linux/test-deb.sh [--no-build]" ;;
esac

export DEBIAN_FRONTEND=noninteractive
apt_install() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f '${Status}' "$package" 2>/dev/null | grep -q 'ok installed' || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null; }
}

started=$SECONDS
apt_install xvfb xdotool x11-utils imagemagick fakeroot
dpkg -s fleetdesk >/dev/null 2>&1 && dpkg -P fleetdesk >/dev/null

if [ "$build" = true ]; then
  step=$SECONDS
  installer/linux/build.sh deb
  echo "build: $(elapsed $step)"
fi
deb=$(ls -t target/installer/fleetdesk_*_amd64.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no target/installer/fleetdesk_*_amd64.deb: run without --no-build"
version=$(dpkg-deb -f "$deb" Version)
version=${version%-*}

work=$(mktemp -d)
chmod 755 "$work"
user=fdtest$$
home=$work/home
xvfb_pid=""
app_pid=""
# The app runs in a session of its own (setsid), so its process group ends with it; what GTK started for the user
# outside that group (its accessibility bus) is ended by process id.
stop_app() {
  if [ -n "$app_pid" ]; then
    kill -- "-$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    app_pid=""
  fi
  for _ in $(seq 25); do pgrep -u "$user" >/dev/null || return 0; sleep 0.2; done
  for pid in $(pgrep -u "$user"); do kill "$pid" 2>/dev/null || true; done
  sleep 1
}
# Ends the app as a logout does, with SIGTERM to Java itself (runuser, given SIGTERM, kills it 2 s later), and waits
# until it has exited: its first session records the class-data archive as it ends.
end_app() {
  pkill -TERM -u "$user" -f org.fleetdesk.Main || true
  for _ in $(seq 150); do pgrep -u "$user" -f org.fleetdesk.Main >/dev/null || break; sleep 0.2; done
  stop_app
}
cleanup() {
  id "$user" >/dev/null 2>&1 && stop_app
  if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null || true; fi
  if dpkg -s fleetdesk >/dev/null 2>&1; then dpkg -P fleetdesk >/dev/null 2>&1 || true; fi
  if id "$user" >/dev/null 2>&1; then userdel "$user" || echo "warning: could not delete the test user $user" >&2; fi
  rm -rf "$work"
}
trap cleanup EXIT
useradd --home-dir "$home" --create-home --shell /bin/sh --user-group "$user"
as_user() { runuser -u "$user" -- env -i PATH=/usr/bin:/bin HOME="$home" DISPLAY="${DISPLAY:-}" "$@"; }

# Everything named *fleetdesk* in the system's folders, before and after: the package must add nothing lasting.
# (Users' homes are the app's business, checked through the throwaway user.)
fleetdesk_paths() {
  find /opt /usr /etc /var /srv /bin /sbin /lib* -xdev -iname '*fleetdesk*' 2>/dev/null | sort
}
fleetdesk_paths > "$work/before"

echo "== install $deb"
# dpkg -i does not fetch dependencies: install the ones the package names first.
read -ra depends <<< "$(dpkg-deb -f "$deb" Depends | sed -e 's/([^)]*)//g' -e 's/[,|]/ /g')"
apt_install "${depends[@]}"
step=$SECONDS
dpkg -i "$deb" >/dev/null
echo "install: $(elapsed $step)"
[ -x /opt/fleetdesk/bin/Fleetdesk ] && [ -x /opt/fleetdesk/bin/fleetdesk-cli ] || fail "launchers missing under /opt/fleetdesk/bin"
entry=/usr/share/applications/org.fleetdesk.Fleetdesk.desktop
[ -f "$entry" ] || fail "no desktop entry $entry"
grep -q '^Exec=/opt/fleetdesk/lib/app/desktop/fleetdesk$' "$entry" || fail "$entry does not start the start script"
[ -f /usr/share/icons/hicolor/256x256/apps/org.fleetdesk.Fleetdesk.png ] || fail "no icon in the hicolor theme"
[ -f /usr/share/metainfo/org.fleetdesk.Fleetdesk.metainfo.xml ] || fail "no AppStream metadata"
if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$entry" || fail "invalid desktop entry"; fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net /usr/share/metainfo/org.fleetdesk.Fleetdesk.metainfo.xml >/dev/null || fail "invalid AppStream metadata"
fi
pass "installed: launchers, desktop entry, icons, AppStream metadata"

installed_kb=$(du -sk /opt/fleetdesk | cut -f1)

reported=$(as_user fleetdesk-cli --version)
[ "$reported" = "fleetdesk $version" ] || fail "fleetdesk-cli --version printed '$reported', expected 'fleetdesk $version'"
usage=$(as_user fleetdesk-cli)
grep -q '^Usage: fleetdesk' <<< "$usage" || fail "fleetdesk-cli without arguments does not print the usage"
[ "$(as_user fleetdesk --version)" = "fleetdesk $version" ] || fail "fleetdesk --version disagrees"
for command in fleetdesk fleetdesk-cli; do
  [ "$(readlink /usr/bin/$command)" = /opt/fleetdesk/lib/app/desktop/fleetdesk ] || fail "/usr/bin/$command is not the start script"
done
pass "fleetdesk-cli --version: $reported; without arguments it prints the usage"

as_user fleetdesk-cli sim --self-test > "$work/self-test.log" 2>&1 || { cat "$work/self-test.log" >&2; fail "fleetdesk-cli sim --self-test failed"; }
pass "fleetdesk-cli sim --self-test: $(tail -1 "$work/self-test.log")"

cds=/opt/fleetdesk/lib/app/fleetdesk-cli.jsa
[ -f "$cds" ] || fail "the install script recorded no class-data archive $cds"
# -Xshare:on refuses to start when the archive cannot be used (a class path or runtime that does not match it).
as_user env _JAVA_OPTIONS=-Xshare:on fleetdesk-cli --version > /dev/null 2>&1 || fail "fleetdesk-cli cannot use $cds"
median_ms() { # median wall time of 7 runs of the command, in ms
  for _ in $(seq 7); do
    local t0=$EPOCHREALTIME; "$@" > /dev/null 2>&1; echo "$EPOCHREALTIME $t0" | awk '{printf "%d\n", ($1 - $2) * 1000}'
  done | sort -n | sed -n 4p
}
with_archive=$(median_ms fleetdesk-cli devices --version)
without_archive=$(median_ms env _JAVA_OPTIONS=-XX:SharedArchiveFile=/opt/fleetdesk/lib/runtime/lib/server/classes.jsa fleetdesk-cli devices --version)
through_jpackage=$(median_ms /opt/fleetdesk/bin/fleetdesk-cli devices --version)
pass "class-data archive $(du -k "$cds" | cut -f1) KB in use: fleetdesk-cli devices --version ${with_archive} ms with it, ${without_archive} ms without; ${through_jpackage} ms through jpackage's launcher (medians of 7)"

echo "== desktop app under Xvfb"
exec 3> "$work/display"
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
exec 3>&-
for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.2; done
[ -s "$work/display" ] || fail "Xvfb did not start"
DISPLAY=":$(cat "$work/display")"
export DISPLAY
# Starts `fleetdesk --demo` as the user, output in $work/$1, and waits up to 60 s for its window: sets window and
# window_seconds.
start_app() {
  local step=$SECONDS
  setsid runuser -u "$user" -- env -i PATH=/usr/bin:/bin HOME="$home" DISPLAY="$DISPLAY" fleetdesk --demo \
    > "$work/$1" 2>&1 &
  app_pid=$!
  window=""
  for _ in $(seq 600); do
    window=$(xdotool search --onlyvisible --name '^Fleetdesk' 2>/dev/null | head -1 || true)
    [ -n "$window" ] && break
    kill -0 "$app_pid" 2>/dev/null || { cat "$work/$1" >&2; fail "Fleetdesk exited before showing a window"; }
    sleep 0.1
  done
  [ -n "$window" ] || { cat "$work/$1" >&2; fail "no Fleetdesk window after 60 s"; }
  window_seconds=$((SECONDS - step))
}
start_app app.log
sleep 2
geometry=$(xwininfo -id "$window" | awk '/Width:/ {w=$2} /Height:/ {h=$2} END {print w "x" h}')
wm_class=$(xprop -id "$window" WM_CLASS | sed 's/.*= //')
import -window root target/installer/deb-window.png
spread=$(convert target/installer/deb-window.png -format '%[fx:standard_deviation]' info:)
awk -v s="$spread" 'BEGIN { exit !(s > 0.01) }' || fail "the screenshot is blank"
pass "window '$(xdotool getwindowname "$window")' ${geometry}, WM_CLASS $wm_class, after ${window_seconds} s; screenshot target/installer/deb-window.png"
end_app
[ ! -e "$home/.openjfx" ] || fail "JavaFX unpacked its native libraries into the user's home"
ls "$home"/.cache/fleetdesk/desktop-*.jsa.* >/dev/null 2>&1 || fail "the first session recorded no class-data archive in ~/.cache/fleetdesk"

# The second start checks and keeps what the first session recorded, and starts from it.
start_app app2.log
end_app
archive=$(ls "$home"/.cache/fleetdesk/desktop-*.jsa 2>/dev/null | head -1)
[ -n "$archive" ] || fail "the second start did not keep the recorded class-data archive"
! grep -qi 'cds\|shared archive' "$work/app.log" "$work/app2.log" \
  || fail "the class-data archive made the app print: $(grep -hi 'cds\|shared archive' "$work/app.log" "$work/app2.log" | head -3)"
pass "the desktop app's class-data archive: recorded by the first session, $(du -k "$archive" | cut -f1) KB, kept and used by the second (window after ${window_seconds} s)"

echo "== remove and purge"
# Stands for what a user's Fleetdesk leaves in its data folder; removing the package must keep it.
as_user mkdir -p "$home/.local/share/fleetdesk/logs"
as_user sh -c "echo user data >> '$home/.local/share/fleetdesk/logs/fleetdesk.log'"
step=$SECONDS
dpkg -r fleetdesk >/dev/null
[ ! -e /opt/fleetdesk ] || fail "/opt/fleetdesk is still there after dpkg -r: $(find /opt/fleetdesk | head -5)"
[ ! -e "$entry" ] && [ ! -L "$entry" ] || fail "the desktop entry is still there after dpkg -r"
dpkg -P fleetdesk >/dev/null
echo "remove + purge: $(elapsed $step)"
dpkg -s fleetdesk >/dev/null 2>&1 && fail "dpkg still knows the package after the purge"
leftovers=$(fleetdesk_paths | comm -13 "$work/before" -)
[ -z "$leftovers" ] || fail "left behind after the purge: $leftovers"
[ -f "$home/.local/share/fleetdesk/logs/fleetdesk.log" ] || fail "the purge removed user data"
pass "nothing left in the system; the user's data folder ~/.local/share/fleetdesk is kept"

deb_bytes=$(stat -c %s "$deb")
awk -v d="$deb_bytes" -v i="$installed_kb" 'BEGIN { printf "sizes: .deb %.1f MB, installed %.1f MB\n", d / 1048576, i / 1024 }'
echo "total: $(elapsed $started)"
(( deb_bytes < 80 * 1048576 )) || fail "the .deb is over 80 MB"
echo "test-deb: 1 passed, 0 failed"
