"""End to end through a real server: records written on one laptop reach another."""

from __future__ import annotations

from tests.helpers.server import enrolled_device


def test_two_devices_converge(server, rabat_users, tmp_path):
    proc, service = server
    a = enrolled_device(tmp_path / "a", proc, service, "amina")
    b = enrolled_device(tmp_path / "b", proc, service, "youssef")
    person = a.store.persons.create({"name_ar": "محمد بن علي", "name_lat": "Mohamed Benali"})
    shelter = a.store.shelters.create({"name_fr": "Centre Ain Atiq", "capacity": 40})
    report = a.sync()
    assert report.pushed == 2 and a.store.pending_count() == 0
    b.sync()
    got = b.store.persons.get(person["id"])
    assert got["name_ar"] == "محمد بن علي" and got["name_lat"] == "Mohamed Benali"
    assert b.store.shelters.get(shelter["id"])["capacity"] == 40
    # edits of different fields on both sides merge field by field
    a.store.persons.update(person["id"], {"nickname": "Hamid"})
    b.store.persons.update(person["id"], {"approx_age": 41})
    a.sync(), b.sync(), a.sync()
    for device in (a, b):
        p = device.store.persons.get(person["id"])
        assert (p["nickname"], p["approx_age"]) == ("Hamid", 41)
    # the search index knows records that came from elsewhere
    from fieldapp.store.search import search_persons

    assert [p["id"] for p in search_persons(b.store, "Benali")] == [person["id"]]


def user_id(service, name: str) -> str:
    with service.db.read() as tx:
        return str(tx.one("SELECT id FROM users WHERE name = ?", (name,))[0])


def test_concurrent_edit_of_one_field_keeps_the_other_value(server, rabat_users, tmp_path):
    proc, service = server
    a = enrolled_device(tmp_path / "a", proc, service, "amina")
    b = enrolled_device(tmp_path / "b", proc, service, "youssef")
    person = a.store.persons.create({"name_lat": "Said Alami", "nickname": "Sido"})
    a.sync(), b.sync()
    a.store.persons.update(person["id"], {"nickname": "Sidou"})
    b.store.persons.update(person["id"], {"nickname": "Saidou"})
    a.sync()
    report = b.sync()
    assert report.conflicts == 1
    a.sync()
    assert a.store.persons.get(person["id"])["nickname"] == "Saidou"  # server order decides
    conflicts = a.store.conn.execute(
        "SELECT field, kept_value, kept_author FROM conflicts").fetchall()
    # who wrote the value kept aside: the id the server gave amina
    assert conflicts == [("nickname", '"Sidou"', user_id(service, "amina"))]


def test_device_of_another_province_receives_nothing(server, rabat_users, tmp_path):
    proc, service = server
    a = enrolled_device(tmp_path / "a", proc, service, "amina")
    f = enrolled_device(tmp_path / "f", proc, service, "driss", province="fes")
    a.store.persons.create({"name_lat": "Rabat Person"})
    f.store.persons.create({"name_lat": "Fes Person"})
    a.sync(), f.sync(), a.sync()
    assert [p[0] for p in f.store.conn.execute("SELECT name_lat FROM persons")] == ["Fes Person"]
    assert [p[0] for p in a.store.conn.execute("SELECT name_lat FROM persons")] == [
        "Rabat Person"]
