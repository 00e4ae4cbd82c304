#!/usr/bin/env bash
# Download the pure-Python wheels that tests/pyodide/run.mjs installs into Pyodide
# (Python 3.14): pytest, Hypothesis and their dependencies, pinned to the versions in
# requirements-dev.txt. Skips any wheel already in .cache/pyodide-wheels/.
#   usage: bash tests/pyodide/fetch_wheels.sh [python]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DEST="$ROOT/.cache/pyodide-wheels"
PY="${1:-}"
if [ -z "$PY" ]; then
  if [ -x "$ROOT/.venv/bin/python" ]; then PY="$ROOT/.venv/bin/python"; else PY=python3; fi
fi

# Keep in step with requirements-dev.txt where possible. Only py3-none-any wheels work in Pyodide
# without a build.
WHEELS=(
  "pytest==9.0.3"
  "iniconfig==2.3.1"
  "packaging==26.4"
  "pluggy==1.7.0"
  "pygments==2.21.0"
  "hypothesis==6.155.7"  # the newest with a pure-Python wheel (later ones are compiled; server: 6.170.17)
  "sortedcontainers==2.4.0"
)

mkdir -p "$DEST"
missing=()
for spec in "${WHEELS[@]}"; do
  name="${spec%%==*}"
  version="${spec##*==}"
  # Wheel file names use the normalised project name (lower case, "_" for "-" and ".").
  norm="$(printf '%s' "$name" | tr 'A-Z' 'a-z' | tr -- '-.' '__')"
  if compgen -G "$DEST/${norm}-${version}-*.whl" >/dev/null; then
    continue
  fi
  missing+=("$spec")
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "pyodide wheels: all ${#WHEELS[@]} present in $DEST"
  exit 0
fi

echo "pyodide wheels: downloading ${missing[*]}"
"$PY" -m pip download --quiet --disable-pip-version-check \
  --only-binary=:all: --python-version 3.14 --platform any --implementation py --abi none \
  --no-deps --dest "$DEST" "${missing[@]}"

for f in "$DEST"/*.whl; do
  case "$f" in
    *-py3-none-any.whl | *-py2.py3-none-any.whl) ;;
    *) echo "pyodide wheels: $f is not a pure-Python wheel" >&2; exit 1 ;;
  esac
done
echo "pyodide wheels: $(ls "$DEST"/*.whl | wc -l) in $DEST"
