#!/usr/bin/env bash
# Puts Letopis in the desktop's menus: the .desktop entry, the icons and the AppStream metadata,
# in the XDG places of the current user (~/.local/share unless XDG_DATA_HOME says otherwise).
#   install-desktop.sh                  from a source checkout (runs .venv/bin/letopis) or from
#                                       a built bundle's share/ folder (runs the bundle's letopis)
#   install-desktop.sh --exec PATH      the program the menu entry starts
#   install-desktop.sh --prefix DIR     another data folder, e.g. /usr/local/share for all users
#   install-desktop.sh --uninstall      remove what an install put there
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
prefix="${XDG_DATA_HOME:-$HOME/.local/share}"
program=""
uninstall=false
while (($#)); do
  case "$1" in
    --exec) program="${2:?--exec takes a path}"; shift 2 ;;
    --prefix) prefix="${2:?--prefix takes a folder}"; shift 2 ;;
    --uninstall) uninstall=true; shift ;;
    *) echo "usage: install-desktop.sh [--exec PATH] [--prefix DIR] [--uninstall]" >&2; exit 2 ;;
  esac
done

app_id="io.github.letopis.Letopis"
desktop="$prefix/applications/letopis.desktop"
metainfo="$prefix/metainfo/$app_id.metainfo.xml"
icons=()
for icon in "$here"/icons/hicolor/*/apps/letopis.*; do
  icons+=("${icon#"$here"/}")
done

refresh() {
  if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q "$prefix/applications" || true; fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$prefix/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -t "$prefix/icons/hicolor" || true
  fi
}

if $uninstall; then
  rm -f "$desktop" "$metainfo"
  for icon in "${icons[@]}"; do rm -f "$prefix/$icon"; done
  refresh
  echo "Letopis is no longer in the menus of $prefix"
  exit 0
fi

if [ -z "$program" ]; then
  for candidate in "$here/../letopis" "$here/../../.venv/bin/letopis"; do
    if [ -x "$candidate" ] && [ -f "$candidate" ]; then program="$candidate"; break; fi
  done
fi
[ -n "$program" ] || program="$(command -v letopis || true)"
if [ -z "$program" ] || [ ! -x "$program" ]; then
  echo "install-desktop.sh: no letopis program found; name it with --exec PATH" >&2
  exit 1
fi
program="$(cd "$(dirname "$program")" && pwd)/$(basename "$program")"
case "$program" in
  *[[:space:]\"\`\$\\]*) exec_value="\"$(printf '%s' "$program" | sed 's/[\\"`$]/\\\\&/g')\"" ;;
  *) exec_value="$program" ;;
esac

mkdir -p "$prefix/applications" "$prefix/metainfo"
sed -e "s|^Exec=.*|Exec=$exec_value|" -e "s|^TryExec=.*|TryExec=$program|" "$here/letopis.desktop" >"$desktop"
cp "$here/$app_id.metainfo.xml" "$metainfo"
for icon in "${icons[@]}"; do
  mkdir -p "$(dirname "$prefix/$icon")"
  cp "$here/$icon" "$prefix/$icon"
done
refresh
echo "Letopis is in the menus ($desktop), starting $program"
