"""``fieldapp-server``: run the sync server, or administer it.

    fieldapp-server serve [--db URL] [--host H] [--port P] [--data-dir DIR]
    fieldapp-server admin [--db URL] create-team NAME --scope province:rabat
    fieldapp-server admin create-user NAME --role field_worker (--team T | --scope S)
    fieldapp-server admin issue-code USER [--hours 48]
    fieldapp-server admin list-devices
    fieldapp-server admin revoke-device DEVICE_ID
    fieldapp-server admin remove-user USER [--device DEVICE_ID]
    fieldapp-server admin recovery-key create --out FILE
    fieldapp-server admin new-epoch          (after restoring the database from a backup)
    fieldapp-server admin audit [--limit N]

With no ``--db`` the server uses an SQLite file in its data folder (``--data-dir``, default
``./fieldapp-server-data``), so it works on a fresh machine with nothing else. The database
URL can also come from the ``FIELDAPP_SERVER_DB`` environment variable. On PostgreSQL each
server process works on ``FIELDAPP_SERVER_POOL`` requests at once (default 4), each with its
own connection; ``FIELDAPP_SERVER_THREADS`` sets the worker threads apart (default: as many).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from fieldapp import __version__
from sync.server.accounts import ROLES, ServiceError


def _db_url(args: argparse.Namespace) -> str:
    if args.db:
        return str(args.db)
    if os.environ.get("FIELDAPP_SERVER_DB"):
        return os.environ["FIELDAPP_SERVER_DB"]
    return str(Path(args.data_dir) / "server.db")


class _Help(argparse.HelpFormatter):
    """Help with each option's default, where it has one."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help or ""
        if action.default not in (None, False, argparse.SUPPRESS) and "%(default)" not in text:
            text += " (default: %(default)s)"
        return text


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fieldapp-server",
        description="The central sync server of fieldapp: laptops push the changes they "
                    "recorded offline and pull their scope's records. 'serve' runs it; "
                    "'admin' manages teams, users, enrollment codes, devices and the "
                    "organisation's recovery key.",
        epilog="The database URL can also come from FIELDAPP_SERVER_DB. On PostgreSQL "
               "FIELDAPP_SERVER_POOL sets the connections per process (default 4) and "
               "FIELDAPP_SERVER_THREADS the worker threads (default: as many). "
               "See docs/admin-guide.md.",
        formatter_class=_Help)
    parser.add_argument("--version", action="version", version=f"fieldapp-server {__version__}")
    parser.add_argument("--db", help="postgresql://… URL or an SQLite file (default: "
                                     "server.db in --data-dir, or FIELDAPP_SERVER_DB)")
    parser.add_argument("--data-dir", default="fieldapp-server-data",
                        help="folder of the embedded SQLite database")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    serve = sub.add_parser("serve", help="run the sync server", formatter_class=_Help)
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=int, default=8765, help="port to listen on")
    serve.add_argument("--workers", type=int, default=1,
                       help="server processes (they share only the database)")
    serve.add_argument("--rate", type=float, default=20.0, help="requests/s per device")
    serve.add_argument("--guesses", type=float, default=10.0,
                       help="failed tokens or enrollment codes per minute per client address")
    admin = sub.add_parser("admin", help="users, teams, enrollment codes, devices, recovery key")
    a = admin.add_subparsers(dest="action", required=True, metavar="ACTION")
    team = a.add_parser("create-team", help="a team and the scope its laptops see",
                        formatter_class=_Help)
    team.add_argument("name", help="the team's name, e.g. 'Équipe mobile 1'")
    team.add_argument("--scope", required=True, help="province:CODE, region:CODE or country")
    user = a.add_parser("create-user", help="a user, in a team or with a scope",
                        formatter_class=_Help)
    user.add_argument("name", help="the user's full name (unique)")
    user.add_argument("--role", required=True, choices=ROLES,
                      help="the user's role or profession (professions map onto roles)")
    user.add_argument("--team", help="the team's name or id (the user gets its scope)")
    user.add_argument("--scope", help="province:CODE, region:CODE or country (without a team)")
    code = a.add_parser("issue-code", help="a one-time code to enroll a laptop or join one",
                        formatter_class=_Help)
    code.add_argument("user", help="the user's name or id")
    code.add_argument("--hours", type=float, default=48, help="hours before it expires")
    a.add_parser("list-devices", help="the enrolled laptops")
    revoke = a.add_parser("revoke-device", help="revoke a laptop: it erases its vault at its "
                                                "next contact")
    revoke.add_argument("device_id")
    remove = a.add_parser("remove-user", help="take a user off every laptop (or one): their "
                                              "key slot goes at the laptop's next sync")
    remove.add_argument("user", help="the user's name or id")
    remove.add_argument("--device", help="only this device id")
    recovery = a.add_parser("recovery-key", help="the organisation's recovery key")
    r = recovery.add_subparsers(dest="recovery_action", required=True, metavar="ACTION")
    create = r.add_parser("create", help="make the key pair: the private key goes to --out "
                                         "(keep it offline), the public key to every laptop")
    create.add_argument("--out", type=Path, required=True, metavar="FILE",
                        help="where to write the private key (PEM); must not exist")
    a.add_parser("new-epoch", help="after restoring the database from a backup")
    audit = a.add_parser("audit", help="the latest entries of the audit log", formatter_class=_Help)
    audit.add_argument("--limit", type=int, default=50, help="how many entries")
    return parser


