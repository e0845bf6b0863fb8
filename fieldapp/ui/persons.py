"""Persons: a list that stays smooth at 100,000 persons, search as you type, a profile with
a timeline, and the person form (with a hint when a new person looks like an existing one).

The list model is lazy: it knows the number of rows, and fetches pages of 200 from the
database worker only when the view asks for rows it does not have, so the GUI thread never
waits on the database and never builds a widget per person.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp import messages
from fieldapp.domain import vocabularies
from fieldapp.store import merging, queries
from fieldapp.store.repository import Store
from fieldapp.store.search import search_persons
from fieldapp.ui.context import Context
from fieldapp.ui.forms import (
    isolate,
    isolate_ltr,
)
from fieldapp.ui.person_editor import PersonEditor
from fieldapp.ui.person_text import (
    age_text,
    display_name,
    seen_text,
    sex_text,
    timeline_text,
)
from fieldapp.ui.screen import Screen, heading

PAGE = 200
SEARCH_LIMIT = 200
Index = QModelIndex | QPersistentModelIndex


class PersonListModel(QAbstractTableModel):
    """Persons, newest first, or the results of a search; rows fetched page by page."""

    loaded = Signal()
    COLUMNS = ("name", "age", "sex", "seen")

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self._total = 0
        self._pages: dict[int, list[dict[str, Any]]] = {}
        self._asked: set[int] = set()
        self._generation = 0
        self.query = ""

    # loading ---------------------------------------------------------------------------

    def load(self, query: str = "") -> None:
        self.query = query.strip()
        self._generation += 1
        generation = self._generation
        text = self.query
        if text:

            def fetch(store: Store) -> tuple[int, list[dict[str, Any]]]:
                rows = search_persons(store, text, limit=SEARCH_LIMIT)
                seen = queries.last_seen(store, [r["id"] for r in rows])
                for r in rows:
                    r["last_seen"] = seen.get(r["id"], (None, None))[0]
                return len(rows), rows
        else:

            def fetch(store: Store) -> tuple[int, list[dict[str, Any]]]:
                return queries.person_count_merged(store), queries.persons_page_merged(
                    store, 0, PAGE
                )

        self.ctx.db.run(fetch, on_done=lambda res: self._reset(generation, *res))

    def _reset(self, generation: int, total: int, first: list[dict[str, Any]]) -> None:
        if generation != self._generation:
            return  # an older keystroke's answer: a newer one is on its way
        self.beginResetModel()
        self._total = total
        self._pages = {0: first}
        self._asked = {0}
        self.endResetModel()
        self.loaded.emit()

    def _ask_page(self, page: int) -> None:
        if page in self._asked or self.query:
            return
        self._asked.add(page)
        generation = self._generation
        self.ctx.db.run(
            lambda store: queries.persons_page_merged(store, page * PAGE, PAGE),
            on_done=lambda rows: self._page_arrived(generation, page, rows),
        )

    def _page_arrived(self, generation: int, page: int, rows: list[dict[str, Any]]) -> None:
        if generation != self._generation:
            return
        self._pages[page] = rows
        first = page * PAGE
        last = min(first + len(rows), self._total) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.COLUMNS) - 1))

    def person(self, row: int) -> dict[str, Any] | None:
        page = self._pages.get(row // PAGE)
        if page is None or row % PAGE >= len(page):
            return None
        return page[row % PAGE]

    # Qt model --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        p = self.person(index.row())
        if p is None:
            self._ask_page(index.row() // PAGE)
            return "…" if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            column = self.COLUMNS[index.column()]
            if column == "name":
                return display_name(p, self.ctx.lang)
            if column == "age":
                return age_text(p)
            if column == "sex":
                return sex_text(p, self.ctx.lang)
            return seen_text(p.get("last_seen"))
        if role == Qt.ItemDataRole.UserRole:
            return p["id"]
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (
            QCoreApplication.translate("Persons", "Name"),
            QCoreApplication.translate("Persons", "Age"),
            QCoreApplication.translate("Persons", "Sex"),
            QCoreApplication.translate("Persons", "Last seen"),
        )[section]


class PersonPage(QWidget):
    """A person's header (both names, age, sex, flags) and timeline, newest first."""

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.header = QLabel()
        self.header.setObjectName("person_header")
        self.header.setProperty("role", "title")
        self.header.setWordWrap(True)
        self.details = QLabel()
        self.details.setObjectName("person_details")
        self.details.setWordWrap(True)
        self.timeline = QListWidget()
        self.timeline.setObjectName("timeline")
        self.timeline.setWordWrap(True)
        self.timeline.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.timeline.setAccessibleName(QCoreApplication.translate("Persons", "Timeline"))
        layout.addWidget(self.header)
        layout.addWidget(self.details)
        self.merged_row = QWidget()
        merged_layout = QHBoxLayout(self.merged_row)
        merged_layout.setContentsMargins(0, 0, 0, 0)
        merged_layout.addWidget(QLabel(QCoreApplication.translate(
            "Persons", "Records merged into this person:")))
        self.merged_box = QComboBox()
        self.merged_box.setObjectName("merged_records")
        merged_layout.addWidget(self.merged_box, 1)
        self.split_button = QPushButton(QCoreApplication.translate("Persons", "Split off"))
        self.split_button.setObjectName("split")
        self.split_button.setToolTip(QCoreApplication.translate(
            "Persons", "Not the same person after all: this record goes back on its own, with "
            "its encounters and cases"))
        self.split_button.clicked.connect(self.split_selected)
        merged_layout.addWidget(self.split_button)
        # undoing a merge is a supervisor's: others see what was merged, not the button
        self.split_button.setVisible(ctx.allowed("merge"))
        self.merged_row.hide()
        layout.addWidget(QLabel(QCoreApplication.translate("Persons", "Timeline")))
        layout.addWidget(self.timeline, 1)
        layout.addWidget(self.merged_row)
        self.person_id: str | None = None
        self.survivor_id: str | None = None

    def show_person(self, person_id: str) -> None:
        self.person_id = person_id

        def fetch(store: Store) -> tuple[Any, ...]:
            group = queries.person_ids_of(store, person_id)
            merged = [p for p in (store.persons.get(pid) for pid in group[1:]) if p]
            return (store.persons.get(group[0]), queries.person_timeline_merged(store, group[0]),
                    merged)

        self.ctx.db.run(fetch, on_done=lambda res: self._fill(*res))

    def _show_merged(self, survivor: dict[str, Any], merged: list[dict[str, Any]]) -> None:
        """Records merged into this person, each of which can be split off again."""
        self.merged_box.clear()
        for p in merged:
            self.merged_box.addItem(display_name(p, self.ctx.lang), p["id"])
        self.merged_row.setVisible(bool(merged))
        self.survivor_id = survivor["id"]

    def split_selected(self) -> None:
        """A wrongly merged record goes back on its own, with its encounters and cases."""
        merged_id = self.merged_box.currentData()
        survivor_id = self.survivor_id
        if not merged_id or not survivor_id:
            return

        def split(store: Store) -> None:
            merging.split(store, survivor_id, merged_id)

        def done(_: Any) -> None:
            self.ctx.events.records_changed.emit("person")
            self.show_person(survivor_id)

        self.ctx.db.run(split, on_done=done)

    def _fill(self, person: dict[str, Any] | None, timeline: list[dict[str, Any]],
              merged: list[dict[str, Any]] | None = None) -> None:
        if person is None:
            self.header.setText(
                QCoreApplication.translate("Persons", "This person no longer exists.")
            )
            self.timeline.clear()
            return
        lang = self.ctx.lang
        self.header.setText(display_name(person, lang))
        flags = vocabularies.vocabulary("vulnerability_flag")
        bits = [age_text(person), sex_text(person, lang)]
        if person.get("cin"):
            bits.append(f"{messages.field_label('cin')} {isolate(person['cin'])}")
        bits += [flags.label(f, lang) for f in person.get("flags") or []]
        self.details.setText(" · ".join(b for b in bits if b))
        self.timeline.clear()
        for entry in timeline:
            when = isolate_ltr(entry["when"][:16].replace("T", " "))
            self.timeline.addItem(f"{when}  {timeline_text(entry, lang)}")
        if not timeline:
            self.timeline.addItem(QCoreApplication.translate("Persons", "Nothing recorded yet."))
        self._show_merged(person, merged or [])


