"""Writing a list to CSV or XLSX, with progress and cancellation, never leaving half a file.

No Qt. ``progress`` is anything with ``report(done, total)`` that raises to cancel (the GUI
passes its :class:`fieldapp.ui.tasks.Progress`). The file is written beside its destination
under a temporary name and renamed over it at the end; on cancel or error the temporary file
is removed and the destination is untouched.
"""

from __future__ import annotations

import contextlib
import csv
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any, Protocol

REPORT_EVERY = 2000  # rows between two progress reports (each one crosses to the GUI)


class ProgressLike(Protocol):
    def report(self, done: int, total: int) -> None: ...


def _atomic(path: str | os.PathLike[str], write: Callable[[IO[Any]], None],
            binary: bool) -> Path:
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        if binary:
            with os.fdopen(fd, "wb") as fh:
                write(fh)
        else:
            with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as fh:
                write(fh)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def _counted(rows: Iterable[tuple[Any, ...]], total: int,
             progress: ProgressLike | None) -> Iterable[tuple[Any, ...]]:
    done = 0
    if progress is not None:
        progress.report(0, total)
    for row in rows:
        yield row
        done += 1
        if progress is not None and done % REPORT_EVERY == 0:
            progress.report(done, total)
    if progress is not None:
        progress.report(done, max(total, done))


def write_csv(path: str | os.PathLike[str], rows: Iterable[tuple[Any, ...]],
              progress: ProgressLike | None = None, total: int = 0) -> int:
    """Write ``rows`` (header first) as UTF-8 CSV with a byte-order mark (so spreadsheet
    programs read Arabic); ``total`` is the expected row count for progress. Returns the
    number of rows written, header included."""
    written = 0

    def write(fh: IO[Any]) -> None:
        nonlocal written
        out = csv.writer(fh)
        for row in _counted(rows, total, progress):
            out.writerow(["" if v is None else v for v in row])
            written += 1

    _atomic(path, write, binary=False)
    return written


def _discard(sheet: Any) -> None:
    """Close a write-only sheet left half-written and remove openpyxl's own temporary file
    (otherwise its row writer fails later, when collected, on a closed file)."""
    writer = getattr(sheet, "_writer", None)
    with contextlib.suppress(Exception):  # the export already failed; only cleaning up
        sheet.close()
    out = getattr(writer, "out", None)
    if isinstance(out, str):
        Path(out).unlink(missing_ok=True)


def write_xlsx(path: str | os.PathLike[str], rows: Iterable[tuple[Any, ...]],
               progress: ProgressLike | None = None, total: int = 0, *,
               right_to_left: bool = False) -> int:
    """Write ``rows`` (header first) as an XLSX workbook of one sheet, streamed with
    openpyxl's write-only mode; ``right_to_left`` (an Arabic export) makes the spreadsheet
    program show the sheet from right to left, first column on the right. Returns the number
    of rows written, header included."""
    from openpyxl import Workbook

    written = 0

    def write(fh: IO[Any]) -> None:
        nonlocal written
        book = Workbook(write_only=True)
        sheet = book.create_sheet()
        if right_to_left:
            sheet.sheet_view.rightToLeft = True
        try:
            for row in _counted(rows, total, progress):
                sheet.append(list(row))
                written += 1
        except BaseException:
            _discard(sheet)
            raise
        book.save(fh)

    _atomic(path, write, binary=True)
    return written
