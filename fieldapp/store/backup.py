"""Encrypted backup of a laptop's vault to one file (e.g. on a USB stick), and its restore.

A backup is an uncompressed tar file holding, in this order:

- ``manifest.json``: format, creation time, app version, device id and the sha256 and size
  of each other member (no personal data);
- ``vault.key``: the wrapped data key (useless without the passphrase of backup time);
- ``vault.db``: a copy made with SQLCipher's online backup from the open vault, so it is
  consistent and stays encrypted page by page with the same key.

The file is written beside its target under a temporary name and renamed at the end: there is
never a half backup under the chosen name. A target folder that is missing or cannot be
written is refused before anything is written. Backup and restored files are private to the
user (0600). Restore checks the manifest and every member's hash, opens the copy with the
passphrase (which checks every page) in a temporary folder, and only then moves the data
folder's files aside (``vault.db.before-restore`` …) and puts the restored ones in their place.
A refused backup changes nothing in the data folder.

A restored vault is marked (``sync.restored``: its last mutation id at backup time), so that
its next sync renumbers the changes made after the restore after those the server already
has (see ``StoreReplica.renumber_after_restore``).
"""

from __future__ import annotations

import errno
import hashlib
import io
import json
import os
import shutil
import tarfile
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fieldapp import __version__
from fieldapp.errors import UserFacingError
from fieldapp.store import keys
from fieldapp.store.repository import utc_now
from fieldapp.store.vault import DB_NAME, KEY_NAME, Vault, VaultError, _connect

FORMAT = "fieldapp-backup"
VERSION = 1
MANIFEST = "manifest.json"
MEMBERS = (KEY_NAME, DB_NAME)
ASIDE = ".before-restore"
RESTORED_SETTING = "sync.restored"
_CHUNK = 1 << 20
_BACKUP_PAGES = 256  # pages copied per step of the online backup (progress, other writers)

Progress = Callable[[int, int], None]  # (done, total)


class BackupError(UserFacingError):
    """Codes: not_a_backup, backup_damaged, backup_wrong_passphrase, too_new, locked, io,
    disk_full, no_folder, folder_not_writable."""


def _io_error(e: OSError) -> BackupError:
    return BackupError("disk_full" if e.errno == errno.ENOSPC else "io", str(e))


