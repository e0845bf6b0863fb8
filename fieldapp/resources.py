"""Where fieldapp finds its read-only resources (reference data, translations, icons).

``RESOURCES_DIR`` is the ``resources`` folder at the repository root. Set the environment
variable ``FIELDAPP_RESOURCES`` (read once, at import) to use another folder, e.g. in a
packaged build; packaging may also change the default here.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "FIELDAPP_RESOURCES"

DEFAULT_RESOURCES_DIR: Path = Path(__file__).resolve().parents[1] / "resources"

RESOURCES_DIR: Path = (
    Path(os.environ[ENV_VAR]).expanduser().resolve()
    if os.environ.get(ENV_VAR)
    else DEFAULT_RESOURCES_DIR
)
