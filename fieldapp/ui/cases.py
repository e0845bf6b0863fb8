"""Cases: the list of cases the centre accompanies (person, target group, status, opened on,
the next due action, overdue ones in red), a filter by status, opening a case for a person
(picked by typing a name) and, beside the list, the case page with its stages
(:mod:`fieldapp.ui.case_detail`).

Other screens open a case with ``ctx.events.case_opened.emit(case_id)`` (Today does, for a
follow-up): the screen shows it and asks its window to bring it forward.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp import messages
from fieldapp.domain import vocabularies
from fieldapp.store import queries
from fieldapp.store.search import search_persons
from fieldapp.ui.case_detail import CaseDetail
from fieldapp.ui.case_stages import typed
from fieldapp.ui.context import Context
from fieldapp.ui.forms import CodeEditor, DateEditor, Editor, Form, isolate, show_failure
from fieldapp.ui.person_text import age_text, display_name
from fieldapp.ui.screen import Screen, confirm_discard, empty_state, heading, join_list

Row = dict[str, Any]
OPEN_CASE_KEYS = "Ctrl+Shift+N"  # also in the tooltip and the empty state's words
TABLE_ROWS = 6  # rows of the case list always in view above the case
PICKER_LIMIT = 20


class PersonPicker(QWidget):
    """Who the case is for: type a name (either script, a nickname, a CIN), then ↓ and Enter
    (or Enter alone for the first match) pick a person. Searches run on the database worker
    after a short pause in typing; an answer to older typing is dropped."""

    picked = Signal()

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setObjectName("case_person_search")
        self.search.setPlaceholderText(QCoreApplication.translate(
            "Cases", "Type a name in Arabic or Latin letters, a nickname or a CIN"))
        self.results = QListWidget()
        self.results.setObjectName("case_person_results")
        self.results.setMaximumHeight(120)
        self.results.setAccessibleName(QCoreApplication.translate("Cases", "Matching persons"))
        self.chosen = QLabel()
        self.chosen.setObjectName("case_person_chosen")
        self.chosen.setWordWrap(True)
        self.chosen.hide()
        for w in (self.search, self.results, self.chosen):
            box.addWidget(w)
        self.setFocusProxy(self.search)
        self.person_id: str | None = None
        self._generation = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self._look)
        self.search.textEdited.connect(self._typed)
        self.search.returnPressed.connect(self._pick_current)
        self.results.itemActivated.connect(self._pick)
        down = QShortcut(QKeySequence(Qt.Key.Key_Down), self.search)
        down.setContext(Qt.ShortcutContext.WidgetShortcut)
        down.activated.connect(self._to_results)

    def _typed(self, _text: str) -> None:
        self.person_id = None  # typing again means choosing again
        self.chosen.hide()
        self._timer.start()

    def _look(self) -> None:
        self._generation += 1
        generation, text = self._generation, self.search.text()
        self.ctx.db.run(lambda store: search_persons(store, text, limit=PICKER_LIMIT),
                        on_done=lambda rows: self._show(generation, rows))

    def _show(self, generation: int, rows: list[Row]) -> None:
        if generation != self._generation:
            return  # the answer to older typing: a newer one is on its way
        self.results.clear()
        for p in rows:
            item = QListWidgetItem(person_text(p, self.ctx.lang))
            item.setData(Qt.ItemDataRole.UserRole, p)
            self.results.addItem(item)
        if rows:
            self.results.setCurrentRow(0)

    def _to_results(self) -> None:
        if self.results.count():
            self.results.setFocus()

    def _pick_current(self) -> None:
        item = self.results.currentItem() or self.results.item(0)
        if item is not None:
            self._pick(item)

    def _pick(self, item: QListWidgetItem) -> None:
        self.show_person(item.data(Qt.ItemDataRole.UserRole))
        self.picked.emit()

    def show_person(self, person: Row | None) -> None:
        self.person_id = person["id"] if person else None
        self.chosen.setText(QCoreApplication.translate("Cases", "For: %1").replace(
            "%1", person_text(person, self.ctx.lang)) if person else "")
        self.chosen.setVisible(person is not None)


def person_text(p: Row, lang: str) -> str:
    return join_list((display_name(p, lang), age_text(p)))


class PersonPickerEditor(Editor):
    """The picker as the form's ``person_id`` field."""

    def __init__(self, ctx: Context) -> None:
        self.picker = PersonPicker(ctx)
        super().__init__(self.picker)

    def value(self) -> Any:
        return self.picker.person_id

    def set_value(self, value: Any) -> None:
        self.picker.person_id = value or None
        if not value:
            self.picker.search.clear()
            self.picker.results.clear()
            self.picker.chosen.hide()


