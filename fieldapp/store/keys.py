"""Key handling: a random data key, opened by each member of the vault with their own
passphrase (key slots), and by the organisation's recovery key.

The key file beside the database holds only public parameters and wrapped secrets
(format 2):

    {"format": 2, "slots": [
      {"kind": "member", "member_id": ..., "name": ..., "name_ar": ..., "kdf": {argon2id ...},
       "public": X25519 public key, "private": AES-GCM(passphrase key, X25519 private key),
       "seal": data key sealed to "public"},
      {"kind": "recovery", "key_id": ..., "public": the organisation's X25519 public key,
       "seal": data key sealed to it}]}

A member's passphrase (Argon2id) opens their private key, which opens the data key sealed to
them (X25519, HKDF-SHA256, AES-GCM). Sealing needs only public keys, so the data key can be
sealed to every member again after a removal re-keys the database, without anyone's
passphrase; and a passphrase change re-wraps one private key, nothing else. Every wrapped
secret is bound (associated data) to its slot's header (kind, member, names, KDF parameters,
public key), so editing a name, a salt or a public key in the file makes opening fail instead
of silently weakening or misdirecting it. The member names are in clear: the lock screen lists
them before anything is unlocked (staff names, never a beneficiary's).

Format 1 (one passphrase slot, before members) is still read; the vault rewrites it as
format 2 at the first unlock.
"""

from __future__ import annotations

import base64
import json
import os
import time
import unicodedata
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from fieldapp.domain import recovery_keys
from fieldapp.domain.recovery_keys import (  # noqa: F401 - the key pair's helpers, named here too
    new_recovery_key,
    public_raw,
    recovery_key_id,
    recovery_private_pem,
)

KEY_FILE_FORMAT = 2
LEGACY_FORMAT = 1
DATA_KEY_BYTES = 32
PRIVATE_FILE = 0o600  # the vault's files: read and written by their user only
PRIVATE_DIR = 0o700  # and the folders the app makes for them


class KeyFileError(Exception):
    """The key file is unreadable (``code``: damaged, too_new, wrong_passphrase,
    unknown_member, wrong_recovery_key, last_member)."""

    def __init__(self, code: str, detail: str = "") -> None:
        self.code = code
        super().__init__(f"{code}: {detail}" if detail else code)


@dataclass(frozen=True)
class KdfParams:
    salt: bytes
    iterations: int
    lanes: int = 4
    memory_kib: int = 64 * 1024

    def as_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["salt"] = _b64(self.salt)
        return {"name": "argon2id", **d}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> KdfParams:
        if d.get("name") != "argon2id":
            raise KeyFileError("too_new", f"unknown kdf {d.get('name')!r}")
        params = cls(_unb64(d["salt"]), int(d["iterations"]), int(d["lanes"]),
                     int(d["memory_kib"]))
        if not (1 <= params.iterations <= 1000 and 1 <= params.lanes <= 64
                and 8 * params.lanes <= params.memory_kib <= 4 * 1024 * 1024
                and len(params.salt) >= 16):
            raise KeyFileError("damaged", "kdf parameters out of range")
        return params


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode("ascii")


def _unb64(s: str) -> bytes:
    return base64.b64decode(s.encode("ascii"), validate=True)


def normalise_passphrase(passphrase: str) -> bytes:
    # The same Arabic or accented passphrase typed on two keyboards may arrive composed or
    # decomposed: NFC makes both derive the same key.
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def derive_kek(passphrase: str, params: KdfParams) -> bytes:
    kdf = Argon2id(salt=params.salt, length=32, iterations=params.iterations,
                   lanes=params.lanes, memory_cost=params.memory_kib)
    return kdf.derive(normalise_passphrase(passphrase))


def tune_kdf(target_seconds: float = 0.7, memory_kib: int = 64 * 1024, lanes: int = 4,
             minimum_iterations: int = 3) -> KdfParams:
    """Parameters that take about ``target_seconds`` to derive on this machine.

    Two probes give the cost of one pass over the memory apart from the fixed cost of
    allocating it, so the estimate holds on slow and fast machines alike.
    """

    def cost(iterations: int) -> float:
        probe = KdfParams(os.urandom(16), iterations, lanes, memory_kib)
        start = time.perf_counter()
        derive_kek("probe", probe)
        return time.perf_counter() - start

    low, high = minimum_iterations, minimum_iterations * 3
    t_low, t_high = min(cost(low), cost(low)), cost(high)
    per_iteration = max((t_high - t_low) / (high - low), 1e-4)
    fixed = max(t_low - per_iteration * low, 0.0)
    iterations = round((target_seconds - fixed) / per_iteration)
    return KdfParams(os.urandom(16), max(minimum_iterations, min(200, iterations)), lanes,
                     memory_kib)


