"""The Linux bundle: build it with packaging/build_linux.sh (PyInstaller), then use it the way
a user would — a fresh demo vault made by the bundle itself, then the GUI started on it
offscreen (``--smoke``: unlock, main window shown, first data loaded, exit 0).

Prints the bundle's size, the archive's size and the start time. About 30-60 s.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import fieldapp

pytestmark = pytest.mark.bundle

REPO = Path(__file__).resolve().parents[1]
DIST = REPO / "dist"  # in .gitignore, like build/ (PyInstaller's work folder)
PASSPHRASE = "bundle-test-passphrase"


def _size_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 1e6
    files = [p for p in path.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files) / 1e6


@pytest.fixture(scope="module")
def bundle() -> Path:
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed (pip install -e '.[dev]'): bundle not built")
    if shutil.which("objdump") is None:  # not a skip: bash packaging/setup.sh test installs it
        pytest.fail("objdump not found: PyInstaller needs it to read the libraries it bundles "
                    "(Debian package binutils; bash packaging/setup.sh test installs it)")
    started = time.perf_counter()
    done = subprocess.run(
        ["bash", str(REPO / "packaging" / "build_linux.sh")], cwd=REPO,
        env={**os.environ, "PYTHON": sys.executable, "FIELDAPP_DIST": str(DIST),
             "FIELDAPP_BUILD": str(REPO / "build" / "pyinstaller")},
        capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"build failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    exe = DIST / "fieldapp" / "fieldapp"
    archive = DIST / f"fieldapp-{fieldapp.__version__}-linux-{os.uname().machine}.tar.gz"
    assert exe.is_file() and os.access(exe, os.X_OK)
    assert archive.is_file()
    print(f"\nbundle built in {time.perf_counter() - started:.0f} s: {exe.parent} "
          f"{_size_mb(exe.parent):.0f} MB, {archive.name} {_size_mb(archive):.0f} MB")
    return exe


def _env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("FIELDAPP_", "PYTHON")) and k != "VIRTUAL_ENV"}
    return {**env, "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"), "QT_QPA_PLATFORM": "offscreen",
            "FIELDAPP_PASSPHRASE": PASSPHRASE}


def test_bundle_carries_its_data_and_sqlcipher(bundle):
    internal = bundle.parent / "_internal"
    assert (internal / "resources" / "divisions.json").is_file()
    assert (internal / "resources" / "vocabularies.json").is_file()
    assert {p.name for p in (internal / "translations").glob("*.qm")} == \
        {"fieldapp_ar.qm", "fieldapp_fr.qm"}
    assert list((internal / "sqlcipher3").glob("_sqlite3*.so")), "SQLCipher not bundled"
    plugins = internal / "PySide6" / "Qt" / "plugins" / "platforms"
    assert (plugins / "libqoffscreen.so").is_file() and (plugins / "libqxcb.so").is_file()
    out = subprocess.run([str(bundle), "--version"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and out.stdout.strip() == f"fieldapp {fieldapp.__version__}"


def test_bundle_makes_a_demo_vault_and_starts_on_it(bundle, tmp_path):
    env = _env(tmp_path)
    data = tmp_path / "vault"
    # run from elsewhere: nothing may come from the repository
    demo = subprocess.run([str(bundle), "demo", "--data-dir", str(data), "--persons", "50",
                           "--encounters", "100"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300)
    assert demo.returncode == 0, demo.stderr
    header = (data / "vault.db").read_bytes()[:16]
    assert header != b"SQLite format 3\x00", "the vault is not encrypted"

    started_wall = time.time()
    started = time.perf_counter()
    run = subprocess.run([str(bundle), "--data-dir", str(data), "--smoke"], cwd=tmp_path,
                         env=env, capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - started
    events = {}
    for line in run.stdout.splitlines():
        if line.startswith("{"):
            event = json.loads(line)
            events[event["event"]] = event
    assert run.returncode == 0, f"exit {run.returncode}\n{run.stdout}\n{run.stderr}"
    assert "start_window_shown" in events, run.stdout
    assert "main_window_ready" in events, f"{run.stdout}\n{run.stderr}"
    shown = events["start_window_shown"]["t"] - started_wall
    ready = events["main_window_ready"]
    print(f"\nbundle start: start window after {shown:.2f} s, main window ready after "
          f"{ready['t'] - started_wall:.2f} s (unlock {ready['unlock_seconds']:.2f} s), "
          f"process exited after {elapsed:.2f} s")
