"""Build step that pyproject.toml cannot say: the wheel carries the reference data and the
compiled translations inside the package (``fieldapp/data/resources``, ``fieldapp/data/
translations/*.qm``), where :mod:`fieldapp.resources` finds them with importlib.resources.

The repository keeps them at its top level (``resources/``, ``translations/*.ts``); the .qm
files are compiled here with Qt's lrelease (PySide6-Essentials, a build requirement), so a
wheel can never ship without its Arabic and French. An editable install reads the repository's
folders directly.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
DATA_FILES = ("divisions.json", "vocabularies.json")


def _lrelease() -> str:
    found = shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name(
        "pyside6-lrelease"))
    if not Path(found).exists():
        raise SystemExit("pyside6-lrelease not found: PySide6-Essentials is a build requirement")
    return found


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        data = Path(self.build_lib) / "fieldapp" / "data"
        (data / "resources").mkdir(parents=True, exist_ok=True)
        (data / "translations").mkdir(parents=True, exist_ok=True)
        for name in DATA_FILES:
            shutil.copyfile(ROOT / "resources" / name, data / "resources" / name)
        for ts in sorted((ROOT / "translations").glob("fieldapp_*.ts")):
            qm = data / "translations" / ts.with_suffix(".qm").name
            subprocess.run([_lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
            if not qm.exists() or qm.stat().st_size == 0:
                raise SystemExit(f"lrelease wrote no {qm.name}")


setup(cmdclass={"build_py": BuildWithData})
