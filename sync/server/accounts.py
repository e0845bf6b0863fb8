"""The server's accounts: teams, users and their roles, enrollment codes, devices and the
users each device speaks for (the members of a laptop's vault), authentication, the audit log
and the organisation's recovery key. :class:`Accounts` is the part of
:class:`sync.server.service.Service` that is not push or pull.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from fieldapp.domain import divisions, recovery_keys, roles
from fieldapp.domain.ids import uuid7
from sync.server.storage import Database, Tx

# the professions and roles a user may have (fieldapp.domain.roles maps them onto what each
# may do: the laptop's store and this server check changes with the same table)
ROLES = tuple(roles.PROFESSIONS)


class ServiceError(Exception):
    """Maps to an HTTP status: 401 auth, 403 forbidden, 409 conflict, 400/422 bad input."""

    def __init__(self, status: int, code: str, detail: str = "",
                 extra: Mapping[str, Any] | None = None) -> None:
        self.status = status
        self.code = code
        self.detail = detail
        self.extra = dict(extra or {})
        super().__init__(f"{status} {code}: {detail}")


def now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def now_ms() -> int:
    return time.time_ns() // 1_000_000


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def scope_provinces(scope: str) -> tuple[str, ...]:
    """'province:rabat' → (rabat,); 'region:04' → its provinces; 'country' → all 75."""
    if scope == "country":
        return tuple(p.code for p in divisions.provinces())
    kind, _, code = scope.partition(":")
    if kind == "province" and divisions.is_province(code):
        return (code,)
    if kind == "region":
        found = tuple(p.code for p in divisions.provinces_of_region(code))
        if found:
            return found
    raise ServiceError(400, "bad_scope", scope)


def check_scope(scope: str) -> str:
    scope_provinces(scope)
    return scope


@dataclass(frozen=True)
class Device:
    id: str
    user_id: str
    scope: str
    last_mutation_id: int
    # when the server last told this device that it lost what the device had sent (409 gap,
    # cursor_unknown): the device's replays are edits made before then
    rebase_at: int = 0
    # read in the same statement as the device (one round trip): the furthest cursor the
    # server answered it, the server's epoch and when that epoch began (ms; 0: never new)
    pull_cursor: str | None = None
    epoch: str = ""
    epoch_started_ms: int = 0

    @property
    def provinces(self) -> tuple[str, ...]:
        return scope_provinces(self.scope)


# a character of a name that is not a space (the same class as the OpenAPI description's)
_VISIBLE = re.compile(r"[^\s\x00-\x1f\x7f\x85\ufeff]")
_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _overlaps(scope: str, provinces: set[str]) -> bool:
    try:
        return not provinces.isdisjoint(scope_provinces(scope))
    except ServiceError:
        return False


def _norm_code(code: str) -> str:
    return "".join(c for c in code.upper() if c.isalnum())


class Accounts:
    db: Database

    # --- epoch and audit -----------------------------------------------------------------

    def epoch(self, tx: Tx) -> str:
        return str(tx.one("SELECT value FROM meta WHERE key = 'epoch'")[0])

    def new_epoch(self, actor: str) -> str:
        """After restoring the database from a backup: devices re-send what it lost."""
        epoch = uuid7()
        with self.db.write() as tx:
            tx.execute("UPDATE meta SET value = ? WHERE key = 'epoch'", (epoch,))
            # replays (edits this database lost) are edits made before this moment
            tx.execute("INSERT INTO meta (key, value) VALUES ('epoch_started_ms', ?) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                       (str(now_ms()),))
            self._audit(tx, actor, "new_epoch", epoch)
        return epoch

    def _audit(self, tx: Tx, actor: str, action: str, subject: str = "",
               detail: str = "") -> None:
        tx.execute("INSERT INTO audit_log (at, actor, action, subject, detail) "
                   "VALUES (?, ?, ?, ?, ?)", (now(), actor, action, subject, detail))

    def audit_log(self, limit: int = 100) -> list[tuple[Any, ...]]:
        with self.db.read() as tx:
            return [tuple(r) for r in tx.all(
                "SELECT at, actor, action, subject, detail FROM audit_log "
                "ORDER BY at DESC LIMIT ?", (limit,))]

    # --- administration ------------------------------------------------------------------

    def create_team(self, name: str, scope: str, actor: str = "admin") -> str:
        team_id = uuid7()
        with self.db.write() as tx:
            if tx.one("SELECT id FROM teams WHERE name = ?", (name,)):
                raise ServiceError(409, "team_exists", name)
            tx.execute("INSERT INTO teams (id, name, scope, created_at) VALUES (?, ?, ?, ?)",
                       (team_id, name, check_scope(scope), now()))
            self._audit(tx, actor, "create_team", team_id, scope)
        return team_id

    def create_user(self, name: str, role: str, team: str | None = None,
                    scope: str | None = None, actor: str = "admin") -> str:
        """A user belongs to a team (and gets its scope) or has a scope of their own
        (a supervisor of a region, or the country)."""
        if role not in ROLES:
            raise ServiceError(400, "bad_role", role)
        user_id = uuid7()
        with self.db.write() as tx:
            if tx.one("SELECT id FROM users WHERE name = ?", (name,)):
                raise ServiceError(409, "user_exists", name)
            team_id = None
            if team is not None:
                row = tx.one("SELECT id, scope FROM teams WHERE name = ? OR id = ?",
                             (team, team))
                if row is None:
                    raise ServiceError(404, "no_team", team)
                team_id, team_scope = row
                scope = scope or team_scope
            if scope is None:
                raise ServiceError(400, "no_scope", "a user needs a team or a scope")
            tx.execute("INSERT INTO users (id, name, role, team_id, scope, created_at) "
                       "VALUES (?, ?, ?, ?, ?, ?)",
                       (user_id, name, role, team_id, check_scope(scope), now()))
            self._audit(tx, actor, "create_user", user_id, f"{role} {scope}")
        return user_id

    def issue_code(self, user: str, hours: float = 48, actor: str = "admin") -> str:
        """A one-time enrollment code for a user's next device; only its hash is kept."""
        code = "-".join(secrets.token_hex(2).upper() for _ in range(4))
        with self.db.write() as tx:
            row = tx.one("SELECT id, scope FROM users WHERE name = ? OR id = ?", (user, user))
            if row is None:
                raise ServiceError(404, "no_user", user)
            expires = (datetime.now(UTC) + timedelta(hours=hours)).replace(microsecond=0)
            tx.execute("INSERT INTO enrollment_codes (code_hash, user_id, scope, expires_at, "
                       "created_at) VALUES (?, ?, ?, ?, ?)",
                       (token_hash(_norm_code(code)), row[0], row[1], expires.isoformat(),
                        now()))
            self._audit(tx, actor, "issue_code", row[0], f"expires {expires.isoformat()}")
        return code

    def devices(self) -> list[dict[str, Any]]:
        with self.db.read() as tx:
            rows = tx.all("SELECT d.id, u.name, d.scope, d.name, d.enrolled_at, d.revoked_at, "
                          "d.last_mutation_id, d.last_seen_at FROM devices d "
                          "JOIN users u ON u.id = d.user_id ORDER BY d.enrolled_at")
        keys = ("id", "user", "scope", "name", "enrolled_at", "revoked_at",
                "last_mutation_id", "last_seen_at")
        return [dict(zip(keys, r, strict=True)) for r in rows]

    def revoke_device(self, device_id: str, actor: str = "admin") -> None:
        with self.db.write() as tx:
            tx.execute("UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                       (now(), device_id))
            if tx.rowcount == 0 and not tx.one("SELECT id FROM devices WHERE id = ?",
                                               (device_id,)):
                raise ServiceError(404, "no_device", device_id)
            self._audit(tx, actor, "revoke_device", device_id)

    # --- enrollment and authentication ---------------------------------------------------

    def enroll(self, code: str, device_name: str) -> dict[str, Any]:
        refused: ServiceError | None = None
        with self.db.write() as tx:
            row = tx.one("SELECT user_id, scope, expires_at, used_at FROM enrollment_codes "
                         f"WHERE code_hash = ?{tx.for_update()}",
                         (token_hash(_norm_code(code)),))
            if row is None or row[3] is not None:
                self._audit(tx, "device", "enroll_refused", "", "unknown or used code")
                refused = ServiceError(401, "bad_code")
            elif datetime.fromisoformat(row[2]) < datetime.now(UTC):
                self._audit(tx, "device", "enroll_refused", row[0], "expired code")
                refused = ServiceError(401, "expired_code")
            else:
                user_id, scope, _, _ = row
                device_id = uuid7()
                token = secrets.token_urlsafe(32)
                tx.execute("INSERT INTO devices (id, user_id, token_hash, scope, name, "
                           "enrolled_at) VALUES (?, ?, ?, ?, ?, ?)",
                           (device_id, user_id, token_hash(token), scope, device_name[:80],
                            now()))
                tx.execute("UPDATE enrollment_codes SET used_at = ?, device_id = ? "
                           "WHERE code_hash = ?", (now(), device_id,
                                                   token_hash(_norm_code(code))))
                self._speak_for(tx, device_id, user_id, None)
                user = tx.one("SELECT name, role FROM users WHERE id = ?", (user_id,))
                self._audit(tx, user_id, "enroll", device_id)
                epoch = self.epoch(tx)
                key = tx.one("SELECT value FROM meta WHERE key = 'recovery_public_key'")
        if refused is not None:
            raise refused  # after the commit, so that the refusal stays in the audit log
        return {"device_id": device_id, "token": token, "scope": scope,
                "provinces": list(scope_provinces(scope)), "user": user[0], "role": user[1],
                "user_id": user_id, "epoch": epoch, "recovery_key": key[0] if key else None}

    def authenticate(self, tx: Tx, token: str | None, lock: bool = False) -> Device:
        if not token:
            raise ServiceError(401, "no_token")
        # FOR UPDATE locks the device's row only: the sub-selects of meta are not locked
        row = tx.one("SELECT id, user_id, scope, revoked_at, last_mutation_id, rebase_at, "
                     "pull_cursor, (SELECT value FROM meta WHERE key = 'epoch'), "
                     "(SELECT value FROM meta WHERE key = 'epoch_started_ms') "
                     f"FROM devices WHERE token_hash = ?{tx.for_update() if lock else ''}",
                     (token_hash(token),))
        if row is None or row[3] is not None:
            raise ServiceError(401, "revoked" if row is not None else "unknown_token")
        return Device(row[0], row[1], row[2], int(row[4]), int(row[5] or 0), row[6],
                      str(row[7]), int(row[8] or 0))

    def device_of(self, token: str | None) -> Device:
        """The device a token belongs to (401 otherwise): checked before a request's body
        is read, with one statement."""
        with self.db.statement() as tx:
            return self.authenticate(tx, token)

    def status(self, token: str | None) -> dict[str, Any]:
        with self.db.statement() as tx:
            device = self.authenticate(tx, token)
        return {"device_id": device.id, "scope": device.scope,
                "last_mutation_id": device.last_mutation_id, "epoch": device.epoch}

    # --- the users a device speaks for ---------------------------------------------------

    @staticmethod
    def users_of(tx: Tx, device_id: str) -> dict[str, str]:
        """The users ``device_id`` speaks for now, with their role (or profession)."""
        return {r[0]: r[1] for r in tx.all(
            "SELECT u.id, u.role FROM device_users du JOIN users u ON u.id = du.user_id "
            "WHERE du.device_id = ? AND du.removed_at IS NULL", (device_id,))}

    def members(self, token: str | None) -> dict[str, Any]:
        """What the laptop needs to know of its members at each sync: the users the device
        speaks for with their role and team as the server has them now, the users the
        administrator took off it (the laptop removes their key slots), the users of its
        scope by name (to say who recorded what) and the organisation's recovery key."""
        with self.db.read() as tx:
            device = self.authenticate(tx, token)
            rows = tx.all(
                "SELECT u.id, u.name, u.role, t.name, du.removed_at FROM device_users du "
                "JOIN users u ON u.id = du.user_id LEFT JOIN teams t ON t.id = u.team_id "
                "WHERE du.device_id = ? ORDER BY du.added_at", (device.id,))
            provinces = set(device.provinces)
            directory = [
                {"id": r[0], "name": r[1], "team": r[2]} for r in tx.all(
                    "SELECT u.id, u.name, t.name, u.scope FROM users u "
                    "LEFT JOIN teams t ON t.id = u.team_id ORDER BY u.name")
                if r[3] and _overlaps(r[3], provinces)]
            key = tx.one("SELECT value FROM meta WHERE key = 'recovery_public_key'")
        users = [{"id": r[0], "name": r[1], "role": r[2], "team": r[3]}
                 for r in rows if r[4] is None]
        active = {u["id"] for u in users}
        removed = sorted({r[0] for r in rows if r[4] is not None} - active)
        return {"users": users, "removed": removed, "directory": directory,
                "recovery_key": key[0] if key else None}

    def join(self, token: str | None, code: str) -> dict[str, Any]:
        """A member of a laptop's vault joins it with their own enrollment code: the code is
        used up and the device speaks for them from now on. Their scope must be the
        device's (a laptop holds one scope's records)."""
        refused: ServiceError | None = None
        with self.db.write() as tx:
            device = self.authenticate(tx, token)
            row = tx.one("SELECT user_id, scope, expires_at, used_at FROM enrollment_codes "
                         f"WHERE code_hash = ?{tx.for_update()}",
                         (token_hash(_norm_code(code)),))
            if row is None or row[3] is not None:
                self._audit(tx, device.id, "join_refused", "", "unknown or used code")
                refused = ServiceError(401, "bad_code")
            elif datetime.fromisoformat(row[2]) < datetime.now(UTC):
                self._audit(tx, device.id, "join_refused", row[0], "expired code")
                refused = ServiceError(401, "expired_code")
            elif row[1] != device.scope:
                refused = ServiceError(403, "other_scope", row[1])
            else:
                user_id = row[0]
                tx.execute("UPDATE enrollment_codes SET used_at = ?, device_id = ? "
                           "WHERE code_hash = ?", (now(), device.id,
                                                   token_hash(_norm_code(code))))
                self._speak_for(tx, device.id, user_id, None)
                self._audit(tx, user_id, "join", device.id)
                user = tx.one("SELECT u.name, u.role, t.name FROM users u LEFT JOIN teams t "
                              "ON t.id = u.team_id WHERE u.id = ?", (user_id,))
        if refused is not None:
            raise refused
        return {"user_id": user_id, "name": user[0], "role": user[1], "team": user[2]}

    def vouch(self, token: str | None, user_id: str, name: str, role: str,
              by: str) -> dict[str, Any]:
        """A centre head or supervisor of the device added a member on the laptop (offline,
        with their own passphrase): at the next contact the server makes the user, in the
        voucher's team and with the device's scope, under the id the laptop proposed (once
        accepted, it is the server's), unless the voucher may not give that role. Asked
        again (an answer lost on the way), it answers the same."""
        if not _ID.fullmatch(user_id):
            raise ServiceError(400, "bad_user_id", user_id)
        if role not in roles.ROLES:
            raise ServiceError(400, "bad_role", role)
        if len(name) > 120 or not _VISIBLE.search(name):
            raise ServiceError(400, "bad_name")
        name = " ".join(name.split())
        with self.db.write() as tx:
            device = self.authenticate(tx, token)
            users = self.users_of(tx, device.id)
            if by not in users:
                raise ServiceError(403, "author_unknown", by)
            if not (roles.allowed(users[by], "members") and roles.may_grant(users[by], role)):
                raise ServiceError(403, "forbidden", f"{users[by]} may not add a {role}")
            existing = tx.one("SELECT name, role FROM users WHERE id = ?", (user_id,))
            if existing is not None:
                on_device = tx.one("SELECT 1 FROM device_users WHERE device_id = ? AND "
                                   "user_id = ?", (device.id, user_id))
                if on_device is None or existing[0] != name:
                    raise ServiceError(409, "user_exists", user_id)
            else:
                if tx.one("SELECT id FROM users WHERE name = ?", (name,)):
                    raise ServiceError(409, "user_exists", name)
                team = tx.one("SELECT team_id FROM users WHERE id = ?", (by,))
                tx.execute("INSERT INTO users (id, name, role, team_id, scope, created_at) "
                           "VALUES (?, ?, ?, ?, ?, ?)",
                           (user_id, name, role, team[0] if team else None, device.scope,
                            now()))
                self._speak_for(tx, device.id, user_id, by)
                self._audit(tx, by, "vouch", user_id, f"{role} on {device.id}")
            role_now = tx.one("SELECT role FROM users WHERE id = ?", (user_id,))[0]
        return {"user_id": user_id, "name": name, "role": role_now}

    def _speak_for(self, tx: Tx, device_id: str, user_id: str, by: str | None) -> None:
        if tx.one("SELECT 1 FROM device_users WHERE device_id = ? AND user_id = ?",
                  (device_id, user_id)):
            tx.execute("UPDATE device_users SET removed_at = NULL, added_at = ?, added_by = ? "
                       "WHERE device_id = ? AND user_id = ?", (now(), by, device_id, user_id))
        else:
            tx.execute("INSERT INTO device_users (device_id, user_id, added_at, added_by) "
                       "VALUES (?, ?, ?, ?)", (device_id, user_id, now(), by))

    def remove_user(self, user: str, device_id: str | None = None,
                    actor: str = "admin") -> int:
        """Take ``user`` off every device (or one): their key slot goes from each laptop at
        its next sync, and the server refuses what a device still sends in their name. The
        devices stay enrolled for their other members. Returns how many devices."""
        with self.db.write() as tx:
            row = tx.one("SELECT id FROM users WHERE name = ? OR id = ?", (user, user))
            if row is None:
                raise ServiceError(404, "no_user", user)
            params: tuple[Any, ...] = (now(), row[0])
            where = ""
            if device_id is not None:
                where, params = " AND device_id = ?", (*params, device_id)
            tx.execute("UPDATE device_users SET removed_at = ? WHERE user_id = ? "
                       f"AND removed_at IS NULL{where}", params)
            count = tx.rowcount
            self._audit(tx, actor, "remove_user", row[0], device_id or "every device")
        return count

    # --- the organisation's recovery key -------------------------------------------------

    def set_recovery_key(self, public: bytes, actor: str = "admin") -> str:
        """Keep the public half of the organisation's recovery key (handed to laptops at
        enrollment and each sync); returns its id."""
        text = recovery_keys.public_text(public)
        key_id = recovery_keys.recovery_key_id(public)
        with self.db.write() as tx:
            tx.execute("INSERT INTO meta (key, value) VALUES ('recovery_public_key', ?) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (text,))
            self._audit(tx, actor, "recovery_key", key_id)
        return key_id

    def recovery_key(self) -> str | None:
        with self.db.read() as tx:
            row = tx.one("SELECT value FROM meta WHERE key = 'recovery_public_key'")
        return row[0] if row else None
