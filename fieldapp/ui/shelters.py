"""Shelters: capacity, people there now and free places, so patrols orient to a shelter that
can take them in; add a shelter or correct its capacity.

Occupancy is not typed in: it is derived from the orientations recorded at encounters
(:func:`fieldapp.store.queries.shelters`). Everyone oriented to a shelter during the last 24
hours (one night's stay) counts as there; free places are the capacity minus that count, never
below zero. A shelter at 90 % or more is marked nearly full, one with no free place full.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp import messages
from fieldapp.domain import records
from fieldapp.domain.records import SHELTER
from fieldapp.store import queries
from fieldapp.store.repository import Store, ValidationError
from fieldapp.ui.context import Context
from fieldapp.ui.forms import Form, NumberEditor, TextEditor, isolate, show_failure
from fieldapp.ui.screen import Screen, empty_state, heading

NEARLY_FULL = 0.9  # share of the capacity from which a shelter is marked nearly full
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 2
LEVEL_COLOURS = {"full": QColor("#f6d5d2"), "nearly_full": QColor("#fdefc8")}
LEVEL_TEXT_COLOURS = {"full": QColor("#9c1c13"), "nearly_full": QColor("#6b4e00")}
Index = QModelIndex | QPersistentModelIndex


def occupancy_level(shelter: dict[str, Any]) -> str:
    """"full" (no free place), "nearly_full" (90 % or more taken) or ""."""
    capacity = shelter.get("capacity") or 0
    taken = shelter.get("occupancy") or 0
    if taken >= capacity:
        return "full"
    if taken >= NEARLY_FULL * capacity:
        return "nearly_full"
    return ""


def shelter_names(shelter: dict[str, Any], lang: str) -> tuple[str, str]:
    """(name in the interface language, name in the other one); the other one fills in
    when the first is missing."""
    first, second = ("name_ar", "name_fr") if lang == "ar" else ("name_fr", "name_ar")
    main, other = shelter.get(first) or "", shelter.get(second) or ""
    if not main:
        main, other = other, ""
    return main, other


class ShelterTableModel(QAbstractTableModel):
    """Shelters as rows: names, commune, capacity, occupancy, free places, a fullness cue."""

    COLUMNS = ("name", "other_name", "commune", "capacity", "occupancy", "free", "status")
    NUMBERS = frozenset({"capacity", "occupancy", "free"})

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang
        self.rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = sorted(rows, key=lambda r: shelter_names(r, self.lang)[0].casefold())
        self.endResetModel()

    def shelter(self, row: int) -> dict[str, Any]:
        return self.rows[row]

    def row_of(self, shelter_id: str) -> int:
        for i, r in enumerate(self.rows):
            if r["id"] == shelter_id:
                return i
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        level = occupancy_level(s)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(s, column, level)
        if role == SORT_ROLE:
            if column in self.NUMBERS:
                return s.get(column) or 0
            if column == "status":
                return {"full": 2, "nearly_full": 1}.get(level, 0)
            return self._text(s, column, level).casefold()
        if role == Qt.ItemDataRole.UserRole:
            return s["id"]
        if role == LEVEL_ROLE:
            return level
        if role == Qt.ItemDataRole.BackgroundRole:
            return LEVEL_COLOURS.get(level)
        if role == Qt.ItemDataRole.ForegroundRole and column in ("status", "free"):
            return LEVEL_TEXT_COLOURS.get(level)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.NUMBERS:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate(
                "Shelters",
                "%1 of %2 places taken: people oriented here during the last 24 hours.",
            ).replace("%1", str(s["occupancy"])).replace("%2", str(s["capacity"]))
        return None

    def _text(self, s: dict[str, Any], column: str, level: str) -> str:
        if column in ("name", "other_name"):
            return isolate(shelter_names(s, self.lang)[column == "other_name"])
        if column == "commune":
            return isolate(s.get("commune"))
        if column in self.NUMBERS:
            return str(s.get(column) or 0)
        if level == "full":
            return QCoreApplication.translate("Shelters", "Full")
        if level == "nearly_full":
            return QCoreApplication.translate("Shelters", "Nearly full")
        return ""

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        first, second = ("name_ar", "name_fr") if self.lang == "ar" else ("name_fr", "name_ar")
        return (
            messages.field_label(first),
            messages.field_label(second),
            messages.field_label("commune"),
            messages.field_label("capacity"),
            QCoreApplication.translate("Shelters", "There now"),
            QCoreApplication.translate("Shelters", "Free places"),
            QCoreApplication.translate("Shelters", "State"),
        )[section]


def shelter_form(lang: str) -> Form:
    """The shelter fields in two columns (under the table, which keeps its width); the name
    in the interface language first."""
    form = Form(columns=2)
    names = ("name_ar", "name_fr") if lang == "ar" else ("name_fr", "name_ar")
    for name in names:
        form.add(name, TextEditor(SHELTER.by_name[name].max_length or 120))
    # The spin box lets a wrong number be typed, so that the record rules (0 to 5000) say
    # what is wrong under the field instead of the box silently refusing the keys.
    form.add("capacity", NumberEditor(-999, 99_999))
    form.add("commune", TextEditor(80))
    form.add("address", TextEditor(200))
    phone = form.add("phone", TextEditor(20, placeholder="0537 00 00 00"))
    # digits and spaces have no direction of their own: in Arabic "05 37 70 91 08" would
    # show its groups in reverse order
    phone.widget.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    return form


class ShelterEditor(QWidget):
    """Add a shelter or correct one (its capacity first): Enter saves, Esc cancels."""

    saved = Signal(dict)
    cancelled = Signal()

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.shelter_id: str | None = None
        layout = QVBoxLayout(self)
        self.title = heading("")
        layout.addWidget(self.title)
        self.form = shelter_form(ctx.lang)
        layout.addWidget(self.form)
        self.problem = QLabel()
        self.problem.setObjectName("shelter_problem")
        self.problem.setProperty("role", "error")
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QHBoxLayout()
        buttons.addStretch()
        self.cancel_button = QPushButton(QCoreApplication.translate("Shelters", "Cancel"))
        self.cancel_button.setObjectName("cancel_shelter")
        self.cancel_button.setToolTip(QCoreApplication.translate("Shelters", "Cancel (Esc)"))
        self.cancel_button.clicked.connect(self.cancelled)
        self.save_button = QPushButton(QCoreApplication.translate("Shelters", "&Save"))
        self.save_button.setObjectName("save_shelter")
        self.save_button.setToolTip(QCoreApplication.translate("Shelters", "Save (Enter, Ctrl+S)"))
        self.save_button.setShortcut("Ctrl+S")
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

    def start_new(self) -> None:
        self.shelter_id = None
        self.title.setText(QCoreApplication.translate("Shelters", "New shelter"))
        self._reset({})
        first = "name_ar" if self.ctx.lang == "ar" else "name_fr"
        self.form.editors[first].widget.setFocus()

    def start_edit(self, shelter: dict[str, Any]) -> None:
        self.shelter_id = shelter.get("id")
        self.title.setText(QCoreApplication.translate("Shelters", "Edit shelter"))
        self._reset(shelter)
        capacity = self.form.editors["capacity"].widget
        capacity.setFocus()
        capacity.selectAll()  # type: ignore[attr-defined]

    def _reset(self, values: dict[str, Any]) -> None:
        self.form.set_values({name: values.get(name) for name in self.form.editors})
        self.form.clear_errors()
        self.problem.hide()
        self.save_button.setEnabled(True)

    def draft(self) -> dict[str, Any]:
        values = self.form.values()
        if self.shelter_id:
            values["id"] = self.shelter_id
        return values

    def restore(self, draft: dict[str, Any]) -> None:
        if draft.get("id"):
            self.start_edit(draft)
        else:
            self.start_new()
            self.form.set_values(draft)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        # line edits and spin boxes pass Enter and Esc on to their parent
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save()
        elif event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
        else:
            super().keyPressEvent(event)

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return  # a save is on its way
        values = self.form.values()
        shelter_id = self.shelter_id
        self.save_button.setEnabled(False)
        self.problem.hide()
        if shelter_id:
            def update(store: Store) -> dict[str, Any]:
                # the capacity may not drop below the people there now (checked in the same
                # job as the write, on the occupancy the store derives now)
                there = next((s["occupancy"] for s in queries.shelters(store)
                              if s["id"] == shelter_id), 0)
                errors = records.shelter_capacity_errors(values.get("capacity"), there)
                if errors:
                    raise ValidationError(errors)
                return store.shelters.update(shelter_id, values)

            self.ctx.db.run(update, on_done=self._done, on_error=self._failed)
        else:
            self.ctx.db.run(lambda store: store.shelters.create(values),
                            on_done=self._done, on_error=self._failed)

    def _done(self, shelter: dict[str, Any]) -> None:
        if not shiboken6.isValid(self):
            return  # the window went (lock, language) before the answer came
        self.save_button.setEnabled(True)
        self.form.clear_errors()
        self.saved.emit(shelter)

    def _failed(self, error: Exception) -> None:
        if not shiboken6.isValid(self):
            return  # the window went (lock, language) before the answer came
        self.save_button.setEnabled(True)
        show_failure(self.form, self.problem, error)


class SheltersScreen(Screen):
    """The shelters of the province, their capacity, who is there now and free places."""

    needs = ("write:shelter",)  # centre staff and above

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.model = ShelterTableModel(ctx.lang)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(self.title()))
        self.count = QLabel()
        self.count.setObjectName("shelter_count")
        top.addWidget(self.count)
        top.addStretch()
        self.new_button = QPushButton(QCoreApplication.translate("Shelters", "&New shelter"))
        self.new_button.setObjectName("new_shelter")
        self.new_button.setToolTip(QCoreApplication.translate("Shelters", "Add a shelter (Ctrl+N)"))
        self.new_button.setShortcut("Ctrl+N")
        self.new_button.clicked.connect(self.new_shelter)
        self.edit_button = QPushButton(QCoreApplication.translate("Shelters", "&Edit"))
        self.edit_button.setObjectName("edit_shelter")
        self.edit_button.setToolTip(
            QCoreApplication.translate(
                "Shelters", "Correct the chosen shelter, its capacity first (Ctrl+E or Enter)"
            )
        )
        self.edit_button.setShortcut("Ctrl+E")
        self.edit_button.clicked.connect(self.edit_current)
        self.edit_button.setEnabled(False)
        top.addWidget(self.new_button)
        top.addWidget(self.edit_button)
        layout.addLayout(top)
        explanation = QLabel(
            QCoreApplication.translate(
                "Shelters",
                "People oriented to a shelter during the last 24 hours count as there now. "
                "Shelters at 90 % or more are marked nearly full.",
            )
        )
        explanation.setObjectName("occupancy_explanation")
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        self.table = QTableView()
        self.table.setObjectName("shelter_table")
        self.table.setAccessibleName(self.title())
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the model's own order
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        # every column as wide as its longest text; the name in the interface's language
        # takes what is left, so neither name is cut while there is room
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda _index: self.edit_current())
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.edit_button.setEnabled(current.isValid())
        )
        self.empty = empty_state(
            QCoreApplication.translate(
                "Shelters",
                "No shelter yet. Shelters listed here show the patrols how many places are "
                "free tonight. Add the first one with Ctrl+N.",
            )
        )
        self.empty.setObjectName("shelters_empty")
        self.empty.hide()
        self.editor = ShelterEditor(ctx)
        self.editor.setObjectName("shelter_editor")
        self.editor.hide()
        self.editor.saved.connect(self._saved)
        self.editor.cancelled.connect(self._close_editor)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.empty, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)
        ctx.events.records_changed.connect(self._records_changed)
        self._loaded_once = False
        self._select_after_load: str | None = None

    def title(self) -> str:
        return QCoreApplication.translate("Shelters", "Shelters")

    def activated(self) -> None:
        self._loaded_once = True
        self.reload()
        if self.editor.isHidden():
            self.table.setFocus()

    def reload(self) -> None:
        self.ctx.db.run(queries.shelters, on_done=self._fill)

    def _records_changed(self, kind: str) -> None:
        if self._loaded_once and kind in ("shelter", "encounter"):
            self.reload()

    def _fill(self, rows: list[dict[str, Any]]) -> None:
        if not shiboken6.isValid(self):
            return  # the window went (lock, language) before the answer came
        current = self.current_shelter()
        keep = self._select_after_load or (current["id"] if current else None)
        self._select_after_load = None
        self.model.set_rows(rows)
        self.count.setText(QCoreApplication.translate("Shelters", "%n shelter(s)", "", len(rows)))
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        row = self.model.row_of(keep) if keep else -1
        if rows:  # a row is always chosen, so Enter or Ctrl+E edits at once
            self.select_row(self.proxy.mapFromSource(self.model.index(max(row, 0), 0)).row())
        self.edit_button.setEnabled(self.current_shelter() is not None)

    def select_row(self, row: int) -> None:
        # not QTableView.selectRow: it picks its column from the header's geometry, so it
        # does nothing while the table has never been shown
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        self.table.selectionModel().setCurrentIndex(self.proxy.index(row, 0), flags)

    def current_shelter(self) -> dict[str, Any] | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().hasSelection():
            return None
        row = self.proxy.mapToSource(index).row()
        return self.model.shelter(row) if 0 <= row < self.model.rowCount() else None

    def new_shelter(self) -> None:
        self.editor.show()
        self.editor.start_new()

    def edit_current(self) -> None:
        shelter = self.current_shelter()
        if shelter is None:
            return
        self.editor.show()
        self.editor.start_edit(shelter)

    def _saved(self, shelter: dict[str, Any]) -> None:
        self._select_after_load = shelter["id"]
        self._close_editor()
        self.ctx.events.records_changed.emit("shelter")

    def _close_editor(self) -> None:
        self.editor.hide()
        self.table.setFocus()

    def drafts(self) -> dict[str, dict[str, Any]]:
        # isHidden, not isVisible: the form stays open while another screen is shown
        return {} if self.editor.isHidden() else {"shelter": self.editor.draft()}

    def restore_drafts(self, drafts: dict[str, dict[str, Any]]) -> None:
        if "shelter" in drafts:
            self.editor.show()
            self.editor.restore(drafts["shelter"])
