"""Start-up and wiring: the one place that builds the vault, the database worker, the
screens and the windows, and hands each what it needs (STYLE.md rule 2).

Locking (the Lock button, Ctrl+L, or inactivity) first saves every open form as an encrypted
draft, then closes the database and forgets the key; after unlock the drafts come back.
On a computer shared by several members the lock screen lists them and any of them unlocks
next, without closing the app: the main window is built anew for that member, with only the
screens their role may use, and their own drafts.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QRunnable,
    QSettings,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox

from fieldapp import i18n, logs
from fieldapp.store.replica import StoreReplica
from fieldapp.store.repository import Actor, Profile, StorageError, Store
from fieldapp.store.vault import Vault
from fieldapp.ui import style
from fieldapp.ui.context import AppEvents, Context
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.screen import Screen
from fieldapp.ui.startup import StartWindow
from fieldapp.ui.sync import EnrollmentPanel, SyncController, SyncStatus
from fieldapp.ui.tasks import DbWorker

DEFAULT_AUTO_LOCK_MINUTES = 5
ScreenFactory = Callable[[Context], Screen]


def default_screens() -> list[ScreenFactory]:
    """The screens of the rail, in order (UX.md: Today first, Settings last)."""
    from fieldapp.ui.cases import CasesScreen
    from fieldapp.ui.patrols import PatrolsScreen
    from fieldapp.ui.persons import PersonsScreen
    from fieldapp.ui.settings import SettingsScreen
    from fieldapp.ui.shelters import SheltersScreen
    from fieldapp.ui.supervision import SupervisionScreen
    from fieldapp.ui.today import TodayScreen

    return [TodayScreen, PatrolsScreen, PersonsScreen, CasesScreen, SheltersScreen,
            SupervisionScreen, SettingsScreen]


class IdleWatcher(QObject):
    """Application-wide event filter: no key or mouse input for ``minutes`` → ``idled``."""

    idled = Signal()
    _INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
              QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.Shortcut}

    def __init__(self, app: QApplication, milliseconds: int) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(milliseconds)
        self.timer.timeout.connect(self.idled)
        app.installEventFilter(self)

    def set_minutes(self, minutes: float) -> None:
        self.timer.setInterval(max(1, int(minutes * 60_000)))
        if self.timer.isActive():
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in self._INPUT and self.timer.isActive():
            self.timer.start()
        return False


class FieldApp(QObject):
    """The running application: start window ↔ main window, language, lock."""

    locked = Signal()
    main_window_shown = Signal()
    pages_checked = Signal(int)  # pages failing their MAC (-1: not checked, vault locked)

    def __init__(self, app: QApplication, data_dir: Path, lang: str | None = None,
                 screens: list[ScreenFactory] | None = None,
                 auto_lock_ms: int | None = None) -> None:
        super().__init__()
        self.app = app
        self.settings = QSettings("fieldapp", "fieldapp")
        self.lang = i18n.normalise_language(
            lang or str(self.settings.value("lang", "ar")))
        self.apply_language(self.lang)
        self.vault = Vault(data_dir)
        self.db = DbWorker(self.vault)
        self.events = AppEvents()
        self.screen_factories = screens or default_screens()
        self.main: MainWindow | None = None
        # the screen in use when the window closed (lock, language change), and by whom:
        # shown again when the same member unlocks, as the patrol in use is (that one is
        # remembered in the vault, see patrols.py); another member starts on their first
        self._resume: tuple[str, type[Screen]] | None = None
        self.idle = IdleWatcher(app, auto_lock_ms or DEFAULT_AUTO_LOCK_MINUTES * 60_000)
        self._fixed_auto_lock = auto_lock_ms is not None
        self.idle.idled.connect(self.lock)
        self.sync = SyncController(self.vault, self.events)
        self.sync.revoked.connect(self._revoked)
        self.checks = QThreadPool(self)  # the background check of every page after unlock
        self.pages_checked.connect(self._pages_checked)
        self.start = self._new_start_window()
        self.start.show()
        QTimer.singleShot(0, self._say_missing_translations)

    def _say_missing_translations(self) -> None:
        """An installation without its .qm files would show English without a word: say so
        (in English and French, the languages that need no translation file to be read)."""
        missing = [m for m in self.missing_translations if "fieldapp_" in Path(m).name]
        if missing:
            QMessageBox.warning(
                self.start, "fieldapp",
                "The translation of the interface is missing, so it shows in English: "
                "reinstall fieldapp or tell your administrator.\n"
                "La traduction de l'interface manque : elle s'affiche en anglais. "
                "Réinstallez fieldapp ou prévenez votre administrateur.\n\n"
                + "\n".join(missing))

    def _new_start_window(self) -> StartWindow:
        start = StartWindow(self.vault, self.db, self.lang, self.settings)
        start.resize(1100, 700)
        start.unlocked.connect(self._unlocked)
        start.language_chosen.connect(self._language_chosen_at_start)
        return start

    def apply_language(self, lang: str) -> None:
        self.lang = i18n.normalise_language(lang)
        self.missing_translations = i18n.install_translators(self.app, self.lang)
        self.app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if self.lang == "ar"
                                    else Qt.LayoutDirection.LeftToRight)

    def _language_chosen_at_start(self, lang: str) -> None:
        if lang == self.lang:
            return
        self.settings.setValue("lang", lang)
        self.apply_language(lang)
        old = self.start
        self.start = self._new_start_window()
        self.start.setGeometry(old.geometry())
        self.start.show()
        old.close()
        old.deleteLater()

    def change_language(self, lang: str) -> None:
        """From settings: rebuild the windows in the new language, keeping drafts."""
        self.settings.setValue("lang", lang)
        drafts = self.main.drafts() if self.main is not None else {}
        if self.main is not None:
            self._remember_screen(self.main)
            self.main.hide()
            self.main.deleteLater()
            self.main = None
        self.apply_language(lang)
        # the lock screen too, in the new language, where the main window will be
        old = self.start
        self.start = self._new_start_window()
        self.start.setGeometry(old.geometry())
        old.deleteLater()
        self.db.run(self._load_member, on_done=lambda res: self._show_main(res[0], res[1], drafts))

    # --- unlock / lock ------------------------------------------------------------------

    @staticmethod
    def _load_member(store: Store) -> tuple[Profile, tuple[Actor, str]]:
        """The vault's profile and the member at the keyboard (their name in Arabic letters
        too, from the members the vault knows)."""
        actor = store.actor
        name_ar = next((m["name_ar"] or "" for m in store.members()
                        if actor.member_id and m["member_id"] == actor.member_id), "")
        return store.profile, (actor, name_ar)

    def _unlocked(self) -> None:
        def load(store: Store) -> tuple[Profile, tuple[Actor, str], dict[str, Any], Any]:
            profile, member = self._load_member(store)
            return profile, member, store.drafts(), store.setting("auto_lock_minutes")

        self.db.run(load, on_done=lambda res: self._opened(*res))

    def _opened(self, profile: Profile, member: tuple[Actor, str],
                drafts: dict[str, dict[str, Any]], minutes: Any) -> None:
        if minutes and not self._fixed_auto_lock:
            self.idle.set_minutes(float(minutes))
        if not self.settings.contains("lang"):
            self.settings.setValue("lang", profile.lang)
        self._show_main(profile, member, drafts)

    def _remember_screen(self, main: MainWindow) -> None:
        self._resume = (main.ctx.author, type(main.current_screen()))

    def _show_main(self, profile: Profile, member: tuple[Actor, str],
                   drafts: dict[str, dict[str, Any]]) -> None:
        actor, name_ar = member
        ctx = Context(self.db, profile, self.events, self.lang, actor, name_ar)
        # only the screens the member's role may use (the store refuses the rest anyway)
        screens = [factory(ctx) for factory in self.screen_factories if ctx.may_see(factory)]
        self.main = MainWindow(ctx, screens)
        self.main.lock_requested.connect(self.lock)
        self.main.closing.connect(self.quit)
        for screen in screens:
            hook = getattr(screen, "language_change_requested", None)
            if hook is not None:
                hook.connect(self.change_language)
            auto = getattr(screen, "auto_lock_changed", None)
            if auto is not None:
                auto.connect(self.idle.set_minutes)
            restored = getattr(screen, "vault_restored", None)
            if restored is not None:
                restored.connect(self.lock)
        if drafts:
            self.main.restore_drafts(drafts)

            def discard(store: Store) -> None:
                for form in drafts:
                    store.discard_draft(form)

            self.db.run(discard)
        if self._resume is not None and self._resume[0] == ctx.author:
            for row, screen in enumerate(screens):
                if type(screen) is self._resume[1]:
                    self.main.rail.setCurrentRow(row)
                    break
        self._attach_sync(screens)
        self._add_global_search()
        geometry = self.start.geometry()
        self.start.hide()
        self.main.setGeometry(geometry)
        self.main.show()
        self.idle.timer.start()
        self.main_window_shown.emit()
        self._check_pages()

    def _check_pages(self) -> None:
        """The unlock left the check of every page's MAC for now, off the GUI thread and
        on a connection of its own: a damaged page stops every write, and the user is told
        (what was saved before stays; nothing more goes into a damaged file)."""
        vault, done = self.vault, self.pages_checked

        class Check(QRunnable):
            def run(self) -> None:
                try:
                    done.emit(vault.check_pages())
                except Exception:  # noqa: BLE001 - locked meanwhile: nothing to check
                    done.emit(-1)

        self.checks.start(Check())

    def _pages_checked(self, failing: int) -> None:
        if failing > 0 and self.main is not None:
            self.db.run(lambda store: store.refuse_writes("damaged_pages"))
            self.main.show_error(StorageError("damaged_pages"))

    def _add_global_search(self) -> None:
        """Ctrl+K (and Ctrl+F, which line edits do not take) finds a person from anywhere."""
        from fieldapp.ui.persons import PersonsScreen

        main = self.main
        assert main is not None
        if not any(isinstance(screen, PersonsScreen) for screen in main.screens):
            return  # a role without persons (the committee's) has nothing to find

        def search() -> None:
            screen = main.go_to(PersonsScreen)
            assert isinstance(screen, PersonsScreen)
            screen.search.setFocus()
            screen.search.selectAll()

        for keys in ("Ctrl+K", "Ctrl+F"):
            action = QAction(main)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(search)
            main.addAction(action)

    def _attach_sync(self, screens: list[Screen]) -> None:
        assert self.main is not None
        slot = self.main.sync_slot.layout()
        assert slot is not None
        slot.addWidget(SyncStatus(self.sync))

        def load(store: Store) -> tuple[dict[str, Any], list[dict[str, Any]]]:
            replica = StoreReplica(store)
            return replica.sync_state(), replica.rejections()

        def loaded(result: tuple[dict[str, Any], list[dict[str, Any]]]) -> None:
            state, rejections = result
            for screen in screens:
                add_section = getattr(screen, "add_section", None)
                if add_section is not None:
                    add_section(EnrollmentPanel(self.sync, state, rejections))
            self.sync.start(enrolled=bool(state.get("token")))

        self.db.run(load, on_done=loaded)

    def _revoked(self) -> None:
        """The administrator revoked this laptop (lost or stolen): erase its vault. Deleting
        the wrapped key makes the encrypted database unreadable for good."""
        self.sync.stop()
        self._resume = None
        main, self.main = self.main, None
        if main is not None:
            main.closing.disconnect(self.quit)
            main.hide()
            main.deleteLater()

        def erase(vault: Vault) -> None:
            vault.erase()

        self.db.run_on_vault(erase, on_done=lambda _: self._show_erased())

    def _show_erased(self) -> None:
        self.start.show_right_page()
        self.start.create_page.show_error(QCoreApplication.translate(
            "Startup", "The administrator revoked this laptop: its records were erased. "
            "Ask your administrator before using it again."))
        self.start.show()
        self.locked.emit()

    def lock(self) -> None:
        """Save open forms as drafts, close the vault, show the unlock screen."""
        if self.main is None:
            return
        self.sync.stop()
        self.idle.timer.stop()
        drafts = self.main.drafts()
        main, self.main = self.main, None
        self._remember_screen(main)
        geometry = main.geometry()
        main.closing.disconnect(self.quit)
        main.hide()
        main.deleteLater()

        def save_and_lock(vault: Vault) -> None:
            try:
                if vault.store is not None:
                    for form, values in drafts.items():
                        vault.store.save_draft(form, values)
            except StorageError:
                pass  # a vault that refuses writes (found damaged) still locks
            finally:
                vault.lock()

        QGuiApplication.clipboard().clear()
        self.db.run_on_vault(save_and_lock, on_done=lambda _: self._show_locked(geometry))

    def _show_locked(self, geometry: Any) -> None:
        self.start.setGeometry(geometry)
        self.start.show_right_page()
        self.start.show()
        self.locked.emit()

    def quit(self) -> None:
        if self.main is not None:
            self.lock()
        self.db.run_on_vault(lambda vault: vault.lock(), on_done=lambda _: self.app.quit())

    def shutdown(self) -> None:
        self.sync.stop()
        self.checks.waitForDone()
        self.db.stop()
        if self.vault.is_unlocked:
            self.vault.lock()


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("fieldapp")
    app.setOrganizationName("fieldapp")
    style.apply(app)
    points = QSettings("fieldapp", "fieldapp").value("font_point_size")
    if points:
        from fieldapp.ui.settings import apply_font_size

        apply_font_size(int(str(points)))
    return app


def run_gui(data_dir: Path, lang: str | None = None, smoke: bool = False) -> int:
    logs.configure(data_dir)
    previous_hook = sys.excepthook

    def unhandled(kind: type[BaseException], error: BaseException, tb: Any) -> None:
        logs.log_crash(error)  # the type and the place; the message may hold typed values
        previous_hook(kind, error, tb)

    sys.excepthook = unhandled
    app = make_application()
    field_app = FieldApp(app, data_dir, lang)
    if smoke:
        _smoke(field_app)
    code = app.exec()
    field_app.shutdown()
    return int(code)


def _smoke(fa: FieldApp) -> None:
    """``fieldapp --smoke``: show the start window, unlock with FIELDAPP_PASSPHRASE if set,
    wait until the main window is shown and its first data loaded, print one JSON line per
    step (wall-clock times) and quit. Used by the bundle's smoke test and bench/gui.py."""
    import json
    import os
    import time

    def say(event: str, **extra: Any) -> None:
        print(json.dumps({"event": event, "t": time.time(), **extra}), flush=True)

    passphrase = os.environ.get("FIELDAPP_PASSPHRASE")
    started: dict[str, float] = {}

    def shown() -> None:
        say("start_window_shown", page="unlock" if fa.vault.exists() else "create")
        if not passphrase or not fa.vault.exists():
            fa.app.quit()
            return
        started["unlock"] = time.perf_counter()
        fa.start.unlock_page.passphrase.setText(passphrase)
        fa.start.unlock_page.button.click()

    def main_shown() -> None:
        def ready() -> None:
            if fa.db.busy:
                QTimer.singleShot(5, ready)
                return
            say("main_window_ready", unlock_seconds=time.perf_counter() - started["unlock"],
                title=fa.main.windowTitle() if fa.main else "")
            fa.quit()

        ready()

    def failed() -> None:
        if fa.start.unlock_page.error.isVisible():
            say("unlock_failed", message=fa.start.unlock_page.error.text())
            fa.app.exit(1)

    fa.main_window_shown.connect(main_shown)
    fa.db.busy_changed.connect(lambda busy: None if busy else QTimer.singleShot(0, failed))
    QTimer.singleShot(0, shown)
