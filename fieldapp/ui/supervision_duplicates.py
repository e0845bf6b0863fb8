"""The duplicates queue of the Supervision screen: clusters of records of one presumed person
to merge or tell apart, then a "possible" tier. The database work is
fieldapp/store/merging.py; the words for values and reasons are in
:mod:`fieldapp.ui.supervision_queues`.
"""

from __future__ import annotations

from itertools import combinations
from typing import Any

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
from fieldapp.domain.clusters import Cluster, DuplicateQueue
from fieldapp.errors import UserFacingError
from fieldapp.store import merging
from fieldapp.ui.context import Context
from fieldapp.ui.person_text import display_name
from fieldapp.ui.screen import empty_state
from fieldapp.ui.supervision_queues import (
    LRM,
    RLM,
    SHOWN_FIELDS,
    reason_text,
    value_text,
)

# The titles of the queue's tiers (the possible tier's as the style's hints).
_TITLE_TEXT = "#1f3b4d"
_LIKELY_TITLE = "#e6ebef"
_POSSIBLE_TITLE = "#fff4d6"


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
