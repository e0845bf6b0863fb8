"""Record identifiers: UUIDv7 (RFC 9562), time-ordered so that new rows append to indexes."""

from __future__ import annotations

import os
import threading
import time
import uuid

_lock = threading.Lock()
_last_ms = 0
_seq = 0


def uuid7() -> str:
    """Return a new UUIDv7 as text; ids made in one process are strictly increasing."""
    return uuid7_many(1)[0]


_SEQ = [f"7{seq:03x}" for seq in range(0x1000)]  # version 7 and the 12-bit sequence
# the variant (0b10) and two random bits, from one random hex digit
_VARIANT = {f"{n:x}": f"{0b1000 | n & 0b11:x}" for n in range(16)}


def uuid7_many(count: int) -> list[str]:
    """``count`` new UUIDv7s, strictly increasing, from one read of the random source.

    Layout: 48-bit Unix milliseconds, version 7, a 12-bit sequence that keeps ids made in the
    same millisecond in order (borrowing the next millisecond when it runs out), the variant,
    62 random bits.
    """
    global _last_ms, _seq
    randomness = os.urandom(8 * count + 2)
    hexes = randomness.hex()  # 16 hex digits an id: 2 + 60 random bits are used
    out: list[str] = []
    add = out.append
    variant = _VARIANT
    with _lock:
        ms, seq = _last_ms, _seq
        now = time.time_ns() // 1_000_000
        if now > ms:
            ms, seq = now, int.from_bytes(randomness[-2:], "big") & 0x3FF
        else:
            seq += 1
        stamp = f"{ms & 0xFFFFFFFFFFFF:012x}"
        head = f"{stamp[:8]}-{stamp[8:]}-"
        for j in range(0, 16 * count, 16):
            if seq > 0xFFF:
                ms, seq = ms + 1, 0
                stamp = f"{ms & 0xFFFFFFFFFFFF:012x}"
                head = f"{stamp[:8]}-{stamp[8:]}-"
            add(f"{head}{_SEQ[seq]}-{variant[hexes[j]]}{hexes[j + 1:j + 4]}-"
                f"{hexes[j + 4:j + 16]}")
            seq += 1
        _last_ms, _seq = ms, seq - 1
    return out


def is_uuid(text: str) -> bool:
    """True for a canonical lower-case UUID string."""
    if len(text) != 36:
        return False
    try:
        return str(uuid.UUID(text)) == text
    except ValueError:
        return False
