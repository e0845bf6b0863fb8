"""The stages of a case as tabs: Listening, Assessment, Plan, Mediation, Referrals,
Follow-ups, Closure (:class:`fieldapp.ui.case_detail.CaseDetail` shows them). Each tab lists
what was recorded and has a small form to add to it (Ctrl+S or Enter saves; errors sit under
their field; nothing typed is lost). How the case's status moves with each step is told in
:mod:`fieldapp.ui.case_detail`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldapp import messages
from fieldapp.domain import vocabularies
from fieldapp.domain.fields import FieldError
from fieldapp.store.casework import (
    add_event,
    change_referral_status,
    close_case,
    mark_done,
    reopen_case,
    send_referral,
    today_iso,
)
from fieldapp.store.repository import Store, ValidationError
from fieldapp.ui.context import Context
from fieldapp.ui.forms import CodeEditor, DateEditor, Form, TextEditor, isolate
from fieldapp.ui.person_text import author_name
from fieldapp.ui.screen import join_list, long_date

Row = dict[str, Any]


# --- editors ---------------------------------------------------------------------------------


def typed(form: Form) -> bool:
    """Whether something was typed or chosen in ``form`` (its values differ from a new
    form's: empty, today's date, the first choice)."""
    for editor in form.editors.values():
        if isinstance(editor, DateEditor):
            default = today_iso() if editor.today else None
        elif isinstance(editor, CodeEditor):
            default = editor.widget.itemData(0)  # type: ignore[attr-defined]
        else:
            default = None
        if editor.value() != default:
            return True
    return False


def event_text(ev: Row, lang: str, with_type: bool = False) -> str:
    parts = [isolate(ev.get("date"))]
    if with_type:
        parts.append(vocabularies.vocabulary("case_event").label(ev["event_type"], lang))
    if ev.get("closure_reason"):
        parts.append(vocabularies.vocabulary("closure_reason").label(ev["closure_reason"], lang))
    if ev.get("summary"):
        parts.append(isolate(ev["summary"]))
    if ev.get("assigned_to"):
        # the arrow points the way the line reads: ← in Arabic
        parts.append(QCoreApplication.translate("CaseDetail", "→ %1", "assigned to someone")
                     .replace("%1", isolate(ev["assigned_to"])))
    if ev.get("done_on"):
        parts.append(QCoreApplication.translate("CaseDetail", "done %1").replace(
            "%1", isolate(ev["done_on"])))
    elif ev.get("due_date"):
        parts.append(QCoreApplication.translate("CaseDetail", "due %1").replace(
            "%1", isolate(ev["due_date"])))
    parts.append(recorded_by(ev, lang))
    return " — ".join(p for p in parts if p)


def recorded_by(row: Row, lang: str) -> str:
    """Who recorded a step or a referral, by name (read by the store: ``recorded_by``), or
    "" when nobody is named."""
    name = author_name(row, "recorded_by", lang)
    if not name:
        return ""
    return QCoreApplication.translate("CaseDetail", "recorded by %1").replace("%1", name)


# --- stage tabs ------------------------------------------------------------------------------


class StageTab(QWidget):
    """A list of what was recorded at one stage, and a form to add to it."""

    def __init__(self, ctx: Context, key: str) -> None:
        super().__init__()
        self.ctx = ctx
        self.key = key
        self.case: Row | None = None
        self.setObjectName(f"case_tab_{key}")
        # the stage's list and form scroll inside the tab when the window is short, so the
        # case list above always keeps its rows (1366×768, large text)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setObjectName(f"{key}_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content = QWidget()
        scroll.setWidget(content)
        outer.addWidget(scroll)
        self.layout_ = QVBoxLayout(content)
        self.layout_.setContentsMargins(6, 6, 6, 6)
        self.list = QListWidget()
        self.list.setObjectName(f"{key}_list")
        # two lines at least; it grows with the room there is
        self.list.setMinimumHeight(2 * self.list.fontMetrics().lineSpacing() + 16)
        self.layout_.addWidget(self.list, 1)
        self.problem = QLabel()
        self.problem.setObjectName(f"{key}_problem")
        self.problem.setProperty("role", "error")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.buttons = QHBoxLayout()
        self.save_button = QPushButton()
        self.save_button.setObjectName(f"{key}_save")
        self.save_button.clicked.connect(self.save)
        self.forms: list[Form] = []

    def set_action(self, text: str, tip: str) -> None:
        """The save button's words; Ctrl+S stays its shortcut (set after the text, which
        would otherwise replace it)."""
        self.save_button.setText(text)
        self.save_button.setToolTip(tip)
        self.save_button.setShortcut(QKeySequence("Ctrl+S"))

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.problem)
        self.buttons.addStretch()
        self.buttons.addWidget(self.save_button)
        self.layout_.addLayout(self.buttons)

    def add_form(self, form: Form) -> Form:
        self.forms.append(form)
        for editor in form.editors.values():
            if isinstance(editor.widget, QLineEdit):  # Enter saves from one-line fields
                editor.widget.returnPressed.connect(self.save)
        return form

    @property
    def form(self) -> Form:
        return self.forms[0]

    # content and drafts ---------------------------------------------------------------------

    def reset(self, form: Form | None = None) -> None:
        for f in [form] if form else self.forms:
            f.set_values({name: None for name in f.editors})
            f.clear_errors()
        self.problem.hide()

    def has_content(self) -> bool:
        return any(typed(f) for f in self.forms)

    def draft(self) -> dict[str, Any]:
        return self.form.values()

    def restore(self, values: Mapping[str, Any]) -> None:
        self.form.set_values(values)

    # filling and writing ----------------------------------------------------------------------

    def fill(self, case: Row, events: list[Row], referrals: list[Row]) -> int:
        """Show the case's records for this stage; returns how many."""
        raise NotImplementedError

    def save(self) -> None:
        raise NotImplementedError

    def set_items(self, rows: Iterable[tuple[str, str, bool]]) -> int:
        """(id, text, overdue) rows; keeps the current row across reloads."""
        current = self.list.currentItem()
        keep = current.data(Qt.ItemDataRole.UserRole) if current else None
        self.list.clear()
        for record_id, text, overdue in rows:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, record_id)
            if overdue:
                item.setForeground(Qt.GlobalColor.darkRed)
            self.list.addItem(item)
            if record_id == keep:
                self.list.setCurrentItem(item)
        return self.list.count()

    def submit(self, job: Callable[[Store], list[str]], form: Form,
               rename: Mapping[str, str] | None = None, clear: bool = True) -> None:
        """Run ``job``; on success reset ``form`` and announce the change, on failure show
        the errors inline (``rename`` maps fields of other records onto this form's)."""
        self.save_button.setEnabled(False)

        def done(kinds: list[str]) -> None:
            self.save_button.setEnabled(True)
            if clear:
                self.reset(form)
                focus = next(iter(form.editors.values()), None)
                if focus is not None:
                    focus.widget.setFocus()
            for kind in kinds:
                self.ctx.events.records_changed.emit(kind)

        def failed(error: Exception) -> None:
            self.save_button.setEnabled(True)
            self.problem.hide()
            if isinstance(error, ValidationError):
                errors = [FieldError((rename or {}).get(e.field, e.field), e.code, e.params)
                          for e in error.errors]
                unplaced = form.show_errors(errors)
                if unplaced:
                    self.show_problem(join_list(messages.field_label(e.field) + ": "
                                                + messages.field_error_text(e) for e in unplaced))
            elif hasattr(error, "code"):
                self.show_problem(messages.error_text(error))  # type: ignore[arg-type]
            else:
                raise error

        self.ctx.db.run(job, on_done=done, on_error=failed)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def case_id(self) -> str:
        assert self.case is not None
        return str(self.case["id"])

    def set_open(self, is_open: bool) -> None:
        """Nothing is added to a closed case."""
        for f in self.forms:
            f.setEnabled(is_open)
        self.save_button.setEnabled(is_open)


