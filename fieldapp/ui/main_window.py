"""The main window: navigation rail, screens, and the status bar (who, sync, lock)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from fieldapp import logs, messages
from fieldapp.domain import divisions
from fieldapp.errors import UserFacingError
from fieldapp.ui.context import Context
from fieldapp.ui.forms import isolate, isolate_ltr
from fieldapp.ui.person_text import display_name
from fieldapp.ui.screen import Screen


class MainWindow(QMainWindow):
    lock_requested = Signal()
    closing = Signal()

    def __init__(self, ctx: Context, screens: Sequence[Screen]) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("main_window")
        self.setWindowTitle("fieldapp")
        self.screens = list(screens)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.rail = QListWidget()
        self.rail.setObjectName("rail")
        self.rail.setAccessibleName(QCoreApplication.translate("MainWindow", "Navigation"))
        self.rail.setFixedWidth(190)
        self.rail.setWordWrap(True)  # long labels (French) wrap instead of scrolling
        self.rail.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        for i, screen in enumerate(self.screens):
            item = QListWidgetItem(screen.title())
            item.setToolTip(f"{screen.title()} (Ctrl+{i + 1})")
            self.rail.addItem(item)
            self.stack.addWidget(screen)
        self.rail.currentRowChanged.connect(self._show_screen)
        row.addWidget(self.rail)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_status_bar()
        self._build_actions()
        ctx.events.error_reported.connect(self.show_error)
        ctx.db.job_failed.connect(self.show_error)
        # bound methods, not lambdas: Qt disconnects them when a lock deletes this window
        ctx.events.records_changed.connect(self._records_changed)
        self.rail.setCurrentRow(0)
        self.refresh_pending()

    # --- navigation -------------------------------------------------------------------

    def _show_screen(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        self.screens[row].activated()

    def go_to(self, screen_type: type[Screen]) -> Screen:
        for i, screen in enumerate(self.screens):
            if isinstance(screen, screen_type):
                self.rail.setCurrentRow(i)
                return screen
        raise KeyError(screen_type)

    def current_screen(self) -> Screen:
        return self.screens[self.stack.currentIndex()]

    def _build_actions(self) -> None:
        for i in range(len(self.screens)):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _=False, r=i: self.rail.setCurrentRow(r))
            self.addAction(action)
        lock = QAction(QCoreApplication.translate("MainWindow", "Lock"), self)
        lock.setShortcut(QKeySequence("Ctrl+L"))
        lock.triggered.connect(self.lock_requested)
        self.addAction(lock)

    # --- status bar -------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        p = self.ctx.profile
        bar = self.statusBar()
        province = divisions.province(p.province).label(self.ctx.lang)
        actor = self.ctx.actor
        # the member at the keyboard (on a shared computer, not always the vault's creator)
        who = (display_name({"name_lat": actor.name, "name_ar": self.ctx.actor_name_ar},
                            self.ctx.lang)
               if actor is not None and actor.name else isolate(p.user_name))
        parts = [who] + ([isolate(p.team)] if p.team else []) + [province]
        self.who = QLabel(" · ".join(parts))
        self.who.setObjectName("who")
        self.pending = QLabel()
        self.pending.setObjectName("pending")
        self.message = QLabel()
        self.message.setObjectName("status_message")
        self.message.setProperty("role", "error")
        self.lock_button = QPushButton(QCoreApplication.translate("MainWindow", "Lock"))
        self.lock_button.setObjectName("lock")
        self.lock_button.setToolTip(QCoreApplication.translate("MainWindow", "Lock now (Ctrl+L)"))
        self.lock_button.clicked.connect(self.lock_requested)
        # the sync status goes here (app.py puts it in: the window knows no sync)
        self.sync_slot = QWidget()
        self.sync_slot.setObjectName("sync_slot")
        slot = QHBoxLayout(self.sync_slot)
        slot.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.who)
        bar.addWidget(self.message, 1)
        bar.addPermanentWidget(self.sync_slot)
        bar.addPermanentWidget(self.pending)
        bar.addPermanentWidget(self.lock_button)

    def _records_changed(self, _kind: str) -> None:
        self.refresh_pending()

    def refresh_pending(self) -> None:
        self.ctx.db.run(
            lambda store: store.pending_count(), on_done=self._show_pending, on_error=lambda e: None
        )

    def _show_pending(self, count: int) -> None:
        self.pending.setText(
            QCoreApplication.translate("MainWindow", "%n change(s) waiting to sync", "", count)
        )

    def show_error(self, error: object) -> None:
        if isinstance(error, UserFacingError):
            self.message.setText(messages.error_text(error))
            return
        if isinstance(error, BaseException):
            logs.log_crash(error)  # its type and place, for the administrator; no message
        QMessageBox.critical(
            self,
            "fieldapp",
            QCoreApplication.translate(
                "MainWindow",
                "Something went wrong inside fieldapp. What you saved is safe. "
                "If this happens again, tell your administrator: the details are in the "
                "log file %1.",
            ).replace("%1", isolate_ltr(str(logs.current_path() or ""))),
        )

    # --- drafts -----------------------------------------------------------------------

    def drafts(self) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for screen in self.screens:
            out.update(screen.drafts())
        return out

    def restore_drafts(self, drafts: dict[str, dict[str, Any]]) -> None:
        for screen in self.screens:
            screen.restore_drafts(drafts)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.closing.emit()  # the app saves drafts and locks before quitting
        event.accept()
