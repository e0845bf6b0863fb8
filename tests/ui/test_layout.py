"""What the screens look like on the laptops the app is made for (1366×768, and 1024×768), in
Arabic and French, at the default text size and a raised one: nothing cut, no horizontal
scrollbar, numbers above their captions, the status bar off the window's edge, the case list
tall enough to choose from, dates as a reader writes them, and dialogs that say what their
buttons do."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QScrollArea

from fieldapp.ui.case_detail import CaseDetail
from fieldapp.ui.case_stages import event_text
from fieldapp.ui.cases import CasesScreen
from fieldapp.ui.persons import PersonsScreen
from fieldapp.ui.screen import confirm_discard, join_list, long_date
from fieldapp.ui.settings import apply_font_size
from fieldapp.ui.shelters import SheltersScreen
from fieldapp.ui.supervision import SupervisionScreen
from tests.ui.conftest import wait_idle

TODAY = date.today().isoformat()


@pytest.fixture
def text_size(qapp):
    """``text_size(points)`` as Settings applies it; the default comes back afterwards."""
    before = QApplication.font().pointSize()
    yield apply_font_size
    apply_font_size(before)
    QSettings("fieldapp", "fieldapp").remove("font_point_size")


def show_screen(fa, qtbot, screen_type, size):
    fa.main.resize(*size)
    fa.main.show()
    screen = fa.main.go_to(screen_type)
    wait_idle(fa.db, qtbot)
    qtbot.wait(50)  # layouts settle
    return screen


def big_figures() -> dict:
    """A province's busy week: numbers as wide as they get."""
    return {
        "people_met": 12345, "taken_in_charge": 2345, "oriented": 1543, "refused": 987,
        "overdue_follow_ups": 345, "not_seen": 4567, "encounters": 23456, "patrols": 345,
        "shelters": [{"capacity": 5520, "occupancy": 4999, "name_fr": "A", "name_ar": "أ"}],
        "services": {"meal": 2720, "blanket": 2510, "hot_drink": 2230, "clothes": 1150,
                     "listening": 990, "transport": 880, "hygiene_kit": 710,
                     "medical_check": 560, "shower": 300, "primary_care": 210,
                     "first_aid": 180, "haircut": 170},
        "per_night": {f"2026-11-{d:02d}": 100 + d for d in range(22, 29)},
    }


def inside(widget, viewport) -> bool:
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    return top_left.x() >= 0 and top_left.x() + widget.width() <= viewport.width()


# --- Supervision --------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ar", "fr"])
@pytest.mark.parametrize("size, points", [((1366, 768), 10), ((1366, 768), 13),
                                          ((1024, 768), 10)])
def test_supervision_figures_fit_the_window(make_app, qtbot, text_size, lang, size, points):
    text_size(points)
    fa = make_app(lang)
    screen = show_screen(fa, qtbot, SupervisionScreen, size)
    screen.show_figures(big_figures())
    qtbot.wait(50)
    scroll = screen.tabs.widget(0)
    viewport = scroll.viewport()
    assert not scroll.horizontalScrollBar().isVisible()
    for key, value in screen.number_labels.items():
        caption = screen.findChild(QLabel, f"caption_{key}")
        card = value.parentWidget()
        assert inside(card, viewport), (key, card.geometry(), viewport.size())
        assert value.width() >= value.sizeHint().width(), (key, value.text())  # not cut
        assert caption.height() >= caption.heightForWidth(caption.width()), key
        # the number stands above its caption, on the same axis
        value_centre = value.mapTo(card, value.rect().center()).x()
        caption_centre = caption.mapTo(card, caption.rect().center()).x()
        assert abs(value_centre - caption_centre) <= 2, key
        assert value.mapTo(card, QPoint(0, 0)).y() < caption.mapTo(card, QPoint(0, 0)).y()
    for chart in (screen.services_chart, screen.nights_chart, screen.orientation_chart):
        assert inside(chart, viewport), chart.objectName()


def test_occupancy_reads_as_a_sentence_in_arabic(make_app, qtbot):
    fa = make_app("ar")
    screen = show_screen(fa, qtbot, SupervisionScreen, (1366, 768))
    screen.show_figures(big_figures())
    assert screen.number_labels["occupancy"].text() == "4999 من أصل 5520"
    # the nights of the chart in words, the year is in the period above
    assert screen.nights_chart.bars[0][0] == "22 نونبر"


