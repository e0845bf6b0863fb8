"""Start-up: first run creates the vault; later runs unlock; layout direction per language;
auto-lock keeps drafts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fieldapp import messages
from fieldapp.app import FieldApp, make_application
from fieldapp.store.repository import StorageError
from fieldapp.store.vault import Vault
from fieldapp.ui.persons import PersonsScreen
from fieldapp.ui.startup import passphrase_strength, wait_after
from tests.helpers.vaults import PASSPHRASE
from tests.ui.conftest import run_in_store, unlock, wait_idle


def test_starts_in_arabic_right_to_left(make_app):
    fa = make_app("ar")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert fa.main.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert fa.main.rail.item(0).text() == "اليوم"
    # the rail sits on the right in Arabic
    assert fa.main.rail.mapTo(fa.main, fa.main.rail.rect().topLeft()).x() > fa.main.width() / 2


def test_starts_in_french_left_to_right(make_app):
    fa = make_app("fr")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert fa.main.rail.item(0).text() == "Aujourd’hui" or \
        fa.main.rail.item(0).text() == "Aujourd'hui"
    assert fa.main.rail.mapTo(fa.main, fa.main.rail.rect().topLeft()).x() == 0


def test_first_run_creates_the_vault(qtbot, tmp_path):
    folder = tmp_path / "new"
    app = make_application()
    fa = FieldApp(app, folder, lang="fr")
    qtbot.addWidget(fa.start)
    page = fa.start.create_page
    assert fa.start.stack.currentWidget() is page
    qtbot.keyClicks(page.user_name, "Amina Tazi")
    qtbot.keyClicks(page.team, "Équipe mobile 2")
    qtbot.keyClicks(page.passphrase, "court")
    assert page.strength.text()
    qtbot.keyClicks(page.passphrase2, "court")
    page.create_button.click()
    assert page.error.isVisible()  # too short: said next to the form, nothing created
    assert not Vault(folder).exists()
    page.passphrase.setText("une phrase secrète assez longue")
    page.passphrase2.setText("une autre phrase")
    page.create_button.click()
    assert page.error.isVisible() and not Vault(folder).exists()
    page.passphrase2.setText("une phrase secrète assez longue")
    with qtbot.waitSignal(fa.main_window_shown, timeout=20_000):
        page.create_button.click()
    profile = run_in_store(fa, qtbot, lambda store: store.profile)
    assert profile.user_name == "Amina Tazi" and profile.team == "Équipe mobile 2"
    assert profile.province == "rabat"
    fa.main.hide()
    fa.shutdown()


def test_wrong_passphrase_then_growing_delay(make_app, qtbot):
    fa = make_app("fr", unlocked=False)
    page = fa.start.unlock_page
    for attempt in range(3):
        page.passphrase.setText("not it")
        page.button.click()
        qtbot.waitUntil(lambda a=attempt: page.failures == a + 1, timeout=10_000)
    assert page.error.isVisible()
    assert not page.button.isEnabled()  # third failure: wait before trying again
    assert wait_after(1) == 0 and wait_after(3) == 2 and wait_after(10) == 60
    assert fa.main is None


def test_passphrase_strength_hint():
    assert passphrase_strength("short") == 0
    assert passphrase_strength("abcdefgh") == 1
    assert passphrase_strength("four words in here") == 3


def test_auto_lock_keeps_the_draft(make_app, qtbot):
    fa = make_app("fr", auto_lock_ms=400)
    persons = fa.main.go_to(PersonsScreen)
    persons.new_person()
    qtbot.keyClicks(persons.editor.form.editors["name_lat"].widget, "Brahim Oujdi")
    with qtbot.waitSignal(fa.locked, timeout=5_000):
        pass  # no input: the idle timer fires
    assert fa.main is None and fa.start.isVisible()
    assert not fa.vault.is_unlocked
    # the draft is in the vault, encrypted, not in memory of a window
    unlock(fa, qtbot)
    persons = fa.main.go_to(PersonsScreen)
    assert persons.editor.isVisible()
    assert persons.editor.form.values()["name_lat"] == "Brahim Oujdi"
    drafts = run_in_store(fa, qtbot, lambda store: store.drafts())
    assert drafts == {}  # restored, then discarded from the vault
    wait_idle(fa.db, qtbot)


def test_lock_button_locks(make_app, qtbot):
    fa = make_app("ar")
    with qtbot.waitSignal(fa.locked, timeout=5_000):
        fa.main.lock_button.click()
    assert not fa.vault.is_unlocked
    unlock(fa, qtbot, PASSPHRASE)
    assert fa.main is not None


def test_a_page_found_damaged_after_unlock_stops_writes_and_says_so(make_app, qtbot,
                                                                     tmp_path):
    """The window shows before every page is checked; the check runs in the background and
    a damaged page stops all writes, with the reason in the status bar. Locking still works."""
    def seed(store):
        store.persons.create_many({"name_lat": "Hamid Tazi", "nickname": f"n{i}",
                                   "notes": "x" * 300} for i in range(400))

    fa = make_app("fr", seed=seed, unlocked=False)
    db = fa.vault.db_path
    data = bytearray(db.read_bytes())
    data[-3000] ^= 0x01
    db.write_bytes(bytes(data))
    with qtbot.waitSignal(fa.pages_checked, timeout=20_000) as checked:
        unlock(fa, qtbot)
    assert checked.args[0] > 0
    wait_idle(fa.db, qtbot)
    assert fa.main.message.text() == messages.error_text(StorageError("damaged_pages"))
    refused = run_in_store(fa, qtbot, lambda store: _try_write(store))
    assert refused == "damaged_pages"
    with qtbot.waitSignal(fa.locked, timeout=5_000):
        fa.main.lock_button.click()
    assert not fa.vault.is_unlocked


def _try_write(store):
    try:
        store.persons.create({"name_lat": "Never Written"})
    except StorageError as e:
        return e.code
    return None
