#!/usr/bin/env bash
# Builds Fleetdesk's macOS installer: a runtime made by jlink, the app bundle, then a .dmg in target/installer/.
#
#   installer/macos/build.sh [--skip-maven]
#
# It first runs `mvn -Pinstaller package` with tests skipped, unless --skip-maven says Maven has just done so (that
# is how `mvn -Pinstaller package` calls it). Needs a JDK 17 with its jmods (jlink, jpackage, jmod, jar: from
# JAVA_HOME, else the PATH) and Xcode's command line tools. The .dmg is for the Mac's own architecture.
#
# Signing and notarisation, each only when its variable is set:
#   MACOS_SIGNING_IDENTITY  "Developer ID Application: Name (TEAMID)" (or just "Name (TEAMID)"): jpackage signs the
#                           app with the hardened runtime, then the .dmg is signed too
#   MACOS_SIGNING_KEYCHAIN  the keychain that holds that identity, if not the default one
#   NOTARY_PROFILE          a notarytool keychain profile (xcrun notarytool store-credentials): the signed .dmg is
#                           notarised and the ticket stapled
set -euo pipefail
cd "$(dirname "$0")/../.."

die() { echo "installer/macos/build.sh: $*" >&2; exit 1; }

skip_maven=false
for arg in "$@"; do
  case "$arg" in
    --skip-maven) skip_maven=true ;;
    *) die "unknown argument '$arg'; usage: installer/macos/build.sh [--skip-maven]" ;;
  esac
done

jdk_bin=${JAVA_HOME:+$JAVA_HOME/bin/}
for tool in jlink jpackage jmod jar; do
  command -v "${jdk_bin}$tool" >/dev/null || die "${jdk_bin}$tool not found: install a JDK 17 (e.g. Temurin 17) or set JAVA_HOME"
done
jdk_home=$(cd "$(dirname "$(command -v "${jdk_bin}jpackage")")/.." && pwd -P)
[ -d "$jdk_home/jmods" ] || die "$jdk_home has no jmods folder, which jlink needs: use a full JDK 17"
if [ -n "${NOTARY_PROFILE:-}" ] && [ -z "${MACOS_SIGNING_IDENTITY:-}" ]; then
  die "NOTARY_PROFILE is set but MACOS_SIGNING_IDENTITY is not: Apple notarises signed apps only"
fi

started=$SECONDS
if [ "$skip_maven" = false ]; then
  mvn -B -ntp -Pinstaller -DskipTests -Dinstaller.skipScript=true package
fi

