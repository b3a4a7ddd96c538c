#!/usr/bin/env bash
# Builds the macOS installer (.dmg) with jpackage: an app bundle with a jlink'd runtime, class-data
# sharing trained by starting the app once (the AOT cache on JDK 25+), then the dmg.
# Usage: packaging/macos/build-installer.sh   (JAVA_HOME chooses the JDK; unsigned unless you add
# --mac-sign and --mac-signing-key-user-name to the dmg step)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/packaging/macos"
java_home=${JAVA_HOME:-$(/usr/libexec/java_home)}
jpackage="$java_home/bin/jpackage"
java="$java_home/bin/java"
feature=$("$java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
version=$(sed -n 's:.*<version>\([0-9][0-9.]*\)\(-SNAPSHOT\)\{0,1\}</version>.*:\1:p' "$root/pom.xml" | head -1)
target="$root/app/target"
dist="$target/dist"

[ -f "$target/token-explorer.jar" ] || (cd "$root" && mvn -q -B -pl app package -DskipTests)
rm -rf "$dist"
mkdir -p "$dist/input" "$dist/fx"
printf 'Implementation-Title: Token Explorer\nImplementation-Version: %s\n' "$version" > "$dist/manifest.txt"   # for --version
"$java_home/bin/jar" --create --file "$dist/input/token-explorer.jar" --manifest "$dist/manifest.txt" --main-class dev.tokenexplorer.Launcher -C "$target/classes" .
for jar in "$target"/lib/*.jar; do
  case "$(basename "$jar")" in
    javafx-*-mac*.jar) cp "$jar" "$dist/fx/" ;;
    javafx-*) ;;
    *) cp "$jar" "$dist/input/" ;;
  esac
done

modules="java.base,java.desktop,java.logging,java.prefs,jdk.unsupported,javafx.base,javafx.graphics,javafx.controls"   # no java.sql: see packaging/linux
"$java" --list-modules | grep -q '^jdk.crypto.ec@' && modules="$modules,jdk.crypto.ec"
jlink_options="--strip-debug --no-man-pages --no-header-files"
[ "$feature" -ge 25 ] || jlink_options="$jlink_options --generate-cds-archive"
# The collector (why: packaging/linux/build-installer.sh): G1 where the AOT cache can hold objects for it, else ZGC.
if [ "$feature" -ge 25 ]; then java_options=(-XX:+UseG1GC -XX:MaxGCPauseMillis=10); else java_options=(-XX:+UseZGC); fi
java_options+=(-Xms16m -Xmx2g -Xss1m)
if [ "$feature" -ge 21 ] && [ "$feature" -le 22 ]; then java_options+=(-XX:+ZGenerational); fi
[ "$feature" -ge 22 ] && java_options+=(--enable-native-access=javafx.graphics,ALL-UNNAMED)
[ "$feature" -ge 24 ] && java_options+=(--sun-misc-unsafe-memory-access=allow)
option_args=()
for option in "${java_options[@]}"; do option_args+=(--java-options "$option"); done
# token-explorer-cli: the commands for scripts, with the serial collector (see packaging/linux).
# C2 only for the signature arithmetic, JVM output off stdout (see packaging/common/cli-compiler-directives.json).
cli_options=(-XX:+UseSerialGC -Xmx2g -Xss1m -Xmn32m -XX:CompileThresholdScaling=0.5 -XX:+UnlockDiagnosticVMOptions -XX:-DisplayVMOutput -Xlog:disable -Xlog:all=warning:stderr)
[ "$feature" -ge 24 ] && cli_options+=(--sun-misc-unsafe-memory-access=allow)
printf 'java-options=%s\n' "${cli_options[*]}" > "$dist/token-explorer-cli.properties"
cp "$root/packaging/common/cli-compiler-directives.json" "$dist/input/"
common=(--name "Token Explorer" --app-version "$version" --vendor "Token Explorer"
        --description "Explains Kubernetes service account tokens, offline"
        --copyright "Copyright Token Explorer contributors")

"$jpackage" --type app-image "${common[@]}" \
  --input "$dist/input" --main-jar token-explorer.jar --main-class dev.tokenexplorer.Launcher \
  --module-path "$dist/fx" --add-modules "$modules" --jlink-options "$jlink_options" \
  --mac-package-identifier dev.tokenexplorer.app --mac-package-name "Token Explorer" \
  --mac-app-category public.app-category.developer-tools \
  --file-associations "$here/jwt.properties" --file-associations "$here/token.properties" \
  --icon "$root/icons/token-explorer.icns" "${option_args[@]}" \
  --add-launcher token-explorer-cli="$dist/token-explorer-cli.properties" --dest "$dist"
app="$dist/Token Explorer.app"
printf 'java-options=-XX:CompilerDirectivesFile=$APPDIR/cli-compiler-directives.json\n' >> "$app/Contents/app/token-explorer-cli.cfg"

if [ "$feature" -ge 25 ]; then
  JAVA_TOOL_OPTIONS="-XX:AOTCacheOutput=$app/Contents/app/token-explorer.aot" \
    "$app/Contents/MacOS/Token Explorer" --exit-when-shown "$root/app/src/test/resources/fixtures/seed-v1.24-projected-bound-pod.jwt" >/dev/null
  printf 'java-options=-XX:AOTCache=$APPDIR/token-explorer.aot\n' >> "$app/Contents/app/Token Explorer.cfg"
fi

"$jpackage" --type dmg "${common[@]}" --app-image "$app" \
  --mac-package-identifier dev.tokenexplorer.app \
  --icon "$root/icons/token-explorer.icns" --dest "$dist"
ls -l "$dist"/*.dmg
