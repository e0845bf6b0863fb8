#!/usr/bin/env bash
# Builds the Linux bundle of the fieldapp desktop app with PyInstaller (packaging/fieldapp.spec):
#
#   bash packaging/build_linux.sh            -> dist/fieldapp/ and
#                                               dist/fieldapp-<version>-linux-x86_64.tar.gz
#
# Environment: PYTHON (default .venv/bin/python, with PyInstaller installed:
# pip install -e ".[dev]"), FIELDAPP_DIST (default dist), FIELDAPP_BUILD (PyInstaller's work
# folder, default build/pyinstaller). Both defaults are in .gitignore.
#
# The bundle runs on Linux x86_64 with a glibc at least as new as the build machine's; it
# carries Qt and Python, and uses the system's X11/Wayland, OpenGL and fonts
# (packaging/setup.sh lists the system packages). Unpack it anywhere and run fieldapp/fieldapp.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
python="${PYTHON:-.venv/bin/python}"
dist="${FIELDAPP_DIST:-dist}"
work="${FIELDAPP_BUILD:-build/pyinstaller}"

if ! "$python" -c 'import PyInstaller' 2>/dev/null; then
  echo "PyInstaller is not installed for $python: $python -m pip install -e '.[dev]'" >&2
  exit 3
fi
version="$("$python" -c 'import fieldapp; print(fieldapp.__version__)')"
arch="$(uname -m)"

echo "== Building translations"
"$python" -m fieldapp.i18n build

echo "== PyInstaller: $dist/fieldapp"
start=$(date +%s)
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$dist" --workpath "$work" packaging/fieldapp.spec

archive="$dist/fieldapp-$version-linux-$arch.tar.gz"
echo "== Packing $archive"
rm -f "$archive"
tar -C "$dist" -czf "$archive" fieldapp

echo "== Done in $(($(date +%s) - start)) s"
echo "bundle:  $dist/fieldapp  $(du -sm "$dist/fieldapp" | cut -f1) MB"
echo "archive: $archive  $(du -sm "$archive" | cut -f1) MB"