def _create_recovery_key(service: Any, out: Path, actor: str) -> str:
    """The organisation's recovery key pair: the private key written to ``out`` (created,
    never overwritten, readable by its owner only), its public half kept by the server."""
    from fieldapp.domain import recovery_keys

    private, _ = recovery_keys.new_recovery_key()
    pem = recovery_keys.recovery_private_pem(private)
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(pem)
        f.flush()
        os.fsync(f.fileno())
    return str(service.set_recovery_key(recovery_keys.public_raw(private), actor))


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from sync.server.service import Service
    from sync.server.storage import Database

    try:
        db = Database(_db_url(args))
    except Exception as e:  # noqa: BLE001 - one clear line for the operator
        print(f"fieldapp-server: cannot open the database: {e}", file=sys.stderr)
        return 1
    service = Service(db)
    if args.command == "serve":
        import uvicorn

        from sync.server.app import create_app

        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
        options = {"host": args.host, "port": args.port, "log_level": "info",
                   "access_log": False, "server_header": False}
        if args.workers > 1:
            # several processes: each builds its own app from the environment
            db.close()
            os.environ["FIELDAPP_SERVER_DB"] = _db_url(args)
            os.environ["FIELDAPP_SERVER_RATE"] = str(args.rate)
            os.environ["FIELDAPP_SERVER_GUESSES"] = str(args.guesses)
            uvicorn.run("sync.server.app:app_from_env", factory=True, workers=args.workers,
                        **options)
        else:
            uvicorn.run(create_app(service, rate=args.rate, guesses_per_minute=args.guesses),
                        **options)
        return 0
    actor = os.environ.get("USER", "admin")
    try:
        if args.action == "create-team":
            print(service.create_team(args.name, args.scope, actor))
        elif args.action == "create-user":
            print(service.create_user(args.name, args.role, args.team, args.scope, actor))
        elif args.action == "issue-code":
            print(service.issue_code(args.user, args.hours, actor))
        elif args.action == "list-devices":
            for d in service.devices():
                state = "revoked" if d["revoked_at"] else "active"
                print(f"{d['id']}  {d['user']}  {d['scope']}  {state}  "
                      f"last mutation {d['last_mutation_id']}  seen {d['last_seen_at'] or '-'}")
        elif args.action == "revoke-device":
            service.revoke_device(args.device_id, actor)
            print(f"revoked {args.device_id}")
        elif args.action == "remove-user":
            count = service.remove_user(args.user, args.device, actor)
            print(f"removed {args.user} from {count} device(s)")
        elif args.action == "recovery-key":
            try:
                key_id = _create_recovery_key(service, args.out, actor)
            except FileExistsError:
                print(f"fieldapp-server: {args.out} exists: not overwritten", file=sys.stderr)
                return 1
            print(f"recovery key {key_id}: private key in {args.out} (keep it offline, "
                  "split between two people); laptops get the public key at their next sync")
        elif args.action == "new-epoch":
            print(service.new_epoch(actor))
        elif args.action == "audit":
            for row in service.audit_log(args.limit):
                print("  ".join(str(x) for x in row if x))
    except ServiceError as e:
        print(f"fieldapp-server: {e.code}: {e.detail}", file=sys.stderr)
        return 1
    finally:
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
