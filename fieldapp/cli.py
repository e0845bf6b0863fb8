"""The ``fieldapp`` command: the GUI with no arguments, headless subcommands otherwise.

Headless commands read the passphrase from ``--passphrase-file`` or the ``FIELDAPP_PASSPHRASE``
environment variable, never from an argument (arguments are visible to other users of the
machine). They exit non-zero on failure, with one line per problem in the user's language.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from fieldapp import __version__
from fieldapp.errors import UserFacingError

PASSPHRASE_ENV = "FIELDAPP_PASSPHRASE"
NEW_PASSPHRASE_ENV = "FIELDAPP_NEW_PASSPHRASE"


class CliError(UserFacingError):
    pass


APP_NAME = "fieldapp"
ORGANIZATION_NAME = "fieldapp"


def default_data_dir() -> Path:
    """The vault folder when neither ``--data-dir`` nor ``FIELDAPP_DATA_DIR`` is given: the
    platform's application-data folder (Linux ``~/.local/share/fieldapp/fieldapp``, Windows
    ``%APPDATA%\\fieldapp\\fieldapp``, macOS ``~/Library/Application Support/fieldapp``).
    A vault already in the folder used before (``<generic data>/fieldapp``) is kept."""
    env = os.environ.get("FIELDAPP_DATA_DIR")
    if env:
        return Path(env)
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    # AppDataLocation is built from these names; set them even before a QApplication exists
    # (make_application sets the same ones)
    QCoreApplication.setOrganizationName(ORGANIZATION_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    locations = QStandardPaths.StandardLocation
    legacy = Path(QStandardPaths.writableLocation(locations.GenericDataLocation)) / APP_NAME
    if (legacy / "vault.db").exists():
        return legacy
    return Path(QStandardPaths.writableLocation(locations.AppDataLocation))


def read_secret(path: str | None, env: str) -> str:
    if path:
        text = Path(path).read_text(encoding="utf-8")
        return text[:-1] if text.endswith("\n") else text
    value = os.environ.get(env)
    if value:
        return value
    raise CliError("no_passphrase")


def cli_language(requested: str | None) -> str:
    if requested in ("ar", "fr"):
        return requested
    env = os.environ.get("FIELDAPP_LANG") or os.environ.get("LANG", "")
    return "ar" if env.startswith("ar") else "fr"


DESCRIPTION = """\
fieldapp: the offline-first field app of the outreach teams and centres (Arabic / French).

Without a command, starts the application window on the vault in --data-dir. The commands
work without a window, on the same vault."""

EPILOG = f"""\
passphrases: the commands read the vault's passphrase from --passphrase-file or from the
environment variable {PASSPHRASE_ENV} (never from an argument, which other users of the
machine can see); `passwd` reads the new one from --new-passphrase-file or
{NEW_PASSPHRASE_ENV}.

