"""The write-ahead log (``vault.db-wal``), checked before SQLite opens the database.

Why: after a crash, a kill or a power cut the WAL is not checkpointed, and the next
connection recovers it. SQLite replays its frames from the start and stops at the first frame
whose salt or checksum does not match, silently dropping every transaction committed after
that frame; it then checkpoints and deletes the WAL. One flipped bit in the middle of the WAL
thus loses committed records without a word, and SQLCipher's page MACs cannot tell, because
the dropped pages are never read. :func:`check` finds that case first, so that the vault can
be refused while every file is still as it was.

The format (https://www.sqlite.org/fileformat2.html#walformat), all integers big-endian:

- a 32-byte header: magic (0x377f0682 or 0x377f0683), format version (3007000), page size,
  checkpoint sequence, salt-1, salt-2, checksum-1, checksum-2 (over the first 24 bytes);
- frames, each a 24-byte header (page number; database size in pages after the commit, non-zero
  only on the last frame of a transaction, its *commit frame*; salt-1; salt-2; checksum-1;
  checksum-2) followed by one page.

The checksum is a Fletcher-like sum of 32-bit words, read little-endian when the magic's low bit
is 0 and big-endian when it is 1. A frame's sum covers the first 8 bytes of its header and its
page, starting from the checksum stored in the frame before it (the header's, for the first
frame). Because it starts from the *stored* value, every frame can be checked on its own, even
after a damaged one. The salts change each time the WAL restarts from its beginning after a
checkpoint, so frames with other salts are leftovers of an older generation, already in the
database. SQLCipher encrypts each page before it reaches the WAL, so the checksums cover
ciphertext and checking them needs no key.

Damage, for this module, is what makes recovery drop committed data:

- an invalid header while the file holds at least one whole frame (SQLite would ignore the
  whole WAL), or
- a frame that recovery rejects (salts other than the header's, a checksum that does not
  match, page number 0), followed by a commit frame of the current generation that checks:
  the transactions up to that commit were committed, and recovery would stop before them.

Not damage: a torn tail (the transaction being written when the process died: bad frames with
no commit frame that checks after them), frames of an older generation, a partial last frame.

A power cut can only tear the transaction whose commit had not returned, and SQLite writes a
transaction's commit frame last, but a disk may reorder writes that were not yet synced; if it
put a commit frame on the platter before an earlier frame of the same transaction, this check
refuses a vault that SQLite would have opened without that (never acknowledged) transaction.
Refusing is the safe side: the files stay as they are.
"""

from __future__ import annotations

import array
import dataclasses
import os
import struct
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

HEADER_BYTES = 32
FRAME_HEADER_BYTES = 24
MAGIC_LITTLE_ENDIAN = 0x377F0682  # checksums over little-endian words
MAGIC_BIG_ENDIAN = 0x377F0683  # checksums over big-endian words
FORMAT_VERSION = 3007000
_CHUNK_BYTES = 2 << 20  # read this much at a time; also how many frames are summed together
_ATTEMPTS = 6  # reads of a WAL that looks damaged, to tell damage from a write in progress
_PAUSE_SECONDS = 0.02
_MASK32 = 0xFFFFFFFF


@dataclass(frozen=True)
class WalCheck:
    """What :func:`check` found in a WAL file. Frames are numbered from 1, as SQLite does."""

    size: int  # bytes in the file (0: no WAL)
    frames: int  # whole frames in the file
    recovered_frames: int  # frames that recovery applies: up to the last commit it reaches
    first_rejected_frame: int | None  # the frame where recovery stops, if before the end
    lost_commit_frame: int | None  # a later commit frame that checks: recovery would drop it
    problem: str  # why the WAL counts as damaged (English, for logs); "" when it does not
    in_use: bool = False  # it kept changing while read: a live connection is writing it

    @property
    def damaged(self) -> bool:
        return bool(self.problem)


@dataclass(frozen=True)
class _Header:
    big_endian: bool
    page_size: int
    salts: tuple[int, int]
    checksum: tuple[int, int]


def check(path: Path, page_size: int) -> WalCheck:
    """Read the WAL at ``path`` (missing or empty: nothing to recover) without changing it.

    ``page_size`` is the database's page size; it is used to count whole frames only when the
    WAL header cannot be trusted.

    Another connection may be writing the WAL meanwhile (the app's own, or another process's),
    in place once the WAL has restarted: a read that the writer overtakes sees old frames
    before new ones, which looks like damage. So damage counts only when two reads of a file
    that held still (same size and modification time) find the same. A WAL that never holds
    still is in use, and SQLite does not recover a WAL that a live connection holds: it is not
    refused (``in_use``)."""
    last: WalCheck | None = None
    for _ in range(_ATTEMPTS):
        stamp = _stamp(path)
        found = _read(path, page_size)
        if not found.damaged:
            return found
        if _stamp(path) != stamp:
            last = None
        elif found == last:
            return found
        else:
            last = found
        time.sleep(_PAUSE_SECONDS)
    return dataclasses.replace(found, problem="", in_use=True)


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns


