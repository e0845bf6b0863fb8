"""The vault's files are private to the user (0600) and the folders the app makes too (0700),
whatever the umask: another account on a shared laptop cannot even copy the encrypted files
to guess the passphrase offline."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from fieldapp.store.backup import create_backup, restore_backup
from fieldapp.store.vault import Vault
from tests.helpers.vaults import PASSPHRASE, new_vault

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
ROOT = Path(__file__).resolve().parents[2]
VAULT_FILES = {"vault.db", "vault.db-wal", "vault.db-shm", "vault.key"}


@pytest.fixture(autouse=True)
def usual_umask():
    """The common default umask, under which files made without a mode are 0644."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def assert_private(folder: Path) -> None:
    assert mode(folder) == 0o700, oct(mode(folder))
    modes = {p.name: oct(mode(p)) for p in folder.iterdir()}
    assert all(m == oct(0o600) for m in modes.values()), modes


def test_a_new_vault_its_folder_and_every_file_in_it_are_private(tmp_path):
    folder = tmp_path / "data" / "vault"
    vault, store = new_vault(folder)
    try:
        store.persons.create({"name_lat": "Private Person"})
        store.save_draft("person", {"name_lat": "Draft Person"})
        assert {p.name for p in folder.iterdir()} >= VAULT_FILES
        assert_private(folder)
        vault.change_passphrase(PASSPHRASE, "another passphrase")  # rewrites vault.key
        assert_private(folder)
    finally:
        vault.lock()


def test_a_backup_and_a_restored_vault_are_private(tmp_path):
    vault, store = new_vault(tmp_path / "laptop")
    store.persons.create({"name_lat": "Backed Up"})
    out = tmp_path / "usb" / "fieldapp.backup"
    out.parent.mkdir()
    create_backup(vault, out)
    vault.lock()
    assert mode(out) == 0o600

    target = tmp_path / "new" / "laptop"
    restore_backup(target, out, PASSPHRASE)
    assert_private(target)
    restored = Vault(target)
    store = restored.unlock(PASSPHRASE)
    try:
        store.persons.create({"name_lat": "After Restore"})
        assert {p.name for p in target.iterdir()} >= VAULT_FILES
        assert_private(target)
    finally:
        restored.lock()


def test_a_vault_made_before_files_were_private_becomes_private_when_opened(tmp_path):
    folder = tmp_path / "vault"
    vault, store = new_vault(folder)
    store.persons.create({"name_lat": "Older Vault"})
    vault.lock()
    for path in folder.iterdir():
        path.chmod(0o644)
    store = vault.unlock(PASSPHRASE)
    try:
        modes = {p.name: oct(mode(p)) for p in folder.iterdir()}
        assert all(m == oct(0o600) for m in modes.values()), modes
    finally:
        vault.lock()


def test_the_fieldapp_command_makes_everything_private():
    """The second line of defence: files made without an explicit mode (exports, Qt's own)."""
    probe = ("import os; from fieldapp.cli import main\n"
             "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
             "print(oct(os.umask(0)))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         cwd=ROOT, timeout=60)
    assert out.stdout.split()[-1] == oct(0o077), out.stderr