environment: FIELDAPP_DATA_DIR (the vault folder when --data-dir is not given),
FIELDAPP_LANG (ar or fr: the language of the commands' messages).

examples:
  fieldapp                                   the application window
  fieldapp demo --data-dir ./demo-vault      a vault filled with demo data
  fieldapp sync --data-dir ./demo-vault      send and receive changes now"""


def build_parser() -> argparse.ArgumentParser:
    fmt = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(prog="fieldapp", description=DESCRIPTION, epilog=EPILOG,
                                     formatter_class=fmt)
    parser.add_argument("--version", action="version", version=f"fieldapp {__version__}")
    parser.add_argument("--data-dir", type=Path, metavar="DIR",
                        help="the vault folder (default: FIELDAPP_DATA_DIR, or the "
                             "application-data folder of this user)")
    parser.add_argument("--lang", choices=("ar", "fr"),
                        help="language of the window and the messages (default: the "
                             "vault's, else FIELDAPP_LANG / LANG)")
    parser.add_argument("--smoke", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", title="commands", metavar="COMMAND")

    def headless(name: str, help_text: str, acting: bool = True) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text[0].upper()
                           + help_text[1:] + ".", epilog=EPILOG, formatter_class=fmt)
        p.add_argument("--data-dir", type=Path, dest="sub_data_dir", metavar="DIR",
                       help="the vault folder (default: as for fieldapp itself)")
        p.add_argument("--passphrase-file", metavar="FILE",
                       help=f"file holding the passphrase (default: ${PASSPHRASE_ENV})")
        if acting:
            p.add_argument("--user", metavar="NAME",
                           help="the member who acts, by name or id (default: the member "
                                "whose passphrase it is)")
        return p

    demo = headless("demo", "create a vault filled with realistic demo data", acting=False)
    demo.add_argument("--persons", type=int, default=2000,
                      help="persons to create (default: %(default)s)")
    demo.add_argument("--encounters", type=int, default=6000,
                      help="patrol encounters to create (default: %(default)s)")
    demo.add_argument("--province", default="rabat",
                      help="the vault's province or prefecture code (default: %(default)s)")
    demo.add_argument("--seed", type=int, default=7,
                      help="random seed: the same seed makes the same data "
                           "(default: %(default)s)")
    demo.add_argument("--user", default="Démo",
                      help="the name of the vault's user (default: %(default)s)")

    headless("check", "unlock the vault, check every page, print counts")

    enroll = headless("enroll", "enroll this vault with the sync server (one-time code)")
    enroll.add_argument("--server", required=True, metavar="URL",
                        help="https://… address of the server (required)")
    enroll.add_argument("--code", required=True,
                        help="the one-time enrollment code the administrator gave (required)")
    enroll.add_argument("--ca-bundle", metavar="FILE",
                        help="certificate authority file to trust (default: the system's)")
    enroll.add_argument("--device-name", default="",
                        help="a name for this laptop on the server (default: none)")

    sync = headless("sync", "send pending changes and receive the others' changes")
    sync.add_argument("--ca-bundle", metavar="FILE",
                      help="certificate authority file to trust (default: the system's)")

    backup = headless("backup", "write an encrypted backup of the vault to one file")
    backup.add_argument("--out", type=Path, required=True, metavar="FILE",
                        help="the backup file to write (required)")

    restore = headless("restore", "replace the vault with a checked backup (the passphrase "
                                  "of backup time)")
    restore.add_argument("--from", type=Path, dest="source", required=True, metavar="FILE",
                         help="the backup file to restore (required)")

    member = headless("member", "list, add or remove the members of the vault (each with "
                                "their own passphrase)")
    member.add_argument("action", choices=("list", "add", "remove"),
                        help="list the members; add one (their passphrase from "
                             f"${NEW_PASSPHRASE_ENV}); remove one (the vault is re-keyed)")
    member.add_argument("--name", help="the member to add or remove: name (Latin script)")
    member.add_argument("--name-ar", default="",
                        help="the new member's name in Arabic script (default: none)")
    member.add_argument("--role", choices=("field_worker", "centre_staff", "centre_head",
                                           "supervisor"),
                        help="the new member's role, at most the acting member's "
                             "(default: the acting member's role)")
    member.add_argument("--code", metavar="CODE",
                        help="add: the new member's own enrollment code (the laptop must be "
                             "enrolled; the server gives their name and role)")
    member.add_argument("--id", dest="member_id",
                        help="the new member's user id on the server (default: a local id)")
    member.add_argument("--new-passphrase-file", metavar="FILE",
                        help="file holding the new member's passphrase "
                             f"(default: ${NEW_PASSPHRASE_ENV})")

    recover = headless("recover", "open a vault whose members forgot their passphrases with "
                                  "the organisation's recovery key, and set a new passphrase")
    recover.add_argument("--recovery-key", type=Path, required=True, metavar="FILE",
                         help="the organisation's private recovery key, PEM (required)")
    recover.add_argument("--new-passphrase-file", metavar="FILE",
                         help=f"file holding the new passphrase (default: ${NEW_PASSPHRASE_ENV})")

    passwd = headless("passwd", "change the passphrase (the data is not re-encrypted)")
    passwd.add_argument("--new-passphrase-file", metavar="FILE",
                        help=f"file holding the new passphrase (default: ${NEW_PASSPHRASE_ENV})")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # Every file the app makes is private to the user even where one is created without an
    # explicit mode (the vault's files have one; this is the second line of defence).
    os.umask(0o077)
    args = build_parser().parse_args(argv)
    if args.command is None:
        from fieldapp.app import run_gui

        return run_gui(data_dir=args.data_dir or default_data_dir(), lang=args.lang,
                       smoke=args.smoke)
    data_dir = args.sub_data_dir or args.data_dir or default_data_dir()
    lang = cli_language(args.lang)
    try:
        if args.command == "demo":
            return _demo(args, data_dir)
        if args.command == "check":
            return _check(args, data_dir)
        if args.command == "passwd":
            return _passwd(args, data_dir)
        if args.command == "member":
            return _member(args, data_dir)
        if args.command == "recover":
            return _recover(args, data_dir)
        if args.command == "backup":
            return _backup(args, data_dir)
        if args.command == "restore":
            return _restore(args, data_dir)
        if args.command in ("enroll", "sync"):
            return _sync_command(args, data_dir, lang)
    except UserFacingError as e:
        print(f"fieldapp: {_message(e, lang)}", file=sys.stderr)
        return 1
    except OSError as e:
        print(f"fieldapp: {e}", file=sys.stderr)
        return 1
    return 2


def _message(error: UserFacingError, lang: str) -> str:
    from fieldapp import messages
    from fieldapp.store.repository import ValidationError

    _in_language(lang)
    text = messages.error_text(error)
    if isinstance(error, ValidationError):
        details = "; ".join(f"{messages.field_label(e.field)}: {messages.field_error_text(e)}"
                            for e in error.errors)
        text = f"{text} {details}"
    return text


def _demo(args: argparse.Namespace, data_dir: Path) -> int:
    from fieldapp import demo
    from fieldapp.store.vault import Vault

    passphrase = read_secret(args.passphrase_file, PASSPHRASE_ENV)
    vault = Vault(data_dir)
    start = time.perf_counter()
    store = vault.create(passphrase, user_name=args.user, province=args.province,
                         team="Équipe mobile 1", role="supervisor")  # every screen shows

    def progress(done: int, total: int) -> None:
        width = 30
        filled = width * done // max(total, 1)
        print(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", end="",
              file=sys.stderr, flush=True)

    try:
        summary = demo.generate(store, args.persons, args.encounters, seed=args.seed,
                                progress=progress)
    finally:
        print(file=sys.stderr)
        vault.lock()
    print(f"demo vault: {data_dir} ({summary.persons} persons, {summary.encounters} "
          f"encounters, {time.perf_counter() - start:.1f} s)")
    return 0


def member_id_of(vault: Any, who: str | None) -> str | None:
    """The id of the member named ``who`` (a name in either script, or an id); None: any."""
    if not who:
        return None
    for m in vault.members():
        if who in (m.member_id, m.name, m.name_ar):
            return str(m.member_id)
    raise CliError("unknown_member")


def unlock_as(vault: Any, args: argparse.Namespace) -> Any:
    """Unlock ``vault`` as ``--user`` with the passphrase of ``--passphrase-file`` or
    FIELDAPP_PASSPHRASE."""
    return vault.unlock(read_secret(args.passphrase_file, PASSPHRASE_ENV),
                        member_id=member_id_of(vault, getattr(args, "user", None)))


def _member(args: argparse.Namespace, data_dir: Path) -> int:
    from fieldapp.domain.ids import uuid7
    from fieldapp.store import keys
    from fieldapp.store.vault import Vault

    vault = Vault(data_dir)
    if args.action == "list":
        for m in vault.members():
            print("\t".join((m.member_id, m.name, m.name_ar)))
        return 0
    if args.action == "add" and args.code:
        return _join(args, vault)
    if not args.name:
        raise CliError("member_name_missing")
    unlock_as(vault, args)
    try:
        if args.action == "add":
            new = keys.Member(args.member_id or uuid7(), args.name, args.name_ar)
            assert vault.store is not None
            vault.add_member(new, read_secret(args.new_passphrase_file, NEW_PASSPHRASE_ENV),
                             args.role or vault.store.actor.role)
            print(f"member added: {new.member_id} {new.name}")
        else:
            gone = member_id_of(vault, args.name)
            assert gone is not None
            vault.remove_member(gone)
            print(f"member removed: {gone} (the vault was re-keyed)")
    finally:
        vault.lock()
    return 0


def _join(args: argparse.Namespace, vault: Any) -> int:
    """A new member joins this enrolled laptop with their own enrollment code: the server
    says who they are (their user id, name and role); their own passphrase opens their new
    key slot. Any member may unlock for it."""
    from fieldapp.domain import roles
    from fieldapp.domain.ids import uuid7
    from fieldapp.store import keys
    from sync.client import HttpClient
    from sync.protocol import SyncError

    store = unlock_as(vault, args)
    try:
        state = {k: store.setting(f"sync.{k}") for k in ("url", "token", "ca_bundle")}
        if not state["token"]:
            print(f"fieldapp: {_sync_message('auth', 'not enrolled', cli_language(args.lang))}",
                  file=sys.stderr)
            return 1
        passphrase = read_secret(args.new_passphrase_file, NEW_PASSPHRASE_ENV)
        try:
            answer = HttpClient(state["url"], state["token"],
                                ca_bundle=state["ca_bundle"]).join(args.code)
        except SyncError as e:
            body = getattr(e, "body", None) or {}
            detail = str(body.get("error") or e.detail)
            print(f"fieldapp: {_sync_message(e.kind.value, detail, cli_language(args.lang))}",
                  file=sys.stderr)
            return 1
        new = keys.Member(uuid7(), answer["name"], args.name_ar or "")
        vault.add_member(new, passphrase, roles.role_of(answer.get("role")),
                         team=answer.get("team"), user_id=answer["user_id"])
        print(f"member added: {new.member_id} {new.name} (user {answer['user_id']})")
    finally:
        vault.lock()
    return 0


def _recover(args: argparse.Namespace, data_dir: Path) -> int:
    from fieldapp.store.vault import Vault

    vault = Vault(data_dir)
    member = vault.recover(args.recovery_key.read_bytes(),
                           read_secret(args.new_passphrase_file, NEW_PASSPHRASE_ENV),
                           member_id_of(vault, args.user))
    print(f"recovered: {member.name} has a new passphrase")
    return 0


def _check(args: argparse.Namespace, data_dir: Path) -> int:
    from fieldapp.domain.records import KINDS
    from fieldapp.store.vault import Vault

    vault = Vault(data_dir)
    store = unlock_as(vault, args)
    try:
        counts = {name: store.repo(name).count() for name in KINDS}
        print(" ".join(f"{k}={v}" for k, v in counts.items()),
              f"pending={store.pending_count()}")
    finally:
        vault.lock()
    return 0


def _backup(args: argparse.Namespace, data_dir: Path) -> int:
    from fieldapp.store.backup import check_target, create_backup
    from fieldapp.store.vault import Vault

    passphrase = read_secret(args.passphrase_file, PASSPHRASE_ENV)
    check_target(args.out)  # a wrong folder is said at once, before the slow unlock
    vault = Vault(data_dir)
    vault.unlock(passphrase)
    try:
        create_backup(vault, args.out)
    finally:
        vault.lock()
    print(f"backup: {args.out} ({args.out.stat().st_size} bytes)")
    return 0


def _restore(args: argparse.Namespace, data_dir: Path) -> int:
    from fieldapp.store.backup import restore_backup

    passphrase = read_secret(args.passphrase_file, PASSPHRASE_ENV)
    manifest = restore_backup(data_dir, args.source, passphrase)
    print(f"restored: {data_dir} (backup of {manifest['created_at']})")
    return 0


def _sync_command(args: argparse.Namespace, data_dir: Path, lang: str) -> int:
    from fieldapp.store.replica import StoreReplica
    from fieldapp.store.vault import Vault
    from sync import client
    from sync.protocol import SyncError

    vault = Vault(data_dir)
    store = vault.unlock(read_secret(args.passphrase_file, PASSPHRASE_ENV))
    replica = StoreReplica(store)
    try:
        if args.command == "enroll":
            result = client.enroll(replica, args.server, args.code,
                                   args.device_name or os.uname().nodename, args.ca_bundle)
            print(f"enrolled: device {result['device_id']}, scope {result['scope']}")
            vault.apply_membership()  # the organisation's recovery key, when it has one
            return 0
        before = {r["mutation_id"] for r in replica.rejections()}
        report = client.sync(replica, ca_bundle=args.ca_bundle)
        replica.mark_success()
        print(f"sent {report.pushed}, received {report.pulled}, refused {report.rejected}, "
              f"conflicts {report.conflicts}, pending {store.pending_count()}")
        if report.quarantined:
            print(f"fieldapp: {_quarantine_message(report.quarantined, lang)}", file=sys.stderr)
        refused = [r for r in replica.rejections() if r["mutation_id"] not in before]
        for r in refused:
            why = _rejection_text(r["code"], json.loads(r["errors"] or "[]"), lang)
            print(f"fieldapp: refused: {r['kind']} {r['record_id']}: {r['code']}: {why}",
                  file=sys.stderr)
        # what the server said of the members: recovery key, removed members' key slots
        # (last: a re-key reopens the database; a removed member at the keyboard gets
        # member_removed, printed by main)
        vault.apply_membership()
        return 1 if refused else 0
    except SyncError as e:
        body = getattr(e, "body", None) or {}
        if e.kind.value == "auth" and body.get("error") == "revoked":
            # a revoked laptop (lost or stolen) erases its vault at its next contact
            vault.erase()
            print(f"fieldapp: {_revoked_message(lang)}", file=sys.stderr)
            return 1
        detail = str(body.get("error") or e.detail)
        print(f"fieldapp: {_sync_message(e.kind.value, detail, lang)}", file=sys.stderr)
        return 1
    finally:
        vault.lock()


def _in_language(lang: str) -> None:
    """Translators for the messages a headless command prints."""
    from PySide6.QtCore import QCoreApplication

    from fieldapp import i18n

    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])
    i18n.install_translators(app, lang)


def _revoked_message(lang: str) -> str:
    from PySide6.QtCore import QCoreApplication

    _in_language(lang)
    return QCoreApplication.translate(
        "Startup", "The administrator revoked this laptop: its records were erased. "
        "Ask your administrator before using it again.")


def _rejection_text(code: str, errors: list[list[str]], lang: str) -> str:
    from fieldapp import messages

    _in_language(lang)
    return messages.rejection_text(code, errors)


def _quarantine_message(count: int, lang: str) -> str:
    from fieldapp import messages

    _in_language(lang)
    return messages.quarantine_text(count)


def _sync_message(kind: str, detail: str, lang: str) -> str:
    from fieldapp import messages

    _in_language(lang)
    return messages.sync_error_text(kind, detail)


def _passwd(args: argparse.Namespace, data_dir: Path) -> int:
    from fieldapp.store.vault import Vault

    old = read_secret(args.passphrase_file, PASSPHRASE_ENV)
    new = read_secret(args.new_passphrase_file, NEW_PASSPHRASE_ENV)
    vault = Vault(data_dir)
    vault.change_passphrase(old, new, member_id_of(vault, args.user))
    return 0
