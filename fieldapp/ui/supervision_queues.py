"""Supervision queues: how values and matching reasons read, and the sync conflicts to settle.
The duplicates queue (clusters of records of one presumed person to merge or tell apart) is
:mod:`fieldapp.ui.supervision_duplicates`; the database work is fieldapp/store/merging.py.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any, Literal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
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
from fieldapp.ui.person_text import author_name
from fieldapp.ui.screen import empty_state, join_list

# Fields shown side by side, in the person form's order.
SHOWN_FIELDS = merging.MERGE_FIELDS
# A mark before a line of names and values, so that the line reads in the interface's
# direction (names, CINs and dates are isolated and would not set it).
RLM, LRM = "\u200f", "\u200e"


def value_text(field_name: str, value: Any, lang: str, kind: str = "person") -> str:
    """A field value as a person reads it: vocabulary labels, isolated free text."""
    if value is None or value == "" or value == []:
        return "—"
    field = records.KINDS[kind].by_name.get(field_name)
    if field is not None and field.vocabulary:
        vocab = vocabularies.vocabulary(field.vocabulary)
        codes = value if isinstance(value, list) else [value]
        return join_list(vocab.label(c, lang) if c in vocab else isolate(str(c)) for c in codes)
    if isinstance(value, bool):
        return (QCoreApplication.translate("Queues", "Yes") if value
                else QCoreApplication.translate("Queues", "No"))
    if isinstance(value, list):
        return join_list(isolate(str(v)) for v in value)
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
        "others_alike": lambda: QCoreApplication.translate(
            "Queues", "A common name: about %n other person(s) of that age have it", "",
            int(params.get("others", 0) or 0)),
        "others_may_be_alike": lambda: QCoreApplication.translate(
            "Queues", "Other people of that age may have the same name"),
        "none_alike": lambda: QCoreApplication.translate(
            "Queues", "No one else here has this name"),
        "nickname_is_first_name": lambda: QCoreApplication.translate(
            "Queues", "The nickname is what people of that first name are called"),
        "same_area": lambda: QCoreApplication.translate(
            "Queues", "Both were met in the same area: %1").replace(
                "%1", isolate(str(params.get("place", "")))),
        "areas_differ": lambda: QCoreApplication.translate(
            "Queues", "Never met in the same area"),
        "others_fit": lambda: QCoreApplication.translate(
            "Queues", "%n other person(s) would fit as well", "",
            int(params.get("others", 0) or 0)),
    }
    make = texts.get(code)
    return make() if make else isolate(code)


def hlc_time(hlc: int | None) -> str:
    """When a change was written: the hybrid clock's milliseconds, local time."""
    if not hlc:
        return "—"
    when = datetime.fromtimestamp((int(hlc) >> 16) / 1000, UTC).astimezone()
    return isolate(when.strftime("%Y-%m-%d %H:%M"))


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
        lang = self.ctx.lang
        # who by name: a member of this laptop, a user of the scope with their team (the
        # store read them, queries.open_conflicts), else the author as written
        winner = author_name(r, "winner_name", lang) or "—"
        kept = author_name(r, "kept_name", lang) or "—"
        self.detail.setText(QCoreApplication.translate(
            "Queues", "%1 — now: %2 (by %3, %4); overwritten: %5 (by %6, %7)")
            .replace("%1", messages.field_label(r["field"]))
            .replace("%2", self._value(r, r["current_value"]))
            .replace("%3", winner)
            .replace("%4", hlc_time(r.get("winner_hlc")))
            .replace("%5", self._value(r, self._kept(r)))
            .replace("%6", kept)
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
