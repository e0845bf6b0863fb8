"""A damaged WAL is refused like a damaged database (issue #17), a crash's WAL is not.

SQLite's WAL recovery stops at the first frame that does not check and silently drops every
transaction committed after it. The vaults here are real: a child process commits persons and
dies without a checkpoint (``os._exit``), leaving the WAL as a crash leaves it; then bits are
flipped in it, or its tail is torn, before the vault is opened again.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import struct
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from fieldapp.store import wal
from fieldapp.store.backup import create_backup, restore_backup
from fieldapp.store.vault import PAGE_SIZE, Vault, VaultError
from tests.helpers.vaults import PASSPHRASE, digest_files, new_vault

ROOT = Path(__file__).resolve().parents[2]
PERSONS = 40
WAL_NAME = "vault.db-wal"

CHILD = r"""
import os, sys
from fieldapp.store.vault import Vault
folder, passphrase, first, count, tail = sys.argv[1:6]
store = Vault(folder).unlock(passphrase)
for i in range(int(first), int(first) + int(count)):
    store.persons.create({"name_lat": "Wal Person", "nickname": f"wal {i}"})
    if tail == "restarted" and i == int(first) + int(count) - 4:
        # everything so far goes into the database: the next write restarts the WAL from its
        # start with new salts, over frames of the older generation
        store.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
if tail == "uncommitted":
    # a transaction too big for a tiny cache spills pages into the WAL before its commit,
    # and the process dies before the commit: the WAL ends with frames no commit covers
    store.conn.execute("PRAGMA cache_size = 4")
    store.conn.execute("BEGIN IMMEDIATE")
    for i in range(40):
        store.conn.execute("INSERT INTO drafts (form, payload, saved_at) VALUES (?, ?, '')",
                           (f"form {i}", "x" * 20000))
os._exit(0)  # no checkpoint, no close: the WAL stays as a crash leaves it
"""


def crash_after_writes(folder: Path, count: int, *, first: int = 0, tail: str = "") -> None:
    subprocess.run([sys.executable, "-c", CHILD, str(folder), PASSPHRASE, str(first),
                    str(count), tail], check=True, cwd=ROOT, timeout=120)


@dataclass(frozen=True)
class Frame:
    offset: int  # of the frame header in the file
    page: int
    db_size: int  # non-zero: a commit frame
    salts: tuple[int, int]


def read_frames(path: Path) -> tuple[tuple[int, int], list[Frame]]:
    """The header's salts and the frames, read independently of fieldapp.store.wal."""
    raw = path.read_bytes()
    page_size = struct.unpack_from(">I", raw, 8)[0]
    salts = struct.unpack_from(">2I", raw, 16)
    frames = []
    for offset in range(32, len(raw) - 24 - page_size + 1, 24 + page_size):
        page, db_size, s1, s2 = struct.unpack_from(">4I", raw, offset)
        frames.append(Frame(offset, page, db_size, (s1, s2)))
    return salts, frames


def salt1_of(path: Path) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read(20)[16:]
    except FileNotFoundError:
        return b""


def flip_bit(path: Path, offset: int) -> None:
    raw = bytearray(path.read_bytes())
    raw[offset] ^= 0x10
    path.write_bytes(bytes(raw))


def nicknames(folder: Path) -> set[str]:
    vault = Vault(folder)
    store = vault.unlock(PASSPHRASE)
    try:
        return {r[0] for r in store.conn.execute("SELECT nickname FROM persons")}
    finally:
        vault.lock()


def expected(count: int, first: int = 0) -> set[str]:
    return {f"wal {i}" for i in range(first, first + count)}


def assert_refused_unchanged(folder: Path) -> None:
    before = digest_files(folder)
    assert WAL_NAME in before
    with pytest.raises(VaultError) as caught:
        Vault(folder).unlock(PASSPHRASE)
    assert caught.value.code == "damaged"
    assert digest_files(folder) == before, "a refused vault must stay byte for byte as it was"


# --- crashed vaults, made once per module and copied for each test ------------------------


