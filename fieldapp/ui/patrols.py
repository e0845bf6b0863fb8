"""Patrols: the list of patrols, starting one, recording its encounters, ending it with a
summary (people met, anonymous, services by kind, oriented, refused)."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fieldapp import messages
from fieldapp.domain import vocabularies
from fieldapp.errors import UserFacingError
from fieldapp.store import queries
from fieldapp.store.repository import Store, ValidationError
from fieldapp.ui.context import Context
from fieldapp.ui.encounter_form import EncounterForm
from fieldapp.ui.forms import (
    DateEditor,
    DateTimeEditor,
    Form,
    TextEditor,
    every_error,
    in_reading_order,
    isolate,
    isolate_ltr,
)
from fieldapp.ui.person_text import display_name
from fieldapp.ui.screen import Screen, empty_state, heading, join_list, long_date

Row = dict[str, Any]
# The store's setting that remembers, per vault, the patrol the user was in (after a lock or a
# restart the Patrols screen comes back to it, not to another open patrol of the team).
PATROL_IN_USE = "patrol_in_use"


def now_text() -> str:
    """Local time to the minute, as the datetime fields store it."""
    return QDateTime.currentDateTime().toString("yyyy-MM-ddTHH:mm")


def in_progress(patrol: Row | None) -> bool:
    return bool(patrol and patrol.get("started_at") and not patrol.get("ended_at"))


def _same_team(a: str | None, b: str | None) -> bool:
    return " ".join((a or "").split()).casefold() == " ".join((b or "").split()).casefold()


def ask_second_patrol(parent: QWidget, patrol: Row) -> str:
    """A patrol of the same team is already open on that day: "open" it, "start" a second
    one anyway, or go "back" to the form (Esc)."""
    box = QMessageBox(parent)
    box.setObjectName("second_patrol_question")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate(
        "Patrols", "Another patrol of this team is open"))
    details = [isolate(patrol.get("area")), QCoreApplication.translate(
        "Patrols", "started at %1").replace(
        "%1", isolate_ltr((patrol.get("started_at") or "")[11:16]))]
    box.setText(QCoreApplication.translate(
        "Patrols", "%1 already has a patrol in progress on %2 (%3).")
        .replace("%1", isolate(patrol.get("team"))).replace("%2", long_date(patrol["date"]))
        .replace("%3", join_list(details)))
    box.setInformativeText(QCoreApplication.translate(
        "Patrols", "Encounters are saved into the patrol you open. Go to the patrol in "
        "progress, or start a second one for the same team?"))
    choices = {}
    for key, text, role in (
            ("open", QCoreApplication.translate("Patrols", "Go to the patrol in progress"),
             QMessageBox.ButtonRole.AcceptRole),
            ("start", QCoreApplication.translate("Patrols", "Start a second patrol"),
             QMessageBox.ButtonRole.DestructiveRole),
            ("back", QCoreApplication.translate("Patrols", "Back to the form"),
             QMessageBox.ButtonRole.RejectRole)):
        button = box.addButton(text, role)
        button.setObjectName(f"second_patrol_{key}")
        choices[key] = button
    box.setDefaultButton(choices["open"])
    box.setEscapeButton(choices["back"])
    box.exec()
    clicked = box.clickedButton()
    return next((key for key, button in choices.items() if button is clicked), "back")


class MembersEditor(TextEditor):
    """Team members typed as names separated by commas (Latin or Arabic commas)."""

    def value(self) -> Any:
        text = super().value() or ""
        return [name.strip() for name in re.split("[,،]", text) if name.strip()]

    def set_value(self, value: Any) -> None:
        super().set_value(", ".join(value) if isinstance(value, list) else value)


class PatrolStartForm(QWidget):
    """Date, team, members, commune, area, start time; Enter starts, Esc cancels."""

    started = Signal(dict)
    cancelled = Signal()
    open_requested = Signal(str)  # go to this patrol in progress instead of starting one

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("patrol_start_form")
        layout = QVBoxLayout(self)
        layout.addWidget(heading(QCoreApplication.translate("Patrols", "Start a patrol")))
        self.form = Form(columns=2, kind="patrol")
        self.form.add("date", DateEditor(allow_empty=False))
        self.form.add("team", TextEditor(80))
        self.form.add("members", MembersEditor(400, placeholder=QCoreApplication.translate(
            "Patrols", "Names separated by commas")))
        self.form.add("commune", TextEditor(80))
        self.form.add("area", TextEditor(120))
        self.form.add("started_at", DateTimeEditor())
        layout.addWidget(self.form)
        self.problem = QLabel()
        self.problem.setObjectName("patrol_start_problem")
        self.problem.setProperty("role", "error")
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QHBoxLayout()
        buttons.addStretch()
        self.cancel_button = QPushButton(QCoreApplication.translate("Patrols", "Cancel"))
        self.cancel_button.setObjectName("cancel_patrol_start")
        self.cancel_button.setToolTip(QCoreApplication.translate("Patrols", "Cancel (Esc)"))
        self.start_button = QPushButton(QCoreApplication.translate("Patrols", "Start"))
        self.start_button.setObjectName("confirm_patrol_start")
        self.start_button.setToolTip(QCoreApplication.translate("Patrols", "Start (Enter)"))
        self.start_button.setDefault(True)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.start_button)
        layout.addLayout(buttons)
        layout.addStretch()
        self.cancel_button.clicked.connect(self.cancelled)
        self.start_button.clicked.connect(self.save)
        for editor in self.form.editors.values():
            if isinstance(editor.widget, QLineEdit):
                editor.widget.returnPressed.connect(self.save)
        for key, slot in (("Esc", self.cancelled.emit), ("Ctrl+S", self.save)):
            QShortcut(QKeySequence(key), self).activated.connect(slot)

    def start(self) -> None:
        self.form.set_values({name: None for name in self.form.editors})
        self.form.set_values({"date": QDateTime.currentDateTime().toString("yyyy-MM-dd"),
                              "team": self.ctx.profile.team})
        self.form.clear_errors()
        self.problem.hide()
        self.form.editors["members"].widget.setFocus()

    def save(self, second: bool = False) -> None:
        """Start the patrol; first ask if the team has one in progress that day already
        (``second``: the user said to start another one anyway)."""
        if self.isHidden():
            return
        values = self.form.values()

        def create(store: Store) -> tuple[str, Row]:
            errors = every_error("patrol", values, store.profile.province)
            if errors:
                raise ValidationError(errors)
            if not second:
                for patrol in queries.patrols_in_progress(store):
                    if patrol["date"] == values["date"] and \
                            _same_team(patrol.get("team"), values["team"]):
                        return "already_open", patrol
            return "started", store.patrols.create(values)

        self.start_button.setEnabled(False)
        self.ctx.db.run(create, on_done=self._answered, on_error=self._failed)

    def _answered(self, answer: tuple[str, Row]) -> None:
        outcome, patrol = answer
        if outcome == "started":
            self._done(patrol)
            return
        self.start_button.setEnabled(True)
        choice = ask_second_patrol(self, patrol)
        if choice == "start":
            self.save(second=True)
        elif choice == "open":
            self.open_requested.emit(patrol["id"])
        else:
            self.form.editors["members"].widget.setFocus()

    def _done(self, patrol: Row) -> None:
        self.start_button.setEnabled(True)
        self.ctx.events.records_changed.emit("patrol")
        self.started.emit(patrol)

    def _failed(self, error: Exception) -> None:
        self.start_button.setEnabled(True)
        if isinstance(error, ValidationError):
            self.form.show_errors(error.errors)
        elif isinstance(error, UserFacingError):
            self.problem.setText(messages.error_text(error))
            self.problem.show()
        else:
            self.ctx.events.error_reported.emit(error)


def summary_text(summary: Row, lang: str) -> str:
    """The patrol's figures, one per line; services with their vocabulary labels."""
    services = vocabularies.vocabulary("service")
    people = summary["persons"] + summary["anonymous"]
    lines = [  # the number of encounters is the count above the summary
        QCoreApplication.translate("Patrols", "People met: %1 (anonymous: %2)")
        .replace("%1", isolate(str(people))).replace("%2", isolate(str(summary["anonymous"]))),
        QCoreApplication.translate("Patrols", "Oriented: %1 · refused: %2")
        .replace("%1", isolate(str(summary["oriented"])))
        .replace("%2", isolate(str(summary["refused"]))),
    ]
    if summary["services"]:
        given = join_list(f"{services.label(code, lang)} {isolate(f'× {count}')}"
                          for code, count in summary["services"].items())
        lines.append(QCoreApplication.translate("Patrols", "Services: %1").replace("%1", given))
    return "\n".join(lines)


