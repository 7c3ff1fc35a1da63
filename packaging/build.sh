#!/usr/bin/env bash
# Builds the one-folder desktop application with PyInstaller (packaging/letopis.spec), for the
# system it runs on: dist/letopis/ (and dist/Letopis.app on macOS).
#   packaging/build.sh           build (installs the `bundle` extra into .venv first)
#   packaging/build.sh --check   build, then check the result (packaging/check_bundle.py)
#   packaging/build.sh --check-only   check an existing dist/letopis
# LETOPIS_VENV=DIR uses another virtual environment than .venv (made by packaging/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

venv="${LETOPIS_VENV:-.venv}"
mode="${1:-}"
case "$mode" in
  ""|--check|--check-only) ;;
  *) echo "usage: packaging/build.sh [--check|--check-only]" >&2; exit 2 ;;
esac

if [ "$mode" != "--check-only" ]; then
  [ -x "$venv/bin/python" ] || packaging/setup.sh
  "$venv/bin/python" -m pip install --quiet --constraint constraints.txt -e ".[bundle]"
  started=$(date +%s)
  "$venv/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/letopis.spec
  # Linux desktop integration travels with the bundle: dist/letopis/share/install-desktop.sh
  if [ "$(uname -s)" = Linux ]; then
    rm -rf dist/letopis/share
    mkdir -p dist/letopis/share
    cp -r packaging/linux/. dist/letopis/share/
  fi
  echo "Built dist/letopis in $(($(date +%s) - started)) s, $(du -sh dist/letopis | cut -f1)"
fi

if [ -n "$mode" ]; then
  python="$venv/bin/python"
  [ -x "$python" ] || python=python3
  "$python" packaging/check_bundle.py dist/letopis
fi
