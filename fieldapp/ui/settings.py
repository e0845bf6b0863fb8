"""Settings: language, auto-lock delay, text size, passphrase, and what this laptop is.

The language and the auto-lock delay are applied by the application (app.py connects
:attr:`SettingsScreen.language_change_requested` and :attr:`SettingsScreen.auto_lock_changed`);
the delay is kept in the vault (``auto_lock_minutes``), the text size in the user's Qt settings
(``font_point_size``) because it applies before the vault is unlocked. Both numbers are kept
as typed (:class:`TypedNumber`): one out of its range is refused under its field, never
clamped, and applied nowhere. The passphrase fields are never saved as drafts and are emptied
when the screen is left.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

import fieldapp
from fieldapp import messages
from fieldapp.domain import divisions
from fieldapp.domain.fields import FieldError
from fieldapp.errors import UserFacingError
from fieldapp.store import backup
from fieldapp.store.repository import Store
from fieldapp.store.vault import MIN_PASSPHRASE, Vault
from fieldapp.ui.context import Context
from fieldapp.ui.forms import NumberField, isolate, number_error
from fieldapp.ui.screen import Screen, heading
from fieldapp.ui.startup import passphrase_strength
from fieldapp.ui.tasks import Progress

DEFAULT_AUTO_LOCK_MINUTES = 5  # as in app.py, which applies it before the vault is read
AUTO_LOCK_RANGE = (1, 60)
FONT_RANGE = (8, 20)
FONT_SETTING = "font_point_size"
LANGUAGES = (("ar", "العربية"), ("fr", "Français"))  # each in its own language
RLM, LRM = "\u200f", "\u200e"
PAUSE_MS = 400  # typing "15" applies 15, not 1 then 15


def apply_font_size(points: int) -> None:
    """Change the application's text size now, in every window."""
    font = QApplication.font()
    font.setPointSize(points)
    QApplication.setFont(font)
    # Widgets styled by the application's style sheet keep the font they were polished
    # with: polish them again (much cheaper than setting the whole sheet again).
    for window in QApplication.topLevelWidgets():
        style = window.style()
        for widget in [window, *window.findChildren(QWidget)]:
            style.unpolish(widget)
            style.polish(widget)


def error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.hide()
    return label


class TypedNumber(QObject):
    """A whole number typed in a :class:`NumberField`, kept exactly as typed (never clamped
    into its range, no digit dropped). When typing pauses, or at Enter or when the focus
    leaves, a number in the range is :attr:`accepted`; anything else is refused with its
    error under the field and applied nowhere. Once shown, the error follows each keystroke
    and goes as soon as the number is right."""

    accepted = Signal(int)

    def __init__(self, name: str, minimum: int, maximum: int, value: int,
                 parent: QObject) -> None:
        super().__init__(parent)
        self.name = name
        self.field = NumberField(minimum, maximum)
        self.field.setObjectName(name)
        self.field.setValue(value)
        self.error = error_label(f"{name}_error")
        self.error.setWordWrap(False)  # a short sentence: one line, wider than the field
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PAUSE_MS)
        self.timer.timeout.connect(self.check)
        self.field.textChanged.connect(self._edited)
        self.field.editingFinished.connect(self._finished)

    @property
    def pending(self) -> bool:
        """Typed, not yet checked."""
        return self.timer.isActive()

    @property
    def refused(self) -> bool:
        return not self.error.isHidden()

    def problem(self) -> FieldError | None:
        return number_error(self.name, self.field.value(), self.field.minimum,
                            self.field.maximum)

    def set_value(self, value: int) -> None:
        """Show a value that comes from elsewhere (the vault): nothing to apply."""
        self.timer.stop()
        self.field.blockSignals(True)
        self.field.setValue(value)
        self.field.blockSignals(False)
        self._show(None)

    def check(self, emit: bool = True) -> int | None:
        """The number when it is right (``accepted`` unless ``emit`` is False), else None
        and the error under the field."""
        self.timer.stop()
        problem = self.problem()
        self._show(problem)
        if problem is not None:
            return None
        value = self.field.value()
        assert isinstance(value, int)  # checked above
        if emit:
            self.accepted.emit(value)
        return value

    def _edited(self) -> None:
        if self.refused:
            self._show(self.problem())
        self.timer.start()

    def _finished(self) -> None:
        if self.pending:
            self.check()

    def _show(self, problem: FieldError | None) -> None:
        if problem is None:
            self.error.clear()
            self.error.hide()
        else:
            self.error.setText(messages.field_error_text(problem))
            self.error.show()