# --- tables: nothing cut ---------------------------------------------------------------------


def seed_people(store):
    for name_ar, name_lat, age in (("محمد بن ياسين", "Mohammad Benyassine", 43),
                                   ("فاطمة الزهراء بن محمد", "Fatima Zahra Ben-Mohamed", 37),
                                   ("عبد القادر أيت بلقاسم", "Abdelkader Ait Belkacem", 68)):
        store.persons.create({"name_ar": name_ar, "name_lat": name_lat, "sex": "male",
                              "approx_age": age, "age_noted_on": TODAY,
                              "nickname": "Simo"})
    for name_fr, name_ar in (("Centre d'hébergement Dar Al Amane", "مركز الإيواء دار الأمان"),
                             ("Centre d'accueil d'urgence Annour",
                              "مركز الاستقبال الاستعجالي النور")):
        store.shelters.create({"name_fr": name_fr, "name_ar": name_ar, "capacity": 40,
                               "commune": "Yacoub El Mansour"})


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_person_and_shelter_tables_cut_no_text(make_app, qtbot, text_size, lang):
    text_size(12)
    fa = make_app(lang, seed=seed_people)
    persons = show_screen(fa, qtbot, PersonsScreen, (1366, 768))
    qtbot.waitUntil(lambda: persons.model.rowCount() == 3, timeout=5_000)
    qtbot.wait(50)
    table, header = persons.table, persons.table.horizontalHeader()
    for column in range(persons.model.columnCount()):
        assert header.sectionSize(column) >= table.sizeHintForColumn(column), column
    shelters = show_screen(fa, qtbot, SheltersScreen, (1366, 768))
    qtbot.waitUntil(lambda: shelters.model.rowCount() == 2, timeout=5_000)
    qtbot.wait(50)
    table, header = shelters.table, shelters.table.horizontalHeader()
    for column in range(shelters.model.columnCount()):
        assert header.sectionSize(column) >= table.sizeHintForColumn(column), column


# --- cases ---------------------------------------------------------------------------------


def seed_case(store):
    person = store.persons.create({"name_lat": "Khadija Alaoui", "name_ar": "خديجة العلوي",
                                   "sex": "female", "approx_age": 30})
    case = store.cases.create({"person_id": person["id"], "target_group": "woman_difficult",
                               "status": "open", "opened_on": "2026-11-29"})
    store.case_events.create({"case_id": case["id"], "event_type": "plan_action",
                              "date": "2026-11-29", "summary": "ربط الاتصال بالأسرة",
                              "assigned_to": "حسن بناني", "due_date": "2026-12-15"})


def test_case_list_keeps_rows_in_view(make_app, qtbot):
    fa = make_app("ar", seed=seed_case)
    screen = show_screen(fa, qtbot, CasesScreen, (1366, 768))
    screen.open_case(screen.case_ids()[0])
    wait_idle(fa.db, qtbot)
    row = screen.table.verticalHeader().defaultSectionSize()
    assert screen.table.viewport().height() >= 6 * row
    # and every stage's list and form fit below it, without scrolling
    for key in screen.detail.stages:
        screen.detail.show_stage(key)
        qtbot.wait(20)
        scroll = screen.detail.findChild(QScrollArea, f"{key}_scroll")
        assert not scroll.verticalScrollBar().isVisible(), key


def test_case_header_dates_in_words_and_the_assignee_arrow_points_the_reading_way(
        make_app, qtbot):
    fa = make_app("ar", seed=seed_case)
    screen = show_screen(fa, qtbot, CasesScreen, (1366, 768))
    screen.open_case(screen.case_ids()[0])
    wait_idle(fa.db, qtbot)
    detail: CaseDetail = screen.detail
    assert "فُتح في الأحد، 29 نونبر 2026" in detail.facts.text()
    assert "الثلاثاء، 15 دجنبر 2026" in detail.due.text()
    line = detail.stages["plan"].list.item(0).text()
    assert "← \u2068حسن بناني\u2069" in line and "→" not in line


def test_arrow_points_right_in_french(make_app):
    make_app("fr")
    text = event_text({"date": TODAY, "assigned_to": "Hassan Bennani"}, "fr")
    assert "→ \u2068Hassan Bennani\u2069" in text


@pytest.mark.parametrize("lang, expected", [("ar", "الأحد، 29 نونبر 2026"),
                                            ("fr", "dimanche 29 novembre 2026")])
