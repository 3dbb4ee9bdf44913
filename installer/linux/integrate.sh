#!/bin/sh
# Links an installed Fleetdesk into the system, or takes the links away again:
#   integrate.sh install | remove
# The desktop entry, AppStream metadata and icons under this folder appear below /usr/share, and the commands
# fleetdesk (desktop app and CLI) and fleetdesk-cli below /usr/bin. The .deb's postinst/prerm and the .rpm's
# %post/%preun call it; jpackage's own menu integration needs xdg-utils and fails on systems without a menu folder.
set -e
here=$(dirname "$(readlink -f "$0")")
app=$(readlink -f "$here/../../..")

links() { # one "source target" pair a line
  (cd "$here" && find applications metainfo icons -type f | sort) | while read -r file; do
    echo "$here/$file /usr/share/$file"
  done
  echo "$app/bin/Fleetdesk /usr/bin/fleetdesk"
  echo "$app/bin/fleetdesk-cli /usr/bin/fleetdesk-cli"
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
    ;;
  remove)
    links | while read -r source target; do
      if [ -L "$target" ] && [ "$(readlink "$target")" = "$source" ]; then
        rm -f "$target"
      fi
    done
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
