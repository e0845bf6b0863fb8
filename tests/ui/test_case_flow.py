"""A case from opening to closure and reopening, typed through the Cases screen in both
languages; the overdue follow-up shows on Today and opens the case; a plan action without
a summary is refused under its field; what is typed survives locking."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from fieldapp.ui.cases import CasesScreen
from fieldapp.ui.today import TodayScreen
from tests.ui.conftest import run_in_store, unlock, wait_idle

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
TODAY = date.today().isoformat()
STAGE_KEYS = {"listening": Qt.Key.Key_1, "assessment": Qt.Key.Key_2, "plan": Qt.Key.Key_3,
              "mediation": Qt.Key.Key_4, "referrals": Qt.Key.Key_5, "follow_ups": Qt.Key.Key_6,
              "closure": Qt.Key.Key_7}


def seed_person(store):
    store.persons.create({"name_lat": "Fatima Zahra Bennani", "name_ar": "فاطمة الزهراء بناني",
                          "sex": "female", "approx_age": 34})


def seed_case(store):
    person = store.persons.create({"name_lat": "Khadija Alaoui", "sex": "female"})
    store.cases.create({"person_id": person["id"], "target_group": "woman_difficult",
                        "status": "open", "opened_on": TODAY})


def events(fa, qtbot, case_id):
    return run_in_store(fa, qtbot, lambda store: [dict(zip(
        ("event_type", "date", "due_date", "done_on", "summary", "closure_reason"), row,
        strict=True)) for row in store.conn.execute(
            "SELECT event_type, date, due_date, done_on, summary, closure_reason "
            "FROM case_events WHERE case_id = ? ORDER BY id", (case_id,))])


def referrals(fa, qtbot, case_id):
    return run_in_store(fa, qtbot, lambda store: [tuple(row) for row in store.conn.execute(
        "SELECT institution_type, status, status_on FROM referrals WHERE case_id = ?",
        (case_id,))])


def case_record(fa, qtbot, case_id):
    return run_in_store(fa, qtbot, lambda store: store.cases.get(case_id))


def activate(fa, qtbot):
    fa.main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is fa.main, timeout=5_000)


def choose(combo: QComboBox, qtbot, code: str) -> None:
    """Pick a choice by code with the arrow keys, as a keyboard user does."""
    combo.setFocus()
    target = combo.findData(code)
    assert target >= 0
    while combo.currentIndex() != target:
        key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)


# QTest types ASCII only: the texts typed below are written without accents.


def retype(widget, qtbot, text: str) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(widget, text)


def open_stage(screen, qtbot, key):
    detail = screen.detail
    qtbot.keyClick(detail.tabs, STAGE_KEYS[key], ALT)
    tab = detail.stages[key]
    assert detail.tabs.currentWidget() is tab
    return tab


def save_and_wait(fa, qtbot, tab, widget: QWidget | None = None) -> None:
    before = tab.list.count()
    qtbot.keyClick(widget or QApplication.focusWidget(), Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: tab.list.count() == before + 1, timeout=5_000)
    wait_idle(fa.db, qtbot)


def open_case_for_person(fa, qtbot, screen) -> str:
    qtbot.keyClick(screen, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    panel = screen.new_panel
    # a button's shortcut clicks it visibly, after a short delay
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is panel, timeout=5_000)
    assert panel.picker.search.hasFocus()
    qtbot.keyClicks(panel.picker.search, "benna")
    qtbot.waitUntil(lambda: panel.picker.results.count() == 1, timeout=5_000)
    qtbot.keyClick(panel.picker.search, Qt.Key.Key_Down)
    assert panel.picker.results.hasFocus()
    qtbot.keyClick(panel.picker.results, Qt.Key.Key_Return)
    assert panel.picker.person_id
    target = panel.form.editors["target_group"].widget
    assert target.hasFocus()  # picking a person moves on to the next field
    choose(target, qtbot, "woman_difficult")
    qtbot.keyClick(target, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: screen.detail.case is not None, timeout=5_000)
    wait_idle(fa.db, qtbot)
    assert screen.pages.currentWidget() is screen.detail
    return screen.detail.case_id


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_a_case_from_listening_to_closure_and_reopening(make_app, qtbot, lang):
    fa = make_app(lang, seed=seed_person)
    activate(fa, qtbot)
    screen = fa.main.go_to(CasesScreen)
    wait_idle(fa.db, qtbot)
    assert screen.empty.isVisible() and not screen.table.isVisible()

    case_id = open_case_for_person(fa, qtbot, screen)
    case = case_record(fa, qtbot, case_id)
    assert (case["target_group"], case["status"], case["opened_on"]) == \
        ("woman_difficult", "open", TODAY)
    qtbot.waitUntil(lambda: screen.case_ids() == [case_id], timeout=5_000)
    assert screen.table.isVisible() and not screen.empty.isVisible()
    detail = screen.detail
    assert detail.next_due is None

    # listening: the first step moves the case from open to in progress
    tab = open_stage(screen, qtbot, "listening")
    qtbot.keyClicks(tab.form.editors["summary"].widget, "Premiere ecoute, hebergee chez une amie")
    save_and_wait(fa, qtbot, tab)
    assert case_record(fa, qtbot, case_id)["status"] == "in_progress"

    tab = open_stage(screen, qtbot, "assessment")
    qtbot.keyClicks(tab.form.editors["summary"].widget, "Evaluation: pas de revenu, 2 enfants")
    save_and_wait(fa, qtbot, tab)

    # a plan action with a due date and who does it; the header shows it as next due
    plan_due = (date.today() + timedelta(days=30)).isoformat()
    tab = open_stage(screen, qtbot, "plan")
    qtbot.keyClicks(tab.form.editors["summary"].widget, "Obtenir la CIN")
    retype(tab.form.editors["due_date"].widget, qtbot, plan_due)
    qtbot.keyClicks(tab.form.editors["assigned_to"].widget, "Amina")
    save_and_wait(fa, qtbot, tab)
    assert detail.next_due["due_date"] == plan_due
    assert detail.due.property("role") != "overdue"

    tab = open_stage(screen, qtbot, "mediation")
    qtbot.keyClicks(tab.form.editors["summary"].widget, "Mediation avec la mere")
    save_and_wait(fa, qtbot, tab)

    # a referral to an EPS: sent (the case is then referred), then accepted
    tab = open_stage(screen, qtbot, "referrals")
    choose(tab.form.editors["institution_type"].widget, qtbot, "eps")
    qtbot.keyClicks(tab.form.editors["institution_name"].widget, "EPS Dar Al Oumouma")
    qtbot.keyClicks(tab.form.editors["summary"].widget, "Demande d'accueil")
    save_and_wait(fa, qtbot, tab)
    assert case_record(fa, qtbot, case_id)["status"] == "referred"
    item = tab.list.item(0)
    qtbot.mouseClick(tab.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=tab.list.visualItemRect(item).center())
    assert tab.status_button.isEnabled()
    choose(tab.status_form.editors["status"].widget, qtbot, "accepted")
    qtbot.keyClick(tab.status_form.editors["status"].widget, Qt.Key.Key_U, CTRL)
    qtbot.waitUntil(lambda: referrals(fa, qtbot, case_id) == [("eps", "accepted", TODAY)],
                    timeout=5_000)

    # a follow-up that was due three days ago: overdue
    overdue_on = (date.today() - timedelta(days=3)).isoformat()
    tab = open_stage(screen, qtbot, "follow_ups")
    retype(tab.form.editors["due_date"].widget, qtbot, overdue_on)
    qtbot.keyClicks(tab.form.editors["summary"].widget, "Appeler la soeur")
    save_and_wait(fa, qtbot, tab)
    assert detail.next_due["due_date"] == overdue_on
    assert detail.due.property("role") == "overdue"
    qtbot.waitUntil(lambda: screen.table.item(0, 4) is not None
                    and screen.table.item(0, 4).foreground().color() == Qt.GlobalColor.darkRed,
                    timeout=5_000)

    # mark the plan action done (Ctrl+D on the chosen action)
    tab = open_stage(screen, qtbot, "plan")
    tab.list.setFocus()
    qtbot.keyClick(tab.list, Qt.Key.Key_Home)
    assert tab.done_button.isEnabled()
    qtbot.keyClick(tab.list, Qt.Key.Key_D, CTRL)
    qtbot.waitUntil(lambda: [e["done_on"] for e in events(fa, qtbot, case_id)
                             if e["event_type"] == "plan_action"] == [TODAY], timeout=5_000)

    # Today lists the overdue follow-up; activating it opens the case in the Cases screen
    today = fa.main.go_to(TodayScreen)
    follow_ups = today.findChild(QWidget, "today_follow_ups")
    qtbot.waitUntil(lambda: follow_ups.count() == 1, timeout=5_000)
    item = follow_ups.item(0)
    assert item.data(Qt.ItemDataRole.UserRole) == case_id
    assert today.overdue_figure.text() == "1"
    follow_ups.setFocus()
    follow_ups.setCurrentItem(item)
    qtbot.keyClick(follow_ups, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: fa.main.current_screen() is screen, timeout=5_000)
    assert screen.detail.case_id == case_id
    wait_idle(fa.db, qtbot)

    # close the case with a reason: closure step and closed case, together
    tab = open_stage(screen, qtbot, "closure")
    choose(tab.close_form.editors["closure_reason"].widget, qtbot, "family_reintegration")
    qtbot.keyClicks(tab.close_form.editors["summary"].widget, "Retour chez la mere")
    save_and_wait(fa, qtbot, tab)
    case = case_record(fa, qtbot, case_id)
    assert (case["status"], case["closed_on"], case["closure_reason"]) == \
        ("closed", TODAY, "family_reintegration")
    assert [e["event_type"] for e in events(fa, qtbot, case_id)] == [
        "listening", "assessment", "plan_action", "mediation", "referral", "follow_up",
        "closure"]
    assert not detail.stages["listening"].form.isEnabled()  # nothing is added to a closed case
    assert tab.reopen_form.isVisible() and not tab.close_form.isVisible()

    # the list filters by status
    choose(screen.status_filter, qtbot, "open")
    qtbot.waitUntil(lambda: screen.case_ids() == [], timeout=5_000)
    assert screen.table.isVisible() and not screen.empty.isVisible()  # filtered, not empty
    choose(screen.status_filter, qtbot, "closed")
    qtbot.waitUntil(lambda: screen.case_ids() == [case_id], timeout=5_000)
    qtbot.keyClick(screen.status_filter, Qt.Key.Key_Home)  # all cases
    assert screen.status_filter.currentData() is None
    wait_idle(fa.db, qtbot)

    # reopen
    qtbot.keyClicks(tab.reopen_form.editors["summary"].widget, "Nouvelle demande")
    save_and_wait(fa, qtbot, tab, tab.reopen_form.editors["summary"].widget)
    case = case_record(fa, qtbot, case_id)
    assert (case["status"], case["closed_on"], case["closure_reason"]) == \
        ("in_progress", None, None)
    assert events(fa, qtbot, case_id)[-1]["event_type"] == "reopening"
    qtbot.waitUntil(lambda: detail.stages["listening"].form.isEnabled(), timeout=5_000)


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_a_plan_action_needs_a_summary(make_app, qtbot, lang):
    fa = make_app(lang, seed=seed_case)
    activate(fa, qtbot)
    screen = fa.main.go_to(CasesScreen)
    qtbot.waitUntil(lambda: len(screen.case_ids()) == 1, timeout=5_000)
    qtbot.mouseClick(screen.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=screen.table.visualItemRect(screen.table.item(0, 0)).center())
    qtbot.waitUntil(lambda: screen.detail.case is not None, timeout=5_000)
    case_id = screen.detail.case_id
    tab = open_stage(screen, qtbot, "plan")
    due = (date.today() + timedelta(days=2)).isoformat()
    retype(tab.form.editors["due_date"].widget, qtbot, due)
    qtbot.keyClicks(tab.form.editors["assigned_to"].widget, "Said")
    qtbot.keyClick(tab.form.editors["assigned_to"].widget, Qt.Key.Key_Return)  # Enter saves
    error = tab.form.errors["summary"]
    qtbot.waitUntil(error.isVisible, timeout=5_000)
    assert tab.form.editors["summary"].widget.hasFocus()
    assert tab.form.values()["due_date"] == due  # nothing typed is lost
    assert tab.form.values()["assigned_to"] == "Said"
    wait_idle(fa.db, qtbot)
    assert events(fa, qtbot, case_id) == []
    assert case_record(fa, qtbot, case_id)["status"] == "open"
    assert tab.list.count() == 0


def test_what_is_typed_in_a_case_survives_locking(make_app, qtbot):
    fa = make_app("fr", seed=seed_case)
    screen = fa.main.go_to(CasesScreen)
    qtbot.waitUntil(lambda: len(screen.case_ids()) == 1, timeout=5_000)
    case_id = screen.case_ids()[0]
    fa.events.case_opened.emit(case_id)
    qtbot.waitUntil(lambda: screen.detail.case is not None, timeout=5_000)
    tab = screen.detail.stages["mediation"]
    screen.detail.show_stage("mediation")
    qtbot.keyClicks(tab.form.editors["summary"].widget, "Mediation a preparer")
    assert set(screen.drafts()) == {"case_event:mediation"}
    # and, half done, a case for another person
    activate(fa, qtbot)
    qtbot.keyClick(screen, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    panel = screen.new_panel
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is panel, timeout=5_000)
    qtbot.keyClicks(panel.picker.search, "alaoui")
    qtbot.waitUntil(lambda: panel.picker.results.count() == 1, timeout=5_000)
    qtbot.keyClick(panel.picker.search, Qt.Key.Key_Return)
    person_id = panel.picker.person_id
    assert person_id and set(screen.drafts()) == {"case_event:mediation", "case:new"}
    with qtbot.waitSignal(fa.locked, timeout=5_000):
        fa.main.lock_button.click()
    unlock(fa, qtbot)
    screen = fa.main.go_to(CasesScreen)
    assert screen.detail.case_id == case_id
    tab = screen.detail.stages["mediation"]
    assert screen.detail.tabs.currentWidget() is tab
    assert tab.form.values()["summary"] == "Mediation a preparer"
    panel = screen.new_panel
    assert screen.pages.currentWidget() is panel
    assert panel.form.values()["person_id"] == person_id
    assert panel.picker.search.text() == "alaoui"
    qtbot.waitUntil(panel.picker.chosen.isVisible, timeout=5_000)
    assert run_in_store(fa, qtbot, lambda store: store.drafts()) == {}
