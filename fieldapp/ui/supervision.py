"""Supervision: the vigilance view of a province over a period, its exports and weekly report.

The figures come from :func:`fieldapp.store.dashboard.figures` (SQL on the database thread);
this screen only shows them: the week's figures first as big numbers, then bar charts drawn
with QPainter. Exports run as long database jobs (progress after ~600 ms, cancellable, no half
file left behind). The weekly report is HTML built on the database thread and printed to an
A4 PDF here with QTextDocument and QPdfWriter, which shape Arabic and lay it out right to left.
"""

from __future__ import annotations

import html
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QMarginsF, QRectF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp import messages
from fieldapp.domain import divisions, vocabularies
from fieldapp.errors import UserFacingError
from fieldapp.store import dashboard, export
from fieldapp.ui.context import Context
from fieldapp.ui.screen import Screen, heading
from fieldapp.ui.supervision_queues import ConflictsPanel, DuplicatesPanel
from fieldapp.ui.tasks import Cancelled

BAR = QColor("#3b7dd8")
ACCEPTED = QColor("#2e9d5b")
REFUSED = QColor("#c8553d")
CHART_SIZE = (520, 240)


class BarChart(QWidget):
    """Horizontal bars with their label on the leading side and their value at the end."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title = title
        self.bars: list[tuple[str, int, QColor]] = []
        self.setMinimumSize(320, 160)

    def set_bars(self, bars: list[tuple[str, int, QColor]]) -> None:
        self.bars = bars
        self.setMinimumHeight(40 + 22 * max(1, len(bars)))
        self.update()

    def paintEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        self.draw(painter, QRectF(self.rect()), self.layoutDirection())
        painter.end()

    def draw(self, painter: QPainter, rect: QRectF, direction: Qt.LayoutDirection) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setLayoutDirection(direction)
        metrics = painter.fontMetrics()
        line = metrics.height() + 6
        title_rect = QRectF(rect.left(), rect.top(), rect.width(), line)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(title_rect, int(_visual(direction, Qt.AlignmentFlag.AlignLeading)
                                         | Qt.AlignmentFlag.AlignVCenter), self.title)
        if not self.bars:
            return
        label_width = min(rect.width() * 0.4,
                          max(metrics.horizontalAdvance(b[0]) for b in self.bars) + 8)
        value_width = metrics.horizontalAdvance("0000000") + 6
        top = rect.top() + line
        height = min(line, (rect.height() - line) / len(self.bars))
        span = rect.width() - label_width - value_width
        biggest = max(max(b[1] for b in self.bars), 1)
        rtl = direction == Qt.LayoutDirection.RightToLeft
        for i, (label, value, color) in enumerate(self.bars):
            y = top + i * height
            length = span * value / biggest
            if rtl:
                label_rect = QRectF(rect.right() - label_width, y, label_width - 6, height)
                bar = QRectF(rect.right() - label_width - length, y + 3, length, height - 6)
                value_rect = QRectF(bar.left() - value_width, y, value_width - 4, height)
            else:
                label_rect = QRectF(rect.left(), y, label_width - 6, height)
                bar = QRectF(rect.left() + label_width, y + 3, length, height - 6)
                value_rect = QRectF(bar.right() + 4, y, value_width - 4, height)
            painter.drawText(label_rect, int(_visual(direction, Qt.AlignmentFlag.AlignTrailing)
                                             | Qt.AlignmentFlag.AlignVCenter),
                             metrics.elidedText(label, Qt.TextElideMode.ElideMiddle,
                                                int(label_rect.width())))
            painter.fillRect(bar, color)
            painter.drawText(value_rect, int(_visual(direction, Qt.AlignmentFlag.AlignLeading)
                                             | Qt.AlignmentFlag.AlignVCenter), str(value))

    def to_image(self, direction: Qt.LayoutDirection, scale: int = 2) -> QImage:
        """The chart at a fixed size, for the printed report."""
        width, height = CHART_SIZE[0], max(CHART_SIZE[1] // 2, 40 + 22 * len(self.bars))
        image = QImage(width * scale, height * scale, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.scale(scale, scale)
        painter.setFont(self.font())
        self.draw(painter, QRectF(0, 0, width, height), direction)
        painter.end()
        return image


def _visual(direction: Qt.LayoutDirection, alignment: Qt.AlignmentFlag) -> Qt.AlignmentFlag:
    return QStyle.visualAlignment(direction, alignment)


def period_figures(store: Any, province: str, since: str, until: str) -> dict[str, Any]:
    return dashboard.figures(store, province, since, until)


class SupervisionScreen(Screen):
    """The week's figures of the province, charts, exports and the weekly report."""

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.figures: dict[str, Any] | None = None
        self.export_job: Any = None
        self.progress_dialog: QProgressDialog | None = None
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(self.title()))
        top.addStretch()
        self.since = self._date_edit("since", date.today() - timedelta(days=6))
        self.until = self._date_edit("until", date.today())
        top.addWidget(QLabel(QCoreApplication.translate("Supervision", "From")))
        top.addWidget(self.since)
        top.addWidget(QLabel(QCoreApplication.translate("Supervision", "until")))
        top.addWidget(self.until)
        self.province = QComboBox()
        self.province.setObjectName("province")
        province = ctx.profile.province
        label = (divisions.province(province).label(ctx.lang)
                 if divisions.is_province(province) else province)
        self.province.addItem(label, province)
        self.province.setAccessibleName(QCoreApplication.translate("Supervision", "Province"))
        top.addWidget(self.province)
        self.refresh_button = QPushButton(QCoreApplication.translate("Supervision", "&Show"))
        self.refresh_button.setObjectName("refresh")
        self.refresh_button.setToolTip(
            QCoreApplication.translate("Supervision", "Compute the figures of the period (Ctrl+R)"))
        self.refresh_button.setShortcut("Ctrl+R")  # F5 is Sync now, everywhere
        self.refresh_button.clicked.connect(self.refresh)
        top.addWidget(self.refresh_button)
        outer.addLayout(top)

        body = QWidget()
        layout = QVBoxLayout(body)
        self.numbers = QGridLayout()
        self.number_labels: dict[str, QLabel] = {}
        names = [
            ("people_met", QCoreApplication.translate("Supervision", "People met")),
            ("taken_in_charge", QCoreApplication.translate("Supervision", "Taken in charge")),
            ("oriented", QCoreApplication.translate("Supervision", "Orientations accepted")),
            ("refused", QCoreApplication.translate("Supervision", "Orientations refused")),
            ("occupancy", QCoreApplication.translate("Supervision", "Shelter occupancy")),
            ("overdue_follow_ups",
             QCoreApplication.translate("Supervision", "Overdue follow-ups")),
            ("not_seen", QCoreApplication.translate("Supervision", "Not seen for 30 days")),
            ("encounters", QCoreApplication.translate("Supervision", "Encounters")),
            ("patrols", QCoreApplication.translate("Supervision", "Patrols")),
        ]
        self.number_names = dict(names)
        for i, (key, text) in enumerate(names):
            value = QLabel("–")
            value.setObjectName(f"figure_{key}")
            font = value.font()
            font.setPointSizeF(font.pointSizeF() * 2)
            font.setBold(True)
            value.setFont(font)
            caption = QLabel(text)
            caption.setWordWrap(True)
            self.numbers.addWidget(value, (i // 5) * 2, i % 5)
            self.numbers.addWidget(caption, (i // 5) * 2 + 1, i % 5)
            self.number_labels[key] = value
        layout.addLayout(self.numbers)
        charts = QHBoxLayout()
        self.services_chart = BarChart(
            QCoreApplication.translate("Supervision", "Services given by kind"))
        self.nights_chart = BarChart(
            QCoreApplication.translate("Supervision", "Encounters per night"))
        self.orientation_chart = BarChart(
            QCoreApplication.translate("Supervision", "Orientations accepted and refused"))
        for name, chart in (("services_chart", self.services_chart),
                            ("nights_chart", self.nights_chart),
                            ("orientation_chart", self.orientation_chart)):
            chart.setObjectName(name)
            charts.addWidget(chart)
        layout.addLayout(charts)
        layout.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        # figures first, then the supervisor's queues
        self.tabs = QTabWidget()
        self.tabs.setObjectName("supervision_tabs")
        self.tabs.addTab(scroll, QCoreApplication.translate("Supervision", "Figures"))
        self.duplicates = DuplicatesPanel(ctx)
        self.conflicts = ConflictsPanel(ctx)
        self.tabs.addTab(self.duplicates, QCoreApplication.translate("Supervision", "Duplicates"))
        self.tabs.addTab(self.conflicts, QCoreApplication.translate("Supervision", "Conflicts"))
        self.tabs.currentChanged.connect(self._tab_shown)
        outer.addWidget(self.tabs, 1)

        actions = QHBoxLayout()
        self.export_buttons: dict[str, QPushButton] = {}
        for list_name, text, tip, key in (
            ("persons", QCoreApplication.translate("Supervision", "Export persons…"),
             QCoreApplication.translate("Supervision", "Persons of the province to CSV or XLSX "
                                        "(Ctrl+Shift+P)"), "Ctrl+Shift+P"),
            ("encounters", QCoreApplication.translate("Supervision", "Export encounters…"),
             QCoreApplication.translate("Supervision", "Encounters of the period to CSV or XLSX "
                                        "(Ctrl+Shift+E)"), "Ctrl+Shift+E"),
            ("cases", QCoreApplication.translate("Supervision", "Export cases…"),
             QCoreApplication.translate("Supervision", "Cases opened in the period to CSV or "
                                        "XLSX (Ctrl+Shift+C)"), "Ctrl+Shift+C"),
        ):
            button = QPushButton(text)
            button.setObjectName(f"export_{list_name}")
            button.setToolTip(tip)
            button.setShortcut(key)
            button.clicked.connect(lambda _=False, n=list_name: self.ask_export(n))
            actions.addWidget(button)
            self.export_buttons[list_name] = button
        actions.addStretch()
        self.report_button = QPushButton(
            QCoreApplication.translate("Supervision", "Weekly report (PDF)…"))
        self.report_button.setObjectName("weekly_report")
        self.report_button.setToolTip(QCoreApplication.translate(
            "Supervision", "The period's figures and charts as a printable report (Ctrl+Shift+R)"))
        self.report_button.setShortcut("Ctrl+Shift+R")
        self.report_button.clicked.connect(self.ask_report)
        actions.addWidget(self.report_button)
        outer.addLayout(actions)
        self.status = QLabel()
        self.status.setObjectName("supervision_status")
        self.status.setWordWrap(True)
        outer.addWidget(self.status)

    def title(self) -> str:
        return QCoreApplication.translate("Supervision", "Supervision")

    def activated(self) -> None:
        self.refresh()
        self._tab_shown(self.tabs.currentIndex())

    def _tab_shown(self, index: int) -> None:
        # the duplicate search reads every person: only when its tab is looked at
        panel = self.tabs.widget(index)
        if panel is self.duplicates or panel is self.conflicts:
            panel.reload()

    def _date_edit(self, name: str, value: date) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        # left to right BEFORE the format: in a right-to-left application Qt otherwise lays
        # the sections out as day-month-year
        edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setDate(QDate(value.year, value.month, value.day))
        edit.setCalendarPopup(True)
        return edit

    def period(self) -> tuple[str, str, str]:
        return (str(self.province.currentData()), self.since.date().toString("yyyy-MM-dd"),
                self.until.date().toString("yyyy-MM-dd"))

    # --- figures ------------------------------------------------------------------------------

    def refresh(self) -> None:
        province, since, until = self.period()
        self.ctx.db.run(lambda store: period_figures(store, province, since, until),
                        on_done=self.show_figures, on_error=self.show_error)

    def show_figures(self, f: dict[str, Any]) -> None:
        self.figures = f
        capacity = sum(s["capacity"] for s in f["shelters"])
        occupancy = sum(s["occupancy"] for s in f["shelters"])
        for key, label in self.number_labels.items():
            if key == "occupancy":
                label.setText(f"\u2066{occupancy} / {capacity}\u2069")
            else:
                label.setText(str(f[key]))
        lang = self.ctx.lang
        service = vocabularies.vocabulary("service")
        self.services_chart.set_bars([(service.label(code, lang) if code in service else code,
                                       n, BAR) for code, n in f["services"].items()])
        self.nights_chart.set_bars([(night, n, BAR) for night, n in f["per_night"].items()])
        self.orientation_chart.set_bars([
            (QCoreApplication.translate("Supervision", "Accepted"), f["oriented"], ACCEPTED),
            (QCoreApplication.translate("Supervision", "Refused"), f["refused"], REFUSED)])

    def show_error(self, error: Exception) -> None:
        if isinstance(error, Cancelled):
            self.status.setProperty("role", "")
            self.status.setText(QCoreApplication.translate("Supervision", "Export cancelled."))
            return
        self.status.setProperty("role", "error")
        if isinstance(error, UserFacingError):
            self.status.setText(messages.error_text(error))
        elif isinstance(error, OSError):
            self.status.setText(QCoreApplication.translate(
                "Supervision", "The file could not be written. Choose another folder. ({0})")
                .format(error.strerror or error))
        else:
            raise error

    # --- exports ------------------------------------------------------------------------------

    def ask_export(self, list_name: str) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, QCoreApplication.translate("Supervision", "Export to"),
            f"{list_name}.xlsx",
            QCoreApplication.translate("Supervision", "Spreadsheet (*.xlsx);;CSV (*.csv)"))
        if not path:
            return
        choice = ExportChoice(self.title(), self)
        if choice.exec() == QDialog.DialogCode.Accepted:
            self.start_export(list_name, path, choice.pseudonymised.isChecked(),
                              codes=choice.codes.isChecked())

    def start_export(self, list_name: str, path: str, pseudonymised: bool,
                     codes: bool = False) -> Any:
        """Export on the database thread; a progress dialog appears after ~600 ms. Headers
        and values are labels in the user's language, or field names and codes (``codes``,
        for data teams)."""
        province, since, until = self.period()
        filters = {"province": province}
        if list_name != "persons":
            filters.update(since=since, until=until)
        writer = export.write_xlsx if path.lower().endswith(".xlsx") else export.write_csv
        language = None if codes else export_language(self.ctx.lang, list_name)

        def job(store: Any, progress: Any) -> tuple[int, str]:
            total = dashboard.export_count(store, list_name, filters) + 1
            rows = dashboard.export_rows(store, list_name, filters, pseudonymised, language)
            return writer(path, rows, progress, total) - 1, path

        dialog = QProgressDialog(
            QCoreApplication.translate("Supervision", "Exporting…"),
            QCoreApplication.translate("Supervision", "Cancel"), 0, 0, self)
        dialog.setObjectName("export_progress")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(600)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)
        self.progress_dialog = dialog
        for button in self.export_buttons.values():
            button.setEnabled(False)
        self.export_job = self.ctx.db.run_long(job, self._export_progressed,
                                               self._export_done, self._export_failed)
        dialog.canceled.connect(self.export_job.progress.cancel)
        return self.export_job

    def _export_progressed(self, done: int, total: int) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.setMaximum(total)
            self.progress_dialog.setValue(min(done, total))

    def _export_finished(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.canceled.disconnect()
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None
        self.export_job = None
        for button in self.export_buttons.values():
            button.setEnabled(True)

    def _export_done(self, result: tuple[int, str]) -> None:
        self._export_finished()
        rows, path = result
        self.status.setProperty("role", "")
        self.status.setText(QCoreApplication.translate(
            "Supervision", "%n row(s) exported to {path}.", "", rows).format(
                path=Path(path).name))

    def _export_failed(self, error: Exception) -> None:
        self._export_finished()
        self.show_error(error)

    # --- weekly report --------------------------------------------------------------------

    def ask_report(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, QCoreApplication.translate("Supervision", "Weekly report"),
            "report.pdf", "PDF (*.pdf)")
        if path:
            self.write_report(path)

    def write_report(self, path: str, on_written: Any = None) -> None:
        """Figures and HTML on the database thread, charts and PDF here."""
        province, since, until = self.period()
        lang = self.ctx.lang
        titles = dict(self.number_names)
        province_name = self.province.currentText()

        def job(store: Any) -> tuple[dict[str, Any], str]:
            f = period_figures(store, province, since, until)
            return f, report_html(f, lang, titles, province_name)

        def done(result: tuple[dict[str, Any], str]) -> None:
            f, text = result
            self.show_figures(f)
            print_report(path, text, lang, {
                "services": self.services_chart, "nights": self.nights_chart,
                "orientations": self.orientation_chart})
            self.status.setProperty("role", "")
            self.status.setText(QCoreApplication.translate(
                "Supervision", "Report written to {path}.").format(path=Path(path).name))
            if on_written is not None:
                on_written(path)

        self.ctx.db.run(job, on_done=done, on_error=self.show_error)


class ExportChoice(QDialog):
    """Before an export: the warning about personal data, and the file's two options."""

    def __init__(self, title: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        box = QVBoxLayout(self)
        warning = QLabel(QCoreApplication.translate(
            "Supervision", "This file contains personal data of vulnerable people. Keep it on "
            "an encrypted disk, do not e-mail it, delete it when done. A pseudonymised file "
            "keeps only ids, dates, codes and counts."))
        warning.setWordWrap(True)
        box.addWidget(warning)
        self.pseudonymised = QCheckBox(QCoreApplication.translate(
            "Supervision", "&Pseudonymised (no names, CIN, notes or places)"))
        self.pseudonymised.setObjectName("pseudonymised")
        box.addWidget(self.pseudonymised)
        self.codes = QCheckBox(QCoreApplication.translate(
            "Supervision", "Field names and &codes instead of labels (for data teams)"))
        self.codes.setObjectName("codes")
        box.addWidget(self.codes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)


def export_language(lang: str, list_name: str) -> dashboard.ExportLanguage:
    """Column headers and yes/no in the user's language (labels of choices come from the
    vocabularies in the store)."""
    headers = {c: messages.field_label(c) for c in dashboard.export_columns(list_name, False)}
    headers["id"] = QCoreApplication.translate("Supervision", "Identifier")
    return dashboard.ExportLanguage(lang, headers,
                                    QCoreApplication.translate("Supervision", "Yes"),
                                    QCoreApplication.translate("Supervision", "No"))


def _table(rows: list[tuple[str, Any]], head: tuple[str, str]) -> str:
    body = "".join(f"<tr><td>{html.escape(str(a))}</td><td class='n'>{b}</td></tr>"
                   for a, b in rows)
    return (f"<table cellspacing='0' cellpadding='4' border='1' width='100%'><tr>"
            f"<th>{html.escape(head[0])}</th><th>{html.escape(head[1])}</th></tr>{body}</table>")


def report_html(f: dict[str, Any], lang: str, titles: dict[str, str], province: str) -> str:
    """The weekly report as HTML in ``lang`` (right to left for Arabic). Pure: runs on the
    database thread; charts are images named ``chart://<name>`` added when printing."""
    voc = vocabularies.vocabulary
    direction = "rtl" if lang == "ar" else "ltr"
    align = "right" if lang == "ar" else "left"
    capacity = sum(s["capacity"] for s in f["shelters"])
    occupancy = sum(s["occupancy"] for s in f["shelters"])
    values = dict(f, occupancy=f"\u2066{occupancy} / {capacity}\u2069")
    numbers = "".join(
        f"<td align='center'><span class='big'>{html.escape(str(values[k]))}</span><br/>"
        f"{html.escape(t)}</td>" + ("</tr><tr>" if i % 3 == 2 else "")
        for i, (k, t) in enumerate(titles.items()))
    count = QCoreApplication.translate("Supervision", "Number")
    status = voc("case_status")
    group = voc("target_group")
    shelter_rows = [((s["name_ar"] if lang == "ar" else s["name_fr"]) or s["name_fr"] or "",
                     f"\u2066{s['occupancy']} / {s['capacity']}\u2069") for s in f["shelters"]]
    title = QCoreApplication.translate("Supervision", "Weekly vigilance report")
    period = QCoreApplication.translate("Supervision", "{province}, from {since} to {until}")
    period = period.format(province=html.escape(province), since=f"\u2066{f['since']}\u2069",
                           until=f"\u2066{f['until']}\u2069")
    parts = [
        f"<html dir='{direction}'><head><style>body {{ font-size: 10pt; }} "
        f"h1 {{ font-size: 16pt; }} h2 {{ font-size: 12pt; margin-top: 10px; }} "
        f".big {{ font-size: 18pt; font-weight: bold; }} th {{ background: #e8eef7; }} "
        f"td.n {{ text-align: center; }}</style></head>"
        f"<body dir='{direction}' align='{align}'>",
        f"<h1>{html.escape(title)}</h1><p>{period}</p>",
        f"<table width='100%' cellpadding='6'><tr>{numbers}</tr></table>",
        f"<h2>{html.escape(QCoreApplication.translate('Supervision', 'Charts'))}</h2>",
        "<p><img src='chart://services' width='330'/> <img src='chart://nights' width='330'/>"
        "</p><p><img src='chart://orientations' width='330'/></p>",
        f"<h2>{html.escape(QCoreApplication.translate('Supervision', 'Cases by status'))}</h2>",
        _table([(status.label(k, lang) if k in status else k, n)
                for k, n in f["cases_by_status"].items()],
               (QCoreApplication.translate("Supervision", "Status"), count)),
        f"<h2>{html.escape(QCoreApplication.translate('Supervision', 'Cases by target group'))}"
        "</h2>",
        _table([(group.label(k, lang) if k in group else k, n)
                for k, n in f["cases_by_group"].items()],
               (QCoreApplication.translate("Supervision", "Target group"), count)),
        f"<h2>{html.escape(QCoreApplication.translate('Supervision', 'Shelters'))}</h2>",
        _table(shelter_rows, (QCoreApplication.translate("Supervision", "Shelter"),
                              QCoreApplication.translate("Supervision", "Occupancy"))),
        "</body></html>",
    ]
    return "".join(parts)


def print_report(path: str, text: str, lang: str, charts: dict[str, BarChart]) -> None:
    """Lay the report out on A4 and write it as PDF (GUI thread: QTextDocument, charts)."""
    direction = (Qt.LayoutDirection.RightToLeft if lang == "ar"
                 else Qt.LayoutDirection.LeftToRight)
    writer = QPdfWriter(path)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    writer.setResolution(150)
    writer.setTitle(QCoreApplication.translate("Supervision", "Weekly vigilance report"))
    doc = QTextDocument()
    option = QTextOption()
    option.setTextDirection(direction)
    doc.setDefaultTextOption(option)
    font = QFont("Noto Naskh Arabic" if lang == "ar" else "DejaVu Sans")
    font.setPointSizeF(10)
    doc.setDefaultFont(font)
    for name, chart in charts.items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"chart://{name}"),
                        chart.to_image(direction))
    doc.setHtml(text)
    doc.print_(writer)
