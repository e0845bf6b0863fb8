"""Today: the home screen — patrols in progress, follow-ups due and overdue, changes
waiting to sync."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout

from fieldapp.domain import vocabularies
from fieldapp.store import queries
from fieldapp.store.repository import Store
from fieldapp.ui.context import Context
from fieldapp.ui.forms import isolate, isolate_ltr
from fieldapp.ui.person_text import display_name
from fieldapp.ui.screen import Screen, empty_state, heading


class TodayScreen(Screen):
    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.title()))
        figures = QHBoxLayout()
        self.patrol_figure = self._figure(
            figures, QCoreApplication.translate("Today", "patrols in progress")
        )
        self.overdue_figure = self._figure(
            figures, QCoreApplication.translate("Today", "overdue follow-ups")
        )
        self.due_figure = self._figure(
            figures, QCoreApplication.translate("Today", "follow-ups due this week")
        )
        self.pending_figure = self._figure(
            figures, QCoreApplication.translate("Today", "changes waiting to sync")
        )
        layout.addLayout(figures)
        layout.addWidget(QLabel(QCoreApplication.translate("Today", "Patrols in progress")))
        self.patrols = QListWidget()
        self.patrols.setObjectName("today_patrols")
        self.patrols.setMaximumHeight(110)
        layout.addWidget(self.patrols)
        layout.addWidget(QLabel(QCoreApplication.translate("Today", "Follow-ups due and overdue")))
        self.follow_ups = QListWidget()
        self.follow_ups.setObjectName("today_follow_ups")
        self.follow_ups.itemActivated.connect(self._open)
        layout.addWidget(self.follow_ups, 1)
        self.empty = empty_state(
            QCoreApplication.translate(
                "Today",
                "Nothing due today. Open Patrols (Ctrl+2) to start a patrol, or look a person "
                "up with Ctrl+K.",
            )
        )
        layout.addWidget(self.empty)
        ctx.events.records_changed.connect(lambda _kind: self.activated())

    def _figure(self, row: QHBoxLayout, caption: str) -> QLabel:
        box = QVBoxLayout()
        number = QLabel("0")
        number.setProperty("role", "figure")
        number.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        text = QLabel(caption)
        text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        box.addWidget(number)
        box.addWidget(text)
        row.addLayout(box)
        return number

    def title(self) -> str:
        return QCoreApplication.translate("Today", "Today")

    def activated(self) -> None:
        def fetch(store: Store) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int]:
            return (
                queries.patrols_in_progress(store),
                queries.follow_ups_due(store),
                store.pending_count(),
            )

        self.ctx.db.run(fetch, on_done=lambda res: self._fill(*res))

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
        self.patrol_figure.setText(str(len(patrols)))
        self.overdue_figure.setText(str(overdue))
        self.due_figure.setText(str(len(due) - overdue))
        self.pending_figure.setText(str(pending))
        self.empty.setVisible(not patrols and not due)

    def _open(self, item: QListWidgetItem) -> None:
        case_id = item.data(Qt.ItemDataRole.UserRole)
        if case_id:
            self.ctx.events.case_opened.emit(case_id)
