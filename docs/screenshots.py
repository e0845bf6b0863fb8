"""Screenshots of every main screen, in Arabic and in French, on a demo vault.

    .venv/bin/python docs/screenshots.py [--data-dir DIR] [--out docs/screenshots]
                                         [--persons N] [--encounters N] [--xcb]

The first run makes a demo vault per language in DIR/ar and DIR/fr (DIR defaults to a
folder under the system's temporary directory, reused by later runs) with
``fieldapp.demo.generate`` and the normal key derivation tuning: the same people and events,
with notes and places written in the vault's language, as a team working in that language
writes them. The app then starts off screen (``--xcb`` shows real windows when a display is
available) at 1366×768, the laptop size the app is designed for, and for each language saves
the unlock screen as ``<lang>-00-unlock.png`` and every screen of the navigation rail as
``<lang>-<nn>-<screen>.png`` (Persons with a search typed and a person open, Cases with a
case open). Screens that do not exist yet are simply not there. ``--text-size`` raises the
text as a user may in Settings, to check that nothing is cut then either.

A centre's computer shared by several staff members is shown too, as
``<lang>-00-lock-members.png``: a small vault in DIR/members with four members, unlocked by
its first and locked again, so the lock screen lists them all with that member chosen.

The app's user settings (language, text size) go to a folder inside DIR, so the screenshots
do not depend on, or change, the settings of whoever runs the script.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

PASSPHRASE = "demo vault for screenshots"
SIZE = (1366, 768)
LANGUAGES = ("ar", "fr")
DEFAULT_DATA_DIR = Path(tempfile.gettempdir()) / "fieldapp-screenshots"
DEFAULT_OUT = ROOT / "docs" / "screenshots"
MARKER = "screenshots.json"  # what the demo vault in the folder was made with
SEARCH = {"ar": "محمد", "fr": "Mohamed"}  # typed into the Persons search
# said by the offscreen platform plugin of every top-level window: not a problem of ours
IGNORED_MESSAGES = ("This plugin does not support propagateSizeHints",)
SETTLE_SECONDS = 8.0  # at most, for one step
QUIET_SECONDS = 0.15  # idle this long: the screen has what it asked for


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR,
                        help="folder of the demo vaults, one per language (made if missing, "
                             "reused otherwise)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder for the PNG files")
    parser.add_argument("--persons", type=int, default=3000, help="persons in a new demo vault")
    parser.add_argument("--encounters", type=int, default=None,
                        help="encounters in a new demo vault (default: 3 per person)")
    parser.add_argument("--text-size", type=int, default=None,
                        help="text size in points, as set in Settings (default: the app's)")
    parser.add_argument("--xcb", action="store_true",
                        help="show real windows (needs DISPLAY) instead of drawing off screen")
    return parser.parse_args(argv)


# --- the demo vault -----------------------------------------------------------------------


USERS = {"ar": "أمينة التازي", "fr": "Amina Tazi"}  # who is signed in, in each vault
ROLE = "supervisor"  # a supervisor's vault shows every screen, Supervision included


def ensure_vault(folder: Path, persons: int, encounters: int, lang: str) -> None:
    """Make the demo vault in ``lang`` unless the folder holds one made with the same
    numbers."""
    from fieldapp import demo
    from fieldapp.store.vault import DB_NAME, KEY_NAME, Vault

    marker = folder / MARKER
    wanted = {"persons": persons, "encounters": encounters, "lang": lang, "role": ROLE}
    vault = Vault(folder)
    if vault.exists():
        if not marker.exists():
            return  # someone else's vault: use it as it is, never remove it
        if json.loads(marker.read_text(encoding="utf-8")) == wanted:
            return
        for name in (DB_NAME, KEY_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", MARKER):
            (folder / name).unlink(missing_ok=True)  # our own demo vault, made with others
    print(f"Making a demo vault in {folder} ({persons} persons, {encounters} encounters)…",
          file=sys.stderr)
    folder.mkdir(parents=True, exist_ok=True)
    store = vault.create(PASSPHRASE, user_name=USERS[lang], province="rabat",
                         team="Équipe mobile 1", role=ROLE, lang=lang)
    try:
        demo.generate(store, persons, encounters)
    finally:
        vault.lock()
    marker.write_text(json.dumps(wanted), encoding="utf-8")


# four staff members of a centre sharing one computer (each with their own passphrase)
MEMBERS = (
    ("Amina Tazi", "أمينة التازي", "supervisor"),
    ("Youssef Alaoui", "يوسف العلوي", "field_worker"),
    ("Khadija Bennani", "خديجة بناني", "centre_staff"),
    ("Karim El Idrissi", "كريم الإدريسي", "field_worker"),
)


def ensure_members_vault(folder: Path) -> None:
    """A vault of MEMBERS (no records: the lock screen shows none), made once. Each member's
    passphrase is PASSPHRASE followed by their first name."""
    from fieldapp.store import keys
    from fieldapp.store.vault import Vault

    vault = Vault(folder)
    if vault.exists():
        return
    print(f"Making a vault of {len(MEMBERS)} members in {folder}…", file=sys.stderr)
    folder.mkdir(parents=True, exist_ok=True)
    (name, name_ar, role), *others = MEMBERS
    vault.create(member_passphrase(name), user_name=name, name_ar=name_ar, province="rabat",
                 team="Centre Agdal", role=role)
    try:
        for i, (name, name_ar, role) in enumerate(others, start=1):
            vault.add_member(keys.Member(f"member-{i}", name, name_ar),
                             member_passphrase(name), role=role)
    finally:
        vault.lock()


def member_passphrase(name: str) -> str:
    return f"{PASSPHRASE} {name.split()[0].lower()}"


# --- driving the app ----------------------------------------------------------------------


def wait_until(condition: Callable[[], Any], seconds: float) -> bool:
    from PySide6.QtTest import QTest

    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        QTest.qWait(20)
    return True


def settle(fa: Any, seconds: float = SETTLE_SECONDS) -> bool:
    """Wait until the database worker has been idle for a moment, so the jobs that answers
    start are done too."""
    from PySide6.QtTest import QTest

    deadline = time.monotonic() + seconds
    quiet_since: float | None = None
    while time.monotonic() < deadline:
        QTest.qWait(25)
        if fa.db.busy:
            quiet_since = None
        elif quiet_since is None:
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since >= QUIET_SECONDS:
            return True
    return False


def run_in_store(fa: Any, fn: Callable[[Any], Any]) -> Any:
    box: dict[str, Any] = {}
    fa.db.run(fn, on_done=lambda r: box.setdefault("r", r),
              on_error=lambda e: box.setdefault("e", e))
    wait_until(lambda: box, SETTLE_SECONDS)
    if "e" in box:
        raise box["e"]
    return box.get("r")


def save_grab(fa: Any, widget: Any, path: Path) -> Path:
    """Grab the window; painting may ask the database for rows it has not yet shown, so
    grab again until nothing more arrives."""
    pixmap = widget.grab()
    for _ in range(3):
        if not fa.db.busy:
            break
        settle(fa)
        pixmap = widget.grab()
    if not pixmap.save(str(path)):
        raise OSError(f"could not write {path}")
    return path


def screen_name(screen: Any) -> str:
    name = type(screen).__name__
    return (name[: -len("Screen")] if name.endswith("Screen") else name).lower()


def stage_persons(fa: Any, screen: Any, lang: str) -> None:
    """A search typed and the first person found opened."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    search = getattr(screen, "search", None)
    if isinstance(search, QLineEdit):
        search.setFocus()
        for text in (SEARCH[lang], a_first_name(fa, lang)):
            search.setText(text)  # QTest.keyClicks types ASCII only
            QTest.qWait(250)  # the search waits for a pause in typing
            settle(fa)
            table = getattr(screen, "table", None)
            if table is None or table.model() is None or table.model().rowCount():
                break
    table = getattr(screen, "table", None)
    if table is not None and table.model() is not None and table.model().rowCount():
        table.setFocus()
        table.selectRow(0)
        settle(fa)


