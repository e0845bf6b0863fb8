"""The one way to run work off the GUI thread (STYLE.md rule 3).

:class:`DbWorker` owns the vault on a thread of its own: every database operation is a job
``fn(store) -> result`` queued to it and run in order, and its result or error comes back to
the GUI thread through a signal, where the ``on_done`` / ``on_error`` callbacks run. Jobs never
touch widgets. Long jobs report progress through a :class:`Progress` they receive, and can be
cancelled.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QThread, Signal, Slot

from fieldapp import logs
from fieldapp.errors import UserFacingError
from fieldapp.store.repository import Store
from fieldapp.store.vault import Vault

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside a job when the user cancelled it."""


@dataclass
class Progress:
    """Handed to long jobs: ``report(done, total)`` and a cancellation check."""

    _emit: Callable[[int, int], None]
    _cancel: threading.Event = field(default_factory=threading.Event)

    def report(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled
        self._emit(done, total)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


@dataclass
class Job:
    fn: Callable[..., Any]
    on_done: Callable[[Any], None] | None
    on_error: Callable[[Exception], None] | None
    on_progress: Callable[[int, int], None] | None
    needs_store: bool
    progress: Progress | None = None


@dataclass
class _Outcome:
    """What crosses back to the GUI thread. One object, never a bare ``None``: PySide6 on
    Python 3.11 mis-counts references to ``None`` passed as a queued ``object`` argument
    (after a few thousand jobs the interpreter aborts with "deallocating None")."""

    job: Job
    result: Any = None
    error: Exception | None = None


class _Worker(QObject):
    job_finished = Signal(object)  # _Outcome
    job_progressed = Signal(object, int, int)

    def __init__(self, vault: Vault) -> None:
        super().__init__()
        self.vault = vault

    @Slot(object)
    def run(self, job: Job) -> None:
        try:
            if job.needs_store:
                store = self.vault.store
                if store is None:
                    raise UserFacingError("locked")
                args: tuple[Any, ...] = (store,)
            else:
                args = (self.vault,)
            if job.progress is not None:
                args += (job.progress,)
            result = job.fn(*args)
        except Exception as e:  # noqa: BLE001 - every failure goes back to the GUI
            if not isinstance(e, (UserFacingError, Cancelled)):
                log.error("job failed: %s", logs.where(e))  # no message: it may hold values
            self.job_finished.emit(_Outcome(job, error=e))
            return
        self.job_finished.emit(_Outcome(job, result=result))


def _owners(*callbacks: Callable[..., Any] | None) -> list[QObject]:
    """The Qt objects an answer is meant for: the object of a bound method, and the ones a
    closure captured (``lambda rows: self._fill(rows)`` captures ``self``). An answer that
    arrives after one of them was deleted (its window closed by a lock, a language change or
    quitting) is dropped instead of reaching a deleted widget."""
    found: list[QObject] = []
    for callback in callbacks:
        while isinstance(callback, partial):
            found += [a for a in callback.args if isinstance(a, QObject)]
            callback = callback.func
        if callback is None:
            continue
        owner = getattr(callback, "__self__", None)
        if isinstance(owner, QObject):
            found.append(owner)
        for cell in getattr(callback, "__closure__", None) or ():
            try:
                value = cell.cell_contents
            except ValueError:  # a cell not yet filled
                continue
            if isinstance(value, QObject):
                found.append(value)
    return found


class DbWorker(QObject):
    """Runs database jobs in order on one thread that owns the vault's connection."""

    _submitted = Signal(object)
    job_failed = Signal(object)  # an error no caller handled
    busy_changed = Signal(bool)

    def __init__(self, vault: Vault, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self._thread = QThread()
        self._thread.setObjectName("fieldapp-db")
        self._worker = _Worker(vault)
        self._worker.moveToThread(self._thread)
        self._submitted.connect(self._worker.run)
        self._worker.job_finished.connect(self._finished)
        self._worker.job_progressed.connect(self._progressed)
        self._pending = 0
        self._thread.start()

    def run(self, fn: Callable[[Store], Any], on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[Exception], None] | None = None) -> Job:
        """Queue ``fn(store)``; ``on_done(result)`` or ``on_error(exc)`` run on the GUI."""
        return self._submit(Job(fn, on_done, on_error, None, needs_store=True))

    def run_long(self, fn: Callable[[Store, Progress], Any],
                 on_progress: Callable[[int, int], None],
                 on_done: Callable[[Any], None] | None = None,
                 on_error: Callable[[Exception], None] | None = None) -> Job:
        """Queue a long job ``fn(store, progress)`` that reports progress and can be
        cancelled with ``job.progress.cancel()``."""
        job = Job(fn, on_done, on_error, on_progress, needs_store=True)
        job.progress = Progress(lambda d, t: self._worker.job_progressed.emit(job, d, t))
        return self._submit(job)

    def run_on_vault(self, fn: Callable[[Vault], Any],
                     on_done: Callable[[Any], None] | None = None,
                     on_error: Callable[[Exception], None] | None = None) -> Job:
        """Queue ``fn(vault)``: unlock, create, lock, change passphrase."""
        return self._submit(Job(fn, on_done, on_error, None, needs_store=False))

    def _submit(self, job: Job) -> Job:
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self._submitted.emit(job)
        return job

    @property
    def busy(self) -> bool:
        return self._pending > 0

    @Slot(object)
    def _finished(self, outcome: _Outcome) -> None:
        job, result, error = outcome.job, outcome.result, outcome.error
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        if not all(shiboken6.isValid(o) for o in _owners(job.on_done, job.on_error)):
            return  # its window was closed (lock, language change, quit) before the answer
        if error is None:
            if job.on_done is not None:
                job.on_done(result)
        elif job.on_error is not None:
            job.on_error(error)
        elif not isinstance(error, Cancelled):
            self.job_failed.emit(error)

    @Slot(object, int, int)
    def _progressed(self, job: Job, done: int, total: int) -> None:
        if job.on_progress is not None:
            job.on_progress(done, total)

    def stop(self) -> None:
        """Finish queued jobs, then stop the thread (call before quitting)."""
        self._thread.quit()
        self._thread.wait()