class PatrolsScreen(Screen):
    needs = ("write:patrol",)

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.patrols: list[Row] = []
        self.current: Row | None = None
        self.summary: Row | None = None
        self._loaded_once = False
        self._select_id: str | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(self.title()))
        top.addStretch()
        self.start_button = QPushButton(QCoreApplication.translate("Patrols", "Start a patrol"))
        self.start_button.setObjectName("start_patrol")
        self.start_button.setToolTip(
            QCoreApplication.translate("Patrols", "Start a patrol (Ctrl+P)"))
        top.addWidget(self.start_button)
        layout.addLayout(top)
        splitter = QSplitter()
        self.patrol_list = QListWidget()
        self.patrol_list.setObjectName("patrol_list")
        self.patrol_list.setAccessibleName(self.title())
        self.patrol_list.setMinimumWidth(220)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.empty = empty_state(QCoreApplication.translate(
            "Patrols", "No patrol yet — Start a patrol (Ctrl+P)"))
        self.empty.setObjectName("patrols_empty")
        self.start_form = PatrolStartForm(ctx)
        self.detail = self._build_detail()
        right_layout.addWidget(self.empty, 0, Qt.AlignmentFlag.AlignTop)
        right_layout.addWidget(self.start_form)
        right_layout.addWidget(self.detail)
        for w in (self.empty, self.start_form, self.detail):
            w.hide()
        splitter.addWidget(self.patrol_list)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 900])
        layout.addWidget(splitter, 1)
        for key, slot in (("Ctrl+P", self.start_patrol), ("Ctrl+N", self.new_encounter),
                          ("Ctrl+Shift+E", self.end_patrol)):
            QShortcut(QKeySequence(key), self).activated.connect(slot)
        self.start_button.clicked.connect(self.start_patrol)
        self.start_form.started.connect(self._started)
        self.start_form.cancelled.connect(self._start_cancelled)
        self.start_form.open_requested.connect(self._open_instead)
        self.patrol_list.currentRowChanged.connect(self._row_chosen)
        self.form.closed.connect(self._form_closed)
        ctx.events.records_changed.connect(self._records_changed)

    def _build_detail(self) -> QWidget:
        detail = QWidget()
        detail.setObjectName("patrol_detail")
        layout = QVBoxLayout(detail)
        layout.setContentsMargins(0, 0, 0, 0)
        self.patrol_title = QLabel()
        self.patrol_title.setObjectName("patrol_title")
        self.patrol_title.setProperty("role", "title")
        self.patrol_title.setWordWrap(True)
        bar = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setObjectName("encounter_count")
        self.new_encounter_button = QPushButton(
            QCoreApplication.translate("Patrols", "New encounter"))
        self.new_encounter_button.setObjectName("new_encounter")
        self.new_encounter_button.setToolTip(
            QCoreApplication.translate("Patrols", "New encounter (Ctrl+N)"))
        self.end_button = QPushButton(QCoreApplication.translate("Patrols", "End patrol"))
        self.end_button.setObjectName("end_patrol")
        self.end_button.setToolTip(
            QCoreApplication.translate("Patrols", "End patrol (Ctrl+Shift+E)"))
        bar.addWidget(self.count_label, 1)
        bar.addWidget(self.new_encounter_button)
        bar.addWidget(self.end_button)
        self.problem = QLabel()
        self.problem.setObjectName("patrol_problem")
        self.problem.setProperty("role", "error")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.form = EncounterForm(self.ctx)
        self.form.hide()
        self.summary_label = QLabel()
        self.summary_label.setObjectName("patrol_summary")
        self.summary_label.setWordWrap(True)
        self.encounter_list = QListWidget()
        self.encounter_list.setObjectName("patrol_encounters")
        self.encounter_list.setAccessibleName(
            QCoreApplication.translate("Patrols", "Encounters of this patrol"))
        layout.addWidget(self.patrol_title)
        layout.addLayout(bar)
        layout.addWidget(self.problem)
        layout.addWidget(self.form)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.encounter_list, 1)
        layout.addStretch()  # takes the room the list leaves while an encounter is typed
        self.new_encounter_button.clicked.connect(self.new_encounter)
        self.end_button.clicked.connect(self.end_patrol)
        return detail

    def title(self) -> str:
        return QCoreApplication.translate("Patrols", "Patrols")

    def activated(self) -> None:
        self._loaded_once = True
        self.reload()
        if self.form.is_open:
            self.form.focus_who()
        elif not self.start_form.isHidden():
            self.start_form.form.editors["members"].widget.setFocus()
        else:
            self.patrol_list.setFocus()

    def _records_changed(self, kind: str) -> None:
        if self._loaded_once and kind in ("patrol", "encounter", "person", "shelter"):
            self.reload()

    # --- the list -------------------------------------------------------------------------

    def reload(self, select_id: str | None = None) -> None:
        if select_id:
            self._select_id = select_id

        def fetch(store: Store) -> tuple[list[Row], str | None]:
            return queries.patrols(store), store.setting(PATROL_IN_USE)

        self.ctx.db.run(fetch, on_done=self._patrols_arrived)

    def _remember(self, patrol_id: str) -> None:
        """The patrol the user is in, kept in the vault for after a lock or a restart."""
        self.ctx.db.run(lambda store: store.set_setting(PATROL_IN_USE, patrol_id),
                        on_error=lambda _e: None)  # a vault that refuses writes: not kept

    def _patrols_arrived(self, answer: tuple[list[Row], str | None]) -> None:
        rows, remembered = answer
        self.patrols = rows
        wanted = self._select_id or (self.current or {}).get("id") or remembered
        if self.form.is_open:
            wanted = self.form.patrol_id  # the encounter being typed keeps its patrol
        self._select_id = None
        self.patrol_list.blockSignals(True)
        self.patrol_list.clear()
        for p in rows:
            item = QListWidgetItem(self._list_text(p))
            item.setData(Qt.ItemDataRole.UserRole, p["id"])
            self.patrol_list.addItem(item)
        ids = [p["id"] for p in rows]
        me = self.ctx.author  # as the store stamps the member's records
        if wanted in ids:
            row = ids.index(wanted)
        else:  # a patrol in progress, one this user started first
            running = [i for i, p in enumerate(rows) if in_progress(p)]
            row = next((i for i in running if rows[i].get("created_by") == me),
                       running[0] if running else 0)
        self.patrol_list.setCurrentRow(row if rows else -1)
        self.patrol_list.blockSignals(False)
        self.patrol_list.setVisible(bool(rows))
        if rows:
            self.show_patrol(rows[row])
            if self.form.is_open and rows[row]["id"] == self.form.patrol_id:
                self.form.show_patrol(rows[row])  # its name (a restored draft), its count
        else:
            self.current = None
            self.detail.setVisible(self.form.is_open)
            self.empty.setVisible(self.start_form.isHidden() and not self.form.is_open)

    def _list_text(self, p: Row) -> str:
        first = [p["date"], isolate(p.get("team"))]
        if in_progress(p):
            first.append(QCoreApplication.translate("Patrols", "in progress"))
        second = [isolate(p.get("area")),
                  QCoreApplication.translate("Patrols", "%n encounter(s)", "", p["encounters"])]
        return "\n".join(" · ".join(b for b in bits if b) for bits in (first, second))

    def _row_chosen(self, row: int) -> None:
        if 0 <= row < len(self.patrols):
            self.show_patrol(self.patrols[row])
            if in_progress(self.patrols[row]):
                self._remember(self.patrols[row]["id"])

    def show_patrol(self, patrol: Row) -> None:
        self.current = patrol
        self.empty.hide()
        if self.start_form.isHidden():
            self.detail.show()
        # a name is never broken across two lines (no-break spaces inside it)
        members = join_list(isolate(m.replace(" ", "\u00a0")) for m in patrol.get("members") or [])
        bits = [long_date(patrol["date"]), isolate(patrol.get("team")),
                isolate(patrol.get("commune")), isolate(patrol.get("area")), members]
        # every part is isolated: a mark of the interface's direction leads the line, or an
        # Arabic header would be laid out left to right
        self.patrol_title.setText(in_reading_order(" · ".join(b for b in bits if b),
                                                   self.ctx.lang))
        self.count_label.setText(QCoreApplication.translate(
            "Patrols", "%n encounter(s)", "", patrol["encounters"]))
        self._show_form_area(self.form.is_open)
        self.problem.hide()
        patrol_id = patrol["id"]

        def fetch(store: Store) -> tuple[list[Row], Row]:
            return (queries.patrol_encounters(store, patrol_id),
                    queries.patrol_summary(store, patrol_id))

        self.ctx.db.run(fetch, on_done=lambda res: self._details_arrived(patrol_id, *res))

    def _details_arrived(self, patrol_id: str, encounters: list[Row], summary: Row) -> None:
        if self.current is None or self.current["id"] != patrol_id:
            return
        lang = self.ctx.lang
        self.summary = summary
        self.summary_label.setText(summary_text(summary, lang))
        orientations = vocabularies.vocabulary("orientation")
        self.encounter_list.clear()
        for e in encounters:
            who = display_name(e, lang) if e.get("person_id") else \
                QCoreApplication.translate("Patrols", "Anonymous")
            bits = [(e.get("met_at") or "")[11:16], who, isolate(e.get("location")),
                    orientations.label(e["orientation"], lang)
                    if e.get("orientation") not in (None, "none") else ""]
            self.encounter_list.addItem(" · ".join(b for b in bits if b))
        self._show_form_area(self.form.is_open)

    # --- starting and ending ----------------------------------------------------------------

    def start_patrol(self) -> None:
        if self.form.is_open:
            self.form.focus_who()
            return
        self.empty.hide()
        self.detail.hide()
        self.start_form.show()
        self.start_form.start()

    def _started(self, patrol: Row) -> None:
        self.start_form.hide()
        self._remember(patrol["id"])
        self.reload(select_id=patrol["id"])
        self.new_encounter_button.setFocus()

    def _open_instead(self, patrol_id: str) -> None:
        """The team's patrol in progress, rather than a second one."""
        self.start_form.hide()
        self._remember(patrol_id)
        self.reload(select_id=patrol_id)
        self.new_encounter_button.setFocus()

    def _start_cancelled(self) -> None:
        self.start_form.hide()
        if self.current is not None:
            self.detail.show()
        else:
            self.empty.show()

    def end_patrol(self) -> None:
        patrol = self.current
        if not in_progress(patrol) or not self.start_form.isHidden():
            return
        assert patrol is not None
        if self.form.is_open:
            if self.form.is_dirty():
                self.problem.setText(QCoreApplication.translate(
                    "Patrols", "Save (Ctrl+S) or cancel (Esc) the encounter first."))
                self.problem.show()
                return
            self.form.close_form()
        patrol_id = patrol["id"]
        changes = {"ended_at": now_text()}
        self.ctx.db.run(lambda store: store.patrols.update(patrol_id, changes),
                        on_done=lambda _p: self._ended(patrol_id), on_error=self._end_failed)

    def _ended(self, patrol_id: str) -> None:
        self.problem.hide()
        self._select_id = patrol_id
        self.ctx.events.records_changed.emit("patrol")  # reloads this screen too
        self.patrol_list.setFocus()

    def _end_failed(self, error: Exception) -> None:
        if isinstance(error, ValidationError) and error.errors:
            e = error.errors[0]
            self.problem.setText(f"{messages.field_label(e.field)}: "
                                 f"{messages.field_error_text(e)}")
        elif isinstance(error, UserFacingError):
            self.problem.setText(messages.error_text(error))
        else:
            self.ctx.events.error_reported.emit(error)
            return
        self.problem.show()

    # --- encounters -------------------------------------------------------------------------

    def new_encounter(self) -> None:
        """Ctrl+N: an empty encounter of the patrol in progress, the focus in "Who?"."""
        if self.form.is_open:
            self.form.focus_who()
            return
        if not in_progress(self.current) or not self.start_form.isHidden():
            return
        assert self.current is not None
        self.problem.hide()
        self._remember(self.current["id"])
        self.form.open(self.current)
        self._show_form_area(True)

    def _show_form_area(self, form_open: bool) -> None:
        # while an encounter is typed its form says which patrol it goes to, with the
        # running count: the list of patrols (the encounter stays with its patrol), the
        # patrol's own header and its buttons make room for it (1366x768)
        running = in_progress(self.current)
        for widget in (self.patrol_title, self.count_label, self.summary_label,
                       self.encounter_list):
            widget.setVisible(not form_open)
        self.new_encounter_button.setVisible(running and not form_open)
        self.end_button.setVisible(running and not form_open)
        self.patrol_list.setVisible(bool(self.patrols) and not form_open)
        self.start_button.setEnabled(not form_open)

    def _form_closed(self) -> None:
        self._show_form_area(False)
        self.problem.hide()
        self.new_encounter_button.setFocus()

    # --- drafts -----------------------------------------------------------------------------

    def drafts(self) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        if self.form.is_open and self.form.is_dirty():
            out["encounter"] = self.form.draft()
        if not self.start_form.isHidden():
            out["patrol"] = self.start_form.form.values()
        return out

    def restore_drafts(self, drafts: dict[str, dict[str, Any]]) -> None:
        if "encounter" in drafts:
            draft = drafts["encounter"]
            self.empty.hide()
            self.detail.show()
            self.form.restore(draft)
            self._show_form_area(True)
            self._select_id = draft.get("patrol_id")
        elif "patrol" in drafts:
            self.start_patrol()
            self.start_form.form.set_values(drafts["patrol"])
        else:
            return
        self._loaded_once = True
        self.reload()
