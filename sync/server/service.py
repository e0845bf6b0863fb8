"""What the server does, apart from HTTP: enrollment, authentication and scope, push (apply
changes in order, exactly once), pull (a consistent page of records after a cursor), and the
administrative actions. Records are validated with the app's own domain rules.

Scope is computed from the device's token, never from the request: a device of one
province receives only that province's records and may write only there.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import secrets
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from fieldapp.domain import divisions, records, wire
from fieldapp.domain.ids import uuid7
from sync.protocol import (
    Change,
    FieldWrite,
    MergeResult,
    Outcome,
    PullRequest,
    PullResponse,
    PushRequest,
    PushResponse,
    RecordState,
    decode_cursor,
    encode_cursor,
    hlc_unpack,
    merge_change,
)
from sync.server.storage import Database, Tx

# The server checks "not in the future" against its own date plus this margin, so that a
# device whose clock runs a day ahead gets the same outcome as one on time.
CLOCK_MARGIN = timedelta(days=2)
# An edit's clock stamp may run ahead of the server's clock by as much; a stamp further ahead
# is refused (it would win every later tie-break and, replayed, every field).
CLOCK_AHEAD_MS = int(CLOCK_MARGIN.total_seconds() * 1000)
log = logging.getLogger("fieldapp.server")
ROLES = ("field_worker", "social_worker", "educator", "nurse", "doctor", "centre_staff",
         "supervisor", "administrator", "volunteer", "authority_agent")


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

    @property
    def provinces(self) -> tuple[str, ...]:
        return scope_provinces(self.scope)


class Service:
    def __init__(self, db: Database) -> None:
        self.db = db
        with db.write() as tx:
            if tx.one("SELECT value FROM meta WHERE key = 'epoch'") is None:
                tx.execute("INSERT INTO meta (key, value) VALUES ('epoch', ?)", (uuid7(),))

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
                user = tx.one("SELECT name, role FROM users WHERE id = ?", (user_id,))
                self._audit(tx, user_id, "enroll", device_id)
                epoch = self.epoch(tx)
        if refused is not None:
            raise refused  # after the commit, so that the refusal stays in the audit log
        return {"device_id": device_id, "token": token, "scope": scope,
                "provinces": list(scope_provinces(scope)), "user": user[0], "role": user[1],
                "epoch": epoch}

    def authenticate(self, tx: Tx, token: str | None, lock: bool = False) -> Device:
        if not token:
            raise ServiceError(401, "no_token")
        row = tx.one("SELECT id, user_id, scope, revoked_at, last_mutation_id, rebase_at "
                     f"FROM devices WHERE token_hash = ?{tx.for_update() if lock else ''}",
                     (token_hash(token),))
        if row is None or row[3] is not None:
            raise ServiceError(401, "revoked" if row is not None else "unknown_token")
        return Device(row[0], row[1], row[2], int(row[4]), int(row[5] or 0))

    def device_of(self, token: str | None) -> Device:
        """The device a token belongs to (401 otherwise): checked before a request's body
        is read."""
        with self.db.read() as tx:
            return self.authenticate(tx, token)

    def _replay_before(self, tx: Tx, device: Device) -> int:
        """Replays are honoured only for edits made before the server lost them: before
        its database was restored (a new epoch) or before it told this device so."""
        row = tx.one("SELECT value FROM meta WHERE key = 'epoch_started_ms'")
        return max(int(row[0]) if row else 0, device.rebase_at)

    def status(self, token: str | None) -> dict[str, Any]:
        with self.db.read() as tx:
            device = self.authenticate(tx, token)
            return {"device_id": device.id, "scope": device.scope,
                    "last_mutation_id": device.last_mutation_id, "epoch": self.epoch(tx)}

    # --- push ----------------------------------------------------------------------------

    def push(self, token: str | None, request: PushRequest) -> PushResponse:
        gap: ServiceError | None = None
        with self.db.write() as tx:
            device = self.authenticate(tx, token, lock=True)
            epoch = self.epoch(tx)
            last = device.last_mutation_id
            if request.epoch is not None and request.epoch != epoch:
                raise ServiceError(409, "epoch_changed", extra={
                    "epoch": epoch, "last_mutation_id": last})
            outcomes: list[Outcome] = []
            fresh: list[Change] = []
            for change in request.changes:
                if change.mutation_id <= last:
                    outcomes.append(self._replayed(tx, device, change))
                else:
                    fresh.append(change)
            if fresh and fresh[0].mutation_id != last + 1:
                # this database lost mutations it acknowledged (restored without a new
                # epoch): the device will send them again as replays, made before now
                gap = ServiceError(409, "gap", f"expected mutation {last + 1}", extra={
                    "epoch": epoch, "last_mutation_id": last})
                tx.execute("UPDATE devices SET rebase_at = ? WHERE id = ?",
                           (now_ms(), device.id))
                fresh = []
            if fresh:
                batch = _Batch(tx, device, self._replay_before(tx, device))
                batch.load(fresh)
                outcomes += [batch.apply(change) for change in fresh]
                batch.write(self._allocate)
                last = fresh[-1].mutation_id
            tx.execute("UPDATE devices SET last_mutation_id = ?, last_seen_at = ? WHERE id = ?",
                       (last, now(), device.id))
        if gap is not None:
            raise gap  # after the commit, so that the rebase is remembered
        return PushResponse(last, epoch, tuple(outcomes))

    def _replayed(self, tx: Tx, device: Device, change: Change) -> Outcome:
        row = tx.one("SELECT digest, status, code FROM mutations WHERE device_id = ? AND "
                     "mutation_id = ?", (device.id, change.mutation_id))
        if row is None:
            # acknowledged before this server's records began (e.g. restored backup): the
            # device's counter says it was received; nothing to compare with
            return Outcome(change.mutation_id, "duplicate")
        if row[0] != digest(change):
            raise ServiceError(409, "mutation_reused",
                               f"mutation {change.mutation_id} was received with other content")
        return Outcome(change.mutation_id, "duplicate", row[2] if row[1] == "rejected" else None)

    @staticmethod
    def _allocate(tx: Tx, province: str, count: int) -> int:
        """Take ``count`` versions of a province at once; returns the first. The counter row
        stays locked until commit, so versions are handed out in commit order and a pull
        never skips one."""
        sql = "UPDATE counters SET version = version + ? WHERE province = ? RETURNING version"
        row = tx.one(sql, (count, province))
        if row is None:
            tx.execute("INSERT INTO counters (province, version) VALUES (?, 0) "
                       "ON CONFLICT (province) DO NOTHING", (province,))
            row = tx.one(sql, (count, province))
        return int(row[0]) - count + 1

    # --- pull ----------------------------------------------------------------------------

    def pull(self, token: str | None, request: PullRequest) -> PullResponse:
        with self.db.read() as tx:
            device = self.authenticate(tx, token)
            cursor = decode_cursor(request.cursor)
            scope = device.provinces
            if not set(cursor) <= set(scope):
                raise ServiceError(403, "outside_scope", "the cursor names other provinces")
            known = decode_cursor(tx.one("SELECT pull_cursor FROM devices WHERE id = ?",
                                         (device.id,))[0])
            lost = any(v > known.get(p, 0) for p, v in cursor.items())
            if not lost:
                response = self._page(tx, device, cursor, request.limit)
        if lost:
            # a cursor this database never handed out: it was restored from a backup older
            # than the device's last pull; the device rebases and starts from the start
            with self.db.write() as tx:
                tx.execute("UPDATE devices SET rebase_at = ? WHERE id = ?",
                           (now_ms(), device.id))
                epoch = self.epoch(tx)
            raise ServiceError(409, "cursor_unknown", "pull again from the start", extra={
                "epoch": epoch, "last_mutation_id": device.last_mutation_id})
        if any(v > known.get(p, 0) for p, v in cursor.items()):
            # remembered before answering, so an answer lost on the way stays valid
            with self.db.write() as tx:
                row = tx.one(f"SELECT pull_cursor FROM devices WHERE id = ?{tx.for_update()}",
                             (device.id,))
                stored = decode_cursor(row[0])
                for p, v in cursor.items():
                    stored[p] = max(stored.get(p, 0), v)
                tx.execute("UPDATE devices SET pull_cursor = ? WHERE id = ?",
                           (encode_cursor(stored), device.id))
        return response

    def _page(self, tx: Tx, device: Device, cursor: dict[str, int], limit: int) -> PullResponse:
        """The records after ``cursor`` (advanced in place), read in ``tx``'s snapshot."""
        scope = device.provinces
        out: list[RecordState] = []
        has_more = False
        for province in scope:
            room = limit - len(out)
            if room <= 0:
                has_more = True
                break
            after = cursor.get(province, 0)
            rows = tx.all("SELECT kind, id, version, fields, versions, hlc, device_id "
                          "FROM records WHERE province = ? AND version > ? "
                          "ORDER BY version LIMIT ?", (province, after, room + 1))
            if len(rows) > room:
                has_more = True
                rows = rows[:room]
            for kind, rid, version, fields, versions, hlc, dev in rows:
                cursor[province] = int(version)
                values = json.loads(fields)
                problems = wire.typed_fields(records.KINDS[kind], values)[1]
                if problems:
                    # a defence: nothing stored since the schema is checked on push can fail
                    # here; a value of a wrong type that an older server let in is withheld,
                    # not sent to every laptop (which checks each record whole, too)
                    log.error("record %s %s withheld from pulls: %s", kind, rid,
                              ", ".join(f"{e.field} {e.code}" for e in problems))
                    continue
                out.append(RecordState(province, int(version), kind, rid, values,
                                       json.loads(versions), int(hlc or 0), dev))
        counts: dict[str, int] = {}
        if not has_more:
            for province, count in tx.all(
                    "SELECT province, count(*) FROM records WHERE province IN ("
                    + ",".join("?" * len(scope)) + ") GROUP BY province", scope):
                counts[province] = int(count)
        return PullResponse(tuple(out), encode_cursor(cursor), has_more,
                            device.last_mutation_id, self.epoch(tx), counts)


