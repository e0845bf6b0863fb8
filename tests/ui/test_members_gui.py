"""One centre computer, many staff: the lock screen lists the vault's members, each unlocks
with their own passphrase as themselves, the next one unlocks after a lock without closing
the app, and the rail shows only what the member's role may use."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from fieldapp.app import FieldApp, make_application
from fieldapp.store import keys
from fieldapp.store.vault import Vault
from fieldapp.ui.cases import CasesScreen
from fieldapp.ui.patrols import PatrolsScreen
from fieldapp.ui.persons import PersonsScreen
from fieldapp.ui.settings import SettingsScreen
from fieldapp.ui.shelters import SheltersScreen
from fieldapp.ui.supervision import SupervisionScreen
from fieldapp.ui.today import TodayScreen
from tests.helpers.vaults import PASSPHRASE, fast_kdf
from tests.ui.conftest import run_in_store, wait_idle

AMINA_PASS = PASSPHRASE  # the vault's first member, a supervisor
YOUSSEF_PASS = "youssef's own passphrase"
YOUSSEF = keys.Member("user-youssef", "Youssef Alaoui", "يوسف العلوي")  # a field worker


def shared_vault(folder, role: str = "supervisor") -> str:
    """A centre's vault: Amina (``role``) made it and added Youssef, a field worker.
    Returns Amina's member id."""
    vault = Vault(folder)
    vault.create(AMINA_PASS, user_name="Amina Tazi", name_ar="أمينة التازي",
                 province="rabat", team="Centre Agdal", role=role, kdf=fast_kdf())
    vault.add_member(YOUSSEF, YOUSSEF_PASS, role="field_worker", kdf=fast_kdf())
    assert vault.member is not None
    amina = vault.member.member_id
    vault.lock()
    return amina


@pytest.fixture
def centre(make_app, tmp_path):
    """The app on the centre's vault, locked; and Amina's member id."""
    folder = tmp_path / "centre"
    amina = shared_vault(folder)
    fa = make_app("fr", unlocked=False, folder=folder)
    return fa, amina


def rail_texts(fa) -> list[str]:
    return [fa.main.rail.item(i).text() for i in range(fa.main.rail.count())]


def screen_types(fa) -> list[type]:
    return [type(screen) for screen in fa.main.screens]


def listed(page) -> list[str]:
    return [page.members.item(i).text() for i in range(page.members.count())]


def choose(page, qtbot, name: str) -> None:
    """↑/↓ in the list until ``name`` is the current member."""
    target = next((i for i, text in enumerate(listed(page)) if name in text), None)
    assert target is not None, f"{name} is not in the list: {listed(page)}"
    page.members.setFocus()
    for _ in range(page.members.count()):
        if page.members.currentRow() == target:
            return
        key = Qt.Key.Key_Down if page.members.currentRow() < target else Qt.Key.Key_Up
        qtbot.keyClick(page.members, key)
    assert page.members.currentRow() == target


def unlock_by_keyboard(fa, qtbot, name: str, passphrase: str) -> None:
    """Choose the member in the list, Tab to the passphrase, type it, Enter."""
    page = fa.start.unlock_page
    fa.start.activateWindow()
    choose(page, qtbot, name)
    qtbot.keyClick(page.members, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.passphrase
    page.passphrase.setText(passphrase)  # keyClicks would type it as well, more slowly
    with qtbot.waitSignal(fa.main_window_shown, timeout=15_000):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    wait_idle(fa.db, qtbot)


def actor_id(fa, qtbot) -> str:
    return run_in_store(fa, qtbot, lambda store: store.actor.member_id)


def test_the_lock_screen_lists_every_member_in_both_scripts(centre, qtbot):
    fa, amina = centre
    page = fa.start.unlock_page
    assert page.members.isVisible()
    texts = listed(page)
    assert len(texts) == 2
    assert "Amina Tazi" in texts[0] and "أمينة التازي" in texts[0]
    assert "Youssef Alaoui" in texts[1] and "يوسف العلوي" in texts[1]
    # each script keeps its own direction inside the line (first-strong isolates)
    assert "\u2068Youssef Alaoui\u2069" in texts[1] and "\u2068يوسف العلوي\u2069" in texts[1]
    assert page.members.currentRow() == 0  # nobody remembered yet: the first
    # the focus waits in the passphrase; ↑/↓ there choose the member too
    fa.start.activateWindow()
    qtbot.waitUntil(fa.start.isActiveWindow)
    assert QApplication.focusWidget() is page.passphrase
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Down)
    assert page.member_id() == YOUSSEF.member_id
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Up)
    assert page.member_id() == amina


def test_a_vault_of_one_member_shows_no_list(make_app):
    fa = make_app("fr", unlocked=False)
    page = fa.start.unlock_page
    assert not page.members.isVisible() and page.member_id() is None


