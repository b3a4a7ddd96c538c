#!/usr/bin/env bash
# Builds the Linux installers with jpackage:
#   1. an app image: the app's jars and a jlink'd runtime holding only the modules it needs;
#   2. class-data sharing trained on that image by starting the app once (the AOT cache on JDK 25+,
#      the runtime's own CDS archive on older JDKs); the command-line launcher token-explorer-cli
#      gets a cache of its own, trained on an audit of a generated 1,000-Secret dump;
#   3. a .deb (and with --rpm an .rpm, which needs rpmbuild) from the trained image.
# Output: app/target/dist/. Usage: packaging/linux/build-installer.sh [--rpm]
# JAVA_HOME chooses the JDK that packages (Temurin 25 gives the fastest start).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/packaging/linux"
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
jpackage="$java_home/bin/jpackage"
java="$java_home/bin/java"
[ -x "$jpackage" ] || { echo "no jpackage in $java_home: set JAVA_HOME to a JDK 17 or newer" >&2; exit 1; }

feature=$("$java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
version=$(sed -n 's:.*<version>\([0-9][0-9.]*\)\(-SNAPSHOT\)\{0,1\}</version>.*:\1:p' "$root/pom.xml" | head -1)
target="$root/app/target"
dist="$target/dist"

if [ ! -f "$target/token-explorer.jar" ]; then
  (cd "$root" && mvn -q -B -ntp -pl app package -DskipTests)
fi

rm -rf "$dist"
mkdir -p "$dist/input" "$dist/fx"
# The installed jar carries no manifest Class-Path (the lib/ of a source build): stale entries
# would make the JVM reject the AOT cache ("shared class paths mismatch").
printf 'Implementation-Title: Token Explorer\nImplementation-Version: %s\n' "$version" > "$dist/manifest.txt"   # for --version
# The jars are stored uncompressed: the package's xz compresses their classes far better than zip
# does (the .deb shrinks by ~2 MB), and nothing is inflated when a class loads.
"$java_home/bin/jar" --create --no-compress --file "$dist/input/token-explorer.jar" --manifest "$dist/manifest.txt" --main-class dev.tokenexplorer.Launcher -C "$target/classes" .
for jar in "$target"/lib/*.jar; do
  case "$(basename "$jar")" in
    javafx-*-linux.jar) cp "$jar" "$dist/fx/" ;;   # JavaFX goes into the runtime as modules
    javafx-*) ;;                                    # the empty platform-neutral JavaFX jars
    *) rm -rf "$dist/unpacked" && mkdir -p "$dist/unpacked"
       (cd "$dist/unpacked" && "$java_home/bin/jar" --extract --file "$jar")
       # AtlantaFX's stylesheets: the window sets its own trimmed copies of Primer Light and Dark
       # (ui/support/Theme, written at build time), never these.
       rm -f "$dist"/unpacked/atlantafx/base/theme/*.{css,bss}
       "$java_home/bin/jar" --create --no-compress --no-manifest --file "$dist/input/$(basename "$jar")" -C "$dist/unpacked" . ;;
  esac
done
rm -rf "$dist/unpacked"

# No java.sql: Jackson names it optional (requires static) and loads its java.sql handlers by name
# only for java.sql types, which nothing here reads or writes.
modules="java.base,java.desktop,java.logging,java.prefs,jdk.unsupported,javafx.base,javafx.graphics,javafx.controls"
if "$java" --list-modules | grep -q '^jdk.crypto.ec@'; then
  modules="$modules,jdk.crypto.ec"                 # EC signatures live there before JDK 22
fi
# The window's collector must not stop it while it draws: reading a 10 MB dump keeps ~150 MB alive,
# and copying that in one pause stopped the window for up to 0.8 s with the serial collector.
# JDK 25+: G1 with a 10 ms pause goal, because on JDK 25 an AOT cache holds Java objects (the module
# graph, the linked lambdas of JavaFX and the app) only for G1, Serial and Parallel: with them the
# window starts in ~0.7x the time and idles in ~70 % of the memory of a ZGC start, and its frame gaps
# (ResponsivenessTest on JDK 25) stay those of ZGC. Older JDKs have no AOT cache to gain from: ZGC,
# which collects while the window draws. JDK 26 caches objects for ZGC too (JEP 516). A small
# initial heap keeps the idle footprint down; 2 GB is room for auditing large cluster dumps. The
# tests and `mvn javafx:run` use the same collector (app/pom.xml).
if [ "$feature" -ge 25 ]; then
  java_options=(-XX:+UseG1GC -XX:MaxGCPauseMillis=10)
else
  java_options=(-XX:+UseZGC)
fi
java_options+=(-Xms16m -Xmx2g -Xss1m)
if [ "$feature" -ge 21 ] && [ "$feature" -le 22 ]; then
  java_options+=(-XX:+ZGenerational)   # the default from JDK 23
fi
if [ "$feature" -ge 22 ]; then
  java_options+=(--enable-native-access=javafx.graphics,ALL-UNNAMED)
fi
if [ "$feature" -ge 24 ]; then
  java_options+=(--sun-misc-unsafe-memory-access=allow)   # JavaFX 21's Marlin renderer still uses it
fi
option_args=()
for option in "${java_options[@]}"; do option_args+=(--java-options "$option"); done

# token-explorer-cli: the same commands for scripts, tuned for short runs that end with the JVM:
# the serial collector (no collector threads to start, no concurrent work competing with the
# audit's checkers) and, on JDK 25+, an AOT cache that starts it with the audit's classes loaded and
# its methods profiled. The window's launcher runs the commands too, with the window's collector.
cli_options=(-XX:+UseSerialGC -Xmx2g -Xss1m)   # no small initial heap: a large audit would grow it pause by pause
# A small young generation (32 MB) is reused after each collection instead of touching ~100 MB of
# fresh pages the kernel must zero, and with C2 kept to the signature arithmetic (below) C1 may
# compile earlier (half the usual thresholds) at little cost: 10,000 Secrets, JSON, --key,
# 1.78 s -> 1.47 s (median of 7, installed).
cli_options+=(-Xmn32m -XX:CompileThresholdScaling=0.5)
# Only the signature arithmetic is compiled by C2 (packaging/common/cli-compiler-directives.json
# says why); loading directives at start is a diagnostic option, and the JVM's "N compiler
# directives added" would land in the command's output without -DisplayVMOutput. JVM warnings go
# to stderr, never into CSV or JSON on stdout. Transparent huge pages: a 10,000-Secret audit
# touches ~200 MB of fresh heap, and 50,000 page faults cost this VM 0.3-0.5 s of system time.
cli_options+=(-XX:+UnlockDiagnosticVMOptions '-XX:CompilerDirectivesFile=$APPDIR/cli-compiler-directives.json'
              -XX:-DisplayVMOutput -Xlog:disable -Xlog:all=warning:stderr -XX:+UseTransparentHugePages)
cp "$root/packaging/common/cli-compiler-directives.json" "$dist/input/"
[ "$feature" -ge 24 ] && cli_options+=(--sun-misc-unsafe-memory-access=allow)
printf 'java-options=%s\nlinux-shortcut=false\n' "${cli_options[*]}" > "$dist/token-explorer-cli.properties"

# The AOT cache (JDK 25+) holds the JDK's classes too; older JDKs get the runtime's own CDS archive.
jlink_options="--strip-debug --no-man-pages --no-header-files"
[ "$feature" -ge 25 ] || jlink_options="$jlink_options --generate-cds-archive"

common=(--name token-explorer --app-version "$version" --vendor "Token Explorer"
        --description "Explains Kubernetes service account tokens, offline"
        --copyright "Copyright Token Explorer contributors")

echo "== app image (JDK $feature)"
"$jpackage" --type app-image "${common[@]}" \
  --input "$dist/input" --main-jar token-explorer.jar --main-class dev.tokenexplorer.Launcher \
  --module-path "$dist/fx" --add-modules "$modules" \
  --jlink-options "$jlink_options" \
  --icon "$root/icons/png/token-explorer-256.png" \
  "${option_args[@]}" --add-launcher token-explorer-cli="$dist/token-explorer-cli.properties" --dest "$dist"
image="$dist/token-explorer"
cfg="$image/lib/app/token-explorer.cfg"

# jpackage's Linux launcher asks rpm and dpkg which package owns it on every start (four to six
# processes, 0.4-0.5 s on the CI machine) before Java starts. So each launcher is replaced by a
# shell script that starts the bundled runtime with exactly its launcher's configuration
# (lib/app/NAME.cfg), as jpackage's launcher would: same class path, options and app-path property.
write_launcher_script() {
  local name=$1 classpath="" main="" options="" line
  while IFS= read -r line; do
    case "$line" in
      app.classpath=*) classpath="${classpath:+$classpath:}${line#app.classpath=}" ;;
      app.mainclass=*) main="${line#app.mainclass=}" ;;
      java-options=*) options="$options \"${line#java-options=}\"" ;;
    esac
  done < "$image/lib/app/$name.cfg"
  cat > "$image/bin/$name" <<SCRIPT
#!/bin/sh
# Token Explorer's $name launcher. Generated by packaging/linux/build-installer.sh from
# lib/app/$name.cfg: it starts the bundled runtime directly, without jpackage's launcher,
# which would first ask rpm and dpkg which package owns it (0.4 s on every start).
self=\$(readlink -f "\$0")
APPDIR=\$(cd "\$(dirname "\$self")/../lib/app" && pwd)
exec "\$APPDIR/../runtime/bin/java" -cp "$classpath"$options "-Djpackage.app-path=\$self" $main "\$@"
SCRIPT
  chmod 755 "$image/bin/$name"
}
write_launcher_script token-explorer
write_launcher_script token-explorer-cli

# Native libraries without their symbol tables (libjvm.so: 29.8 MB -> 24.8 MB; the JVM's own
# diagnostics keep the dynamic symbols). Before training, so that the cache meets the runtime it runs on.
if command -v strip >/dev/null; then
  find "$image/lib/runtime/lib" -name '*.so' -exec strip --strip-unneeded {} +
fi
# java.desktop is in the runtime for its classes (javafx.base requires it for java.beans; jlink keeps
# a module whole), but its native libraries are never loaded: JavaFX draws, decodes images and shapes
# text with its own and the system's FreeType, and nothing here starts AWT, Java2D or Java Sound
# (ArchitectureTest.nothingNeedsTheNativeLibrariesOfJavaDesktop; JavaFX uses Java2D only to print):
# 5.8 MB, ~1.8 MB of the .deb. And jpackage's launcher library, which the launcher scripts replace.
# Nothing here goes online (ArchitectureTest.nothingGoesOverTheNetwork), so the TLS trust store and
# the public-suffix list (cookies, TLS host names) go too, as do jrt-fs.jar (for other JDKs' tools
# reading this runtime) and classlist (for -Xshare:dump): ~0.3 MB of the .deb.
rm -f "$image"/lib/runtime/lib/lib{awt,awt_headless,awt_xawt,fontmanager,freetype,javajpeg,jawt,jsound,lcms,mlib_image,splashscreen}.so \
  "$image/lib/libapplauncher.so" "$image"/lib/runtime/lib/security/{cacerts,public_suffix_list.dat} \
  "$image/lib/runtime/lib/jrt-fs.jar" "$image/lib/runtime/lib/classlist"

echo "== training class-data sharing"
# -Xlog:aot=error: the JVM that writes a cache names, with a warning each, the classes it leaves out
# (~200 lines): picocli's (compiled for Java 5: a linked class that old cannot be stored), JFR's
# event classes and dynamic proxies. They load from their jars as they would without a cache.
fixture="$root/app/src/test/resources/fixtures/seed-v1.24-projected-bound-pod.jwt"
train() {
  # A start with a token to show: the classes a real start loads. Without a display, the CLI's.
  if command -v xvfb-run >/dev/null; then
    xvfb-run -a -s "-screen 0 1280x800x24" env JAVA_TOOL_OPTIONS="$1" "$image/bin/token-explorer" --exit-when-shown "$fixture" >/dev/null
  else
    JAVA_TOOL_OPTIONS="$1" "$image/bin/token-explorer" inspect "$fixture" >/dev/null
  fi
}
train_cli() {
  # The audit the benchmark times, on 1,000 Secrets signed with Kubernetes' test key (test code
  # writes them), JSON and YAML, verified; then an inspect.
  local dumps="$dist/training"
  [ -f "$target/test-classes/dev/tokenexplorer/support/ClusterDump.class" ] || (cd "$root" && mvn -q -B -ntp -pl app test-compile)
  "$java" -cp "$target/test-classes:$dist/input/*" dev.tokenexplorer.support.ClusterDump "$dumps" 1000
  # The launcher's own -Xlog:all=warning:stderr comes after JAVA_TOOL_OPTIONS' -Xlog:aot=error and
  # wins, so those warnings are taken out of its stderr here.
  JAVA_TOOL_OPTIONS="$1" "$image/bin/token-explorer-cli" audit --format csv \
    --key "$root/app/src/test/resources/fixtures/kubernetes-test-keys/rsa_public.pem" "$dumps/secrets.json" "$dumps/secrets.yaml" \
    2> >(grep -v '\[warning\]\[aot\] Skipping ' >&2) >/dev/null
  rm -rf "$dumps"
}
if [ "$feature" -ge 25 ]; then
  train "-XX:AOTCacheOutput=$image/lib/app/token-explorer.aot -Xlog:aot=error"
  printf 'java-options=-XX:AOTCache=$APPDIR/token-explorer.aot\n' >> "$cfg"
  write_launcher_script token-explorer
  echo "AOT cache: $(du -h "$image/lib/app/token-explorer.aot" | cut -f1)"
  train_cli "-XX:AOTCacheOutput=$image/lib/app/token-explorer-cli.aot -Xlog:aot=error"
  printf 'java-options=-XX:AOTCache=$APPDIR/token-explorer-cli.aot\n' >> "$image/lib/app/token-explorer-cli.cfg"
  write_launcher_script token-explorer-cli
  echo "command-line AOT cache: $(du -h "$image/lib/app/token-explorer-cli.aot" | cut -f1)"
else
  echo "JDK $feature: the runtime's CDS archive (jlink --generate-cds-archive) speeds the start; the AOT cache needs JDK 25"
fi

echo "== deb"
"$jpackage" --type deb "${common[@]}" --app-image "$image" \
  --icon "$root/icons/png/token-explorer-256.png" \
  --resource-dir "$here/resources" \
  --file-associations "$here/jwt.properties" --file-associations "$here/token.properties" \
  --linux-package-name token-explorer --linux-deb-maintainer "maintainers@tokenexplorer.dev" \
  --linux-menu-group "Development" --linux-app-category devel --linux-shortcut \
  --linux-package-deps "libgtk-3-0, libxtst6" \
  --dest "$dist"

# The .deb as jpackage wrote it, mended: jpackage gives token-explorer-cli a menu entry despite
# linux-shortcut=false (a command-line tool has nothing to show), and its copy into the package
# resets the jars' modification times, which must match the AOT cache's.
deb=$(ls "$dist"/token-explorer_*.deb)
work="$dist/deb-root"
rm -rf "$work"
dpkg-deb -R "$deb" "$work"
for jar in "$image"/lib/app/*.jar; do
  touch -r "$jar" "$work/opt/token-explorer/lib/app/$(basename "$jar")"
done
rm -f "$work/opt/token-explorer/lib/token-explorer-token-explorer-cli.desktop" "$work/opt/token-explorer/lib/token-explorer-cli.png"
sed -i '/token-explorer-token-explorer-cli\.desktop/d' "$work/DEBIAN/postinst" "$work/DEBIAN/prerm"
# xdg-desktop-menu install (jpackage's post-install step) writes every MIME type of the desktop file
# into defaults.list, YAML and JSON too. Only .jwt and .token files become ours by default; YAML
# and JSON stay under "Open with", so the post-install step takes them out again.
sed -i '/^exit 0$/i\
if [ "$1" = configure ]; then\
  for list in /usr/share/applications/defaults.list /usr/local/share/applications/defaults.list; do\
    [ -f "$list" ] || continue\
    sed -i -E -e "/^(application\\/json|application\\/yaml|application\\/x-yaml|text\\/yaml|text\\/x-yaml)=/s/token-explorer-token-explorer\\.desktop;?//g" \\\
      -e "/^[^=[]*=;*$/d" "$list"\
  done\
fi' "$work/DEBIAN/postinst"
# Removal takes the app out of every defaults list it may be in (those of earlier packages too).
sed -i '/^exit 0$/i\
if [ "$1" = remove ]; then\
  for list in /usr/share/applications/defaults.list /usr/share/applications/mimeapps.list \\\
      /usr/local/share/applications/defaults.list /usr/local/share/applications/mimeapps.list /etc/xdg/mimeapps.list \\\
      "${HOME:-/root}/.config/mimeapps.list" "${HOME:-/root}/.local/share/applications/defaults.list" \\\
      "${HOME:-/root}/.local/share/applications/mimeapps.list"; do\
    [ -f "$list" ] || continue\
    sed -i -e "s/token-explorer-token-explorer\\.desktop;\\{0,1\\}//g" -e "/^[^=[]*=;*$/d" "$list"\
  done\
fi' "$work/DEBIAN/prerm"
if [ -f "$work/DEBIAN/md5sums" ]; then
  sed -i '/token-explorer-cli\.png\|token-explorer-token-explorer-cli\.desktop/d' "$work/DEBIAN/md5sums"
fi
# xz -9 with its extreme strategy and a 128 MB window (dpkg-deb's own xz stops at 64 MB), which
# finds what the two AOT caches and the runtime's class data repeat of each other across the whole
# package, and with positions aligned to 8 bytes (pb=3, lp=3, lc=1), the width of the caches'
# fields (README, Installers, says what each bought). Installing it takes ~130 MB of memory.
fakeroot dpkg-deb -Znone --build "$work" "$deb" >/dev/null
rm -rf "$work" && mkdir "$work"
(cd "$work" && ar x "$deb" && xz -9e -T1 control.tar && xz -T1 --lzma2=preset=9e,dict=128MiB,lc=1,lp=3,pb=3 data.tar \
  && rm "$deb" && ar rc "$deb" debian-binary control.tar.xz data.tar.xz)
rm -rf "$work"

if [ "${1:-}" = "--rpm" ]; then
  echo "== rpm"
  "$jpackage" --type rpm "${common[@]}" --app-image "$image" \
    --icon "$root/icons/png/token-explorer-256.png" \
    --resource-dir "$here/resources" \
    --file-associations "$here/jwt.properties" --file-associations "$here/token.properties" \
    --linux-package-name token-explorer --linux-rpm-license-type "Apache-2.0" \
    --linux-menu-group "Development" --linux-app-category "Development/Tools" --linux-shortcut \
    --linux-package-deps "gtk3, libXtst" \
    --dest "$dist"
fi
ls -l "$dist"/*.deb "$dist"/*.rpm 2>/dev/null || true
