"""Background sync in the GUI: when the server becomes reachable, every few minutes while it
is, shortly after local changes, and on "Sync now"; a status area; enrollment.

Sync runs on a pool thread with a connection of its own to the vault (the database worker
keeps serving the screens meanwhile), reports progress by signal, and can be cancelled
(locking cancels it and waits). Records received from other devices are announced with
``records_changed`` so open screens refresh without a restart.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtNetwork import QNetworkInformation
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp import messages
from fieldapp.store.replica import StoreReplica
from fieldapp.store.vault import Vault
from fieldapp.ui.context import AppEvents
from fieldapp.ui.forms import isolate, isolate_ltr
from sync import client
from sync.protocol import SyncError, SyncErrorKind

PERIOD_MS = 5 * 60_000  # while reachable, sync every five minutes
AFTER_CHANGE_MS = 20_000  # and this long after the last local change


@dataclass
class SyncOutcome:
    """What a run reports back to the GUI thread (one object per signal)."""

    ok: bool
    report: client.SyncReport | None = None
    error_kind: str = ""
    error_code: str = ""
    enrollment: dict[str, Any] = field(default_factory=dict)


class _Signals(QObject):
    progressed = Signal(str, int, int)
    finished = Signal(object)  # SyncOutcome


class _Run(QRunnable):
    def __init__(self, vault: Vault, signals: _Signals, cancel: threading.Event,
                 enroll: tuple[str, str, str | None] | None = None) -> None:
        super().__init__()
        self.vault, self.signals, self.cancel, self.enroll = vault, signals, cancel, enroll

    def run(self) -> None:
        try:
            store = self.vault.open_another()
        except Exception as e:  # noqa: BLE001 - the vault was locked meanwhile
            self.signals.finished.emit(SyncOutcome(False, error_kind="locked",
                                                   error_code=type(e).__name__))
            return
        replica = StoreReplica(store)
        try:
            if self.enroll is not None:
                url, code, ca = self.enroll
                result = client.enroll(replica, url, code, "fieldapp", ca)
                if ca:
                    store.set_setting("sync.ca_bundle", ca)
                self.signals.finished.emit(SyncOutcome(True, enrollment=result))
                return
            report = client.sync(
                replica, ca_bundle=store.setting("sync.ca_bundle"),
                progress=lambda phase, done, total: self.signals.progressed.emit(
                    phase, done, total),
                cancelled=self.cancel.is_set)
            replica.mark_success()
            self.signals.finished.emit(SyncOutcome(True, report))
        except SyncError as e:
            body = getattr(e, "body", None) or {}
            self.signals.finished.emit(SyncOutcome(False, error_kind=e.kind.value,
                                                   error_code=str(body.get("error")
                                                                  or e.detail)))
        except Exception as e:  # noqa: BLE001 - a bug: reported, never silent
            self.signals.finished.emit(SyncOutcome(False, error_kind="bug",
                                                   error_code=repr(e)[:200]))
        finally:
            store.conn.close()


class SyncController(QObject):
    """Decides when to sync and runs one sync at a time."""

    started = Signal()
    progressed = Signal(str, int, int)
    finished = Signal(object)  # SyncOutcome
    revoked = Signal()

    def __init__(self, vault: Vault, events: AppEvents) -> None:
        super().__init__()
        self.vault, self.events = vault, events
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(1)
        self.signals = _Signals()
        self.signals.progressed.connect(self.progressed)
        self.signals.finished.connect(self._finished)
        self.running = False
        self.enrolled = False
        self._cancel = threading.Event()
        self.period = QTimer(self)
        self.period.setInterval(PERIOD_MS)
        self.period.timeout.connect(self.sync_now)
        self.after_change = QTimer(self)
        self.after_change.setSingleShot(True)
        self.after_change.setInterval(AFTER_CHANGE_MS)
        self.after_change.timeout.connect(self.sync_now)
        events.records_changed.connect(self._local_change)
        self._network: QNetworkInformation | None = None
        if QNetworkInformation.loadDefaultBackend():
            self._network = QNetworkInformation.instance()
            self._network.reachabilityChanged.connect(self._reachability)

    def start(self, enrolled: bool) -> None:
        """After unlock: sync now if enrolled, then periodically."""
        self.enrolled = enrolled
        if enrolled:
            self.period.start()
            self.sync_now()

    def _reachability(self, reachability: QNetworkInformation.Reachability) -> None:
        if self.enrolled and reachability == QNetworkInformation.Reachability.Online:
            self.sync_now()

    def _local_change(self, kind: str) -> None:
        if self.enrolled and kind != "sync":
            self.after_change.start()

    def sync_now(self) -> None:
        if self.running or not self.enrolled or not self.vault.is_unlocked:
            return
        self._launch(None)

    def enroll(self, url: str, code: str, ca_bundle: str | None) -> None:
        if not self.running:
            self._launch((url, code, ca_bundle))

    def _launch(self, enroll: tuple[str, str, str | None] | None) -> None:
        self.running = True
        self._cancel = threading.Event()
        self.started.emit()
        self.pool.start(_Run(self.vault, self.signals, self._cancel, enroll))

    def _finished(self, outcome: SyncOutcome) -> None:
        self.running = False
        if outcome.enrollment:
            self.enrolled = True
            self.period.start()
            QTimer.singleShot(0, self.sync_now)
        if outcome.ok and outcome.report and outcome.report.pulled:
            self.events.records_changed.emit("sync")
        if outcome.error_kind == SyncErrorKind.AUTH.value and outcome.error_code == "revoked":
            self.revoked.emit()
        self.finished.emit(outcome)

    def stop(self) -> None:
        """Cancel a running sync and wait for it (before locking)."""
        self.period.stop()
        self.after_change.stop()
        self._cancel.set()
        self.pool.waitForDone(60_000)
        self.running = False


def outcome_text(outcome: SyncOutcome) -> str:
    if outcome.ok:
        if outcome.enrollment:
            return QCoreApplication.translate("Sync", "This laptop is enrolled.")
        when = datetime.now().strftime("%H:%M")
        text = QCoreApplication.translate("Sync", "Synced at %1").replace("%1", when)
        report = outcome.report
        if report and report.rejected:
            text += " · " + QCoreApplication.translate(
                "Sync", "%n change(s) refused by the server", "", report.rejected)
        if report and report.quarantined:
            text += " · " + messages.quarantine_text(report.quarantined)
        return text
    if outcome.error_kind in ("bug", "locked"):
        return QCoreApplication.translate("Sync", "Sync stopped: %1").replace(
            "%1", outcome.error_code)
    return messages.sync_error_text(outcome.error_kind, outcome.error_code)


class SyncStatus(QWidget):
    """The status bar's sync area: last outcome, a progress bar while syncing, Sync now."""

    def __init__(self, controller: SyncController) -> None:
        super().__init__()
        self.controller = controller
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(QCoreApplication.translate("Sync", "Not enrolled with a server"))
        self.label.setObjectName("sync_status")
        self.bar = QProgressBar()
        self.bar.setObjectName("sync_progress")
        self.bar.setMaximumWidth(140)
        self.bar.hide()
        self.button = QPushButton(QCoreApplication.translate("Sync", "Sync now"))
        self.button.setObjectName("sync_now")
        self.button.setToolTip(QCoreApplication.translate("Sync", "Sync now (F5)"))
        self.button.setShortcut("F5")
        self.button.clicked.connect(controller.sync_now)
        row.addWidget(self.label)
        row.addWidget(self.bar)
        row.addWidget(self.button)
        controller.started.connect(self._started)
        controller.progressed.connect(self._progressed)
        controller.finished.connect(self._finished)
        self.button.setEnabled(controller.enrolled)

    def _started(self) -> None:
        self.bar.setRange(0, 0)
        self.bar.show()
        self.button.setEnabled(False)
        self.label.setText(QCoreApplication.translate("Sync", "Syncing…"))

    def _progressed(self, phase: str, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))

    def _finished(self, outcome: SyncOutcome) -> None:
        self.bar.hide()
        self.button.setEnabled(self.controller.enrolled)
        self.label.setText(outcome_text(outcome))
        self.label.setProperty("role", "" if outcome.ok else "error")
        self.label.style().unpolish(self.label)
        self.label.style().polish(self.label)


