"""GUI fixtures: a FieldApp on a fresh vault, unlocked, in Arabic or French."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from fieldapp.app import FieldApp, make_application
from fieldapp.ui.tasks import DbWorker
from tests.helpers.vaults import PASSPHRASE, new_vault


def run_in_store(fa: FieldApp, qtbot, fn):
    """Run ``fn(store)`` on the app's database worker and wait for its result."""
    box = {}
    fa.db.run(fn, on_done=lambda r: box.setdefault("r", r),
              on_error=lambda e: box.setdefault("e", e))
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    if "e" in box:
        raise box["e"]
    return box["r"]


def wait_idle(db: DbWorker, qtbot) -> None:
    qtbot.waitUntil(lambda: not db.busy, timeout=10_000)


def unlock(fa: FieldApp, qtbot, passphrase: str = PASSPHRASE) -> None:
    page = fa.start.unlock_page
    page.passphrase.setText(passphrase)
    with qtbot.waitSignal(fa.main_window_shown, timeout=15_000):
        page.button.click()
    wait_idle(fa.db, qtbot)


@pytest.fixture
def make_app(qtbot, tmp_path):
    """``make_app(lang, seed=callable(store), auto_lock_ms=None, unlocked=True)``."""
    made: list[FieldApp] = []

    def make(lang: str = "fr", seed=None, auto_lock_ms: int | None = None,
             unlocked: bool = True, folder=None) -> FieldApp:
        folder = folder or tmp_path / f"vault-{len(made)}"
        if not (folder / "vault.db").exists():
            vault, store = new_vault(folder)
            if seed is not None:
                seed(store)
            vault.lock()
        QSettings("fieldapp", "fieldapp").clear()
        app = make_application()
        fa = FieldApp(app, folder, lang=lang, auto_lock_ms=auto_lock_ms)
        qtbot.addWidget(fa.start)
        made.append(fa)
        if unlocked:
            unlock(fa, qtbot)
        return fa

    yield make
    for fa in made:
        if fa.main is not None:
            fa.main.hide()
            fa.main.deleteLater()
        fa.shutdown()
        fa.start.deleteLater()
    qtbot.wait(0)