def _aad(kdf: KdfParams, slot_kind: str) -> bytes:
    """Format 1's associated data (read only)."""
    body = {"format": LEGACY_FORMAT, "kdf": kdf.as_json(), "slot": slot_kind}
    return json.dumps(body, sort_keys=True, separators=(",", ":")).encode()


def _canonical(header: dict[str, Any]) -> bytes:
    return json.dumps({"format": KEY_FILE_FORMAT, **header}, sort_keys=True,
                      separators=(",", ":"), ensure_ascii=False).encode()


def _raw_public(key: X25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def _raw_private(key: X25519PrivateKey) -> bytes:
    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def _seal_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=None,
                info=b"fieldapp vault seal 2" + ephemeral + recipient).derive(shared)


def seal(data_key: bytes, recipient: bytes, aad: bytes) -> dict[str, str]:
    """``data_key`` sealed to the X25519 public key ``recipient`` (raw 32 bytes)."""
    ephemeral = X25519PrivateKey.generate()
    eph_public = _raw_public(ephemeral.public_key())
    key = _seal_key(ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient)),
                    eph_public, recipient)
    nonce = os.urandom(12)
    return {"ephemeral": _b64(eph_public), "nonce": _b64(nonce),
            "wrapped": _b64(AESGCM(key).encrypt(nonce, data_key, aad))}


def unseal(sealed: dict[str, str], private: X25519PrivateKey, aad: bytes) -> bytearray:
    eph_public = _unb64(sealed["ephemeral"])
    recipient = _raw_public(private.public_key())
    key = _seal_key(private.exchange(X25519PublicKey.from_public_bytes(eph_public)),
                    eph_public, recipient)
    data_key = AESGCM(key).decrypt(_unb64(sealed["nonce"]), _unb64(sealed["wrapped"]), aad)
    if len(data_key) != DATA_KEY_BYTES:
        raise KeyFileError("damaged", "data key of the wrong size")
    return bytearray(data_key)


@dataclass(frozen=True)
class Member:
    """A member of the vault as the lock screen lists them (before any unlock)."""

    member_id: str
    name: str
    name_ar: str = ""


_MEMBER_FIELDS = ("member_id", "name", "name_ar")


def _member_header(slot: dict[str, Any]) -> dict[str, Any]:
    return {"kind": "member", **{k: slot[k] for k in _MEMBER_FIELDS}, "kdf": slot["kdf"],
            "public": slot["public"]}


def _recovery_header(slot: dict[str, Any]) -> dict[str, Any]:
    return {"kind": "recovery", "key_id": slot["key_id"], "public": slot["public"]}


