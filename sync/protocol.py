"""The sync wire format shared by client and server (versioned), and the hybrid logical clock.

The clock stamps local edits for display and tie-breaks only; ordering and cursors come from
the server's per-scope versions, never from clocks (see docs/sync-protocol.md).
"""

from __future__ import annotations

import time
from collections.abc import Callable

PROTOCOL_VERSION = 1

_COUNTER_BITS = 16
_COUNTER_MASK = (1 << _COUNTER_BITS) - 1


def hlc_pack(wall_ms: int, counter: int) -> int:
    return wall_ms << _COUNTER_BITS | counter


def hlc_unpack(stamp: int) -> tuple[int, int]:
    return stamp >> _COUNTER_BITS, stamp & _COUNTER_MASK


class HybridClock:
    """A hybrid logical clock (Kulkarni et al.): never goes backwards, follows wall time.

    Stamps are integers (milliseconds << 16 | counter) that sort in causal order on one device
    and roughly in wall-clock order across devices.
    """

    def __init__(self, last: int = 0, wall_ms: Callable[[], int] | None = None) -> None:
        self.last = last
        self._wall_ms = wall_ms or (lambda: time.time_ns() // 1_000_000)

    def tick(self) -> int:
        """Stamp for a local event."""
        wall = self._wall_ms()
        last_wall, counter = hlc_unpack(self.last)
        if wall > last_wall:
            self.last = hlc_pack(wall, 0)
        else:
            self.last = hlc_pack(last_wall, counter + 1) if counter < _COUNTER_MASK else \
                hlc_pack(last_wall + 1, 0)
        return self.last

    def observe(self, remote: int) -> int:
        """Merge a stamp received from elsewhere; returns the new local stamp."""
        wall = self._wall_ms()
        l_wall, l_count = hlc_unpack(self.last)
        r_wall, r_count = hlc_unpack(remote)
        top = max(wall, l_wall, r_wall)
        if top == l_wall == r_wall:
            counter = max(l_count, r_count) + 1
        elif top == l_wall:
            counter = l_count + 1
        elif top == r_wall:
            counter = r_count + 1
        else:
            counter = 0
        if counter > _COUNTER_MASK:
            top, counter = top + 1, 0
        self.last = hlc_pack(top, counter)
        return self.last
