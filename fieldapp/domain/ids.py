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


def uuid7_many(count: int) -> list[str]:
    """``count`` new UUIDv7s, strictly increasing, from one read of the random source.

    Layout: 48-bit Unix milliseconds, version 7, a 12-bit sequence that keeps ids made in the
    same millisecond in order (borrowing the next millisecond when it runs out), the variant,
    62 random bits.
    """
    global _last_ms, _seq
    randomness = os.urandom(8 * count + 2)
    out = []
    with _lock:
        ms, seq = _last_ms, _seq
        now = time.time_ns() // 1_000_000
        if now > ms:
            ms, seq = now, int.from_bytes(randomness[-2:], "big") & 0x3FF
        else:
            seq += 1
        for i in range(count):
            if seq > 0xFFF:
                ms, seq = ms + 1, 0
            rand_b = int.from_bytes(randomness[8 * i:8 * i + 8], "big") >> 2 | (0b10 << 62)
            h = f"{ms & 0xFFFFFFFFFFFF:012x}7{seq:03x}{rand_b:016x}"
            out.append(f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")
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
