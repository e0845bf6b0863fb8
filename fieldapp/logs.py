"""The application's log: a rotating file in the vault's folder, with no personal data.

What the app logs is written by its own code (codes, counts, ids of records, never names or
notes). What it cannot vouch for is an exception's *message*: Python and SQLite put values in
them ("invalid literal for int(): 'Fatima'"). So a traceback is logged as the exception's type
and where it happened (file, line, function), never its message, in this module's formatter,
whoever logs it.

The file is ``<data dir>/logs/fieldapp.log`` (1 MB, three older files kept), created private
to the user (0600 in a 0700 folder), as the vault's files are.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import traceback
from pathlib import Path
from types import TracebackType

LOG_NAME = "fieldapp.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
_handler: logging.Handler | None = None


def where(error: BaseException) -> str:
    """``ValueError (fieldapp/ui/forms.py:120 in _save ← …)``: what failed and where, without
    the message; the chain of causes too."""
    parts = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        frames = traceback.extract_tb(current.__traceback__)
        place = " ← ".join(f"{_short(f.filename)}:{f.lineno} in {f.name}"
                           for f in reversed(frames[-6:]))
        parts.append(f"{type(current).__module__}.{type(current).__qualname__}"
                     + (f" ({place})" if place else ""))
        current = current.__cause__ or current.__context__
    return "; caused by ".join(parts)


def _short(filename: str) -> str:
    path = Path(filename)
    for anchor in ("fieldapp", "sync", "PySide6", "sqlite_utils"):
        if anchor in path.parts:
            return "/".join(path.parts[path.parts.index(anchor):])
    return path.name


class SafeFormatter(logging.Formatter):
    """Logs exceptions by type and place only (see the module's text)."""

    def format(self, record: logging.LogRecord) -> str:
        # another handler may have cached the whole traceback, message included
        cached, record.exc_text = record.exc_text, None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(self, ei: tuple[type[BaseException], BaseException, TracebackType | None]  # noqa: N802
                        | tuple[None, None, None]) -> str:
        return where(ei[1]) if ei[1] is not None else ""


class _PrivateRotatingFile(logging.handlers.RotatingFileHandler):
    def _open(self):  # type: ignore[no-untyped-def]
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        return os.fdopen(fd, self.mode, encoding=self.encoding)


def configure(data_dir: Path, level: int = logging.INFO) -> Path:
    """Send fieldapp's log records to the rotating file in ``data_dir``; returns its path.
    Called again (another vault folder), it moves the file there."""
    global _handler
    folder = data_dir / "logs"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = folder / LOG_NAME
    root = logging.getLogger()
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
    handler = _PrivateRotatingFile(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                   encoding="utf-8")
    handler.setFormatter(SafeFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(min(root.level or level, level))
    _handler = handler
    return path


def current_path() -> Path | None:
    """The log file in use (None before :func:`configure`)."""
    return Path(_handler.baseFilename) if isinstance(
        _handler, logging.handlers.RotatingFileHandler) else None


def log_crash(error: BaseException) -> None:
    """An error nothing handled: its type and place go to the log."""
    logging.getLogger("fieldapp").error("unhandled error: %s", where(error))