def a_first_name(fa: Any, lang: str) -> str:
    """The first word of a name in the vault (a small vault may have no Mohamed)."""
    from fieldapp.store import queries

    rows = run_in_store(fa, lambda store: queries.persons_page(store, 0, 50)) or []
    order = ("name_ar", "name_lat") if lang == "ar" else ("name_lat", "name_ar")
    for field in order:
        for row in rows:
            if row.get(field):
                return str(row[field]).split()[0]
    return SEARCH[lang]


def stage_cases(fa: Any, screen: Any, lang: str) -> None:
    """A case opened: one with an action due, if there is one."""
    from fieldapp.store import queries

    rows = run_in_store(fa, lambda store: queries.cases(store, limit=50)) or []
    if not rows:
        return
    chosen = next((r for r in rows if r.get("next_due")), rows[0])
    opener = getattr(screen, "open_case", None)
    if callable(opener):
        opener(chosen["id"])
    else:
        fa.events.case_opened.emit(chosen["id"])
    settle(fa)
    if fa.main.current_screen() is not screen:
        fa.main.go_to(type(screen))
        settle(fa)


STAGES: dict[str, Callable[[Any, Any, str], None]] = {
    "persons": stage_persons,
    "cases": stage_cases,
}


def shoot_language(app: Any, folder: Path, lang: str, out: Path) -> list[Path]:
    """Unlock in ``lang`` and save every screen; the app is shut down afterwards."""
    from fieldapp.app import FieldApp

    written: list[Path] = []
    fa = FieldApp(app, folder, lang=lang)
    try:
        fa.start.resize(*SIZE)
        settle(fa)
        written.append(save_grab(fa, fa.start, out / f"{lang}-00-unlock.png"))
        page = fa.start.unlock_page
        shown: list[bool] = []
        fa.main_window_shown.connect(lambda: shown.append(True))
        page.passphrase.setText(PASSPHRASE)
        page.button.click()
        if not wait_until(lambda: shown or page.error.isVisible(), 60):
            raise SystemExit(f"screenshots: unlocking {folder} took too long")
        if not shown:
            raise SystemExit(f"screenshots: could not unlock {folder}: {page.error.text()}")
        main = fa.main
        assert main is not None
        main.resize(*SIZE)
        settle(fa)
        for number, screen in enumerate(main.screens, start=1):
            main.rail.setCurrentRow(number - 1)
            settle(fa)
            name = screen_name(screen)
            stage = STAGES.get(name)
            if stage is not None:
                stage(fa, screen, lang)
            written.append(save_grab(fa, main, out / f"{lang}-{number:02d}-{name}.png"))
            if name == "supervision":
                written += write_report(fa, screen, lang, out)
    finally:
        close(app, fa)
    return written


