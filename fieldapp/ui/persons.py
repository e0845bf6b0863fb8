"""Persons: a list that stays smooth at 100,000 persons, search as you type, a profile with
a timeline, and the person form (with a hint when a new person looks like an existing one).

The list model is lazy: it knows the number of rows, and fetches pages of 200 from the
database worker only when the view asks for rows it does not have, so the GUI thread never
waits on the database and never builds a widget per person.
"""

from __future__ import annotations

from datetime import date
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
    BoolEditor,
    CodeEditor,
    CodesEditor,
    DateEditor,
    Form,
    NumberEditor,
    TextEditor,
    isolate,
    isolate_ltr,
    show_failure,
)
from fieldapp.ui.screen import Screen, heading

PAGE = 200
SEARCH_LIMIT = 200
Index = QModelIndex | QPersistentModelIndex


def display_name(p: dict[str, Any], lang: str = "fr") -> str:
    """Both spellings (the interface language's script first), each isolated so it keeps
    its direction, and the nickname."""
    order = ("name_ar", "name_lat") if lang == "ar" else ("name_lat", "name_ar")
    parts = [isolate(p.get(n)) for n in order if p.get(n)]
    if p.get("nickname"):
        parts.append(f"«{isolate(p['nickname'])}»")
    return " · ".join(parts) if parts else "—"


def age_text(p: dict[str, Any]) -> str:
    age = queries.age_of(p)
    if age is None:
        return ""
    return (
        QCoreApplication.translate("Persons", "%n years", "", age)
        if p.get("birth_date")
        else QCoreApplication.translate("Persons", "about %n years", "", age)
    )


def sex_text(p: dict[str, Any], lang: str) -> str:
    return vocabularies.vocabulary("sex").label(p["sex"], lang) if p.get("sex") else ""


def seen_text(when: str | None) -> str:
    if not when:
        return ""
    days = (date.today() - date.fromisoformat(when[:10])).days
    if days <= 0:
        return QCoreApplication.translate("Persons", "today")
    return QCoreApplication.translate("Persons", "%n days ago", "", days)


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


def person_form(with_consent: bool = True) -> Form:
    """The person fields, laid out to fit a 1366×768 screen."""
    form = Form(columns=2)
    form.add("name_lat", TextEditor(120, placeholder="Mohamed Benali"))
    form.add("name_ar", TextEditor(120, placeholder="محمد بن علي"))
    form.add("nickname", TextEditor(60))
    form.add("cin", TextEditor(8, placeholder="AB123456"))
    form.add("sex", CodeEditor("sex"))
    form.add("approx_age", NumberEditor(0, 120))
    form.add("birth_date", DateEditor())
    form.add("flags", CodesEditor("vulnerability_flag", columns=4), span=2)
    if with_consent:
        form.add("consent", BoolEditor(messages.field_label("consent")), label="")
    form.add("notes", TextEditor(4000, multiline=True), span=2)
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
            lines.append(f'<a href="{p["id"]}">' + ", ".join(b for b in bits if b) + "</a>")
        self.setText(
            QCoreApplication.translate("Persons", "Possibly the same as:") + " " + " — ".join(lines)
        )
        self.show()


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


def timeline_text(entry: dict[str, Any], lang: str) -> str:
    voc = vocabularies.vocabulary
    kind = entry["kind"]
    if kind == "encounter":
        comma = "، " if lang == "ar" else ", "
        services = comma.join(voc("service").label(s, lang) for s in entry.get("services") or [])
        parts = [
            QCoreApplication.translate("Persons", "Encounter"),
            isolate(entry.get("location")),
            services,
            voc("orientation").label(entry["orientation"], lang)
            if entry.get("orientation") not in (None, "none")
            else "",
        ]
        return " — ".join(p for p in parts if p)
    if kind == "case":
        return " — ".join(
            [
                QCoreApplication.translate("Persons", "Case opened"),
                voc("target_group").label(entry["target_group"], lang),
                voc("case_status").label(entry["status"], lang),
            ]
        )
    if kind == "case_event":
        parts = [voc("case_event").label(entry["event_type"], lang), entry.get("summary") or ""]
        if entry.get("due_date") and not entry.get("done_on"):
            parts.append(
                QCoreApplication.translate("Persons", "due %1").replace("%1", entry["due_date"])
            )
        return " — ".join(p for p in parts if p)
    return " — ".join(
        p
        for p in [
            QCoreApplication.translate("Persons", "Referral"),
            voc("referral_institution").label(entry["institution_type"], lang),
            isolate(entry.get("institution_name")),
            voc("referral_status").label(entry["status"], lang),
        ]
        if p
    )


class PersonsScreen(Screen):
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
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
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
        self.save_button.setEnabled(False)
        self.ctx.db.run(
            lambda store: store.persons.create(values), on_done=self._done, on_error=self._failed
        )

    def _done(self, person: dict[str, Any]) -> None:
        self.save_button.setEnabled(True)
        self.form.clear_errors()
        self.saved.emit(person)

    def _failed(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        show_failure(self.form, self.problem, error)
