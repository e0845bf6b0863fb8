"""Supervision queues: likely duplicate persons to merge or tell apart (clusters of records of
one presumed person, then a "possible" tier), and sync conflicts to settle. Two panels for the
Supervision screen; the database work is fieldapp/store/merging.py.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from itertools import combinations
from typing import Any, Literal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldapp import messages
from fieldapp.domain import records, vocabularies
from fieldapp.domain.clusters import Cluster, DuplicateQueue
from fieldapp.domain.matching import Reason
from fieldapp.errors import UserFacingError
from fieldapp.store import merging, queries
from fieldapp.ui.context import Context
from fieldapp.ui.forms import isolate
from fieldapp.ui.person_text import display_name
from fieldapp.ui.screen import empty_state

# Fields shown side by side, in the person form's order.
SHOWN_FIELDS = merging.MERGE_FIELDS
# A mark before a line of names and values, so that the line reads in the interface's
# direction (names, CINs and dates are isolated and would not set it).
RLM, LRM = "\u200f", "\u200e"
# The titles of the queue's tiers (the possible tier's as the style's hints).
_TITLE_TEXT = "#1f3b4d"
_LIKELY_TITLE = "#e6ebef"
_POSSIBLE_TITLE = "#fff4d6"


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
        "others_alike": lambda: QCoreApplication.translate(
            "Queues", "A common name: about %n other person(s) of that age have it", "",
            int(params.get("others", 0) or 0)),
        "others_may_be_alike": lambda: QCoreApplication.translate(
            "Queues", "Other people of that age may have the same name"),
        "none_alike": lambda: QCoreApplication.translate(
            "Queues", "No one else here has this name"),
        "nickname_is_first_name": lambda: QCoreApplication.translate(
            "Queues", "The nickname is what people of that first name are called"),
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


# --- duplicates ---------------------------------------------------------------------------


class DuplicatesPanel(QWidget):
    """The duplicates queue: clusters of records presumed one person, most certain first, then
    the possible tier ("Possible — check before merging": a first name or a nickname only).
    The chosen cluster side by side with the reasons: the record to keep, which records are
    the same person, a choice per differing field, and Merge / Not the same / Later; Undo
    after a merge."""

    def __init__(self, ctx: Context, threshold: float | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.threshold = threshold
        self.clusters: list[Cluster] = []
        self.rows: list[Cluster | None] = []  # the list's rows: a cluster, or a tier's title
        self.persons: dict[str, dict[str, Any]] = {}
        self.current: Cluster | None = None
        self.choices: dict[str, QButtonGroup] = {}
        self.keep_group: QButtonGroup | None = None
        self.same_boxes: dict[str, QCheckBox] = {}
        self.last_merged: list[str] = []
        self._job: Any = None
        layout = QVBoxLayout(self)
        self.progress = QProgressBar()
        self.progress.setObjectName("duplicates_progress")
        self.progress.hide()
        layout.addWidget(self.progress)
        self.list = QListWidget()
        self.list.setObjectName("duplicate_clusters")
        self.list.setAccessibleName(QCoreApplication.translate(
            "Queues", "People who may have been recorded more than once"))
        self.list.setMaximumHeight(170)
        self.list.currentRowChanged.connect(self._show_row)
        layout.addWidget(self.list)
        self.tier = QLabel()
        self.tier.setObjectName("duplicate_tier")
        self.tier.setProperty("role", "hint")
        self.tier.setWordWrap(True)
        self.tier.hide()
        layout.addWidget(self.tier)
        self.reasons = QLabel()
        self.reasons.setObjectName("duplicate_reasons")
        self.reasons.setWordWrap(True)
        layout.addWidget(self.reasons)
        self.grid_host = QWidget()
        self.grid_host.setObjectName("duplicate_fields")
        self.grid = QGridLayout(self.grid_host)
        self.fields_area = QScrollArea()
        self.fields_area.setWidgetResizable(True)
        self.fields_area.setWidget(self.grid_host)
        layout.addWidget(self.fields_area, 1)
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setObjectName("duplicates_error")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        self.merge_button = self._button(
            buttons, "merge_button", QCoreApplication.translate("Queues", "Merge"), "Ctrl+M",
            QCoreApplication.translate("Queues", "Merge those ticked as the same person into "
                                                 "the one kept (Ctrl+M)"), self.merge)
        self.not_same_button = self._button(
            buttons, "not_same_button", QCoreApplication.translate("Queues", "Not the same"),
            "Ctrl+D",
            QCoreApplication.translate("Queues", "Different people: never propose them "
                                                 "together again (Ctrl+D)"),
            self.not_same)
        self.later_button = self._button(
            buttons, "later_button", QCoreApplication.translate("Queues", "Later"), "Ctrl+Right",
            QCoreApplication.translate("Queues", "Next in the queue (Ctrl+Right)"), self.later)
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

        def job(store: Any, progress: Any) -> tuple[DuplicateQueue, dict[str, Any]]:
            queue = (merging.duplicate_queue(store, threshold, progress.report)
                     if threshold is not None
                     else merging.duplicate_queue(store, report=progress.report))
            ids = {i for c in (*queue.likely, *queue.possible) for i in c.ids}
            return queue, merging.persons_by_id(store, ids)

        self._job = self.ctx.db.run_long(job, self._progressed, self._loaded, self._failed)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    def _loaded(self, result: tuple[DuplicateQueue, dict[str, Any]]) -> None:
        self._job = None
        self.progress.hide()
        queue, self.persons = result
        self.clusters = [*queue.likely, *queue.possible]
        self.rows = []
        self.list.blockSignals(True)
        self.list.clear()
        for title, tier in (
                (QCoreApplication.translate("Queues", "Likely the same person (%n)", "",
                                            len(queue.likely)), queue.likely),
                (QCoreApplication.translate("Queues", "Possible — check before merging (%n)",
                                            "", len(queue.possible)), queue.possible)):
            if not tier:
                continue
            heading = QListWidgetItem(title)
            heading.setFlags(Qt.ItemFlag.NoItemFlags)  # a title: not chosen, skipped by keys
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            # drawn as a title, not as a greyed-out row
            heading.setForeground(QColor(_TITLE_TEXT))
            heading.setBackground(QColor(_POSSIBLE_TITLE if tier is queue.possible
                                         else _LIKELY_TITLE))
            self.list.addItem(heading)
            self.rows.append(None)
            for cluster in tier:
                self.list.addItem(QListWidgetItem(self._line(self._cluster_text(cluster))))
                self.rows.append(cluster)
        self.list.blockSignals(False)
        self.empty.setVisible(not self.clusters)
        self.list.setVisible(bool(self.clusters))
        self.current = None
        first = next((r for r, c in enumerate(self.rows) if c is not None), -1)
        if first >= 0:
            self.list.setCurrentRow(first)
            self.list.scrollToTop()  # the tier's title too
        else:
            self._show_row(-1)

    def _cluster_text(self, cluster: Cluster) -> str:
        names = [display_name(self.persons.get(i, {}), self.ctx.lang) for i in cluster.ids]
        if len(names) == 2:
            return QCoreApplication.translate("Queues", "%1 and %2").replace(
                "%1", names[0]).replace("%2", names[1])
        return QCoreApplication.translate(
            "Queues", "%1 and %n other(s)", "", len(names) - 1).replace("%1", names[0])

    def _line(self, text: str) -> str:
        """``text`` read in the interface's direction."""
        return (RLM if self.ctx.lang == "ar" else LRM) + text

    def _failed(self, error: Exception) -> None:
        self._job = None
        self.progress.hide()
        self._show_error(error)

    def _show_error(self, error: Exception) -> None:
        self.error.setText(messages.error_text(error) if isinstance(error, UserFacingError)
                           else QCoreApplication.translate("Queues", "Something went wrong."))
        self.error.show()

    # --- the cluster side by side ----------------------------------------------------

    def _clear_grid(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.choices = {}
        self.same_boxes = {}
        self.keep_group = None

    def _show_row(self, row: int) -> None:
        self._clear_grid()
        self.error.hide()
        cluster = self.rows[row] if 0 <= row < len(self.rows) else None
        self.current = cluster
        if cluster is None:
            self.reasons.clear()
            self.tier.hide()
            self._set_enabled(False)
            return
        lang = self.ctx.lang
        records = [self.persons.get(i, {}) for i in cluster.ids]
        self.tier.setText(QCoreApplication.translate(
            "Queues", "Possible — check before merging: only a first name or a nickname, the "
                      "sex, the province and the age match.")
                          if cluster.possible else "")
        self.tier.setVisible(cluster.possible)
        self.reasons.setText(self._reasons_text(cluster))
        self.keep_group = QButtonGroup(self.grid_host)
        self.keep_group.idToggled.connect(self._keep_changed)
        # a row each for the names, the record kept, and (three records or more) which are
        # the same person: aligned across the records whatever their script
        for column, (pid, rec) in enumerate(zip(cluster.ids, records, strict=True), start=1):
            title = QLabel(self._line(display_name(rec, lang)))
            title.setWordWrap(True)
            self.grid.addWidget(title, 0, column, Qt.AlignmentFlag.AlignBottom)
            keep = QRadioButton(QCoreApplication.translate("Queues", "Keep this one"))
            keep.setObjectName(f"keep_{column}")
            self.keep_group.addButton(keep, column)
            self.grid.addWidget(keep, 1, column)
            if len(cluster.ids) > 2:
                same = QCheckBox(QCoreApplication.translate("Queues", "Same person"))
                same.setObjectName(f"same_{column}")
                same.setChecked(True)
                same.toggled.connect(self._same_changed)
                self.grid.addWidget(same, 2, column)
                self.same_boxes[pid] = same
        line = 3
        for name in SHOWN_FIELDS:
            values = [rec.get(name) for rec in records]
            if all(v in (None, "", []) for v in values):
                continue
            self.grid.addWidget(QLabel(messages.field_label(name)), line, 0)
            if all(v == values[0] for v in values):
                self.grid.addWidget(QLabel(self._line(value_text(name, values[0], lang))),
                                    line, 1, 1, len(values))
            else:
                group = QButtonGroup(self.grid_host)
                for column, value in enumerate(values, start=1):
                    radio = QRadioButton(self._line(value_text(name, value, lang)))
                    radio.setObjectName(f"choice_{name}_{column}")
                    radio.setProperty("role", "changed")
                    group.addButton(radio, column)
                    self.grid.addWidget(radio, line, column)
                self.choices[name] = group
            line += 1
        self.grid.setRowStretch(line, 1)
        button = self.keep_group.button(1)
        if button is not None:
            button.setChecked(True)  # the most complete record, first
        self._set_enabled(True)

    def _reasons_text(self, cluster: Cluster) -> str:
        def line(pair: merging.Pair) -> str:
            return " · ".join(reason_text(r) for r in pair[3])

        if len(cluster.links) == 1:
            return self._line(line(cluster.links[0]))
        lang = self.ctx.lang
        return "\n".join(self._line(QCoreApplication.translate("Queues", "%1 and %2: %3"))
                         .replace("%1", display_name(self.persons.get(c[0], {}), lang))
                         .replace("%2", display_name(self.persons.get(c[1], {}), lang))
                         .replace("%3", line(c)) for c in cluster.links)

    def _keep_changed(self, column: int, checked: bool) -> None:
        """The record kept is one of the same person; its values are the defaults."""
        if not checked or self.current is None:
            return
        kept = self.current.ids[column - 1]
        box = self.same_boxes.get(kept)
        if box is not None:
            box.setChecked(True)
        for box_id, box in self.same_boxes.items():
            box.setEnabled(box_id != kept)
        self._default_choices()

    def _same_changed(self, _checked: bool) -> None:
        self._default_choices()

    def _default_choices(self) -> None:
        """Each differing field takes the kept record's value, or when it has none the first
        value of a record of the same person."""
        if self.current is None or self.keep_group is None:
            return
        kept = self.keep_group.checkedId()
        same = self.merged_ids()
        for name, group in self.choices.items():
            order = [kept] + [c for c in range(1, len(self.current.ids) + 1)
                              if self.current.ids[c - 1] in same]
            for column in order:
                value = self.persons.get(self.current.ids[column - 1], {}).get(name)
                if value not in (None, "", []):
                    button = group.button(column)
                    if button is not None:
                        button.setChecked(True)
                    break
            for column in range(1, len(self.current.ids) + 1):
                button = group.button(column)
                if button is not None:
                    button.setEnabled(column == kept
                                      or self.current.ids[column - 1] in same)

    def survivor(self) -> str | None:
        """The record kept."""
        if self.current is None or self.keep_group is None:
            return None
        column = self.keep_group.checkedId()
        return self.current.ids[column - 1] if column >= 1 else None

    def merged_ids(self) -> list[str]:
        """The records ticked as the same person, other than the one kept."""
        if self.current is None:
            return []
        kept = self.survivor()
        return [i for i in self.current.ids if i != kept
                and (i not in self.same_boxes or self.same_boxes[i].isChecked())]

    def chosen(self) -> dict[str, Any]:
        """The value chosen for each differing field."""
        if self.current is None:
            return {}
        return {name: self.persons.get(self.current.ids[group.checkedId() - 1], {}).get(name)
                for name, group in self.choices.items() if group.checkedId() >= 1}

    # --- actions ---------------------------------------------------------------------

    def merge(self) -> None:
        survivor = self.survivor()
        if self.current is None or survivor is None:
            return
        merged = self.merged_ids()
        apart = [i for i in self.current.ids if i != survivor and i not in merged]
        chosen = self.chosen()

        def job(store: Any) -> list[str]:
            with store.transaction():
                for i, pid in enumerate(merged):
                    merging.merge(store, survivor, pid, chosen if i == 0 else None)
                for pid in apart:  # unticked: not the same person as the one kept
                    merging.not_same_person(store, survivor, pid)
            return merged

        self._set_enabled(False)
        self.ctx.db.run(job, on_done=self._merged, on_error=self._write_failed)

    def _merged(self, merged: list[str]) -> None:
        self.last_merged = merged
        self.undo_button.setVisible(bool(merged))
        self.ctx.events.records_changed.emit("person")
        self.reload()

    def undo(self) -> None:
        merged = list(self.last_merged)
        if not merged:
            return

        def job(store: Any) -> None:
            with store.transaction():
                for pid in merged:
                    merging.undo_merge(store, pid)

        self.ctx.db.run(job, on_done=lambda _r: self._undone(), on_error=self._write_failed)

    def _undone(self) -> None:
        self.last_merged = []
        self.undo_button.hide()
        self.ctx.events.records_changed.emit("person")
        self.reload()

    def not_same(self) -> None:
        if self.current is None:
            return
        ids = self.current.ids

        def job(store: Any) -> None:
            with store.transaction():
                for a, b in combinations(ids, 2):
                    merging.not_same_person(store, a, b)

        self._set_enabled(False)
        self.ctx.db.run(job, on_done=lambda _r: self._decided(), on_error=self._write_failed)

    def _decided(self) -> None:
        self.ctx.events.records_changed.emit("non_duplicate")
        self.reload()

    def later(self) -> None:
        rows = [r for r, c in enumerate(self.rows) if c is not None]
        if not rows:
            return
        after = [r for r in rows if r > self.list.currentRow()]
        self.list.setCurrentRow(after[0] if after else rows[0])

    def _write_failed(self, error: Exception) -> None:
        self._set_enabled(self.current is not None)
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