def _template(tmp_path_factory: pytest.TempPathFactory, name: str, tail: str) -> Path:
    folder = tmp_path_factory.mktemp(name) / "vault"
    vault, _ = new_vault(folder)
    vault.lock()
    crash_after_writes(folder, PERSONS, tail=tail)
    return folder


@pytest.fixture(scope="module")
def crashed_template(tmp_path_factory):
    return _template(tmp_path_factory, "crashed", "")


@pytest.fixture(scope="module")
def uncommitted_template(tmp_path_factory):
    return _template(tmp_path_factory, "uncommitted", "uncommitted")


@pytest.fixture
def crashed(tmp_path, crashed_template):
    folder = tmp_path / "vault"
    shutil.copytree(crashed_template, folder)
    return folder


@pytest.fixture
def uncommitted(tmp_path, uncommitted_template):
    folder = tmp_path / "vault"
    shutil.copytree(uncommitted_template, folder)
    return folder


def test_the_crash_leaves_one_commit_frame_per_person(crashed):
    """What the other tests rely on: every person in its own transaction, in the WAL."""
    salts, frames = read_frames(crashed / WAL_NAME)
    commits = [f for f in frames if f.db_size]
    assert len(commits) == PERSONS and frames[-1].db_size
    assert all(f.salts == salts for f in frames)
    assert b"Wal Person" not in (crashed / WAL_NAME).read_bytes(), "the WAL is encrypted"
    found = wal.check(crashed / WAL_NAME, PAGE_SIZE)
    assert not found.damaged and found.recovered_frames == found.frames == len(frames)


def test_an_intact_wal_opens_with_every_person(crashed):
    assert nicknames(crashed) == expected(PERSONS)


