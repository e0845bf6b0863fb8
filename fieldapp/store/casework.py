"""Case work as the database sees it: the steps of a case and the rules that move its status.

No Qt: the case page (fieldapp/ui/case_detail.py) runs these as database jobs. The rules:
the first step of a new case moves it from open to in progress; sending a referral makes it
referred; closing writes the closure step and closes the case in one transaction; reopening
writes a reopening step and puts the case back in progress.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from fieldapp.store import queries
from fieldapp.store.repository import NotFound, Store

Row = dict[str, Any]


def today_iso() -> str:
    return date.today().isoformat()


# --- database jobs (run on the database thread; no widgets) --------------------------------


def _move_status(store: Store, case_id: str, to: str) -> bool:
    """open → in_progress on a first step; open/in_progress → referred on a sent referral."""
    case = store.cases.get(case_id)
    if case is None:
        raise NotFound("not_found_record", case_id)
    if case["status"] == "open" or (to == "referred" and case["status"] == "in_progress"):
        store.cases.update(case_id, {"status": to})
        return True
    return False


def add_event(store: Store, case_id: str, values: Mapping[str, Any]) -> list[str]:
    with store.transaction():
        store.case_events.create({**values, "case_id": case_id})
        moved = _move_status(store, case_id, "in_progress")
    return ["case_event"] + (["case"] if moved else [])


def send_referral(store: Store, case_id: str, values: Mapping[str, Any]) -> list[str]:
    """The referral record and a referral step in the case, together."""
    values = dict(values)
    summary = values.pop("summary") or values.get("institution_name")
    with store.transaction():
        case = store.cases.get(case_id)
        if case is None:
            raise NotFound("not_found_record", case_id)
        store.referrals.create({**values, "person_id": case["person_id"], "case_id": case_id,
                                "status": "sent"})
        store.case_events.create({"case_id": case_id, "event_type": "referral",
                                  "date": values.get("sent_on"), "summary": summary})
        moved = _move_status(store, case_id, "referred")
    return ["referral", "case_event"] + (["case"] if moved else [])


def close_case(store: Store, case_id: str, values: Mapping[str, Any]) -> list[str]:
    with store.transaction():
        store.case_events.create({**values, "case_id": case_id, "event_type": "closure"})
        store.cases.update(case_id, {"status": "closed", "closed_on": values.get("date"),
                                     "closure_reason": values.get("closure_reason")})
    return ["case_event", "case"]


def reopen_case(store: Store, case_id: str, values: Mapping[str, Any]) -> list[str]:
    with store.transaction():
        store.case_events.create({**values, "case_id": case_id, "event_type": "reopening"})
        store.cases.update(case_id, {"status": "in_progress", "closed_on": None,
                                     "closure_reason": None})
    return ["case_event", "case"]


def mark_done(store: Store, event_id: str) -> list[str]:
    store.case_events.update(event_id, {"done_on": today_iso()})
    return ["case_event"]


def change_referral_status(store: Store, referral_id: str,
                           values: Mapping[str, Any]) -> list[str]:
    store.referrals.update(referral_id, dict(values))
    return ["referral"]


def load_case(store: Store, case_id: str) -> tuple[Row | None, Row | None, list[Row], list[Row]]:
    case = store.cases.get(case_id)
    if case is None:
        return None, None, [], []
    return (case, store.persons.get(case["person_id"]), queries.case_events(store, case_id),
            queries.case_referrals(store, case_id))


def next_due(events: Iterable[Row]) -> Row | None:
    """The plan's next due action: the earliest due date not yet done."""
    due = [e for e in events if e.get("due_date") and not e.get("done_on")]
    return min(due, key=lambda e: e["due_date"]) if due else None