def test_unlocks_as_the_member_chosen_with_their_passphrase(centre, qtbot):
    fa, _amina = centre
    unlock_by_keyboard(fa, qtbot, "Youssef", YOUSSEF_PASS)
    assert actor_id(fa, qtbot) == YOUSSEF.member_id
    assert "Youssef Alaoui" in fa.main.who.text()  # the status bar says who is signed in


def test_another_members_passphrase_does_not_open_as_the_chosen_one(centre, qtbot):
    fa, _amina = centre
    page = fa.start.unlock_page
    choose(page, qtbot, "Youssef")
    page.passphrase.setText(AMINA_PASS)
    page.button.click()
    qtbot.waitUntil(lambda: page.failures == 1, timeout=10_000)
    assert fa.main is None and not fa.vault.is_unlocked
    assert page.error.isVisible()


def test_after_a_lock_the_next_member_unlocks_in_the_same_app(centre, qtbot):
    fa, amina = centre
    unlock_by_keyboard(fa, qtbot, "Youssef", YOUSSEF_PASS)
    # Youssef starts typing a person, then locks (Ctrl+L): his draft is kept for him
    persons = fa.main.go_to(PersonsScreen)
    persons.new_person()
    qtbot.keyClicks(persons.editor.form.editors["name_lat"].widget, "Brahim Oujdi")
    with qtbot.waitSignal(fa.locked, timeout=5_000):
        qtbot.keyClick(fa.main, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert fa.main is None and fa.start.isVisible() and not fa.vault.is_unlocked
    page = fa.start.unlock_page
    assert page.members.isVisible() and len(listed(page)) == 2
    assert "Youssef" in page.members.currentItem().text()  # who unlocked last
    assert page.passphrase.text() == ""

    unlock_by_keyboard(fa, qtbot, "Amina", AMINA_PASS)
    assert actor_id(fa, qtbot) == amina
    assert SupervisionScreen in screen_types(fa)  # Amina's role, not Youssef's
    persons = fa.main.go_to(PersonsScreen)
    assert not persons.editor.isVisible()  # Youssef's draft is not Amina's

    with qtbot.waitSignal(fa.locked, timeout=5_000):
        fa.main.lock_button.click()
    unlock_by_keyboard(fa, qtbot, "Youssef", YOUSSEF_PASS)
    persons = fa.main.go_to(PersonsScreen)
    assert persons.editor.isVisible()
    assert persons.editor.form.values()["name_lat"] == "Brahim Oujdi"


def test_the_member_who_unlocked_last_is_chosen_at_the_next_start(centre, qtbot):
    fa, _amina = centre
    unlock_by_keyboard(fa, qtbot, "Youssef", YOUSSEF_PASS)
    assert QSettings("fieldapp", "fieldapp").value("last_member") == YOUSSEF.member_id
    again = FieldApp(make_application(), fa.vault.data_dir, lang="fr")
    qtbot.addWidget(again.start)
    try:
        page = again.start.unlock_page
        assert "Youssef" in page.members.currentItem().text()
        assert page.member_id() == YOUSSEF.member_id
    finally:
        again.shutdown()


def test_the_rail_shows_what_the_members_role_may_use(centre, qtbot):
    fa, _amina = centre
    unlock_by_keyboard(fa, qtbot, "Youssef", YOUSSEF_PASS)
    field_worker = screen_types(fa)
    assert field_worker == [TodayScreen, PatrolsScreen, PersonsScreen, SettingsScreen]
    assert "Supervision" not in rail_texts(fa)
    with qtbot.waitSignal(fa.locked, timeout=5_000):
        fa.main.lock_button.click()
    unlock_by_keyboard(fa, qtbot, "Amina", AMINA_PASS)
    assert screen_types(fa) == [TodayScreen, PatrolsScreen, PersonsScreen, CasesScreen,
                                SheltersScreen, SupervisionScreen, SettingsScreen]
    assert "Supervision" in rail_texts(fa)
    supervision = fa.main.go_to(SupervisionScreen)
    assert supervision.tabs.isTabVisible(1) and supervision.tabs.isTabVisible(2)
    assert supervision.report_button.isVisible()


def test_a_committee_member_sees_the_figures_only(make_app, tmp_path, qtbot):
    folder = tmp_path / "committee"
    vault = Vault(folder)
    vault.create(AMINA_PASS, user_name="Nadia Idrissi", province="rabat", role="committee",
                 kdf=fast_kdf())
    vault.lock()
    fa = make_app("fr", folder=folder)
    assert screen_types(fa) == [SupervisionScreen, SettingsScreen]
    supervision = fa.main.current_screen()
    assert isinstance(supervision, SupervisionScreen)
    wait_idle(fa.db, qtbot)
    assert [supervision.tabs.isTabVisible(i) for i in range(3)] == [True, False, False]
    assert not any(b.isVisible() for b in supervision.export_buttons.values())
    assert not supervision.report_button.isVisible()
    assert supervision.number_labels["people_met"].text() != ""  # the figures are there
