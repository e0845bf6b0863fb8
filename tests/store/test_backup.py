"""Encrypted backup to one file and its restore: complete, checked before anything is
replaced, refused with a clear code when damaged, wrong or opened with another passphrase."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import json
import os
import shutil
import tarfile
from pathlib import Path, PurePosixPath

import pytest

from fieldapp import demo
from fieldapp.domain.records import KINDS
from fieldapp.store import backup
from fieldapp.store.backup import BackupError, create_backup, read_manifest, restore_backup
from fieldapp.store.vault import Vault
from tests.helpers.vaults import PASSPHRASE, digest_files, new_vault


def _snapshot(store):
    """Every record of every kind, whole."""
    return {name: {rid: store.repo(name).stored_fields(rid) for (rid,) in store.conn.execute(
        f"SELECT id FROM {kind.table}")} for name, kind in KINDS.items()}


@pytest.fixture
def demo_backup(tmp_path):
    vault, store = new_vault(tmp_path / "laptop")
    demo.generate(store, 200, 500)
    before = _snapshot(store)
    steps = []
    out = tmp_path / "usb" / "fieldapp.backup"
    out.parent.mkdir()
    manifest = create_backup(vault, out, progress=lambda d, t: steps.append((d, t)))
    vault.lock()
    return out, before, manifest, steps


def test_restore_into_a_new_folder_finds_every_record(tmp_path, demo_backup):
    out, before, manifest, steps = demo_backup
    assert steps and steps[-1][0] == steps[-1][1]
    assert [p.name for p in out.parent.iterdir()] == [out.name], "no temporary file left"
    assert set(manifest["members"]) == {"vault.db", "vault.key"} and manifest["device_id"]
    with tarfile.open(out) as tar:
        names = tar.getnames()
        db = tar.extractfile("vault.db").read()
    assert names == ["manifest.json", "vault.key", "vault.db"]
    assert not db.startswith(b"SQLite format 3") and b"Amina" not in db

    target = tmp_path / "new-laptop"
    restore_backup(target, out, PASSPHRASE)
    assert sorted(p.name for p in target.iterdir()) == ["vault.db", "vault.key"]
    vault = Vault(target)
    store = vault.unlock(PASSPHRASE)
    try:
        assert _snapshot(store) == before
        assert sum(map(len, before.values())) >= 700
        assert store.setting(backup.RESTORED_SETTING) == store.last_mutation_id()
    finally:
        vault.lock()


def test_restore_over_an_existing_vault_keeps_the_old_one_aside(tmp_path, demo_backup):
    out, before, _, _ = demo_backup
    folder = tmp_path / "laptop"
    vault = Vault(folder)
    store = vault.unlock(PASSPHRASE)
    store.persons.create({"name_lat": "Apres Sauvegarde", "province": "rabat"})
    vault.lock()
    old = digest_files(folder)
    restore_backup(folder, out, PASSPHRASE)
    assert digest_files(folder)["vault.db.before-restore"] == old["vault.db"]
    store = vault.unlock(PASSPHRASE)
    try:
        assert _snapshot(store) == before
    finally:
        vault.lock()


def _flip(path, offset):
    raw = bytearray(path.read_bytes())
    raw[offset] ^= 0x01
    path.write_bytes(bytes(raw))


@pytest.mark.parametrize("damage", ["flip_db", "flip_key", "truncate", "wrong_file",
                                    "empty_tar"])
def test_damaged_backup_is_refused_and_nothing_is_replaced(tmp_path, demo_backup, damage):
    out, _, _, _ = demo_backup
    size = out.stat().st_size
    if damage == "flip_db":
        _flip(out, size - 20_000)
        code = "backup_damaged"
    elif damage == "flip_key":
        _flip(out, 1024 + 512 + 40)  # inside vault.key (after the manifest's blocks)
        code = "backup_damaged"
    elif damage == "truncate":
        out.write_bytes(out.read_bytes()[: size // 2])
        code = "backup_damaged"
    elif damage == "wrong_file":
        out.write_bytes(b"just some notes\n" * 1000)
        code = "not_a_backup"
    else:
        with tarfile.open(out, "w"):
            pass
        code = "not_a_backup"
    folder = tmp_path / "laptop"
    before = digest_files(folder)
    with pytest.raises(BackupError) as caught:
        restore_backup(folder, out, PASSPHRASE,
                       before_replace=lambda: pytest.fail("checks passed"))
    assert caught.value.code == code
    assert digest_files(folder) == before
    assert sorted(p.name for p in folder.iterdir()) == sorted(before), "no leftovers"


def _extract_all(tar: tarfile.TarFile, dest: Path) -> None:
    """``tar.extractall(dest, filter="data")`` where tarfile has extraction filters (Python
    3.11.4 and newer); before that (Debian 12's 3.11.2) the same refusals made here: only
    regular files, each landing inside ``dest`` (no absolute name, no ``..``), no links,
    folders or devices. Nothing is written unless every member passes."""
    if hasattr(tarfile, "data_filter"):  # the documented test for the filter argument
        tar.extractall(dest, filter="data")
        return
    dest = Path(dest).resolve()
    members = tar.getmembers()
    for m in members:
        target = (dest / m.name).resolve()
        if (not m.isfile() or m.name.startswith("/") or ".." in PurePosixPath(m.name).parts
                or dest not in target.parents):
            raise tarfile.TarError(f"refused member {m.name!r}")
    for m in members:
        target = dest / m.name
        target.parent.mkdir(parents=True, exist_ok=True)
        src = tar.extractfile(m)
        assert src is not None
        with src, open(target, "wb") as dst:
            shutil.copyfileobj(src, dst)


def _tar_with(path: Path, bad: str, manifest: dict | None = None) -> None:
    """A tar holding ``manifest`` (when given) then one member that must never be extracted."""
    with tarfile.open(path, "w") as tar:
        if manifest is not None:
            raw = json.dumps(manifest).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(raw)
            tar.addfile(info, io.BytesIO(raw))
        if bad in ("symlink", "hardlink"):
            info = tarfile.TarInfo("vault.db")
            info.type = tarfile.SYMTYPE if bad == "symlink" else tarfile.LNKTYPE
            info.linkname = "../outside" if bad == "symlink" else "manifest.json"
            tar.addfile(info)
        elif bad == "folder":
            info = tarfile.TarInfo("vault.db")
            info.type = tarfile.DIRTYPE
            tar.addfile(info)
        else:
            raw = b"not yours"
            info = tarfile.TarInfo({"dotdot": "../outside", "absolute": "/tmp/fieldapp-outside",
                                    "deep_dotdot": "sub/../../outside"}[bad])
            info.size = len(raw)
            tar.addfile(info, io.BytesIO(raw))


BAD_MEMBERS = ["symlink", "hardlink", "folder", "dotdot", "absolute", "deep_dotdot"]


# the fallback everywhere; the "data" filter where this Python's tarfile has it (3.11.4 on)
FILTERS = [False, True] if hasattr(tarfile, "data_filter") else [False]


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: "filter" if f else "fallback")
@pytest.mark.parametrize("bad", BAD_MEMBERS)
def test_test_extraction_keeps_everything_inside(tmp_path, monkeypatch, bad, filters):
    """Nothing lands outside the folder, with the "data" filter or, where tarfile has none
    (Python before 3.11.4), with the checks above, whose branch is run here on any Python
    with the filter taken away: they refuse any link, folder, absolute name or ``..``."""
    if not filters:
        monkeypatch.delattr(tarfile, "data_filter", raising=False)
    archive = tmp_path / "bad.tar"
    _tar_with(archive, bad, manifest={"format": "x"})
    work = tmp_path / "work" / "inner"
    work.mkdir(parents=True)
    with tarfile.open(archive) as tar:
        if filters:  # refuses links and names outside; strips a leading "/"
            with contextlib.suppress(tarfile.TarError):
                _extract_all(tar, work)
        else:
            with pytest.raises(tarfile.TarError):
                _extract_all(tar, work)
            assert list(work.iterdir()) == [], "nothing extracted when one member is refused"
    assert not (tmp_path / "work" / "outside").exists()
    assert not (tmp_path / "outside").exists()
    assert not Path("/tmp/fieldapp-outside").exists()
    for path in work.rglob("*"):
        assert not path.is_symlink(), path


@pytest.mark.parametrize("bad", BAD_MEMBERS)
def test_restore_refuses_links_and_names_outside(tmp_path, demo_backup, bad):
    """Restore never extracts with tarfile's own extraction: it reads the expected regular
    members one by one and refuses anything else, on every Python version."""
    _, _, manifest, _ = demo_backup
    archive = tmp_path / "evil.backup"
    _tar_with(archive, bad, manifest=manifest)
    folder = tmp_path / "laptop"
    before = digest_files(folder)
    with pytest.raises(BackupError) as caught:
        restore_backup(folder, archive, PASSPHRASE,
                       before_replace=lambda: pytest.fail("checks passed"))
    assert caught.value.code == "backup_damaged"
    assert digest_files(folder) == before
    assert not (tmp_path / "outside").exists()


def test_damaged_database_with_a_matching_manifest_is_refused(tmp_path, demo_backup):
    """Someone rewrote the manifest's hashes: the page checks still refuse it."""
    out, _, manifest, _ = demo_backup
    work = tmp_path / "work"
    with tarfile.open(out) as tar:
        _extract_all(tar, work)
    _flip(work / "vault.db", 3 * 16384 + 100)
    manifest["members"]["vault.db"]["sha256"] = hashlib.sha256(
        (work / "vault.db").read_bytes()).hexdigest()
    (work / "manifest.json").write_text(json.dumps(manifest))
    with tarfile.open(out, "w") as tar:
        for name in ("manifest.json", "vault.key", "vault.db"):
            tar.add(work / name, arcname=name)
    folder = tmp_path / "laptop"
    before = digest_files(folder)
    with pytest.raises(BackupError) as caught:
        restore_backup(folder, out, PASSPHRASE)
    assert caught.value.code == "backup_damaged"
    assert digest_files(folder) == before


def test_wrong_passphrase_is_refused(tmp_path, demo_backup):
    out, _, _, _ = demo_backup
    folder = tmp_path / "laptop"
    before = digest_files(folder)
    with pytest.raises(BackupError) as caught:
        restore_backup(folder, out, "not the passphrase")
    assert caught.value.code == "backup_wrong_passphrase"
    assert digest_files(folder) == before
    assert read_manifest(out)["format"] == backup.FORMAT


def test_backup_needs_an_unlocked_vault(tmp_path):
    vault, _ = new_vault(tmp_path / "v")
    vault.lock()
    with pytest.raises(BackupError) as caught:
        create_backup(vault, tmp_path / "b")
    assert caught.value.code == "locked"
    assert not (tmp_path / "b").exists()


def _listing(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_a_backup_into_a_missing_folder_says_so_and_writes_nothing(tmp_path):
    vault, _ = new_vault(tmp_path / "v")
    try:
        with pytest.raises(BackupError) as caught:
            create_backup(vault, tmp_path / "usb" / "fieldapp.backup")
    finally:
        vault.lock()
    assert caught.value.code == "no_folder"
    assert _listing(tmp_path) == ["v", "v/vault.db", "v/vault.key"], "nothing written"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="permissions do not stop root")
def test_a_backup_into_a_read_only_folder_says_so_and_writes_nothing(tmp_path):
    vault, _ = new_vault(tmp_path / "v")
    usb = tmp_path / "usb"
    usb.mkdir(mode=0o500)
    try:
        with pytest.raises(BackupError) as caught:
            create_backup(vault, usb / "fieldapp.backup")
    finally:
        vault.lock()
        usb.chmod(0o700)
    assert caught.value.code == "folder_not_writable"
    assert _listing(tmp_path) == ["usb", "v", "v/vault.db", "v/vault.key"]


@pytest.mark.parametrize("refusal", [errno.EACCES, errno.EROFS, errno.ENOENT])
def test_a_backup_file_that_cannot_be_created_is_refused_in_the_same_words(
        tmp_path, monkeypatch, refusal):
    """Where os.access cannot tell (root, a read-only file system, a stick pulled out while
    the copy was made), the error creating the file says the same as the check before."""
    vault, _ = new_vault(tmp_path / "v")
    usb = tmp_path / "usb"
    usb.mkdir()
    real_open = backup.keys.open_private

    def refuse(path):
        if path.parent == usb:
            raise OSError(refusal, os.strerror(refusal), str(path))
        return real_open(path)

    monkeypatch.setattr(backup.keys, "open_private", refuse)
    try:
        with pytest.raises(BackupError) as caught:
            create_backup(vault, usb / "fieldapp.backup")
    finally:
        vault.lock()
    assert caught.value.code == ("no_folder" if refusal == errno.ENOENT
                                 else "folder_not_writable")
    assert list(usb.iterdir()) == [] and _listing(tmp_path / "v") == ["vault.db", "vault.key"]
