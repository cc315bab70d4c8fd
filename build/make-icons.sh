#!/bin/sh
# Regenerates the app icons in resources/ from resources/icon.svg (offline): needs ImageMagick's
# `convert` and, for the macOS .icns, `png2icns` (Debian package icnsutils). Run from anywhere.
set -eu
cd "$(dirname "$0")/../resources"
mkdir -p icons
convert -background none -density 96 icon.svg -resize 1024x1024 -depth 8 -strip PNG32:icon.png
for size in 512 256 128 64 48 32 16; do
  convert icon.png -resize "${size}x${size}" -depth 8 -strip "PNG32:icons/${size}x${size}.png"
done
convert icons/256x256.png icons/128x128.png icons/64x64.png icons/48x48.png icons/32x32.png \
  icons/16x16.png icon.ico
if command -v png2icns >/dev/null 2>&1; then
  png2icns icon.icns icons/512x512.png icons/256x256.png icons/128x128.png icons/32x32.png \
    icons/16x16.png >/dev/null
else
  echo "png2icns not found: icon.icns left as it is (electron-builder can derive it from icon.png)"
fi