class NewCasePanel(QWidget):
    """Open a case: the person, the target group, the day; Ctrl+S or Enter opens it, Esc
    cancels."""

    opened = Signal(str)
    cancelled = Signal()

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("new_case")
        layout = QVBoxLayout(self)
        layout.addWidget(heading(QCoreApplication.translate("Cases", "Open a case")))
        self.form = Form()
        person = PersonPickerEditor(ctx)
        self.picker = person.picker
        self.form.add("person_id", person)
        self.form.add("target_group", CodeEditor("target_group"))
        self.form.add("opened_on", DateEditor(today=True))
        layout.addWidget(self.form)
        self.problem = QLabel()
        self.problem.setObjectName("new_case_problem")
        self.problem.setProperty("role", "error")
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QHBoxLayout()
        buttons.addStretch()
        self.cancel_button = QPushButton(QCoreApplication.translate("Cases", "Cancel"))
        self.cancel_button.setObjectName("cancel_new_case")
        self.cancel_button.setToolTip(QCoreApplication.translate("Cases", "Cancel (Esc)"))
        self.cancel_button.clicked.connect(self.cancel)
        self.save_button = QPushButton(QCoreApplication.translate("Cases", "Open the case"))
        self.save_button.setObjectName("save_case")
        self.save_button.setToolTip(QCoreApplication.translate("Cases", "Open the case (Ctrl+S)"))
        self.save_button.setShortcut(QKeySequence("Ctrl+S"))
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        layout.addStretch()
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut).activated.connect(
                      self.cancel)
        self.form.editors["opened_on"].widget.returnPressed.connect(self.save)  # type: ignore[attr-defined]
        self.picker.picked.connect(self.form.editors["target_group"].widget.setFocus)

    def start(self) -> None:
        self.form.set_values({name: None for name in self.form.editors})
        self.form.clear_errors()
        self.problem.hide()
        self.picker.search.setFocus()

    def has_content(self) -> bool:
        return bool(self.picker.search.text()) or typed(self.form)

    def draft(self) -> dict[str, Any]:
        return {**self.form.values(), "person_search": self.picker.search.text()}

    def restore(self, values: dict[str, Any]) -> None:
        values = dict(values)
        self.picker.search.setText(values.pop("person_search", "") or "")
        self.form.set_values(values)
        person_id = values.get("person_id")
        if person_id:
            self.ctx.db.run(lambda store: store.persons.get(person_id),
                            on_done=self.picker.show_person)

    def cancel(self) -> None:
        if self.has_content() and not confirm_discard(
                self, QCoreApplication.translate("Cases", "Leave without opening the case?"),
                QCoreApplication.translate("Cases", "What you typed will be lost.")):
            return
        self.cancelled.emit()

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        values = {**self.form.values(), "status": "open"}
        self.save_button.setEnabled(False)
        self.ctx.db.run(lambda store: store.cases.create(values),
                        on_done=self._done, on_error=self._failed)

    def _done(self, case: Row) -> None:
        self.save_button.setEnabled(True)
        self.ctx.events.records_changed.emit("case")
        self.opened.emit(case["id"])

    def _failed(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        show_failure(self.form, self.problem, error)


class CasesScreen(Screen):
    """The cases list beside the case page (or the form to open one)."""

    needs = ("write:case",)  # centre staff and above

    COLUMNS = ("person", "target_group", "status", "opened_on", "next_due")

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(self.title()))
        top.addStretch()
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("case_status_filter")
        self.status_filter.setAccessibleName(QCoreApplication.translate("Cases",
                                                                        "Show cases"))
        self.status_filter.addItem(QCoreApplication.translate("Cases", "All cases"), None)
        for term in vocabularies.vocabulary("case_status"):
            self.status_filter.addItem(term.label(ctx.lang), term.code)
        top.addWidget(self.status_filter)
        self.count = QLabel()
        self.count.setObjectName("case_count")
        top.addWidget(self.count)
        self.open_button = QPushButton(QCoreApplication.translate("Cases", "Open a case"))
        self.open_button.setObjectName("open_case")
        self.open_button.setToolTip(
            QCoreApplication.translate("Cases", "Open a case for a person (Ctrl+Shift+N)"))
        self.open_button.setShortcut(QKeySequence(OPEN_CASE_KEYS))
        self.open_button.clicked.connect(self.new_case)
        top.addWidget(self.open_button)
        layout.addLayout(top)
        self.empty = empty_state(QCoreApplication.translate(
            "Cases", "No case yet. A case follows one person through listening, assessment, "
            "an accompaniment plan, mediation, referrals and follow-ups. "
            "Open a case for a person with Ctrl+Shift+N."))
        self.empty.setObjectName("cases_empty")
        layout.addWidget(self.empty)
        # the list above the case: its five columns stay readable at 1366×768
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("case_list")
        self.table.setAccessibleName(self.title())
        self.table.setHorizontalHeaderLabels([
            QCoreApplication.translate("Cases", "Person"),
            messages.field_label("target_group"),
            messages.field_label("status"),
            messages.field_label("opened_on"),
            QCoreApplication.translate("Cases", "Next due"),
        ])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setAlternatingRowColors(True)
        self.detail = CaseDetail(ctx)
        self.new_panel = NewCasePanel(ctx)
        self.hint = empty_state(QCoreApplication.translate(
            "Cases", "Choose a case in the list to see its stages."))
        self.pages = QStackedWidget()
        for page in (self.hint, self.detail, self.new_panel):
            self.pages.addWidget(page)
        splitter.addWidget(self.table)
        splitter.addWidget(self.pages)
        # the list keeps six rows or more in view; the case page below takes the rest
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        row_height = self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height()
                                    + TABLE_ROWS * row_height + 2 * self.table.frameWidth())
        layout.addWidget(splitter, 1)
        self.status_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.table.currentCellChanged.connect(self._row_chosen)
        self.new_panel.opened.connect(self.open_case)
        self.new_panel.cancelled.connect(self._back_from_new)
        ctx.events.case_opened.connect(self.show_case_from_elsewhere)
        ctx.events.records_changed.connect(self._records_changed)
        self._loaded_once = False
        self._generation = 0
        self._rows: list[Row] = []

    def title(self) -> str:
        return QCoreApplication.translate("Cases", "Cases")

    def activated(self) -> None:
        if not self._loaded_once:
            self._loaded_once = True
            self.reload()

    # the list -------------------------------------------------------------------------------

    def reload(self) -> None:
        self._generation += 1
        generation, status = self._generation, self.status_filter.currentData()
        self.ctx.db.run(lambda store: (queries.cases(store, status), queries.case_count(store)),
                        on_done=lambda res: self._fill(generation, *res))

    def _records_changed(self, kind: str) -> None:
        if kind in ("case", "case_event", "person") and self._loaded_once:
            self.reload()

    def _fill(self, generation: int, rows: list[Row], total: int) -> None:
        if generation != self._generation:
            return
        self._rows = rows
        lang, today = self.ctx.lang, date.today().isoformat()
        voc = vocabularies.vocabulary
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        current_row = -1
        for i, r in enumerate(rows):
            overdue = bool(r.get("next_due")) and r["next_due"] < today
            due = r.get("next_due") or ""
            if overdue:
                due = QCoreApplication.translate("Cases", "%1 (overdue)").replace(
                    "%1", isolate(due))
            texts = (display_name(r, lang), voc("target_group").label(r["target_group"], lang),
                     voc("case_status").label(r["status"], lang), r["opened_on"], due)
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r["id"])
                if overdue and column == len(texts) - 1:
                    item.setForeground(Qt.GlobalColor.darkRed)
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(i, column, item)
            if r["id"] == self.detail.case_id:
                current_row = i
        if current_row >= 0:
            self.table.setCurrentCell(current_row, 0)
        else:
            self.table.clearSelection()
        self.table.blockSignals(False)
        self.count.setText(QCoreApplication.translate("Cases", "%n case(s)", "", len(rows)))
        self.empty.setVisible(not total)
        self.table.setVisible(bool(total))

    def case_ids(self) -> list[str]:
        return [r["id"] for r in self._rows]

    def _row_chosen(self, row: int, _col: int, _prev_row: int, _prev_col: int) -> None:
        if 0 <= row < len(self._rows):
            self.open_case(self._rows[row]["id"])

    # the page beside it -----------------------------------------------------------------------

    def open_case(self, case_id: str) -> None:
        self.pages.setCurrentWidget(self.detail)
        self.detail.show_case(case_id)
        if not self._loaded_once:
            self.activated()

    def show_case_from_elsewhere(self, case_id: str) -> None:
        """Another screen asked for this case: show it and come forward."""
        self.open_case(case_id)
        if self.detail.case_id in self.case_ids():
            self.table.blockSignals(True)
            self.table.setCurrentCell(self.case_ids().index(case_id), 0)
            self.table.blockSignals(False)
        window = self.window()
        go_to = getattr(window, "go_to", None)
        if go_to is not None and getattr(window, "current_screen", lambda: self)() is not self:
            go_to(type(self))
        self.detail.tabs.setFocus()

    def new_case(self) -> None:
        self.pages.setCurrentWidget(self.new_panel)
        self.new_panel.start()

    def _back_from_new(self) -> None:
        self.pages.setCurrentWidget(self.detail if self.detail.case_id else self.hint)

    # drafts -----------------------------------------------------------------------------------

    def drafts(self) -> dict[str, dict[str, Any]]:
        out = self.detail.drafts()
        if self.pages.currentWidget() is self.new_panel and self.new_panel.has_content():
            out["case:new"] = self.new_panel.draft()
        return out

    def restore_drafts(self, drafts: dict[str, dict[str, Any]]) -> None:
        if self.detail.restore_drafts(drafts):
            self.pages.setCurrentWidget(self.detail)
        if "case:new" in drafts:
            self.new_case()
            self.new_panel.restore(drafts["case:new"])
