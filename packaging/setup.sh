#!/usr/bin/env bash
# Sets fieldapp up on a Debian/Ubuntu machine and runs it.
#
#   bash packaging/setup.sh run    install everything, then start the app on a demo vault
#   bash packaging/setup.sh test   install everything, then ruff, mypy and the whole test suite
#                                  headless (with arguments: only pytest, with them)
#   bash packaging/setup.sh        install only
#
# System packages (Qt's libraries, Arabic fonts, Python's venv; for `test` also binutils and
# postgresql-client) are installed with apt-get: as root directly, as a user through sudo (it
# asks for the password); without either, the exact apt-get line is printed. Python packages go
# to .venv/ in this folder. Checked on pristine Debian 12 and 13: packaging/check_pristine.sh.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
action="${1:-install}"

SYSTEM_PACKAGES=(
  python3-venv python3-pip
  # Qt 6 (PySide6 wheels) on X11/Wayland and offscreen
  libglib2.0-0 libegl1 libgl1 libx11-6 libx11-xcb1 libxkbcommon0 libxkbcommon-x11-0
  libfontconfig1 libfreetype6 libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
  libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxcb-randr0 libxcb-xinerama0
  # fonts that shape Arabic and cover Latin
  fonts-dejavu-core fonts-noto-core
  # pdftoppm: the report test renders the first page of the Arabic PDF to look at it
  poppler-utils
)
# what only the tests need
TEST_PACKAGES=(
  # objdump: PyInstaller reads the libraries it bundles (tests/test_bundle.py)
  binutils
  # pg_dump/pg_restore: the server's PostgreSQL backup and restore (tests/sync/test_restore.py)
  postgresql-client
)
python="${PYTHON:-python3}"

# libpython3.X for Debian's own Python: PyInstaller bundles the interpreter's shared library,
# which Debian ships apart. Prints nothing for another Python, or none yet.
libpython_package() {
  "$python" -c 'import sys; sys.exit(sys.base_prefix != "/usr")' 2>/dev/null &&
    [ -f /etc/debian_version ] &&
    "$python" -c 'import sys; print("libpython%d.%d" % sys.version_info[:2])'
}

apt_updated=""
install_packages() {  # install_packages PACKAGE...: those not installed yet, with apt-get
  local p provided missing=() as_root=()
  # installed, or provided by an installed package: Debian 13 renamed some libraries (t64)
  # and the new package provides the old name, e.g. libglib2.0-0t64 provides libglib2.0-0
  provided=" $(dpkg-query -W -f='${db:Status-Abbrev}|${Provides}\n' 2>/dev/null |
    sed -n 's/^ii *|//p' | tr ',' '\n' | sed 's/ *(.*//; s/^ *//' | tr '\n' ' ') "
  for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" &&
       [[ "$provided" != *" $p "* ]]; then
      missing+=("$p")
    fi
  done
  ((${#missing[@]})) || return 0
  if [ "$(id -u)" = 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1 && [ -t 0 ]; then
    as_root=(sudo)  # asks for your password once
  else
    echo "Some system packages are missing. Run this once as root, then run this script again:"
    echo "  apt-get install -y --no-install-recommends ${missing[*]}"
    exit 1
  fi
  echo "== Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if [ -z "$apt_updated" ]; then
    "${as_root[@]}" apt-get update -qq
    apt_updated=1
  fi
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

packages=("${SYSTEM_PACKAGES[@]}")
if [ "$action" = test ]; then
  lib="$(libpython_package || true)"
  packages+=("${TEST_PACKAGES[@]}" ${lib:+"$lib"})
fi
install_packages "${packages[@]}"

if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "fieldapp needs Python 3.11 or newer; $("$python" --version 2>&1) found." >&2
  exit 1
fi
if [ "$action" = test ]; then
  lib="$(libpython_package || true)"  # when python3 came with the packages above
  install_packages ${lib:+"$lib"}
fi
if [ ! -x .venv/bin/python ]; then
  echo "== Creating .venv"
  "$python" -m venv .venv
fi
stamp=.venv/.fieldapp-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "== Installing Python packages"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[server,reports,dev]"
  touch "$stamp"
fi

echo "== Building translations"
.venv/bin/python -m fieldapp.i18n build

case "$action" in
  run)
    demo_dir="${FIELDAPP_DEMO_DIR:-$here/demo-vault}"
    export FIELDAPP_PASSPHRASE="${FIELDAPP_PASSPHRASE:-demo-passphrase}"
    if [ ! -f "$demo_dir/vault.db" ]; then
      echo "== Creating a demo vault in $demo_dir (about a minute)"
      .venv/bin/fieldapp demo --data-dir "$demo_dir" --persons 2000 --encounters 6000
    fi
    echo "== Starting fieldapp on the demo vault. Passphrase: $FIELDAPP_PASSPHRASE"
    unset FIELDAPP_PASSPHRASE
    exec .venv/bin/fieldapp --data-dir "$demo_dir"
    ;;
  test)
    export QT_QPA_PLATFORM=offscreen
    shift || true
    if [ "$#" = 0 ]; then  # the whole suite: lint and types first (a few seconds)
      echo "== ruff"
      .venv/bin/ruff check .
      echo "== mypy"
      .venv/bin/mypy fieldapp sync
    fi
    exec .venv/bin/python -m pytest "$@"
    ;;
  install) echo "== Ready. Start with: .venv/bin/fieldapp" ;;
  *) echo "usage: $0 [run|test|install]" >&2; exit 2 ;;
esac
