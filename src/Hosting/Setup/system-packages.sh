#!/usr/bin/env bash
# Makes sure the Debian packages VideoHub needs are installed. Called by the build (see VideoHub.csproj and
# the test projects) with the package sets to check: "media" (ffmpeg, fonts), "browser" (chromium) and "node"
# (Node.js with npm, for the test that drives the local provider with the official openai npm package).
# As root it installs what is missing with apt-get; otherwise it says exactly what to install and fails.
set -euo pipefail

need=()
for set in "$@"; do
  case "$set" in
    media)
      command -v ffmpeg >/dev/null 2>&1 || need+=(ffmpeg)
      command -v ffprobe >/dev/null 2>&1 || need+=(ffmpeg)
      [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
      ;;
    browser)
      command -v chromium >/dev/null 2>&1 || [ -x "${CHROMIUM_PATH:-/nonexistent}" ] || need+=(chromium)
      ;;
    node)
      { command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; } || need+=(nodejs npm)
      ;;
    *) echo "system-packages.sh: unknown package set '$set'" >&2; exit 2 ;;
  esac
done
[ ${#need[@]} -eq 0 ] && exit 0
mapfile -t need < <(printf '%s\n' "${need[@]}" | sort -u)

if [ "$(id -u)" -ne 0 ]; then
  echo "VideoHub needs these Debian packages: ${need[*]}" >&2
  echo "Install them with:  sudo apt-get update && sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi

# Builds of several projects may run this at once; apt allows one at a time.
exec 9>/tmp/videohub-apt.lock
flock 9
echo "Installing ${need[*]} with apt-get (one time)..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "Installed ${need[*]}."
