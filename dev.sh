#!/usr/bin/env bash
# The two commands of this project (see README.md):
#   ./dev.sh serve   install everything, then serve the Los Angeles site (English)
#                    at http://127.0.0.1:8000 with live reload
#   ./dev.sh test    install everything (Chromium included), then run every test
# Installing is idempotent and quick when nothing changed.
set -euo pipefail
cd "$(dirname "$0")"

VENV=.venv
PY="$VENV/bin/python"

install_python() {
  [ -x "$PY" ] || python3 -m venv "$VENV"
  local stamp="$VENV/.installed"
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    "$PY" -m pip install --quiet --disable-pip-version-check -e '.[test]'
    touch "$stamp"
  fi
}

install_npm() {
  # Pyodide (the in-browser Python runtime), axe-core, a ResizeObserver polyfill and the PDF font, pinned in package-lock.json.
  local stamp=node_modules/.installed
  if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
    npm ci --silent --no-audit --no-fund
    touch "$stamp"
  fi
}

install_wheels() {
  # Pure-Python wheels the worksheet calculator loads in the browser (pinned in pyproject.toml).
  "$PY" -m odr.wheels
}

install_chromium() {
  command -v chromium >/dev/null 2>&1 && return 0
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
}

install_all() {
  install_python
  install_npm
  install_wheels
}

case "${1:-}" in
  serve)
    install_all
    shift
    exec "$PY" build.py serve --court los-angeles "$@"
    ;;
  test)
    install_all
    install_chromium
    shift
    exec "$PY" -m pytest "$@"
    ;;
  *)
    echo "usage: ./dev.sh serve | ./dev.sh test [pytest options]" >&2
    exit 2
    ;;
esac
