"""Shelters (occupancy, adding and correcting with inline errors), Settings (auto-lock,
language, text size, passphrase), and the screenshot script."""

from __future__ import annotations

import importlib.util
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QGroupBox, QLabel, QLineEdit

from fieldapp.store import queries
from fieldapp.ui.settings import SettingsScreen, apply_font_size
from fieldapp.ui.shelters import LEVEL_ROLE, SheltersScreen, occupancy_level
from tests.helpers.vaults import PASSPHRASE
from tests.ui.conftest import run_in_store, unlock, wait_idle

ROOT = Path(__file__).resolve().parents[2]
CAPACITY, THERE_NOW, FREE = 3, 4, 5  # columns of the shelter table


def hours_ago(hours: float) -> str:
    return (datetime.now() - timedelta(hours=hours)).isoformat(timespec="minutes")


def seed_orientations(store) -> None:
    big = store.shelters.create({"name_fr": "Dar Al Amane", "name_ar": "دار الأمان",
                                 "capacity": 10, "commune": "Hassan"})
    small = store.shelters.create({"name_fr": "Espace Al Amal", "name_ar": "فضاء الأمل",
                                   "capacity": 1})
    person = store.persons.create({"name_lat": "Brahim Oujdi"})

    def oriented(shelter: dict, hours: float) -> None:
        store.encounters.create({"person_id": person["id"], "met_at": hours_ago(hours),
                                 "orientation": "shelter", "shelter_id": shelter["id"]})

    oriented(big, 2)
    oriented(small, 5)
    oriented(big, 30)  # more than a day ago: no longer counted as there


def table_row(screen: SheltersScreen, name: str) -> int:
    model = screen.table.model()
    for row in range(model.rowCount()):
        if any(name in (model.index(row, col).data() or "") for col in (0, 1)):
            return row
    raise AssertionError(f"{name} not in the shelter table")


def cell(screen: SheltersScreen, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):
    return screen.table.model().index(row, column).data(role)


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_occupancy_from_orientations_of_the_last_day(make_app, qtbot, lang):
    fa = make_app(lang, seed=seed_orientations)
    screen = fa.main.go_to(SheltersScreen)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2, timeout=10_000)
    big = table_row(screen, "Dar Al Amane")
    assert [cell(screen, big, c) for c in (CAPACITY, THERE_NOW, FREE)] == ["10", "1", "9"]
    assert cell(screen, big, 0, LEVEL_ROLE) == ""
    assert cell(screen, big, 0, Qt.ItemDataRole.BackgroundRole) is None
    # the name in the interface language comes first, the other one beside it
    names = ("دار الأمان", "Dar Al Amane")
    first, second = names if lang == "ar" else names[::-1]
    assert first in cell(screen, big, 0) and second in cell(screen, big, 1)
    small = table_row(screen, "Espace Al Amal")
    assert [cell(screen, small, c) for c in (CAPACITY, THERE_NOW, FREE)] == ["1", "1", "0"]
    assert cell(screen, small, 0, LEVEL_ROLE) == "full"
    assert cell(screen, small, 0, Qt.ItemDataRole.BackgroundRole) is not None
    assert cell(screen, small, 6)  # the state column says so in words, not colour only
    assert not screen.empty.isVisible()


def test_occupancy_levels():
    assert occupancy_level({"capacity": 10, "occupancy": 8}) == ""
    assert occupancy_level({"capacity": 10, "occupancy": 9}) == "nearly_full"
    assert occupancy_level({"capacity": 10, "occupancy": 10}) == "full"
    assert occupancy_level({"capacity": 0, "occupancy": 0}) == "full"


