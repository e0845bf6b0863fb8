"""A value the user typed is never changed behind their back (issue 10): in Settings and in
the period of the supervision figures, a wrong value stays as typed, its error is said under
it in the user's language, and nothing is applied until it is right."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel

from fieldapp.ui.settings import SettingsScreen, apply_font_size
from fieldapp.ui.supervision import SupervisionScreen
from tests.ui.conftest import run_in_store, wait_idle

RANGE_ERROR = {"ar": "أدخل عددا من {0} إلى {1}.", "fr": "Saisissez un nombre de {0} à {1}."}
DATE_ERROR = {"ar": "أدخل بداية الفترة بصيغة سنة-شهر-يوم، مثلاً \u20662026-03-21\u2069.",
              "fr": "Saisissez le début de la période au format année-mois-jour, "
                    "par ex. 2026-03-21."}
BEFORE_START = {"ar": "نهاية الفترة سابقة لبدايتها.",
                "fr": "La fin de la période est antérieure à son début."}


def retype(qtbot, field, text: str) -> None:
    """Select what the field holds and type over it, key by key."""
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)


def error_of(screen, name: str) -> QLabel | None:
    return screen.findChild(QLabel, f"{name}_error")


# --- Settings -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_auto_lock_out_of_range_is_kept_and_refused(make_app, qtbot, lang):
    fa = make_app(lang)
    screen = fa.main.go_to(SettingsScreen)
    qtbot.waitUntil(screen.auto_lock.isEnabled, timeout=10_000)
    announced: list[float] = []
    screen.auto_lock_changed.connect(announced.append)
    retype(qtbot, screen.auto_lock, "500")
    assert screen.auto_lock.text() == "500"  # not clamped to 60, no digit dropped
    error = error_of(screen, "auto_lock_minutes")
    assert error is not None
    qtbot.waitUntil(error.isVisible, timeout=5_000)
    assert error.text() == RANGE_ERROR[lang].format(1, 60)
    wait_idle(fa.db, qtbot)
    qtbot.wait(500)  # longer than the pause after which a right value is saved
    assert run_in_store(fa, qtbot, lambda store: store.setting("auto_lock_minutes")) is None
    assert announced == [] and fa.idle.timer.interval() == 5 * 60_000
    # shown again from the vault: the refused text stays until the user changes it
    fa.main.go_to(SupervisionScreen)
    fa.main.go_to(SettingsScreen)
    wait_idle(fa.db, qtbot)
    assert screen.auto_lock.text() == "500" and error.isVisible()
    # ↑ steps from what is typed, without bringing it back into the range
    screen.auto_lock.setFocus()
    qtbot.keyClick(screen.auto_lock, Qt.Key.Key_Up)
    assert screen.auto_lock.text() == "501"
    # a right value: the error goes at once, the delay is saved and applied
    with qtbot.waitSignal(screen.auto_lock_changed, timeout=5_000):
        retype(qtbot, screen.auto_lock, "15")
        assert not error.isVisible()
    assert run_in_store(fa, qtbot, lambda store: store.setting("auto_lock_minutes")) == 15
    assert fa.idle.timer.interval() == 15 * 60_000


def test_auto_lock_that_is_not_a_number_is_refused(make_app, qtbot):
    fa = make_app("fr")
    screen = fa.main.go_to(SettingsScreen)
    qtbot.waitUntil(screen.auto_lock.isEnabled, timeout=10_000)
    retype(qtbot, screen.auto_lock, "1O")  # a letter O typed for a zero
    qtbot.keyClick(screen.auto_lock, Qt.Key.Key_Return)  # Enter checks it at once
    assert screen.auto_lock.text() == "1O"
    error = error_of(screen, "auto_lock_minutes")
    assert error is not None and error.isVisible()
    assert error.text() == "Saisissez un nombre entier."
    wait_idle(fa.db, qtbot)
    assert run_in_store(fa, qtbot, lambda store: store.setting("auto_lock_minutes")) is None


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_text_size_out_of_range_is_kept_and_not_applied(make_app, qtbot, lang):
    fa = make_app(lang)
    screen = fa.main.go_to(SettingsScreen)
    before = QApplication.font().pointSize()
    try:
        retype(qtbot, screen.font_size, "99")  # "9" on the way is not applied either
        assert screen.font_size.text() == "99"
        error = error_of(screen, "font_point_size")
        assert error is not None
        qtbot.waitUntil(error.isVisible, timeout=5_000)
        assert error.text() == RANGE_ERROR[lang].format(8, 20)
        qtbot.wait(500)
        assert QApplication.font().pointSize() == before
        assert QSettings("fieldapp", "fieldapp").value("font_point_size") is None
        retype(qtbot, screen.font_size, "12")
        assert not error.isVisible()
        qtbot.waitUntil(lambda: QApplication.font().pointSize() == 12, timeout=5_000)
        assert int(QSettings("fieldapp", "fieldapp").value("font_point_size")) == 12
    finally:
        apply_font_size(before)


# --- Supervision: the period of the figures -----------------------------------------------


def shown_figures(fa, qtbot, lang: str) -> SupervisionScreen:
    fa.main.resize(1366, 768)
    fa.main.show()
    screen = fa.main.go_to(SupervisionScreen)
    qtbot.waitUntil(lambda: screen.figures is not None, timeout=10_000)
    wait_idle(fa.db, qtbot)
    return screen


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_malformed_period_date_is_kept_and_refused(make_app, qtbot, lang):
    fa = make_app(lang)
    screen = shown_figures(fa, qtbot, lang)
    figures = screen.figures
    retype(qtbot, screen.since, "2026-02-30")  # no 30 February
    qtbot.keyClick(screen.since, Qt.Key.Key_Return)  # Enter shows the figures of the period
    assert screen.since.text() == "2026-02-30"  # not turned into 2026-02-28 or 03-02
    error = screen.findChild(QLabel, "period_error")
    assert error is not None and error.isVisible()
    assert error.text() == DATE_ERROR[lang]
    assert screen.since.hasFocus()
    wait_idle(fa.db, qtbot)
    assert screen.figures is figures  # not computed again for a period that is not one


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_reversed_period_is_refused_not_swapped(make_app, qtbot, lang):
    fa = make_app(lang)
    screen = shown_figures(fa, qtbot, lang)
    figures = screen.figures
    retype(qtbot, screen.since, "2026-11-20")
    retype(qtbot, screen.until, "2026-11-10")
    qtbot.mouseClick(screen.refresh_button, Qt.MouseButton.LeftButton)
    assert (screen.since.text(), screen.until.text()) == ("2026-11-20", "2026-11-10")
    error = screen.findChild(QLabel, "period_error")
    assert error is not None and error.isVisible()
    assert error.text() == BEFORE_START[lang]
    assert screen.until.hasFocus()
    wait_idle(fa.db, qtbot)
    assert screen.figures is figures
    # the error goes as soon as the period is right; Ctrl+R then shows its figures
    screen.until.setFocus()
    qtbot.keyClick(screen.until, Qt.Key.Key_Up)  # ↑ a day later
    assert screen.until.text() == "2026-11-11"
    retype(qtbot, screen.until, "2026-11-26")
    assert not error.isVisible()
    qtbot.keyClick(screen.until, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.figures is not figures, timeout=10_000)
    assert (screen.figures["since"], screen.figures["until"]) == ("2026-11-20", "2026-11-26")


def test_exports_and_report_wait_for_a_right_period(make_app, qtbot, tmp_path):
    fa = make_app("fr")
    screen = shown_figures(fa, qtbot, "fr")
    out = tmp_path / "out"
    out.mkdir()
    retype(qtbot, screen.until, "2026-1-5")
    assert screen.start_export("encounters", str(out / "e.csv"), pseudonymised=True) is None
    screen.write_report(str(out / "report.pdf"))
    error = screen.findChild(QLabel, "period_error")
    assert error is not None and error.isVisible()
    wait_idle(fa.db, qtbot)
    assert not list(out.iterdir())
    assert screen.until.text() == "2026-1-5"