version=$(sed -n 's/^version=//p' target/classes/org/fleetdesk/version.properties 2>/dev/null || true)
[ -n "$version" ] || die "no version in target/classes/org/fleetdesk/version.properties: run mvn -Pinstaller package first"
# jpackage takes numbers only: 0.2.0-SNAPSHOT is packaged as 0.2.0.
app_version=${version%%-*}
# macOS wants a CFBundleVersion whose first number is above 0 (jpackage refuses 0.1.0): give it the version as one
# growing number, 0.1.0 -> 100, 1.2.3 -> 10203. Finder shows CFBundleShortVersionString, the real version.
IFS=. read -r major minor patch <<< "$app_version"
bundle_version=$((10#${major:-0} * 10000 + 10#${minor:-0} * 100 + 10#${patch:-0}))
[ "$bundle_version" -gt 0 ] || die "version $app_version cannot be a macOS bundle version"
work=target/jpackage
[ -f "target/fleetdesk-$version.jar" ] || die "target/fleetdesk-$version.jar is missing: run mvn -Pinstaller package first"
[ -f "$work/classpath.txt" ] || die "$work/classpath.txt is missing: run mvn -Pinstaller package first"

echo "== input: the app jar, its runtime dependencies and JavaFX's native libraries"
rm -rf "$work/input" "$work/runtime" "$work/image" "$work/macos-resources" "$work/jdk-templates"
mkdir -p "$work/input"
cp "target/fleetdesk-$version.jar" "$work/input/fleetdesk.jar"
tr ':' '\n' < "$work/classpath.txt" | while read -r jar || [ -n "$jar" ]; do
  # The javafx-* artifacts without a platform classifier are empty stubs; the -mac ones hold the classes.
  if [[ "$(basename "$jar")" =~ ^javafx-[a-z]+-[0-9][0-9.]*\.jar$ ]]; then continue; fi
  cp "$jar" "$work/input/"
done
# Beside the jars, jpackage signs them with the app; inside a jar they would be unpacked into the user's home.
(cd "$work/input" && for jar in javafx-*.jar; do
  "${jdk_bin}jar" tf "$jar" | { grep '\.dylib$' || true; } | xargs "${jdk_bin}jar" xf "$jar"
done)

echo "== Info.plist: jpackage's template plus Fleetdesk's keys"
"${jdk_bin}jmod" extract --dir "$work/jdk-templates" "$jdk_home/jmods/jdk.jpackage.jmod"
template=$work/jdk-templates/classes/jdk/jpackage/internal/resources/Info-lite.plist.template
[ -f "$template" ] || die "jpackage's Info.plist template is not where JDK 17 keeps it: $template"
mkdir -p "$work/macos-resources"
plist=$work/macos-resources/Info.plist
# Fleetdesk declares no file types; without the placeholder the template is plain plist XML that PlistBuddy edits.
sed 's/DEPLOY_FILE_ASSOCIATIONS//' "$template" > "$plist"
plist_set() { # key type value
  /usr/libexec/PlistBuddy -c "Set :$1 $3" "$plist" 2>/dev/null || /usr/libexec/PlistBuddy -c "Add :$1 $2 $3" "$plist"
}
plist_set CFBundleShortVersionString string "$app_version"
plist_set LSApplicationCategoryType string public.app-category.utilities
plist_set LSMinimumSystemVersion string 11.0
plist_set NSHighResolutionCapable bool true
plist_set NSSupportsAutomaticGraphicsSwitching bool true

echo "== runtime (jlink)"
# No --compress: the .dmg compresses better than jlink does.
modules=$(grep -v '^#' installer/jlink-modules.txt | grep . | paste -sd, -)
"${jdk_bin}jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --strip-native-commands \
  --output "$work/runtime"

signing=()
if [ -n "${MACOS_SIGNING_IDENTITY:-}" ]; then
  signing=(--mac-sign --mac-signing-key-user-name "${MACOS_SIGNING_IDENTITY#Developer ID Application: }")
  [ -n "${MACOS_SIGNING_KEYCHAIN:-}" ] && signing+=(--mac-signing-keychain "$MACOS_SIGNING_KEYCHAIN")
fi

echo "== app bundle"
"${jdk_bin}jpackage" @jpackage.cfg @installer/macos/macos.cfg --type app-image --app-version "$bundle_version" \
  --dest "$work/image" ${signing[@]+"${signing[@]}"}
reported=$("$work/image/Fleetdesk.app/Contents/MacOS/fleetdesk-cli" --version)
[ "$reported" = "fleetdesk $version" ] || die "the app bundle's fleetdesk-cli --version printed '$reported', not 'fleetdesk $version'"

echo "== dmg"
mkdir -p target/installer
rm -f "target/installer/Fleetdesk-$bundle_version.dmg" "target/installer/Fleetdesk-$app_version.dmg"
"${jdk_bin}jpackage" @jpackage.cfg @installer/macos/macos.cfg --type dmg --app-version "$bundle_version" \
  --dest target/installer ${signing[@]+"${signing[@]}"}
dmg=target/installer/Fleetdesk-$app_version.dmg
mv "target/installer/Fleetdesk-$bundle_version.dmg" "$dmg"

if [ -n "${MACOS_SIGNING_IDENTITY:-}" ]; then
  identity="Developer ID Application: ${MACOS_SIGNING_IDENTITY#Developer ID Application: }"
  codesign --sign "$identity" --timestamp ${MACOS_SIGNING_KEYCHAIN:+--keychain "$MACOS_SIGNING_KEYCHAIN"} "$dmg"
  codesign --verify --verbose "$dmg"
fi
if [ -n "${NOTARY_PROFILE:-}" ]; then
  echo "== notarisation"
  xcrun notarytool submit "$dmg" --keychain-profile "$NOTARY_PROFILE" --wait
  xcrun stapler staple "$dmg"
fi

echo "== done in $((SECONDS - started)) s"
ls -l "$dmg" | awk '{printf "%s  %.1f MB\n", $NF, $5 / 1048576}'
