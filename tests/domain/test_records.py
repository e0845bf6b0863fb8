"""Validation returns field-level errors naming the field, never a traceback."""

from __future__ import annotations

from datetime import date

import pytest

from fieldapp.domain import records
from fieldapp.domain.fields import FieldError

TODAY = date(2026, 11, 29)
PERSON_ID = "0193a3c2-7b4e-7000-8000-000000000001"
SHELTER_ID = "0193a3c2-7b4e-7000-8000-000000000002"

VALID = {
    "person": {"province": "rabat", "name_ar": "محمد بن علي", "name_lat": "Mohamed Benali",
               "cin": "AB123456", "sex": "male", "approx_age": 40, "flags": ["elderly"]},
    "patrol": {"province": "rabat", "date": "2026-11-28", "team": "Équipe mobile 1",
               "members": ["Amina", "Youssef"], "started_at": "2026-11-28T21:00",
               "ended_at": "2026-11-29T02:00"},
    "encounter": {"province": "rabat", "person_id": PERSON_ID, "met_at": "2026-11-28T22:10",
                  "services": ["meal", "medical_check"], "medical_outcome": "no_issue",
                  "orientation": "shelter", "shelter_id": SHELTER_ID},
    "case": {"province": "rabat", "person_id": PERSON_ID, "target_group": "woman_difficult",
             "status": "open", "opened_on": "2026-10-01"},
    "case_event": {"province": "rabat", "case_id": PERSON_ID, "event_type": "follow_up",
                   "date": "2026-11-01", "due_date": "2026-11-20"},
    "referral": {"province": "rabat", "person_id": PERSON_ID, "institution_type": "eps",
                 "status": "sent", "sent_on": "2026-11-01"},
    "shelter": {"province": "rabat", "name_fr": "Centre Ain Atiq", "capacity": 40},
}


def errors_of(kind: str, **changes) -> list[FieldError]:
    k = records.kind(kind)
    return k.validate(k.clean({**VALID[kind], **changes}), TODAY)


@pytest.mark.parametrize("kind", sorted(VALID))
def test_valid_examples_pass(kind):
    assert errors_of(kind) == []


INVALID = [
    ("person", {"province": "atlantis"}, "province", "unknown_province"),
    ("person", {"province": None}, "province", "required"),
    ("person", {"name_ar": "Mohamed"}, "name_ar", "not_arabic_script"),
    ("person", {"name_lat": "محمد"}, "name_lat", "not_latin_script"),
    ("person", {"name_ar": None, "name_lat": None, "nickname": None}, "name_lat",
     "name_required"),
    ("person", {"cin": "123456"}, "cin", "bad_cin"),
    ("person", {"sex": "x"}, "sex", "unknown_choice"),
    ("person", {"approx_age": 150}, "approx_age", "out_of_range"),
    ("person", {"approx_age": "forty"}, "approx_age", "not_a_number"),
    ("person", {"birth_date": "2027-01-01"}, "birth_date", "in_future"),
    ("person", {"birth_date": "1890-01-01"}, "birth_date", "too_old"),
    ("person", {"birth_date": "2026-02-30"}, "birth_date", "not_a_date"),
    ("person", {"flags": ["minor", "rich"]}, "flags", "unknown_choice"),
    ("person", {"notes": "x" * 5000}, "notes", "too_long"),
    ("person", {"merged_into": "not-an-id"}, "merged_into", "bad_reference"),
    ("patrol", {"date": None}, "date", "required"),
    ("patrol", {"team": ""}, "team", "required"),
    ("patrol", {"ended_at": "2026-11-28T20:00"}, "ended_at", "before_start"),
    ("patrol", {"started_at": "tonight"}, "started_at", "not_a_datetime"),
    ("encounter", {"met_at": None}, "met_at", "required"),
    ("encounter", {"person_id": None}, "person_id", "person_or_anonymous"),
    ("encounter", {"anonymous": True}, "person_id", "must_be_empty_when_anonymous"),
    ("encounter", {"orientation": "refused", "shelter_id": None}, "refusal_reason", "required"),
    ("encounter", {"orientation": "none", "shelter_id": SHELTER_ID}, "shelter_id",
     "only_when_shelter"),
    ("encounter", {"shelter_id": None}, "shelter_id", "required"),
    ("encounter", {"services": ["meal"]}, "medical_outcome", "needs_medical_check"),
    ("encounter", {"met_at": "2027-01-01T01:00"}, "met_at", "in_future"),
    ("encounter", {"orientation": "teleport"}, "orientation", "unknown_choice"),
    ("case", {"status": "closed"}, "closure_reason", "required"),
    ("case", {"target_group": None}, "target_group", "required"),
    ("case", {"closed_on": "2026-01-01", "closure_reason": "goals_met"}, "closed_on",
     "before_start"),
    ("case_event", {"event_type": "closure"}, "closure_reason", "required"),
    ("case_event", {"event_type": "plan_action"}, "summary", "required"),
    ("case_event", {"case_id": None}, "case_id", "required"),
    ("referral", {"institution_type": "bank"}, "institution_type", "unknown_choice"),
    ("referral", {"status_on": "2026-10-01"}, "status_on", "before_start"),
    ("shelter", {"capacity": -1}, "capacity", "out_of_range"),
    ("shelter", {"name_fr": None}, "name_fr", "name_required"),
]