class EnrollmentPanel(QWidget):
    """Settings → Server: enroll this laptop with a one-time code, see what was refused."""

    def __init__(self, controller: SyncController, state: dict[str, Any],
                 rejections: list[dict[str, Any]]) -> None:
        super().__init__()
        self.controller = controller
        self.setWindowTitle(QCoreApplication.translate("Sync", "Server"))
        box = QVBoxLayout(self)
        self.state_label = QLabel()
        self.state_label.setObjectName("enrollment_state")
        self.state_label.setWordWrap(True)
        box.addWidget(self.state_label)
        form = QFormLayout()
        self.url = QLineEdit(state.get("url") or "")
        self.url.setObjectName("server_url")
        self.url.setPlaceholderText("https://sync.example.ma")
        self.code = QLineEdit()
        self.code.setObjectName("enrollment_code")
        self.code.setPlaceholderText("ABCD-1234-…")
        self.ca = QLineEdit()
        self.ca.setObjectName("ca_bundle")
        browse = QPushButton(QCoreApplication.translate("Sync", "Choose…"))
        browse.clicked.connect(self._browse)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca, 1)
        ca_row.addWidget(browse)
        form.addRow(QCoreApplication.translate("Sync", "Server address"), self.url)
        form.addRow(QCoreApplication.translate("Sync", "Enrollment code"), self.code)
        form.addRow(QCoreApplication.translate("Sync", "Certificate file (optional)"), ca_row)
        box.addLayout(form)
        self.enroll_button = QPushButton(QCoreApplication.translate("Sync", "&Enroll"))
        self.enroll_button.setObjectName("enroll")
        self.enroll_button.clicked.connect(self._enroll)
        box.addWidget(self.enroll_button)
        self.message = QLabel()
        self.message.setObjectName("enrollment_message")
        self.message.setWordWrap(True)
        box.addWidget(self.message)
        box.addWidget(QLabel(QCoreApplication.translate("Sync", "Changes refused by the "
                                                                "server")))
        self.refused = QListWidget()
        self.refused.setObjectName("refused_changes")
        self.refused.setMaximumHeight(120)
        self.refused.setWordWrap(True)
        for r in rejections:
            errors = json.loads(r["errors"]) if r.get("errors") else []
            self.refused.addItem(f"{isolate_ltr(r['at'][:16].replace('T', ' '))} · "
                                 f"{messages.rejection_text(r['code'], errors)}")
        box.addWidget(self.refused)
        controller.finished.connect(self._finished)
        self._show_state(state)

    def _show_state(self, state: dict[str, Any]) -> None:
        if state.get("token"):
            self.state_label.setText(QCoreApplication.translate(
                "Sync", "Enrolled with %1 (area: %2).").replace(
                    "%1", isolate(state.get("url"))).replace("%2", isolate(state.get("scope"))))
        else:
            self.state_label.setText(QCoreApplication.translate(
                "Sync", "This laptop is not enrolled: ask your administrator for a one-time "
                "code, then enter the server address and the code."))

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, QCoreApplication.translate(
            "Sync", "Certificate file"))
        if path:
            self.ca.setText(path)

    def _enroll(self) -> None:
        url, code = self.url.text().strip(), self.code.text().strip()
        if not url or not code:
            self.message.setText(QCoreApplication.translate(
                "Sync", "Enter the server address and the code."))
            return
        self.enroll_button.setEnabled(False)
        self.controller.enroll(url, code, self.ca.text().strip() or None)

    def _finished(self, outcome: SyncOutcome) -> None:
        self.enroll_button.setEnabled(True)
        if outcome.enrollment:
            self.code.clear()
            self._show_state({"token": True, "url": self.url.text(),
                              "scope": outcome.enrollment.get("scope")})
        self.message.setText(outcome_text(outcome))