class PersonsScreen(Screen):
    needs = ("read:personal",)  # not the committee's: figures only

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.model = PersonListModel(ctx)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(self.title()))
        self.search = QLineEdit()
        self.search.setObjectName("person_search")
        self.search.setPlaceholderText(
            QCoreApplication.translate(
                "Persons", "Search a name in Arabic or Latin letters, a nickname, a CIN (Ctrl+K)"
            )
        )
        self.search.setAccessibleName(QCoreApplication.translate("Persons", "Search persons"))
        self.search.setClearButtonEnabled(True)
        top.addWidget(self.search, 1)
        self.count = QLabel()
        self.count.setObjectName("person_count")
        top.addWidget(self.count)
        self.new_button = QPushButton(QCoreApplication.translate("Persons", "&New person"))
        self.new_button.setObjectName("new_person")
        top.addWidget(self.new_button)
        layout.addLayout(top)
        splitter = QSplitter()
        self.table = QTableView()
        self.table.setObjectName("person_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        # age, sex and "last seen" as wide as their words (measured on the rows in view only:
        # the list may hold 100,000 persons), the names take the rest
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(0)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setAlternatingRowColors(True)
        self.page = PersonPage(ctx)
        self.editor = PersonEditor(ctx)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.page)
        right_layout.addWidget(self.editor)
        self.editor.hide()
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(120)
        self._debounce.timeout.connect(lambda: self.model.load(self.search.text()))
        self.search.textChanged.connect(lambda _: self._debounce.start())
        self.search.returnPressed.connect(self._open_first)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.model.loaded.connect(self._loaded)
        self.new_button.clicked.connect(self.new_person)
        self.editor.saved.connect(self._saved)
        self.editor.open_requested.connect(self.open_person)
        self.editor.cancelled.connect(self._show_page)
        ctx.events.person_opened.connect(self.open_person)
        ctx.events.records_changed.connect(self._records_changed)
        self._loaded_once = False

    def title(self) -> str:
        return QCoreApplication.translate("Persons", "Persons")

    def activated(self) -> None:
        if not self._loaded_once:
            self._loaded_once = True
            self.model.load(self.search.text())
        self.search.setFocus()

    def _records_changed(self, kind: str) -> None:
        if kind in ("person", "sync") and self._loaded_once:
            self.model.load(self.search.text())

    def _loaded(self) -> None:
        self.count.setText(
            QCoreApplication.translate("Persons", "%n person(s)", "", self.model.rowCount())
        )

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        person_id = self.model.data(current, Qt.ItemDataRole.UserRole)
        if person_id:
            self.open_person(person_id)

    def _open_first(self) -> None:
        if self.model.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    def open_person(self, person_id: str) -> None:
        self._show_page()
        self.page.show_person(person_id)

    def _show_page(self) -> None:
        self.editor.hide()
        self.page.show()

    def new_person(self) -> None:
        self.page.hide()
        self.editor.start(self.search.text())
        self.editor.show()

    def _saved(self, person: dict[str, Any]) -> None:
        self.ctx.events.records_changed.emit("person")
        self.open_person(person["id"])

    def drafts(self) -> dict[str, dict[str, Any]]:
        return {} if self.editor.isHidden() else {"person": self.editor.form.values()}

    def restore_drafts(self, drafts: dict[str, dict[str, Any]]) -> None:
        if "person" in drafts:
            self.new_person()
            self.editor.form.set_values(drafts["person"])
