#!/usr/bin/env bash
# Installer smoke test (run by .ci/run, as root on Debian): builds the .deb, installs it with
# apt-get, audits a Secret with the installed command-line launcher, starts the installed app under
# Xvfb with a token file to open, waits until the window shows the decoded token, saves a
# screenshot, and removes the package again.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dist="$root/app/target/dist"
fixture="$root/app/src/test/resources/fixtures/seed-v1.24-projected-bound-pod.jwt"

if ! command -v xvfb-run >/dev/null || ! command -v import >/dev/null; then
  apt-get install -y -qq --no-install-recommends xvfb xauth imagemagick >/dev/null
fi
if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64   # the AOT cache needs JDK 25
fi

"$root/packaging/linux/build-installer.sh"
deb=$(ls "$dist"/token-explorer_*.deb)

# xdg-utils' post-install steps expect the desktop folders a desktop machine has.
mkdir -p /usr/share/applications /usr/share/desktop-directories /usr/share/icons/hicolor
# A stand-in for the text editor a desktop has: with no default set, xdg-mime falls back to any
# application that lists a type, so the check below needs another one that would be chosen.
viewer=/usr/share/applications/smoke-text-viewer.desktop
printf '[Desktop Entry]\nType=Application\nName=Smoke text viewer\nExec=true %%f\nNoDisplay=true\nInitialPreference=1\nMimeType=%s\n' \
  'application/json;application/yaml;application/x-yaml;text/yaml;text/x-yaml;' > "$viewer"
apt-get install -y -qq "$deb" >/dev/null
trap 'apt-get remove -y -qq token-explorer >/dev/null 2>&1 || true; rm -f "$viewer"' EXIT
test -x /opt/token-explorer/bin/token-explorer
test -e /usr/share/applications/token-explorer-token-explorer.desktop || { echo "smoke test FAILED: no menu entry" >&2; exit 1; }
test ! -e /usr/share/applications/token-explorer-token-explorer-cli.desktop \
  || { echo "smoke test FAILED: the command-line launcher has a menu entry" >&2; exit 1; }
# Only .jwt and .token files become ours by default; YAML and JSON are offered under "Open with" only.
for mime in application/json application/yaml application/x-yaml text/yaml text/x-yaml; do
  case "$(xdg-mime query default "$mime" 2>/dev/null || true)" in
    *token-explorer*) echo "smoke test FAILED: installing made Token Explorer the default for $mime" >&2; exit 1 ;;
  esac
  if grep -q "^$mime=.*token-explorer" /usr/share/applications/defaults.list 2>/dev/null; then
    echo "smoke test FAILED: defaults.list names Token Explorer for $mime" >&2; exit 1
  fi
done
test "$(xdg-mime query default application/x-jwt)" = token-explorer-token-explorer.desktop \
  || { echo "smoke test FAILED: .jwt files do not open with Token Explorer by default" >&2; exit 1; }

# The command-line launcher: an audit of the seed Secret, as a script would run it.
secret="$root/app/src/test/resources/fixtures/seed-v1.24-explicit-sa-token-secret.yaml"
/opt/token-explorer/bin/token-explorer-cli audit --format csv "$secret" | tee "$dist/smoke-cli.csv"
grep -q '^default,explicit-sa-token,sa-token-demo,.*,legacy,' "$dist/smoke-cli.csv" \
  || { echo "smoke test FAILED: token-explorer-cli audit did not list the seed Secret" >&2; exit 1; }
/opt/token-explorer/bin/token-explorer-cli --version | grep -qx "token-explorer $(dpkg-deb -f "$deb" Version)" \
  || { echo "smoke test FAILED: token-explorer-cli --version does not name the package's version" >&2; exit 1; }
# stdout is data: nothing from the JVM (its compiler directives, warnings) may come before the header.
head -1 "$dist/smoke-cli.csv" | grep -q '^namespace,secret,service_account,' \
  || { echo "smoke test FAILED: token-explorer-cli printed something before the CSV header" >&2; exit 1; }

log="$dist/smoke.log"
shot="$dist/smoke-screenshot.png"
status=0
timeout 120 xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  /opt/token-explorer/bin/token-explorer --exit-when-shown=3000 "$1" > "$2" 2>&1 &
  app=$!
  for _ in $(seq 1 600); do
    grep -q "^shown" "$2" && break
    kill -0 $app 2>/dev/null || break
    sleep 0.1
  done
  if grep -q "^shown" "$2"; then sleep 1; import -window root "$3"; fi
  wait $app
' _ "$fixture" "$log" "$shot" || status=$?

cat "$log"
if [ "$status" -ne 0 ]; then
  echo "smoke test FAILED: the installed app exited with $status" >&2
  exit 1
fi
grep -q "^shown token bound-pod" "$log" || { echo "smoke test FAILED: the token was not shown" >&2; exit 1; }
test -s "$shot" || { echo "smoke test FAILED: no screenshot" >&2; exit 1; }

apt-get remove -y -qq token-explorer >/dev/null
rm -f "$viewer"
trap - EXIT
test ! -e /opt/token-explorer/bin/token-explorer || { echo "smoke test FAILED: removal left the app behind" >&2; exit 1; }
for list in /usr/share/applications/defaults.list /usr/share/applications/mimeapps.list "$HOME/.config/mimeapps.list" \
    "$HOME/.local/share/applications/defaults.list" "$HOME/.local/share/applications/mimeapps.list"; do
  if [ -f "$list" ] && grep -q token-explorer "$list"; then
    echo "smoke test FAILED: removal left Token Explorer in $list:" >&2; grep token-explorer "$list" >&2; exit 1
  fi
done
test -z "$(xdg-mime query default application/x-jwt 2>/dev/null | grep token-explorer || true)" \
  || { echo "smoke test FAILED: .jwt files still name the removed app" >&2; exit 1; }
echo "smoke test passed: installed, showed the decoded token, screenshot at $shot, removed"
