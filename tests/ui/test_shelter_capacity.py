"""A shelter's capacity is never set below the people there now: refused with the field's error."""

from __future__ import annotations

from PySide6.QtCore import Qt

from fieldapp import messages
from fieldapp.domain.fields import FieldError
from fieldapp.store import queries
from fieldapp.ui.shelters import SheltersScreen
from tests.ui.conftest import run_in_store
from tests.ui.test_shelters_settings import seed_orientations, table_row, type_number


def test_capacity_below_occupancy_is_refused(make_app, qtbot):
    fa = make_app("fr", seed=seed_orientations)
    screen = fa.main.go_to(SheltersScreen)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2, timeout=10_000)
    screen.table.setFocus()
    screen.table.selectRow(table_row(screen, "Espace Al Amal"))
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)
    capacity = screen.editor.form.editors["capacity"].widget
    type_number(qtbot, capacity, "0")
    qtbot.keyClick(capacity, Qt.Key.Key_Return)
    error = screen.editor.form.errors["capacity"]
    qtbot.waitUntil(error.isVisible, timeout=10_000)
    assert error.text() == messages.field_error_text(
        FieldError("capacity", "below_occupancy", {"occupancy": 1}))
    stored = run_in_store(fa, qtbot, queries.shelters)
    assert {s["name_fr"]: s["capacity"] for s in stored}["Espace Al Amal"] == 1
