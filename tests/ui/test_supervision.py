"""Supervision screen: figures shown, a 100,000-row export that keeps the window responsive,
the weekly report in Arabic written as PDF (and its first page rendered to PNG)."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import time
import unicodedata

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QLabel

from fieldapp import demo
from fieldapp.store import dashboard
from fieldapp.ui.supervision import SupervisionScreen
from tests.ui.conftest import wait_idle


def _screen(fa, qtbot) -> SupervisionScreen:
    ctx = fa.main.screens[0].ctx
    screen = SupervisionScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1300, 700)
    screen.show()
    return screen


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_screen_shows_the_figures(make_app, qtbot, lang):
    fa = make_app(lang, seed=lambda store: demo.generate(store, 200, 600))
    screen = _screen(fa, qtbot)
    screen.refresh()
    qtbot.waitUntil(lambda: screen.figures is not None, timeout=10_000)
    f = screen.figures
    assert f["encounters"] > 0
    assert screen.findChild(QLabel, "figure_people_met").text() == str(
        f["people_met"])
    assert screen.services_chart.bars and sum(b[1] for b in screen.services_chart.bars) == sum(
        f["services"].values())
    assert [b[1] for b in screen.orientation_chart.bars] == [f["oriented"], f["refused"]]


def test_export_of_100000_rows_does_not_freeze(make_app, qtbot, tmp_path, monkeypatch):
    fa = make_app("fr")
    screen = _screen(fa, qtbot)
    n = 100_000

    def rows(store, list_name, filters, pseudonymised, language=None):
        yield ("id", "met_at", "orientation", "services")
        for i in range(n):
            yield (f"id-{i}", "2026-11-20T22:00", "shelter", "meal;blanket")

    monkeypatch.setattr(dashboard, "export_rows", rows)
    monkeypatch.setattr(dashboard, "export_count", lambda store, name, filters: n)
    wait_idle(fa.db, qtbot)
    gaps: list[float] = []
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(beat)
    heartbeat.start()
    path = tmp_path / "encounters.csv"
    job = screen.start_export("encounters", str(path), pseudonymised=True)
    assert job.progress is not None
    qtbot.waitUntil(lambda: screen.export_job is None, timeout=60_000)
    heartbeat.stop()
    assert path.exists() and not list(tmp_path.glob("*.part"))
    assert len(path.read_text(encoding="utf-8-sig").splitlines()) == n + 1
    assert max(gaps) < 0.25, f"longest event-loop gap {max(gaps):.3f} s"
    assert screen.progress_dialog is None


def test_cancelled_export_leaves_no_file(make_app, qtbot, tmp_path, monkeypatch):
    fa = make_app("fr")
    screen = _screen(fa, qtbot)

    def rows(store, list_name, filters, pseudonymised, language=None):
        yield ("id",)
        for i in range(10**7):
            yield (f"id-{i}",)

    monkeypatch.setattr(dashboard, "export_rows", rows)
    monkeypatch.setattr(dashboard, "export_count", lambda store, name, filters: 10**7)
    path = tmp_path / "persons.xlsx"
    screen.start_export("persons", str(path), pseudonymised=False)
    qtbot.waitUntil(lambda: screen.progress_dialog is not None
                    and screen.progress_dialog.isVisible(), timeout=10_000)
    from PySide6.QtWidgets import QPushButton

    qtbot.mouseClick(screen.progress_dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.export_job is None, timeout=20_000)
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == []
    assert all(b.isEnabled() for b in screen.export_buttons.values())


@pytest.mark.parametrize("codes", [False, True])
def test_an_export_speaks_the_users_language_unless_codes_are_asked(make_app, qtbot, tmp_path,
                                                                     codes):
    fa = make_app("fr", seed=lambda store: demo.generate(store, 60, 200))
    screen = _screen(fa, qtbot)
    path = tmp_path / "encounters.csv"
    screen.start_export("encounters", str(path), pseudonymised=True, codes=codes)
    qtbot.waitUntil(lambda: screen.export_job is None, timeout=20_000)
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    header = rows[0]
    cells = {c for r in rows[1:] for c in r}
    if codes:
        assert {"id", "met_at", "services", "orientation"} <= set(header)
        assert "meal" in ";".join(cells)
    else:
        assert "met_at" not in header and "services" not in header
        assert QCoreApplication.translate("Messages", "Services") in header
        assert "Rabat" in cells and "meal" not in ";".join(cells)
        assert any("Repas" in c or "repas" in c for c in cells), sorted(cells)[:40]


def render_first_page(pdf, png_stem) -> str | None:
    """First page of ``pdf`` to ``png_stem``.png; the reason when nothing can render it."""
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                        str(pdf), str(png_stem)], check=True)
        return None
    try:
        from PySide6.QtCore import QSize
        from PySide6.QtPdf import QPdfDocument
    except ImportError:
        return "neither pdftoppm nor PySide6.QtPdf is available to render the PDF"
    doc = QPdfDocument()
    doc.load(str(pdf))
    size = doc.pagePointSize(0).toSize()
    doc.render(0, QSize(size.width() * 2, size.height() * 2)).save(f"{png_stem}.png")
    return None


def test_weekly_report_in_arabic(make_app, qtbot, tmp_path):
    fa = make_app("ar", seed=lambda store: demo.generate(store, 200, 600))
    screen = _screen(fa, qtbot)
    pdf = tmp_path / "report.pdf"
    written = []
    screen.write_report(str(pdf), on_written=written.append)
    qtbot.waitUntil(lambda: bool(written), timeout=20_000)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 10_000
    text = pdf_text(pdf)
    # the Arabic title and labels, and none of the English source strings
    title = QCoreApplication.translate("Supervision", "Weekly vigilance report")
    assert title != "Weekly vigilance report"
    assert _arabic_words(title) <= _arabic_words(text), (title, text[:300])
    for english in ("Weekly", "People met", "Cases by status", "Shelters", "Occupancy",
                    "Number", "Charts"):
        assert english not in text, english
    reason = render_first_page(pdf, tmp_path / "report")
    if reason:
        pytest.skip(reason)
    assert (tmp_path / "report.png").stat().st_size > 0


def pdf_text(pdf) -> str:
    """The text of a PDF, by pdftotext (poppler-utils, installed by the set-up)."""
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext is missing: run packaging/setup.sh (it installs poppler-utils)")
    out = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True)
    return out.stdout.decode("utf-8")


def _arabic_words(text: str) -> set[str]:
    """Arabic words as letters, whatever order and glyph forms (presentation forms, as a
    PDF holds them) the text extraction gives: each word's letters, sorted. Lam and alef
    are left out: pdftotext drops the lam-alef ligature (الأسبوعي comes out as ا سبوعي)."""
    folded = re.sub("[\u0644\u0622\u0623\u0625\u0627]", "",
                    unicodedata.normalize("NFKC", text))
    return {"".join(sorted(w)) for w in re.findall(r"[\u0621-\u064A]+", folded)}


@pytest.mark.parametrize("lang, codes, right_to_left", [("ar", False, True), ("fr", False, False),
                                                        ("ar", True, False)])
def test_an_arabic_spreadsheet_reads_from_the_right(make_app, qtbot, tmp_path, lang, codes,
                                                    right_to_left):
    """An export in Arabic opens with its first column on the right; one in French, or with
    field names and codes for data teams, from the left."""
    from openpyxl import load_workbook

    fa = make_app(lang, seed=lambda store: demo.generate(store, 30, 60))
    screen = _screen(fa, qtbot)
    path = tmp_path / "cases.xlsx"
    screen.start_export("cases", str(path), pseudonymised=True, codes=codes)
    qtbot.waitUntil(lambda: screen.export_job is None, timeout=20_000)
    sheet = load_workbook(path).active
    assert bool(sheet.sheet_view.rightToLeft) is right_to_left
    header = [c.value for c in next(sheet.iter_rows(max_row=1))]
    assert ("id" in header) is codes
