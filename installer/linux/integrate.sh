#!/bin/sh
# Links an installed Fleetdesk into the system, or takes the links away again:
#   integrate.sh install | remove
# The desktop entry, AppStream metadata and icons under this folder appear below /usr/share, and the commands
# fleetdesk and fleetdesk-cli below /usr/bin, both links to the start script here (see it for why). The .deb's
# postinst/prerm and the .rpm's %post/%preun call it; jpackage's own menu integration needs xdg-utils and fails on
# systems without a menu folder.
# It also records fleetdesk-cli's class-data archive (see below), and deletes it again on removal.
set -e
here=$(dirname "$(readlink -f "$0")")
app=$(readlink -f "$here/../../..")
cds_archive=$app/lib/app/fleetdesk-cli.jsa

# The classes a command-line session loads, parsed and verified once, here, for every later start of fleetdesk-cli
# (its java-options name the file). Recorded from `fleetdesk-cli sim --self-test`, which runs the everyday commands
# against a simulator in the same process. It must be made where the app is installed: the JVM accepts the archive
# only for the class path it was made with. _JAVA_OPTIONS comes after the launcher's options: its
# SharedArchiveFile (the runtime's own archive, the base) replaces the launcher's one, which is being made.
record_class_data() {
  rm -f "$cds_archive"
  if ! _JAVA_OPTIONS="-XX:SharedArchiveFile=$app/lib/runtime/lib/server/classes.jsa -XX:ArchiveClassesAtExit=$cds_archive" \
      "$here/fleetdesk" sim --self-test --devices 2000 --seed 1 >/dev/null 2>&1; then
    rm -f "$cds_archive"
    echo "Fleetdesk: no class-data archive recorded (fleetdesk-cli sim --self-test failed); commands start a little slower" >&2
  fi
}

links() { # one "source target" pair a line
  (cd "$here" && find applications metainfo icons -type f | sort) | while read -r file; do
    echo "$here/$file /usr/share/$file"
  done
  echo "$here/fleetdesk /usr/bin/fleetdesk"
  echo "$here/fleetdesk /usr/bin/fleetdesk-cli"
}

case "$1" in
  install)
    links | while read -r source target; do
      if [ -e "$target" ] && [ ! -L "$target" ]; then
        echo "Fleetdesk: $target belongs to something else, left as it is" >&2
        continue
      fi
      mkdir -p "$(dirname "$target")"
      ln -sfn "$source" "$target"
    done
    record_class_data
    ;;
  remove)
    links | while read -r source target; do
      if [ -L "$target" ] && [ "$(readlink "$target")" = "$source" ]; then
        rm -f "$target"
      fi
    done
    rm -f "$cds_archive"
    ;;
  *)
    echo "usage: $0 install|remove" >&2
    exit 2
    ;;
esac

# Refresh the icon cache only where one exists: creating it would leave a file behind after removal.
if [ -f /usr/share/icons/hicolor/icon-theme.cache ] && command -v gtk-update-icon-cache >/dev/null; then
  gtk-update-icon-cache --quiet --force /usr/share/icons/hicolor || true
fi