def _read(path: Path, page_size: int) -> WalCheck:
    try:
        with open(path, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            header = _parse_header(f.read(HEADER_BYTES))
            if header is not None:
                return _scan_frames(f, size, header)
    except FileNotFoundError:
        return WalCheck(0, 0, 0, None, None, "")
    frames = max(size - HEADER_BYTES, 0) // (FRAME_HEADER_BYTES + page_size)
    problem = f"the WAL header is not valid and the file holds {frames} frames" if frames else ""
    return WalCheck(size, frames, 0, None, None, problem)


def _parse_header(raw: bytes) -> _Header | None:
    """The header if SQLite would accept it (the same tests as its recovery), else None."""
    if len(raw) < HEADER_BYTES:
        return None
    magic, version, page_size, _sequence, salt1, salt2, sum1, sum2 = struct.unpack(">8I", raw)
    if magic not in (MAGIC_LITTLE_ENDIAN, MAGIC_BIG_ENDIAN) or version != FORMAT_VERSION:
        return None
    if not 512 <= page_size <= 65536 or page_size & (page_size - 1):
        return None
    big_endian = bool(magic & 1)
    words = struct.unpack((">" if big_endian else "<") + "6I", raw[:24])
    if _sum_words(words, 0, 0) != (sum1, sum2):
        return None
    return _Header(big_endian, page_size, (salt1, salt2), (sum1, sum2))


def _sum_words(words: tuple[int, ...], s1: int, s2: int) -> tuple[int, int]:
    """SQLite's WAL checksum (walChecksumBytes), one word pair at a time."""
    for i in range(0, len(words), 2):
        s1 = (s1 + words[i] + s2) & _MASK32
        s2 = (s2 + words[i + 1] + s1) & _MASK32
    return s1, s2


def _scan_frames(f: BinaryIO, size: int, header: _Header) -> WalCheck:
    frame_bytes = FRAME_HEADER_BYTES + header.page_size
    frames = (size - HEADER_BYTES) // frame_bytes
    per_chunk = max(1, _CHUNK_BYTES // frame_bytes)
    before = header.checksum  # the stored checksum preceding the next frame
    last_commit = 0
    rejected: int | None = None
    lost: int | None = None
    number = 0  # frames read so far
    while number < frames and lost is None:
        chunk = f.read(min(per_chunk, frames - number) * frame_bytes)
        count = len(chunk) // frame_bytes  # fewer if the file was cut meanwhile
        if count == 0:
            break
        heads = [struct.unpack_from(">6I", chunk, i * frame_bytes) for i in range(count)]
        starts = [before] + [(h[4], h[5]) for h in heads[:-1]]
        before = (heads[-1][4], heads[-1][5])
        # Before the first rejected frame every frame of this generation must check; after
        # it only commit frames matter (they are what recovery would drop).
        wanted = [i for i, h in enumerate(heads)
                  if (h[2], h[3]) == header.salts and h[0] != 0
                  and (rejected is None or h[1] != 0)]
        sums = dict(zip(wanted, _frame_checksums(chunk, wanted, [starts[i] for i in wanted],
                                                 frame_bytes, header.big_endian), strict=True))
        for i, (_page, db_size, _s1, _s2, sum1, sum2) in enumerate(heads):
            valid = sums.get(i) == (sum1, sum2)
            if rejected is None:
                if not valid:
                    rejected = number + i + 1
                elif db_size:
                    last_commit = number + i + 1
            elif valid and db_size:
                lost = number + i + 1
                break
        number += count
    problem = ""
    if lost is not None:
        problem = (f"WAL frame {rejected} of {frames} does not check, and recovery would drop "
                   f"the transactions committed after it (commit frame {lost})")
    return WalCheck(size, frames, last_commit, rejected, lost, problem)


def _frame_checksums(chunk: bytes, which: list[int], starts: list[tuple[int, int]],
                     frame_bytes: int, big_endian: bool) -> list[tuple[int, int]]:
    """The checksums of frames ``which`` of ``chunk``, from their ``starts``.

    The sum runs sequentially over a frame's words, which is slow one word at a time in
    Python; instead all the frames are summed together, each in a 64-bit lane of one big
    integer (the carry out of the low 32 bits of a lane is masked off after each step). About
    four times as fast as a loop per frame."""
    if not which:
        return []
    if len(which) * frame_bytes == len(chunk):
        picked = chunk
    else:
        view = memoryview(chunk)
        picked = b"".join(view[i * frame_bytes:(i + 1) * frame_bytes] for i in which)
    words = array.array("I")
    assert words.itemsize == 4
    words.frombytes(picked)
    if big_endian != (sys.byteorder == "big"):
        words.byteswap()
    count, stride = len(which), frame_bytes // 4
    lo = 0 if sys.byteorder == "little" else 1  # the low half of a 64-bit lane
    lane = array.array("I", bytes(8 * count))

    def pack(values: list[int]) -> int:
        lane[lo::2] = array.array("I", values)
        return int.from_bytes(lane, sys.byteorder)

    mask = pack([_MASK32] * count)
    s1, s2 = pack([s[0] for s in starts]), pack([s[1] for s in starts])
    # the frame header's first two words, then the page (after the 24-byte frame header)
    offsets = [0, 1, *range(FRAME_HEADER_BYTES // 4, stride)]
    for k in range(0, len(offsets), 2):
        lane[lo::2] = words[offsets[k]::stride]
        s1 = (s1 + int.from_bytes(lane, sys.byteorder) + s2) & mask
        lane[lo::2] = words[offsets[k + 1]::stride]
        s2 = (s2 + int.from_bytes(lane, sys.byteorder) + s1) & mask
    first = array.array("I", s1.to_bytes(8 * count, sys.byteorder))[lo::2]
    second = array.array("I", s2.to_bytes(8 * count, sys.byteorder))[lo::2]
    return list(zip(first, second, strict=True))
