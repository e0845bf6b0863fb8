"""Repositories: one transaction per write, an outbox entry per change, no gap in ids."""

from __future__ import annotations

import pytest

from fieldapp.domain.ids import is_uuid
from fieldapp.store.repository import NotFound, ValidationError


def person(store, **values):
    return store.persons.create({"name_lat": "Mohamed Benali", **values})


def test_create_returns_saved_record_with_uuid7_and_outbox_entry(store):
    rec = person(store, name_ar="محمد بن علي", approx_age=40)
    assert is_uuid(rec["id"]) and rec["id"][14] == "7"
    assert rec["province"] == "rabat" and store.who(rec["created_by"]) == "Amina"
    [entry] = store.outbox()
    assert entry["mutation_id"] == 1 and entry["op"] == "create"
    assert entry["record_id"] == rec["id"] and entry["kind"] == "person"
    assert entry["payload"]["name_ar"] == "محمد بن علي"
    assert entry["payload"]["approx_age"] == 40


def test_ids_are_time_ordered(store):
    ids = store.persons.create_many([{"nickname": f"P {i}"} for i in range(50)])
    assert ids == sorted(ids)


def test_create_entry_keeps_its_content_after_later_edits(store):
    rec = person(store, nickname="Hamid")
    store.persons.update(rec["id"], {"nickname": "Hmida", "approx_age": 41})
    store.persons.update(rec["id"], {"nickname": "Hamido"})
    create, first, second = store.outbox()
    assert create["payload"]["nickname"] == "Hamid"
    assert create["payload"]["approx_age"] is None
    assert first["op"] == "update" and first["payload"] == {"nickname": "Hmida",
                                                           "approx_age": 41}
    assert first["base"] == {"nickname": 0, "approx_age": 0}
    assert second["payload"] == {"nickname": "Hamido"}
    assert [e["mutation_id"] for e in (create, first, second)] == [1, 2, 3]


def test_update_without_change_writes_nothing(store):
    rec = person(store, approx_age=40)
    store.persons.update(rec["id"], {"approx_age": 40, "name_lat": " Mohamed  Benali "})
    assert store.pending_count() == 1 and store.last_mutation_id() == 1


def test_invalid_write_raises_field_errors_and_writes_nothing(store):
    rec = person(store)
    with pytest.raises(ValidationError) as info:
        store.persons.update(rec["id"], {"cin": "12", "approx_age": 300})
    assert {(e.field, e.code) for e in info.value.errors} == {("cin", "bad_cin"),
                                                               ("approx_age", "out_of_range")}
    with pytest.raises(ValidationError) as info:
        store.persons.create_many([{"name_lat": "Ok"}, {"name_lat": "Ok 2", "sex": "?"}])
    assert info.value.index == 1
    assert store.persons.count() == 1 and store.last_mutation_id() == 1


def test_delete_is_a_synced_tombstone(store):
    rec = person(store)
    store.persons.delete(rec["id"])
    assert store.persons.get(rec["id"]) is None
    assert store.persons.get(rec["id"], include_deleted=True)["deleted"] is True
    assert store.outbox()[-1]["payload"] == {"deleted": 1}
    assert store.persons.count() == 0


def test_update_of_missing_record(store):
    with pytest.raises(NotFound):
        store.persons.update("0193a3c2-7b4e-7000-8000-000000000001", {"nickname": "x"})


def test_writes_outside_the_province_are_refused(store):
    with pytest.raises(ValidationError) as info:
        person(store, province="fes")
    assert info.value.errors[0].field == "province"
    assert info.value.errors[0].code == "outside_scope"


def test_acknowledge_removes_entries_and_keeps_counting(store):
    a, b = person(store), person(store)
    store.persons.update(a["id"], {"nickname": "x"})
    assert store.acknowledge(2) == 2
    assert [e["mutation_id"] for e in store.outbox()] == [3]
    c = person(store)
    assert store.outbox()[-1]["mutation_id"] == 4
    store.persons.update(b["id"], {"nickname": "y"})  # b's create was acknowledged
    assert store.outbox()[-1]["payload"] == {"nickname": "y"}
    assert store.persons.get(c["id"]) is not None


def test_batch_write_has_consecutive_mutation_ids(store):
    store.shelters.create({"name_fr": "Centre", "capacity": 10})
    store.persons.create_many([{"nickname": f"P {i}"} for i in range(5)])
    assert [e["mutation_id"] for e in store.outbox()] == list(range(1, 7))


def test_settings_and_drafts(store):
    store.set_setting("auto_lock_minutes", 5)
    assert store.setting("auto_lock_minutes") == 5
    assert store.setting("missing", "d") == "d"
    store.save_draft("encounter", {"notes": "أكل"})
    assert store.drafts() == {"encounter": {"notes": "أكل"}}
    store.discard_draft("encounter")
    assert store.drafts() == {}


def test_clock_stamps_increase(store):
    person(store)
    person(store)
    stamps = [e["hlc"] for e in store.outbox()]
    assert stamps == sorted(stamps) and len(set(stamps)) == 2
