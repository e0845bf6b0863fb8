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
import re
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from fieldapp.domain import records, roles, wire
from fieldapp.domain.fields import FieldError
from fieldapp.domain.ids import uuid7
from sync.protocol import (
    Change,
    Cursor,
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
from sync.server.accounts import ROLES as ROLES  # named here too: the server's other modules
from sync.server.accounts import Accounts, Device, now, now_ms
from sync.server.accounts import ServiceError as ServiceError
from sync.server.accounts import token_hash as token_hash
from sync.server.storage import Database, Tx

# The server checks "not in the future" against its own date plus this margin, so that a
# device whose clock runs a day ahead gets the same outcome as one on time.
CLOCK_MARGIN = timedelta(days=2)
# An edit's clock stamp may run ahead of the server's clock by as much; a stamp further ahead
# is refused (it would win every later tie-break and, replayed, every field).
CLOCK_AHEAD_MS = int(CLOCK_MARGIN.total_seconds() * 1000)
log = logging.getLogger("fieldapp.server")
_USER_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


class Service(Accounts):
    def __init__(self, db: Database) -> None:
        self.db = db
        with db.write() as tx:
            if tx.one("SELECT value FROM meta WHERE key = 'epoch'") is None:
                tx.execute("INSERT INTO meta (key, value) VALUES ('epoch', ?)", (uuid7(),))

    def _replay_before(self, device: Device) -> int:
        """Replays are honoured only for edits made before the server lost them: before
        its database was restored (a new epoch) or before it told this device so."""
        return max(device.epoch_started_ms, device.rebase_at)


    # --- push ----------------------------------------------------------------------------

    def push(self, token: str | None, request: PushRequest) -> PushResponse:
        gap: ServiceError | None = None
        # what depends on the changes alone is worked out before a connection is taken
        known = {c.mutation_id: _Known(c) for c in request.changes}
        # pipelined: the writes after the last read (the changes' outcomes, the device's
        # progress, the province's versions and records) go with the COMMIT
        with self.db.write(pipelined=True) as tx:
            device = self.authenticate(tx, token, lock=True)
            epoch = device.epoch
            last = device.last_mutation_id
            if request.epoch is not None and request.epoch != epoch:
                raise ServiceError(409, "epoch_changed", extra={
                    "epoch": epoch, "last_mutation_id": last})
            outcomes: list[Outcome] = []
            fresh: list[Change] = []
            for change in request.changes:
                if change.mutation_id <= last:
                    outcomes.append(self._replayed(tx, device, change,
                                                   known[change.mutation_id].digest))
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
            batch = None
            if fresh:
                batch = _Batch(tx, device, self._replay_before(device), known,
                               self.users_of(tx, device.id))
                batch.load(fresh)
                outcomes += [batch.apply(change) for change in fresh]
                last = fresh[-1].mutation_id
            tx.execute("UPDATE devices SET last_mutation_id = ?, last_seen_at = ? WHERE id = ?",
                       (last, now(), device.id))
            if batch is not None:
                batch.write(self._allocate)  # last: it locks the province counters
        if gap is not None:
            raise gap  # after the commit, so that the rebase is remembered
        return PushResponse(last, epoch, tuple(outcomes), request.protocol)

    def _replayed(self, tx: Tx, device: Device, change: Change, digest_: str) -> Outcome:
        row = tx.one("SELECT digest, status, code FROM mutations WHERE device_id = ? AND "
                     "mutation_id = ?", (device.id, change.mutation_id))
        if row is None:
            # acknowledged before this server's records began (e.g. restored backup): the
            # device's counter says it was received; nothing to compare with
            return Outcome(change.mutation_id, "duplicate")
        if row[0] != digest_:
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

    def pull(self, token: str | None, request: PullRequest) -> PullPage:
        # one connection for the read and the cursor's update; the records are written out
        # after it went back to the pool
        with self.db.held():
            with self.db.read() as tx:
                device = self.authenticate(tx, token)
                cursor = decode_cursor(request.cursor)
                scope = device.provinces
                if not set(cursor) <= set(scope):
                    raise ServiceError(403, "outside_scope",
                                       "the cursor names other provinces")
                known = decode_cursor(device.pull_cursor)
                lost = any(v > known.get(p, 0) for p, v in cursor.items())
                if not lost:
                    rows, has_more, counts = self._page(tx, device, cursor, request.limit)
            if lost:
                # a cursor this database never handed out: it was restored from a backup
                # older than the device's last pull; the device rebases and starts from the
                # start
                with self.db.write() as tx:
                    tx.execute("UPDATE devices SET rebase_at = ? WHERE id = ?",
                               (now_ms(), device.id))
                    epoch = self.epoch(tx)
                raise ServiceError(409, "cursor_unknown", "pull again from the start", extra={
                    "epoch": epoch, "last_mutation_id": device.last_mutation_id})
            if any(v > known.get(p, 0) for p, v in cursor.items()):
                # remembered before answering, so an answer lost on the way stays valid
                self._remember_cursor(device, known, cursor)
        texts = [_RENDERED.text(province, kind, rid, version, fields, versions, hlc, dev,
                                request.protocol, created, updated)
                 for province, kind, rid, version, fields, versions, hlc, dev, created, updated
                 in rows]
        return PullPage([t for t in texts if t is not None], encode_cursor(cursor), has_more,
                        device.last_mutation_id, device.epoch, counts, request.protocol)

    def _remember_cursor(self, device: Device, known: Cursor, cursor: Cursor) -> None:
        """Store, per province, the furthest of the device's stored cursor and ``cursor``:
        one statement when the stored cursor is still the one read with the device (the
        usual case: a device pulls one page at a time), else under the row's lock."""
        merged = {**known, **{p: max(known.get(p, 0), v) for p, v in cursor.items()}}
        with self.db.statement() as tx:
            if device.pull_cursor is None:
                tx.execute("UPDATE devices SET pull_cursor = ? WHERE id = ? "
                           "AND pull_cursor IS NULL", (encode_cursor(merged), device.id))
            else:
                tx.execute("UPDATE devices SET pull_cursor = ? WHERE id = ? "
                           "AND pull_cursor = ?", (encode_cursor(merged), device.id,
                                                   device.pull_cursor))
            if tx.rowcount == 1:
                return
        with self.db.write() as tx:
            row = tx.one(f"SELECT pull_cursor FROM devices WHERE id = ?{tx.for_update()}",
                         (device.id,))
            stored = decode_cursor(row[0])
            for p, v in cursor.items():
                stored[p] = max(stored.get(p, 0), v)
            tx.execute("UPDATE devices SET pull_cursor = ? WHERE id = ?",
                       (encode_cursor(stored), device.id))

    def _page(self, tx: Tx, device: Device, cursor: dict[str, int],
              limit: int) -> tuple[list[tuple[Any, ...]], bool, dict[str, int]]:
        """The rows of the records after ``cursor`` (advanced in place), read in ``tx``'s
        snapshot, whether there are more, and (when not) the records per province."""
        scope = device.provinces
        out: list[tuple[Any, ...]] = []
        has_more = False
        for province in scope:
            room = limit - len(out)
            if room <= 0:
                has_more = True
                break
            after = cursor.get(province, 0)
            rows = tx.all("SELECT kind, id, version, fields, versions, hlc, device_id, "
                          "created_by, updated_by "
                          "FROM records WHERE province = ? AND version > ? "
                          "ORDER BY version LIMIT ?", (province, after, room + 1))
            if len(rows) > room:
                has_more = True
                rows = rows[:room]
            for kind, rid, version, fields, versions, hlc, dev, created, updated in rows:
                out.append((province, kind, rid, int(version), fields, versions, int(hlc or 0),
                            dev, created, updated))
            if rows:
                cursor[province] = int(rows[-1][2])
        counts: dict[str, int] = {}
        if not has_more:
            for province, count in tx.all(
                    "SELECT province, count(*) FROM records WHERE province IN ("
                    + ",".join("?" * len(scope)) + ") GROUP BY province", scope):
                counts[province] = int(count)
        return out, has_more, counts


@dataclass(frozen=True)
class PullPage:
    """A pull's answer, each record already written as JSON (``RecordState.to_json``)."""

    records: list[str]
    cursor: str
    has_more: bool
    last_mutation_id: int
    epoch: str
    scope_counts: dict[str, int]
    protocol: int

    def json_text(self) -> str:
        """The answer as ``PullResponse.to_json`` writes it."""
        return PullResponse.json_text(self.records, self.cursor, self.has_more,
                                      self.last_mutation_id, self.epoch, self.scope_counts,
                                      self.protocol)


class _Renderings:
    """Each record state as the pull writes it, remembered: the JSON text of its
    ``RecordState`` (or that it is withheld), made once from the row (its JSON read, its
    fields checked with the record schema, written out again) for every pull that sends
    it. A row's text is a function of the row alone, so the text is kept with the row it
    was made from and used again only for the very same row (same kind, id, version,
    fields, versions, clock stamp, device, province): anything else is made anew. Bounded
    (the oldest go first); shared by the threads of one server process."""

    def __init__(self, size: int = 50_000) -> None:
        self.size = size
        self._items: dict[tuple[str, str, int, int], tuple[Any, ...]] = {}
        self._lock = threading.Lock()

    def text(self, province: str, kind: str, rid: str, version: int, fields: str,
             versions: str, hlc: int, device_id: str | None, protocol: int,
             created_by: str | None = None, updated_by: str | None = None) -> str | None:
        key = (kind, rid, version, protocol)
        row = (fields, versions, hlc, device_id, province, created_by, updated_by)
        item = self._items.get(key)
        if item is None or item[0] != row:
            item = (row, *_render(province, kind, rid, version, fields, versions, hlc,
                                  device_id, protocol, created_by, updated_by))
            with self._lock:
                while len(self._items) >= self.size:
                    del self._items[next(iter(self._items))]
                self._items[key] = item
        text, problems = item[1], item[2]
        if problems:
            # a defence: nothing stored since the schema is checked on push can fail here; a
            # value of a wrong type that an older server let in is withheld, not sent to
            # every laptop (which checks each record whole, too)
            log.error("record %s %s withheld from pulls: %s", kind, rid,
                      ", ".join(f"{e.field} {e.code}" for e in problems))
        return text  # type: ignore[no-any-return]


def _render(province: str, kind: str, rid: str, version: int, fields: str, versions: str,
            hlc: int, device_id: str | None, protocol: int, created_by: str | None = None,
            updated_by: str | None = None) -> tuple[str | None, list[FieldError]]:
    values = json.loads(fields)
    problems = wire.typed_fields(records.KINDS[kind], values)[1]
    if problems:
        return None, problems
    state = RecordState(province, version, kind, rid, values,
                        record_versions(versions, values, version), hlc, device_id,
                        created_by, updated_by)
    return _RECORD(state.to_json(protocol)), []


_RENDERED = _Renderings()


class _Version:
    """A version to be numbered once the batch knows how many it needs per province."""

    __slots__ = ("province", "value")

    def __init__(self, province: str) -> None:
        self.province = province
        self.value = 0


_QUOTED: dict[str, str] = {}


def _quoted(name: str) -> str:
    quoted = _QUOTED.get(name)
    if quoted is None:
        quoted = json.dumps(name)
        if len(_QUOTED) < 4096:
            _QUOTED[name] = quoted
    return quoted


def _dump_writers(writers: Mapping[str, Any]) -> str:
    """A record's writers (per field: ``{"device", "author", "hlc"}`` of its last write) as
    stored: ``[[writer, …], {field: position of its writer, …}]``, each writer once. The
    fields of one change share their writer (a record's twenty fields, one writer): written
    out field by field, they made two thirds of a record's row. :func:`_load_writers`
    reads this form and the one before it (``{field: writer}``)."""
    texts: list[str] = []
    by_id: dict[int, int] = {}
    by_text: dict[str, int] = {}
    parts = []
    for name, writer in writers.items():
        position = by_id.get(id(writer))
        if position is None:
            text = _VERSIONS(writer)
            position = by_text.get(text)
            if position is None:
                position = by_text[text] = len(texts)
                texts.append(text)
            by_id[id(writer)] = position
        parts.append(f"{_quoted(name)}:{position}")
    return "[[" + ",".join(texts) + "],{" + ",".join(parts) + "}]"


def _load_writers(text: str) -> dict[str, Any]:
    data = json.loads(text)
    if isinstance(data, list):
        listed, positions = data
        return {name: listed[i] for name, i in positions.items()}
    return dict(data)


class _Known:
    """What a change says by itself: its fields as JSON (keys sorted: part of its digest,
    and the stored fields of the record it creates), its digest, and each field's value
    read by the record schema (``wire.typed_fields``)."""

    __slots__ = ("text", "digest", "typed")

    def __init__(self, change: Change) -> None:
        self.text = _SORTED(change.fields)
        self.digest = digest(change, self.text)
        kind = records.KINDS.get(change.kind)
        self.typed: tuple[dict[str, Any], list[FieldError]] = (
            wire.typed_fields(kind, change.fields) if kind is not None else ({}, []))


class _Entry:
    """A record as the batch holds it: read from the database (locked) or created here."""

    __slots__ = ("province", "fields", "versions", "writers", "in_db", "touched", "version",
                 "hlc", "text", "created_by", "updated_by")

    def __init__(self, province: str, fields: dict[str, Any], versions: dict[str, Any],
                 writers: dict[str, Any], in_db: bool, created_by: str | None = None,
                 updated_by: str | None = None) -> None:
        self.province, self.fields, self.versions, self.writers = (province, fields, versions,
                                                                   writers)
        self.in_db = in_db
        self.created_by, self.updated_by = created_by, updated_by  # user ids
        self.touched = False
        self.version: _Version | None = None  # of the last change that changed it
        self.hlc = 0
        self.text: str | None = None  # ``fields`` as JSON, when already written out


class _Batch:
    """One push: records read once (locked), changes applied in memory in order, versions
    taken in one block per province, and everything written with a few statements."""

    def __init__(self, tx: Tx, device: Device, replay_before: int = 0,
                 known: Mapping[int, _Known] | None = None,
                 users: Mapping[str, str] | None = None) -> None:
        self.tx, self.device = tx, device
        # the users the device speaks for, with their roles (those it enrolled with, when
        # not given: tests of the merge alone)
        self.users = dict(users) if users is not None else {device.user_id: "supervisor"}
        self.known = known or {}
        self.now_ms = now_ms()
        # dates may run ahead of the server's own by CLOCK_MARGIN: a laptop whose clock
        # runs a day ahead gets the same outcome as one on time
        self.today = date.today() + CLOCK_MARGIN
        self.replay_before = replay_before
        self.records: dict[tuple[str, str], _Entry] = {}
        self.versions: list[_Version] = []
        self.conflicts: list[tuple[str, _Version, dict[str, Any], int]] = []
        self.mutations: list[tuple[Any, ...]] = []
        self.rejections: list[tuple[Any, ...]] = []

    def load(self, changes: Sequence[Change]) -> None:
        wanted: dict[str, list[str]] = {}
        for c in changes:
            wanted.setdefault(c.kind, []).append(c.record_id)
        tx = self.tx
        for kind, ids in wanted.items():
            unique = list(dict.fromkeys(ids))
            for i in range(0, len(unique), 400):
                chunk = unique[i:i + 400]
                params: tuple[Any, ...]
                if tx.postgres:  # one array parameter: one plan, whatever the count
                    where, params = "id = ANY(?)", (kind, chunk)
                else:
                    where, params = f"id IN ({','.join('?' * len(chunk))})", (kind, *chunk)
                rows = tx.all("SELECT id, province, version, fields, versions, writers, "
                              "created_by, updated_by "
                              f"FROM records WHERE kind = ? AND {where}{tx.for_update()}",
                              params)
                for rid, province, version, fields, versions, writers, created, updated \
                        in rows:
                    values = json.loads(fields)
                    self.records[(kind, rid)] = _Entry(
                        province, values, record_versions(versions, values, int(version)),
                        _load_writers(writers), True, created, updated)

    def apply(self, change: Change) -> Outcome:
        # the fields as JSON, keys sorted: part of the change's digest, and the stored
        # fields of the record it creates
        known = self.known.get(change.mutation_id) or _Known(change)
        outcome = self._apply(change, known)
        self.mutations.append((self.device.id, change.mutation_id, known.digest,
                               outcome.status, outcome.code))
        if outcome.status == "rejected":
            self.rejections.append((self.device.id, change.mutation_id, outcome.code,
                                    json.dumps(outcome.errors), now()))
        return outcome

    def _apply(self, change: Change, known: _Known) -> Outcome:
        sent = change.fields  # ``change`` may be narrowed below; ``known`` is of these
        text = known.text
        kind = records.KINDS.get(change.kind)
        mid = change.mutation_id
        if kind is None:
            return Outcome(mid, "rejected", "unknown_kind")
        typed, shape = known.typed
        if shape:
            unknown = tuple((e.field, "unknown") for e in shape if e.code == "unknown_field")
            if unknown:
                return Outcome(mid, "rejected", "unknown_field", unknown)
            return Outcome(mid, "rejected", "invalid", tuple((e.field, e.code) for e in shape))
        author = change.author
        if author not in self.users:
            if author is not None and _USER_ID.fullmatch(author):
                # a user this device does not speak for (never, or no longer)
                return Outcome(mid, "rejected", "author_unknown")
            # protocols 1 and 2 name the author in free text: the device's own user
            author = self.device.user_id
            if author not in self.users:
                return Outcome(mid, "rejected", "author_unknown")
        role = self.users[author]
        refused = roles.refused_action(role, change.kind, change.op, change.fields)
        if refused is not None:
            # the 403 of this change: the author's role may not do it
            return Outcome(mid, "rejected", "forbidden",
                           ((refused, roles.role_of(role) or "unknown"),))
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
            province, current, versions, writers = (entry.province, entry.fields,
                                                    entry.versions, entry.writers)
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
        writer = {"device": self.device.id, "author": author, "hlc": change.hlc}
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
                "winner_author": author, "winner_device": self.device.id,
                "winner_hlc": change.hlc, "resolved": 0, "resolved_by": None}, change.hlc))
        if entry is None:
            entry = _Entry(province, merged, versions, writers, False, author)
            self.records[(change.kind, change.record_id)] = entry
            if merged == sent:
                entry.text = text  # applied, so no float (NaN) in it: as stored
        else:
            entry.fields, entry.text = merged, None
        entry.touched, entry.version, entry.hlc = True, version, change.hlc
        entry.updated_by = author
        return Outcome(mid, "applied", conflicts=tuple(result.overwritten))

    def write(self, allocate: Any) -> None:
        """Write the batch. The province counters are taken last, after everything that
        does not need a version: their rows stay locked until the commit, and every push of
        the province waits for them. On PostgreSQL, taking a province's versions and
        writing its records is one statement (one round trip under the lock)."""
        tx = self.tx
        tx.insert_many("mutations", ("device_id", "mutation_id", "digest", "status", "code"),
                       self.mutations)
        tx.insert_many("rejections", ("device_id", "mutation_id", "code", "errors", "at"),
                       self.rejections)
        # every row as it will be written, its version as a _Version still to be numbered;
        # ``versions`` is None when it names versions of this batch (numbered later)
        rows: list[tuple[str, str, str, _Version, str, str | None, str, int, str,
                         str | None, str | None, bool]] = []
        for (kind, rid), entry in self.records.items():
            if entry.touched:
                assert entry.version is not None
                rows.append((kind, rid, entry.province, entry.version,
                             entry.text or _FIELDS(entry.fields),
                             _dump_versions(entry.versions, entry.version),
                             _dump_writers(entry.writers), entry.hlc, self.device.id,
                             entry.created_by, entry.updated_by, entry.in_db))
        stamp = {"device": "server", "author": None}
        for province, v, fields, hlc in self.conflicts:
            rows.append(("conflict", uuid7(), province, v, json.dumps(fields, ensure_ascii=False),
                         "{}", _dump_writers(dict.fromkeys(fields, {**stamp, "hlc": hlc})), hlc,
                         "server", None, None, False))
        per_province: dict[str, list[_Version]] = {}
        for v in self.versions:
            per_province.setdefault(v.province, []).append(v)
        one_statement = tx.postgres and all(r[5] is not None for r in rows)
        for province, versions in sorted(per_province.items()):
            for i, v in enumerate(versions, 1):
                v.value = i  # its place among the province's new versions
            if one_statement:
                # nothing after this needs the numbers: the statement is not waited for
                self._take_and_write(province, len(versions),
                                     [r for r in rows if r[2] == province])
                continue
            first = allocate(tx, province, len(versions))
            for v in versions:
                v.value += first - 1
        if one_statement:
            return
        inserts, updates = [], []
        for kind, rid, province, version, fields_text, versions_text, writers_text, hlc, \
                device_id, created_by, updated_by, in_db in rows:
            if versions_text is None:
                entry = self.records[(kind, rid)]
                versions_text = _dump_versions(entry.versions, version, numbered=True)
            row = (fields_text, versions_text, writers_text, hlc, device_id)
            if in_db:
                updates.append((version.value, *row, updated_by, kind, rid))
            else:
                inserts.append((kind, rid, province, version.value, *row, created_by,
                                updated_by))
        tx.insert_many("records", ("kind", "id", "province", "version", "fields", "versions",
                                   "writers", "hlc", "device_id", "created_by", "updated_by"),
                       inserts)
        if updates:
            tx.executemany("UPDATE records SET version = ?, fields = ?, versions = ?, "
                           "writers = ?, hlc = ?, device_id = ?, updated_by = ? "
                           "WHERE kind = ? AND id = ?", updates)

    def _take_and_write(self, province: str, count: int,
                        rows: Sequence[tuple[Any, ...]]) -> None:
        """PostgreSQL: take ``count`` versions of ``province`` (its counter row stays locked
        until the commit, as :meth:`Service._allocate` does) and write ``rows`` with them,
        in one statement, whose answer is not waited for: in a pipelined transaction it
        goes with the COMMIT, and the counter is locked for the time PostgreSQL takes to
        run the two, not for a round trip to this process and back."""
        columns: list[list[Any]] = [[] for _ in range(20)]
        for kind, rid, _, version, fields_text, versions_text, writers_text, hlc, device_id, \
                created_by, updated_by, in_db in rows:
            at = 10 if in_db else 0
            for i, value in enumerate((kind, rid, version.value, fields_text, versions_text,
                                       writers_text, hlc, device_id, created_by, updated_by)):
                columns[at + i].append(value)
        self.tx.execute(_TAKE_AND_WRITE, (province, count, count, province, *columns[:10],
                                          *columns[10:]))