def test_a_flipped_bit_in_a_middle_frames_page_is_refused(crashed):
    _, frames = read_frames(crashed / WAL_NAME)
    middle = frames[len(frames) // 2]
    assert any(f.db_size for f in frames[len(frames) // 2 + 1:])
    flip_bit(crashed / WAL_NAME, middle.offset + 24 + PAGE_SIZE // 3)
    found = wal.check(crashed / WAL_NAME, PAGE_SIZE)
    assert found.first_rejected_frame == len(frames) // 2 + 1 and found.lost_commit_frame
    assert_refused_unchanged(crashed)


@pytest.mark.parametrize("field", [0, 4, 8, 12, 16, 20],
                         ids=["page", "db_size", "salt1", "salt2", "checksum1", "checksum2"])
def test_a_flipped_bit_in_a_frame_header_is_refused(crashed, field):
    _, frames = read_frames(crashed / WAL_NAME)
    frame = next(f for f in frames[len(frames) // 3:] if not f.db_size)
    flip_bit(crashed / WAL_NAME, frame.offset + field + 3)
    assert_refused_unchanged(crashed)


@pytest.mark.parametrize("offset", [10, 19, 27], ids=["page_size", "salt1", "checksum2"])
def test_a_flipped_bit_in_the_wal_header_is_refused(crashed, offset):
    """SQLite would ignore the whole WAL, and every transaction in it."""
    flip_bit(crashed / WAL_NAME, offset)
    assert_refused_unchanged(crashed)


def test_the_commit_frame_of_the_last_transaction_torn_loses_only_that_transaction(crashed):
    """A crash while the last commit was being written: that commit had not returned."""
    path = crashed / WAL_NAME
    os.truncate(path, path.stat().st_size - PAGE_SIZE // 2)
    assert nicknames(crashed) == expected(PERSONS - 1)


def test_a_crash_in_the_middle_of_a_transaction_is_not_damage(uncommitted):
    salts, frames = read_frames(uncommitted / WAL_NAME)
    last_commit = max(i for i, f in enumerate(frames) if f.db_size)
    assert len(frames) - last_commit > 10, "the uncommitted transaction should be in the WAL"
    assert all(f.salts == salts for f in frames)
    assert nicknames(uncommitted) == expected(PERSONS)


def test_garbled_uncommitted_frames_are_not_damage(uncommitted):
    path = uncommitted / WAL_NAME
    _, frames = read_frames(path)
    last_commit = max(i for i, f in enumerate(frames) if f.db_size)
    tail = frames[last_commit + 1:]
    flip_bit(path, tail[0].offset + 24 + 100)  # page data
    flip_bit(path, tail[3].offset + 19)  # a checksum
    flip_bit(path, tail[5].offset + 11)  # a salt
    os.truncate(path, tail[-1].offset + 24 + 1000)  # the last frame half written
    found = wal.check(path, PAGE_SIZE)
    assert found.first_rejected_frame == last_commit + 2 and found.lost_commit_frame is None
    assert nicknames(uncommitted) == expected(PERSONS)


def test_frames_of_an_older_generation_are_not_damage(tmp_path):
    """After a checkpoint the WAL restarts from its start with new salts; the older frames
    after the new ones (commit frames among them) are already in the database."""
    folder = tmp_path / "vault"
    vault, _ = new_vault(folder)
    vault.lock()
    crash_after_writes(folder, 24, tail="restarted")
    salts, frames = read_frames(folder / WAL_NAME)
    current = [f for f in frames if f.salts == salts]
    older = [f for f in frames if f.salts != salts]
    assert current and frames[:len(current)] == current
    assert any(f.db_size for f in older), "the older generation should hold commits"
    found = wal.check(folder / WAL_NAME, PAGE_SIZE)
    assert not found.damaged and found.first_rejected_frame == len(current) + 1
    assert nicknames(folder) == expected(24)


def test_open_another_refuses_a_damaged_wal(tmp_path):
    vault, store = new_vault(tmp_path / "vault")
    try:
        store.persons.create_many([{"nickname": f"n {i}"} for i in range(3)])
        for i in range(10):
            store.persons.create({"nickname": f"p {i}"})
        other = vault.open_another()  # the live WAL checks
        other.conn.close()
        path = tmp_path / "vault" / WAL_NAME
        _, frames = read_frames(path)
        flip_bit(path, frames[len(frames) // 2].offset + 24 + 5000)
        with pytest.raises(VaultError) as caught:
            vault.open_another()
        assert caught.value.code == "damaged"
    finally:
        vault.lock()


def test_a_wal_being_written_is_not_taken_for_damage(tmp_path):
    """Another connection writes while the WAL is checked, over older frames once the WAL
    has restarted after an automatic checkpoint: what a read overtaken by the writer sees
    (old frames, then new ones with commits) is not damage."""
    vault, store = new_vault(tmp_path / "vault")
    path = tmp_path / "vault" / WAL_NAME
    stop = threading.Event()

    def write() -> None:
        n = 0
        while not stop.is_set():
            store.persons.create({"nickname": f"busy {n}"})
            n += 1

    writer = threading.Thread(target=write)
    writer.start()
    try:
        first_salt = salt1_of(path)
        checks_after_restart = 0
        deadline = time.monotonic() + 120
        while checks_after_restart < 100 and time.monotonic() < deadline:
            vault.open_another().conn.close()
            if salt1_of(path) != first_salt:
                checks_after_restart += 1
        assert checks_after_restart == 100, "the WAL should have restarted"
    finally:
        stop.set()
        writer.join()
        vault.lock()


def test_a_backup_made_before_the_damage_restores_and_the_damaged_files_are_kept(tmp_path):
    folder, out = tmp_path / "vault", tmp_path / "usb" / "fieldapp.backup"
    out.parent.mkdir()
    vault, store = new_vault(folder)
    for i in range(5):
        store.persons.create({"name_lat": "Backed Up", "nickname": f"wal {i}"})
    create_backup(vault, out)
    vault.lock()
    crash_after_writes(folder, 30, first=5)
    _, frames = read_frames(folder / WAL_NAME)
    flip_bit(folder / WAL_NAME, frames[len(frames) // 2].offset + 24 + 77)
    damaged = digest_files(folder)
    assert_refused_unchanged(folder)

    restore_backup(folder, out, PASSPHRASE)
    after = digest_files(folder)
    for name in ("vault.db", "vault.db-wal", "vault.db-shm", "vault.key"):
        assert after[f"{name}.before-restore"] == damaged[name], f"{name} kept aside as it was"
    assert WAL_NAME not in after, "the damaged WAL must not meet the restored database"
    assert nicknames(folder) == expected(5)


def _run_fieldapp(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FIELDAPP_")}
    env.update(FIELDAPP_LANG="fr", FIELDAPP_PASSPHRASE=PASSPHRASE)
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=120)


def test_fieldapp_check_refuses_a_damaged_wal(crashed):
    _, frames = read_frames(crashed / WAL_NAME)
    flip_bit(crashed / WAL_NAME, frames[len(frames) // 2].offset + 24 + 77)
    before = digest_files(crashed)
    checked = _run_fieldapp("-m", "fieldapp", "check", "--data-dir", str(crashed))
    said = _run_fieldapp("-c", "from fieldapp.cli import _message; "
                         "from fieldapp.store.vault import VaultError; "
                         "import json; print(json.dumps(_message(VaultError('damaged'), 'fr')))")
    assert checked.returncode == 1, checked.stdout
    assert checked.stderr == f"fieldapp: {json.loads(said.stdout)}\n"
    assert digest_files(crashed) == before


# --- the format, on WAL files written here ------------------------------------------------


def _reference_sum(data: bytes, big_endian: bool, s1: int, s2: int) -> tuple[int, int]:
    words = struct.unpack(("<>"[big_endian]) + f"{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s1 = (s1 + words[i] + s2) & 0xFFFFFFFF
        s2 = (s2 + words[i + 1] + s1) & 0xFFFFFFFF
    return s1, s2


def write_wal(path: Path, pages: list[bytes], commits: set[int], big_endian: bool) -> None:
    """A WAL as SQLite writes it, checksums from the format's description."""
    magic = wal.MAGIC_BIG_ENDIAN if big_endian else wal.MAGIC_LITTLE_ENDIAN
    salts = (0x1234, 0xABCDEF)
    head = struct.pack(">6I", magic, wal.FORMAT_VERSION, len(pages[0]), 0, *salts)
    running = _reference_sum(head, big_endian, 0, 0)
    out = [head, struct.pack(">2I", *running)]
    for i, page in enumerate(pages):
        first = struct.pack(">2I", i + 1, i + 1 if i in commits else 0)
        running = _reference_sum(first + page, big_endian, *running)
        out += [first, struct.pack(">4I", *salts, *running), page]
    path.write_bytes(b"".join(out))


@pytest.mark.parametrize("big_endian", [False, True], ids=["little", "big"])
@pytest.mark.parametrize("page_size", [512, 4096, PAGE_SIZE])
def test_checksums_of_either_byte_order(tmp_path, big_endian, page_size):
    rng = random.Random(page_size)
    pages = [rng.randbytes(page_size) for _ in range(300)]
    path = tmp_path / "x.db-wal"
    write_wal(path, pages, {99, 199, 299}, big_endian)
    found = wal.check(path, PAGE_SIZE)
    assert (found.frames, found.recovered_frames, found.damaged) == (300, 300, False)
    frame = 24 + page_size
    flip_bit(path, 32 + 150 * frame + 24 + page_size - 1)  # frame 151: the last page byte
    found = wal.check(path, PAGE_SIZE)
    assert (found.recovered_frames, found.first_rejected_frame, found.lost_commit_frame) \
        == (100, 151, 200)


def test_no_wal_an_empty_wal_and_a_header_alone_are_not_damage(tmp_path):
    path = tmp_path / "x.db-wal"
    assert not wal.check(path, PAGE_SIZE).damaged
    path.write_bytes(b"")
    assert not wal.check(path, PAGE_SIZE).damaged
    path.write_bytes(b"\xff" * (32 + 24 + PAGE_SIZE - 1))  # not even one whole frame
    assert not wal.check(path, PAGE_SIZE).damaged
    path.write_bytes(b"\xff" * (32 + 24 + PAGE_SIZE))
    assert wal.check(path, PAGE_SIZE).damaged
