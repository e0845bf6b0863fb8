"""The store as the sync client sees it (``sync.client.Replica``).

- the outbox as protocol changes, acknowledged only when the server says so;
- incoming pages applied in one transaction together with the new cursor, never
  overwriting a field that has a local edit the server has not acknowledged;
- after the server was restored from a backup (a new epoch, or a server that forgot our
  last mutations): the outbox is renumbered after what the server has, and every record
  this laptop wrote is sent again whole, so nothing is lost.

The enrollment token and the cursor live inside the encrypted vault (settings table).
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
from collections.abc import Sequence
from typing import Any

from fieldapp.domain import records, roles, wire
from fieldapp.domain.fields import FieldError
from fieldapp.domain.records import PERSON
from fieldapp.store.repository import NotFound, Store, utc_now
from fieldapp.store.schema import person_terms
from sync.protocol import Change, PushResponse, RecordState

_NAME_FIELDS = frozenset(("name_ar", "name_lat", "nickname", "cin"))
_CHUNK = 500  # ids in one IN (...) list
KEYS = ("url", "token", "device_id", "scope", "epoch", "cursor", "last_success", "user",
        "restored")


def _stored_rows(conn: Any, kind: records.RecordKind,
                 ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """The stored fields of the rows ``ids`` of ``kind`` (as ``Repository.stored_fields``)."""
    names = kind.field_names
    out = {}
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i:i + _CHUNK]
        for rid, *row in conn.execute(
                f"SELECT id, {', '.join(names)} FROM {kind.table} "
                f"WHERE id IN ({','.join('?' * len(chunk))})", chunk):
            out[rid] = dict(zip(names, row, strict=True))
    return out


class StoreReplica:
    def __init__(self, store: Store) -> None:
        self.store = store

    # --- state ---------------------------------------------------------------------------

    def sync_state(self) -> dict[str, Any]:
        state = {key: self.store.setting(f"sync.{key}") for key in KEYS}
        state["pending"] = self.store.pending_count()
        return state

    def save_enrollment(self, url: str, enrollment: dict[str, Any]) -> None:
        """Keep the new device identity, and number the pending changes 1, 2, … for it.

        Enrolling again (after the administrator revoked a stolen or copied token, or to
        move to another server) makes a new device on the server, whose mutation ids start
        at 1: what the old identity had acknowledged is on the server already (the ``sent``
        log of it is dropped), and everything still pending is sent again under the new
        identity; a change the server had in fact received merges into the same record as a
        no-op, so nothing is lost and nothing is duplicated."""
        store = self.store
        with store.transaction() as conn:
            for kind, rid, mid in conn.execute(
                    "SELECT kind, record_id, mutation_id FROM outbox WHERE payload IS NULL "
                    "ORDER BY mutation_id").fetchall():
                store.freeze_lazy(kind, rid, mid)  # rows point at their entry's old id
            ids = [r[0] for r in conn.execute("SELECT mutation_id FROM outbox "
                                              "ORDER BY mutation_id")]
            pending = len(ids)
            # through negative ids: no two rows share an id in between
            conn.execute("UPDATE outbox SET mutation_id = -mutation_id, replay = 0")
            conn.executemany("UPDATE outbox SET mutation_id = ? WHERE mutation_id = ?",
                             [(i + 1, -old) for i, old in enumerate(ids)])
            conn.execute("DELETE FROM sent")
            conn.execute("UPDATE device SET last_mutation_id = ?", (pending,))
            conn.execute("DELETE FROM settings WHERE key = 'sync.restored'")
            for key, value in (("url", url), ("token", enrollment["token"]),
                               ("device_id", enrollment["device_id"]),
                               ("scope", enrollment["scope"]), ("user", enrollment.get("user")),
                               ("user_id", enrollment.get("user_id")),
                               ("recovery_key", enrollment.get("recovery_key")),
                               ("epoch", enrollment["epoch"]), ("cursor", None)):
                conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                             (f"sync.{key}", json.dumps(value)))
            # the member who enrolled is the server's user: their id and their role now
            role = roles.role_of(enrollment.get("role"))
            conn.execute("UPDATE device SET role = ?", (role,))
            store.profile.role = role
            if store.actor.member_id and enrollment.get("user_id"):
                conn.execute("UPDATE members SET user_id = NULL WHERE user_id = ?",
                             (enrollment["user_id"],))
                conn.execute("UPDATE members SET user_id = ?, role = ? WHERE member_id = ?",
                             (enrollment["user_id"], role, store.actor.member_id))
                store.actor = dataclasses.replace(store.actor, role=role,
                                                  user_id=enrollment["user_id"])

    # --- members ---------------------------------------------------------------------------

    def unregistered_members(self) -> list[dict[str, Any]]:
        """Members added on this laptop that the server does not know yet, each with the
        user id of the member who added them (who vouches for them)."""
        cur = self.store.conn.execute(
            "SELECT m.member_id, m.name, m.role, a.user_id FROM members m "
            "LEFT JOIN members a ON a.member_id = m.added_by "
            "WHERE m.user_id IS NULL AND m.removed_at IS NULL AND m.added_by IS NOT NULL "
            "ORDER BY m.added_at")
        return [dict(zip(("member_id", "name", "role", "by"), r, strict=True)) for r in cur]

    def registered(self, member_id: str, user_id: str, role: str | None) -> None:
        """The server knows ``member_id`` as ``user_id`` from now on."""
        with self.store.transaction() as conn:
            conn.execute("UPDATE members SET user_id = ?, role = ? WHERE member_id = ?",
                         (user_id, roles.role_of(role), member_id))
        if self.store.actor.member_id == member_id:
            self.store.actor = dataclasses.replace(self.store.actor, user_id=user_id,
                                                   role=roles.role_of(role))

    def apply_members(self, answer: dict[str, Any]) -> list[str]:
        """What the server says of this device's members at a sync: their roles now (the
        acting member's too), the users taken off this device (their rows are marked
        removed: the vault removes their key slots and re-keys, see
        ``Vault.apply_removals``), the users of the scope by name, and the organisation's
        recovery key. Returns the member ids newly removed."""
        store = self.store
        removed: list[str] = []
        with store.transaction() as conn:
            for user in answer.get("users", []):
                conn.execute("UPDATE members SET role = ? WHERE user_id = ?",
                             (roles.role_of(user["role"]), user["id"]))
            for user_id in answer.get("removed", []):
                removed += [r[0] for r in conn.execute(
                    "SELECT member_id FROM members WHERE user_id = ? AND removed_at IS NULL",
                    (user_id,))]
                conn.execute("UPDATE members SET removed_at = ? WHERE user_id = ? AND "
                             "removed_at IS NULL", (utc_now(), user_id))
            conn.execute("DELETE FROM directory")
            conn.executemany("INSERT OR REPLACE INTO directory (user_id, name, team) "
                             "VALUES (?, ?, ?)", [(u["id"], u["name"], u.get("team"))
                                                  for u in answer.get("directory", [])])
            conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                         ("sync.recovery_key", json.dumps(answer.get("recovery_key"))))
            row = conn.execute("SELECT role FROM members WHERE member_id = ?",
                               (store.actor.member_id,)).fetchone()
        if row is not None:
            store.actor = dataclasses.replace(store.actor, role=row[0])
        return removed

    def forget_enrollment(self) -> None:
        with self.store.transaction() as conn:
            conn.execute("DELETE FROM settings WHERE key LIKE 'sync.%'")

    def mark_success(self) -> None:
        self.store.set_setting("sync.last_success", utc_now())

    # --- push ----------------------------------------------------------------------------

    def pending_changes(self, limit: int, after: int = 0) -> list[Change]:
        """Up to ``limit`` outbox entries after mutation ``after``, in order, each with its
        content (``Store.outbox``, with the rows of lazy create entries read a kind at a
        time rather than one by one)."""
        conn = self.store.conn
        rows = conn.execute(
            "SELECT mutation_id, kind, record_id, op, payload, base, hlc, author, replay "
            "FROM outbox WHERE mutation_id > ? ORDER BY mutation_id LIMIT ?",
            (after, limit)).fetchall()
        lazy: dict[str, list[str]] = {}
        for row in rows:
            if row[4] is None:
                lazy.setdefault(row[1], []).append(row[2])
        contents = {(name, rid): content for name, ids in lazy.items()
                    for rid, content in _stored_rows(conn, records.kind(name), ids).items()}
        # the outbox names members by their id in this vault: the server knows them by the
        # user id it gave them (a member it does not know yet is sent as is, and refused)
        user_ids = dict(conn.execute(
            "SELECT member_id, user_id FROM members WHERE user_id IS NOT NULL").fetchall())
        out = []
        for mid, kind, rid, op, payload, base, hlc, author, replay in rows:
            if payload is not None:
                content = json.loads(payload)
            else:
                content = contents.get((kind, rid))
                if content is None:  # no such row: as Store.outbox says it (NotFound)
                    content = self.store.repo(kind).stored_fields(rid)
            out.append(Change(mid, kind, rid, op, content, json.loads(base) if base else {},
                              hlc, user_ids.get(author, author), bool(replay)))
        return out

    def acknowledge(self, response: PushResponse) -> None:
        """Drop what the server has; remember what it refused, for the user to see."""
        rejected = [o for o in response.outcomes if o.status == "rejected"]
        with self.store.transaction() as conn:
            for o in rejected:
                row = conn.execute("SELECT kind, record_id, payload FROM outbox "
                                   "WHERE mutation_id = ?", (o.mutation_id,)).fetchone()
                content = None
                if row is not None:
                    # what the change wrote, kept: the record itself follows the server
                    content = row[2]
                    if content is None:
                        with contextlib.suppress(NotFound):
                            content = json.dumps(self.store.repo(row[0]).stored_fields(row[1]),
                                                 ensure_ascii=False)
                conn.execute(
                    "INSERT OR REPLACE INTO sync_rejections (mutation_id, kind, record_id, "
                    "code, errors, at, change) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (o.mutation_id, row[0] if row else None, row[1] if row else None, o.code,
                     json.dumps(list(o.errors)), utc_now(), content))
            self._freeze_acknowledged(response.last_mutation_id)
            self.store.acknowledge(response.last_mutation_id)
            conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                         ("sync.epoch", json.dumps(response.epoch)))

    def _freeze_acknowledged(self, up_to: int) -> None:
        """What ``Store.freeze_lazy`` does for each acknowledged create entry that still
        points at its row, a kind at a time: the entry gets the row's content (the ``sent``
        log keeps it) and the row stops pointing at it."""
        conn = self.store.conn
        lazy: dict[str, list[tuple[str, int]]] = {}
        for kind, rid, mid in conn.execute(
                "SELECT kind, record_id, mutation_id FROM outbox "
                "WHERE mutation_id <= ? AND payload IS NULL", (up_to,)).fetchall():
            lazy.setdefault(kind, []).append((rid, mid))
        for name, entries in lazy.items():
            kind = records.kind(name)
            contents = _stored_rows(conn, kind, [rid for rid, _ in entries])
            frozen = [(json.dumps(contents[rid], ensure_ascii=False, separators=(",", ":")),
                       mid) for rid, mid in entries if rid in contents]
            conn.executemany("UPDATE outbox SET payload = ? WHERE mutation_id = ? AND "
                             "payload IS NULL", frozen)
            conn.executemany(f"UPDATE {kind.table} SET _lazy = NULL WHERE id = ? AND _lazy = ?",
                             entries)

    def rejections(self) -> list[dict[str, Any]]:
        cur = self.store.conn.execute("SELECT mutation_id, kind, record_id, code, errors, at, "
                                      "change FROM sync_rejections ORDER BY mutation_id")
        keys = ("mutation_id", "kind", "record_id", "code", "errors", "at", "change")
        return [dict(zip(keys, r, strict=True)) for r in cur.fetchall()]

    # --- pull ----------------------------------------------------------------------------

    def _pending_fields(self, record_ids: Sequence[str]) -> dict[str, set[str] | None]:
        """Per record with local edits the server has not acknowledged, the fields they
        wrote; None means all (a create)."""
        out: dict[str, set[str] | None] = {}
        conn = self.store.conn
        for i in range(0, len(record_ids), _CHUNK):
            chunk = record_ids[i:i + _CHUNK]
            for rid, payload in conn.execute(
                    "SELECT record_id, payload FROM outbox WHERE record_id IN "
                    f"({','.join('?' * len(chunk))})", chunk):
                if payload is None:
                    out[rid] = None
                    continue
                names = out.setdefault(rid, set())
                if names is not None:
                    names.update(json.loads(payload))
        return out

    def apply_page(self, page: Sequence[RecordState], cursor: str, epoch: str) -> int:
        """Apply one page and store its cursor in the same transaction. A record that fails
        the record schema (which the server checks too) is set aside, not applied, and the
        rest of the page goes on.

        The page is written a kind at a time: the rows it already has are read in one query,
        new records are inserted together, the others updated one by one."""
        applied = 0
        store = self.store
        clock = store.clock
        with store.transaction() as conn:
            good: dict[str, list[RecordState]] = {}
            latest = 0  # the latest clock stamp received: the clock follows it
            for state in page:
                kind = records.KINDS.get(state.kind)
                if kind is None:
                    continue  # a kind from a newer version: skip, do not fail the page
                problems = wire.check_record(kind, state.fields)
                if problems:
                    self._quarantine(state, problems)
                    continue
                good.setdefault(state.kind, []).append(state)
                latest = max(latest, state.hlc)
            if latest:
                clock.observe(latest)
            if good and conn.execute("SELECT 1 FROM sync_quarantine LIMIT 1").fetchone():
                # a valid version of a record set aside takes its place
                conn.executemany(
                    "DELETE FROM sync_quarantine WHERE record_kind = ? AND record_id = ?",
                    [(s.kind, s.record_id) for states in good.values() for s in states])
            now = utc_now()
            for name, states in good.items():
                applied += self._apply_kind(records.KINDS[name], states, now)
            conn.execute("UPDATE device SET hlc = ?", (clock.last,))
            for key, value in (("cursor", cursor), ("epoch", epoch)):
                conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                             (f"sync.{key}", json.dumps(value)))
        return applied

    def _quarantine(self, state: RecordState, problems: Sequence[FieldError]) -> None:
        self.store.conn.execute(
            "INSERT OR REPLACE INTO sync_quarantine (record_kind, record_id, province, "
            "version, state, errors, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (state.kind, state.record_id, state.province, state.version,
             json.dumps(state.to_json(), ensure_ascii=False),
             json.dumps([[e.field, e.code] for e in problems]), utc_now()))

    def quarantine_count(self) -> int:
        """Records received but set aside because they fail the record schema."""
        return int(self.store.conn.execute("SELECT count(*) FROM sync_quarantine")
                   .fetchone()[0])

    def quarantined(self) -> list[dict[str, Any]]:
        cur = self.store.conn.execute("SELECT record_kind, record_id, province, version, "
                                      "errors, at FROM sync_quarantine ORDER BY at")
        keys = ("kind", "record_id", "province", "version", "errors", "at")
        return [dict(zip(keys, r, strict=True)) for r in cur.fetchall()]

    def _apply_kind(self, kind: records.RecordKind, states: Sequence[RecordState],
                    now: str) -> int:
        """Apply records of one kind in order; returns how many changed something."""
        seen: set[str] = set()
        first: list[RecordState] = []
        again: list[RecordState] = []  # a record twice in one page: applied after, in order
        for state in states:
            (again if state.record_id in seen else first).append(state)
            seen.add(state.record_id)
        applied = self._apply_once(kind, first, now)
        if again:
            applied += self._apply_kind(kind, again, now)
        return applied

    def _apply_once(self, kind: records.RecordKind, states: Sequence[RecordState],
                    now: str) -> int:
        """Apply records of one kind, each named once."""
        conn = self.store.conn
        table = kind.table
        ids = [s.record_id for s in states]
        held: dict[str, tuple[int, str | None]] = {}
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i:i + _CHUNK]
            for rid, rowid, versions_json in conn.execute(
                    f"SELECT id, rowid, _versions FROM {table} WHERE id IN "
                    f"({','.join('?' * len(chunk))})", chunk):
                held[rid] = (rowid, versions_json)
        by_name = kind.by_name
        empty = wire.empty_stored(kind)
        inserts = []
        named: list[str] = []  # persons whose names changed: their search terms too
        for state in states:
            if state.record_id in held:
                continue
            # fields the server never received hold their empty value, as on the author's
            # laptop (a flag 0, choices [])
            fields = state.fields
            values = empty.copy()
            names = [n for n in fields if n in by_name]
            versions = dict.fromkeys(names, state.version)
            for n in names:
                values[n] = fields[n]
            for n, v in state.versions.items():  # those not at the record's version
                if n in versions:
                    versions[n] = v
            inserts.append((state.record_id, now, now, json.dumps(versions),
                            state.created_by, state.updated_by, *values.values()))
            named.append(state.record_id)
        if inserts:
            columns = ["id", "created_at", "updated_at", "_versions", "created_by",
                       "updated_by", *empty]
            conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) "
                             f"VALUES ({', '.join('?' * len(columns))})", inserts)
        applied = len(inserts)
        updated = [s for s in states if s.record_id in held]
        pending = self._pending_fields([s.record_id for s in updated]) if updated else {}
        for state in updated:
            rid = state.record_id
            if rid in pending and pending[rid] is None:
                continue  # created here and not yet acknowledged: ours is newer
            mine = pending.get(rid) or ()
            versions_json = held[rid][1]
            versions = json.loads(versions_json) if versions_json else {}
            values = {n: v for n, v in state.fields.items()
                      if n in by_name and n not in mine
                      and state.field_version(n) > versions.get(n, 0)}
            if not values:
                continue
            for n in values:
                versions[n] = state.field_version(n)
            assignments = ", ".join(f"{n} = ?" for n in values)
            conn.execute(f"UPDATE {table} SET {assignments}, updated_at = ?, "
                         "updated_by = coalesce(?, updated_by), _versions = ? WHERE id = ?",
                         (*values.values(), now, state.updated_by, json.dumps(versions), rid))
            applied += 1
            if not _NAME_FIELDS.isdisjoint(values):
                named.append(rid)
        if kind is PERSON:
            for rid in named:
                rowid, *name_values = conn.execute(
                    "SELECT rowid, name_ar, name_lat, nickname, cin FROM persons WHERE id = ?",
                    (rid,)).fetchone()
                conn.execute("DELETE FROM person_search WHERE rowid = ?", (rowid,))
                conn.execute("INSERT INTO person_search (rowid, terms) VALUES (?, ?)",
                             (rowid, person_terms(*name_values)))
        return applied

    # --- laptop restored -----------------------------------------------------------------

    def renumber_after_restore(self, server_last_mutation_id: int) -> None:
        """This vault was restored from a backup (``sync.restored``: its last mutation id at
        backup time) and the server may have received later mutations of this device, which
        the laptop lost: the changes made since the restore are renumbered after what the
        server has, so that none reuses an id the server knows with other content. Changes
        already pending at backup time keep their ids (the server has them with the same
        content, or not at all). What the laptop lost comes back with the pull."""
        store = self.store
        restored = store.setting("sync.restored")
        with store.transaction() as conn:
            if isinstance(restored, int) and server_last_mutation_id > restored:
                shift = server_last_mutation_id - restored
                for kind, rid, mid in conn.execute(
                        "SELECT kind, record_id, mutation_id FROM outbox WHERE payload IS NULL "
                        "AND mutation_id > ?", (restored,)).fetchall():
                    store.freeze_lazy(kind, rid, mid)  # rows point at their entry's old id
                # through negative ids: no two rows share an id in between
                conn.execute("UPDATE outbox SET mutation_id = -mutation_id "
                             "WHERE mutation_id > ?", (restored,))
                conn.execute("UPDATE outbox SET mutation_id = ? - mutation_id "
                             "WHERE mutation_id < 0", (shift,))
                conn.execute("UPDATE device SET last_mutation_id = max(last_mutation_id + ?, ?)",
                             (shift, server_last_mutation_id))
            conn.execute("DELETE FROM settings WHERE key = 'sync.restored'")

    # --- server restored -----------------------------------------------------------------

    def rebase(self, epoch: str, server_last_mutation_id: int) -> None:
        """The server lost our acknowledged changes (restored backup, new epoch): send again
        exactly what it lost (the ``sent`` log, then the outbox) as replays numbered right
        after what it has, forget the versions of the lost timeline and pull everything
        again from the start. When the log does not reach back far enough, every record
        this laptop wrote is sent again whole."""
        store = self.store
        last = server_last_mutation_id
        with store.transaction() as conn:
            for kind, rid, mid in conn.execute(
                    "SELECT kind, record_id, mutation_id FROM outbox WHERE payload IS NULL "
                    "ORDER BY mutation_id").fetchall():
                store.freeze_lazy(kind, rid, mid)
            first_pending = conn.execute("SELECT min(mutation_id) FROM outbox").fetchone()[0]
            acknowledged = (first_pending - 1 if first_pending is not None
                            else store.last_mutation_id())
            oldest_kept = conn.execute("SELECT min(mutation_id) FROM sent").fetchone()[0]
            if last >= acknowledged or (oldest_kept is not None and oldest_kept <= last + 1):
                self._replay_lost(last)
            else:
                self._resend_whole_records(last)
            for kind in records.KINDS.values():
                # versions of a timeline the server no longer has: the pull from the start
                # brings the restored server's (fields with a pending edit stay as they are)
                conn.execute(f"UPDATE {kind.table} SET _versions = NULL, _lazy = NULL")
            for key, value in (("epoch", epoch), ("cursor", None)):
                conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                             (f"sync.{key}", json.dumps(value)))

    def _replay_lost(self, last: int) -> None:
        conn = self.store.conn
        columns = "kind, record_id, op, payload, base, hlc, author"
        lost = conn.execute(f"SELECT {columns} FROM sent WHERE mutation_id > ? "
                            "ORDER BY mutation_id", (last,)).fetchall()
        lost += conn.execute(f"SELECT {columns} FROM outbox ORDER BY mutation_id").fetchall()
        conn.execute("DELETE FROM outbox")
        conn.execute("DELETE FROM sent WHERE mutation_id > ?", (last,))
        for i, (kind, rid, op, payload, base, hlc, author) in enumerate(lost):
            fields = json.loads(payload)
            row = conn.execute(f"SELECT province FROM {records.kind(kind).table} WHERE id = ?",
                               (rid,)).fetchone()
            if row is not None:
                fields.setdefault("province", row[0])  # a replay may have to create it
            conn.execute(
                "INSERT INTO outbox (mutation_id, kind, record_id, op, payload, base, hlc, "
                "author, replay) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)",
                (last + 1 + i, kind, rid, op, json.dumps(fields, ensure_ascii=False,
                                                         separators=(",", ":")),
                 base, hlc, author))
        conn.execute("UPDATE device SET last_mutation_id = ?", (last + len(lost),))

    def _resend_whole_records(self, last: int) -> None:
        store = self.store
        conn = store.conn
        conn.execute("DELETE FROM outbox")
        conn.execute("DELETE FROM sent WHERE mutation_id > ?", (last,))
        mine: list[tuple[str, str]] = []
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS _mine (id TEXT PRIMARY KEY)")
        conn.execute("DELETE FROM _mine")
        conn.execute("INSERT OR IGNORE INTO _mine SELECT member_id FROM members UNION "
                     "SELECT user_id FROM members WHERE user_id IS NOT NULL UNION SELECT ?",
                     (store.profile.user_name,))
        for name, kind in records.KINDS.items():
            conn.execute(f"UPDATE {kind.table} SET _lazy = NULL WHERE _lazy IS NOT NULL")
            # written here: by a member of this vault (by their id here or on the server),
            # or by the device's user on a vault from before members
            mine += [(name, rid) for (rid,) in conn.execute(
                f"SELECT id FROM {kind.table} WHERE created_by IN (SELECT id FROM _mine) "
                "OR updated_by IN (SELECT id FROM _mine) ORDER BY rowid")]
        conn.execute("UPDATE device SET last_mutation_id = ?", (last,))
        if mine:
            first, stamps = store.next_mutations(len(mine))
            user = store.author
            for i, (name, rid) in enumerate(mine):
                table = records.kind(name).table
                conn.execute(
                    "INSERT INTO outbox (mutation_id, kind, record_id, op, payload, base, hlc, "
                    "author) VALUES (?, ?, ?, 'create', ?, ?, ?, ?)",
                    (first + i, name, rid,
                     json.dumps(store.repo(name).stored_fields(rid), ensure_ascii=False,
                                separators=(",", ":")),
                     conn.execute(f"SELECT _versions FROM {table} WHERE id = ?",
                                  (rid,)).fetchone()[0], stamps[i], user))
