#!/usr/bin/env bash
# Installs what Letopis needs on Debian or Ubuntu: the system libraries Qt uses, the fonts (and
# the colour emoji one for news posts, which packaging/letopis.spec puts into the bundle), Xvfb
# for the screenshot tests, then a virtual environment in .venv with pinned packages.
#   packaging/setup.sh          the application
#   packaging/setup.sh --test   the application and its test tools
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(
  python3-venv libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfreetype6 libfontconfig1 libdbus-1-3
  fonts-dejavu-core fonts-noto-color-emoji xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-image0
  libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxkbcommon-x11-0 libxcb-xinerama0 libxcb-randr0
)
# The validators of the Linux desktop files (tests/core/test_packaging.py).
[ "${1:-}" = "--test" ] && SYSTEM_PACKAGES+=(desktop-file-utils appstream)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for package in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
  done
fi
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing system packages: ${missing[*]}"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade "pip>=23"
target="."
[ "${1:-}" = "--test" ] && target=".[test]"
.venv/bin/python -m pip install --quiet --constraint constraints.txt -e "$target"
echo "Letopis is installed in .venv"
