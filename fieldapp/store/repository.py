"""Repositories: every write is one transaction that changes records and appends to the outbox.

The outbox (transactional outbox) is the device's change log: each local edit gets the next
per-device ``mutation_id`` (1, 2, 3, ... with no gap, assigned inside the write transaction)
and leaves the outbox only when the server acknowledges it.

A *create* entry does not copy the new row: its payload stays NULL and the row's ``_lazy``
column points at it, meaning "the content is this row as it is". The first later write to the
row (an edit, a tombstone, incoming sync data) first freezes that content into the entry. So an
entry's content never changes after its write returned, and the common case (records created
and not edited before the next sync) writes each record once.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime
from itertools import repeat
from typing import Any

import sqlite_utils

from fieldapp.domain import records, roles
from fieldapp.domain.fields import FieldError
from fieldapp.domain.ids import uuid7_many
from fieldapp.domain.records import PERSON, Record, RecordKind
from fieldapp.errors import UserFacingError
from fieldapp.store.schema import person_terms
from fieldapp.store.sqlite import Connection, Error
from sync.protocol import HybridClock

SENT_KEEP = 100_000  # acknowledged changes kept to re-send after a server restore
META_COLUMNS = ("id", "created_at", "created_by", "updated_at", "updated_by")
_NAME_FIELDS = ("name_ar", "name_lat", "nickname", "cin")


class ValidationError(UserFacingError):
    """Some values are invalid; ``errors`` names each field (``index`` for batch writes)."""

    code = "invalid"

    def __init__(self, errors: Sequence[FieldError], index: int | None = None) -> None:
        self.errors = list(errors)
        self.index = index
        super().__init__(None, ", ".join(f"{e.field}:{e.code}" for e in self.errors))


class NotFound(UserFacingError):
    code = "not_found"


class NotAllowed(UserFacingError):
    """The member's role may not do this (``detail``: the action, e.g. ``merge``)."""

    code = "not_allowed"


@dataclass(frozen=True)
class Actor:
    """The member at the keyboard: whose changes these are and what they may do."""

    member_id: str
    name: str
    role: str | None
    user_id: str | None = None  # the id the server gave them, once it did


class StorageError(UserFacingError):
    """The database could not be written or read (code: disk_full, damaged, busy, io)."""


def map_sqlite_error(e: Exception) -> StorageError:
    text = str(e).lower()
    if "full" in text:
        return StorageError("disk_full", str(e))
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StorageError("damaged", str(e))
    if "locked" in text or "busy" in text:
        return StorageError("busy", str(e))
    if "readonly" in text or "read-only" in text:
        return StorageError("read_only", str(e))
    return StorageError("io", str(e))


def utc_now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass
class Profile:
    """Who uses this vault: set at creation, shown in the status bar, stamped on changes."""

    device_id: str
    user_name: str
    province: str
    team: str | None = None
    role: str | None = None
    lang: str = "ar"


