"""docs/admin-guide.md's walkthrough: every command it quotes is one the server accepts, and
the whole walkthrough runs in order on a fresh database. (The walkthrough end to end, with
laptops enrolling and syncing: tests/sync/test_cli_sync.py.)"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from sync.server.__main__ import build_parser, main

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "admin-guide.md"


def walkthrough() -> list[list[str]]:
    text = GUIDE.read_text(encoding="utf-8")
    found = re.search(r"<!-- walkthrough:.*?-->\n```sh\n(.*?)```", text, re.S)
    assert found, "docs/admin-guide.md lost its walkthrough block"
    commands = [shlex.split(line) for line in found.group(1).splitlines() if line.strip()]
    assert commands and all(c[0] == "fieldapp-server" for c in commands)
    return [c[1:] for c in commands]


def test_every_walkthrough_command_parses():
    parser = build_parser()
    actions = []
    for argv in walkthrough():
        args = parser.parse_args(argv)
        assert args.command == "admin"
        actions.append(args.action)
    # the first province's team, a user, an enrollment code: the README's commands
    assert actions[:3] == ["create-team", "create-user", "create-user"]
    assert "issue-code" in actions


def test_the_walkthrough_runs_on_a_fresh_database(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("FIELDAPP_SERVER_DB", str(tmp_path / "server.db"))
    for argv in walkthrough():
        assert main(argv) == 0, argv
    out = capsys.readouterr().out
    assert out.strip()
