"""Encounters go to the patrol the user is in: after a lock and unlock, after a restart, with
another open patrol of the same team in the list; a second open patrol of one team on the
same day is asked about first; a late answer never reaches a closed window."""

from __future__ import annotations

import threading
from datetime import date

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton

from fieldapp.ui.patrols import PatrolsScreen
from fieldapp.ui.screen import long_date
from fieldapp.ui.today import TodayScreen
from tests.helpers.vaults import PASSPHRASE
from tests.ui.conftest import run_in_store, wait_idle

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
K = Qt.Key
TODAY = date.today().isoformat()


def two_open_patrols(store):
    """Two patrols of the team in progress today: the user's (started first, 19:00, area
    Bab El Had) and a colleague's, started later (20:30, Agdal), so it comes first in the
    list. Both were recorded on this laptop (one profile per team laptop)."""
    mine = store.patrols.create({"date": TODAY, "team": "Équipe 1", "area": "Bab El Had",
                                 "started_at": f"{TODAY}T19:00"})
    other = store.patrols.create({"date": TODAY, "team": "Équipe 1", "area": "Agdal",
                                  "started_at": f"{TODAY}T20:30"})
    return mine["id"], other["id"]


def ids(fa, qtbot):
    def read(store):
        rows = store.conn.execute("SELECT id, area FROM patrols").fetchall()
        return {area: pid for pid, area in rows}

    found = run_in_store(fa, qtbot, read)
    return found["Bab El Had"], found["Agdal"]


def encounters_by_area(fa, qtbot):
    def read(store):
        return dict(store.conn.execute(
            "SELECT p.area, count(e.id) FROM patrols p LEFT JOIN encounters e "
            "ON e.patrol_id = p.id GROUP BY p.id").fetchall())

    return run_in_store(fa, qtbot, read)


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    qtbot.keyClick(widget, key, modifier)


def activate(fa, qtbot):
    fa.main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is fa.main)
    wait_idle(fa.db, qtbot)


def unlock_by_keyboard(fa, qtbot):
    page = fa.start.unlock_page
    fa.start.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is fa.start)
    page.passphrase.setFocus()
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    with qtbot.waitSignal(fa.main_window_shown, timeout=15_000):
        qtbot.keyClick(page.passphrase, K.Key_Return)
    activate(fa, qtbot)


def anonymous_encounter(screen, qtbot, age="35"):
    """Ctrl+N, Alt+A, sex, age, Ctrl+S: one anonymous encounter by keyboard."""
    count = screen.current["encounters"]
    press(qtbot, K.Key_N, CTRL)
    form = screen.form
    assert form.isVisible() and form.who.hasFocus()
    press(qtbot, K.Key_A, ALT)
    press(qtbot, K.Key_Down)
    press(qtbot, K.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), age)
    press(qtbot, K.Key_S, CTRL)
    qtbot.waitUntil(lambda: screen.current["encounters"] == count + 1)
    return form


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_a_night_by_keyboard_keeps_the_patrol_through_a_lock(make_app, qtbot, lang):
    """Unlock, Today, the patrol, Ctrl+N, save, lock, unlock, the next encounter: both land
    in the patrol the user was in, not in the other open patrol of the team."""
    fa = make_app(lang, seed=two_open_patrols, unlocked=False)
    unlock_by_keyboard(fa, qtbot)
    assert isinstance(fa.main.current_screen(), TodayScreen)  # home is Today
    press(qtbot, K.Key_2, CTRL)
    screen = fa.main.current_screen()
    assert isinstance(screen, PatrolsScreen)
    wait_idle(fa.db, qtbot)
    mine, other = ids(fa, qtbot)
    assert screen.current["id"] == other  # the later one comes first: not the user's
    assert screen.patrol_list.hasFocus()
    press(qtbot, K.Key_Down)  # the user's own patrol
    assert screen.current["id"] == mine
    anonymous_encounter(screen, qtbot)

    press(qtbot, K.Key_L, CTRL)  # lock
    qtbot.waitUntil(lambda: fa.main is None and fa.start.isVisible(), timeout=10_000)
    unlock_by_keyboard(fa, qtbot)
    if not isinstance(fa.main.current_screen(), PatrolsScreen):
        press(qtbot, K.Key_2, CTRL)
    screen = fa.main.current_screen()
    qtbot.waitUntil(lambda: screen.current is not None)
    assert screen.current["id"] == mine
    form = anonymous_encounter(screen, qtbot)
    assert encounters_by_area(fa, qtbot) == {"Bab El Had": 2, "Agdal": 0}
    # the form says plainly where it writes: team, day, area
    line = form.patrol_line.text()
    assert "Bab El Had" in line and "Agdal" not in line and "Équipe 1" in line
    assert form.patrol_line.isVisible()


