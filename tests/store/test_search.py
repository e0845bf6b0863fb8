"""Person search as you type, whichever way the name was written."""

from __future__ import annotations

import pytest

from fieldapp.store.search import search_persons


@pytest.fixture
def people(store):
    rows = {
        "ahmed_ar": {"name_ar": "أحمد الإدريسي"},
        "fatima_ar": {"name_ar": "فَاطِمَة الزَّهْرَاء"},
        "mohamed_lat": {"name_lat": "Mohamed Benali"},
        "mohamed_ar": {"name_ar": "محمد بن علي"},
        "hicham": {"name_lat": "Hîcham El Alaoui"},
        "yahya": {"name_ar": "يحيى"},
        "hamid": {"nickname": "Hamid", "cin": "BK123456"},
        "khadija": {"name_lat": "Khadija", "name_ar": "خديجة"},
        "gone": {"name_lat": "Mohamed Gone"},
    }
    ids = {key: store.persons.create(values)["id"] for key, values in rows.items()}
    store.persons.delete(ids["gone"])
    return ids


def found(store, text):
    return [p["id"] for p in search_persons(store, text)]


@pytest.mark.parametrize(("typed", "who"), [
    ("احمد", "ahmed_ar"),          # hamza on the alef
    ("أحم", "ahmed_ar"),           # prefix
    ("الادريسي", "ahmed_ar"),      # hamza below
    ("ادريس", "ahmed_ar"),         # without the article
    ("فاطمه", "fatima_ar"),        # ta marbuta typed as ha, diacritics in the stored name
    ("الزهراء", "fatima_ar"),
    ("يحيي", "yahya"),             # alif maqsura typed as ya
    ("hicham", "hicham"),          # accents
    ("HICH", "hicham"),
    ("alaoui hich", "hicham"),     # words in any order
    ("moham benal", "mohamed_lat"),
    ("hamid", "hamid"),            # nickname
    ("bk1234", "hamid"),           # CIN prefix
])
def test_finds_within_a_script(store, people, typed, who):
    assert people[who] in found(store, typed)


@pytest.mark.parametrize(("typed", "who"), [
    ("Mohamed", "mohamed_ar"),     # Latin typed, stored only in Arabic
    ("Mohammed", "mohamed_ar"),
    ("Ahmed", "ahmed_ar"),
    ("Idrissi", "ahmed_ar"),
    ("Fatima Zahra", "fatima_ar"),
    ("محمد", "mohamed_lat"),       # Arabic typed, stored only in Latin
    ("خديجة", "khadija"),
])
def test_finds_across_scripts(store, people, typed, who):
    assert people[who] in found(store, typed)


def test_same_script_matches_come_first(store, people):
    ids = found(store, "Mohamed")
    assert ids.index(people["mohamed_lat"]) < ids.index(people["mohamed_ar"])


def test_deleted_persons_are_not_found(store, people):
    assert people["gone"] not in found(store, "Mohamed")


def test_no_false_friends(store, people):
    assert people["khadija"] not in found(store, "Hicham")
    assert found(store, "Zzzz") == []
    assert found(store, "   ") == []
    assert found(store, '"*) OR (') == []  # full-text syntax is quoted, not executed


def test_renamed_person_is_found_by_the_new_name_only(store, people):
    store.persons.update(people["hicham"], {"name_lat": "Rachid Tazi"})
    assert people["hicham"] in found(store, "rachid")
    assert people["hicham"] not in found(store, "hicham")


def test_limit(store):
    store.persons.create_many([{"name_lat": "Said", "nickname": f"s{i}"} for i in range(30)])
    assert len(search_persons(store, "said", limit=10)) == 10