@dataclass
class KeyFile:
    """The slots of one vault. Format 1 files load as ``legacy`` (their one passphrase
    slot) until :meth:`upgrade` turns them into a member."""

    slots: list[dict[str, Any]]
    legacy: tuple[KdfParams, dict[str, str]] | None = None

    @classmethod
    def new(cls, data_key: bytes, member: Member, passphrase: str, kdf: KdfParams) -> KeyFile:
        kf = cls([])
        kf.add_member(data_key, member, passphrase, kdf)
        return kf

    # --- members ----------------------------------------------------------------------

    def members(self) -> list[Member]:
        return [Member(*(str(s[k]) for k in _MEMBER_FIELDS)) for s in self.slots
                if s["kind"] == "member"]

    def member_slot(self, member_id: str) -> dict[str, Any]:
        for s in self.slots:
            if s["kind"] == "member" and s["member_id"] == member_id:
                return s
        raise KeyFileError("unknown_member", member_id)

    def member_slot_or_error(self, member_id: str) -> Member:
        slot = self.member_slot(member_id)
        return Member(*(str(slot[k]) for k in _MEMBER_FIELDS))

    def kdf_of(self, member_id: str) -> KdfParams:
        return KdfParams.from_json(self.member_slot(member_id)["kdf"])

    def add_member(self, data_key: bytes, member: Member, passphrase: str,
                   kdf: KdfParams) -> None:
        if any(s["kind"] == "member" and s["member_id"] == member.member_id
               for s in self.slots):
            raise KeyFileError("exists", member.member_id)
        private = X25519PrivateKey.generate()
        slot: dict[str, Any] = {"kind": "member", "member_id": member.member_id,
                                "name": member.name, "name_ar": member.name_ar,
                                "kdf": kdf.as_json(),
                                "public": _b64(_raw_public(private.public_key()))}
        self._wrap_private(slot, private, derive_kek(passphrase, kdf))
        slot["seal"] = seal(data_key, _raw_public(private.public_key()),
                            _canonical(_member_header(slot)))
        self.slots.append(slot)

    @staticmethod
    def _wrap_private(slot: dict[str, Any], private: X25519PrivateKey, kek: bytes) -> None:
        nonce = os.urandom(12)
        slot["private"] = {"nonce": _b64(nonce), "wrapped": _b64(AESGCM(kek).encrypt(
            nonce, _raw_private(private), _canonical({**_member_header(slot), "part": "private"})))}

    def _open_private(self, slot: dict[str, Any], kek: bytes) -> X25519PrivateKey:
        try:
            raw = AESGCM(kek).decrypt(
                _unb64(slot["private"]["nonce"]), _unb64(slot["private"]["wrapped"]),
                _canonical({**_member_header(slot), "part": "private"}))
        except InvalidTag:
            raise KeyFileError("wrong_passphrase") from None
        return X25519PrivateKey.from_private_bytes(raw)

    def unwrap_member(self, member_id: str, kek: bytes) -> bytearray:
        """The data key, opened with the key derived from ``member_id``'s passphrase."""
        slot = self.member_slot(member_id)
        private = self._open_private(slot, kek)
        try:
            return unseal(slot["seal"], private, _canonical(_member_header(slot)))
        except InvalidTag:
            raise KeyFileError("damaged", "the member's seal does not open") from None

    def set_passphrase(self, member_id: str, old_kek: bytes, new_passphrase: str,
                       kdf: KdfParams) -> None:
        """Re-wrap one member's private key under a new passphrase (fresh salt)."""
        slot = self.member_slot(member_id)
        private = self._open_private(slot, old_kek)
        data_key = unseal(slot["seal"], private, _canonical(_member_header(slot)))
        slot["kdf"] = kdf.as_json()  # the header changes: wrap and seal again
        self._wrap_private(slot, private, derive_kek(new_passphrase, kdf))
        slot["seal"] = seal(bytes(data_key), _unb64(slot["public"]),
                            _canonical(_member_header(slot)))
        data_key[:] = bytes(len(data_key))

    def remove_member(self, member_id: str) -> None:
        self.member_slot(member_id)
        if len(self.members()) == 1:
            raise KeyFileError("last_member", member_id)
        self.slots = [s for s in self.slots
                      if not (s["kind"] == "member" and s["member_id"] == member_id)]

    def remove_member_slot(self, member_id: str) -> None:
        """Drop the slot whatever else is left (recovery gives the member a new one)."""
        self.member_slot(member_id)
        self.slots = [s for s in self.slots
                      if not (s["kind"] == "member" and s["member_id"] == member_id)]

    def reseal(self, data_key: bytes) -> None:
        """Seal a new data key (after a re-key) to every member and recovery key."""
        for slot in self.slots:
            header = (_member_header(slot) if slot["kind"] == "member"
                      else _recovery_header(slot))
            slot["seal"] = seal(data_key, _unb64(slot["public"]), _canonical(header))

    # --- the organisation's recovery key ------------------------------------------------

    def set_recovery(self, data_key: bytes, key_id: str, public: bytes) -> None:
        self.slots = [s for s in self.slots if s["kind"] != "recovery"]
        slot: dict[str, Any] = {"kind": "recovery", "key_id": key_id, "public": _b64(public)}
        slot["seal"] = seal(data_key, public, _canonical(_recovery_header(slot)))
        self.slots.append(slot)

    def recovery_key_id(self) -> str | None:
        return next((str(s["key_id"]) for s in self.slots if s["kind"] == "recovery"), None)

    def unwrap_recovery(self, private: X25519PrivateKey) -> bytearray:
        for slot in self.slots:
            if slot["kind"] == "recovery" and _unb64(slot["public"]) == _raw_public(
                    private.public_key()):
                try:
                    return unseal(slot["seal"], private, _canonical(_recovery_header(slot)))
                except InvalidTag:
                    raise KeyFileError("damaged", "the recovery seal does not open") from None
        raise KeyFileError("wrong_recovery_key")

    # --- format 1 -----------------------------------------------------------------------

    def unwrap_legacy(self, passphrase: str) -> bytearray:
        assert self.legacy is not None
        kdf, slot = self.legacy
        try:
            key = AESGCM(derive_kek(passphrase, kdf)).decrypt(
                _unb64(slot["nonce"]), _unb64(slot["wrapped"]), _aad(kdf, "passphrase"))
        except InvalidTag:
            raise KeyFileError("wrong_passphrase") from None
        if len(key) != DATA_KEY_BYTES:
            raise KeyFileError("damaged", "data key of the wrong size")
        return bytearray(key)

    # --- the file -----------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        if self.legacy is not None:
            raise KeyFileError("damaged", "a format 1 key file is upgraded, not rewritten")
        return json.dumps({"format": KEY_FILE_FORMAT, "slots": self.slots}, indent=1,
                          ensure_ascii=False).encode()

    @classmethod
    def from_bytes(cls, raw: bytes) -> KeyFile:
        try:
            body = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise KeyFileError("damaged", "key file is not JSON") from None
        if not isinstance(body, dict):
            raise KeyFileError("damaged", "key file is not an object")
        fmt = body.get("format")
        if isinstance(fmt, int) and fmt > KEY_FILE_FORMAT:
            raise KeyFileError("too_new", f"key file format {fmt}")
        try:
            if fmt == LEGACY_FORMAT:
                kdf = KdfParams.from_json(body["kdf"])
                slot = next(s for s in body["slots"] if s["kind"] == "passphrase")
                return cls([], legacy=(kdf, {"nonce": str(slot["nonce"]),
                                             "wrapped": str(slot["wrapped"])}))
            if fmt != KEY_FILE_FORMAT:
                raise ValueError(fmt)
            slots = [_checked_slot(s) for s in body["slots"]]
        except (KeyError, TypeError, ValueError, StopIteration) as e:
            raise KeyFileError("damaged", f"key file field: {e}") from None
        if not any(s["kind"] == "member" for s in slots):
            raise KeyFileError("damaged", "no member slot")
        return cls(slots)

    def save(self, path: Path) -> None:
        write_atomically(path, self.to_bytes())

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        return cls.from_bytes(path.read_bytes())