class Store:
    """An open, unlocked vault database. Not thread-safe: one worker owns it."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.db = sqlite_utils.Database(conn)
        row = conn.execute(
            "SELECT device_id, user_name, province, team, role, lang, hlc FROM device"
        ).fetchone()
        self.profile = Profile(row[0], row[1], row[2], row[3], row[4], row[5])
        self.clock = HybridClock(last=row[6])
        # until a member is known (act_as), the vault's creator as the device row has it
        self.actor = Actor("", self.profile.user_name, self.profile.role)
        self._in_transaction = False
        self._refused: str | None = None
        self._repos = {name: Repository(self, k) for name, k in records.KINDS.items()}

    # --- members and roles ----------------------------------------------------------------

    def act_as(self, member_id: str, name: str, name_ar: str = "") -> Actor:
        """From now on ``member_id`` acts (their role, their drafts). A member the key file
        knows but this table does not yet (the vault's first unlock as members, or a member
        added on another copy) gets a row with the device's role."""
        row = self.conn.execute("SELECT name, role, user_id FROM members WHERE member_id = ?",
                                (member_id,)).fetchone()
        if row is None:
            with self.transaction() as conn:
                conn.execute("INSERT INTO members (member_id, name, name_ar, role, team, "
                             "added_at) VALUES (?, ?, ?, ?, ?, ?)",
                             (member_id, name, name_ar, self.profile.role, self.profile.team,
                              utc_now()))
            row = (name, self.profile.role, None)
        self.actor = Actor(member_id, row[0], row[1], row[2])
        return self.actor

    @property
    def author(self) -> str:
        """Who the changes made now are by, as records and the outbox name them: the acting
        member's id (their user id on the server replaces it when the change is sent), or
        the device's user on a vault from before members."""
        return self.actor.member_id or self.profile.user_name

    @property
    def signature(self) -> str:
        """Who decided, in a record's own fields (``resolved_by``, ``decided_by``): the
        acting member's user id once the server gave one (every laptop can name them), else
        :attr:`author`."""
        return self.actor.user_id or self.author

    def who(self, author: str | None) -> str | None:
        """The name behind an author of a record, a change or a conflict: a member of this
        vault (by member or user id), a user of the scope the server named, or the text as
        older laptops wrote it."""
        if not author:
            return None
        row = self.conn.execute(
            "SELECT name FROM members WHERE member_id = ? OR user_id = ? "
            "UNION ALL SELECT CASE WHEN team IS NULL THEN name ELSE name || ', ' || team END "
            "FROM directory WHERE user_id = ? LIMIT 1", (author, author, author)).fetchone()
        return str(row[0]) if row else author

    def allowed(self, action: str) -> bool:
        return roles.allowed(self.actor.role, action)

    def require(self, action: str) -> None:
        """Refuse what the acting member's role may not do, whatever the screens show."""
        if not roles.allowed(self.actor.role, action):
            raise NotAllowed(None, action)

    def add_member_row(self, member_id: str, name: str, name_ar: str, role: str | None,
                       team: str | None = None, user_id: str | None = None) -> None:
        """Record a new member (their key slot is the vault's business). Only a centre head
        or a supervisor adds members, and never with a role above their own; a member who
        joined with their own enrollment code (``user_id``: the server vouched for them,
        with their role) needs neither."""
        if role is not None and role not in roles.ROLES:
            raise NotAllowed("unknown_role", role)
        if user_id is None:
            self.require("members")
            if not roles.may_grant(self.actor.role, role):
                raise NotAllowed(None, f"grant {role}")
        with self.transaction() as conn:
            conn.execute("INSERT INTO members (member_id, name, name_ar, role, team, added_at, "
                         "added_by, user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         (member_id, name, name_ar, role, team, utc_now(),
                          self.actor.member_id or None, user_id))

    def remove_member_row(self, member_id: str) -> None:
        self.require("members")
        with self.transaction() as conn:
            conn.execute("UPDATE members SET removed_at = ? WHERE member_id = ?",
                         (utc_now(), member_id))
            conn.execute("DELETE FROM drafts WHERE member_id = ?", (member_id,))

    def members(self) -> list[dict[str, Any]]:
        cur = self.conn.execute("SELECT member_id, name, name_ar, role, team, user_id "
                                "FROM members WHERE removed_at IS NULL ORDER BY added_at, name")
        return [dict(zip(("member_id", "name", "name_ar", "role", "team", "user_id"), r,
                         strict=True)) for r in cur]

    def set_member_role(self, member_id: str, role: str | None) -> None:
        """The role the server gave ``member_id`` (at enrollment and at each sync)."""
        with self.transaction() as conn:
            conn.execute("UPDATE members SET role = ? WHERE member_id = ?", (role, member_id))
        if self.actor.member_id == member_id:
            self.actor = Actor(member_id, self.actor.name, role, self.actor.user_id)

    # --- transactions -------------------------------------------------------------------

    def refuse_writes(self, code: str) -> None:
        """From now on every write fails with ``StorageError(code)`` (the vault turned out
        damaged after it was opened: nothing more is written to it)."""
        self._refused = code

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One write transaction; storage failures become :class:`StorageError`."""
        if self._in_transaction:
            yield self.conn
            return
        if self._refused is not None:
            raise StorageError(self._refused)
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except Error as e:
            raise map_sqlite_error(e) from e
        self._in_transaction = True
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except Error as e:
            self._rollback()
            raise map_sqlite_error(e) from e
        except BaseException:
            self._rollback()
            raise
        finally:
            self._in_transaction = False

    def _rollback(self) -> None:
        with suppress(Error):
            self.conn.execute("ROLLBACK")
        # a rolled-back transaction may have ticked the clock: reload it
        self.clock.last = self.conn.execute("SELECT hlc FROM device").fetchone()[0]

    def next_mutations(self, count: int) -> tuple[int, list[int]]:
        """Reserve ``count`` mutation ids and clock stamps (inside the write transaction)."""
        assert self._in_transaction
        # another connection (the sync thread) may have moved the clock on: follow it
        stored = self.conn.execute("SELECT hlc FROM device").fetchone()[0]
        self.clock.last = max(self.clock.last, stored)
        stamps = [self.clock.tick() for _ in range(count)]
        last = self.conn.execute(
            "UPDATE device SET last_mutation_id = last_mutation_id + ?, hlc = ? "
            "RETURNING last_mutation_id",
            (count, stamps[-1] if stamps else self.clock.last),
        ).fetchone()[0]
        return last - count + 1, stamps

    # --- repositories -------------------------------------------------------------------

    def repo(self, kind: str) -> Repository:
        return self._repos[kind]

    @property
    def persons(self) -> Repository:
        return self._repos["person"]

    @property
    def patrols(self) -> Repository:
        return self._repos["patrol"]

    @property
    def encounters(self) -> Repository:
        return self._repos["encounter"]

    @property
    def cases(self) -> Repository:
        return self._repos["case"]

    @property
    def case_events(self) -> Repository:
        return self._repos["case_event"]

    @property
    def referrals(self) -> Repository:
        return self._repos["referral"]

    @property
    def shelters(self) -> Repository:
        return self._repos["shelter"]

    @property
    def conflicts(self) -> Repository:
        return self._repos["conflict"]

    # --- outbox -------------------------------------------------------------------------

    def pending_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM outbox").fetchone()[0])

    def last_mutation_id(self) -> int:
        return int(self.conn.execute("SELECT last_mutation_id FROM device").fetchone()[0])

    def outbox(self, after: int = 0, limit: int = 500) -> list[dict[str, Any]]:
        """Pending changes in order, each with its content (stored shape) as ``payload``."""
        rows = self.conn.execute(
            "SELECT mutation_id, kind, record_id, op, payload, base, hlc, author, replay "
            "FROM outbox WHERE mutation_id > ? ORDER BY mutation_id LIMIT ?",
            (after, limit),
        ).fetchall()
        out = []
        for mid, kind, rid, op, payload, base, hlc, author, replay in rows:
            content = self.repo(kind).stored_fields(rid) if payload is None else json.loads(payload)
            out.append({"mutation_id": mid, "kind": kind, "record_id": rid, "op": op,
                        "payload": content, "base": json.loads(base) if base else {},
                        "hlc": hlc, "author": author, "replay": bool(replay)})
        return out

    def acknowledge(self, up_to: int) -> int:
        """Drop outbox entries the server acknowledged (``mutation_id <= up_to``)."""
        with self.transaction() as conn:
            lazy = conn.execute(
                "SELECT kind, record_id, mutation_id FROM outbox "
                "WHERE mutation_id <= ? AND payload IS NULL", (up_to,)).fetchall()
            for kind, rid, mid in lazy:
                self.freeze_lazy(kind, rid, mid)
            # kept a while: what to send again if the server is restored from a backup
            conn.execute("INSERT OR REPLACE INTO sent SELECT mutation_id, kind, record_id, op, "
                         "payload, base, hlc, author, replay FROM outbox "
                         "WHERE mutation_id <= ?", (up_to,))
            conn.execute("DELETE FROM sent WHERE mutation_id <= "
                         "(SELECT max(mutation_id) FROM sent) - ?", (SENT_KEEP,))
            cur = conn.execute("DELETE FROM outbox WHERE mutation_id <= ?", (up_to,))
            return int(cur.rowcount)

    def freeze_lazy(self, kind: str, record_id: str, mutation_id: int) -> None:
        """Write a lazy create entry's content into it (the row stops pointing at it)."""
        content = self.repo(kind).stored_fields(record_id)
        self.conn.execute("UPDATE outbox SET payload = ? WHERE mutation_id = ? AND "
                          "payload IS NULL", (json.dumps(content, ensure_ascii=False,
                                                         separators=(",", ":")), mutation_id))
        self.conn.execute(f"UPDATE {records.kind(kind).table} SET _lazy = NULL "
                          "WHERE id = ? AND _lazy = ?", (record_id, mutation_id))

    # --- settings and drafts -----------------------------------------------------------

    def setting(self, key: str, default: Any = None) -> Any:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def set_setting(self, key: str, value: Any) -> None:
        with self.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                         (key, json.dumps(value, ensure_ascii=False)))

    def save_draft(self, form: str, payload: Mapping[str, Any]) -> None:
        """The acting member's draft of ``form`` (another member never sees it)."""
        with self.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO drafts (member_id, form, payload, saved_at) "
                         "VALUES (?, ?, ?, ?)", (self.actor.member_id, form,
                                                 json.dumps(payload, ensure_ascii=False),
                                                 utc_now()))

    def drafts(self) -> dict[str, dict[str, Any]]:
        """The acting member's drafts; those saved before members (member '') go to the
        first member who unlocks."""
        if self.actor.member_id and self.conn.execute(
                "SELECT 1 FROM drafts WHERE member_id = '' LIMIT 1").fetchone():
            with self.transaction() as conn:
                conn.execute("UPDATE OR IGNORE drafts SET member_id = ? WHERE member_id = ''",
                             (self.actor.member_id,))
        return {form: json.loads(p) for form, p in self.conn.execute(
            "SELECT form, payload FROM drafts WHERE member_id = ? ORDER BY saved_at",
            (self.actor.member_id,))}

    def discard_draft(self, form: str) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM drafts WHERE member_id = ? AND form = ?",
                         (self.actor.member_id, form))


