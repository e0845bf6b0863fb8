"""The wheel, installed as a user would (``pip install fieldapp-*.whl`` in a new venv, away
from the repository): it holds its reference data and compiled translations, speaks Arabic and
French, and starts (``fieldapp --smoke``: the start window shows, exit 0)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.wheel

REPO = Path(__file__).resolve().parents[1]


def run(*args: str | Path, **kw) -> subprocess.CompletedProcess[str]:
    # away from this checkout: no PYTHONPATH pointing into it (pip would see it installed)
    kw.setdefault("env", {k: v for k, v in os.environ.items() if k != "PYTHONPATH"})
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, check=False,
                          timeout=900, **kw)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    built = run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", work / "dist",
                REPO)
    assert built.returncode == 0, built.stderr[-3000:]
    wheels = list((work / "dist").glob("fieldapp-*.whl"))
    assert len(wheels) == 1, wheels
    venv = work / "venv"
    made = run(sys.executable, "-m", "venv", venv)
    assert made.returncode == 0, made.stderr
    pip = run(venv / "bin" / "python", "-m", "pip", "install", "-q", wheels[0])
    assert pip.returncode == 0, pip.stderr[-3000:]
    return venv


def clean_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "FIELDAPP_RESOURCES", "VIRTUAL_ENV")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home))
    return env


def test_installed_wheel_has_its_data_and_both_languages(installed, tmp_path):
    probe = r"""
import json, sys
from PySide6.QtCore import QCoreApplication
from fieldapp import i18n, resources
from fieldapp.domain import divisions, vocabularies
app = QCoreApplication([])
out = {"resources": str(resources.RESOURCES_DIR), "file": i18n.__file__,
       "provinces": len(divisions.provinces()), "services": len(vocabularies.vocabulary("service"))}
for lang in ("ar", "fr"):
    out["missing_" + lang] = i18n.install_translators(app, lang)
    out[lang] = QCoreApplication.translate("Startup", "Welcome to fieldapp")
print(json.dumps(out))
"""
    done = run(installed / "bin" / "python", "-c", probe, cwd=tmp_path, env=clean_env(tmp_path))
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout.strip().splitlines()[-1])
    site = str(installed)
    assert out["file"].startswith(site) and out["resources"].startswith(site), out
    assert out["provinces"] >= 75 and out["services"] >= 12, out
    assert not [m for m in out["missing_ar"] + out["missing_fr"] if "fieldapp_" in m], out
    assert "Welcome to fieldapp" not in (out["ar"], out["fr"]), out


def test_installed_wheel_starts(installed, tmp_path):
    done = run(installed / "bin" / "fieldapp", "--smoke", "--data-dir", tmp_path / "data",
               cwd=tmp_path, env=clean_env(tmp_path))
    assert done.returncode == 0, done.stderr[-3000:]
    events = [json.loads(line)["event"] for line in done.stdout.splitlines()
              if line.startswith("{")]
    assert events == ["start_window_shown"], done.stdout
