"""Supervision: the vigilance view of a province over a period, its exports and weekly report.

The figures come from :func:`fieldapp.store.dashboard.figures` (SQL on the database thread);
this screen only shows them: the week's figures first as big numbers, then bar charts
(:mod:`fieldapp.ui.supervision_report`), as many side by side as the width takes. Exports
run as long database jobs (progress after ~600 ms, cancellable, no half file left behind).
The weekly report is HTML built on the database thread and printed to an A4 PDF here
(:mod:`fieldapp.ui.supervision_report`). The period's dates are typed as text and kept as
typed: a date that is not one, or an end before the start, is said under the period and
nothing is computed or written for it.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp import messages
from fieldapp.domain import divisions, vocabularies
from fieldapp.domain.fields import FieldError
from fieldapp.errors import UserFacingError
from fieldapp.store import dashboard, export
from fieldapp.ui.context import Context
from fieldapp.ui.forms import DateEditor, date_error
from fieldapp.ui.screen import Screen, heading
from fieldapp.ui.supervision_duplicates import DuplicatesPanel
from fieldapp.ui.supervision_queues import ConflictsPanel
from fieldapp.ui.supervision_report import (
    ACCEPTED,
    BAR,
    REFUSED,
    BarChart,
    night_label,
    places_taken,
    print_report,
    report_html,
)
from fieldapp.ui.tasks import Cancelled


class FlowGrid(QWidget):
    """Widgets in rows of equal columns, as many columns (up to ``max_columns``) as the width
    takes: never wider than its widest widget, so the page never needs a horizontal
    scrollbar, whatever the language, the text size or the window. The columns follow the
    layout direction (the first widget on the right in Arabic)."""

    def __init__(self, max_columns: int) -> None:
        super().__init__()
        self.max_columns = max_columns
        self.items: list[QWidget] = []
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.columns = 0

    def add(self, widget: QWidget) -> None:
        self.items.append(widget)
        self.relayout()

    def cell_width(self) -> int:
        return max((w.minimumSizeHint().expandedTo(w.minimumSize()).width()
                    for w in self.items), default=0)

    def columns_for(self, width: int) -> int:
        spacing = max(0, self.grid.horizontalSpacing())
        fits = (width + spacing) // max(1, self.cell_width() + spacing)
        return max(1, min(self.max_columns, len(self.items), fits))

    def relayout(self, width: int | None = None) -> None:
        self.updateGeometry()  # the widest widget may have changed
        columns = self.columns_for(self.width() if width is None else width)
        if columns == self.columns and self.grid.count() == len(self.items):
            return
        self.columns = columns
        for widget in self.items:
            self.grid.removeWidget(widget)
        for i, widget in enumerate(self.items):
            self.grid.addWidget(widget, i // columns, i % columns)
        for column in range(self.max_columns):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        margins = self.grid.contentsMargins()
        return QSize(self.cell_width() + margins.left() + margins.right(), hint.height())

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.relayout(event.size().width())


def figure_card(key: str, caption: str) -> tuple[QFrame, QLabel]:
    """One figure: the number above its caption, both centred, in a card."""
    card = QFrame()
    card.setObjectName("figure_card")
    box = QVBoxLayout(card)
    value = QLabel("–")
    value.setObjectName(f"figure_{key}")
    value.setProperty("role", "figure")
    value.setAlignment(Qt.AlignmentFlag.AlignCenter)
    text = QLabel(caption)
    text.setObjectName(f"caption_{key}")
    text.setWordWrap(True)
    text.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
    box.addWidget(value)
    box.addWidget(text, 1)
    return card, value


def period_figures(store: Any, province: str, since: str, until: str) -> dict[str, Any]:
    return dashboard.figures(store, province, since, until)


class SupervisionScreen(Screen):
    """The week's figures of the province, charts, exports and the weekly report."""

    # a committee member sees the figures only (no queues, exports or report)
    needs = ("supervision", "figures")

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.figures: dict[str, Any] | None = None
        self.export_job: Any = None
        self.progress_dialog: QProgressDialog | None = None
        outer = QVBoxLayout(self)
        # the period's error goes on a line of its own under the period, ending where the
        # row ends (on the left in Arabic), as wide as the row beside the heading
        top = QGridLayout()
        top.addWidget(heading(self.title()), 0, 0)
        top.setColumnStretch(1, 1)
        self.period_names = {
            "since": QCoreApplication.translate("Supervision", "Start of the period"),
            "until": QCoreApplication.translate("Supervision", "End of the period")}
        self.dates = {"since": self._date_edit("since", date.today() - timedelta(days=6)),
                      "until": self._date_edit("until", date.today())}
        self.since = self.dates["since"].widget
        self.until = self.dates["until"].widget
        top.addWidget(QLabel(QCoreApplication.translate("Supervision", "From")), 0, 2)
        top.addWidget(self.since, 0, 3)
        top.addWidget(QLabel(QCoreApplication.translate("Supervision", "until")), 0, 4)
        top.addWidget(self.until, 0, 5)
        self.period_error = QLabel()
        self.period_error.setObjectName("period_error")
        self.period_error.setProperty("role", "error")
        self.period_error.setWordWrap(True)
        self.period_error.hide()
        self.period_error.setAlignment(Qt.AlignmentFlag.AlignTrailing
                                       | Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.period_error, 1, 1, 1, 7)
        self.province = QComboBox()
        self.province.setObjectName("province")
        province = ctx.profile.province
        label = (divisions.province(province).label(ctx.lang)
                 if divisions.is_province(province) else province)
        self.province.addItem(label, province)
        self.province.setAccessibleName(QCoreApplication.translate("Supervision", "Province"))
        top.addWidget(self.province, 0, 6)
        self.refresh_button = QPushButton(QCoreApplication.translate("Supervision", "&Show"))
        self.refresh_button.setObjectName("refresh")
        self.refresh_button.setToolTip(
            QCoreApplication.translate("Supervision", "Compute the figures of the period (Ctrl+R)"))
        self.refresh_button.setShortcut("Ctrl+R")  # F5 is Sync now, everywhere
        self.refresh_button.clicked.connect(self.refresh)
        top.addWidget(self.refresh_button, 0, 7)
        outer.addLayout(top)

        body = QWidget()
        body.setObjectName("figures_page")
        layout = QVBoxLayout(body)
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
        # as many figures side by side as the width takes, each number above its caption
        self.numbers = FlowGrid(max_columns=5)
        self.numbers.setObjectName("figures")
        for key, text in names:
            card, value = figure_card(key, text)
            self.numbers.add(card)
            self.number_labels[key] = value
        layout.addWidget(self.numbers)
        self.services_chart = BarChart(
            QCoreApplication.translate("Supervision", "Services given by kind"))
        self.nights_chart = BarChart(
            QCoreApplication.translate("Supervision", "Encounters per night"))
        self.orientation_chart = BarChart(
            QCoreApplication.translate("Supervision", "Orientations accepted and refused"))
        self.charts = FlowGrid(max_columns=3)
        self.charts.setObjectName("charts")
        for name, chart in (("services_chart", self.services_chart),
                            ("nights_chart", self.nights_chart),
                            ("orientation_chart", self.orientation_chart)):
            chart.setObjectName(name)
            self.charts.add(chart)
        layout.addWidget(self.charts)
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
        # a committee member sees the figures only; a supervisor the queues too
        self.tabs.setTabVisible(1, ctx.allowed("merge"))
        self.tabs.setTabVisible(2, ctx.allowed("resolve_conflict"))
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
            button.setVisible(ctx.allowed("export"))  # hidden, its shortcut does nothing
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
        self.report_button.setVisible(ctx.allowed("report"))
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

    def _date_edit(self, name: str, value: date) -> DateEditor:
        """A date of the period, typed as year-month-day (↑/↓ a day later/earlier) and kept
        as typed: a wrong date or a reversed period is refused under the period, never
        corrected or swapped. Enter shows the figures."""
        editor = DateEditor(allow_empty=False)
        editor.set_value(value.isoformat())
        edit: QLineEdit = editor.widget  # type: ignore[assignment]
        edit.setObjectName(name)
        edit.setAccessibleName(self.period_names[name])
        # its own width (which follows the text size), not stretched over the row
        edit.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        edit.returnPressed.connect(self.refresh)
        edit.textChanged.connect(self._period_edited)
        return editor

    def period(self) -> tuple[str, str, str]:
        """Province, start and end as typed (see :meth:`checked_period`)."""
        return (str(self.province.currentData()), self.dates["since"].value() or "",
                self.dates["until"].value() or "")

    def period_errors(self) -> list[FieldError]:
        """What is wrong with the period: each date on its own, then an end before the
        start."""
        _province, since, until = self.period()
        errors = [e for e in (date_error("since", since), date_error("until", until)) if e]
        if not errors and until < since:
            errors.append(FieldError("until", "before_start"))
        return errors

    def checked_period(self) -> tuple[str, str, str] | None:
        """The period when it is right; else None, its error under the period and the
        focus on the wrong date (nothing typed is changed)."""
        errors = self.period_errors()
        self._show_period_errors(errors)
        if errors:
            self.dates[errors[0].field].widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        return self.period()

    def _show_period_errors(self, errors: list[FieldError]) -> None:
        if not errors:
            self.period_error.clear()
            self.period_error.hide()
            return
        texts = {
            "since": QCoreApplication.translate(
                "Supervision", "Enter the start of the period as year-month-day, "
                "e.g. 2026-03-21."),
            "until": QCoreApplication.translate(
                "Supervision", "Enter the end of the period as year-month-day, "
                "e.g. 2026-03-21."),
            "before_start": QCoreApplication.translate(
                "Supervision", "The end of the period is before its start."),
        }
        self.period_error.setText("\n".join(
            texts["before_start" if e.code == "before_start" else e.field] for e in errors))
        self.period_error.show()

    def _period_edited(self) -> None:
        if not self.period_error.isHidden():  # the error follows the correction
            self._show_period_errors(self.period_errors())

    # --- figures ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """The figures of the period; a wrong period is said, and nothing is computed."""
        period = self.checked_period()
        if period is None:
            return
        province, since, until = period
        self.ctx.db.run(lambda store: period_figures(store, province, since, until),
                        on_done=self.show_figures, on_error=self.show_error)

    def show_figures(self, f: dict[str, Any]) -> None:
        self.figures = f
        capacity = sum(s["capacity"] for s in f["shelters"])
        occupancy = sum(s["occupancy"] for s in f["shelters"])
        for key, label in self.number_labels.items():
            label.setText(places_taken(occupancy, capacity) if key == "occupancy"
                          else str(f[key]))
        self.numbers.relayout()
        lang = self.ctx.lang
        service = vocabularies.vocabulary("service")
        self.services_chart.set_bars([(service.label(code, lang) if code in service else code,
                                       n, BAR) for code, n in f["services"].items()])
        self.nights_chart.set_bars([(night_label(night), n, BAR)
                                    for night, n in f["per_night"].items()])
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
        if list_name != "persons" and self.checked_period() is None:
            return
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
        for data teams). None, and nothing written, when the period of the list is wrong."""
        province = str(self.province.currentData())
        filters = {"province": province}
        if list_name != "persons":
            period = self.checked_period()
            if period is None:
                return None
            _province, since, until = period
            filters.update(since=since, until=until)
        language = None if codes else export_language(self.ctx.lang, list_name)
        right_to_left = language is not None and self.ctx.lang == "ar"

        def job(store: Any, progress: Any) -> tuple[int, str]:
            total = dashboard.export_count(store, list_name, filters) + 1
            rows = dashboard.export_rows(store, list_name, filters, pseudonymised, language)
            if path.lower().endswith(".xlsx"):  # an Arabic sheet reads from the right
                written = export.write_xlsx(path, rows, progress, total,
                                            right_to_left=right_to_left)
            else:
                written = export.write_csv(path, rows, progress, total)
            return written - 1, path

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
        if self.checked_period() is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, QCoreApplication.translate("Supervision", "Weekly report"),
            "report.pdf", "PDF (*.pdf)")
        if path:
            self.write_report(path)

    def write_report(self, path: str, on_written: Any = None) -> None:
        """Figures and HTML on the database thread, charts and PDF here; nothing when the
        period is wrong."""
        period = self.checked_period()
        if period is None:
            return
        province, since, until = period
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
        # the buttons say what they do, in the app's words (Qt's own Arabic says «احفظ» «ألغِ»)
        buttons = QDialogButtonBox()
        export_button = buttons.addButton(QCoreApplication.translate("Supervision", "Export"),
                                          QDialogButtonBox.ButtonRole.AcceptRole)
        export_button.setObjectName("export_confirm")
        export_button.setDefault(True)
        buttons.addButton(QCoreApplication.translate("Supervision", "Cancel"),
                          QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)


def export_language(lang: str, list_name: str) -> dashboard.ExportLanguage:
    """Column headers and yes/no in the user's language (labels of choices come from the
    vocabularies in the store)."""
    headers = {c: messages.field_label(c) for c in dashboard.export_columns(list_name, False)}
    headers["id"] = QCoreApplication.translate("Supervision", "Identifier")
    headers["created_by"] = QCoreApplication.translate("Supervision", "Recorded by")
    headers["updated_by"] = QCoreApplication.translate("Supervision", "Last changed by")
    return dashboard.ExportLanguage(lang, headers,
                                    QCoreApplication.translate("Supervision", "Yes"),
                                    QCoreApplication.translate("Supervision", "No"))
