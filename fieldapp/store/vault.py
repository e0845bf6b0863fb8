"""The vault: the encrypted database of one laptop, and its keys.

A data folder holds ``vault.db`` (SQLCipher 4: every page encrypted and authenticated, the WAL
too) and ``vault.key`` (the data key wrapped by a passphrase-derived key, see keys.py).
Opening fails closed: a wrong passphrase, a file that is not encrypted, a damaged or tampered
file (the WAL included, see wal.py), or a vault written by a newer version is refused with its
own error code, and nothing is written to the files before they have been checked. The folder
and the files are private to the user (0700 and 0600).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from fieldapp.domain import divisions
from fieldapp.domain.ids import uuid7
from fieldapp.errors import UserFacingError
from fieldapp.store import keys, schema, wal
from fieldapp.store.repository import Store, utc_now
from fieldapp.store.sqlite import Connection, DatabaseError, connect

DB_NAME = "vault.db"
KEY_NAME = "vault.key"
PAGE_SIZE = 16384  # fewer per-page MACs and IVs than 4096; measured in bench/store.py
SQLITE_HEADER = b"SQLite format 3\x00"


class VaultError(UserFacingError):
    """Codes: not_found, exists, wrong_passphrase, not_encrypted, damaged, too_new, locked,
    weak_passphrase, disk_full."""


def _connect(path: Path, key: bytes) -> Connection:
    conn = connect(str(path))
    # SQLCipher would print every failed page check on stderr; the app reports them itself
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute(f"PRAGMA cipher_page_size = {PAGE_SIZE}")
    return conn


def _configure(conn: Connection) -> None:
    # WAL with synchronous=FULL: a commit that returned is on disk, even after power loss.
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA temp_store = MEMORY")  # no plaintext temp files
    conn.execute("PRAGMA cache_size = -65536")  # fewer page decryptions on large reads
    conn.execute("PRAGMA busy_timeout = 5000")


MIN_PASSPHRASE = 8


class Vault:
    """Creates, unlocks, re-keys and locks the vault in ``data_dir``."""

    def __init__(self, data_dir: Path | str) -> None:
        self.data_dir = Path(data_dir)
        self.db_path = self.data_dir / DB_NAME
        self.key_path = self.data_dir / KEY_NAME
        self.store: Store | None = None
        self._data_key: bytearray | None = None

    def exists(self) -> bool:
        return self.db_path.exists() or self.key_path.exists()

    @property
    def is_unlocked(self) -> bool:
        return self.store is not None

    # --- create -------------------------------------------------------------------------

    def create(self, passphrase: str, *, user_name: str, province: str,
               team: str | None = None, role: str | None = None, lang: str = "ar",
               kdf: keys.KdfParams | None = None) -> Store:
        """Make a new vault; the passphrase must be at least 8 characters."""
        if self.exists():
            raise VaultError("exists", str(self.data_dir))
        if len(passphrase) < MIN_PASSPHRASE:
            raise VaultError("weak_passphrase")
        if not divisions.is_province(province):
            raise VaultError("unknown_province", province)
        self.data_dir.mkdir(mode=keys.PRIVATE_DIR, parents=True, exist_ok=True)
        data_key = bytearray(os.urandom(keys.DATA_KEY_BYTES))
        key_file = keys.KeyFile.new(bytes(data_key), passphrase, kdf or keys.tune_kdf())
        tmp_db = self.db_path.with_name(DB_NAME + ".new")
        for leftover in (tmp_db, Path(f"{tmp_db}-wal"), Path(f"{tmp_db}-shm")):
            leftover.unlink(missing_ok=True)
        try:
            # SQLite gives its -wal, -shm and -journal files the mode of the database file
            keys.create_private_file(tmp_db)
            conn = _connect(tmp_db, bytes(data_key))
            schema.migrate(conn)
            conn.execute(
                "INSERT INTO device (id, device_id, user_name, team, province, role, lang, "
                "created_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?)",
                (uuid7(), user_name, team, province, role, lang, utc_now()))
            conn.close()
            os.replace(tmp_db, self.db_path)
            key_file.save(self.key_path)
            keys.fsync_dir(self.data_dir)
        except OSError as e:
            raise VaultError("disk_full" if e.errno == 28 else "io", str(e)) from e
        return self._open(data_key)

    # --- unlock -------------------------------------------------------------------------

    def unlock(self, passphrase: str, *, check_pages: bool = True) -> Store:
        """Derive the key, check the files, migrate if older; fails closed.

        ``check_pages=False`` leaves the check of every page's MAC (half a second on a
        100,000-person vault) to :meth:`check_pages`, which the app runs in the background
        once its window shows; the first pages read (schema, version) are checked here
        as always."""
        if self.store is not None:
            return self.store
        key_file = self._read_key_file()
        try:
            data_key = key_file.unwrap(keys.derive_kek(passphrase, key_file.kdf))
        except keys.KeyFileError as e:
            raise VaultError(e.code) from e
        return self._open(data_key, check_pages)

    def _read_key_file(self) -> keys.KeyFile:
        if not self.db_path.exists():
            raise VaultError("not_found", str(self.data_dir))
        self._check_db_file()
        if not self.key_path.exists():
            raise VaultError("damaged", "the key file is missing")
        try:
            return keys.KeyFile.load(self.key_path)
        except keys.KeyFileError as e:
            raise VaultError(e.code, str(e)) from e

    def _check_db_file(self) -> None:
        with open(self.db_path, "rb") as f:
            head = f.read(len(SQLITE_HEADER))
        if head == SQLITE_HEADER:
            raise VaultError("not_encrypted")
        size = self.db_path.stat().st_size
        if size == 0 or size % PAGE_SIZE:
            raise VaultError("damaged", f"file size {size} is not a whole number of pages")
        self._check_wal()

    def _check_wal(self) -> None:
        """Refuse the vault if recovering its WAL would silently drop committed transactions
        (see wal.py). Called before SQLite opens the database. Reads the WAL only: in
        open_another, opening and closing the database file from Python would release the
        locks this process's connections hold on it (POSIX locks belong to the process)."""
        found = wal.check(Path(f"{self.db_path}-wal"), PAGE_SIZE)
        if found.damaged:
            raise VaultError("damaged", found.problem)

    def _open(self, data_key: bytearray, check_pages: bool = True) -> Store:
        conn = _connect(self.db_path, bytes(data_key))
        try:
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                version = schema.version_of(conn)
            except DatabaseError as e:
                # The key unwrapped, so a page that does not authenticate is damage.
                raise VaultError("damaged", str(e)) from e
            if version > schema.LATEST:
                raise VaultError("too_new", f"database version {version}")
            if check_pages:
                problems = conn.execute("PRAGMA cipher_integrity_check").fetchall()
                if problems:
                    raise VaultError("damaged", f"{len(problems)} pages fail their check")
            _configure(conn)
            schema.migrate(conn)
            store = Store(conn)
        except DatabaseError as e:
            conn.close()
            raise VaultError("damaged", str(e)) from e
        except BaseException:
            conn.close()
            raise
        self._data_key = data_key
        self.store = store
        self._make_files_private()
        return store

    def check_pages(self) -> int:
        """Check every page's MAC on a connection of its own, while the vault is in use;
        returns how many pages fail. After an unlock without the check, the app runs this
        in the background and stops writing if any page fails."""
        store = self.open_another()
        try:
            return len(store.conn.execute("PRAGMA cipher_integrity_check").fetchall())
        except DatabaseError:
            return 1  # a page so damaged that the check itself cannot go on
        finally:
            store.conn.close()

    def open_another(self) -> Store:
        """A second connection to the unlocked vault, for a thread of its own (sync):
        WAL lets it read while the main connection writes; writes take turns."""
        if self._data_key is None:
            raise VaultError("locked")
        self._check_wal()
        conn = _connect(self.db_path, bytes(self._data_key))
        _configure(conn)
        return Store(conn)

    def _make_files_private(self) -> None:
        """Vaults made before files were created private (0644) become 0600 once opened."""
        if os.name != "posix":  # pragma: no cover - Windows has no mode bits for this
            return
        for path in (self.db_path, self.key_path, Path(f"{self.db_path}-wal"),
                     Path(f"{self.db_path}-shm")):
            with contextlib.suppress(OSError):  # gone meanwhile, or not ours to change
                if path.stat().st_mode & 0o077:
                    path.chmod(keys.PRIVATE_FILE)

    # --- passphrase and lock ----------------------------------------------------------

    def change_passphrase(self, old: str, new: str) -> None:
        """Re-wrap the data key under a new passphrase (the database is not rewritten)."""
        if len(new) < MIN_PASSPHRASE:
            raise VaultError("weak_passphrase")
        key_file = self._read_key_file()
        try:
            data_key = key_file.unwrap(keys.derive_kek(old, key_file.kdf))
        except keys.KeyFileError as e:
            raise VaultError(e.code) from e
        kdf = keys.KdfParams(os.urandom(16), key_file.kdf.iterations, key_file.kdf.lanes,
                             key_file.kdf.memory_kib)
        fresh = keys.KeyFile(kdf, [s for s in key_file.slots if s["kind"] != "passphrase"])
        fresh.set_passphrase_slot(bytes(data_key), keys.derive_kek(new, kdf))
        _wipe(data_key)
        fresh.save(self.key_path)

    def erase(self) -> None:
        """Lock, then delete the key file and the database: without the wrapped key the
        encrypted pages cannot be read by anyone (revoked laptop)."""
        self.lock()
        for path in (self.key_path, self.db_path, Path(f"{self.db_path}-wal"),
                     Path(f"{self.db_path}-shm")):
            path.unlink(missing_ok=True)
        keys.fsync_dir(self.data_dir)

    def lock(self) -> None:
        """Close the database and forget the key."""
        if self.store is not None:
            try:
                self.store.conn.close()
            finally:
                self.store = None
        if self._data_key is not None:
            _wipe(self._data_key)
            self._data_key = None


def _wipe(buf: bytearray) -> None:
    for i in range(len(buf)):
        buf[i] = 0
