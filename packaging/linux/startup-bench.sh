#!/usr/bin/env bash
# Startup benchmark of the installed .deb, under Xvfb: median time from launch to the first frame
# that shows a decoded token (over RUNS launches, default 7), the .deb size, the installed size and
# the resident memory of the idle window. One line per figure.
# Usage: packaging/linux/startup-bench.sh [RUNS]   (builds and installs the .deb if it is not installed)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-7}
fixture="$root/app/src/test/resources/fixtures/seed-v1.24-projected-bound-pod.jwt"
deb=$(ls "$root"/app/target/dist/token-explorer_*.deb 2>/dev/null | head -1 || true)

if ! dpkg-query -W -f='${Status}' token-explorer 2>/dev/null | grep -q 'install ok installed'; then
  [ -n "$deb" ] || { JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64} "$root/packaging/linux/build-installer.sh"; deb=$(ls "$root"/app/target/dist/token-explorer_*.deb); }
  mkdir -p /usr/share/applications /usr/share/desktop-directories /usr/share/icons/hicolor
  apt-get install -y -qq "$deb" >/dev/null
fi

export BENCH_FIXTURE="$fixture" BENCH_RUNS="$runs"
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  times=()
  /opt/token-explorer/bin/token-explorer --exit-when-shown "$BENCH_FIXTURE" >/dev/null 2>&1   # warm the file cache
  for i in $(seq 1 "$BENCH_RUNS"); do
    start=$(date +%s%3N)
    shown=$(/opt/token-explorer/bin/token-explorer --exit-when-shown "$BENCH_FIXTURE" 2>/dev/null | sed -n "s/.*at-epoch-ms=//p")
    times+=($((shown - start)))
  done
  sorted=($(printf "%s\n" "${times[@]}" | sort -n))
  echo "launch-to-first-frame-median-ms ${sorted[$(( ${#sorted[@]} / 2 ))]} (runs: ${times[*]})"
  /opt/token-explorer/bin/token-explorer --exit-when-shown=8000 "$BENCH_FIXTURE" >/dev/null 2>&1 &
  app=$!
  sleep 6
  echo "idle-resident-memory-mb $(( $(awk "/VmRSS/ {print \$2}" /proc/$app/status) / 1024 ))"
  wait $app
'
[ -n "$deb" ] && echo "deb-size-mb $(awk "BEGIN {printf \"%.1f\", $(stat -c %s "$deb") / 1048576}")"
echo "installed-size-mb $(( $(dpkg-query -W -f='${Installed-Size}' token-explorer) / 1024 ))"
