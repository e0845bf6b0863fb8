"""Form building blocks: nothing typed is changed or cut, every problem found at once, a line
of isolated parts led by the interface's direction."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLineEdit

from fieldapp.domain.fields import FieldError
from fieldapp.ui.encounter_fields import _mnemonic, service_keys
from fieldapp.ui.forms import (
    RLM,
    DateTimeEditor,
    Form,
    NumberEditor,
    TextEditor,
    every_error,
    in_reading_order,
)
from fieldapp.ui.person_text import display_name

TODAY = date(2026, 11, 29)


def test_every_error_gives_the_fields_and_the_rules_at_once():
    found = every_error("encounter", {"approx_age": 300, "met_at": "2026-11-28T22:00",
                                      "orientation": "refused", "anonymous": True}, "rabat",
                        TODAY)
    assert {(e.field, e.code) for e in found} == {("approx_age", "out_of_range"),
                                                  ("refusal_reason", "required")}
    person = every_error("person", {"approx_age": 300}, "rabat", TODAY)
    assert {(e.field, e.code) for e in person} == {("approx_age", "out_of_range"),
                                                   ("name_lat", "name_required")}
    assert every_error("person", {"name_lat": "Said"}, "rabat", TODAY) == []


def test_a_number_is_kept_as_typed(qtbot):
    editor = NumberEditor(0, 120)
    qtbot.addWidget(editor.widget)
    qtbot.keyClicks(editor.widget, "300")
    assert editor.widget.text() == "300" and editor.value() == 300
    editor.widget.setText("٣٠")  # Arabic-Indic digits
    assert editor.value() == 30
    editor.widget.setText("3O")
    assert editor.value() == "3O"  # not a number: the record rules say so
    editor.set_value(None)
    assert editor.value() is None and editor.widget.text() == ""
    qtbot.keyClick(editor.widget, Qt.Key.Key_Up)
    assert editor.value() == 0
    editor.set_value(120)
    qtbot.keyClick(editor.widget, Qt.Key.Key_Up)  # stepping stays in the range
    assert editor.value() == 120


def test_a_date_and_time_is_kept_as_typed(qtbot):
    editor = DateTimeEditor()
    qtbot.addWidget(editor.widget)
    assert isinstance(editor.widget, QLineEdit)
    editor.widget.setText("2027-06-01 10:00")
    assert editor.value() == "2027-06-01T10:00"
    assert editor.widget.text() == "2027-06-01 10:00"
    editor.widget.setText("2026-06-01")
    assert editor.value() == "2026-06-01"  # no time: the rules say what is missing
    editor.set_value("2026-03-21T22:30")
    assert editor.widget.text() == "2026-03-21 22:30"
    editor.widget.setFocus()
    qtbot.keyClick(editor.widget, Qt.Key.Key_Down)
    assert editor.widget.text() == "2026-03-20 22:30"


def test_a_long_text_is_not_cut(qtbot):
    editor = TextEditor(8)
    qtbot.addWidget(editor.widget)
    qtbot.keyClicks(editor.widget, "AB1234567")
    assert editor.value() == "AB1234567"


def test_a_field_is_checked_again_when_edited(qtbot):
    form = Form(kind="person")
    qtbot.addWidget(form)
    form.add("approx_age", NumberEditor(0, 120))
    form.add("cin", TextEditor(8))
    form.show_errors([FieldError("approx_age", "out_of_range", {"min": 0, "max": 120}),
                      FieldError("cin", "bad_cin")])
    assert not form.errors["approx_age"].isHidden() and not form.errors["cin"].isHidden()
    form.editors["cin"].widget.setText("ab")
    assert not form.errors["cin"].isHidden()  # still wrong: still said
    form.editors["approx_age"].widget.setText("30")
    assert form.errors["approx_age"].isHidden()  # right now: gone
    form.editors["cin"].widget.setText("AB123456")
    assert form.errors["cin"].isHidden()


def test_the_counter_shows_near_the_limit(qtbot):
    form = Form(kind="person")
    qtbot.addWidget(form)
    form.add("notes", TextEditor(100, multiline=True))
    form.show()
    form.editors["notes"].widget.setPlainText("x" * 80)
    assert form.counters["notes"].isHidden()
    form.editors["notes"].widget.setPlainText("x" * 95)
    assert form.counters["notes"].text() == QCoreApplication.translate(
        "Forms", "%n character(s) left", "", 5)


def test_a_line_of_isolated_parts_reads_in_the_interface_direction():
    assert in_reading_order("\u2068Équipe 1\u2069", "ar").startswith(RLM)
    assert not in_reading_order("x", "fr").startswith(RLM)
    name = display_name({"name_ar": "محمد", "name_lat": "Mohamed"}, "ar")
    assert name.startswith(RLM)
    assert not display_name({"name_lat": "Mohamed"}, "fr").startswith(RLM)


@pytest.mark.parametrize(("label", "key"), [("&Listening", "L"), ("É&coute", "C"),
                                            ("استماع (&L)", "L"), ("Tom && &Jerry", "J"),
                                            ("none", "")])
def test_the_mnemonic_of_a_label(label, key):
    assert _mnemonic(label) == key


def test_services_keys_are_digits_then_letters():
    keys = service_keys()
    assert keys[:10] == list("1234567890")
    assert all(k.isascii() and k.isalpha() for k in keys[10:])
    assert len(set(keys)) == 12 and not set(keys) & set("NAW")
