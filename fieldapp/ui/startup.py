"""First run (create the vault) and every later run (unlock it).

Key derivation takes most of a second: it runs on the database worker while the page shows
that it is working. After repeated wrong passphrases the page makes the user wait, longer
each time (the file itself is protected by the slow key derivation; this slows guessing at
the keyboard of an unattended laptop).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp import messages
from fieldapp.domain import divisions
from fieldapp.errors import UserFacingError
from fieldapp.store.vault import MIN_PASSPHRASE, Vault
from fieldapp.ui.tasks import DbWorker


def wait_after(failures: int) -> int:
    """Seconds to wait after ``failures`` wrong passphrases in a row: 0, 0, 2, 4, 8 … 60."""
    return 0 if failures < 3 else min(60, 2 ** (failures - 2))


def passphrase_strength(text: str) -> int:
    """0 (too short) to 3 (strong): length first, then variety."""
    if len(text) < MIN_PASSPHRASE:
        return 0
    kinds = sum(
        any(test(c) for c in text)
        for test in (str.islower, str.isupper, str.isdigit, lambda c: not c.isalnum())
    )
    words = len(text.split())
    if len(text) >= 16 or words >= 4 or (len(text) >= 12 and kinds >= 3):
        return 3
    return 2 if len(text) >= 10 or kinds >= 3 else 1


class _Card(QFrame):
    def __init__(self, title: str) -> None:
        super().__init__()
        self.setObjectName("card")
        self.setMaximumWidth(520)
        self.box = QVBoxLayout(self)
        heading = QLabel(title)
        heading.setProperty("role", "title")
        self.box.addWidget(heading)
        self.error = QLabel()
        self.error.setObjectName("start_error")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(6)
        self.busy.hide()

    def finish(self) -> None:
        self.box.addWidget(self.error)
        self.box.addWidget(self.busy)
        self.box.addStretch()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))


class CreatePage(_Card):
    """First run: passphrase twice (with a strength hint), language, name, team, province."""

    create_requested = Signal(dict)
    language_chosen = Signal(str)

    def __init__(self, lang: str) -> None:
        super().__init__(QCoreApplication.translate("Startup", "Welcome to fieldapp"))
        intro = QLabel(
            QCoreApplication.translate(
                "Startup",
                "Your records stay on this laptop, encrypted with your passphrase. "
                "Nobody can open them without it, not even the administrator: choose one you "
                "will remember, and keep it to yourself.",
            )
        )
        intro.setWordWrap(True)
        self.box.addWidget(intro)
        form = QFormLayout()
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem("العربية", "ar")
        self.language.addItem("Français", "fr")
        self.language.setCurrentIndex(0 if lang == "ar" else 1)
        self.language.currentIndexChanged.connect(
            lambda: self.language_chosen.emit(self.language.currentData())
        )
        self.user_name = QLineEdit()
        self.user_name.setObjectName("user_name")
        self.team = QLineEdit()
        self.team.setObjectName("team")
        self.province = QComboBox()
        self.province.setObjectName("province")
        for p in sorted(divisions.provinces(), key=lambda p: p.label(lang)):
            self.province.addItem(p.label(lang), p.code)
        self.province.setCurrentIndex(max(0, self.province.findData("rabat")))
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase2 = QLineEdit()
        self.passphrase2.setObjectName("passphrase2")
        self.passphrase2.setEchoMode(QLineEdit.EchoMode.Password)
        self.strength = QLabel()
        self.strength.setObjectName("strength")
        self.passphrase.textChanged.connect(self._update_strength)
        form.addRow(QCoreApplication.translate("Startup", "&Language"), self.language)
        form.addRow(QCoreApplication.translate("Startup", "Your &name"), self.user_name)
        form.addRow(QCoreApplication.translate("Startup", "&Team"), self.team)
        form.addRow(QCoreApplication.translate("Startup", "&Province"), self.province)
        form.addRow(QCoreApplication.translate("Startup", "Pass&phrase"), self.passphrase)
        form.addRow("", self.strength)
        form.addRow(QCoreApplication.translate("Startup", "&Repeat it"), self.passphrase2)
        self.box.addLayout(form)
        self.create_button = QPushButton(QCoreApplication.translate("Startup", "&Create my vault"))
        self.create_button.setObjectName("create")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self._create)
        self.passphrase2.returnPressed.connect(self._create)
        self.box.addWidget(self.create_button)
        self.finish()
        self._update_strength()

    def _update_strength(self) -> None:
        texts = [
            QCoreApplication.translate("Startup", "At least %n characters.", "", MIN_PASSPHRASE),
            QCoreApplication.translate("Startup", "Weak: add words or characters."),
            QCoreApplication.translate("Startup", "Fair: a few more words would make it strong."),
            QCoreApplication.translate("Startup", "Strong."),
        ]
        self.strength.setText(texts[passphrase_strength(self.passphrase.text())])

    def _create(self) -> None:
        if not self.user_name.text().strip():
            self.show_error(
                QCoreApplication.translate(
                    "Startup", "Write your name: it is stamped on your changes."
                )
            )
            self.user_name.setFocus()
            return
        if len(self.passphrase.text()) < MIN_PASSPHRASE:
            self.show_error(messages.error_text(UserFacingError("weak_passphrase")))
            self.passphrase.setFocus()
            return
        if self.passphrase.text() != self.passphrase2.text():
            self.show_error(
                QCoreApplication.translate(
                    "Startup", "The two passphrases differ. Type them again."
                )
            )
            self.passphrase2.clear()
            self.passphrase2.setFocus()
            return
        self.show_error("")
        self.create_requested.emit(
            {
                "passphrase": self.passphrase.text(),
                "user_name": self.user_name.text().strip(),
                "team": self.team.text().strip() or None,
                "province": self.province.currentData(),
                "lang": self.language.currentData(),
            }
        )

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.create_button.setEnabled(not busy)


class UnlockPage(_Card):
    unlock_requested = Signal(str)

    def __init__(self) -> None:
        super().__init__(QCoreApplication.translate("Startup", "Unlock fieldapp"))
        self.setMinimumWidth(420)  # room to see a long passphrase being typed
        row = QHBoxLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("unlock_passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(QCoreApplication.translate("Startup", "Passphrase"))
        self.passphrase.setAccessibleName(QCoreApplication.translate("Startup", "Passphrase"))
        self.passphrase.returnPressed.connect(self._unlock)
        self.button = QPushButton(QCoreApplication.translate("Startup", "&Unlock"))
        self.button.setObjectName("unlock")
        self.button.setDefault(True)
        self.button.clicked.connect(self._unlock)
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.button)
        self.box.addLayout(row)
        self.finish()
        self.failures = 0
        self._wait = 0
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)

    def _unlock(self) -> None:
        if self._wait > 0 or not self.passphrase.text():
            return
        self.unlock_requested.emit(self.passphrase.text())

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.button.setEnabled(not busy and self._wait == 0)
        self.passphrase.setEnabled(not busy and self._wait == 0)

    def failed(self, error: UserFacingError) -> None:
        self.passphrase.selectAll()
        if error.code == "wrong_passphrase":
            self.failures += 1
            self._wait = wait_after(self.failures)
        self._show(error)
        if self._wait:
            self.set_busy(False)
            self._timer.start()
        self.passphrase.setFocus()

    def _show(self, error: UserFacingError) -> None:
        text = messages.error_text(error)
        if self._wait:
            text += " " + QCoreApplication.translate(
                "Startup", "Wait %n seconds before trying again.", "", self._wait
            )
        self.show_error(text)

    def _tick(self) -> None:
        self._wait -= 1
        if self._wait <= 0:
            self._timer.stop()
            self._wait = 0
            self.set_busy(False)
            self.passphrase.setFocus()
        self._show(UserFacingError("wrong_passphrase"))

    def reset(self) -> None:
        self.passphrase.clear()
        self.show_error("")
        self.passphrase.setFocus()


class StartWindow(QWidget):
    """The window before the vault is open: create it (first run) or unlock it."""

    unlocked = Signal()
    language_chosen = Signal(str)

    def __init__(self, vault: Vault, db: DbWorker, lang: str) -> None:
        super().__init__()
        self.setObjectName("start_window")
        self.setWindowTitle("fieldapp")
        self.vault, self.db = vault, db
        self.stack = QStackedWidget()
        self.create_page = CreatePage(lang)
        self.unlock_page = UnlockPage()
        self.stack.addWidget(self.create_page)
        self.stack.addWidget(self.unlock_page)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.stack)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        self.create_page.create_requested.connect(self._create)
        self.create_page.language_chosen.connect(self.language_chosen)
        self.unlock_page.unlock_requested.connect(self._unlock)
        self.show_right_page()

    def show_right_page(self) -> None:
        page = self.unlock_page if self.vault.exists() else self.create_page
        # the card as tall as its own content, not as the taller page behind it
        for other in (self.create_page, self.unlock_page):
            policy = QSizePolicy.Policy.Preferred if other is page else QSizePolicy.Policy.Ignored
            other.setSizePolicy(policy, policy)
        self.stack.setCurrentWidget(page)
        self.stack.adjustSize()
        if page is self.unlock_page:
            self.unlock_page.reset()
        else:
            self.create_page.user_name.setFocus()

    def _create(self, details: dict[str, Any]) -> None:
        self.create_page.set_busy(True)

        def create(vault: Vault) -> None:
            vault.create(
                details["passphrase"],
                user_name=details["user_name"],
                province=details["province"],
                team=details["team"],
                lang=details["lang"],
            )

        self.db.run_on_vault(create, on_done=lambda _: self._opened(), on_error=self._create_failed)

    def _create_failed(self, error: Exception) -> None:
        self.create_page.set_busy(False)
        if not isinstance(error, UserFacingError):
            raise error
        self.create_page.show_error(messages.error_text(error))

    def _unlock(self, passphrase: str) -> None:
        self.unlock_page.set_busy(True)
        self.db.run_on_vault(
            # every page's MAC is checked once the window shows (app.py), in the background
            lambda vault: vault.unlock(passphrase, check_pages=False),
            on_done=lambda _: self._opened(),
            on_error=self._unlock_failed,
        )

    def _unlock_failed(self, error: Exception) -> None:
        self.unlock_page.set_busy(False)
        if not isinstance(error, UserFacingError):
            raise error
        self.unlock_page.failed(error)

    def _opened(self) -> None:
        self.create_page.set_busy(False)
        self.unlock_page.set_busy(False)
        self.unlock_page.failures = 0
        self.unlock_page.passphrase.clear()
        self.create_page.passphrase.clear()
        self.create_page.passphrase2.clear()
        self.unlocked.emit()