def test_after_a_lock_the_app_comes_back_to_the_patrol_not_to_today(make_app, qtbot):
    fa = make_app("fr", seed=two_open_patrols)
    screen = fa.main.go_to(PatrolsScreen)
    activate(fa, qtbot)
    mine, _other = ids(fa, qtbot)
    screen.patrol_list.setCurrentRow(1)
    assert screen.current["id"] == mine
    with qtbot.waitSignal(fa.locked, timeout=5_000):
        fa.lock()
    unlock_by_keyboard(fa, qtbot)
    screen = fa.main.current_screen()
    assert isinstance(screen, PatrolsScreen)
    qtbot.waitUntil(lambda: screen.current is not None)
    assert screen.current["id"] == mine


def test_after_a_restart_the_patrol_in_use_is_chosen_again(make_app, qtbot, tmp_path):
    folder = tmp_path / "laptop"
    fa = make_app("fr", seed=two_open_patrols, folder=folder)
    screen = fa.main.go_to(PatrolsScreen)
    activate(fa, qtbot)
    mine, _other = ids(fa, qtbot)
    screen.patrol_list.setFocus()
    press(qtbot, K.Key_Down)
    assert screen.current["id"] == mine
    wait_idle(fa.db, qtbot)
    fa.main.close()  # quitting: drafts saved, vault locked
    qtbot.waitUntil(lambda: not fa.vault.is_unlocked, timeout=10_000)

    again = make_app("fr", folder=folder)  # the next evening, the same vault
    activate(again, qtbot)
    press(qtbot, K.Key_2, CTRL)
    screen = again.main.current_screen()
    qtbot.waitUntil(lambda: screen.current is not None)
    assert screen.current["id"] == mine
    anonymous_encounter(screen, qtbot)
    assert encounters_by_area(again, qtbot) == {"Bab El Had": 1, "Agdal": 0}


def test_without_a_remembered_patrol_the_users_own_comes_first(make_app, qtbot):
    """A colleague's patrol received by sync does not take the user's encounters."""
    def seed(store):
        mine, other = two_open_patrols(store)
        store.conn.execute("UPDATE patrols SET created_by = 'Karim' WHERE id = ?", (other,))

    fa = make_app("fr", seed=seed)
    screen = fa.main.go_to(PatrolsScreen)
    wait_idle(fa.db, qtbot)
    assert screen.current["area"] == "Bab El Had"


# --- a second open patrol of the team -----------------------------------------------------


def answer_question(qtbot, choice: str, seen: list[str]) -> None:
    """When the question comes, note its text and press ``choice`` ("open", "start",
    or "back" by Esc)."""
    def answer():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        if choice == "back":
            qtbot.keyClick(box, K.Key_Escape)
        else:
            box.findChild(QPushButton, f"second_patrol_{choice}").click()

    QTimer.singleShot(0, answer)


def start_patrol_by_keyboard(qtbot, screen, area="Akkari"):
    press(qtbot, K.Key_P, CTRL)
    assert screen.start_form.isVisible()
    qtbot.keyClicks(QApplication.focusWidget(), "Amina, Karim")
    press(qtbot, K.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "Rabat")
    press(qtbot, K.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), area)


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_a_second_open_patrol_of_the_team_is_asked_first(make_app, qtbot, lang):
    def seed(store):
        store.patrols.create({"date": TODAY, "team": "Équipe 1", "area": "Agdal",
                              "started_at": f"{TODAY}T20:30"})

    fa = make_app(lang, seed=seed)
    screen = fa.main.go_to(PatrolsScreen)
    activate(fa, qtbot)
    count = lambda: run_in_store(fa, qtbot, lambda s: s.patrols.count())  # noqa: E731
    seen: list[str] = []

    # Esc: back to the form, nothing started, nothing typed lost
    start_patrol_by_keyboard(qtbot, screen)
    answer_question(qtbot, "back", seen)
    press(qtbot, K.Key_Return)
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=10_000)
    assert "Agdal" in seen[0]
    assert screen.start_form.isVisible()
    assert screen.start_form.form.values()["area"] == "Akkari"
    assert count() == 1
    activate(fa, qtbot)  # the dialog gone, the window has the keyboard again
    assert screen.start_form.form.editors["members"].widget.hasFocus()

    # go to the patrol in progress instead
    answer_question(qtbot, "open", seen)
    press(qtbot, K.Key_Return)
    qtbot.waitUntil(lambda: screen.start_form.isHidden(), timeout=10_000)
    qtbot.waitUntil(lambda: screen.current is not None and screen.current["area"] == "Agdal")
    assert count() == 1
    activate(fa, qtbot)

    # or start a second one, when that is what the team wants
    start_patrol_by_keyboard(qtbot, screen)
    answer_question(qtbot, "start", seen)
    press(qtbot, K.Key_Return)
    qtbot.waitUntil(lambda: screen.current is not None and screen.current["area"] == "Akkari",
                    timeout=10_000)
    assert count() == 2 and len(seen) == 3


