#!/usr/bin/env bash
# The system packages the Makefile needs, installed from Debian/Ubuntu with apt-get when missing.
# The one place that knows them: `make serve`/`make build` call it bare, `make test` and `.ci/run`
# with --browser.
#   usage: bash scripts/system-deps.sh [--browser]
#     (bare)     make, python3-venv, nodejs and npm
#     --browser  also Chromium (the browser tests drive /usr/bin/chromium, or $CHROMIUM) and a
#                CJK font for screenshots (fonts-wqy-microhei)
# Prints nothing when everything is there. Root runs apt-get directly; another user through sudo
# (never prompting when there is no terminal or CI is set). Exits non-zero, with the command to
# run by hand, when it cannot install.
set -euo pipefail

browser=0
case "${1:-}" in
  "") ;;
  --browser) browser=1 ;;
  *) echo "usage: bash scripts/system-deps.sh [--browser]" >&2; exit 2 ;;
esac

has_cjk_font() {
  if command -v fc-list >/dev/null 2>&1; then
    fc-list 2>/dev/null | grep -qi 'wqy\|noto sans cjk' && return 0
  fi
  find /usr/share/fonts /usr/local/share/fonts -iname '*wqy*' -o -iname '*notosanscjk*' 2>/dev/null | grep -q .
}

missing=()
command -v make >/dev/null 2>&1 || missing+=(make)
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || missing+=(python3-venv)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ "$browser" -eq 1 ]; then
  [ -x "${CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
  has_cjk_font || missing+=(fonts-wqy-microhei)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

echo "system-deps: missing ${missing[*]}; installing them with apt-get"
manual="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"

if ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: no apt-get on this machine. Install these yourself: ${missing[*]}" >&2
  echo "  (the browser is used from ${CHROMIUM:-/usr/bin/chromium}; set CHROMIUM to another path if needed)" >&2
  exit 1
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "system-deps: not root and no sudo. As root, run:  $manual" >&2
    exit 1
  fi
  if [ -t 0 ] && [ "${CI:-}" != "true" ]; then sudo=(sudo); else sudo=(sudo -n); fi
fi

apt_install() {
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "$@" </dev/null
}

if ! "${sudo[@]}" apt-get update -qq </dev/null; then
  echo "system-deps: apt-get update failed. Run it yourself:  sudo $manual" >&2
  exit 1
fi
if ! apt_install "${missing[@]}"; then
  # Ubuntu names the browser package chromium-browser.
  retry=("${missing[@]/#chromium/chromium-browser}")
  if [[ " ${missing[*]} " != *" chromium "* ]] || ! apt_install "${retry[@]}"; then
    echo "system-deps: apt-get install failed. Run it yourself:  sudo $manual" >&2
    exit 1
  fi
fi
if [ "$browser" -eq 1 ] && [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  found="$(command -v chromium chromium-browser 2>/dev/null | head -n 1 || true)"
  echo "system-deps: installed, but there is no browser at ${CHROMIUM:-/usr/bin/chromium}." >&2
  [ -n "$found" ] && echo "  Run the tests with CHROMIUM=$found" >&2
  exit 1
fi
echo "system-deps: installed ${missing[*]}"