class _Version:
    """A version to be numbered once the batch knows how many it needs per province."""

    __slots__ = ("province", "value")

    def __init__(self, province: str) -> None:
        self.province = province
        self.value = 0


def _plain(obj: Any) -> Any:
    if isinstance(obj, _Version):
        return obj.value
    raise TypeError(type(obj).__name__)


class _Batch:
    """One push: records read once (locked), changes applied in memory in order, versions
    taken in one block per province, and everything written with a few statements."""

    def __init__(self, tx: Tx, device: Device, replay_before: int = 0) -> None:
        self.tx, self.device = tx, device
        self.now_ms = now_ms()
        # dates may run ahead of the server's own by CLOCK_MARGIN: a laptop whose clock
        # runs a day ahead gets the same outcome as one on time
        self.today = date.today() + CLOCK_MARGIN
        self.replay_before = replay_before
        # (kind, id) → [province, fields, versions, writers, in_database, touched]
        self.records: dict[tuple[str, str], list[Any]] = {}
        self.versions: list[_Version] = []
        self.conflicts: list[tuple[str, _Version, dict[str, Any], int]] = []
        self.mutations: list[tuple[Any, ...]] = []
        self.rejections: list[tuple[Any, ...]] = []

    def load(self, changes: Sequence[Change]) -> None:
        wanted: dict[str, list[str]] = {}
        for c in changes:
            wanted.setdefault(c.kind, []).append(c.record_id)
        for kind, ids in wanted.items():
            unique = list(dict.fromkeys(ids))
            for i in range(0, len(unique), 400):
                chunk = unique[i:i + 400]
                rows = self.tx.all(
                    "SELECT id, province, fields, versions, writers FROM records "
                    f"WHERE kind = ? AND id IN ({','.join('?' * len(chunk))})"
                    f"{self.tx.for_update()}", (kind, *chunk))
                for rid, province, fields, versions, writers in rows:
                    self.records[(kind, rid)] = [province, json.loads(fields),
                                                 json.loads(versions), json.loads(writers),
                                                 True, False]

    def apply(self, change: Change) -> Outcome:
        outcome = self._apply(change)
        self.mutations.append((self.device.id, change.mutation_id, digest(change),
                               outcome.status, outcome.code))
        if outcome.status == "rejected":
            self.rejections.append((self.device.id, change.mutation_id, outcome.code,
                                    json.dumps(outcome.errors), now()))
        return outcome

    def _apply(self, change: Change) -> Outcome:
        kind = records.KINDS.get(change.kind)
        mid = change.mutation_id
        if kind is None:
            return Outcome(mid, "rejected", "unknown_kind")
        typed, shape = wire.typed_fields(kind, change.fields)
        if shape:
            unknown = tuple((e.field, "unknown") for e in shape if e.code == "unknown_field")
            if unknown:
                return Outcome(mid, "rejected", "unknown_field", unknown)
            return Outcome(mid, "rejected", "invalid", tuple((e.field, e.code) for e in shape))
        written_at = hlc_unpack(change.hlc)[0]
        if written_at > self.now_ms + CLOCK_AHEAD_MS:
            return Outcome(mid, "rejected", "clock_ahead")
        if change.replay and written_at > self.replay_before:
            if not self.replay_before:
                # this server never lost anything the device sent: nothing to replay
                return Outcome(mid, "rejected", "replay_refused")
            # made after the server lost what it lost: an ordinary change, merged as such
            change = dataclasses.replace(change, replay=False)
        entry = self.records.get((change.kind, change.record_id))
        if entry is None:
            if change.op != "create" and not change.replay:
                return Outcome(mid, "rejected", "unknown_record")
            province = change.fields.get("province")
            current: dict[str, Any] = {}
            versions: dict[str, Any] = {}
            writers: dict[str, Any] = {}
        else:
            province, current, versions, writers = entry[0], entry[1], entry[2], entry[3]
            if "province" in change.fields and change.fields["province"] != province:
                return Outcome(mid, "rejected", "province_change")
        if province not in self.device.provinces:
            # a device never writes outside its scope: refuse the whole request (403),
            # nothing of it is applied
            raise ServiceError(403, "outside_scope", f"mutation {mid}")
        if kind is records.CONFLICT and (entry is None or any(
                current.get(n) != v for n, v in change.fields.items()
                if n not in ("resolved", "resolved_by"))):
            # conflict records are the server's: a device may only mark one resolved
            return Outcome(mid, "rejected", "server_only")
        if change.replay:
            # only the fields the server holds no later write of: hlc order respects
            # causality (an edit made after seeing this one carries a higher stamp)
            kept = {n: v for n, v in change.fields.items()
                    if int(writers.get(n, {}).get("hlc", 0) or 0) < change.hlc}
            if not kept:
                return Outcome(mid, "applied")
            change = dataclasses.replace(change, fields=kept)
            typed = {n: typed[n] for n in kept}
        merged = {**current, **change.fields}
        # the record as it would be, by the app's own rules, and each value sent exactly as
        # the app stores it
        python = _python(kind, current)
        python.update(typed)
        cleaned, errors = kind.prepare(python, self.today)
        invalid = {e.field for e in errors}
        problems = [(e.field, e.code) for e in errors] + [
            (e.field, e.code) for e in wire.unnormalised(kind, change.fields, typed, cleaned,
                                                         invalid)]
        if change.replay and entry is None:
            # a replayed edit can come before the replayed creation of its record (another
            # laptop's): check the fields it carries, the rest comes with the creation
            problems = [p for p in problems if p[0] in change.fields]
        if problems:
            return Outcome(mid, "rejected", "invalid", tuple(problems))
        state = {}
        for name, value in current.items():
            w = writers.get(name, {})
            v = versions.get(name, 0)
            state[name] = FieldWrite(value, v.value if isinstance(v, _Version) else v,
                                     int(w.get("hlc", 0) or 0), w.get("device"),
                                     w.get("author"))
        result = (MergeResult(dict(change.fields), {}) if change.replay
                  else merge_change(state, change, self.device.id))
        changed = [n for n, v in result.fields.items() if n not in current or current[n] != v]
        if not changed and entry is not None:
            return Outcome(mid, "applied")
        version = _Version(province)
        self.versions.append(version)
        writer = {"device": self.device.id, "author": change.author, "hlc": change.hlc}
        for name in changed:
            versions[name] = version
            writers[name] = writer
        for name, other in result.overwritten.items():
            conflict_version = _Version(province)
            self.versions.append(conflict_version)
            self.conflicts.append((province, conflict_version, {
                "province": province, "deleted": 0, "record_kind": change.kind,
                "record_id": change.record_id, "field": name,
                "kept_value": json.dumps(other.value, ensure_ascii=False),
                "kept_version": other.version, "kept_author": other.author,
                "kept_device": other.device_id, "kept_hlc": other.hlc,
                "winner_author": change.author, "winner_device": self.device.id,
                "winner_hlc": change.hlc, "resolved": 0, "resolved_by": None}, change.hlc))
        if entry is None:
            entry = [province, merged, versions, writers, False, True]
            self.records[(change.kind, change.record_id)] = entry
        entry[1], entry[5] = merged, True
        entry.append((version, change.hlc))
        return Outcome(mid, "applied", conflicts=tuple(result.overwritten))

    def write(self, allocate: Any) -> None:
        tx = self.tx
        per_province: dict[str, list[_Version]] = {}
        for v in self.versions:
            per_province.setdefault(v.province, []).append(v)
        for province, versions in sorted(per_province.items()):
            first = allocate(tx, province, len(versions))
            for i, v in enumerate(versions):
                v.value = first + i
        inserts, updates = [], []
        for (kind, rid), entry in self.records.items():
            if not entry[5]:
                continue
            province, fields, versions, writers, in_db = entry[:5]
            version, hlc = entry[-1]
            row = (json.dumps(fields, ensure_ascii=False, separators=(",", ":"),
                              allow_nan=False),
                   json.dumps(versions, default=_plain), json.dumps(writers), hlc,
                   self.device.id)
            if in_db:
                updates.append((version.value, *row, kind, rid))
            else:
                inserts.append((kind, rid, province, version.value, *row))
        if inserts:
            tx.executemany("INSERT INTO records (kind, id, province, version, fields, versions, "
                           "writers, hlc, device_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           inserts)
        if updates:
            tx.executemany("UPDATE records SET version = ?, fields = ?, versions = ?, "
                           "writers = ?, hlc = ?, device_id = ? WHERE kind = ? AND id = ?",
                           updates)
        if self.conflicts:
            stamp = {"device": "server", "author": None}
            tx.executemany(
                "INSERT INTO records (kind, id, province, version, fields, versions, writers, "
                "hlc, device_id) VALUES ('conflict', ?, ?, ?, ?, ?, ?, ?, 'server')",
                [(uuid7(), province, v.value, json.dumps(fields, ensure_ascii=False),
                  json.dumps(dict.fromkeys(fields, v.value)),
                  json.dumps(dict.fromkeys(fields, {**stamp, "hlc": hlc})), hlc)
                 for province, v, fields, hlc in self.conflicts])
        tx.executemany("INSERT INTO mutations (device_id, mutation_id, digest, status, code) "
                       "VALUES (?, ?, ?, ?, ?)", self.mutations)
        if self.rejections:
            tx.executemany("INSERT INTO rejections (device_id, mutation_id, code, errors, at) "
                           "VALUES (?, ?, ?, ?, ?)", self.rejections)


def _norm_code(code: str) -> str:
    return "".join(c for c in code.upper() if c.isalnum())


def digest(change: Change) -> str:
    body = {"kind": change.kind, "record_id": change.record_id, "op": change.op,
            "fields": change.fields, "base": change.base}
    raw = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    # surrogatepass: a change refused for a lone surrogate still has a digest (the same
    # bytes as before for every valid text)
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def _python(kind: records.RecordKind, stored: Mapping[str, Any]) -> dict[str, Any]:
    """The Python values of a record the server holds; a value an older server let in that
    does not read is left out (the change at hand is judged on its own fields)."""
    out = {}
    for name, value in stored.items():
        f = kind.by_name.get(name)
        if f is not None:
            try:
                out[name] = f.from_stored(value)
            except (TypeError, ValueError):
                continue
    return out
