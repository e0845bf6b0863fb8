"""The organisation's recovery key pair (X25519).

The administrator makes it once on the server (``fieldapp-server admin recovery-key create``):
the private half goes to a file kept offline, the public half stays in the server's database
and is handed to every laptop at enrollment and at each sync; the laptop seals its vault's
data key to it (a recovery slot in the key file, ``fieldapp.store.keys``). Shared by the
server and the laptop, so it needs neither the store nor the server.
"""

from __future__ import annotations

import base64
import hashlib

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
    load_pem_private_key,
)


class RecoveryKeyError(ValueError):
    """Not an X25519 private key in PEM form, or not a 32-byte public key."""


def new_recovery_key() -> tuple[X25519PrivateKey, str]:
    """A key pair and its id (the first 16 hex digits of the public key's SHA-256)."""
    private = X25519PrivateKey.generate()
    return private, recovery_key_id(public_raw(private))


def recovery_key_id(public: bytes) -> str:
    return hashlib.sha256(public).hexdigest()[:16]


def raw_public(key: X25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def public_raw(private: X25519PrivateKey) -> bytes:
    return raw_public(private.public_key())


def public_text(public: bytes) -> str:
    """The public half as the server keeps and hands it out (base64)."""
    return base64.b64encode(public).decode("ascii")


def public_from_text(text: str) -> bytes:
    try:
        public = base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeError):
        raise RecoveryKeyError("not base64") from None
    if len(public) != 32:
        raise RecoveryKeyError("not an X25519 public key")
    return public


def recovery_private_pem(private: X25519PrivateKey) -> bytes:
    return private.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())


def load_recovery_private(pem: bytes) -> X25519PrivateKey:
    try:
        key = load_pem_private_key(pem, password=None)
    except (ValueError, TypeError):
        raise RecoveryKeyError("not a PEM private key") from None
    if not isinstance(key, X25519PrivateKey):
        raise RecoveryKeyError("not an X25519 key")
    return key