def shoot_lock_members(app: Any, folder: Path, lang: str, out: Path) -> list[Path]:
    """The first member unlocks the members' vault and locks it (Ctrl+L): the lock screen
    then lists every member, that one chosen, ready for the next."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from fieldapp.app import FieldApp

    fa = FieldApp(app, folder, lang=lang)
    try:
        fa.start.resize(*SIZE)
        settle(fa)
        page = fa.start.unlock_page
        shown: list[bool] = []
        fa.main_window_shown.connect(lambda: shown.append(True))
        page.members.setCurrentRow(0)
        page.passphrase.setText(member_passphrase(MEMBERS[0][0]))
        page.button.click()
        if not wait_until(lambda: shown or page.error.isVisible(), 60):
            raise SystemExit(f"screenshots: unlocking {folder} took too long")
        if not shown:
            raise SystemExit(f"screenshots: could not unlock {folder}: {page.error.text()}")
        settle(fa)
        locked: list[bool] = []
        fa.locked.connect(lambda: locked.append(True))
        assert fa.main is not None
        QTest.keyClick(fa.main, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        if not wait_until(lambda: locked, SETTLE_SECONDS):
            raise SystemExit("screenshots: Ctrl+L did not lock")
        fa.start.resize(*SIZE)
        settle(fa)
        return [save_grab(fa, fa.start, out / f"{lang}-00-lock-members.png")]
    finally:
        close(app, fa)


def write_report(fa: Any, screen: Any, lang: str, out: Path) -> list[Path]:
    """The weekly report of the screen's period as report-example-<lang>.pdf, made by the
    app in ``lang`` (so with its translations), and its first page as a PNG: in docs/ beside
    the guides for the documentation's screenshots, else beside the screenshots."""
    import shutil
    import subprocess

    folder = ROOT / "docs" if out.resolve() == DEFAULT_OUT.resolve() else out
    pdf = folder / f"report-example-{lang}.pdf"
    done: list[str] = []
    screen.write_report(str(pdf), on_written=done.append)
    if not wait_until(lambda: done, SETTLE_SECONDS * 4):
        raise SystemExit(f"screenshots: the {lang} report took too long")
    if not shutil.which("pdftoppm"):
        return [pdf]
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(pdf.with_suffix(""))], check=True)
    return [pdf, pdf.with_suffix(".png")]


def close(app: Any, fa: Any) -> None:
    from PySide6.QtTest import QTest

    settle(fa, 2.0)
    fa.idle.timer.stop()
    app.removeEventFilter(fa.idle)
    for window in (fa.main, fa.start):
        if window is not None:
            window.hide()
            window.deleteLater()
    fa.main = None
    fa.shutdown()
    QTest.qWait(20)  # let the windows go


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.xcb and os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "xcb"
    else:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QSettings, QtMsgType, qInstallMessageHandler

    from fieldapp.app import make_application

    folder: Path = args.data_dir
    out: Path = args.out
    encounters = args.encounters if args.encounters is not None else 3 * args.persons
    for lang in LANGUAGES:
        ensure_vault(folder / lang, args.persons, encounters, lang)
    ensure_members_vault(folder / "members")
    out.mkdir(parents=True, exist_ok=True)
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope,
                      str(folder / "user-settings"))
    if args.text_size:
        QSettings("fieldapp", "fieldapp").setValue("font_point_size", args.text_size)
    else:
        QSettings("fieldapp", "fieldapp").remove("font_point_size")
    problems: list[str] = []

    def on_message(kind: QtMsgType, _context: Any, text: str) -> None:
        if kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg) or \
                text.startswith(IGNORED_MESSAGES):
            return
        problems.append(text)
        print(f"screenshots: Qt says: {text}", file=sys.stderr)

    previous = qInstallMessageHandler(on_message)
    try:
        app = make_application()
        written = []
        for lang in LANGUAGES:
            written += shoot_language(app, folder / lang, lang, out)
            written += shoot_lock_members(app, folder / "members", lang, out)
    finally:
        qInstallMessageHandler(previous)
    print(f"{len(written)} screenshots in {out}"
          + (f", {len(problems)} Qt warning(s)" if problems else ""))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
