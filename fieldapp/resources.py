"""Where fieldapp finds its read-only resources (reference data, translations).

Three layouts, in this order:

- a frozen (PyInstaller) build: ``resources/`` and ``translations/`` inside the bundle
  (``sys._MEIPASS``, see packaging/fieldapp.spec);
- an installed wheel: the package data ``fieldapp/data/resources`` and
  ``fieldapp/data/translations`` (put there by setup.py), found with importlib.resources;
- a source checkout or an editable install: the repository's top-level ``resources/`` and
  ``translations/``.

Set the environment variable ``FIELDAPP_RESOURCES`` (read once, at import) to use another
resources folder.
"""

from __future__ import annotations

import importlib.resources
import os
import sys
from pathlib import Path

ENV_VAR = "FIELDAPP_RESOURCES"

FROZEN: bool = bool(getattr(sys, "frozen", False))
"""True in a PyInstaller bundle: data files are then under ``sys._MEIPASS``."""


def _package_data() -> Path | None:
    """``fieldapp/data`` of an installed wheel, as a folder on disk (None in a checkout)."""
    data = importlib.resources.files("fieldapp").joinpath("data")
    path = Path(str(data))
    return path if (path / "resources").is_dir() else None


PACKAGE_DATA_DIR: Path | None = None if FROZEN else _package_data()

BUNDLE_DIR: Path = (
    Path(getattr(sys, "_MEIPASS", "")).resolve() if FROZEN
    else PACKAGE_DATA_DIR or Path(__file__).resolve().parents[1]
)
"""The folder holding ``resources/`` and ``translations/``: the bundle's data folder, the
installed package's data folder, or the repository root."""

DEFAULT_RESOURCES_DIR: Path = BUNDLE_DIR / "resources"

RESOURCES_DIR: Path = (
    Path(os.environ[ENV_VAR]).expanduser().resolve()
    if os.environ.get(ENV_VAR)
    else DEFAULT_RESOURCES_DIR
)

TRANSLATIONS_DIR: Path = BUNDLE_DIR / "translations"
"""The compiled translations (``fieldapp_ar.qm``, ``fieldapp_fr.qm``); in a checkout also the
sources (``.ts``)."""
