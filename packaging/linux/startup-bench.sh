#!/usr/bin/env bash
# Startup benchmark, under Xvfb, of the app against an empty JavaFX window started the same way.
#
# The peer: packaging/linux/startup-baseline/EmptyWindow.java, an empty 1280x800 window, compiled
# here and started by the app's own bundled runtime with the app's own JVM options (collector, heap,
# native access) and, when the runtime is JDK 25+, an AOT cache of its own trained by one start, as
# the app's is. Each start is timed the same way: the shell notes the epoch milliseconds before it
# starts the launcher; the program prints "shown ... at-epoch-ms=N" from the first post-layout pulse
# in which its window is showing and (for the app, given a token file) the decoded token is in the
# scene, the pulse whose frame is then drawn (--exit-when-shown, ui/ShownProbe). The difference is
# launch to first frame with content. A marker from inside is used rather than polling the X server
# (xwininfo, xdotool), which sees a window mapped but not whether it shows anything yet.
#
# The two alternate (peer, app, peer, app, ...) after one unmeasured start of each; the script prints
# the medians and the median of the pairwise ratios app/peer. Then the idle resident memory: each is
# started with a token file (the app) and left alone until SETTLE seconds after its first frame, and
# its VmRSS read; alternating, median of IDLE_RUNS. Then the sizes of the .deb and of the install.
#
# Usage: packaging/linux/startup-bench.sh [-n RUNS] [APP_DIR ...]
#   APP_DIR: an installed app (default /opt/token-explorer, installed from app/target/dist first if
#   missing) or an app image (app/target/dist/token-explorer); several are measured in one run,
#   each alternating with the same peer (before/after comparisons).
# Environment: IDLE_RUNS (default 3), SETTLE (seconds, default 5).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=7
if [ "${1:-}" = "-n" ]; then runs=$2; shift 2; fi
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then runs=$1; shift; fi   # the old form: startup-bench.sh RUNS
idle_runs=${IDLE_RUNS:-3}
settle=${SETTLE:-5}
fixture="$root/app/src/test/resources/fixtures/seed-v1.24-projected-bound-pod.jwt"
apps=("$@")

if [ ${#apps[@]} -eq 0 ]; then
  apps=(/opt/token-explorer)
  if ! dpkg-query -W -f='${Status}' token-explorer 2>/dev/null | grep -q 'install ok installed'; then
    deb=$(ls "$root"/app/target/dist/token-explorer_*.deb 2>/dev/null | head -1 || true)
    [ -n "$deb" ] || { JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64} "$root/packaging/linux/build-installer.sh"; deb=$(ls "$root"/app/target/dist/token-explorer_*.deb); }
    mkdir -p /usr/share/applications /usr/share/desktop-directories /usr/share/icons/hicolor
    apt-get install -y -qq "$deb" >/dev/null
  fi
fi
for app in "${apps[@]}"; do
  [ -x "$app/bin/token-explorer" ] || { echo "no $app/bin/token-explorer" >&2; exit 1; }
done

# The peer, built for the first app's runtime, with that app's JVM options (its AOT cache left out).
first=${apps[0]}
runtime="$first/lib/runtime"
work=$(mktemp -d /tmp/startup-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
# Compiled for Java 17 against the build's JavaFX jars (any JDK's javac will do), or against the
# runtime itself with a javac as new as it.
javac=${JAVA_HOME:+$JAVA_HOME/bin/javac}
javac=${javac:-$(command -v javac)}
mkdir -p "$work/classes"
fx_jars=$(ls "$root"/app/target/lib/javafx-*-linux.jar 2>/dev/null | tr '\n' : || true)
if [ -n "$fx_jars" ]; then
  "$javac" -nowarn --release 17 -cp "$fx_jars" -d "$work/classes" "$root/packaging/linux/startup-baseline/EmptyWindow.java"
else
  "$javac" -nowarn --system "$runtime" --add-modules javafx.controls -d "$work/classes" "$root/packaging/linux/startup-baseline/EmptyWindow.java"
fi
"$runtime/bin/jar" --create --file "$work/empty.jar" -C "$work/classes" . 2>/dev/null \
  || (cd "$work/classes" && "${JAVA_HOME:-/usr}/bin/jar" --create --file "$work/empty.jar" .)
peer_options=()
while IFS= read -r line; do
  case "$line" in
    java-options=-XX:AOTCache=*|java-options=-Djpackage.*) ;;
    java-options=*) peer_options+=("${line#java-options=}") ;;
  esac
