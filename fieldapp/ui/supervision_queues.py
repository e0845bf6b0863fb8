"""Supervision queues: likely duplicate persons to merge or tell apart, and sync conflicts to
settle. Two panels for the Supervision screen; the database work is fieldapp/store/merging.py.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any, Literal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp import messages
from fieldapp.domain import records, vocabularies
from fieldapp.domain.matching import Reason
from fieldapp.errors import UserFacingError
from fieldapp.store import merging, queries
from fieldapp.ui.context import Context
from fieldapp.ui.forms import isolate
from fieldapp.ui.person_text import display_name
from fieldapp.ui.screen import empty_state

# Fields shown side by side, in the person form's order.
SHOWN_FIELDS = merging.MERGE_FIELDS


def value_text(field_name: str, value: Any, lang: str, kind: str = "person") -> str:
    """A field value as a person reads it: vocabulary labels, isolated free text."""
    if value is None or value == "" or value == []:
        return "—"
    field = records.KINDS[kind].by_name.get(field_name)
    if field is not None and field.vocabulary:
        vocab = vocabularies.vocabulary(field.vocabulary)
        codes = value if isinstance(value, list) else [value]
        return ", ".join(vocab.label(c, lang) if c in vocab else isolate(str(c)) for c in codes)
    if isinstance(value, bool):
        return (QCoreApplication.translate("Queues", "Yes") if value
                else QCoreApplication.translate("Queues", "No"))
    if isinstance(value, list):
        return ", ".join(isolate(str(v)) for v in value)
    return isolate(str(value))


def reason_text(reason: Reason) -> str:
    """One piece of matching evidence as a sentence."""
    code, params = reason.code, reason.params
    years = int(params.get("years", 0) or 0)
    texts = {
        "same_cin": lambda: QCoreApplication.translate("Queues", "Same CIN"),
        "different_cin": lambda: QCoreApplication.translate("Queues", "Different CINs"),
        "names_match_across_scripts": lambda: QCoreApplication.translate(
            "Queues", "Names match across Arabic and Latin script"),
        "names_match_same_script": lambda: QCoreApplication.translate("Queues",
                                                                      "Names match"),
        "first_name_only": lambda: QCoreApplication.translate(
            "Queues", "Only the first name is known on one side"),
        "names_partly_differ": lambda: QCoreApplication.translate("Queues",
                                                                  "Names partly differ"),
        "names_differ": lambda: QCoreApplication.translate("Queues", "Names differ"),
        "nickname_matches": lambda: QCoreApplication.translate("Queues", "Same nickname"),
        "sex_differs": lambda: QCoreApplication.translate("Queues", "Sex differs"),
        "same_birth_date": lambda: QCoreApplication.translate("Queues", "Same date of birth"),
        "age_close": lambda: QCoreApplication.translate(
            "Queues", "Ages within %n year(s)", "", years),
        "age_differs": lambda: QCoreApplication.translate(
            "Queues", "Ages differ by %n year(s)", "", years),
        "province_differs": lambda: QCoreApplication.translate(
            "Queues", "Recorded in different provinces"),
    }
    make = texts.get(code)
    return make() if make else isolate(code)


def hlc_time(hlc: int | None) -> str:
    """When a change was written: the hybrid clock's milliseconds, local time."""
    if not hlc:
        return "—"
    when = datetime.fromtimestamp((int(hlc) >> 16) / 1000, UTC).astimezone()
    return isolate(when.strftime("%Y-%m-%d %H:%M"))


# --- duplicates ---------------------------------------------------------------------------