# the province's counter (created at 0 when missing) moved on by n; then the new records
# and the records changed, each at the counter's old value plus its place in the batch
# (%b: arrays go in binary form, which needs no escaping of their items)
_ROWS = ("unnest(%b::text[], %b::text[], %b::bigint[], %b::text[], %b::text[], %b::text[], "
         "%b::bigint[], %b::text[], %b::text[], %b::text[]) AS r(kind, id, place, fields, "
         "versions, writers, hlc, device_id, created_by, updated_by)")
_TAKE_AND_WRITE = f"""
WITH taken AS (
    INSERT INTO counters (province, version) VALUES (?, ?)
    ON CONFLICT (province) DO UPDATE SET version = counters.version + excluded.version
    RETURNING version - ? AS before),
created AS (
    INSERT INTO records (kind, id, province, version, fields, versions, writers, hlc, device_id,
                         created_by, updated_by)
    SELECT r.kind, r.id, ?, taken.before + r.place, r.fields, r.versions, r.writers, r.hlc,
           r.device_id, r.created_by, r.updated_by
    FROM taken, {_ROWS}),
changed AS (
    UPDATE records SET version = taken.before + r.place, fields = r.fields,
                       versions = r.versions, writers = r.writers, hlc = r.hlc,
                       device_id = r.device_id, updated_by = r.updated_by
    FROM taken, {_ROWS}
    WHERE records.kind = r.kind AND records.id = r.id)
SELECT before FROM taken"""