done < "$first/lib/app/token-explorer.cfg"
feature=$("$runtime/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
cat > "$work/empty-window" <<SCRIPT
#!/bin/sh
exec "$runtime/bin/java" -cp "$work/empty.jar" $(printf '"%s" ' "${peer_options[@]}") \$PEER_AOT EmptyWindow "\$@"
SCRIPT
chmod 755 "$work/empty-window"

export BENCH_APPS="${apps[*]}" BENCH_FIXTURE="$fixture" BENCH_RUNS="$runs" BENCH_IDLE_RUNS="$idle_runs" BENCH_SETTLE="$settle" BENCH_WORK="$work" BENCH_FEATURE="$feature"
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  set -euo pipefail
  peer="$BENCH_WORK/empty-window"
  if [ "$BENCH_FEATURE" -ge 25 ]; then
    PEER_AOT="-XX:AOTCacheOutput=$BENCH_WORK/empty.aot -Xlog:aot=error" "$peer" --exit-when-shown >/dev/null 2>&1
    export PEER_AOT="-XX:AOTCache=$BENCH_WORK/empty.aot"
  fi
  # One start: prints the milliseconds from launch to the "shown" marker.
  first_frame() {
    local start shown
    start=$(date +%s%3N)
    shown=$("$@" --exit-when-shown 2>/dev/null | sed -n "s/.*at-epoch-ms=//p")
    [ -n "$shown" ] || { echo "no first frame from $*" >&2; exit 1; }
    echo $((shown - start))
  }
  # One start left idle: the resident memory in MB, SETTLE seconds after the first frame.
  idle_rss() {
    local out="$BENCH_WORK/idle.out" pid rss
    "$@" --exit-when-shown=$(( (BENCH_SETTLE + 3) * 1000 )) > "$out" 2>/dev/null &
    pid=$!
    for _ in $(seq 1 300); do grep -q "at-epoch-ms" "$out" && break; sleep 0.1; done
    sleep "$BENCH_SETTLE"
    rss=$(awk "/VmRSS/ {print \$2}" /proc/$pid/status)
    wait $pid || true
    echo $(( rss / 1024 ))
  }
  median() { printf "%s\n" "$@" | sort -g | awk "{v[NR]=\$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}"; }
  ratio() { awk "BEGIN {printf \"%.2f\", $1 / $2}"; }
  read -r -a apps <<< "$BENCH_APPS"

  # Launch to first frame: one unmeasured start of each (file cache), then peer, app, peer, app, ...
  first_frame "$peer" >/dev/null
  for app in "${apps[@]}"; do first_frame "$app/bin/token-explorer" "$BENCH_FIXTURE" >/dev/null; done
  peer_ms=()
  declare -A app_ms ratios
  for i in $(seq 1 "$BENCH_RUNS"); do
    p=$(first_frame "$peer"); peer_ms+=("$p")
    for app in "${apps[@]}"; do
      a=$(first_frame "$app/bin/token-explorer" "$BENCH_FIXTURE")
      app_ms[$app]="${app_ms[$app]:-} $a"
      ratios[$app]="${ratios[$app]:-} $(ratio "$a" "$p")"
    done
  done
  echo "launch to first frame, median of $BENCH_RUNS (ms):"
  echo "  empty window            $(median "${peer_ms[@]}")   (runs: ${peer_ms[*]})"
  for app in "${apps[@]}"; do
    echo "  $app  $(median ${app_ms[$app]})   ratio to the empty window $(median ${ratios[$app]})   (runs:${app_ms[$app]})"
  done

  # Idle resident memory, alternating.
  peer_mb=()
  declare -A app_mb mb_ratios
  for i in $(seq 1 "$BENCH_IDLE_RUNS"); do
    p=$(idle_rss "$peer"); peer_mb+=("$p")
    for app in "${apps[@]}"; do
      a=$(idle_rss "$app/bin/token-explorer" "$BENCH_FIXTURE")
      app_mb[$app]="${app_mb[$app]:-} $a"
      mb_ratios[$app]="${mb_ratios[$app]:-} $(ratio "$a" "$p")"
    done
  done
  echo "idle resident memory ${BENCH_SETTLE} s after the first frame, median of $BENCH_IDLE_RUNS (MB):"
  echo "  empty window            $(median "${peer_mb[@]}")   (runs: ${peer_mb[*]})"
  for app in "${apps[@]}"; do
    echo "  $app  $(median ${app_mb[$app]})   ratio to the empty window $(median ${mb_ratios[$app]})   (runs:${app_mb[$app]})"
  done
' 2>&1 | sed "s|$work/empty-window|empty window|"

echo "sizes:"
for app in "${apps[@]}"; do
  if [ "$app" = /opt/token-explorer ]; then
    deb=$(ls "$root"/app/target/dist/token-explorer_*.deb 2>/dev/null | head -1 || true)
    [ -n "$deb" ] && echo "  .deb $(awk "BEGIN {printf \"%.1f\", $(stat -c %s "$deb") / 1048576}") MB ($deb)"
    echo "  installed $(( $(dpkg-query -W -f='${Installed-Size}' token-explorer) / 1024 )) MB"
  else
    echo "  $app: $(du -sm "$app" | cut -f1) MB unpacked"
    for deb in "$app"/../token-explorer_*.deb; do
      [ -f "$deb" ] && echo "  .deb $(awk "BEGIN {printf \"%.1f\", $(stat -c %s "$deb") / 1048576}") MB ($deb)"
    done
  fi
done
