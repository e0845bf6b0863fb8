"""The person form, the "possibly the same as" hint, and the new-person editor."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp import messages
from fieldapp.store import queries
from fieldapp.store.repository import Store, ValidationError
from fieldapp.store.search import search_persons
from fieldapp.ui.context import Context
from fieldapp.ui.forms import (
    BoolEditor,
    CodeEditor,
    CodesEditor,
    DateEditor,
    Form,
    NumberEditor,
    TextEditor,
    every_error,
    isolate,
    show_failure,
)
from fieldapp.ui.person_text import age_text, display_name, seen_text
from fieldapp.ui.screen import heading, join_list


def person_form(with_consent: bool = True) -> Form:
    """The person fields, one under the other: beside the list of persons the form has
    about 500 pixels at 1366×768, enough for one field a row at a readable width."""
    form = Form(columns=1, kind="person")
    form.add("name_lat", TextEditor(120, placeholder="Mohamed Benali"))
    form.add("name_ar", TextEditor(120, placeholder="محمد بن علي"))
    form.add("nickname", TextEditor(60))
    form.add("cin", TextEditor(8, placeholder="AB123456"))
    form.add("sex", CodeEditor("sex"))
    form.add("approx_age", NumberEditor(0, 120))
    form.add("birth_date", DateEditor())
    form.add("flags", CodesEditor("vulnerability_flag", columns=3))
    if with_consent:
        form.add("consent", BoolEditor(messages.field_label("consent")), label="")
    form.add("notes", TextEditor(4000, multiline=True, lines=3))
    return form


class SimilarHint(QLabel):
    """ "Possibly the same as …" under a person form, with a link to open that person."""

    open_requested = Signal(str)

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("similar_hint")
        self.setProperty("role", "hint")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.linkActivated.connect(self.open_requested)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._look)
        self._text = ""
        self.hide()

    def watch(self, *texts: str | None) -> None:
        self._text = " ".join(t for t in texts if t)
        self._timer.start()

    def _look(self) -> None:
        text = self._text
        if len(text) < 3:
            self.hide()
            return

        def fetch(store: Store) -> list[dict[str, Any]]:
            rows = search_persons(store, text, limit=3)
            seen = queries.last_seen(store, [r["id"] for r in rows])
            for r in rows:
                r["last_seen"], r["last_where"] = seen.get(r["id"], (None, None))
            return rows

        self.ctx.db.run(fetch, on_done=self._show)

    def _show(self, rows: list[dict[str, Any]]) -> None:
        if not rows:
            self.hide()
            return
        lines = []
        for p in rows:
            bits = [
                display_name(p, self.ctx.lang),
                age_text(p),
                isolate(p.get("last_where")),
                seen_text(p.get("last_seen")),
            ]
            lines.append(f'<a href="{p["id"]}">' + join_list(bits) + "</a>")
        self.setText(
            QCoreApplication.translate("Persons", "Possibly the same as:") + " " + " — ".join(lines)
        )
        self.show()


class PersonEditor(QWidget):
    """New person form: Enter saves, Esc cancels; the similar-person hint while typing."""

    saved = Signal(dict)
    cancelled = Signal()
    open_requested = Signal(str)

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(heading(QCoreApplication.translate("Persons", "New person")))
        self.form = person_form()
        layout.addWidget(self.form)
        self.hint = SimilarHint(ctx)
        self.hint.open_requested.connect(self.open_requested)
        layout.addWidget(self.hint)
        self.problem = QLabel()
        self.problem.setProperty("role", "error")
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QHBoxLayout()
        buttons.addStretch()
        self.cancel_button = QPushButton(QCoreApplication.translate("Persons", "Cancel"))
        self.cancel_button.clicked.connect(self.cancelled)
        self.save_button = QPushButton(QCoreApplication.translate("Persons", "&Save"))
        self.save_button.setObjectName("save_person")
        self.save_button.setToolTip(QCoreApplication.translate("Persons", "Save (Ctrl+S)"))
        self.save_button.setShortcut("Ctrl+S")
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        layout.addStretch()
        for name in ("name_lat", "name_ar", "nickname"):
            self.form.editors[name].widget.textChanged.connect(self._watch)  # type: ignore[attr-defined]

    def start(self, typed: str = "") -> None:
        self.form.set_values({name: None for name in self.form.editors})
        self.form.clear_errors()
        self.problem.hide()
        arabic = any("\u0600" <= c <= "\u06ff" for c in typed)
        self.form.set_values({"name_ar" if arabic else "name_lat": typed or None})
        self.form.editors["name_ar" if arabic else "name_lat"].widget.setFocus()

    def _watch(self) -> None:
        v = self.form.values()
        self.hint.watch(v.get("name_lat"), v.get("name_ar"), v.get("nickname"))

    def save(self) -> None:
        values = self.form.values()

        def create(store: Store) -> dict[str, Any]:
            errors = every_error("person", values, store.profile.province)
            if errors:
                raise ValidationError(errors)  # every problem at once
            return store.persons.create(values)

        self.save_button.setEnabled(False)
        self.ctx.db.run(create, on_done=self._done, on_error=self._failed)

    def _done(self, person: dict[str, Any]) -> None:
        self.save_button.setEnabled(True)
        self.form.clear_errors()
        self.saved.emit(person)

    def _failed(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        show_failure(self.form, self.problem, error)