def type_number(qtbot, spin, text: str) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_new_shelter_with_negative_capacity_is_refused_inline(make_app, qtbot, lang):
    fa = make_app(lang)
    screen = fa.main.go_to(SheltersScreen)
    wait_idle(fa.db, qtbot)
    assert screen.empty.isVisible() and not screen.table.isVisible()
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    form = screen.editor.form
    qtbot.keyClicks(form.editors["name_fr"].widget, "Dar Al Amane")
    capacity = form.editors["capacity"].widget
    type_number(qtbot, capacity, "-1")
    assert capacity.value() == -1
    qtbot.keyClick(capacity, Qt.Key.Key_Return)  # Enter saves
    qtbot.waitUntil(form.errors["capacity"].isVisible, timeout=10_000)
    assert form.errors["capacity"].text()
    assert capacity.hasFocus()
    assert run_in_store(fa, qtbot, lambda store: store.shelters.count()) == 0
    assert form.editors["name_fr"].value() == "Dar Al Amane"  # nothing typed is lost
    type_number(qtbot, capacity, "40")
    qtbot.keyClick(capacity, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=10_000)
    assert screen.editor.isHidden() and screen.table.isVisible()
    stored = run_in_store(fa, qtbot, queries.shelters)
    assert [(s["name_fr"], s["capacity"]) for s in stored] == [("Dar Al Amane", 40)]


def test_edit_capacity(make_app, qtbot):
    fa = make_app("fr", seed=seed_orientations)
    screen = fa.main.go_to(SheltersScreen)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2, timeout=10_000)
    screen.table.setFocus()
    screen.table.selectRow(table_row(screen, "Espace Al Amal"))
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)  # Enter on a row edits it
    assert not screen.editor.isHidden()
    capacity = screen.editor.form.editors["capacity"].widget
    assert capacity.hasFocus() and capacity.value() == 1
    type_number(qtbot, capacity, "12")
    qtbot.keyClick(capacity, Qt.Key.Key_Return)
    qtbot.waitUntil(screen.editor.isHidden, timeout=10_000)
    qtbot.waitUntil(lambda: cell(screen, table_row(screen, "Espace Al Amal"), FREE) == "11",
                    timeout=10_000)
    stored = run_in_store(fa, qtbot, queries.shelters)
    assert {s["name_fr"]: s["capacity"] for s in stored} == {"Dar Al Amane": 10,
                                                             "Espace Al Amal": 12}


def test_shelter_form_survives_locking(make_app, qtbot):
    fa = make_app("fr", auto_lock_ms=60_000)
    screen = fa.main.go_to(SheltersScreen)
    screen.new_shelter()
    qtbot.keyClicks(screen.editor.form.editors["name_fr"].widget, "Centre Tafaoul")
    with qtbot.waitSignal(fa.locked, timeout=5_000):
        fa.main.lock_button.click()
    unlock(fa, qtbot)
    screen = fa.main.go_to(SheltersScreen)
    assert not screen.editor.isHidden()
    assert screen.editor.form.editors["name_fr"].value() == "Centre Tafaoul"


# --- settings -----------------------------------------------------------------------------


def test_auto_lock_minutes_are_stored_and_applied(make_app, qtbot):
    fa = make_app("fr")
    screen = fa.main.go_to(SettingsScreen)
    qtbot.waitUntil(screen.auto_lock.isEnabled, timeout=10_000)
    assert screen.auto_lock.value() == 5
    with qtbot.waitSignal(screen.auto_lock_changed, timeout=5_000,
                          check_params_cb=lambda minutes: minutes == 12.0):
        type_number(qtbot, screen.auto_lock, "12")
    assert run_in_store(fa, qtbot, lambda store: store.setting("auto_lock_minutes")) == 12
    assert fa.idle.timer.interval() == 12 * 60_000
    # shown again from the vault the next time
    fa.main.go_to(SheltersScreen)
    screen = fa.main.go_to(SettingsScreen)
    wait_idle(fa.db, qtbot)
    assert screen.auto_lock.value() == 12


@pytest.mark.parametrize(("lang", "other", "key"), [("ar", "fr", Qt.Key.Key_Down),
                                                    ("fr", "ar", Qt.Key.Key_Up)])
def test_language_change_is_requested(make_app, qtbot, lang, other, key):
    fa = make_app(lang)
    screen = fa.main.go_to(SettingsScreen)
    screen.language.setFocus()
    with qtbot.waitSignals([screen.language_change_requested, fa.main_window_shown],
                           timeout=10_000, check_params_cbs=[lambda code: code == other, None]):
        qtbot.keyClick(screen.language, key)
    assert fa.lang == other
    wait_idle(fa.db, qtbot)
    expected = Qt.LayoutDirection.RightToLeft if other == "ar" else Qt.LayoutDirection.LeftToRight
    assert fa.main.layoutDirection() == expected


