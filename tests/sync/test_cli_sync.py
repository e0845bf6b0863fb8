"""The administrator's walkthrough and the headless commands, as real processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.helpers.server import ServerProcess

ROOT = Path(__file__).resolve().parents[2]


def run(*args, env=None):
    full = {k: v for k, v in os.environ.items() if not k.startswith("FIELDAPP_")}
    full.update({"FIELDAPP_LANG": "fr", **(env or {})})
    return subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True,
                          cwd=ROOT, env=full, timeout=180)


def admin(db, *args):
    out = run("sync.server", "--db", db, "admin", *args)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_first_province_team_code_enroll_and_sync(tmp_path):
    db = str(tmp_path / "server.db")
    admin(db, "create-team", "Équipe mobile Rabat 1", "--scope", "province:rabat")
    admin(db, "create-user", "amina", "--role", "supervisor", "--team",
          "Équipe mobile Rabat 1")
    admin(db, "create-user", "omar", "--role", "supervisor", "--team",
          "Équipe mobile Rabat 1")
    code_a = admin(db, "issue-code", "amina", "--hours", "24")
    code_b = admin(db, "issue-code", "omar")
    server = ServerProcess(db).start()
    try:
        env = {"FIELDAPP_PASSPHRASE": "cli passphrase"}
        a, b = str(tmp_path / "a"), str(tmp_path / "b")
        made = run("fieldapp", "demo", "--data-dir", a, "--persons", "60", "--encounters",
                   "120", env=env)
        assert made.returncode == 0, made.stderr
        made = run("fieldapp", "demo", "--data-dir", b, "--persons", "5", "--encounters",
                   "5", "--seed", "9", env=env)
        assert made.returncode == 0, made.stderr
        for folder, code in ((a, code_a), (b, code_b)):
            out = run("fieldapp", "enroll", "--data-dir", folder, "--server", server.url,
                      "--code", code, env=env)
            assert out.returncode == 0, out.stderr
            assert "province:rabat" in out.stdout
        again = run("fieldapp", "enroll", "--data-dir", b, "--server", server.url, "--code",
                    code_a, env=env)
        assert again.returncode == 1 and again.stderr.count("\n") == 1  # a code works once
        sent = run("fieldapp", "sync", "--data-dir", a, env=env)
        assert sent.returncode == 0, sent.stderr
        assert "pending 0" in sent.stdout
        got = run("fieldapp", "sync", "--data-dir", b, env=env)
        assert got.returncode == 0, got.stderr
        check = run("fieldapp", "check", "--data-dir", b, env=env)
        assert "person=65" in check.stdout, check.stdout
        devices = admin(db, "list-devices")
        assert devices.count("active") == 2
        device_a = devices.splitlines()[0].split()[0]
        admin(db, "revoke-device", device_a)
        refused = run("fieldapp", "sync", "--data-dir", a, env=env)
        assert refused.returncode == 1 and refused.stderr.count("\n") == 1
        assert "administrat" in refused.stderr
        # the revoked laptop erased its vault: the wrapped key is gone, nothing can be read
        assert not (Path(a) / "vault.key").exists() and not (Path(a) / "vault.db").exists()
        audit = admin(db, "audit")
        for action in ("create_team", "create_user", "issue_code", "enroll", "revoke_device"):
            assert action in audit
    finally:
        server.stop()
    offline = run("fieldapp", "sync", "--data-dir", str(tmp_path / "b"),
                  env={"FIELDAPP_PASSPHRASE": "cli passphrase"})
    assert offline.returncode == 1 and "connexion" in offline.stderr.lower()


def test_recovery_key_and_a_removed_member_through_the_commands(tmp_path):
    """The administrator makes the organisation's recovery key and later takes a member off
    a centre PC; the headless commands of the laptop see both at the next sync."""
    db = str(tmp_path / "server.db")
    assert run("sync.server", "--version").stdout.startswith("fieldapp-server ")
    key = tmp_path / "recovery.pem"
    made = admin(db, "recovery-key", "create", "--out", str(key))
    assert "recovery key" in made and key.stat().st_mode & 0o077 == 0
    again = run("sync.server", "--db", db, "admin", "recovery-key", "create", "--out", str(key))
    assert again.returncode == 1 and "not overwritten" in again.stderr
    admin(db, "create-team", "Centre Rabat", "--scope", "province:rabat")
    admin(db, "create-user", "Salma Bennani", "--role", "supervisor", "--team",
          "Centre Rabat")
    code = admin(db, "issue-code", "Salma Bennani")
    server = ServerProcess(db).start()
    folder = str(tmp_path / "pc")
    salma = {"FIELDAPP_PASSPHRASE": "salma's passphrase"}
    youssef = {"FIELDAPP_PASSPHRASE": "youssef's passphrase"}
    try:
        made = run("fieldapp", "demo", "--data-dir", folder, "--user", "Salma Bennani",
                   "--persons", "3", "--encounters", "3", env=salma)
        assert made.returncode == 0, made.stderr
        out = run("fieldapp", "enroll", "--data-dir", folder, "--server", server.url,
                  "--code", code, env=salma)
        assert out.returncode == 0, out.stderr
        added = run("fieldapp", "member", "add", "--data-dir", folder, "--user",
                    "Salma Bennani", "--name", "Youssef Alaoui", "--role", "centre_staff",
                    env={**salma, "FIELDAPP_NEW_PASSPHRASE": youssef["FIELDAPP_PASSPHRASE"]})
        assert added.returncode == 0, added.stderr
        synced = run("fieldapp", "sync", "--data-dir", folder, env=salma)
        assert synced.returncode == 0, synced.stderr
        # a colleague the administrator made joins with her own code (any member unlocks)
        admin(db, "create-user", "Nadia Cherkaoui", "--role", "educator", "--team",
              "Centre Rabat")
        nadia_code = admin(db, "issue-code", "Nadia Cherkaoui")
        nadia = {"FIELDAPP_PASSPHRASE": "nadia's own passphrase"}
        joined = run("fieldapp", "member", "add", "--data-dir", folder, "--code", nadia_code,
                     env={**youssef, "FIELDAPP_NEW_PASSPHRASE": nadia["FIELDAPP_PASSPHRASE"]})
        assert joined.returncode == 0 and "Nadia Cherkaoui" in joined.stdout, joined.stderr
        used = run("fieldapp", "member", "add", "--data-dir", folder, "--code", nadia_code,
                   env={**youssef, "FIELDAPP_NEW_PASSPHRASE": "another passphrase!"})
        assert used.returncode == 1 and used.stderr.count("\n") == 1  # a code works once
        check = run("fieldapp", "check", "--data-dir", folder, "--user", "Nadia Cherkaoui",
                    env=nadia)
        assert check.returncode == 0, check.stderr
        assert "removed Youssef Alaoui from 1 device" in admin(db, "remove-user",
                                                              "Youssef Alaoui")
        synced = run("fieldapp", "sync", "--data-dir", folder, env=salma)
        assert synced.returncode == 0, synced.stderr
        refused = run("fieldapp", "check", "--data-dir", folder, env=youssef)
        assert refused.returncode == 1 and refused.stderr.count("\n") == 1
        # every member forgot: the organisation's key opens the vault with a new passphrase
        recovered = run("fieldapp", "recover", "--data-dir", folder, "--recovery-key",
                        str(key), env={"FIELDAPP_NEW_PASSPHRASE": "a brand new passphrase"})
        assert recovered.returncode == 0, recovered.stderr
        check = run("fieldapp", "check", "--data-dir", folder,
                    env={"FIELDAPP_PASSPHRASE": "a brand new passphrase"})
        assert check.returncode == 0, check.stderr
    finally:
        server.stop()