def test_a_patrol_of_another_team_or_day_is_started_without_a_question(make_app, qtbot):
    def seed(store):
        store.patrols.create({"date": TODAY, "team": "Équipe 2", "area": "Agdal",
                              "started_at": f"{TODAY}T20:30"})

    fa = make_app("fr", seed=seed)
    screen = fa.main.go_to(PatrolsScreen)
    activate(fa, qtbot)
    start_patrol_by_keyboard(qtbot, screen)
    press(qtbot, K.Key_Return)
    qtbot.waitUntil(lambda: screen.current is not None and screen.current["area"] == "Akkari",
                    timeout=10_000)
    assert QApplication.activeModalWidget() is None


# --- late answers ------------------------------------------------------------------------


def hold_worker(fa):
    """Keep the database worker busy until the returned event is set."""
    release = threading.Event()
    fa.db.run(lambda store: release.wait(10))
    return release


def test_a_late_answer_does_not_reach_today_after_a_lock(make_app, qtbot):
    fa = make_app("fr")
    today = fa.main.current_screen()
    assert isinstance(today, TodayScreen)
    release = hold_worker(fa)
    today.activated()  # its answer waits behind the held job
    fa.events.records_changed.emit("encounter")
    with qtbot.waitSignal(fa.locked, timeout=10_000):
        fa.lock()
        qtbot.wait(50)  # the window is deleted meanwhile
        release.set()
    assert not shiboken6.isValid(today)
    unlock_by_keyboard(fa, qtbot)
    # an event after the unlock reaches the new screens only
    fa.events.records_changed.emit("encounter")
    wait_idle(fa.db, qtbot)
    qtbot.wait(50)


def test_a_late_answer_does_not_reach_today_at_quit(make_app, qtbot):
    fa = make_app("fr")
    release = hold_worker(fa)
    fa.events.records_changed.emit("patrol")
    fa.main.close()
    qtbot.wait(50)
    release.set()
    qtbot.waitUntil(lambda: not fa.vault.is_unlocked, timeout=10_000)
    wait_idle(fa.db, qtbot)


def test_an_answer_for_a_deleted_widget_is_dropped(make_app, qtbot):
    fa = make_app("fr")
    label = QLabel()
    got = []
    release = hold_worker(fa)
    fa.db.run(lambda store: "answer", on_done=lambda text: got.append(label.setText(text)))
    label.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(label), timeout=5_000)
    release.set()
    wait_idle(fa.db, qtbot)
    assert got == []


# --- Today -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_today_tiles_take_the_plural_form_of_their_count(make_app, qtbot, lang):
    fa = make_app(lang, seed=two_open_patrols)
    today = fa.main.current_screen()
    wait_idle(fa.db, qtbot)
    caption = today.findChild(QLabel, "today_patrols_caption")
    assert today.patrol_figure.text() == "2"
    assert caption.text() == QCoreApplication.translate(
        "Today", "patrol(s) in progress", "", 2)
    _mine, other = ids(fa, qtbot)
    run_in_store(fa, qtbot, lambda s: s.patrols.update(other, {"ended_at": f"{TODAY}T23:00"}))
    fa.events.records_changed.emit("patrol")
    qtbot.waitUntil(lambda: today.patrol_figure.text() == "1")
    assert caption.text() == QCoreApplication.translate(
        "Today", "patrol(s) in progress", "", 1)
    assert long_date(date.today()) in today.heading.text()  # the day, as a reader says it
