"""Where fieldapp finds its read-only resources (reference data, translations, icons).

``RESOURCES_DIR`` is the ``resources`` folder at the repository root. Set the environment
variable ``FIELDAPP_RESOURCES`` (read once, at import) to use another folder. In a frozen
(PyInstaller) build the default is the ``resources`` folder inside the bundle (``sys._MEIPASS``,
see packaging/fieldapp.spec).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_VAR = "FIELDAPP_RESOURCES"

FROZEN: bool = bool(getattr(sys, "frozen", False))
"""True in a PyInstaller bundle: data files are then under ``sys._MEIPASS``."""

BUNDLE_DIR: Path = (
    Path(getattr(sys, "_MEIPASS", "")).resolve() if FROZEN else Path(__file__).resolve().parents[1]
)
"""The folder holding ``resources/`` and ``translations/``: the repository root, or the
bundle's data folder when frozen."""

DEFAULT_RESOURCES_DIR: Path = BUNDLE_DIR / "resources"

RESOURCES_DIR: Path = (
    Path(os.environ[ENV_VAR]).expanduser().resolve()
    if os.environ.get(ENV_VAR)
    else DEFAULT_RESOURCES_DIR
)