def test_long_dates_in_the_interface_language(make_app, lang, expected):
    make_app(lang)
    assert long_date("2026-11-29") == expected
    assert long_date(date(2026, 11, 29)) == expected
    assert long_date("not a date") == "not a date" and long_date(None) == ""


@pytest.mark.parametrize("lang, expected", [("ar", "أ، ب"), ("fr", "a, b")])
def test_lists_use_the_languages_comma(make_app, lang, expected):
    make_app(lang)
    assert join_list(["أ", "ب"] if lang == "ar" else ["a", "b", ""]) == expected


# --- the discard question --------------------------------------------------------------------


@pytest.mark.parametrize("lang, discard, keep", [
    ("ar", "تجاهل التغييرات", "متابعة التحرير"),
    ("fr", "Abandonner les modifications", "Continuer la saisie")])
def test_discard_question_names_its_buttons_and_keeps_editing_by_default(
        make_app, qtbot, lang, discard, keep):
    fa = make_app(lang)
    seen = {}

    def answer(press: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["title"] = box.windowTitle()
        seen["buttons"] = {b.text() for b in box.findChildren(QPushButton)}
        if press == "esc":
            qtbot.keyClick(box, Qt.Key.Key_Escape)
        else:
            box.findChild(QPushButton, "discard_changes").click()

    QTimer.singleShot(50, lambda: answer("esc"))
    assert not confirm_discard(fa.main, "Question?", "Consequence.")
    assert seen["title"] == "Question?"
    assert seen["buttons"] == {discard, keep}
    QTimer.singleShot(50, lambda: answer("discard"))
    assert confirm_discard(fa.main, "Question?", "Consequence.")


# --- the window's frame ---------------------------------------------------------------------


def test_status_bar_text_stays_off_the_window_edge_in_arabic(make_app, qtbot):
    fa = make_app("ar")
    show_screen(fa, qtbot, CasesScreen, (1366, 768))
    bar, who = fa.main.statusBar(), fa.main.who
    text_right = who.mapTo(bar, who.contentsRect().topRight()).x()
    assert bar.width() - text_right >= 6


def test_unlock_card_is_as_tall_as_what_it_holds(make_app, qtbot):
    fa = make_app("ar", unlocked=False)
    fa.start.resize(1366, 768)
    fa.start.show()
    qtbot.wait(50)
    page = fa.start.unlock_page
    assert page.height() <= page.sizeHint().height() + 20
    assert page.height() < fa.start.create_page.sizeHint().height()


def test_restore_asks_with_buttons_that_say_what_they_do(make_app, qtbot, tmp_path, monkeypatch):
    """Restoring a backup: «متابعة» after the passphrase, then «الاستبدال بالنسخة الاحتياطية» or
    «الإبقاء على ما هنا» (Qt's own «حسنًا» / «ألغِ» / «نعم» say nothing of what happens)."""
    from PySide6.QtWidgets import QInputDialog

    from fieldapp.ui import settings as settings_module
    from fieldapp.ui.settings import SettingsScreen

    fa = make_app("ar")
    screen = show_screen(fa, qtbot, SettingsScreen, (1366, 768))
    backup = tmp_path / "old.backup"
    backup.write_bytes(b"not checked before the questions")
    monkeypatch.setattr(settings_module.QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(backup), "")))
    seen: list[set[str]] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QInputDialog):
            seen.append({b.text() for b in dialog.findChildren(QPushButton)})
            dialog.setTextValue("a passphrase")
            dialog.accept()
            QTimer.singleShot(50, answer)
        elif isinstance(dialog, QMessageBox):
            seen.append({b.text() for b in dialog.findChildren(QPushButton)})
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # keeps what is here
        else:
            QTimer.singleShot(20, answer)

    QTimer.singleShot(50, answer)
    screen.backup.restore()
    assert seen == [{"متابعة", "إلغاء"}, {"الاستبدال بالنسخة الاحتياطية", "الإبقاء على ما هنا"}]


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_every_screen_fits_a_768_pixel_high_window(make_app, lang):
    """The window is as tall as its tallest screen needs: it must stay within a 1366×768
    laptop's screen, whichever screen is shown."""
    fa = make_app(lang)
    assert fa.main.minimumSizeHint().height() <= 768, {
        type(s).__name__: s.minimumSizeHint().height() for s in fa.main.screens}
