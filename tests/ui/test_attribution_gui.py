"""Who recorded what, on screen and in a file, in both languages: a vault of two members
(Amina, and Youssef who also has an Arabic spelling), each recording; an encounter pulled
from the server by a user of the scope ("Karim Idrissi, Équipe mobile 1"); a conflict card
naming both authors; an export with the "recorded by" columns."""

from __future__ import annotations

import csv
import json

import pytest
from PySide6.QtCore import QCoreApplication

from fieldapp.ui.cases import CasesScreen
from fieldapp.ui.persons import PersonsScreen
from fieldapp.ui.supervision import SupervisionScreen
from fieldapp.ui.supervision_queues import ConflictsPanel

YOUSSEF = ("member-youssef", "Youssef Alaoui", "يوسف العلوي", "user-y")
KARIM = "Karim Idrissi, Équipe mobile 1"
IDS: dict[str, str] = {}


def seed(store):
    """Amina (the vault's first member) records a person, an encounter and a case; Youssef,
    another member, a case step, a referral and a change of the person; Karim's encounter
    came from the server; a conflict between Youssef and Karim."""
    member_id, name, name_ar, user_id = YOUSSEF
    store.add_member_row(member_id, name, name_ar, None, "Équipe 1", user_id)
    with store.transaction() as conn:
        conn.execute("INSERT INTO directory (user_id, name, team) VALUES (?, ?, ?)",
                     ("user-karim", "Karim Idrissi", "Équipe mobile 1"))
    person = store.persons.create({"name_lat": "Said Alami", "name_ar": "سعيد العلمي"})
    case = store.cases.create({"person_id": person["id"], "target_group": "street_situation",
                               "status": "open", "opened_on": "2026-11-02"})
    store.encounters.create({"person_id": person["id"], "met_at": "2026-11-01T22:00",
                             "location": "Bab el Had"})
    store.act_as(member_id, name, name_ar)
    store.case_events.create({"case_id": case["id"], "event_type": "listening",
                              "date": "2026-11-03", "summary": "Premier entretien"})
    store.referrals.create({"person_id": person["id"], "case_id": case["id"],
                            "institution_type": "health", "sent_on": "2026-11-04",
                            "status": "sent"})
    store.persons.update(person["id"], {"nickname": "Sidou"})
    pulled = store.encounters.create({"person_id": person["id"], "met_at": "2026-11-05T21:00",
                                      "location": "Akkari"})
    with store.transaction() as conn:  # as a pull writes it: the server's user id
        conn.execute("UPDATE encounters SET created_by = 'user-karim' WHERE id = ?",
                     (pulled["id"],))
    store.conflicts.create({
        "record_kind": "person", "record_id": person["id"], "field": "nickname",
        "kept_value": json.dumps("Hamid"), "kept_author": "user-karim", "kept_device": "d2",
        "kept_hlc": 1_700_000_000_000 << 16, "winner_author": user_id,
        "winner_device": "d1", "winner_hlc": 1_700_000_100_000 << 16})
    IDS.update(person=person["id"], case=case["id"])


def youssef(lang: str) -> str:
    return YOUSSEF[2] if lang == "ar" else YOUSSEF[1]


def recorded_by(context: str, name: str) -> str:
    return QCoreApplication.translate(context, "recorded by %1").replace("%1", name)


def _clean(text: str) -> str:
    """Without the bidi isolates and marks around names."""
    return "".join(c for c in text if c not in "\u2066\u2067\u2068\u2069\u200e\u200f")


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_the_timeline_says_who_recorded_each_line(make_app, qtbot, lang):
    fa = make_app(lang, seed=seed)
    screen = fa.main.go_to(PersonsScreen)
    screen.open_person(IDS["person"])
    timeline = screen.page.timeline
    qtbot.waitUntil(lambda: timeline.count() == 5, timeout=10_000)
    lines = [_clean(timeline.item(i).text()) for i in range(timeline.count())]
    assert recorded_by("Persons", "x") != "recorded by x"  # translated
    # newest first: Karim's pulled encounter, Youssef's referral and step, Amina's case and
    # encounter
    assert lines[0].endswith(recorded_by("Persons", KARIM)), lines
    assert lines[1].endswith(recorded_by("Persons", youssef(lang))), lines
    assert lines[2].endswith(recorded_by("Persons", youssef(lang))), lines
    assert lines[3].endswith(recorded_by("Persons", "Amina")), lines
    assert lines[4].endswith(recorded_by("Persons", "Amina")), lines
    # the names are isolated in the line, so each keeps its own direction
    assert f"\u2068{youssef(lang)}\u2069" in timeline.item(1).text()


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_each_case_step_says_who_recorded_it(make_app, qtbot, lang):
    fa = make_app(lang, seed=seed)
    screen = fa.main.go_to(CasesScreen)
    screen.open_case(IDS["case"])
    detail = screen.detail
    qtbot.waitUntil(lambda: detail.case is not None, timeout=10_000)
    listening = detail.stages["listening"].list
    referrals = detail.stages["referrals"].list
    assert listening.count() == 1 and referrals.count() == 1
    assert recorded_by("CaseDetail", "x") != "recorded by x"
    for line in (listening.item(0).text(), referrals.item(0).text()):
        assert _clean(line).endswith(recorded_by("CaseDetail", youssef(lang))), line


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_a_conflict_card_names_both_authors(make_app, qtbot, lang):
    fa = make_app(lang, seed=seed)
    panel = ConflictsPanel(fa.main.ctx)
    qtbot.addWidget(panel)
    panel.show()
    panel.reload()
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=10_000)
    text = _clean(panel.detail.text())
    assert youssef(lang) in text and KARIM in text, text
    assert "user-karim" not in text and "user-y" not in text


def test_an_export_has_who_recorded_and_changed_each_row(make_app, qtbot, tmp_path):
    fa = make_app("fr", seed=seed)
    screen = SupervisionScreen(fa.main.ctx)
    qtbot.addWidget(screen)
    path = tmp_path / "persons.csv"
    screen.start_export("persons", str(path), pseudonymised=False)
    qtbot.waitUntil(lambda: screen.export_job is None, timeout=20_000)
    header, row = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    recorded = QCoreApplication.translate("Supervision", "Recorded by")
    changed = QCoreApplication.translate("Supervision", "Last changed by")
    assert (recorded, changed) == ("Enregistré par", "Dernière modification par")
    assert row[header.index(recorded)] == "Amina"
    assert row[header.index(changed)] == YOUSSEF[1]
