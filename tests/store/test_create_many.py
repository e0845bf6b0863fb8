"""Batch writes (``create_many``): every check of a single write, each record stored as a
single write stores it, and exactly one outbox entry per record, in order."""

from __future__ import annotations

import random

import pytest

from fieldapp.domain import records
from fieldapp.domain.fields import FieldError
from fieldapp.store.repository import ValidationError

PERSON_ID = "0193a3c2-7b4e-7000-8000-000000000001"
SHELTER_ID = "0193a3c2-7b4e-7000-8000-000000000002"
PATROL_ID = "0193a3c2-7b4e-7000-8000-000000000003"


def encounters(n: int, seed: int = 7) -> list[dict]:
    """Valid encounters in every shape the forms and imports send."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        orientation = rng.choice(["none", "shelter", "refused", None])
        anonymous = rng.random() < 0.2
        services = rng.sample(["meal", "blanket", "shower", "medical_check"], rng.randint(0, 3))
        out.append({
            "patrol_id": PATROL_ID if i % 2 else None,
            "person_id": None if anonymous else PERSON_ID,
            "anonymous": anonymous if i % 3 else int(anonymous),
            "sex": rng.choice(["male", "female", None, " male "]),
            "approx_age": rng.choice([None, 30, "41", " 52 "]),
            "met_at": f"2025-01-{1 + i % 28:02d}T2{i % 4}:{i % 60:02d}",
            "location": rng.choice(["Gare  Rabat-Ville ", "محطة القطار", "", None]),
            "services": services + services[:1],  # a repeated choice is kept once
            "medical_outcome": "no_issue" if "medical_check" in services else None,
            "flags": rng.choice([[], ["elderly"], None]),
            "orientation": orientation,
            "shelter_id": SHELTER_ID if orientation == "shelter" else None,
            "refusal_reason": "distrust" if orientation == "refused" else None,
            "consent": rng.random() < 0.5,
            "notes": rng.choice([None, "  Demande une couverture.\n", "l'été \"froid\""]),
            **({"province": "rabat"} if i % 5 else {}),  # the vault's province when missing
        })
    return out


def test_records_are_stored_as_their_checks_made_them(store):
    values = encounters(120)
    ids = store.encounters.create_many(values)
    kind = records.ENCOUNTER
    for rid, v in zip(ids, values, strict=True):
        expected = kind.to_stored(kind.clean({"province": "rabat", **v}))
        assert store.encounters.stored_fields(rid) == expected
        rec = store.encounters.get(rid)
        # the member at the keyboard, by their id in the vault (who() names them)
        assert rec["created_by"] == rec["updated_by"] == store.actor.member_id
        assert store.who(rec["created_by"]) == "Amina"
        assert rec["created_at"] == rec["updated_at"]
    one = store.encounters.create(values[0])
    assert store.encounters.stored_fields(one["id"]) == store.encounters.stored_fields(ids[0])


def test_one_outbox_entry_per_record_in_order(store):
    shelter = store.shelters.create({"name_fr": "Centre", "capacity": 10})
    ids = store.encounters.create_many(encounters(300))
    assert ids == sorted(ids) and len(set(ids)) == 300
    entries = store.outbox(limit=1000)
    assert [e["mutation_id"] for e in entries] == list(range(1, 302))
    assert [e["record_id"] for e in entries] == [shelter["id"], *ids]
    batch = entries[1:]
    assert {(e["kind"], e["op"], e["author"], e["replay"]) for e in batch} == {
        ("encounter", "create", store.actor.member_id, False)}
    stamps = [e["hlc"] for e in entries]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    for e in batch:
        assert e["payload"] == store.encounters.stored_fields(e["record_id"])
    assert store.pending_count() == 301 and store.last_mutation_id() == 301
    # each row points at its own (lazy) create entry
    lazy = dict(store.conn.execute("SELECT id, _lazy FROM encounters").fetchall())
    assert [lazy[rid] for rid in ids] == list(range(2, 302))


def test_an_edit_after_a_batch_keeps_the_create_entry_as_it_was(store):
    ids = store.encounters.create_many(encounters(10))
    before = store.encounters.stored_fields(ids[4])
    store.encounters.update(ids[4], {"notes": "changé"})
    entries = store.outbox()
    assert entries[4]["record_id"] == ids[4] and entries[4]["payload"] == before
    assert entries[-1]["op"] == "update" and entries[-1]["payload"] == {"notes": "changé"}
    assert [e["mutation_id"] for e in entries] == list(range(1, 12))


BAD = [
    ({"sex": "x"}, [FieldError("sex", "unknown_choice", {"value": "x"})]),
    ({"approx_age": "forty"}, [FieldError("approx_age", "not_a_number")]),
    ({"approx_age": 150}, [FieldError("approx_age", "out_of_range", {"min": 0, "max": 120})]),
    ({"anonymous": "yes"}, [FieldError("anonymous", "wrong_type", {"expected": "yes_no"})]),
    ({"services": ["meal", "magic"]}, [FieldError("services", "unknown_choice",
                                                   {"value": "magic"})]),
    ({"person_id": "not-an-id"}, [FieldError("person_id", "bad_reference")]),
    ({"met_at": "tonight"}, [FieldError("met_at", "not_a_datetime")]),
    ({"met_at": None}, [FieldError("met_at", "required")]),
    ({"met_at": "2999-01-01T00:00"}, [FieldError("met_at", "in_future")]),
    ({"orientation": "refused"}, [FieldError("refusal_reason", "required")]),
    ({"orientation": "shelter"}, [FieldError("shelter_id", "required")]),
    ({"person_id": None}, [FieldError("person_id", "person_or_anonymous")]),
    ({"location": "x" * 201}, [FieldError("location", "too_long", {"max": 200})]),
    ({"province": "atlantis"}, [FieldError("province", "unknown_province")]),
    ({"province": "fes"}, [FieldError("province", "outside_scope")]),
    ({"sex": 3, "approx_age": -1}, [
        FieldError("sex", "wrong_type", {"expected": "text"}),
        FieldError("approx_age", "out_of_range", {"min": 0, "max": 120})]),
]


@pytest.mark.parametrize(("changes", "expected"), BAD)
def test_an_invalid_record_refuses_the_whole_batch(store, changes, expected):
    valid = {"person_id": PERSON_ID, "met_at": "2025-01-01T21:00", "orientation": "none"}
    batch = [dict(valid) for _ in range(6)]
    batch[3] = {**valid, **changes}
    with pytest.raises(ValidationError) as info:
        store.encounters.create_many(batch)
    assert info.value.index == 3
    assert info.value.errors == expected
    # the same typed errors as a single write of the same values
    with pytest.raises(ValidationError) as single:
        store.encounters.create(batch[3])
    assert single.value.errors == expected and single.value.index == 0
    assert store.encounters.count() == 0
    assert store.pending_count() == 0 and store.last_mutation_id() == 0
    # nothing half done: the next batch starts from mutation id 1
    ids = store.encounters.create_many([valid, valid])
    assert [e["mutation_id"] for e in store.outbox()] == [1, 2]
    assert [e["record_id"] for e in store.outbox()] == ids


def test_an_unknown_field_in_a_batch_is_a_bug(store):
    with pytest.raises(KeyError):
        store.persons.create_many([{"nickname": "a"}, {"nickname": "b", "shoe_size": 42}])
    assert store.persons.count() == 0 and store.last_mutation_id() == 0


def test_any_iterable_and_the_empty_batch(store):
    assert store.persons.create_many([]) == []
    assert store.persons.create_many(iter(())) == []
    assert store.last_mutation_id() == 0
    ids = store.persons.create_many({"nickname": f"n{i}"} for i in range(4))
    assert [store.persons.get(i)["nickname"] for i in ids] == ["n0", "n1", "n2", "n3"]
    assert [e["record_id"] for e in store.outbox()] == ids


def test_persons_of_a_batch_are_searchable(store):
    ids = store.persons.create_many([{"name_lat": "Said Alami", "cin": "AB12"},
                                     {"name_ar": "سعيد العلمي"}, {"nickname": "Hmida"}])
    terms = dict(store.conn.execute(
        "SELECT p.id, s.rowid FROM persons p JOIN person_search s ON s.rowid = p.rowid"
    ).fetchall())
    assert set(terms) == set(ids)

