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
#   missing) or an app image (app/target/dist/token-explorer); several are measured in one run, in
#   turn, each against a peer of its own (before/after comparisons). MB are MiB.
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

# The peer of each app: the empty window for that app's runtime, with that app's JVM options (its
# AOT cache left out, a cache of the peer's own trained below when the runtime is JDK 25+).
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
  "$javac" -nowarn --system "${apps[0]}/lib/runtime" --add-modules javafx.controls -d "$work/classes" "$root/packaging/linux/startup-baseline/EmptyWindow.java"
fi
(cd "$work/classes" && "${javac%/javac}/jar" --create --file "$work/empty.jar" .)
k=0
for app in "${apps[@]}"; do
  k=$((k + 1))
  runtime="$app/lib/runtime"
  peer_options=()
  while IFS= read -r line; do
    case "$line" in
      java-options=-XX:AOTCache=*|java-options=-Djpackage.*) ;;
      java-options=*) peer_options+=("${line#java-options=}") ;;
    esac
  done < "$app/lib/app/token-explorer.cfg"
  feature=$("$runtime/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  aot=""
  [ "$feature" -ge 25 ] && aot="-XX:AOTCache=$work/peer-$k.aot"
  cat > "$work/peer-$k" <<SCRIPT
#!/bin/sh
exec "$runtime/bin/java" -cp "$work/empty.jar" $(printf '"%s" ' "${peer_options[@]}") \${PEER_AOT-$aot} EmptyWindow "\$@"
SCRIPT
  chmod 755 "$work/peer-$k"
  echo "peer $k (for $app): $(printf '%s ' "${peer_options[@]}")${aot:+ and an AOT cache of its own}"
done

export BENCH_APPS="${apps[*]}" BENCH_FIXTURE="$fixture" BENCH_RUNS="$runs" BENCH_IDLE_RUNS="$idle_runs" BENCH_SETTLE="$settle" BENCH_WORK="$work"
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  set -euo pipefail
  read -r -a apps <<< "$BENCH_APPS"
  for k in $(seq 1 ${#apps[@]}); do   # train each peer once, as the app was at build time
    if grep -q AOTCache= "$BENCH_WORK/peer-$k"; then
      PEER_AOT="-XX:AOTCacheOutput=$BENCH_WORK/peer-$k.aot -Xlog:aot=error" "$BENCH_WORK/peer-$k" --exit-when-shown >/dev/null 2>&1
    fi
  done
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
  declare -A peer_ms app_ms ratios peer_mb app_mb mb_ratios

  # Launch to first frame: one unmeasured start of each (file cache), then peer, app, peer, app, ...
  for k in $(seq 1 ${#apps[@]}); do
    first_frame "$BENCH_WORK/peer-$k" >/dev/null
    first_frame "${apps[k-1]}/bin/token-explorer" "$BENCH_FIXTURE" >/dev/null
  done
  for i in $(seq 1 "$BENCH_RUNS"); do
    for k in $(seq 1 ${#apps[@]}); do
      p=$(first_frame "$BENCH_WORK/peer-$k")
      a=$(first_frame "${apps[k-1]}/bin/token-explorer" "$BENCH_FIXTURE")
      peer_ms[$k]="${peer_ms[$k]:-} $p"; app_ms[$k]="${app_ms[$k]:-} $a"; ratios[$k]="${ratios[$k]:-} $(ratio "$a" "$p")"
    done
  done
  # Idle resident memory, alternating the same way.
  for i in $(seq 1 "$BENCH_IDLE_RUNS"); do
    for k in $(seq 1 ${#apps[@]}); do
      p=$(idle_rss "$BENCH_WORK/peer-$k")
      a=$(idle_rss "${apps[k-1]}/bin/token-explorer" "$BENCH_FIXTURE")
      peer_mb[$k]="${peer_mb[$k]:-} $p"; app_mb[$k]="${app_mb[$k]:-} $a"; mb_ratios[$k]="${mb_ratios[$k]:-} $(ratio "$a" "$p")"
    done
  done
  for k in $(seq 1 ${#apps[@]}); do
    echo "${apps[k-1]}:"
    echo "  launch to first frame, median of $BENCH_RUNS: app $(median ${app_ms[$k]}) ms, empty window $(median ${peer_ms[$k]}) ms, ratio $(median ${ratios[$k]})"
    echo "    runs, app:${app_ms[$k]}; empty window:${peer_ms[$k]}"
    echo "  idle resident memory ${BENCH_SETTLE} s after the first frame, median of $BENCH_IDLE_RUNS: app $(median ${app_mb[$k]}) MB, empty window $(median ${peer_mb[$k]}) MB, ratio $(median ${mb_ratios[$k]})"
    echo "    runs, app:${app_mb[$k]}; empty window:${peer_mb[$k]}"
  done
'

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