class EventTab(StageTab):
    """Listening, Assessment, Plan, Mediation, Follow-ups: case events of some types."""

    def __init__(self, ctx: Context, key: str, event_types: tuple[str, ...],
                 fields: tuple[str, ...], can_mark_done: bool = False) -> None:
        super().__init__(ctx, key)
        self.event_types = event_types
        form = Form(columns=2)
        if len(event_types) > 1:
            form.add("event_type", CodeEditor("case_event", allow_empty=False,
                                              codes=event_types))
        for name in fields:
            if name == "summary" and key in ("plan", "follow_ups"):
                form.add(name, TextEditor(400), span=2)
            elif name == "summary":
                form.add(name, TextEditor(4000, multiline=True), span=2)
            elif name == "assigned_to":
                form.add(name, TextEditor(80))
            else:
                form.add(name, DateEditor(today=name == "date"))
        self.layout_.addWidget(self.add_form(form))
        self.set_action(QCoreApplication.translate("CaseDetail", "Add"),
                        QCoreApplication.translate("CaseDetail", "Add (Ctrl+S)"))
        self.done_button: QPushButton | None = None
        if can_mark_done:
            self.done_button = QPushButton(QCoreApplication.translate("CaseDetail", "Mark done"))
            self.done_button.setObjectName(f"{key}_mark_done")
            self.done_button.setToolTip(QCoreApplication.translate(
                "CaseDetail", "Mark the chosen action done today (Ctrl+D)"))
            self.done_button.setShortcut(QKeySequence("Ctrl+D"))
            self.done_button.clicked.connect(self.mark_done)
            self.done_button.setEnabled(False)
            self.buttons.addWidget(self.done_button)
            self.list.currentItemChanged.connect(lambda *_: self._update_done_button())
        self.finish_layout()
        self._open_ids: set[str] = set()

    def fill(self, case: Row, events: list[Row], referrals: list[Row]) -> int:
        self.case = case
        lang, today = self.ctx.lang, today_iso()
        mine = [e for e in events if e["event_type"] in self.event_types]
        self._open_ids = {e["id"] for e in mine if e.get("due_date") and not e.get("done_on")}
        count = self.set_items(
            (e["id"], event_text(e, lang, with_type=len(self.event_types) > 1),
             e["id"] in self._open_ids and e["due_date"] < today) for e in mine)
        self._update_done_button()
        return count

    def _update_done_button(self) -> None:
        if self.done_button is None:
            return
        item = self.list.currentItem()
        self.done_button.setEnabled(
            self.save_button.isEnabled() and item is not None
            and item.data(Qt.ItemDataRole.UserRole) in self._open_ids)

    def set_open(self, is_open: bool) -> None:
        super().set_open(is_open)
        self._update_done_button()

    def save(self) -> None:
        if self.case is None or not self.save_button.isEnabled():
            return
        values = {"event_type": self.event_types[0], **self.form.values()}
        case_id = self.case_id()
        self.submit(lambda store: add_event(store, case_id, values), self.form)

    def mark_done(self) -> None:
        item = self.list.currentItem()
        if item is None or self.done_button is None or not self.done_button.isEnabled():
            return
        event_id = item.data(Qt.ItemDataRole.UserRole)
        self.done_button.setEnabled(False)
        self.submit(lambda store: mark_done(store, event_id), self.form, clear=False)


