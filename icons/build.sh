#!/usr/bin/env bash
# Renders every icon from the one SVG source. The outputs are committed, so a build needs none of
# these tools; run this only after changing token-explorer.svg.
# Needs (Debian): apt-get install librsvg2-bin imagemagick icnsutils
set -euo pipefail
cd "$(dirname "$0")"

for tool in rsvg-convert convert png2icns; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install librsvg2-bin imagemagick icnsutils" >&2; exit 1; }
done

mkdir -p png
for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$size" -h "$size" token-explorer.svg -o "png/token-explorer-$size.png"
done

# Windows: one .ico with the sizes Explorer and the taskbar use.
convert png/token-explorer-{16,24,32,48,64,128,256}.png token-explorer.ico
# macOS: .icns with the sizes Finder and the Dock use.
png2icns token-explorer.icns png/token-explorer-{16,32,48,128,256,512,1024}.png >/dev/null

# The window icon: JavaFX picks the best size for the title bar, taskbar and switcher.
res=../app/src/main/resources/dev/tokenexplorer/ui/icons
mkdir -p "$res"
for size in 16 32 48 64 128 256; do
  cp "png/token-explorer-$size.png" "$res/"
done
echo "icons written"
