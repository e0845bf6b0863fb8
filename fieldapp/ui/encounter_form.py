"""The encounter form: the most frequent task, built to be typed fast without the mouse.

It says which patrol the encounter goes to. "Who?" finds a person as you type (either script,
any part); ↓ and Enter pick one, Alt+N makes a new person from what was typed, Alt+A records
an anonymous encounter. Then the encounter's own fields (:mod:`encounter_fields`). Ctrl+S
checks everything at once, saves and opens the next empty encounter; a new person and the
encounter are written in one database job, in one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp import messages
from fieldapp.domain.fields import FieldError
from fieldapp.domain.records import AGE_OF_MAJORITY
from fieldapp.errors import UserFacingError
from fieldapp.store import queries
from fieldapp.store.repository import Store, ValidationError
from fieldapp.store.search import search_persons
from fieldapp.ui.context import Context
from fieldapp.ui.encounter_fields import (
    EncounterFields,
    anonymous_fields,
    follow_up_note,
    new_person_fields,
)
from fieldapp.ui.forms import every_error, in_reading_order, isolate
from fieldapp.ui.person_editor import SimilarHint
from fieldapp.ui.person_text import age_text, display_name, seen_text, sex_text
from fieldapp.ui.screen import confirm_discard, long_date

SEARCH_DELAY_MS = 120
RESULTS = 20
SEARCH, CHOSEN, NEW, ANONYMOUS = "search", "chosen", "new", "anonymous"


# Stands for the person about to be created when the encounter is checked before the write.
_NEW_PERSON_ID = "00000000-0000-7000-8000-000000000000"


class EncounterInvalid(ValidationError):
    """What is wrong with the encounter (``errors``) and with the new person, if one is
    made with it (``person_errors``): found together, before anything is written."""

    def __init__(self, errors: list[FieldError], person_errors: list[FieldError]) -> None:
        super().__init__(errors + person_errors)
        self.encounter_errors = errors
        self.person_errors = person_errors


def _label(name: str, role: str = "", text: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setProperty("role", role)
    label.setWordWrap(True)
    return label


def _button(text: str, name: str, tooltip: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setToolTip(tooltip)
    return button


class EncounterForm(QWidget):
    """One encounter of a patrol; ``saved`` after each save (the form is then empty again),
    ``closed`` when the user leaves it."""

    saved = Signal(dict)
    closed = Signal()

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("encounter_form")
        self.patrol_id: str | None = None
        self.area: str | None = None
        self.patrol: dict[str, Any] = {}  # team, date, area of the patrol written to
        self.mode = SEARCH
        self.person: dict[str, Any] | None = None
        self._generation = 0
        self._snapshot: dict[str, Any] = {}
        self._saving = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        # which patrol this encounter goes to, always in sight: two patrols of a team can be
        # open at once
        self.patrol_line = _label("encounter_patrol")
        font = self.patrol_line.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.patrol_line.setFont(font)
        layout.addWidget(self.patrol_line)
        self._build_who(layout)
        self._build_person(layout)
        self._build_anonymous(layout)
        self._build_encounter(layout)
        self._build_footer(layout)
        self._bind_shortcuts()
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._search)
        self._set_mode(SEARCH)

    # --- building -----------------------------------------------------------------------

    def _build_who(self, layout: QVBoxLayout) -> None:
        row = QHBoxLayout()
        label = QLabel(QCoreApplication.translate("Encounter", "Who?"))
        label.setProperty("role", "title")
        self.who = QLineEdit()
        self.who.setObjectName("who")
        self.who.setAccessibleName(QCoreApplication.translate("Encounter", "Who?"))
        self.who.setPlaceholderText(QCoreApplication.translate(
            "Encounter", "A name in Arabic or Latin letters, a nickname, a CIN — ↓ to choose"))
        self.who.setClearButtonEnabled(True)
        label.setBuddy(self.who)
        self.new_person_button = _button(
            QCoreApplication.translate("Encounter", "New person"), "new_person_button",
            QCoreApplication.translate("Encounter", "A new person from what you typed (Alt+N)"))
        self.anonymous_button = _button(
            QCoreApplication.translate("Encounter", "Anonymous"), "anonymous_button",
            QCoreApplication.translate("Encounter", "Someone who gives no name (Alt+A)"))
        self.chosen = _label("chosen_person")
        self.change_button = _button(
            QCoreApplication.translate("Encounter", "Change"), "change_person",
            QCoreApplication.translate("Encounter", "Back to Who? (Alt+W)"))
        row.addWidget(label)
        row.addWidget(self.who, 1)
        row.addWidget(self.chosen, 1)
        row.addWidget(self.new_person_button)
        row.addWidget(self.anonymous_button)
        row.addWidget(self.change_button)
        layout.addLayout(row)
        self.results = QListWidget()
        self.results.setObjectName("who_results")
        self.results.setAccessibleName(QCoreApplication.translate("Encounter", "Persons found"))
        self.results.setMaximumHeight(118)
        self.no_match = _label("who_none", "hint", QCoreApplication.translate(
            "Encounter", "No one found: Alt+N records a new person, Alt+A an anonymous "
            "encounter."))
        self.who_error = _label("who_error", "error")
        for w in (self.results, self.no_match, self.who_error):
            layout.addWidget(w)
            w.hide()
        self.who.textChanged.connect(self._who_typed)
        self.who.returnPressed.connect(self._who_enter)
        self.who.installEventFilter(self)
        self.results.installEventFilter(self)
        self.results.itemActivated.connect(self._result_picked)
        self.results.itemClicked.connect(self._result_picked)
        self.new_person_button.clicked.connect(self.new_person)
        self.anonymous_button.clicked.connect(self.anonymous)
        self.change_button.clicked.connect(self.back_to_search)

    def _build_person(self, layout: QVBoxLayout) -> None:
        self.person_box = QWidget()
        self.person_box.setObjectName("new_person_box")
        box = QVBoxLayout(self.person_box)
        box.setContentsMargins(0, 0, 0, 0)
        self.person_form = new_person_fields()
        self.similar = SimilarHint(self.ctx)
        self.similar.open_requested.connect(self._choose_by_id)
        box.addWidget(self.person_form)
        box.addWidget(self.similar)
        layout.addWidget(self.person_box)
        for name in ("name_lat", "name_ar", "nickname"):
            self.person_form.editors[name].widget.textChanged.connect(self._watch_similar)  # type: ignore[attr-defined]
        self.person_form.edited.connect(self._update_flags)

    def _build_anonymous(self, layout: QVBoxLayout) -> None:
        self.anon_form = anonymous_fields()
        self.anon_form.edited.connect(self._update_flags)
        layout.addWidget(self.anon_form)

    def _build_encounter(self, layout: QVBoxLayout) -> None:
        self.form = EncounterFields()
        self.services, self.shelter = self.form.services, self.form.shelter
        self.form.edited.connect(self._update_dependent)
        layout.addWidget(self.form)

    def _build_footer(self, layout: QVBoxLayout) -> None:
        self.flag = _label("minor_flag", "hint")
        self.consent_note = _label("consent_note", "hint", QCoreApplication.translate(
            "Encounter", "Without consent this person is not recorded: the encounter is saved "
            "as anonymous, with sex and age only."))
        self.problem = _label("encounter_problem", "error")
        self.last_saved = _label("last_saved")
        for w in (self.flag, self.consent_note, self.problem):
            layout.addWidget(w)
            w.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.last_saved, 1)
        self.cancel_button = _button(QCoreApplication.translate("Encounter", "Cancel"),
                                     "cancel_encounter",
                                     QCoreApplication.translate("Encounter", "Cancel (Esc)"))
        self.save_button = _button(QCoreApplication.translate("Encounter", "Save and next"),
                                   "save_encounter",
                                   QCoreApplication.translate("Encounter", "Save (Ctrl+S)"))
        self.cancel_button.clicked.connect(self.cancel)
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

    def _bind_shortcuts(self) -> None:
        # The checklist's own Alt+number keys only work with the focus inside it; here they
        # work anywhere in the form, so services can be ticked from "Who?" or the notes.
        for shortcut in self.services.widget.findChildren(QShortcut):
            shortcut.setEnabled(False)
        keys: list[tuple[str, Callable[[], None]]] = [
            ("Ctrl+S", self.save), ("Esc", self.cancel), ("Alt+N", self.new_person),
            ("Alt+A", self.anonymous), ("Alt+W", self.back_to_search)]
        keys += [(f"Alt+{key}", partial(self.services.toggle_key, key))
                 for key in self.services.keys]
        for key, slot in keys:
            QShortcut(QKeySequence(key), self).activated.connect(slot)

    # --- opening, drafts --------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return not self.isHidden()

    def open(self, patrol: dict[str, Any]) -> None:
        """An empty encounter of ``patrol`` (a patrol row: id, team, date, area)."""
        self.patrol_id, self.area = patrol.get("id"), patrol.get("area")
        self.show_patrol(patrol)
        self.show()
        self.reset()

    def show_patrol(self, patrol: dict[str, Any]) -> None:
        """Say which patrol the encounter is written to (team, day, area) and how many
        encounters it has so far."""
        self.patrol = {k: patrol.get(k) for k in ("team", "date", "area")}
        bits = [isolate(patrol.get("team")), long_date(patrol.get("date")),
                isolate(patrol.get("area"))]
        if patrol.get("encounters") is not None:
            bits.append(QCoreApplication.translate(
                "Patrols", "%n encounter(s)", "", patrol["encounters"]))
        self.patrol_line.setText(in_reading_order(QCoreApplication.translate(
            "Encounter", "Recorded in the patrol: %1").replace(
            "%1", " · ".join(b for b in bits if b)), self.ctx.lang))

    def reset(self) -> None:
        """An empty encounter of the same patrol, the focus in "Who?"."""
        self._generation += 1
        self.person = None
        self.who.clear()
        self.results.clear()
        self.person_form.set_values({n: None for n in self.person_form.editors})
        self.anon_form.set_values({n: None for n in self.anon_form.editors})
        self.form.set_values({n: None for n in self.form.editors})
        self.form.set_values({"orientation": "none", "location": self.area})
        for f in (self.person_form, self.anon_form, self.form):
            f.clear_errors()
        self.problem.hide()
        self.who_error.hide()
        self.similar.hide()
        self._set_mode(SEARCH)
        self._load_shelters()
        self._snapshot = self.draft()
        self.who.setFocus()

    def is_dirty(self) -> bool:
        """Something was typed or chosen since the form was last emptied."""
        return self.draft() != self._snapshot

    def draft(self) -> dict[str, Any]:
        """Everything typed, the patrol and who: enough to reopen the form as it was."""
        return {**self.form.values(), "patrol_id": self.patrol_id, "area": self.area,
                "patrol": self.patrol, "mode": self.mode, "who": self.who.text(),
                "person": self.person, "new_person": self.person_form.values(),
                "anonymous_details": self.anon_form.values()}

    def restore(self, draft: dict[str, Any]) -> None:
        patrol = draft.get("patrol") or {"area": draft.get("area")}
        self.open({**patrol, "id": draft.get("patrol_id") or ""})
        self.who.setText(draft.get("who") or "")
        self.person_form.set_values(draft.get("new_person") or {})
        self.anon_form.set_values(draft.get("anonymous_details") or {})
        self.form.set_values({k: v for k, v in draft.items() if k in self.form.editors})
        mode = draft.get("mode") or SEARCH
        if mode == CHOSEN and draft.get("person"):
            self._choose(draft["person"])
        else:
            self._set_mode(mode)

    def focus_who(self) -> None:
        (self.who if self.mode == SEARCH else self.change_button).setFocus()

    # --- who --------------------------------------------------------------------------------

    def _set_mode(self, mode: str) -> None:
        self.mode = mode
        searching = mode == SEARCH
        for w in (self.who, self.new_person_button, self.anonymous_button):
            w.setVisible(searching)
        self.chosen.setVisible(not searching)
        self.change_button.setVisible(not searching)
        self.results.setVisible(searching and self.results.count() > 0)
        self.no_match.hide()
        self.person_box.setVisible(mode == NEW)
        self.anon_form.setVisible(mode == ANONYMOUS)
        consent = self.form.editors["consent"].widget
        consent.setEnabled(mode != ANONYMOUS)
        if mode == ANONYMOUS:
            consent.setChecked(False)  # type: ignore[attr-defined]
            self.chosen.setText(QCoreApplication.translate(
                "Encounter", "Anonymous encounter (still counted)"))
        elif mode == NEW:
            self.chosen.setText(QCoreApplication.translate("Encounter", "New person"))
        self.who_error.hide()
        self._update_dependent()

    def _who_typed(self, _text: str) -> None:
        self._generation += 1  # an answer on its way is for older text
        self._debounce.start()

    def _search(self) -> None:
        text = self.who.text().strip()
        generation = self._generation
        if not text:
            self._show_results(generation, [])
            return

        def fetch(store: Store) -> list[dict[str, Any]]:
            rows = search_persons(store, text, limit=RESULTS)
            seen = queries.last_seen(store, [r["id"] for r in rows])
            for r in rows:
                r["last_seen"], r["last_where"] = seen.get(r["id"], (None, None))
            return rows

        self.ctx.db.run(fetch, on_done=lambda rows: self._show_results(generation, rows))

    def _show_results(self, generation: int, rows: list[dict[str, Any]]) -> None:
        if generation != self._generation or self.mode != SEARCH:
            return
        self.results.clear()
        lang = self.ctx.lang
        for p in rows:
            seen = " ".join(b for b in (seen_text(p.get("last_seen")),
                                        isolate(p.get("last_where"))) if b)
            bits = (display_name(p, lang), age_text(p), sex_text(p, lang), seen)
            item = QListWidgetItem(" · ".join(b for b in bits if b))
            item.setData(Qt.ItemDataRole.UserRole, p)
            self.results.addItem(item)
        self.results.setVisible(bool(rows))
        self.no_match.setVisible(not rows and bool(self.who.text().strip()))

    def _who_enter(self) -> None:
        if self.results.count() == 1:
            self._result_picked(self.results.item(0))
        elif self.results.count():
            self._into_results()

    def _into_results(self) -> None:
        self.results.setFocus()
        self.results.setCurrentRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.who and event.key() == Qt.Key.Key_Down and \
                    self.results.count():
                self._into_results()
                return True
            if watched is self.results and event.key() == Qt.Key.Key_Up and \
                    self.results.currentRow() <= 0:
                self.who.setFocus()
                return True
        return super().eventFilter(watched, event)

    def _result_picked(self, item: QListWidgetItem) -> None:
        self._choose(item.data(Qt.ItemDataRole.UserRole))

    def _choose(self, person: dict[str, Any]) -> None:
        # a search row carries flags as stored (JSON text); a draft must stay JSON-friendly
        person = {k: v for k, v in person.items() if not k.startswith("_")}
        if isinstance(person.get("flags"), str):
            person["flags"] = json.loads(person["flags"])
        self.person = person
        self._generation += 1
        bits = (display_name(person, self.ctx.lang), age_text(person),
                sex_text(person, self.ctx.lang))
        self._set_mode(CHOSEN)
        self.chosen.setText(" · ".join(b for b in bits if b))
        self._update_flags()
        self.form.editors["situation"].widget.setFocus()

    def _choose_by_id(self, person_id: str) -> None:
        """The similar-person hint was followed: pick that person instead of a new one."""
        self.ctx.db.run(lambda store: store.persons.get(person_id),
                        on_done=lambda p: self._choose(p) if p else None)

    def new_person(self) -> None:
        if not self.is_open or self.mode == NEW:
            return
        typed = self.who.text().strip()
        arabic = any("\u0600" <= c <= "\u06ff" for c in typed)
        field = "name_ar" if arabic else "name_lat"
        if typed and not any(self.person_form.values()[n] for n in
                             ("name_lat", "name_ar", "nickname")):
            self.person_form.set_values({field: typed})
        self.person = None
        self._set_mode(NEW)
        self._watch_similar()
        self.person_form.editors[field].widget.setFocus()

    def anonymous(self) -> None:
        if not self.is_open:
            return
        self.person = None
        self._set_mode(ANONYMOUS)
        self.anon_form.editors["anon_sex"].widget.setFocus()

    def back_to_search(self) -> None:
        if not self.is_open or self.mode == SEARCH:
            return
        self.person = None
        self._set_mode(SEARCH)
        self.who.setFocus()
        self.who.selectAll()

    def _watch_similar(self) -> None:
        v = self.person_form.values()
        self.similar.watch(v.get("name_lat"), v.get("name_ar"), v.get("nickname"))

    # --- dependent fields and flags -----------------------------------------------------------

    def _update_dependent(self) -> None:
        self.form.update_dependent()
        self.consent_note.setVisible(self.mode == NEW and not self.form.values()["consent"])
        self._update_flags()

    def _who_facts(self) -> tuple[str | None, int | None, list[str]]:
        """Sex, age and vulnerability flags of whoever this encounter is with."""
        if self.mode == CHOSEN and self.person:
            return (self.person.get("sex"), queries.age_of(self.person),
                    list(self.person.get("flags") or []))
        if self.mode == NEW:
            v = self.person_form.values()
            return v["sex"], v["approx_age"], list(v["flags"])
        if self.mode == ANONYMOUS:
            v = self.anon_form.values()
            return v["anon_sex"], v["anon_age"], []
        return None, None, []

    def _update_flags(self) -> None:
        _sex, age, flags = self._who_facts()
        note = follow_up_note(age if isinstance(age, int) else None, flags,
                              self.form.values()["medical_outcome"])
        self.flag.setText(note)
        self.flag.setVisible(bool(note))

    def _load_shelters(self) -> None:
        self.ctx.db.run(queries.shelters,
                        on_done=lambda rows: self.shelter.fill(rows, self.ctx.lang))

    # --- saving -------------------------------------------------------------------------------

    def values(self) -> tuple[dict[str, Any] | None, dict[str, Any]]:
        """(new person or None, encounter) as the repositories take them."""
        v = self.form.values()
        encounter: dict[str, Any] = {**self.form.record(), "patrol_id": self.patrol_id,
                                     "anonymous": False, "person_id": None}
        sex, age, flags = self._who_facts()
        if isinstance(age, int) and age < AGE_OF_MAJORITY and "minor" not in flags:
            flags.append("minor")
        encounter.update(sex=sex, approx_age=age, flags=flags)
        person = None
        if self.mode == CHOSEN and self.person:
            encounter["person_id"] = self.person["id"]
        elif self.mode == NEW and v["consent"]:
            person = {**self.person_form.values(), "consent": True}
            if person["approx_age"] is not None:
                person["age_noted_on"] = date.today().isoformat()
        elif self.mode in (NEW, ANONYMOUS):
            # no consent: nothing that names the person is kept
            encounter.update(anonymous=True, consent=False)
            if self.mode == ANONYMOUS:
                description = self.anon_form.values()["anon_description"]
                encounter["notes"] = "\n".join(t for t in (description, v["notes"]) if t) or None
        return person, encounter

    def save(self) -> None:
        if not self.is_open or self._saving:
            return
        person, encounter = self.values()

        def write(store: Store) -> tuple[dict[str, Any] | None, dict[str, Any]]:
            # everything wrong, with the person and the encounter, found before any write
            province = store.profile.province
            person_errors = every_error("person", person, province) if person else []
            errors = every_error("encounter", {**encounter, "person_id": _NEW_PERSON_ID}
                                 if person else encounter, province)
            if errors or person_errors:
                raise EncounterInvalid(errors, person_errors)
            with store.transaction():
                created = None
                if person is not None:
                    created = store.persons.create(person)
                    values = {**encounter, "person_id": created["id"]}
                else:
                    values = encounter
                return created, store.encounters.create(values)

        self._saving = True
        self.ctx.db.run(write, on_done=self._saved, on_error=self._failed)

    def _saved(self, result: tuple[dict[str, Any] | None, dict[str, Any]]) -> None:
        self._saving = False
        created, encounter = result
        who = display_name(self.person, self.ctx.lang) if self.person else \
            display_name(created, self.ctx.lang) if created else \
            QCoreApplication.translate("Encounter", "anonymous")
        at = isolate(QDateTime.currentDateTime().toString("HH:mm"))
        self.last_saved.setText(QCoreApplication.translate("Encounter", "Saved: %1 at %2")
                                .replace("%1", who).replace("%2", at))
        if created is not None:
            self.ctx.events.records_changed.emit("person")
        self.ctx.events.records_changed.emit("encounter")
        self.saved.emit(encounter)
        self.reset()

    def _failed(self, error: Exception) -> None:
        self._saving = False
        self.last_saved.clear()  # "Saved: …" of the one before would read as this one's
        if isinstance(error, EncounterInvalid):
            self._show_errors(error.encounter_errors, error.person_errors)
        elif isinstance(error, ValidationError):
            self._show_errors(error.errors, [])
        elif isinstance(error, UserFacingError):
            self.problem.setText(messages.error_text(error))
            self.problem.show()
        else:
            self.ctx.events.error_reported.emit(error)

    def _show_errors(self, errors: list[FieldError], person_errors: list[FieldError]) -> None:
        """Every problem at once, each under its field; the focus on the first one."""
        who: list[FieldError] = []
        anon: list[FieldError] = []
        person: list[FieldError] = list(person_errors)
        main: list[FieldError] = []
        anon_names = {"sex": "anon_sex", "approx_age": "anon_age"}
        for e in errors:
            if e.field in ("person_id", "anonymous"):
                who.append(e)
            elif e.field in anon_names and self.mode == ANONYMOUS:
                anon.append(FieldError(anon_names[e.field], e.code, e.params))
            elif e.field in anon_names and self.mode == NEW:
                person.append(e)  # the encounter takes sex and age from the new person
            else:
                main.append(e)
        unplaced = self.form.show_errors(main, focus=False)
        unplaced += self.anon_form.show_errors(anon, focus=False)
        unplaced += self.person_form.show_errors(person, focus=False)
        self.who_error.setVisible(bool(who))
        if who:
            self.who_error.setText(messages.field_error_text(who[0]))
        self._show_unplaced(unplaced)
        if who:
            self.focus_who()
            return
        for form in (self.person_form, self.anon_form, self.form):  # top to bottom
            first = next((form.editors[n].widget for n, err in form.errors.items()
                          if not err.isHidden()), None)
            if first is not None:
                first.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def _show_unplaced(self, unplaced: list[FieldError]) -> None:
        self.problem.setText("; ".join(f"{messages.field_label(e.field)}: "
                                       f"{messages.field_error_text(e)}" for e in unplaced))
        self.problem.setVisible(bool(unplaced))

    # --- leaving ------------------------------------------------------------------------------

    def cancel(self) -> None:
        """Esc: close, asking first only if something typed would be lost."""
        if not self.is_open:
            return
        if self.is_dirty() and not confirm_discard(
                self, QCoreApplication.translate("Encounter", "Cancel this encounter?"),
                QCoreApplication.translate(
                    "Encounter", "What you typed for this encounter will be lost.")):
            return
        self.close_form()

    def close_form(self) -> None:
        self._generation += 1
        self._debounce.stop()
        self.hide()
        self.closed.emit()
