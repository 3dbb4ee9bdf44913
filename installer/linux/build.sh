#!/usr/bin/env bash
# Builds Fleetdesk's Linux installers: a runtime made by jlink, the app image, then a .deb and an .rpm in
# target/installer/.
#
#   installer/linux/build.sh [--skip-maven] [deb] [rpm]
#
# Without a type it builds the .deb, and the .rpm too where rpmbuild is installed (Debian/Ubuntu: apt-get install
# rpm). It first runs `mvn -Pinstaller package` with tests skipped, unless --skip-maven says Maven has just done so
# (that is how `mvn -Pinstaller package` calls it). Needs a JDK 17 with its jmods (jlink, jpackage, jmod: from
# JAVA_HOME, else the PATH), and dpkg-deb and fakeroot for the .deb.
set -euo pipefail
cd "$(dirname "$0")/../.."

die() { echo "installer/linux/build.sh: $*" >&2; exit 1; }

skip_maven=false
types=()
for arg in "$@"; do
  case "$arg" in
    --skip-maven) skip_maven=true ;;
    deb | rpm) types+=("$arg") ;;
    *) die "unknown argument '$arg'; usage: installer/linux/build.sh [--skip-maven] [deb] [rpm]" ;;
  esac
done
if [ ${#types[@]} -eq 0 ]; then
  types=(deb)
  if command -v rpmbuild >/dev/null; then
    types+=(rpm)
  else
    echo "rpmbuild not found: building the .deb only (apt-get install rpm, or dnf install rpm-build, adds the .rpm)"
  fi
fi

jdk_bin=${JAVA_HOME:+$JAVA_HOME/bin/}
for tool in jlink jpackage jmod jar; do
  command -v "${jdk_bin}$tool" >/dev/null || die "${jdk_bin}$tool not found: install a JDK 17 (e.g. apt-get install openjdk-17-jdk-headless) or set JAVA_HOME"
done
jdk_home=$(dirname "$(dirname "$(readlink -f "$(command -v "${jdk_bin}jpackage")")")")
[ -d "$jdk_home/jmods" ] || die "$jdk_home has no jmods folder, which jlink needs: use a full JDK 17"
for type in "${types[@]}"; do
  case "$type" in
    deb) for tool in dpkg-deb fakeroot; do command -v $tool >/dev/null || die "the .deb needs $tool (apt-get install $tool)"; done ;;
    rpm) command -v rpmbuild >/dev/null || die "the .rpm needs rpmbuild (apt-get install rpm, or dnf install rpm-build)" ;;
  esac
done

started=$SECONDS
if [ "$skip_maven" = false ]; then
  mvn -B -ntp -Pinstaller -DskipTests -Dinstaller.skipScript=true package
fi

version=$(sed -n 's/^version=//p' target/classes/org/fleetdesk/version.properties 2>/dev/null || true)
[ -n "$version" ] || die "no version in target/classes/org/fleetdesk/version.properties: run mvn -Pinstaller package first"
# jpackage takes numbers only: 0.2.0-SNAPSHOT is packaged as 0.2.0.
app_version=${version%%-*}
work=target/jpackage
[ -f "target/fleetdesk-$version.jar" ] || die "target/fleetdesk-$version.jar is missing: run mvn -Pinstaller package first"
[ -f "$work/classpath.txt" ] || die "$work/classpath.txt is missing: run mvn -Pinstaller package first"
grep -q "version=\"$app_version\"" installer/linux/org.fleetdesk.Fleetdesk.metainfo.xml \
  || echo "warning: installer/linux/org.fleetdesk.Fleetdesk.metainfo.xml has no <release version=\"$app_version\">: add one"

echo "== input: the app jar, its runtime dependencies and JavaFX's native libraries"
rm -rf "$work/input" "$work/runtime" "$work/image" "$work/linux-resources" "$work/jdk-templates"
mkdir -p "$work/input"
cp "target/fleetdesk-$version.jar" "$work/input/fleetdesk.jar"
tr ':' '\n' < "$work/classpath.txt" | while read -r jar || [ -n "$jar" ]; do
  # The javafx-* artifacts without a platform classifier are empty stubs; the -linux ones hold the classes.
  if [[ "$(basename "$jar")" =~ ^javafx-[a-z]+-[0-9][0-9.]*\.jar$ ]]; then continue; fi
  cp "$jar" "$work/input/"
