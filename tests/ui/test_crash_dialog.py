"""A bug reaches the user as a sentence and the log as a type and a place: never the
exception's message, where values typed by the user can be."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from fieldapp import logs


def test_a_bug_shows_a_sentence_and_logs_no_personal_data(make_app, qtbot, tmp_path,
                                                           monkeypatch):
    path = logs.configure(tmp_path / "logs-home")
    fa = make_app("fr")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda parent, title, text: shown.append(text))
    try:
        int("Fatima Zahra Benali")
    except ValueError as e:
        fa.main.show_error(e)
    assert len(shown) == 1
    assert "Fatima" not in shown[0] and "ValueError" not in shown[0]
    assert str(path) in shown[0]
    text = path.read_text(encoding="utf-8")
    assert "builtins.ValueError" in text and "test_crash_dialog.py" in text
    assert "Fatima" not in text
