"""The log file: private, rotating, and never holding an exception's message (where Python and
SQLite put values typed by the user)."""

from __future__ import annotations

import logging
import stat

from fieldapp import logs


def test_an_exception_is_logged_by_type_and_place_not_by_its_message(tmp_path):
    path = logs.configure(tmp_path)
    try:
        try:
            int("Fatima Zahra Benali")
        except ValueError as e:
            raise RuntimeError("while saving CIN AB123456") from e
    except RuntimeError:
        logging.getLogger("fieldapp.test").exception("saving failed")
    logs.log_crash(KeyError("Khadija"))
    text = path.read_text(encoding="utf-8")
    assert "saving failed" in text and "builtins.RuntimeError" in text
    assert "caused by builtins.ValueError" in text and "test_logs.py:" in text
    for personal in ("Fatima", "AB123456", "Khadija"):
        assert personal not in text
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_the_log_rotates(tmp_path, monkeypatch):
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    path = logs.configure(tmp_path)
    for i in range(200):
        logging.getLogger("fieldapp.test").warning("line %d of the rotation test", i)
    files = sorted(p.name for p in path.parent.iterdir())
    assert files == ["fieldapp.log", "fieldapp.log.1", "fieldapp.log.2", "fieldapp.log.3"]
    assert all(p.stat().st_size <= 2_100 for p in path.parent.iterdir())
