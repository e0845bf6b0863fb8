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

from fieldapp.domain import divisions, recovery_keys
from fieldapp.domain.ids import uuid7
from fieldapp.errors import UserFacingError
from fieldapp.store import keys, schema, wal
from fieldapp.store.repository import Store, utc_now
from fieldapp.store.sqlite import Connection, DatabaseError, connect

DB_NAME = "vault.db"
KEY_NAME = "vault.key"
REKEY_NAME = "vault.db.rekey"  # the database under its new key, until the swap
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
        self.member: keys.Member | None = None  # who unlocked it
        self._data_key: bytearray | None = None

    def exists(self) -> bool:
        return self.db_path.exists() or self.key_path.exists()

    @property
    def is_unlocked(self) -> bool:
        return self.store is not None

    # --- create -------------------------------------------------------------------------

    def create(self, passphrase: str, *, user_name: str, province: str,
               team: str | None = None, role: str | None = None, lang: str = "ar",
               kdf: keys.KdfParams | None = None, member_id: str | None = None,
               name_ar: str = "") -> Store:
        """Make a new vault whose first member is ``user_name`` (``member_id``: the id the
        server issued to that user, else a local one); the passphrase must be at least 8
        characters."""
        if self.exists():
            raise VaultError("exists", str(self.data_dir))
        if len(passphrase) < MIN_PASSPHRASE:
            raise VaultError("weak_passphrase")
        if not divisions.is_province(province):
            raise VaultError("unknown_province", province)
        self.data_dir.mkdir(mode=keys.PRIVATE_DIR, parents=True, exist_ok=True)
        data_key = bytearray(os.urandom(keys.DATA_KEY_BYTES))
        member = keys.Member(member_id or uuid7(), user_name, name_ar)
        key_file = keys.KeyFile.new(bytes(data_key), member, passphrase,
                                    kdf or keys.tune_kdf())
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
        self.member = member
        return self._open(data_key)

    # --- unlock -------------------------------------------------------------------------

    def members(self) -> list[keys.Member]:
        """The members the lock screen lists (read from the key file, nothing unlocked). A
        vault from before members lists one member without id or name."""
        key_file = self._read_key_file()
        return key_file.members() if key_file.legacy is None else [keys.Member("", "")]

    def unlock(self, passphrase: str, *, member_id: str | None = None,
               check_pages: bool = True) -> Store:
        """Derive ``member_id``'s key from their passphrase, check the files, migrate if
        older; fails closed. Without ``member_id``: the only member, or the member whose
        passphrase it is (each member's key derivation is tried in turn).

        ``check_pages=False`` leaves the check of every page's MAC (half a second on a
        100,000-person vault) to :meth:`check_pages`, which the app runs in the background
        once its window shows; the first pages read (schema, version) are checked here
        as always."""
        if self.store is not None:
            return self.store
        key_file = self._read_key_file()
        if key_file.legacy is not None:
            return self._unlock_legacy(key_file, passphrase, check_pages)
        try:
            candidates = ([key_file.member_slot_or_error(member_id)] if member_id is not None
                          else key_file.members())
        except keys.KeyFileError as e:
            raise VaultError(e.code) from e
        error = "wrong_passphrase"
        for member in candidates:
            try:
                data_key = key_file.unwrap_member(
                    member.member_id,
                    keys.derive_kek(passphrase, key_file.kdf_of(member.member_id)))
            except keys.KeyFileError as e:
                if e.code != "wrong_passphrase":
                    raise VaultError(e.code) from e
                error = e.code
                continue
            self.member = member
            return self._open(data_key, check_pages)
        raise VaultError(error)

    def _unlock_legacy(self, key_file: keys.KeyFile, passphrase: str,
                       check_pages: bool) -> Store:
        """A format 1 key file: open with its one passphrase, then write it as format 2 with
        the device's user as the first member (same passphrase, same KDF cost)."""
        try:
            data_key = key_file.unwrap_legacy(passphrase)
        except keys.KeyFileError as e:
            raise VaultError(e.code) from e
        store = self._open(bytearray(data_key), check_pages)
        assert key_file.legacy is not None
        old = key_file.legacy[0]
        kdf = keys.KdfParams(os.urandom(16), old.iterations, old.lanes, old.memory_kib)
        member = keys.Member(uuid7(), store.profile.user_name)
        keys.KeyFile.new(bytes(data_key), member, passphrase, kdf).save(self.key_path)
        self.member = member
        store.act_as(member.member_id, member.name)
        return store

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
        self._finish_rekey(data_key)
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
        if self.member is not None and self.member.member_id:
            store.act_as(self.member.member_id, self.member.name, self.member.name_ar)
        self._make_files_private()
        try:
            self.apply_membership()
        except BaseException:
            self.lock()
            raise
        assert self.store is not None
        return self.store  # a re-key (a removed member's slot) reopened it

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

    def change_passphrase(self, old: str, new: str, member_id: str | None = None) -> None:
        """Re-wrap one member's key under a new passphrase (the database is not rewritten):
        ``member_id``, else the member who unlocked, else the only member. A member changes
        only their own passphrase: the old one is needed."""
        if len(new) < MIN_PASSPHRASE:
            raise VaultError("weak_passphrase")
        key_file = self._read_key_file()
        if key_file.legacy is not None:
            self.unlock(old, check_pages=False)  # upgrades the key file first
            key_file = self._read_key_file()
        if member_id is not None:
            candidates = [member_id]
        elif self.member is not None:
            candidates = [self.member.member_id]
        else:  # the member whose passphrase it is
            candidates = [m.member_id for m in key_file.members()]
        error: keys.KeyFileError | None = None
        for candidate in candidates:
            try:
                current = key_file.kdf_of(candidate)
                kdf = keys.KdfParams(os.urandom(16), current.iterations, current.lanes,
                                     current.memory_kib)
                key_file.set_passphrase(candidate, keys.derive_kek(old, current), new, kdf)
                break
            except keys.KeyFileError as e:
                error = e
        else:
            assert error is not None
            raise VaultError(error.code) from error
        key_file.save(self.key_path)

    # --- members -----------------------------------------------------------------------

    def add_member(self, member: keys.Member, passphrase: str, role: str | None = None,
                   kdf: keys.KdfParams | None = None, team: str | None = None,
                   user_id: str | None = None) -> None:
        """Give ``member`` a slot opened by their own passphrase (typed by them), with
        ``role``. The vault must be unlocked by a member who may add members (the store
        refuses otherwise), or ``user_id`` is the server's answer to the member's own
        enrollment code (they joined this device: the server vouched, with their role).
        The data key is sealed to the new member."""
        if self.store is None or self._data_key is None:
            raise VaultError("locked")
        if user_id is None:
            self.store.require("members")
        if len(passphrase) < MIN_PASSPHRASE:
            raise VaultError("weak_passphrase")
        key_file = self._read_key_file()
        if kdf is None:
            first = key_file.kdf_of(key_file.members()[0].member_id)
            kdf = keys.KdfParams(os.urandom(16), first.iterations, first.lanes,
                                 first.memory_kib)
        try:
            key_file.add_member(bytes(self._data_key), member, passphrase, kdf)
        except keys.KeyFileError as e:
            raise VaultError(e.code) from e
        # the row first: a refused role leaves the key file untouched
        self.store.add_member_row(member.member_id, member.name, member.name_ar, role, team,
                                  user_id)
        key_file.save(self.key_path)

    def remove_member(self, member_id: str) -> None:
        """Delete ``member_id``'s slot and re-key the database: a copy of the key file as it
        was before opens nothing of the database from now on. The vault stays unlocked (on a
        fresh connection, the new key)."""
        if self.store is None or self._data_key is None:
            raise VaultError("locked")
        self.store.require("members")
        key_file = self._read_key_file()
        try:
            key_file.remove_member(member_id)
        except keys.KeyFileError as e:
            raise VaultError(e.code) from e
        self.store.remove_member_row(member_id)
        self._rekey(key_file)

    def apply_membership(self) -> None:
        """Do in the key file what the server said at the last sync (kept in the database
        by ``Replica.apply_members``): seal the data key to the organisation's recovery key
        when it is new, and remove the key slots of the members the administrator took off
        this laptop (one re-key for all of them). Run at each unlock and after each sync
        that had the vault to hand. The member who just unlocked, if removed, is refused:
        the vault locks again (``member_removed``)."""
        store = self.store
        if store is None or self._data_key is None:
            raise VaultError("locked")
        key_file = self._read_key_file()
        text = store.setting("sync.recovery_key")
        if text:
            try:
                public = recovery_keys.public_from_text(text)
            except recovery_keys.RecoveryKeyError:
                public = None  # the server's business; nothing sealed to a bad key
            if public is not None and key_file.recovery_key_id() != recovery_keys.\
                    recovery_key_id(public):
                key_file.set_recovery(bytes(self._data_key),
                                      recovery_keys.recovery_key_id(public), public)
                key_file.save(self.key_path)
        removed = {r[0] for r in store.conn.execute(
            "SELECT member_id FROM members WHERE removed_at IS NOT NULL")}
        gone = [m.member_id for m in key_file.members() if m.member_id in removed]
        if not gone:
            return
        taken = []
        for member_id in gone:
            try:
                key_file.remove_member(member_id)
            except keys.KeyFileError:
                continue  # the last member stays: revoking the device is how a vault ends
            taken.append(member_id)
        if not taken:
            return
        self._rekey(key_file)
        if self.member is not None and self.member.member_id in taken:
            self.lock()
            raise VaultError("member_removed")

    def set_recovery_key(self, key_id: str, public: bytes) -> None:
        """Seal the data key to the organisation's recovery key (its public half, handed to
        the laptop at enrollment)."""
        if self._data_key is None:
            raise VaultError("locked")
        key_file = self._read_key_file()
        key_file.set_recovery(bytes(self._data_key), key_id, public)
        key_file.save(self.key_path)

    def recover(self, private_pem: bytes, new_passphrase: str,
                member_id: str | None = None) -> keys.Member:
        """Open the vault with the organisation's recovery key and give ``member_id`` (else
        the first member) a new passphrase; returns that member. Locked again after."""
        if len(new_passphrase) < MIN_PASSPHRASE:
            raise VaultError("weak_passphrase")
        key_file = self._read_key_file()
        try:
            data_key = key_file.unwrap_recovery(keys.load_recovery_private(private_pem))
            member = (key_file.member_slot_or_error(member_id) if member_id is not None
                      else key_file.members()[0])
            current = key_file.kdf_of(member.member_id)
            kdf = keys.KdfParams(os.urandom(16), current.iterations, current.lanes,
                                 current.memory_kib)
            key_file.remove_member_slot(member.member_id)
            key_file.add_member(bytes(data_key), member, new_passphrase, kdf)
        except keys.KeyFileError as e:
            raise VaultError(e.code) from e
        self._open(data_key)  # the key opens the database, whole, before the file changes
        self.lock()
        key_file.save(self.key_path)
        return member

    # --- re-keying (a member removed) ---------------------------------------------------

    def _rekey(self, key_file: keys.KeyFile) -> None:
        """Copy the database under a new data key (``sqlcipher_export``) beside it, then
        commit by replacing the key file (now sealed to the new key only), then put the copy
        in place. A crash before the key file is replaced leaves the old vault whole (the copy
        is deleted at the next unlock); after it, the next unlock finishes the swap (see
        :meth:`_finish_rekey`)."""
        assert self.store is not None
        new_key = bytearray(os.urandom(keys.DATA_KEY_BYTES))
        copy = self.db_path.with_name(REKEY_NAME)
        _remove_database(copy)
        keys.create_private_file(copy)
        conn = self.store.conn
        version = schema.version_of(conn)
        try:
            conn.execute(f"ATTACH DATABASE ? AS rekeyed KEY \"x'{new_key.hex()}'\"",
                         (str(copy),))
            try:
                conn.execute(f"PRAGMA rekeyed.cipher_page_size = {PAGE_SIZE}")
                conn.execute("SELECT sqlcipher_export('rekeyed')")
                conn.execute(f"PRAGMA rekeyed.user_version = {version}")
            finally:
                conn.execute("DETACH DATABASE rekeyed")
            with open(copy, "rb+") as f:
                os.fsync(f.fileno())
            key_file.reseal(bytes(new_key))
        except (OSError, DatabaseError) as e:
            _remove_database(copy)
            raise VaultError("disk_full" if getattr(e, "errno", None) == 28 else "io",
                             str(e)) from e
        member = self.member
        self.lock()
        key_file.save(self.key_path)  # the commit point
        self._finish_rekey(new_key)
        self.member = member
        self._open(new_key, check_pages=False)

    def _finish_rekey(self, data_key: bytearray) -> None:
        """After an unwrap: a re-keyed copy that opens with this key replaces the database
        (its old WAL goes with it); one that does not is what a crash before the commit
        left, and is deleted."""
        copy = self.db_path.with_name(REKEY_NAME)
        if not copy.exists():
            return
        conn = _connect(copy, bytes(data_key))
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            opens = True
        except DatabaseError:
            opens = False
        finally:
            conn.close()
        if not opens:
            _remove_database(copy)
            return
        for old in (Path(f"{self.db_path}-wal"), Path(f"{self.db_path}-shm")):
            old.unlink(missing_ok=True)
        os.replace(copy, self.db_path)
        keys.fsync_dir(self.data_dir)

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
                self.member = None
        if self._data_key is not None:
            _wipe(self._data_key)
            self._data_key = None


def _remove_database(path: Path) -> None:
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        p.unlink(missing_ok=True)


def _wipe(buf: bytearray) -> None:
    for i in range(len(buf)):
        buf[i] = 0
