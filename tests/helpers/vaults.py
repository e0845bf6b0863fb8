"""Vaults for tests: fast key derivation (the real tuning takes ~0.7 s per unlock)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from fieldapp.store.keys import KdfParams
from fieldapp.store.repository import Store
from fieldapp.store.vault import Vault

PASSPHRASE = "test passphrase 1"


def fast_kdf() -> KdfParams:
    return KdfParams(os.urandom(16), iterations=1, lanes=1, memory_kib=8 * 1024)


def new_vault(data_dir: Path, province: str = "rabat", user: str = "Amina") -> tuple[Vault, Store]:
    vault = Vault(data_dir)
    store = vault.create(PASSPHRASE, user_name=user, province=province, team="Équipe 1",
                         kdf=fast_kdf())
    return vault, store


def digest_files(folder: Path) -> dict[str, str]:
    """Hash of every file in ``folder``, to prove a refused open changed nothing."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}