done
(cd "$work/input" && for jar in javafx-*.jar; do
  "${jdk_bin}jar" tf "$jar" | { grep '\.so$' || true; } | xargs -r "${jdk_bin}jar" xf "$jar"
done)

desktop=$work/input/desktop
install -D -m 644 installer/linux/org.fleetdesk.Fleetdesk.desktop "$desktop/applications/org.fleetdesk.Fleetdesk.desktop"
install -D -m 644 installer/linux/org.fleetdesk.Fleetdesk.metainfo.xml "$desktop/metainfo/org.fleetdesk.Fleetdesk.metainfo.xml"
for size in 16 24 32 48 64 128 256 512; do
  install -D -m 644 "icons/png/fleetdesk-$size.png" "$desktop/icons/hicolor/${size}x$size/apps/org.fleetdesk.Fleetdesk.png"
done
install -D -m 644 icons/fleetdesk.svg "$desktop/icons/hicolor/scalable/apps/org.fleetdesk.Fleetdesk.svg"
install -m 755 installer/linux/integrate.sh "$desktop/integrate.sh"
install -m 755 installer/linux/fleetdesk "$desktop/fleetdesk"

echo "== runtime (jlink)"
# No --compress: the package compresses better than jlink does (.deb 58 MB instead of 76 MB).
# --generate-cds-archive: the runtime's own class-data archive (lib/server/classes.jsa), which the archive of
# fleetdesk-cli's classes that integrate.sh records at install time builds on. It runs the image's bin/java, so the
# native commands stay.
modules=$(grep -v '^#' installer/jlink-modules.txt | grep . | paste -sd, -)
"${jdk_bin}jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --generate-cds-archive \
  --output "$work/runtime"
[ -f "$work/runtime/lib/server/classes.jsa" ] || die "jlink made no class-data archive (lib/server/classes.jsa)"

echo "== app image"
"${jdk_bin}jpackage" @jpackage.cfg --type app-image --app-version "$app_version" \
  --dest "$work/image"
reported=$("$work/image/Fleetdesk/bin/fleetdesk-cli" --version)
[ "$reported" = "fleetdesk $version" ] || die "the app image's fleetdesk-cli --version printed '$reported', not 'fleetdesk $version'"

echo "== package scripts: jpackage's templates plus integrate.sh"
"${jdk_bin}jmod" extract --dir "$work/jdk-templates" "$jdk_home/jmods/jdk.jpackage.jmod"
templates=$work/jdk-templates/classes/jdk/jpackage/internal/resources
integrate=/opt/fleetdesk/lib/app/desktop/integrate.sh
resources=$work/linux-resources
mkdir -p "$resources"
sed "s|^DESKTOP_COMMANDS_INSTALL\$|&\n$integrate install|" "$templates/template.postinst" > "$resources/postinst"
sed "s|^DESKTOP_COMMANDS_UNINSTALL\$|&\n$integrate remove|" "$templates/template.prerm" > "$resources/prerm"
# rpm runs the old package's %preun after the new one's %post on an upgrade: only a removal ($1 = 0) unlinks.
# Where rpm knows no "filesystem" package (a Debian build host), the template's fallback list is one line, so the
# package would claim /opt and /usr: split it.
sed -e "s|^DESKTOP_COMMANDS_INSTALL\$|&\n$integrate install|" \
    -e "s|^DESKTOP_COMMANDS_UNINSTALL\$|&\nif [ \"\$1\" = 0 ]; then $integrate remove; fi|" \
    -e "s/|| echo %{default_filesystem};/|| echo %{default_filesystem} \| tr ' ' '\\\\n';/" \
    "$templates/template.spec" > "$resources/fleetdesk.spec"
for file in postinst prerm fleetdesk.spec; do
  grep -q integrate.sh "$resources/$file" || die "jpackage's template for $file has changed: integrate.sh not added"
done

mkdir -p target/installer
for type in "${types[@]}"; do
  echo "== $type"
  deps=libgtk-3-0
  [ "$type" = rpm ] && deps=gtk3
  rm -f target/installer/fleetdesk[-_]"$app_version"-*."$type"
  "${jdk_bin}jpackage" @jpackage.cfg @installer/linux/linux.cfg --type "$type" --app-version "$app_version" \
    --linux-package-deps "$deps" --dest target/installer
done

echo "== done in $((SECONDS - started)) s"
for type in "${types[@]}"; do
  ls -l target/installer/fleetdesk[-_]"$app_version"-*."$type" | awk '{printf "%s  %.1f MB\n", $NF, $5 / 1048576}'
done