def record_versions(text: str, fields: Mapping[str, Any], version: int) -> dict[str, Any]:
    """A record's per-field versions from its row (``versions`` names only the fields not
    written at the record's own ``version``; rows of schema 1 name every field), made
    whole: every field of ``fields`` with its version."""
    versions: dict[str, Any] = dict.fromkeys(fields, version)
    versions.update(json.loads(text))
    return versions


def _dump_versions(versions: Mapping[str, Any], version: _Version,
                   numbered: bool = False) -> str | None:
    """``versions`` as stored: only the fields not written at the record's own
    ``version``. None when one was written earlier in this batch and is not numbered yet
    (unless ``numbered``)."""
    out = {}
    for name, v in versions.items():
        if type(v) is _Version:
            if v is version:
                continue
            if not numbered:
                return None
            v = v.value
        out[name] = v
    return _VERSIONS(out)



_SORTED = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode
# as Starlette's JSONResponse writes an answer
_RECORD = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode
_FIELDS = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode
_VERSIONS = json.JSONEncoder().encode


def digest(change: Change, fields_text: str | None = None) -> str:
    """The change's identity, compared when its mutation id comes again: the SHA-256 of
    ``{"base", "fields", "kind", "op", "record_id"}`` as JSON, keys sorted at every level.
    ``fields_text``: ``change.fields`` already written so (``_SORTED``)."""
    if fields_text is None:
        fields_text = _SORTED(change.fields)
    # the very text json.dumps(body, sort_keys=True, ...) makes, the fields written once
    raw = "".join(('{"base":', _SORTED(change.base), ',"fields":', fields_text,
                   ',"kind":', _SORTED(change.kind), ',"op":', _SORTED(change.op),
                   ',"record_id":', _SORTED(change.record_id), "}"))
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
