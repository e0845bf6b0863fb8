"""Key handling: a random data key wrapped by a passphrase-derived key (Argon2id, AES-GCM).

The key file beside the database holds only public parameters and the wrapped data key:

    {"format": 1, "kdf": {"name": "argon2id", "salt": ..., "iterations": ..., "lanes": ...,
     "memory_kib": ...}, "slots": [{"kind": "passphrase", "nonce": ..., "wrapped": ...}]}

The KDF parameters are bound to the wrapped key as associated data, so editing them in the file
makes unwrapping fail instead of silently weakening the derivation. Changing the passphrase
re-wraps the data key; the database is never re-encrypted. More slots (an organisation
recovery key) can be added without touching the data.
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
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

KEY_FILE_FORMAT = 1
DATA_KEY_BYTES = 32
PRIVATE_FILE = 0o600  # the vault's files: read and written by their user only
PRIVATE_DIR = 0o700  # and the folders the app makes for them


class KeyFileError(Exception):
    """The key file is unreadable (``code``: damaged, too_new, wrong_passphrase)."""

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
    body = {"format": KEY_FILE_FORMAT, "kdf": kdf.as_json(), "slot": slot_kind}
    return json.dumps(body, sort_keys=True, separators=(",", ":")).encode()


@dataclass
class KeyFile:
    kdf: KdfParams
    slots: list[dict[str, str]]

    @classmethod
    def new(cls, data_key: bytes, passphrase: str, kdf: KdfParams) -> KeyFile:
        kf = cls(kdf, [])
        kf.set_passphrase_slot(data_key, derive_kek(passphrase, kdf))
        return kf

    def set_passphrase_slot(self, data_key: bytes, kek: bytes) -> None:
        nonce = os.urandom(12)
        wrapped = AESGCM(kek).encrypt(nonce, data_key, _aad(self.kdf, "passphrase"))
        self.slots = [s for s in self.slots if s["kind"] != "passphrase"]
        self.slots.insert(0, {"kind": "passphrase", "nonce": _b64(nonce), "wrapped": _b64(wrapped)})

    def unwrap(self, kek: bytes) -> bytearray:
        for slot in self.slots:
            if slot["kind"] != "passphrase":
                continue
            try:
                key = AESGCM(kek).decrypt(_unb64(slot["nonce"]), _unb64(slot["wrapped"]),
                                          _aad(self.kdf, "passphrase"))
            except InvalidTag:
                raise KeyFileError("wrong_passphrase") from None
            if len(key) != DATA_KEY_BYTES:
                raise KeyFileError("damaged", "data key of the wrong size")
            return bytearray(key)
        raise KeyFileError("damaged", "no passphrase slot")

    def to_bytes(self) -> bytes:
        body = {"format": KEY_FILE_FORMAT, "kdf": self.kdf.as_json(), "slots": self.slots}
        return json.dumps(body, indent=1).encode()

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
            if fmt != KEY_FILE_FORMAT:
                raise ValueError(fmt)
            kdf = KdfParams.from_json(body["kdf"])
            slots = [{"kind": str(s["kind"]), "nonce": str(s["nonce"]),
                      "wrapped": str(s["wrapped"])} for s in body["slots"]]
        except (KeyError, TypeError, ValueError) as e:
            raise KeyFileError("damaged", f"key file field: {e}") from None
        return cls(kdf, slots)

    def save(self, path: Path) -> None:
        write_atomically(path, self.to_bytes())

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        return cls.from_bytes(path.read_bytes())


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