@pytest.mark.parametrize(("kind", "changes", "field", "code"), INVALID)
def test_invalid_value_names_its_field(kind, changes, field, code):
    errors = errors_of(kind, **changes)
    assert FieldError(field, code, errors[0].params) in errors, errors


def test_clean_trims_and_normalises():
    k = records.PERSON
    rec = k.clean({"province": "rabat", "name_lat": "  Mohamed   Benali ", "cin": " ",
                   "flags": ["minor", "minor"], "approx_age": " 12 "})
    assert rec["name_lat"] == "Mohamed Benali"
    assert rec["cin"] is None
    assert rec["flags"] == ["minor"]
    assert rec["approx_age"] == 12
    assert rec["deleted"] is False


def test_unknown_field_is_a_bug_not_a_validation_error():
    with pytest.raises(KeyError):
        records.PERSON.clean({"province": "rabat", "shoe_size": 42})


def test_stored_shape_round_trips():
    k = records.ENCOUNTER
    rec = k.clean(VALID["encounter"])
    stored = k.to_stored(rec)
    assert stored["services"] == '["meal","medical_check"]'
    assert stored["anonymous"] == 0
    assert k.from_stored(stored) == rec


# --- prepare_stored: the same checks as prepare, and the stored shape in the same pass ------


def stored_shape(kind: records.RecordKind, rec: dict) -> tuple:
    return tuple(kind.to_stored(rec).values())


@pytest.mark.parametrize("kind", sorted(VALID))
def test_prepare_stored_is_prepare_plus_the_stored_shape(kind):
    k = records.kind(kind)
    for values in (VALID[kind], {**VALID[kind], "deleted": 1}, k.clean(VALID[kind])):
        rec, stored, errors = k.prepare_stored(values, TODAY)
        assert (rec, errors) == k.prepare(values, TODAY)
        assert errors == []
        assert stored == stored_shape(k, rec)
        assert [type(s) for s in stored] == [type(s) for s in stored_shape(k, rec)]


def test_prepare_stored_of_every_field_type():
    from fieldapp.domain.fields import Field
    from fieldapp.domain.fields import FieldType as T

    k = records.RecordKind("sample", "samples", (
        Field("flag", T.BOOL), Field("on", T.BOOL), Field("words", T.TEXTS, max_length=20),
        Field("codes", T.CODES, vocabulary="service"), Field("n", T.INT, maximum=9),
        Field("day", T.DATE), Field("at", T.DATETIME), Field("ref", T.REF),
        Field("code", T.CODE, vocabulary="sex"), Field("text", T.TEXT)),
        defaults={"on": True})
    samples = [
        {"province": "rabat"},
        {"province": "rabat", "flag": True, "on": False, "words": ["l'été \"x\"", " a  b ", ""],
         "codes": ["meal", "meal", "shower"], "n": " 7 ", "day": date(2026, 1, 2),
         "at": "2026-01-02T03:04", "ref": PERSON_ID, "code": " female ", "text": " ث  ب "},
        {"province": "rabat", "flag": 0, "words": "[\"a\", \"b\"]", "codes": "meal", "n": 0},
    ]
    for values in samples:
        rec, stored, errors = k.prepare_stored(values, TODAY)
        assert (rec, errors) == k.prepare(values, TODAY) and errors == []
        assert stored == stored_shape(k, rec)
        assert [type(s) for s in stored] == [type(s) for s in stored_shape(k, rec)]
    rec, stored, _ = k.prepare_stored(samples[1], TODAY)
    assert stored[:4] == ("rabat", 0, 1, 0)
    assert stored[4:6] == ('["l\'été \\"x\\"","a b"]', '["meal","shower"]')


@pytest.mark.parametrize(("kind", "changes", "field", "code"), INVALID)
def test_prepare_stored_refuses_what_prepare_refuses(kind, changes, field, code):
    k = records.kind(kind)
    values = {**VALID[kind], **changes}
    rec, stored, errors = k.prepare_stored(values, TODAY)
    assert stored is None
    assert (rec, errors) == k.prepare(values, TODAY)
    assert any((e.field, e.code) == (field, code) for e in errors), errors


def test_prepare_stored_unknown_field_is_a_bug():
    with pytest.raises(KeyError):
        records.ENCOUNTER.prepare_stored({"province": "rabat", "shoe_size": 42})