class Repository:
    """Reads and writes of one record kind."""

    def __init__(self, store: Store, kind: RecordKind) -> None:
        self.store = store
        self.kind = kind
        self.table = kind.table
        self._write = roles.write_action(kind.name)
        self._columns = META_COLUMNS + kind.field_names + ("_lazy",)
        self._insert_sql = (
            f"INSERT INTO {self.table} ({', '.join(self._columns)}) "
            f"VALUES ({', '.join('?' * len(self._columns))})"
        )
        self._fields_sql = f"SELECT {', '.join(kind.field_names)} FROM {self.table} WHERE id = ?"
        # a create entry: no payload, the new row is its content (see the module's doc)
        self._outbox_sql = ("INSERT INTO outbox (mutation_id, kind, record_id, op, hlc, author) "
                            f"VALUES (?, '{kind.name}', ?, 'create', ?, ?)")

    # --- reads --------------------------------------------------------------------------

    def get(self, record_id: str, include_deleted: bool = False) -> Record | None:
        cur = self.store.conn.execute(f"SELECT * FROM {self.table} WHERE id = ?", (record_id,))
        row = cur.fetchone()
        if row is None:
            return None
        rec = self.kind.from_stored(dict(zip([c[0] for c in cur.description], row, strict=True)))
        if rec["deleted"] and not include_deleted:
            return None
        return rec

    def stored_fields(self, record_id: str) -> dict[str, Any]:
        row = self.store.conn.execute(self._fields_sql, (record_id,)).fetchone()
        if row is None:
            raise NotFound(None, f"{self.kind.name} {record_id}")
        return dict(zip(self.kind.field_names, row, strict=True))

    def count(self) -> int:
        return int(self.store.conn.execute(
            f"SELECT count(*) FROM {self.table} WHERE deleted = 0").fetchone()[0])

    # --- writes -------------------------------------------------------------------------

    def _prepare(self, values: Mapping[str, Any], today: date,
                 edited: Iterable[str] | None = None) -> Record:
        if values.get("province") is None:
            values = {**values, "province": self.store.profile.province}
        rec, errors = self.kind.prepare(values, today)
        if edited is not None:
            # a date another laptop wrote by its own clock (a day ahead, say) must not block
            # editing the record's other fields here
            touched = set(edited)
            errors = [e for e in errors if e.code != "in_future" or e.field in touched]
        if not errors and rec["province"] != self.store.profile.province:
            errors = [FieldError("province", "outside_scope")]
        if errors:
            raise ValidationError(errors)
        return rec

    def create(self, values: Mapping[str, Any]) -> Record:
        """Validate and save a new record; returns it with its ``id``."""
        rec_id = self.create_many([values])[0]
        rec = self.get(rec_id)
        assert rec is not None
        return rec

    def create_many(self, values_list: Iterable[Mapping[str, Any]]) -> list[str]:
        """Validate and save new records in one transaction (all or nothing).

        Each record is checked exactly as :meth:`create` and :meth:`update` check it (every
        field, every rule, the province's scope); the first invalid one is refused with its
        ``index``, before anything is written. The checks give each record's stored shape
        in the same pass, and the records and their outbox entries (one per record, in
        order, each with the next mutation id and a lazy payload) are written with one
        ``executemany`` each."""
        self.store.require(self._write)
        today = date.today()
        province = self.store.profile.province
        prepare = self.kind.prepare_stored
        stored_rows: list[tuple[Any, ...]] = []
        add = stored_rows.append
        names: list[tuple[Any, ...]] | None = [] if self.kind is PERSON else None
        for index, values in enumerate(values_list):
            if values.get("province") is None:
                values = {**values, "province": province}
            rec, stored, errors = prepare(values, today)
            if stored is None or rec["province"] != province:
                raise ValidationError(errors or [FieldError("province", "outside_scope")],
                                      index)
            add(stored)
            if names is not None:
                names.append(tuple(rec[n] for n in _NAME_FIELDS))
        count = len(stored_rows)
        if not count:
            return []
        now = utc_now()
        user = self.store.author
        ids = uuid7_many(count)
        store = self.store
        with store.transaction() as conn:
            first, stamps = store.next_mutations(count)
            mutation_ids = range(first, first + count)
            conn.executemany(self._insert_sql, [
                (rid, now, user, now, user, *stored, mid)
                for rid, stored, mid in zip(ids, stored_rows, mutation_ids, strict=True)])
            conn.executemany(self._outbox_sql,
                             zip(mutation_ids, ids, stamps, repeat(user, count), strict=True))
            if names is not None:
                conn.executemany(
                    "INSERT INTO person_search (rowid, terms) "
                    "SELECT rowid, ? FROM persons WHERE id = ?",
                    [(person_terms(*n), rid) for rid, n in zip(ids, names, strict=True)],
                )
        return ids

    def update(self, record_id: str, changes: Mapping[str, Any]) -> Record:
        """Validate and save changes to some fields; returns the record as saved."""
        store = self.store
        store.require(self._write)
        if self.kind is PERSON and "merged_into" in changes:
            store.require("merge")
        with store.transaction() as conn:
            row = conn.execute(
                f"SELECT rowid, _lazy, _versions, {', '.join(self.kind.field_names)} "
                f"FROM {self.table} WHERE id = ?", (record_id,)).fetchone()
            if row is None:
                raise NotFound(None, f"{self.kind.name} {record_id}")
            rowid, lazy, versions_json = row[0], row[1], row[2]
            stored = dict(zip(self.kind.field_names, row[3:], strict=True))
            current = self.kind.from_stored(stored)
            merged = self._prepare({**current, **changes}, date.today(), edited=changes)
            changed = {n: merged[n] for n in self.kind.field_names
                       if merged[n] != current[n]}
            if not changed:
                rec = self.get(record_id, include_deleted=True)
                assert rec is not None
                return rec
            if lazy is not None:
                self._freeze(lazy, stored)
            by_name = self.kind.by_name
            new_stored = {n: by_name[n].to_stored(v) for n, v in changed.items()}
            now, user = utc_now(), store.author
            assignments = ", ".join(f"{n} = ?" for n in new_stored)
            conn.execute(
                f"UPDATE {self.table} SET {assignments}, updated_at = ?, updated_by = ?, "
                "_lazy = NULL WHERE id = ?",
                (*new_stored.values(), now, user, record_id))
            versions = json.loads(versions_json) if versions_json else {}
            base = {n: int(versions.get(n, 0)) for n in new_stored}
            mid, stamps = store.next_mutations(1)
            conn.execute(
                "INSERT INTO outbox (mutation_id, kind, record_id, op, payload, base, hlc, "
                "author) VALUES (?, ?, ?, 'update', ?, ?, ?, ?)",
                (mid, self.kind.name, record_id,
                 json.dumps(new_stored, ensure_ascii=False, separators=(",", ":")),
                 json.dumps(base, separators=(",", ":")), stamps[0], user))
            if self.kind is PERSON and any(n in changed for n in _NAME_FIELDS):
                self._reindex_person(rowid, merged)
        rec = self.get(record_id, include_deleted=True)
        assert rec is not None
        return rec

    def delete(self, record_id: str) -> None:
        """Tombstone: the record is marked deleted and the mark is synced like any edit."""
        self.update(record_id, {"deleted": True})

    def _freeze(self, mutation_id: int, stored: Mapping[str, Any]) -> None:
        self.store.conn.execute(
            "UPDATE outbox SET payload = ? WHERE mutation_id = ? AND payload IS NULL",
            (json.dumps(dict(stored), ensure_ascii=False, separators=(",", ":")), mutation_id))

    def _reindex_person(self, rowid: int, rec: Mapping[str, Any]) -> None:
        conn = self.store.conn
        conn.execute("DELETE FROM person_search WHERE rowid = ?", (rowid,))
        conn.execute("INSERT INTO person_search (rowid, terms) VALUES (?, ?)",
                     (rowid, person_terms(*(rec[n] for n in _NAME_FIELDS))))