class PassphraseBox(QGroupBox):
    """Current passphrase, the new one twice with a strength hint; the key derivation runs
    on the database worker (about a second), wrong answers are said under the field."""

    def __init__(self, ctx: Context) -> None:
        super().__init__(QCoreApplication.translate("Settings", "Passphrase"))
        self.ctx = ctx
        self.setObjectName("passphrase_box")
        layout = QVBoxLayout(self)
        intro = QLabel(
            QCoreApplication.translate(
                "Settings",
                "The new passphrase is needed from the next unlock. Your records are not "
                "re-encrypted, so this takes only a moment.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.old = self._secret("old_passphrase")
        self.old_error = error_label("old_passphrase_error")
        self.new = self._secret("new_passphrase")
        self.strength = QLabel()
        self.strength.setObjectName("new_passphrase_strength")
        self.new_error = error_label("new_passphrase_error")
        self.repeat = self._secret("repeat_passphrase")
        self.repeat_error = error_label("repeat_passphrase_error")
        form.addRow(QCoreApplication.translate("Settings", "C&urrent passphrase"), self.old)
        form.addRow("", self.old_error)
        form.addRow(QCoreApplication.translate("Settings", "Ne&w passphrase"), self.new)
        form.addRow("", self.strength)
        form.addRow("", self.new_error)
        form.addRow(QCoreApplication.translate("Settings", "&Repeat the new one"), self.repeat)
        form.addRow("", self.repeat_error)
        layout.addLayout(form)
        row = QHBoxLayout()
        row.addStretch()
        self.button = QPushButton(QCoreApplication.translate("Settings", "C&hange passphrase"))
        self.button.setObjectName("change_passphrase")
        self.button.setToolTip(
            QCoreApplication.translate(
                "Settings", "Change the passphrase (Enter in the last field)"
            )
        )
        self.button.clicked.connect(self.change)
        row.addWidget(self.button)
        layout.addLayout(row)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(6)
        self.busy.hide()
        layout.addWidget(self.busy)
        self.done = QLabel()
        self.done.setObjectName("passphrase_changed")
        self.done.setProperty("role", "hint")
        self.done.setWordWrap(True)
        self.done.hide()
        layout.addWidget(self.done)
        self.old.returnPressed.connect(self.new.setFocus)
        self.new.returnPressed.connect(self.repeat.setFocus)
        self.repeat.returnPressed.connect(self.change)
        self.new.textChanged.connect(self._update_strength)
        self._update_strength()

    @staticmethod
    def _secret(name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setMinimumWidth(320)
        return edit

    def _update_strength(self) -> None:
        texts = [
            QCoreApplication.translate("Settings", "At least %n characters.", "", MIN_PASSPHRASE),
            QCoreApplication.translate("Settings", "Weak: add words or characters."),
            QCoreApplication.translate("Settings", "Fair: a few more words would make it strong."),
            QCoreApplication.translate("Settings", "Strong."),
        ]
        self.strength.setText(texts[passphrase_strength(self.new.text())])

    def _error(self, label: QLabel, field: QLineEdit, text: str) -> None:
        label.setText(text)
        label.show()
        field.setFocus()
        field.selectAll()

    def clear_errors(self) -> None:
        for label in (self.old_error, self.new_error, self.repeat_error):
            label.clear()
            label.hide()

    def change(self) -> None:
        if self.busy.isVisible():
            return
        self.clear_errors()
        self.done.hide()
        old, new = self.old.text(), self.new.text()
        if not old:
            self._error(self.old_error, self.old, QCoreApplication.translate(
                "Settings", "Type the passphrase you use now."))
            return
        if len(new) < MIN_PASSPHRASE:
            self._error(self.new_error, self.new,
                        messages.error_text(UserFacingError("weak_passphrase")))
            return
        if new == old:
            self._error(self.new_error, self.new, QCoreApplication.translate(
                "Settings", "The new passphrase is the same as the current one."))
            return
        if new != self.repeat.text():
            self._error(self.repeat_error, self.repeat, QCoreApplication.translate(
                "Settings", "The two new passphrases differ. Type the new one again."))
            return
        self._set_busy(True)

        def change(vault: Vault) -> None:
            vault.change_passphrase(old, new)

        self.ctx.db.run_on_vault(change, on_done=self._changed, on_error=self._failed)

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.button.setEnabled(not busy)

    def _changed(self, _result: Any) -> None:
        if not shiboken6.isValid(self):
            return  # the window went (lock, language) before the answer came
        self._set_busy(False)
        self.clear_secrets()
        self.done.setText(QCoreApplication.translate(
            "Settings", "Passphrase changed. Use the new one from the next unlock."))
        self.done.show()

    def _failed(self, error: Exception) -> None:
        if not shiboken6.isValid(self):
            return  # the window went (lock, language) before the answer came
        self._set_busy(False)
        if not isinstance(error, UserFacingError):
            raise error
        if error.code == "weak_passphrase":
            self._error(self.new_error, self.new, messages.error_text(error))
        else:
            self._error(self.old_error, self.old, messages.error_text(error))

    def clear_secrets(self) -> None:
        for edit in (self.old, self.new, self.repeat):
            edit.clear()
        self.clear_errors()


class BackupBox(QGroupBox):
    """Back up the vault to one encrypted file, or restore it from one (then the app locks:
    :attr:`vault_restored`, which app.py connects to its lock)."""

    vault_restored = Signal()

    def __init__(self, ctx: Context) -> None:
        super().__init__(QCoreApplication.translate("Settings", "Backup"))
        self.ctx = ctx
        layout = QVBoxLayout(self)
        hint = QLabel(QCoreApplication.translate(
            "Settings", "A backup file stays encrypted: it opens only with the passphrase in "
            "use when it was made."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        row = QHBoxLayout()
        self.backup_button = QPushButton(QCoreApplication.translate(
            "Settings", "Back up to a file…"))
        self.backup_button.clicked.connect(self.back_up)
        self.restore_button = QPushButton(QCoreApplication.translate(
            "Settings", "Restore from a file…"))
        self.restore_button.clicked.connect(self.restore)
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addStretch()
        layout.addLayout(row)
        self.progress: QProgressDialog | None = None

    def _show_progress(self, text: str) -> QProgressDialog:
        dialog = QProgressDialog(text, "", 0, 0, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setCancelButton(None)
        dialog.show()
        self.progress = dialog
        self.backup_button.setEnabled(False)
        self.restore_button.setEnabled(False)
        return dialog

    def _progressed(self, done: int, total: int) -> None:
        if self.progress is not None and shiboken6.isValid(self.progress):
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(done)

    def _finish(self) -> bool:
        """Close the progress dialog; False when the screen went before the answer."""
        if not shiboken6.isValid(self):
            return False
        if self.progress is not None and shiboken6.isValid(self.progress):
            self.progress.close()
        self.progress = None
        self.backup_button.setEnabled(True)
        self.restore_button.setEnabled(True)
        return True

    def _failed(self, error: Exception) -> None:
        if not self._finish():
            return
        if not isinstance(error, UserFacingError):
            raise error
        QMessageBox.warning(self, self.title(), messages.error_text(error))

    # --- back up ------------------------------------------------------------------------

    def back_up(self) -> None:
        from datetime import date

        path, _ = QFileDialog.getSaveFileName(
            self, QCoreApplication.translate("Settings", "Back up to a file…"),
            f"fieldapp-{date.today().isoformat()}.backup")
        if not path:
            return
        vault = self.ctx.db.vault
        self._show_progress(QCoreApplication.translate("Settings", "Writing the backup…"))

        def job(_store: Store, progress: Progress) -> None:
            backup.create_backup(vault, path, progress=progress.report)

        self.ctx.db.run_long(job, self._progressed, on_done=lambda _: self._backed_up(path),
                             on_error=self._failed)

    def _backed_up(self, path: str) -> None:
        if not self._finish():
            return
        QMessageBox.information(self, self.title(), QCoreApplication.translate(
            "Settings", "Backup written to {path}. Keep it in a safe place: it opens only with "
            "the current passphrase.").format(path=path))

    # --- restore ------------------------------------------------------------------------

    def restore(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, QCoreApplication.translate("Settings", "Restore from a file…"))
        if not path:
            return
        ask = QInputDialog(self)
        ask.setWindowTitle(self.title())
        ask.setLabelText(QCoreApplication.translate(
            "Settings", "Passphrase in use when the backup was made:"))
        ask.setTextEchoMode(QLineEdit.EchoMode.Password)
        ask.setOkButtonText(QCoreApplication.translate("Settings", "Continue"))
        ask.setCancelButtonText(QCoreApplication.translate("Settings", "Cancel"))
        if ask.exec() != QDialog.DialogCode.Accepted or not ask.textValue():
            return
        passphrase = ask.textValue()
        box = QMessageBox(QMessageBox.Icon.Question, self.title(), QCoreApplication.translate(
            "Settings", "Replace everything on this laptop with this backup? Changes made "
            "since the backup come back from the server at the next sync; changes never sent "
            "are lost. The current vault is kept aside in its folder. fieldapp locks "
            "afterwards."), parent=self)
        replace = box.addButton(QCoreApplication.translate("Settings", "Replace with the backup"),
                                QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(QCoreApplication.translate("Settings", "Keep what is here"),
                             QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        if box.clickedButton() is not replace:
            return
        vault = self.ctx.db.vault
        self._show_progress(QCoreApplication.translate("Settings", "Checking the backup…"))

        def job(_store: Store, progress: Progress) -> None:
            backup.restore_backup(vault.data_dir, path, passphrase, before_replace=vault.lock,
                                  progress=progress.report)

        self.ctx.db.run_long(job, self._progressed, on_done=self._restored,
                             on_error=self._failed)

    def _restored(self, _result: Any) -> None:
        if not self._finish():
            return
        QMessageBox.information(self, self.title(), QCoreApplication.translate(
            "Settings", "The backup was restored. fieldapp locks now: unlock it with the "
            "passphrase of the backup."))
        self.vault_restored.emit()


class SettingsScreen(Screen):
    """Preferences of this user on this laptop, the passphrase, and an About section."""

    language_change_requested = Signal(str)  # "ar" or "fr"; app.py rebuilds the windows
    auto_lock_changed = Signal(float)  # minutes; app.py hands it to the idle watcher

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.title()))
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self._preferences())
        self.passphrase = PassphraseBox(ctx)
        left.addWidget(self.passphrase)
        self.backup = BackupBox(ctx)
        self.vault_restored = self.backup.vault_restored  # app.py locks the app on it
        left.addWidget(self.backup)
        left.addStretch()
        self._right = right = QVBoxLayout()
        right.addWidget(self._about())
        right.addStretch()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        layout.addLayout(columns, 1)

    def title(self) -> str:
        return QCoreApplication.translate("Settings", "Settings")

    # --- building -------------------------------------------------------------------------

    def _preferences(self) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate("Settings", "This laptop"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.language = QComboBox()
        self.language.setObjectName("settings_language")
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(self.ctx.lang))
        self.language.setToolTip(QCoreApplication.translate(
            "Settings", "Language of the interface; the screens are rebuilt (Alt+L)"))
        self.language.currentIndexChanged.connect(self._language_chosen)
        form.addRow(QCoreApplication.translate("Settings", "&Language"), self.language)
        # typed values are kept as typed: a wrong one is refused under its field, not clamped
        self._auto_lock = TypedNumber("auto_lock_minutes", *AUTO_LOCK_RANGE,
                                      DEFAULT_AUTO_LOCK_MINUTES, self)
        self.auto_lock = self._auto_lock.field
        self.auto_lock.setEnabled(False)  # until the stored value is read
        self.auto_lock.setToolTip(QCoreApplication.translate(
            "Settings", "Minutes without use before fieldapp locks itself, 1 to 60 (Alt+K)"))
        self._auto_lock.accepted.connect(self._save_auto_lock)
        form.addRow(QCoreApplication.translate("Settings", "Loc&k after (minutes)"),
                    self.auto_lock)
        form.addRow("", self._auto_lock.error)
        self._font_size = TypedNumber(FONT_SETTING, *FONT_RANGE,
                                      QApplication.font().pointSize(), self)
        self.font_size = self._font_size.field
        self.font_size.setToolTip(QCoreApplication.translate(
            "Settings", "Size of the text in points, applied at once (Alt+T)"))
        self._font_size.accepted.connect(self.set_font_size)
        form.addRow(QCoreApplication.translate("Settings", "&Text size (points)"),
                    self.font_size)
        form.addRow("", self._font_size.error)
        for field in (self.auto_lock, self.font_size):  # a few digits, not a line of text
            field.setMaximumWidth(self.language.sizeHint().width())
        return box

    def _about(self) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate("Settings", "About"))
        box.setObjectName("about")
        form = QFormLayout(box)
        p = self.ctx.profile
        # the data folder is a fixed path chosen at start-up; reading it touches no database
        folder = str(self.ctx.db.vault.data_dir)
        mark = RLM if self.ctx.lang == "ar" else LRM
        rows = (
            ("about_version", QCoreApplication.translate("Settings", "Version"),
             fieldapp.__version__),
            ("about_user", QCoreApplication.translate("Settings", "Signed in as"), p.user_name),
            ("about_team", QCoreApplication.translate("Settings", "Team"), p.team or "—"),
            ("about_province", QCoreApplication.translate("Settings", "Province"),
             divisions.province(p.province).label(self.ctx.lang)),
            ("about_device", QCoreApplication.translate("Settings", "Device identifier"),
             p.device_id),
            ("about_folder", QCoreApplication.translate("Settings", "Data folder"), folder),
        )
        for name, caption, value in rows:
            # A label aligns by the direction of its first letter: a mark of the interface's
            # direction lines Latin and Arabic values up, the isolate keeps each value's own
            label = QLabel(mark + isolate(value))
            label.setObjectName(name)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
            label.setAccessibleName(caption)
            form.addRow(caption, label)
        return box

    def add_section(self, widget: QWidget, title: str | None = None) -> QGroupBox:
        """A section that another part of the app brings (app.py adds the sync server's
        enrollment here once the vault is open), under About."""
        box = QGroupBox(title if title is not None else widget.windowTitle())
        box.setObjectName(f"section_{widget.objectName() or type(widget).__name__}")
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(widget)
        self._right.insertWidget(self._right.count() - 1, box)  # before the stretch
        return box

    # --- behaviour ------------------------------------------------------------------------

    def activated(self) -> None:
        self.ctx.db.run(
            lambda store: store.setting("auto_lock_minutes", DEFAULT_AUTO_LOCK_MINUTES),
            on_done=self._show_auto_lock,
        )
        self.language.setFocus()

    def _show_auto_lock(self, minutes: Any) -> None:
        if not shiboken6.isValid(self):
            return  # the window went (lock, language) before the answer came
        self.auto_lock.setEnabled(True)
        if self._auto_lock.pending or self._auto_lock.refused:
            return  # the user is changing it, or has a refused value to correct
        try:
            value = int(float(minutes))
        except (TypeError, ValueError):
            value = DEFAULT_AUTO_LOCK_MINUTES
        self._auto_lock.set_value(value)

    def _language_chosen(self) -> None:
        code = self.language.currentData()
        if code and code != self.ctx.lang:
            self.language_change_requested.emit(code)

    def _save_auto_lock(self, minutes: int, announce: bool = True) -> None:
        def save(store: Store) -> int:
            store.set_setting("auto_lock_minutes", minutes)
            return minutes

        self.ctx.db.run(
            save,
            on_done=self._announce_auto_lock if announce else None,
            on_error=self.ctx.events.error_reported.emit,
        )

    def _announce_auto_lock(self, minutes: int) -> None:
        if shiboken6.isValid(self):
            self.auto_lock_changed.emit(float(minutes))

    def set_font_size(self, points: int) -> None:
        QSettings("fieldapp", "fieldapp").setValue(FONT_SETTING, points)
        apply_font_size(points)

    def drafts(self) -> dict[str, dict[str, Any]]:
        # nothing here is a draft (passphrases are never stored); a delay being typed is
        # saved now if it is right, before the vault closes (app.py reads it again at unlock)
        if self._auto_lock.pending:
            minutes = self._auto_lock.check(emit=False)
            if minutes is not None:
                self._save_auto_lock(minutes, announce=False)
        return {}

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        if not event.spontaneous():  # another screen was chosen, not a minimised window
            self.passphrase.clear_secrets()
            self.passphrase.done.hide()
        super().hideEvent(event)