class ReferralsTab(StageTab):
    """Referrals to institutions: send one (with a referral step in the case), then record
    the institution's answer."""

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx, "referrals")
        form = Form(columns=2)
        # two rows, so the whole tab fits under the case list at 1366×768
        form.add("institution_type", CodeEditor("referral_institution"))
        form.add("institution_name", TextEditor(160))
        form.add("sent_on", DateEditor(today=True))
        form.add("summary", TextEditor(400))
        self.layout_.addWidget(self.add_form(form))
        self.set_action(QCoreApplication.translate("CaseDetail", "Send referral"),
                        QCoreApplication.translate("CaseDetail",
                                                   "Record the referral as sent (Ctrl+S)"))
        answer = QLabel(QCoreApplication.translate(
            "CaseDetail", "The institution's answer to the referral chosen above:"))
        self.layout_.insertWidget(1, answer)
        row = QHBoxLayout()
        self.status_form = Form(columns=2)
        self.status_form.setObjectName("referral_status_form")
        self.status_form.add("status", CodeEditor("referral_status", allow_empty=False))
        self.status_form.add("status_on", DateEditor(today=True))
        self.status_button = QPushButton(QCoreApplication.translate("CaseDetail",
                                                                    "Change status"))
        self.status_button.setObjectName("change_referral_status")
        self.status_button.setToolTip(QCoreApplication.translate(
            "CaseDetail", "Record the institution's answer for the chosen referral (Ctrl+U)"))
        self.status_button.setShortcut(QKeySequence("Ctrl+U"))
        self.status_button.clicked.connect(self.change_status)
        self.status_button.setEnabled(False)
        self.list.currentItemChanged.connect(
            lambda cur, _prev: self.status_button.setEnabled(cur is not None))
        row.addWidget(self.status_form, 1)
        row.addWidget(self.status_button)
        self.layout_.insertLayout(2, row)
        self.layout_.insertWidget(3, QLabel(QCoreApplication.translate(
            "CaseDetail", "Send a new referral:")))
        self.finish_layout()

    def fill(self, case: Row, events: list[Row], referrals: list[Row]) -> int:
        self.case = case
        lang = self.ctx.lang
        voc = vocabularies.vocabulary

        def text(r: Row) -> str:
            status = voc("referral_status").label(r["status"], lang)
            if r.get("status_on"):
                status += f" ({isolate(r['status_on'])})"
            parts = [isolate(r["sent_on"]),
                     voc("referral_institution").label(r["institution_type"], lang),
                     isolate(r.get("institution_name")), status, recorded_by(r, lang)]
            return " — ".join(p for p in parts if p)

        return self.set_items((r["id"], text(r), False) for r in referrals)

    def save(self) -> None:
        if self.case is None or not self.save_button.isEnabled():
            return
        values = self.form.values()
        case_id = self.case_id()
        self.submit(lambda store: send_referral(store, case_id, values), self.form,
                    rename={"date": "sent_on"})

    def change_status(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        referral_id = item.data(Qt.ItemDataRole.UserRole)
        values = self.status_form.values()
        self.submit(lambda store: change_referral_status(store, referral_id, values),
                    self.status_form)


class ClosureTab(StageTab):
    """Close the case with a reason (closure step + case closed, together), or reopen it."""

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx, "closure")
        self.close_form = Form(columns=2)
        self.close_form.setObjectName("close_form")
        self.close_form.add("closure_reason", CodeEditor("closure_reason"))
        self.close_form.add("date", DateEditor(today=True),
                            label=messages.field_label("closed_on"))
        self.close_form.add("summary", TextEditor(4000, multiline=True), span=2)
        self.reopen_form = Form(columns=2)
        self.reopen_form.setObjectName("reopen_form")
        self.reopen_form.add("date", DateEditor(today=True))
        self.reopen_form.add("summary", TextEditor(400),
                             label=QCoreApplication.translate("CaseDetail", "Why reopen"))
        self.state = QLabel()
        self.state.setObjectName("closure_state")
        # one line: a wrapping label would make the tab ask for its preferred height, and
        # scroll, where its minimum fits
        self.state.setWordWrap(False)
        self.layout_.addWidget(self.state)
        self.layout_.addWidget(self.add_form(self.close_form))
        self.layout_.addWidget(self.add_form(self.reopen_form))
        self.closed = False
        self.finish_layout()
        self._show_mode()

    def _show_mode(self) -> None:
        self.close_form.setVisible(not self.closed)
        self.reopen_form.setVisible(self.closed)
        if self.closed:
            self.set_action(QCoreApplication.translate("CaseDetail", "Reopen the case"),
                            QCoreApplication.translate(
                                "CaseDetail",
                                "Reopen the case to continue the accompaniment (Ctrl+S)"))
        else:
            self.set_action(QCoreApplication.translate("CaseDetail", "Close the case"),
                            QCoreApplication.translate("CaseDetail",
                                                       "Close the case with this reason (Ctrl+S)"))

    @property
    def form(self) -> Form:
        return self.reopen_form if self.closed else self.close_form

    def fill(self, case: Row, events: list[Row], referrals: list[Row]) -> int:
        self.case = case
        self.closed = case["status"] == "closed"
        self._show_mode()
        lang = self.ctx.lang
        if self.closed:
            self.state.setText(
                QCoreApplication.translate("CaseDetail", "Closed on %1: %2")
                .replace("%1", long_date(case.get("closed_on")))
                .replace("%2", vocabularies.vocabulary("closure_reason").label(
                    case.get("closure_reason") or "", lang)))
        else:
            self.state.setText(QCoreApplication.translate(
                "CaseDetail", "Close the case when the accompaniment ends; it can be reopened."))
        mine = [e for e in events if e["event_type"] in ("closure", "reopening")]
        return self.set_items((e["id"], event_text(e, lang, with_type=True), False)
                              for e in mine)

    def set_open(self, is_open: bool) -> None:
        self.close_form.setEnabled(True)
        self.reopen_form.setEnabled(True)
        self.save_button.setEnabled(True)

    def draft(self) -> dict[str, Any]:
        return {"mode": "reopen" if self.closed else "close", **self.form.values()}

    def restore(self, values: Mapping[str, Any]) -> None:
        values = dict(values)
        form = self.reopen_form if values.pop("mode", "close") == "reopen" else self.close_form
        form.set_values(values)

    def has_content(self) -> bool:
        return typed(self.form)

    def save(self) -> None:
        if self.case is None or not self.save_button.isEnabled():
            return
        form, case_id = self.form, self.case_id()
        values = form.values()
        job = reopen_case if self.closed else close_case
        self.submit(lambda store: job(store, case_id, values), form,
                    rename={"closed_on": "date"})
