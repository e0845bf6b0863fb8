"""The headless commands, run as a user would: a real process, a real vault."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def fieldapp(*args, env=None, lang="fr"):
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("FIELDAPP_")}
    full_env.update({"FIELDAPP_LANG": lang, **(env or {})})
    return subprocess.run([sys.executable, "-m", "fieldapp", *args], capture_output=True,
                          text=True, env=full_env, cwd=ROOT, timeout=120)


def test_demo_then_check_then_passwd(tmp_path):
    folder = tmp_path / "demo"
    secret = tmp_path / "pass.txt"
    secret.write_text("demo passphrase\n")
    made = fieldapp("demo", "--data-dir", str(folder), "--persons", "200", "--encounters", "400",
                    "--passphrase-file", str(secret))
    assert made.returncode == 0, made.stderr
    assert "200 persons" in made.stdout
    checked = fieldapp("check", "--data-dir", str(folder),
                       env={"FIELDAPP_PASSPHRASE": "demo passphrase"})
    assert checked.returncode == 0, checked.stderr
    assert "person=" in checked.stdout and "encounter=" in checked.stdout
    changed = fieldapp("passwd", "--data-dir", str(folder),
                       env={"FIELDAPP_PASSPHRASE": "demo passphrase",
                            "FIELDAPP_NEW_PASSPHRASE": "new demo passphrase"})
    assert changed.returncode == 0, changed.stderr
    wrong = fieldapp("check", "--data-dir", str(folder),
                     env={"FIELDAPP_PASSPHRASE": "demo passphrase"})
    assert wrong.returncode == 1
    assert wrong.stderr.count("\n") == 1, "one line per problem"
    assert "phrase secrète" in wrong.stderr, wrong.stderr


def test_errors_speak_the_users_language(tmp_path):
    ar = fieldapp("check", "--data-dir", str(tmp_path / "none"), lang="ar",
                  env={"FIELDAPP_PASSPHRASE": "whatever passphrase"})
    assert ar.returncode == 1
    assert any("\u0600" <= c <= "\u06ff" for c in ar.stderr), ar.stderr
    missing = fieldapp("check", "--data-dir", str(tmp_path / "none"))
    assert missing.returncode == 1 and "FIELDAPP_PASSPHRASE" in missing.stderr


def test_refuses_to_demo_over_an_existing_vault(tmp_path):
    env = {"FIELDAPP_PASSPHRASE": "demo passphrase"}
    args = ("demo", "--data-dir", str(tmp_path / "d"), "--persons", "10", "--encounters", "10")
    assert fieldapp(*args, env=env).returncode == 0
    again = fieldapp(*args, env=env)
    assert again.returncode == 1 and "existe" in again.stderr


def test_version():
    out = fieldapp("--version")
    assert out.returncode == 0 and out.stdout.startswith("fieldapp ")


def test_backup_then_restore(tmp_path):
    env = {"FIELDAPP_PASSPHRASE": "demo passphrase"}
    folder, out = tmp_path / "d", tmp_path / "usb" / "d.backup"
    out.parent.mkdir()
    assert fieldapp("demo", "--data-dir", str(folder), "--persons", "20", "--encounters", "30",
                    env=env).returncode == 0
    made = fieldapp("backup", "--data-dir", str(folder), "--out", str(out), env=env)
    assert made.returncode == 0, made.stderr
    restored = fieldapp("restore", "--data-dir", str(tmp_path / "new"), "--from", str(out),
                        env=env)
    assert restored.returncode == 0, restored.stderr
    checked = fieldapp("check", "--data-dir", str(tmp_path / "new"), env=env)
    assert checked.returncode == 0 and "person=20" in checked.stdout, checked.stderr
    wrong = fieldapp("restore", "--data-dir", str(tmp_path / "new"), "--from", str(out),
                     env={"FIELDAPP_PASSPHRASE": "another passphrase"})
    assert wrong.returncode == 1 and wrong.stderr.count("\n") == 1, wrong.stderr
    notes = tmp_path / "notes.txt"
    notes.write_text("not a backup\n" * 100)
    refused = fieldapp("restore", "--data-dir", str(tmp_path / "new"), "--from", str(notes),
                       env=env, lang="ar")
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1


def _said(code: str, lang: str = "fr") -> str:
    """The line the command prints for a BackupError ``code`` (translated or not yet)."""
    probe = ("import sys; from fieldapp.cli import _message; "
             "from fieldapp.store.backup import BackupError; "
             "print(_message(BackupError(sys.argv[1]), sys.argv[2]))")
    out = subprocess.run([sys.executable, "-c", probe, code, lang], capture_output=True,
                         text=True, cwd=ROOT, timeout=60)
    return f"fieldapp: {out.stdout.strip()}\n"


def test_backup_into_a_missing_or_read_only_folder_says_which(tmp_path):
    from tests.helpers.vaults import PASSPHRASE, new_vault

    folder = tmp_path / "d"
    new_vault(folder)[0].lock()
    env = {"FIELDAPP_PASSPHRASE": PASSPHRASE}
    missing = fieldapp("backup", "--data-dir", str(folder), "--out",
                       str(tmp_path / "usb" / "d.backup"), env=env)
    assert missing.returncode == 1
    assert missing.stderr == _said("no_folder") != _said("io"), missing.stderr
    assert not (tmp_path / "usb").exists()

    # A read-only folder does not stop root (who runs the tests in some containers): the
    # folder's refusal is os.access's answer here, as it is for a user's read-only folder.
    usb = tmp_path / "usb"
    usb.mkdir()
    run = ("import os, sys; from fieldapp.cli import main; real = os.access; "
           "os.access = lambda p, m, **k: os.path.abspath(p) != sys.argv[1] and real(p, m, **k); "
           "sys.exit(main(sys.argv[2:]))")
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("FIELDAPP_")}
    refused = subprocess.run(
        [sys.executable, "-c", run, str(usb), "backup", "--data-dir", str(folder), "--out",
         str(usb / "d.backup")], capture_output=True, text=True, cwd=ROOT, timeout=120,
        env={**full_env, "FIELDAPP_LANG": "fr", **env})
    assert refused.returncode == 1
    assert refused.stderr == _said("folder_not_writable") != _said("no_folder"), refused.stderr
    assert list(usb.iterdir()) == []
    assert sorted(p.name for p in folder.iterdir()) == ["vault.db", "vault.key"]


def _parsers(parser):
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _parsers(sub)


def test_help_explains_every_option_and_where_the_passphrase_comes_from():
    from fieldapp.cli import build_parser

    parser = build_parser()
    for p in _parsers(parser):
        assert p.description, p.prog
        for action in p._actions:
            if action.help == argparse.SUPPRESS or not action.option_strings:
                continue
            assert action.help, f"{p.prog} {action.option_strings} has no help"
            if action.default not in (None, False, "", argparse.SUPPRESS):
                assert "default" in action.help, f"{p.prog} {action.option_strings}"
        assert "FIELDAPP_PASSPHRASE" in p.format_help(), p.prog


def test_members_added_listed_checked_and_removed(tmp_path):
    from tests.helpers.vaults import PASSPHRASE, new_vault

    folder = tmp_path / "centre"
    vault, store = new_vault(folder, user="Amina Tazi")
    store.persons.create({"name_lat": "Said Alami"})
    vault.lock()
    amina = {"FIELDAPP_PASSPHRASE": PASSPHRASE}
    added = fieldapp("member", "add", "--data-dir", str(folder), "--user", "Amina Tazi",
                     "--name", "Youssef Alaoui", "--name-ar", "يوسف العلوي",
                     env={**amina, "FIELDAPP_NEW_PASSPHRASE": "youssef passphrase"})
    assert added.returncode == 0, added.stderr
    listed = fieldapp("member", "list", "--data-dir", str(folder))
    names = [line.split("\t")[1:] for line in listed.stdout.splitlines()]
    assert names == [["Amina Tazi", ""], ["Youssef Alaoui", "يوسف العلوي"]]
    youssef = {"FIELDAPP_PASSPHRASE": "youssef passphrase"}
    checked = fieldapp("check", "--data-dir", str(folder), "--user", "Youssef Alaoui",
                       env=youssef)
    assert checked.returncode == 0 and "person=1" in checked.stdout, checked.stderr
    as_other = fieldapp("check", "--data-dir", str(folder), "--user", "Amina Tazi",
                        env=youssef)
    assert as_other.returncode == 1 and as_other.stderr.count("\n") == 1
    removed = fieldapp("member", "remove", "--data-dir", str(folder), "--user", "Amina Tazi",
                       "--name", "Youssef Alaoui", env=amina)
    assert removed.returncode == 0, removed.stderr
    gone = fieldapp("check", "--data-dir", str(folder), env=youssef)
    assert gone.returncode == 1 and gone.stderr.count("\n") == 1
    still = fieldapp("check", "--data-dir", str(folder), env=amina)
    assert still.returncode == 0 and "person=1" in still.stdout, still.stderr
