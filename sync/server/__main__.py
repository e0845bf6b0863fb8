"""``fieldapp-server``: run the sync server, or administer it.

    fieldapp-server serve [--db URL] [--host H] [--port P] [--data-dir DIR]
    fieldapp-server admin [--db URL] create-team NAME --scope province:rabat
    fieldapp-server admin create-user NAME --role field_worker (--team T | --scope S)
    fieldapp-server admin issue-code USER [--hours 48]
    fieldapp-server admin list-devices
    fieldapp-server admin revoke-device DEVICE_ID
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

from sync.server.service import ServiceError


def _db_url(args: argparse.Namespace) -> str:
    if args.db:
        return str(args.db)
    if os.environ.get("FIELDAPP_SERVER_DB"):
        return os.environ["FIELDAPP_SERVER_DB"]
    return str(Path(args.data_dir) / "server.db")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fieldapp-server")
    parser.add_argument("--db", help="postgresql://… or an SQLite file (default: data dir)")
    parser.add_argument("--data-dir", default="fieldapp-server-data")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the sync server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument("--rate", type=float, default=20.0, help="requests/s per device")
    serve.add_argument("--guesses", type=float, default=10.0,
                       help="failed tokens or enrollment codes per minute per client address")
    admin = sub.add_parser("admin", help="users, teams, enrollment codes, devices")
    a = admin.add_subparsers(dest="action", required=True)
    team = a.add_parser("create-team")
    team.add_argument("name")
    team.add_argument("--scope", required=True, help="province:CODE, region:CODE or country")
    user = a.add_parser("create-user")
    user.add_argument("name")
    user.add_argument("--role", required=True)
    user.add_argument("--team")
    user.add_argument("--scope")
    code = a.add_parser("issue-code")
    code.add_argument("user")
    code.add_argument("--hours", type=float, default=48)
    a.add_parser("list-devices")
    revoke = a.add_parser("revoke-device")
    revoke.add_argument("device_id")
    a.add_parser("new-epoch")
    audit = a.add_parser("audit")
    audit.add_argument("--limit", type=int, default=50)
    return parser


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
