"""Today: the home screen — patrols in progress, follow-ups due and overdue, changes
waiting to sync."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout

from fieldapp.domain import vocabularies
from fieldapp.store import queries
from fieldapp.store.repository import Store
from fieldapp.ui.context import Context
from fieldapp.ui.forms import isolate, isolate_ltr
from fieldapp.ui.person_text import display_name
from fieldapp.ui.screen import Screen, empty_state, heading, long_date


# The tiles' captions: plural forms chosen by the figure above them ("1 patrol in progress",
# "2 patrols in progress"; Arabic has six forms).
def _patrols_caption(n: int) -> str:
    return QCoreApplication.translate("Today", "patrol(s) in progress", "", n)


def _overdue_caption(n: int) -> str:
    return QCoreApplication.translate("Today", "overdue follow-up(s)", "", n)


def _due_caption(n: int) -> str:
    return QCoreApplication.translate("Today", "follow-up(s) due this week", "", n)


def _pending_caption(n: int) -> str:
    return QCoreApplication.translate("Today", "change(s) waiting to sync", "", n)


class TodayScreen(Screen):
    needs = ("read:personal",)

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        layout = QVBoxLayout(self)
        self.heading = heading(self._heading_text())
        self.heading.setObjectName("today_heading")
        layout.addWidget(self.heading)
        figures = QHBoxLayout()
        self.tiles = {name: self._figure(figures, name, caption) for name, caption in (
            ("patrols", _patrols_caption), ("overdue", _overdue_caption),
            ("due", _due_caption), ("pending", _pending_caption))}
        # follow-ups are steps of case files: only for a role that works on cases
        self.shows_follow_ups = ctx.allowed("write:case")
        layout.addLayout(figures)
        self.patrol_figure, self.overdue_figure, self.due_figure, self.pending_figure = (
            self.tiles[name][0] for name in ("patrols", "overdue", "due", "pending"))
        layout.addWidget(QLabel(QCoreApplication.translate("Today", "Patrols in progress")))
        self.patrols = QListWidget()
        self.patrols.setObjectName("today_patrols")
        self.patrols.setMaximumHeight(110)
        layout.addWidget(self.patrols)
        follow_ups_label = QLabel(
            QCoreApplication.translate("Today", "Follow-ups due and overdue"))
        layout.addWidget(follow_ups_label)
        self.follow_ups = QListWidget()
        self.follow_ups.setObjectName("today_follow_ups")
        self.follow_ups.itemActivated.connect(self._open)
        layout.addWidget(self.follow_ups, 1)
        if not self.shows_follow_ups:
            for widget in (follow_ups_label, self.follow_ups,
                           *self.tiles["overdue"][:2], *self.tiles["due"][:2]):
                widget.hide()
            layout.addStretch(1)
        self.empty = empty_state(
            QCoreApplication.translate(
                "Today",
                "Nothing due today. Open Patrols (Ctrl+2) to start a patrol, or look a person "
                "up with Ctrl+K.",
            )
        )
        layout.addWidget(self.empty)
        # a bound method, not a lambda: Qt disconnects it when this screen is deleted (a lock
        # closes the window while the application's events live on)
        ctx.events.records_changed.connect(self._records_changed)

    def _heading_text(self) -> str:
        today = long_date(date.today())
        return f"{self.title()} — {today}" if today else self.title()

    def _figure(self, row: QHBoxLayout, name: str,
                caption: Callable[[int], str]) -> tuple[QLabel, QLabel, Callable[[int], str]]:
        box = QVBoxLayout()
        number = QLabel("0")
        number.setObjectName(f"today_{name}_figure")
        number.setProperty("role", "figure")
        number.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        text = QLabel(caption(0))
        text.setObjectName(f"today_{name}_caption")
        text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        text.setWordWrap(True)
        box.addWidget(number)
        box.addWidget(text)
        row.addLayout(box, 1)
        return number, text, caption

    def _set_figure(self, name: str, n: int) -> None:
        number, text, caption = self.tiles[name]
        number.setText(str(n))
        text.setText(caption(n))
        number.setAccessibleName(f"{n} {caption(n)}")

    def _records_changed(self, _kind: str) -> None:
        self.activated()

    def title(self) -> str:
        return QCoreApplication.translate("Today", "Today")

    def activated(self) -> None:
        self.heading.setText(self._heading_text())  # the day changes at midnight, mid-patrol

        shows_follow_ups = self.shows_follow_ups

        def fetch(store: Store) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int]:
            return (
                queries.patrols_in_progress(store),
                queries.follow_ups_due(store) if shows_follow_ups else [],
                store.pending_count(),
            )

        self.ctx.db.run(fetch, on_done=self._fetched)

    def _fetched(self, result: tuple[list[dict[str, Any]], list[dict[str, Any]], int]
                 ) -> None:
        self._fill(*result)

    def _fill(self, patrols: list[dict[str, Any]], due: list[dict[str, Any]], pending: int) -> None:
        lang = self.ctx.lang
        self.patrols.clear()
        for p in patrols:
            started = (p.get("started_at") or "")[11:16]
            self.patrols.addItem(
                " · ".join(
                    x
                    for x in (
                        isolate(p.get("team")),
                        isolate(p.get("area")),
                        QCoreApplication.translate("Today", "since %1").replace("%1", started),
                    )
                    if x
                )
            )
        self.follow_ups.clear()
        events = vocabularies.vocabulary("case_event")
        overdue = 0
        for ev in due:
            text = " — ".join(
                x
                for x in (
                    isolate_ltr(ev["due_date"]),
                    events.label(ev["event_type"], lang),
                    display_name(ev, lang),
                    isolate(ev.get("summary")),
                )
                if x
            )
            item = QListWidgetItem(
                (QCoreApplication.translate("Today", "OVERDUE") + " · " if ev["overdue"] else "")
                + text
            )
            item.setData(Qt.ItemDataRole.UserRole, ev["case_id"])
            if ev["overdue"]:
                overdue += 1
                item.setForeground(Qt.GlobalColor.darkRed)
            self.follow_ups.addItem(item)
        self._set_figure("patrols", len(patrols))
        self._set_figure("overdue", overdue)
        self._set_figure("due", len(due) - overdue)
        self._set_figure("pending", pending)
        self.empty.setVisible(not patrols and not due)

    def _open(self, item: QListWidgetItem) -> None:
        case_id = item.data(Qt.ItemDataRole.UserRole)
        if case_id:
            self.ctx.events.case_opened.emit(case_id)