class DuplicatesPanel(QWidget):
    """Candidate pairs; the current pair side by side with the reasons, a choice per
    differing field, and Merge / Not the same / Later; Undo after a merge."""

    def __init__(self, ctx: Context, threshold: float | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.threshold = threshold
        self.pairs: list[merging.Pair] = []
        self.persons: dict[str, dict[str, Any]] = {}
        self.current: int = -1
        self.choices: dict[str, QButtonGroup] = {}
        self.last_merged: str | None = None
        self._job: Any = None
        layout = QVBoxLayout(self)
        self.progress = QProgressBar()
        self.progress.setObjectName("duplicates_progress")
        self.progress.hide()
        layout.addWidget(self.progress)
        self.list = QListWidget()
        self.list.setObjectName("duplicate_pairs")
        self.list.setMaximumHeight(140)
        self.list.currentRowChanged.connect(self._show_pair)
        layout.addWidget(self.list)
        self.reasons = QLabel()
        self.reasons.setObjectName("duplicate_reasons")
        self.reasons.setWordWrap(True)
        layout.addWidget(self.reasons)
        self.grid_host = QWidget()
        self.grid_host.setObjectName("duplicate_fields")
        self.grid = QGridLayout(self.grid_host)
        layout.addWidget(self.grid_host, 1)
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setObjectName("duplicates_error")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        self.merge_button = self._button(
            buttons, "merge_button", QCoreApplication.translate("Queues", "Merge"), "Ctrl+M",
            QCoreApplication.translate("Queues", "Merge the right record into the left one "
                                                 "(Ctrl+M)"), self.merge)
        self.not_same_button = self._button(
            buttons, "not_same_button", QCoreApplication.translate("Queues", "Not the same"),
            "Ctrl+D",
            QCoreApplication.translate("Queues", "Different people: never propose this pair "
                                                 "again (Ctrl+D)"), self.not_same)
        self.later_button = self._button(
            buttons, "later_button", QCoreApplication.translate("Queues", "Later"), "Ctrl+Right",
            QCoreApplication.translate("Queues", "Next pair (Ctrl+Right)"), self.later)
        self.undo_button = self._button(
            buttons, "undo_merge_button", QCoreApplication.translate("Queues", "Undo merge"),
            "Ctrl+Z", QCoreApplication.translate("Queues", "Undo the last merge (Ctrl+Z)"),
            self.undo)
        self.undo_button.hide()
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.empty = empty_state(QCoreApplication.translate(
            "Queues", "No likely duplicates. Records that may be the same person appear here "
                      "to be merged or told apart."))
        self.empty.setObjectName("duplicates_empty")
        layout.addWidget(self.empty)
        self._set_enabled(False)

    def _button(self, row: QHBoxLayout, name: str, text: str, keys: str, tip: str,
                slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda: self._press(button))
        row.addWidget(button)
        return button

    @staticmethod
    def _press(button: QPushButton) -> None:
        if button.isEnabled() and button.isVisible():
            button.click()

    def _set_enabled(self, on: bool) -> None:
        for b in (self.merge_button, self.not_same_button, self.later_button):
            b.setEnabled(on)

    # --- loading ---------------------------------------------------------------------

    def reload(self) -> None:
        if self._job is not None and self._job.progress is not None:
            self._job.progress.cancel()
        self.progress.setValue(0)
        self.progress.show()
        threshold = self.threshold

        def job(store: Any, progress: Any) -> tuple[list[merging.Pair], dict[str, Any]]:
            found = (merging.candidates(store, threshold, progress.report) if threshold
                     is not None else merging.candidates(store, report=progress.report))
            ids = {i for a, b, _, _ in found for i in (a, b)}
            return found, merging.persons_by_id(store, ids)

        self._job = self.ctx.db.run_long(job, self._progressed, self._loaded, self._failed)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    def _loaded(self, result: tuple[list[merging.Pair], dict[str, Any]]) -> None:
        self._job = None
        self.progress.hide()
        self.pairs, self.persons = result
        self.list.blockSignals(True)
        self.list.clear()
        for a, b, _score, _reasons in self.pairs:
            item = QListWidgetItem(QCoreApplication.translate("Queues", "%1 and %2").replace(
                "%1", display_name(self.persons.get(a, {}), self.ctx.lang)).replace(
                "%2", display_name(self.persons.get(b, {}), self.ctx.lang)))
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.empty.setVisible(not self.pairs)
        self.list.setVisible(bool(self.pairs))
        self.current = -1
        if self.pairs:
            self.list.setCurrentRow(0)
        else:
            self._show_pair(-1)

    def _failed(self, error: Exception) -> None:
        self._job = None
        self.progress.hide()
        self._show_error(error)

    def _show_error(self, error: Exception) -> None:
        self.error.setText(messages.error_text(error) if isinstance(error, UserFacingError)
                           else QCoreApplication.translate("Queues", "Something went wrong."))
        self.error.show()

    # --- the pair side by side -------------------------------------------------------

    def _clear_grid(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.choices = {}

    def _show_pair(self, row: int) -> None:
        self._clear_grid()
        self.current = row
        self.error.hide()
        if row < 0 or row >= len(self.pairs):
            self.reasons.clear()
            self._set_enabled(False)
            return
        a_id, b_id, _score, reasons = self.pairs[row]
        a, b = self.persons.get(a_id, {}), self.persons.get(b_id, {})
        self.reasons.setText(" · ".join(reason_text(r) for r in reasons))
        lang = self.ctx.lang
        self.grid.addWidget(QLabel(display_name(a, lang)), 0, 1)
        self.grid.addWidget(QLabel(display_name(b, lang)), 0, 2)
        line = 1
        for name in SHOWN_FIELDS:
            va, vb = a.get(name), b.get(name)
            if va in (None, "", []) and vb in (None, "", []):
                continue
            self.grid.addWidget(QLabel(messages.field_label(name)), line, 0)
            if va == vb:
                same = QLabel(value_text(name, va, lang))
                self.grid.addWidget(same, line, 1, 1, 2)
            else:
                group = QButtonGroup(self.grid_host)
                for column, (value, side) in enumerate(((va, "a"), (vb, "b")), start=1):
                    radio = QRadioButton(value_text(name, value, lang))
                    radio.setObjectName(f"choice_{name}_{side}")
                    radio.setProperty("role", "changed")
                    group.addButton(radio, column)
                    self.grid.addWidget(radio, line, column)
                # the survivor's value is the default; an empty survivor value takes the other
                group.button(2 if va in (None, "", []) else 1).setChecked(True)
                self.choices[name] = group
            line += 1
        self._set_enabled(True)

    def chosen(self) -> dict[str, Any]:
        """The value chosen for each differing field (left = survivor)."""
        if self.current < 0:
            return {}
        a_id, b_id = self.pairs[self.current][:2]
        a, b = self.persons.get(a_id, {}), self.persons.get(b_id, {})
        return {name: (a if group.checkedId() == 1 else b).get(name)
                for name, group in self.choices.items()}

    # --- actions ---------------------------------------------------------------------

    def merge(self) -> None:
        if self.current < 0:
            return
        survivor, merged = self.pairs[self.current][:2]
        chosen = self.chosen()
        self._set_enabled(False)
        self.ctx.db.run(lambda store: merging.merge(store, survivor, merged, chosen),
                        on_done=lambda _r: self._merged(merged), on_error=self._write_failed)

    def _merged(self, merged: str) -> None:
        self.last_merged = merged
        self.undo_button.show()
        self.ctx.events.records_changed.emit("person")
        self.reload()

    def undo(self) -> None:
        merged = self.last_merged
        if merged is None:
            return
        self.ctx.db.run(lambda store: merging.undo_merge(store, merged),
                        on_done=lambda _r: self._undone(), on_error=self._write_failed)

    def _undone(self) -> None:
        self.last_merged = None
        self.undo_button.hide()
        self.ctx.events.records_changed.emit("person")
        self.reload()

    def not_same(self) -> None:
        if self.current < 0:
            return
        a, b = self.pairs[self.current][:2]
        self._set_enabled(False)
        self.ctx.db.run(lambda store: merging.not_same_person(store, a, b),
                        on_done=lambda _r: self._decided(), on_error=self._write_failed)

    def _decided(self) -> None:
        self.ctx.events.records_changed.emit("non_duplicate")
        self.reload()

    def later(self) -> None:
        if self.pairs:
            self.list.setCurrentRow((self.current + 1) % len(self.pairs))

    def _write_failed(self, error: Exception) -> None:
        self._set_enabled(self.current >= 0)
        self._show_error(error)


# --- conflicts ----------------------------------------------------------------------------


class ConflictsPanel(QWidget):
    """Open conflict records: both values, who wrote them and when; keep one of them."""

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.rows: list[dict[str, Any]] = []
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setObjectName("conflict_list")
        self.list.currentRowChanged.connect(self._show)
        layout.addWidget(self.list, 1)
        self.detail = QLabel()
        self.detail.setObjectName("conflict_detail")
        self.detail.setWordWrap(True)
        layout.addWidget(self.detail)
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        self.keep_current = QPushButton(QCoreApplication.translate("Queues", "Keep current value"))
        self.keep_current.setObjectName("keep_current")
        self.keep_current.setToolTip(QCoreApplication.translate(
            "Queues", "Keep the value the record has now (Alt+1)"))
        self.keep_current.setShortcut("Alt+1")  # Ctrl+digits move along the rail
        self.keep_current.clicked.connect(lambda: self.resolve("current"))
        self.keep_other = QPushButton(QCoreApplication.translate("Queues", "Use other value"))
        self.keep_other.setObjectName("keep_other")
        self.keep_other.setToolTip(QCoreApplication.translate(
            "Queues", "Put back the value that was overwritten (Alt+2)"))
        self.keep_other.setShortcut("Alt+2")
        self.keep_other.clicked.connect(lambda: self.resolve("kept"))
        buttons.addWidget(self.keep_current)
        buttons.addWidget(self.keep_other)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.empty = empty_state(QCoreApplication.translate(
            "Queues", "No conflicts. When two people change the same field before syncing, "
                      "both values appear here so you can choose."))
        self.empty.setObjectName("conflicts_empty")
        layout.addWidget(self.empty)
        self._show(-1)

    def reload(self) -> None:
        self.ctx.db.run(queries.open_conflicts, on_done=self._loaded, on_error=self._failed)

    def _loaded(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows
        self.list.blockSignals(True)
        self.list.clear()
        for r in rows:
            self.list.addItem(QCoreApplication.translate("Queues", "%1: %2 or %3").replace(
                "%1", messages.field_label(r["field"])).replace(
                "%2", self._value(r, r["current_value"])).replace(
                "%3", self._value(r, self._kept(r))))
        self.list.blockSignals(False)
        self.empty.setVisible(not rows)
        self.list.setVisible(bool(rows))
        self.list.setCurrentRow(0 if rows else -1)
        self._show(self.list.currentRow())

    def _kept(self, r: dict[str, Any]) -> Any:
        raw = r.get("kept_value")
        return json.loads(raw) if raw is not None else None

    def _value(self, r: dict[str, Any], stored: Any) -> str:
        kind = records.KINDS.get(r["record_kind"] or "")
        field = kind.by_name.get(r["field"]) if kind else None
        value = field.from_stored(stored) if field is not None else stored
        return value_text(r["field"], value, self.ctx.lang,
                          kind.name if kind and field else "person")

    def _show(self, row: int) -> None:
        ok = 0 <= row < len(self.rows)
        self.keep_current.setEnabled(ok)
        self.keep_other.setEnabled(ok)
        if not ok:
            self.detail.clear()
            return
        r = self.rows[row]
        self.detail.setText(QCoreApplication.translate(
            "Queues", "%1 — now: %2 (by %3, %4); overwritten: %5 (by %6, %7)")
            .replace("%1", messages.field_label(r["field"]))
            .replace("%2", self._value(r, r["current_value"]))
            .replace("%3", isolate(r.get("winner_author") or "—"))
            .replace("%4", hlc_time(r.get("winner_hlc")))
            .replace("%5", self._value(r, self._kept(r)))
            .replace("%6", isolate(r.get("kept_author") or "—"))
            .replace("%7", hlc_time(r.get("kept_hlc"))))

    def resolve(self, choose: Literal["kept", "current"]) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.rows):
            return
        r = self.rows[row]
        self.keep_current.setEnabled(False)
        self.keep_other.setEnabled(False)
        self.ctx.db.run(lambda store: merging.resolve_conflict(store, r["id"], choose),
                        on_done=lambda _r: self._resolved(r["record_kind"]),
                        on_error=self._failed)

    def _resolved(self, kind: str) -> None:
        self.ctx.events.records_changed.emit("conflict")
        self.ctx.events.records_changed.emit(kind)
        self.reload()

    def _failed(self, error: Exception) -> None:
        self._show(self.list.currentRow())
        self.error.setText(messages.error_text(error) if isinstance(error, UserFacingError)
                           else QCoreApplication.translate("Queues", "Something went wrong."))
        self.error.show()
