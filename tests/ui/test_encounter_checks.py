"""What the user typed is never changed behind their back: a year past today and an age of
300 are refused under their field, as typed; every problem is shown at once and goes as soon
as the field is corrected; a minor needs the situation, the place and an orientation; each
service has its own Alt key; the notes are a multi-line box with a counter near the limit."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from fieldapp import messages
from fieldapp.domain import vocabularies
from fieldapp.domain.fields import FieldError
from fieldapp.ui.encounter_fields import RESERVED_KEYS, service_keys
from fieldapp.ui.patrols import PatrolsScreen
from fieldapp.ui.persons import PersonsScreen
from tests.ui.conftest import run_in_store, wait_idle

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
K = Qt.Key
TODAY = date.today().isoformat()

pytestmark = pytest.mark.parametrize("lang", ["ar", "fr"])


def open_patrol(store):
    store.patrols.create({"date": TODAY, "team": "Équipe 1", "area": "Bab El Had",
                          "started_at": f"{TODAY}T19:00"})


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, key, modifier)


def new_encounter(fa, qtbot):
    screen = fa.main.go_to(PatrolsScreen)
    fa.main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is fa.main)
    qtbot.waitUntil(lambda: screen.current is not None)
    wait_idle(fa.db, qtbot)
    press(qtbot, K.Key_N, CTRL)
    assert screen.form.isVisible()
    return screen, screen.form


def editor(form, name):
    for f in (form.form, form.person_form, form.anon_form):
        if name in f.editors:
            return f.editors[name].widget
    raise KeyError(name)


def error(form, name):
    for f in (form.form, form.person_form, form.anon_form):
        if name in f.errors:
            return f.errors[name]
    raise KeyError(name)


def retype(qtbot, widget, text):
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def stored_encounters(fa, qtbot):
    return run_in_store(fa, qtbot, lambda s: s.encounters.count())


def anonymous_adult(form, qtbot):
    press(qtbot, K.Key_A, ALT)
    press(qtbot, K.Key_Down)
    retype(qtbot, editor(form, "anon_age"), "40")


def test_a_year_past_today_is_refused_as_typed(make_app, qtbot, lang):
    fa = make_app(lang, seed=open_patrol)
    _screen, form = new_encounter(fa, qtbot)
    anonymous_adult(form, qtbot)
    met_at = editor(form, "met_at")
    typed = f"{date.today().year + 1}-06-01 10:00"
    retype(qtbot, met_at, typed)
    assert met_at.text() == typed  # not brought back into a range
    press(qtbot, K.Key_S, CTRL)
    qtbot.waitUntil(error(form, "met_at").isVisible)
    assert error(form, "met_at").text() == messages.field_error_text(
        FieldError("met_at", "in_future"))
    assert met_at.text() == typed and met_at.hasFocus()
    assert stored_encounters(fa, qtbot) == 0
    # a text that is no date at all is refused too, and kept
    retype(qtbot, met_at, "2026-13-45 25:00")
    press(qtbot, K.Key_S, CTRL)
    wait_idle(fa.db, qtbot)
    qtbot.waitUntil(lambda: error(form, "met_at").text() == messages.field_error_text(
        FieldError("met_at", "not_a_datetime")))
    assert met_at.text() == "2026-13-45 25:00"
    # corrected: the message goes while typing, and the save goes through
    retype(qtbot, met_at, f"{TODAY} 10:00")
    assert not error(form, "met_at").isVisible()
    press(qtbot, K.Key_S, CTRL)
    qtbot.waitUntil(lambda: stored_encounters(fa, qtbot) == 1)
    met = run_in_store(fa, qtbot, lambda s: s.conn.execute(
        "SELECT met_at FROM encounters").fetchone()[0])
    assert met == f"{TODAY}T10:00"


def test_an_age_of_300_is_refused_as_typed(make_app, qtbot, lang):
    fa = make_app(lang, seed=open_patrol)
    _screen, form = new_encounter(fa, qtbot)
    press(qtbot, K.Key_A, ALT)
    press(qtbot, K.Key_Down)
    age = editor(form, "anon_age")
    retype(qtbot, age, "300")
    assert age.text() == "300"  # no digit dropped
    press(qtbot, K.Key_S, CTRL)
    qtbot.waitUntil(error(form, "anon_age").isVisible)
    assert error(form, "anon_age").text() == messages.field_error_text(
        FieldError("approx_age", "out_of_range", {"min": 0, "max": 120}))
    assert age.text() == "300" and age.hasFocus()
    assert stored_encounters(fa, qtbot) == 0
    # the new person's age too
    press(qtbot, K.Key_W, ALT)
    qtbot.keyClicks(form.who, "Youssef Amrani")
    press(qtbot, K.Key_N, ALT)
    person_age = editor(form, "approx_age")
    retype(qtbot, person_age, "300")
    assert person_age.text() == "300"
    press(qtbot, K.Key_S, CTRL)
    qtbot.waitUntil(error(form, "approx_age").isVisible)
    assert person_age.text() == "300"
    assert stored_encounters(fa, qtbot) == 0


def test_every_problem_at_once_each_gone_when_corrected(make_app, qtbot, lang):
    fa = make_app(lang, seed=open_patrol)
    _screen, form = new_encounter(fa, qtbot)
    press(qtbot, K.Key_N, ALT)  # a new person with no name, 300 years old, refusing
    retype(qtbot, editor(form, "approx_age"), "300")
    qtbot.keyClick(editor(form, "consent"), K.Key_Space)
    qtbot.keyClick(editor(form, "orientation"), K.Key_End)
    qtbot.keyClick(editor(form, "orientation"), K.Key_Up)  # refused, no reason
    press(qtbot, K.Key_S, CTRL)
    names = ("name_lat", "approx_age", "refusal_reason")
    qtbot.waitUntil(lambda: all(error(form, n).isVisible() for n in names))
    assert editor(form, "name_lat").hasFocus()  # the first, top to bottom
    assert error(form, "name_lat").text() == messages.field_error_text(
        FieldError("name_lat", "name_required"))
    assert stored_encounters(fa, qtbot) == 0
    # a corrected field loses its message at once; the others keep theirs
    retype(qtbot, editor(form, "approx_age"), "30")
    assert not error(form, "approx_age").isVisible()
    assert error(form, "name_lat").isVisible() and error(form, "refusal_reason").isVisible()
    # a field still wrong while being corrected says what is wrong now
    editor(form, "name_lat").setText("محمد")  # (QTest types ASCII only)
    assert error(form, "name_lat").text() == messages.field_error_text(
        FieldError("name_lat", "not_latin_script"))
    retype(qtbot, editor(form, "name_lat"), "Youssef Amrani")
    assert not error(form, "name_lat").isVisible()
    qtbot.keyClick(editor(form, "refusal_reason"), K.Key_Down)
    assert not error(form, "refusal_reason").isVisible()
    press(qtbot, K.Key_S, CTRL)
    qtbot.waitUntil(lambda: stored_encounters(fa, qtbot) == 1)


def test_an_old_saved_message_goes_when_a_save_fails(make_app, qtbot, lang):
    fa = make_app(lang, seed=open_patrol)
    _screen, form = new_encounter(fa, qtbot)
    anonymous_adult(form, qtbot)
    press(qtbot, K.Key_S, CTRL)
    qtbot.waitUntil(lambda: bool(form.last_saved.text()))
    press(qtbot, K.Key_A, ALT)
    retype(qtbot, editor(form, "anon_age"), "300")
    press(qtbot, K.Key_S, CTRL)
    qtbot.waitUntil(error(form, "anon_age").isVisible)
    assert form.last_saved.text() == ""


def test_a_minor_needs_situation_place_and_orientation(make_app, qtbot, lang):
    fa = make_app(lang, seed=open_patrol)
    _screen, form = new_encounter(fa, qtbot)
    press(qtbot, K.Key_A, ALT)
    press(qtbot, K.Key_Down)
    retype(qtbot, editor(form, "anon_age"), "14")
    assert form.flag.isVisible()  # the yellow note says what is required
    editor(form, "location").clear()
    press(qtbot, K.Key_S, CTRL)
    expected = {"situation": "required_for_minor", "location": "required_for_minor",
                "orientation": "minor_needs_orientation"}
    qtbot.waitUntil(lambda: all(error(form, n).isVisible() for n in expected))
    for name, code in expected.items():
        assert error(form, name).text() == messages.field_error_text(FieldError(name, code))
    assert stored_encounters(fa, qtbot) == 0
    qtbot.keyClick(editor(form, "situation"), K.Key_Down)
    qtbot.keyClicks(editor(form, "location"), "Gare CTM")
    qtbot.keyClick(editor(form, "orientation"), K.Key_Home)
    qtbot.keyClick(editor(form, "orientation"), K.Key_Down)  # hospital
    assert not any(error(form, n).isVisible() for n in expected)
    press(qtbot, K.Key_S, CTRL)
    qtbot.waitUntil(lambda: stored_encounters(fa, qtbot) == 1)
    saved = run_in_store(fa, qtbot, lambda s: s.conn.execute(
        "SELECT flags, orientation FROM encounters").fetchone())
    assert saved == ('["minor"]', "hospital")


def test_every_service_has_its_own_alt_key(make_app, qtbot, lang):
    fa = make_app(lang, seed=open_patrol)
    _screen, form = new_encounter(fa, qtbot)
    codes = [t.code for t in vocabularies.vocabulary("service")]
    keys = service_keys()
    assert len(keys) == len(codes) == 12
    assert all(keys) and len(set(keys)) == len(keys)
    assert not set(keys) & RESERVED_KEYS
    for code, key in zip(codes, keys, strict=True):
        assert form.services.boxes[code].text().startswith(f"{key}  ")  # shown before it
    for key in keys[9:]:  # hygiene kit, listening, transport: the ones that had none
        qtbot.keyClick(form.who, getattr(K, f"Key_{key}"), ALT)
    assert form.form.values()["services"] == ["hygiene_kit", "listening", "transport"]
    assert form.who.hasFocus()  # ticked from anywhere in the form, the focus stays


def test_notes_are_a_box_of_lines_with_a_counter_near_the_limit(make_app, qtbot, lang):
    fa = make_app(lang, seed=open_patrol)
    _screen, form = new_encounter(fa, qtbot)
    anonymous_adult(form, qtbot)
    notes = editor(form, "notes")
    assert isinstance(notes, QPlainTextEdit)
    qtbot.keyClicks(notes, "first line")
    qtbot.keyClick(notes, K.Key_Return)  # Enter starts a new line, it does not save
    qtbot.keyClicks(notes, "second line")
    assert notes.toPlainText() == "first line\nsecond line"
    counter = form.form.counters["notes"]
    assert not counter.isVisible()
    notes.setPlainText("x" * 3700)
    assert counter.isVisible()
    assert counter.text() == QCoreApplication.translate(
        "Forms", "%n character(s) left", "", 300)
    notes.setPlainText("x" * 4010)
    assert counter.text() == QCoreApplication.translate(
        "Forms", "%n character(s) too many", "", 10)
    press(qtbot, K.Key_S, CTRL)
    qtbot.waitUntil(error(form, "notes").isVisible)
    assert len(notes.toPlainText()) == 4010  # nothing cut
    assert stored_encounters(fa, qtbot) == 0


def test_person_form_fields_share_the_width(make_app, qtbot, lang):
    fa = make_app(lang)
    fa.main.resize(1366, 768)
    screen = fa.main.go_to(PersonsScreen)
    wait_idle(fa.db, qtbot)
    screen.new_person()
    qtbot.waitUntil(lambda: screen.editor.isVisible())
    form = screen.editor.form
    widths = {n: form.editors[n].widget.width() for n in ("name_lat", "name_ar", "cin",
                                                          "approx_age", "nickname")}
    assert min(widths.values()) >= 200, widths
    assert max(widths.values()) - min(widths.values()) <= 40, widths