def check_target(out: Path | str) -> None:
    """Refuse a backup file whose folder does not exist or cannot be written (a USB stick
    that is not plugged in, a read-only folder), before any work is done."""
    folder = Path(out).parent
    if not folder.is_dir():
        raise BackupError("no_folder", str(folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise BackupError("folder_not_writable", str(folder))


def _target_error(e: OSError, folder: Path) -> BackupError:
    """An error creating the backup file, in the words of check_target when it is one of its
    cases (the folder went away meanwhile, or access is refused although os.access allowed it,
    e.g. a read-only file system)."""
    if e.errno == errno.ENOENT:
        return BackupError("no_folder", str(folder))
    if e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return BackupError("folder_not_writable", str(folder))
    return _io_error(e)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


# --- backup --------------------------------------------------------------------------------


def create_backup(vault: Vault, out: Path | str, progress: Progress | None = None
                  ) -> dict[str, Any]:
    """Write a backup of the unlocked ``vault`` to ``out``; returns its manifest."""
    out = Path(out)
    store = vault.store
    data_key = vault._data_key
    if store is None or data_key is None:
        raise BackupError("locked")
    check_target(out)
    part = out.with_name(out.name + ".part")
    try:
        work = Path(tempfile.mkdtemp(prefix=".backup-", dir=vault.data_dir))
    except OSError as e:
        raise _io_error(e) from e
    try:
        copy = work / DB_NAME
        keys.create_private_file(copy)
        target = _connect(copy, bytes(data_key))
        try:
            def step(_status: int, remaining: int, total: int) -> None:
                if progress is not None:
                    progress(total - remaining, total)

            store.conn.backup(target, pages=_BACKUP_PAGES, progress=step)
            target.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        finally:
            target.close()
        key_bytes = vault.key_path.read_bytes()
        manifest: dict[str, Any] = {
            "format": FORMAT, "version": VERSION, "created_at": utc_now(),
            "app_version": __version__, "device_id": store.profile.device_id,
            "members": {
                KEY_NAME: {"sha256": hashlib.sha256(key_bytes).hexdigest(),
                           "size": len(key_bytes)},
                DB_NAME: {"sha256": _sha256(copy), "size": copy.stat().st_size},
            },
        }
        raw = json.dumps(manifest, indent=1).encode()
        try:
            part.unlink(missing_ok=True)  # an interrupted backup's
            f = keys.open_private(part)
        except OSError as e:
            raise _target_error(e, out.parent) from e
        with f:
            with tarfile.open(fileobj=f, mode="w", format=tarfile.PAX_FORMAT) as tar:
                _add(tar, MANIFEST, io.BytesIO(raw), len(raw))
                _add(tar, KEY_NAME, io.BytesIO(key_bytes), len(key_bytes))
                with open(copy, "rb") as db:
                    _add(tar, DB_NAME, db, copy.stat().st_size)
            f.flush()
            os.fsync(f.fileno())
        os.replace(part, out)
        keys.fsync_dir(out.parent)
    except OSError as e:
        raise _io_error(e) from e
    finally:
        part.unlink(missing_ok=True)
        shutil.rmtree(work, ignore_errors=True)
    return manifest


def _add(tar: tarfile.TarFile, name: str, data: io.BufferedIOBase | Any, size: int) -> None:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mode = 0o600
    tar.addfile(info, data)


# --- restore -------------------------------------------------------------------------------


def read_manifest(source: Path | str) -> dict[str, Any]:
    """The manifest of a backup file, checked for form (not the members' hashes)."""
    try:
        with tarfile.open(source, mode="r:") as tar:
            return _manifest(tar)
    except tarfile.ReadError as e:
        raise BackupError("not_a_backup", str(e)) from e
    except OSError as e:
        raise _io_error(e) from e


def _manifest(tar: tarfile.TarFile) -> dict[str, Any]:
    first = tar.next()
    if first is None or first.name != MANIFEST or not first.isfile() or first.size > 65536:
        raise BackupError("not_a_backup", "no manifest")
    f = tar.extractfile(first)
    assert f is not None
    try:
        manifest = json.loads(f.read().decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        raise BackupError("backup_damaged", "manifest is not JSON") from e
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError("not_a_backup", "not a fieldapp backup manifest")
    version = manifest.get("version")
    if not isinstance(version, int):
        raise BackupError("backup_damaged", "manifest without a version")
    if version > VERSION:
        raise BackupError("too_new", f"backup format {version}")
    members = manifest.get("members")
    if not isinstance(members, dict) or set(members) != set(MEMBERS):
        raise BackupError("backup_damaged", "manifest members")
    return manifest


def _extract(source: Path, work: Path, progress: Progress | None) -> dict[str, Any]:
    """Extract the members into ``work``, checking each one's size and sha256."""
    try:
        total = source.stat().st_size
        done = 0
        if not tarfile.is_tarfile(source):
            raise BackupError("not_a_backup", "not a tar file")
        with tarfile.open(source, mode="r:") as tar:
            manifest = _manifest(tar)
            members: dict[str, dict[str, Any]] = manifest["members"]
            found: set[str] = set()
            while (info := tar.next()) is not None:
                if info.name not in MEMBERS or info.name in found or not info.isfile():
                    raise BackupError("backup_damaged", f"unexpected member {info.name!r}")
                found.add(info.name)
                f = tar.extractfile(info)
                assert f is not None
                h = hashlib.sha256()
                with keys.open_private(work / info.name) as dst:
                    while chunk := f.read(_CHUNK):
                        h.update(chunk)
                        dst.write(chunk)
                        done += len(chunk)
                        if progress is not None:
                            progress(min(done, total), total)
                expected = members[info.name]
                if h.hexdigest() != expected.get("sha256") or info.size != expected.get("size"):
                    raise BackupError("backup_damaged", f"{info.name} does not match")
            if found != set(MEMBERS):
                raise BackupError("backup_damaged", f"missing {set(MEMBERS) - found}")
    except tarfile.TarError as e:  # cut short, or a header that does not check
        raise BackupError("backup_damaged", str(e)) from e
    except OSError as e:
        raise _io_error(e) from e
    return manifest


def restore_backup(data_dir: Path | str, source: Path | str, passphrase: str, *,
                   before_replace: Callable[[], None] | None = None,
                   progress: Progress | None = None) -> dict[str, Any]:
    """Replace the vault in ``data_dir`` with the backup ``source`` once it is checked.

    ``passphrase`` is the one in use when the backup was made. ``before_replace`` runs after
    every check passed and before any file of ``data_dir`` is touched (the GUI locks the
    open vault there). Returns the backup's manifest."""
    data_dir, source = Path(data_dir), Path(source)
    if not source.is_file():
        raise BackupError("not_a_backup", str(source))
    try:
        data_dir.mkdir(mode=keys.PRIVATE_DIR, parents=True, exist_ok=True)
        # inside the data folder: same file system (renames are atomic), same permissions
        work = Path(tempfile.mkdtemp(prefix=".restore-", dir=data_dir))
    except OSError as e:
        raise _io_error(e) from e
    try:
        manifest = _extract(source, work, progress)
        _check_and_mark(work, passphrase)
        if before_replace is not None:
            before_replace()
        _swap(work, data_dir)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return manifest


def _check_and_mark(work: Path, passphrase: str) -> None:
    copy = Vault(work)
    try:
        store = copy.unlock(passphrase)  # checks every page (cipher_integrity_check)
    except VaultError as e:
        if e.code == "wrong_passphrase":
            raise BackupError("backup_wrong_passphrase") from e
        if e.code in ("damaged", "not_encrypted", "not_found"):
            raise BackupError("backup_damaged", e.detail) from e
        raise
    try:
        store.set_setting(RESTORED_SETTING, store.last_mutation_id())
    finally:
        copy.lock()


def _swap(work: Path, data_dir: Path) -> None:
    db, key = data_dir / DB_NAME, data_dir / KEY_NAME
    try:
        for path in (db, key, Path(f"{db}-wal"), Path(f"{db}-shm")):
            path.with_name(path.name + ASIDE).unlink(missing_ok=True)  # an older restore's
            if path.exists():
                os.replace(path, path.with_name(path.name + ASIDE))
        os.replace(work / KEY_NAME, key)
        os.replace(work / DB_NAME, db)
        keys.fsync_dir(data_dir)
    except OSError as e:
        raise _io_error(e) from e
