"""The case page: a header (the person, target group, status and, always visible, the plan's
next due action) and the stages of a case as tabs: Listening, Assessment, Plan, Mediation,
Referrals, Follow-ups, Closure. Each tab lists what was recorded and has a small form to add
to it (Ctrl+S or Enter saves; errors sit under their field; nothing typed is lost).

How the status of a case moves (each change is written in the same database job, hence the
same transaction, as the step that causes it):

- ``open`` until the first step is recorded; the first step (of any kind) makes it
  ``in_progress``;
- sending a referral makes an open or in-progress case ``referred``: the case now waits on an
  institution. Later steps and referral answers (accepted, refused, completed) leave the status
  as it is; the worker closes the case, or keeps accompanying it, knowingly;
- closing writes a closure step and sets ``closed`` with ``closed_on`` and ``closure_reason``;
- reopening writes a reopening step, sets ``in_progress`` and clears ``closed_on`` and
  ``closure_reason``. Nothing else can be added to a closed case.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain import vocabularies
from fieldapp.store.casework import load_case, next_due, today_iso
from fieldapp.ui.case_stages import ClosureTab, EventTab, ReferralsTab, StageTab
from fieldapp.ui.context import Context
from fieldapp.ui.forms import isolate
from fieldapp.ui.person_text import age_text, display_name
from fieldapp.ui.screen import long_date

Row = dict[str, Any]


# --- the page ----------------------------------------------------------------------------------


class CaseDetail(QWidget):
    """One case: header with the next due action, then the stages as tabs (Alt+1 … Alt+7)."""

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("case_detail")
        self.case_id: str | None = None
        self.case: Row | None = None
        self.next_due: Row | None = None
        self._generation = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.person = QLabel()
        self.person.setObjectName("case_person")
        self.person.setProperty("role", "title")
        self.person.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setObjectName("case_facts")
        self.facts.setWordWrap(True)
        self.due = QLabel()
        self.due.setObjectName("case_next_due")
        self.due.setWordWrap(True)
        for label in (self.person, self.facts, self.due):
            layout.addWidget(label)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("case_tabs")
        self.stages: dict[str, StageTab] = {
            "listening": EventTab(ctx, "listening", ("listening",), ("date", "summary")),
            "assessment": EventTab(ctx, "assessment", ("assessment",), ("date", "summary")),
            "plan": EventTab(ctx, "plan", ("plan_action",),
                             ("summary", "due_date", "assigned_to", "date"), can_mark_done=True),
            "mediation": EventTab(ctx, "mediation", ("mediation",), ("date", "summary")),
            "referrals": ReferralsTab(ctx),
            "follow_ups": EventTab(ctx, "follow_ups", ("follow_up", "home_visit"),
                                   ("due_date", "summary", "date"), can_mark_done=True),
            "closure": ClosureTab(ctx),
        }
        self._titles = {
            "listening": QCoreApplication.translate("CaseDetail", "Listening"),
            "assessment": QCoreApplication.translate("CaseDetail", "Assessment"),
            "plan": QCoreApplication.translate("CaseDetail", "Plan"),
            "mediation": QCoreApplication.translate("CaseDetail", "Mediation"),
            "referrals": QCoreApplication.translate("CaseDetail", "Referrals"),
            "follow_ups": QCoreApplication.translate("CaseDetail", "Follow-ups"),
            "closure": QCoreApplication.translate("CaseDetail", "Closure"),
        }
        for i, (key, tab) in enumerate(self.stages.items()):
            self.tabs.addTab(tab, self._titles[key])
            self.tabs.setTabToolTip(i, f"{self._titles[key]} (Alt+{i + 1})")
            shortcut = QShortcut(QKeySequence(f"Alt+{i + 1}"), self)
            shortcut.activated.connect(lambda t=tab: self.show_stage(t.key))
        layout.addWidget(self.tabs, 1)
        ctx.events.records_changed.connect(self._records_changed)

    def show_stage(self, key: str) -> None:
        tab = self.stages[key]
        self.tabs.setCurrentWidget(tab)
        first = next(iter(tab.form.editors.values()), None)
        if first is not None and tab.form.isEnabled():
            first.widget.setFocus()

    def show_case(self, case_id: str) -> None:
        """Show ``case_id``; what is typed in its forms stays if it is already shown."""
        if case_id != self.case_id:
            self.case_id = case_id
            self.case = None
            for tab in self.stages.values():
                tab.case = None
                tab.reset()
                tab.list.clear()
            self.person.setText("…")
            self.facts.clear()
            self.due.clear()
        self.reload()

    def reload(self) -> None:
        if self.case_id is None:
            return
        self._generation += 1
        generation, case_id = self._generation, self.case_id
        self.ctx.db.run(lambda store: load_case(store, case_id),
                        on_done=lambda res: self._fill(generation, *res))

    def _records_changed(self, kind: str) -> None:
        if kind in ("case", "case_event", "referral", "person") and self.case_id:
            self.reload()

    def _fill(self, generation: int, case: Row | None, person: Row | None,
              events: list[Row], referrals: list[Row]) -> None:
        if generation != self._generation:
            return  # another case was chosen meanwhile
        lang = self.ctx.lang
        self.case = case
        if case is None:
            self.person.setText(QCoreApplication.translate("CaseDetail",
                                                           "This case no longer exists."))
            return
        voc = vocabularies.vocabulary
        who = display_name(person or {}, lang)
        age = age_text(person or {})
        self.person.setText(f"{who} · {age}" if age else who)
        facts = [voc("target_group").label(case["target_group"], lang),
                 voc("case_status").label(case["status"], lang),
                 QCoreApplication.translate("CaseDetail", "opened on %1").replace(
                     "%1", long_date(case["opened_on"]))]
        self.facts.setText(" · ".join(facts))
        self._show_next_due(next_due(events))
        is_open = case["status"] != "closed"
        for i, (key, tab) in enumerate(self.stages.items()):
            count = tab.fill(case, events, referrals)
            tab.set_open(is_open)
            self.tabs.setTabText(i, f"{self._titles[key]} ({count})" if count
                                 else self._titles[key])

    def _show_next_due(self, event: Row | None) -> None:
        self.next_due = event
        overdue = bool(event) and event["due_date"] < today_iso()  # type: ignore[index]
        if event is None:
            text = QCoreApplication.translate("CaseDetail", "Next action: none planned.")
        else:
            what = event.get("summary") or vocabularies.vocabulary("case_event").label(
                event["event_type"], self.ctx.lang)
            text = (QCoreApplication.translate("CaseDetail", "Overdue action: %1 — was due %2")
                    if overdue else
                    QCoreApplication.translate("CaseDetail", "Next action: %1 — due %2"))
            text = text.replace("%1", isolate(what)).replace("%2", long_date(event["due_date"]))
        self.due.setText(text)
        self.due.setProperty("role", "overdue" if overdue else "")
        self.due.style().unpolish(self.due)
        self.due.style().polish(self.due)

    # drafts -------------------------------------------------------------------------------

    def drafts(self) -> dict[str, dict[str, Any]]:
        if self.case_id is None:
            return {}
        return {f"case_event:{key}": {"case_id": self.case_id, **tab.draft()}
                for key, tab in self.stages.items() if tab.has_content()}

    def restore_drafts(self, drafts: Mapping[str, Mapping[str, Any]]) -> bool:
        """Reopen the case of the drafts and put back what was typed; True if any."""
        mine = {k.split(":", 1)[1]: dict(v) for k, v in drafts.items()
                if k.startswith("case_event:") and k.split(":", 1)[1] in self.stages}
        if not mine:
            return False
        case_id = next(iter(mine.values()))["case_id"]
        self.show_case(case_id)
        for key, values in mine.items():
            if values.pop("case_id", None) == case_id:
                self.stages[key].restore(values)
                self.tabs.setCurrentWidget(self.stages[key])
        return True