def _checked_slot(s: Any) -> dict[str, Any]:
    """One slot with exactly the expected fields and types (strings where strings go)."""
    def text(v: Any) -> str:
        if not isinstance(v, str):
            raise TypeError("not text")
        return v

    def box(v: Any, names: tuple[str, ...]) -> dict[str, str]:
        return {n: text(v[n]) for n in names}

    kind = text(s["kind"])
    if kind == "member":
        KdfParams.from_json(s["kdf"])
        return {"kind": kind, **{k: text(s[k]) for k in _MEMBER_FIELDS},
                "kdf": s["kdf"], "public": text(s["public"]),
                "private": box(s["private"], ("nonce", "wrapped")),
                "seal": box(s["seal"], ("ephemeral", "nonce", "wrapped"))}
    if kind == "recovery":
        return {"kind": kind, "key_id": text(s["key_id"]), "public": text(s["public"]),
                "seal": box(s["seal"], ("ephemeral", "nonce", "wrapped"))}
    raise ValueError(f"slot kind {kind!r}")


# --- the organisation's recovery key pair (fieldapp-server admin recovery-key create) ----


def load_recovery_private(pem: bytes) -> X25519PrivateKey:
    try:
        return recovery_keys.load_recovery_private(pem)
    except recovery_keys.RecoveryKeyError as e:
        raise KeyFileError("wrong_recovery_key", str(e)) from None


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves either the old or the new file,
    private to the user whatever the umask."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)  # a leftover would keep its own mode
    with open_private(tmp) as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)


def open_private(path: Path) -> BinaryIO:
    """Create ``path`` (it must not exist) for writing, with mode 0600 from the start: a file
    made with the default mode and narrowed afterwards is readable by others meanwhile."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                 PRIVATE_FILE)
    return os.fdopen(fd, "wb")


def create_private_file(path: Path) -> None:
    """An empty file at ``path`` with mode 0600, e.g. for SQLite to open as a new database
    (it then gives the database's -wal, -shm and -journal files the same mode)."""
    open_private(path).close()


def fsync_dir(path: Path) -> None:
    if os.name != "posix":  # pragma: no cover - Windows cannot open directories
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