def test_text_size_applies_at_once(make_app, qtbot):
    fa = make_app("fr")
    screen = fa.main.go_to(SettingsScreen)
    before = QApplication.font().pointSize()
    try:
        type_number(qtbot, screen.font_size, "14")
        qtbot.waitUntil(lambda: QApplication.font().pointSize() == 14, timeout=5_000)
        assert screen.passphrase.old.font().pointSize() == 14
        assert int(QSettings("fieldapp", "fieldapp").value("font_point_size")) == 14
    finally:
        apply_font_size(before)


def test_change_passphrase(make_app, qtbot):
    fa = make_app("fr")
    box = fa.main.go_to(SettingsScreen).passphrase
    wait_idle(fa.db, qtbot)
    new = "a brand new passphrase 2"
    qtbot.keyClicks(box.old, "not the passphrase")
    qtbot.keyClicks(box.new, new)
    qtbot.keyClicks(box.repeat, new[:-1])
    qtbot.keyClick(box.repeat, Qt.Key.Key_Return)
    assert box.repeat_error.isVisible() and not fa.db.busy  # checked before any work
    qtbot.keyClicks(box.repeat, new)  # the wrong one is selected: typing replaces it
    qtbot.keyClick(box.repeat, Qt.Key.Key_Return)
    qtbot.waitUntil(box.old_error.isVisible, timeout=10_000)
    assert box.old.hasFocus() and not box.done.isVisible()
    assert box.new.text() == new and box.repeat.text() == new  # nothing typed is lost
    box.old.clear()
    qtbot.keyClicks(box.old, PASSPHRASE)
    qtbot.mouseClick(box.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(box.done.isVisible, timeout=10_000)
    assert not box.old_error.isVisible()
    assert (box.old.text(), box.new.text(), box.repeat.text()) == ("", "", "")
    with qtbot.waitSignal(fa.locked, timeout=5_000):
        fa.main.lock_button.click()
    page = fa.start.unlock_page
    page.passphrase.setText(PASSPHRASE)
    page.button.click()
    qtbot.waitUntil(lambda: page.failures == 1, timeout=10_000)  # the old one is refused
    unlock(fa, qtbot, new)
    assert fa.vault.is_unlocked


def test_about_shows_this_laptop(make_app, qtbot):
    fa = make_app("ar")
    screen = fa.main.go_to(SettingsScreen)
    profile = run_in_store(fa, qtbot, lambda store: store.profile)
    about = screen.findChild(QGroupBox, "about")
    texts = {label.objectName(): label.text() for label in about.findChildren(QLabel)}
    assert profile.device_id in texts["about_device"]
    assert "الرباط" in texts["about_province"]
    assert str(fa.vault.data_dir) in texts["about_folder"]
    # the sync server's enrollment comes as a section of its own (app.py adds it)
    qtbot.waitUntil(lambda: screen.findChild(QLineEdit, "enrollment_code") is not None,
                    timeout=10_000)


# --- the screenshot script ------------------------------------------------------------------


def load_script():
    spec = importlib.util.spec_from_file_location("fieldapp_screenshots",
                                                  ROOT / "docs" / "screenshots.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_screenshot_script_writes_every_screen_in_both_languages(qapp, tmp_path):
    script = load_script()
    out = tmp_path / "shots"
    code = script.main(["--data-dir", str(tmp_path / "demo"), "--out", str(out),
                        "--persons", "60"])
    assert code == 0
    names = sorted(p.name for p in out.glob("*.png"))
    for lang in ("ar", "fr"):
        mine = [n for n in names if n.startswith(f"{lang}-")]
        assert f"{lang}-00-unlock.png" in mine
        assert any(n.endswith("-shelters.png") for n in mine)
        assert any(n.endswith("-settings.png") for n in mine)
        assert len(mine) >= 5
    image = QImage(str(out / "fr-01-today.png"))
    assert (image.width(), image.height()) == (1366, 768)
