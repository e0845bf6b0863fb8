"""Sync from the GUI against a real server: background sync after unlock, status area,
records from another laptop appear without a restart, revoked laptop erased."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton

from fieldapp.store.replica import StoreReplica
from fieldapp.ui.persons import PersonsScreen
from sync import client as sync_client
from tests.helpers.server import ServerProcess, enrolled_device, open_service
from tests.ui.conftest import run_in_store


def test_background_sync_brings_other_laptops_records(make_app, qtbot, tmp_path):
    db, service = open_service(str(tmp_path / "server.db"))
    service.create_team("Rabat 1", "province:rabat")
    service.create_user("amina", "supervisor", team="Rabat 1")
    service.create_user("omar", "supervisor", team="Rabat 1")
    server = ServerProcess(str(tmp_path / "server.db")).start()
    try:
        other = enrolled_device(tmp_path / "other", server, service, "omar")
        other.store.persons.create({"name_lat": "Khadija Ouazzani", "name_ar": "خديجة الوزاني"})
        other.sync()

        def seed(store):
            code = service.issue_code("amina")
            sync_client.enroll(StoreReplica(store), server.url, code, "laptop")
            store.persons.create({"name_lat": "Brahim Tazi"})

        fa = make_app("fr", seed=seed)
        sync_now = fa.main.findChild(QPushButton, "sync_now")
        assert sync_now is not None
        qtbot.waitUntil(lambda: not fa.sync.running and fa.sync.enrolled, timeout=20_000)
        label = fa.main.findChild(QLabel, "sync_status")
        assert label.property("role") != "error", label.text()
        names = run_in_store(fa, qtbot, lambda s: sorted(
            r[0] for r in s.conn.execute("SELECT name_lat FROM persons")))
        assert names == ["Brahim Tazi", "Khadija Ouazzani"]
        persons = fa.main.go_to(PersonsScreen)
        qtbot.waitUntil(lambda: persons.model.rowCount() == 2, timeout=10_000)
        # a record arriving while the screen is open shows without a restart
        other.store.persons.create({"name_lat": "Said Benani"})
        other.sync()
        sync_now.click()
        qtbot.waitUntil(lambda: persons.model.rowCount() == 3, timeout=20_000)
        other.sync()
        assert other.store.conn.execute(
            "SELECT count(*) FROM persons WHERE name_lat = 'Brahim Tazi'").fetchone()[0] == 1
        # the administrator revokes the laptop: at its next contact it erases its vault
        device_id = run_in_store(fa, qtbot, lambda s: StoreReplica(s).sync_state()["device_id"])
        service.revoke_device(device_id)
        with qtbot.waitSignal(fa.locked, timeout=20_000):
            fa.sync.sync_now()
        assert not fa.vault.exists()
        other.vault.lock()
    finally:
        server.stop()
        db.close()
