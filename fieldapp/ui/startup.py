"""First run (create the vault) and every later run (unlock it).

Key derivation takes most of a second: it runs on the database worker while the page shows
that it is working. After repeated wrong passphrases the page makes the user wait, longer
each time (the file itself is protected by the slow key derivation; this slows guessing at
the keyboard of an unattended laptop).

On a computer that several staff members share (one key slot each, see
:mod:`fieldapp.store.keys`) the unlock page lists them, read from the key file without
unlocking anything; the passphrase opens the vault as the member chosen. The member who
unlocked last is chosen when the page shows: only their id is remembered, in the settings
that hold the language before unlock.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
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
from fieldapp.store.keys import Member
from fieldapp.store.vault import MIN_PASSPHRASE, Vault
from fieldapp.ui.person_text import display_name
from fieldapp.ui.tasks import DbWorker

LAST_MEMBER_KEY = "last_member"  # in QSettings: the member_id who unlocked last, nothing else
MEMBERS_SHOWN = 6  # rows of the member list before it scrolls (fits 1366×768)


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
    """The passphrase, and on a shared computer the list of its members above it: ↑/↓ choose
    a member (in the list, or from the passphrase field), Tab goes on to the passphrase,
    Enter unlocks as the member chosen."""

    unlock_requested = Signal(str, object)  # the passphrase, and the member_id or None

    def __init__(self, lang: str = "fr") -> None:
        super().__init__(QCoreApplication.translate("Startup", "Unlock fieldapp"))
        self.lang = lang
        self.setMinimumWidth(420)  # room to see a long passphrase being typed
        self.members_label = QLabel(QCoreApplication.translate("Startup", "&Who are you?"))
        self.members = QListWidget()
        self.members.setObjectName("members")
        self.members.setAccessibleName(
            QCoreApplication.translate("Startup", "Members of this computer"))
        self.members.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.members_label.setBuddy(self.members)
        # Enter on a name: on to the passphrase (Enter there unlocks)
        self.members.itemActivated.connect(self._member_activated)
        self.members.currentRowChanged.connect(lambda _row: self.show_error(""))
        self.box.addWidget(self.members_label)
        self.box.addWidget(self.members)
        row = QHBoxLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("unlock_passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(QCoreApplication.translate("Startup", "Passphrase"))
        self.passphrase.setAccessibleName(QCoreApplication.translate("Startup", "Passphrase"))
        self.passphrase.returnPressed.connect(self._unlock)
        self.passphrase.installEventFilter(self)
        self.button = QPushButton(QCoreApplication.translate("Startup", "&Unlock"))
        self.button.setObjectName("unlock")
        self.button.setDefault(True)
        self.button.clicked.connect(self._unlock)
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.button)
        self.box.addLayout(row)
        QWidget.setTabOrder(self.members, self.passphrase)
        QWidget.setTabOrder(self.passphrase, self.button)
        self.finish()
        self.failures = 0
        self._wait = 0
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self.set_members([])

    # --- members ------------------------------------------------------------------------

    def set_members(self, members: list[Member], chosen: str | None = None) -> None:
        """List ``members`` when there are several (one: no list, as on a laptop of one's
        own) and choose ``chosen`` (the member who unlocked last), else the first."""
        self.members.blockSignals(True)
        self.members.clear()
        for member in members:
            item = QListWidgetItem(display_name(
                {"name_lat": member.name, "name_ar": member.name_ar}, self.lang))
            item.setData(Qt.ItemDataRole.UserRole, member.member_id)
            self.members.addItem(item)
        ids = [m.member_id for m in members]
        self.members.setCurrentRow(ids.index(chosen) if chosen in ids else 0)
        self.members.blockSignals(False)
        several = len(members) > 1
        self.members_label.setVisible(several)
        self.members.setVisible(several)
        if several:  # as tall as its names, up to a few rows, then it scrolls
            rows = min(len(members), MEMBERS_SHOWN)
            frame = 2 * self.members.frameWidth()
            self.members.setFixedHeight(self.members.sizeHintForRow(0) * rows + frame)
            self.members.scrollToItem(self.members.currentItem())

    def _member_activated(self, _item: QListWidgetItem) -> None:
        self.passphrase.setFocus()

    def member_id(self) -> str | None:
        """The member the passphrase is for (None: the only member)."""
        item = self.members.currentItem()
        if not self.members.isVisibleTo(self) or item is None:
            return None
        return str(item.data(Qt.ItemDataRole.UserRole))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """↑/↓ in the passphrase field choose the member, as in the list: a member who finds
        the focus in the passphrase need not go back to the list."""
        if (watched is self.passphrase and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and self.members.isVisibleTo(self)
                and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
                and not event.modifiers()):
            step = -1 if event.key() == Qt.Key.Key_Up else 1
            row = self.members.currentRow() + step
            if 0 <= row < self.members.count():
                self.members.setCurrentRow(row)
            return True
        return super().eventFilter(watched, event)

    # --- unlocking ----------------------------------------------------------------------

    def _unlock(self) -> None:
        if self._wait > 0 or not self.passphrase.text():
            return
        self.unlock_requested.emit(self.passphrase.text(), self.member_id())

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.button.setEnabled(not busy and self._wait == 0)
        self.passphrase.setEnabled(not busy and self._wait == 0)
        self.members.setEnabled(not busy)

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

    def __init__(self, vault: Vault, db: DbWorker, lang: str,
                 settings: QSettings | None = None) -> None:
        super().__init__()
        self.setObjectName("start_window")
        self.setWindowTitle("fieldapp")
        self.vault, self.db, self.lang = vault, db, lang
        # where the member who unlocked last is remembered (the settings of before unlock)
        self.settings = settings if settings is not None else QSettings("fieldapp", "fieldapp")
        self.stack = QStackedWidget()
        self.create_page = CreatePage(lang)
        self.unlock_page = UnlockPage(lang)
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
        if page is self.unlock_page:
            self.unlock_page.set_members(self._members(),
                                         str(self.settings.value(LAST_MEMBER_KEY, "")))
        self.stack.adjustSize()
        # and the window laid out again at once: shown again after a lock at the same size,
        # nothing else might, and the stack would stay at its size hint, narrower than the
        # card's minimum width (the card cut on its trailing side)
        layout = self.layout()
        assert layout is not None
        layout.invalidate()
        layout.activate()
        if page is self.unlock_page:
            self.unlock_page.reset()
        else:
            self.create_page.user_name.setFocus()

    def _members(self) -> list[Member]:
        """The members the key file names (a small file read without unlocking). A key file
        that cannot be read lists nobody: unlocking then says what is wrong with it."""
        try:
            return self.vault.members()
        except (UserFacingError, OSError, ValueError):
            return []

    def _create(self, details: dict[str, Any]) -> None:
        self.create_page.set_busy(True)

        def create(vault: Vault) -> Member | None:
            vault.create(
                details["passphrase"],
                user_name=details["user_name"],
                province=details["province"],
                team=details["team"],
                lang=details["lang"],
            )
            return vault.member

        self.db.run_on_vault(create, on_done=self._opened, on_error=self._create_failed)

    def _create_failed(self, error: Exception) -> None:
        self.create_page.set_busy(False)
        if not isinstance(error, UserFacingError):
            raise error
        self.create_page.show_error(messages.error_text(error))

    def _unlock(self, passphrase: str, member_id: str | None) -> None:
        self.unlock_page.set_busy(True)

        def unlock(vault: Vault) -> Member | None:
            # every page's MAC is checked once the window shows (app.py), in the background
            vault.unlock(passphrase, member_id=member_id, check_pages=False)
            return vault.member

        self.db.run_on_vault(unlock, on_done=self._opened, on_error=self._unlock_failed)

    def _unlock_failed(self, error: Exception) -> None:
        self.unlock_page.set_busy(False)
        if not isinstance(error, UserFacingError):
            raise error
        self.unlock_page.failed(error)

    def _opened(self, member: Member | None) -> None:
        if member is not None and member.member_id:
            self.settings.setValue(LAST_MEMBER_KEY, member.member_id)
        self.create_page.set_busy(False)
        self.unlock_page.set_busy(False)
        self.unlock_page.failures = 0
        self.unlock_page.passphrase.clear()
        self.create_page.passphrase.clear()
        self.create_page.passphrase2.clear()
        self.unlocked.emit()
