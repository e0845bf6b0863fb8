import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# QSettings of the tests never touch the user's own settings
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="fieldapp-test-config-")

import pytest  # noqa: E402

from tests.helpers.vaults import new_vault  # noqa: E402


@pytest.fixture
def vault_store(tmp_path):
    vault, store = new_vault(tmp_path / "vault")
    yield vault, store
    vault.lock()


@pytest.fixture
def store(vault_store):
    return vault_store[1]
