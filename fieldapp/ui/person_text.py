"""How a person is written in lists and sentences: both spellings, age, sex, when last
seen, and the lines of a timeline."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
)

from fieldapp.domain import vocabularies
from fieldapp.store import queries
from fieldapp.ui.forms import in_reading_order, isolate
from fieldapp.ui.screen import join_list


def display_name(p: dict[str, Any], lang: str = "fr") -> str:
    """Both spellings (the interface language's script first), each isolated so it keeps
    its direction, and the nickname. In Arabic a right-to-left mark leads: with every part
    isolated nothing strong would be left, and a title would read left to right."""
    order = ("name_ar", "name_lat") if lang == "ar" else ("name_lat", "name_ar")
    parts = [isolate(p.get(n)) for n in order if p.get(n)]
    if p.get("nickname"):
        parts.append(f"«{isolate(p['nickname'])}»")
    text = " · ".join(parts) if parts else "—"
    return in_reading_order(text, lang) if lang == "ar" else text


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


def author_name(row: dict[str, Any], key: str, lang: str) -> str:
    """The name behind one of a row's authors, as the store read it (``key`` and its Arabic
    spelling ``key + "_ar"``: fieldapp/store/queries.py ``name_authors``), isolated so it
    keeps its direction in a sentence; "" when nobody is named."""
    name = (row.get(f"{key}_ar") if lang == "ar" else None) or row.get(key)
    return isolate(name) if name else ""


def recorded_by_text(entry: dict[str, Any], lang: str) -> str:
    """The words "recorded by Amina Tazi, Équipe mobile 1" of a timeline line, or "" when
    the author is not known."""
    name = author_name(entry, "recorded_by", lang)
    if not name:
        return ""
    return QCoreApplication.translate("Persons", "recorded by %1").replace("%1", name)


def timeline_text(entry: dict[str, Any], lang: str) -> str:
    """One line of a person's timeline: what happened, then who recorded it."""
    what = _what_text(entry, lang)
    by = recorded_by_text(entry, lang)
    return f"{what} — {by}" if by else what


def _what_text(entry: dict[str, Any], lang: str) -> str:
    voc = vocabularies.vocabulary
    kind = entry["kind"]
    if kind == "encounter":
        services = join_list(voc("service").label(s, lang) for s in entry.get("services") or [])
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
