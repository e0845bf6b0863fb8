"""The sync wire format shared by client and server (versioned), the merge rule, and the
hybrid logical clock. See docs/sync-protocol.md for the whole protocol.

Everything here is plain data: JSON-ready dicts are parsed into frozen dataclasses with strict
checks (:class:`ProtocolError` names what is wrong), so the server refuses malformed bodies
before touching storage and the client never trusts a server blindly either.

Ordering and cursors come from the server's per-province versions, never from clocks: the
clock stamps edits for display and tie-breaks only.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

# 2: a pull answer's ``versions`` name only the fields written before the record's own
# ``version`` (the others were written at it). The server answers each request in the
# protocol it was asked in, so laptops that speak 1 keep working; a laptop speaks 2 and
# falls back to 1 with a server that does not know 2 yet.
# 3: a change's ``author`` is the id the server gave its user (a member of the laptop the
# device vouches for); a pulled record names who created it and who last changed it
# (``created_by``, ``updated_by``: user ids). The server checks authors and their roles
# in every protocol; the answers of 1 and 2 leave the two names out.
PROTOCOL_VERSION = 3
PROTOCOLS = (1, 2, 3)  # understood by this server
MAX_BATCH = 500  # changes per push
MAX_PAGE = 1000  # changes per pull page
MAX_FIELDS = 64
MAX_INT = 2**63 - 1  # every integer is stored in a signed 64-bit column (BIGINT)

_COUNTER_BITS = 16
_COUNTER_MASK = (1 << _COUNTER_BITS) - 1


# --- errors ---------------------------------------------------------------------------------


class SyncErrorKind(Enum):
    """Typed sync failures (STYLE.md rule 5): the UI maps each kind to a sentence."""

    NETWORK = "network"  # no connection, timeout, reset
    SERVER = "server"  # 5xx, or an answer that is not the protocol
    AUTH = "auth"  # 401: unknown or revoked device
    FORBIDDEN = "forbidden"  # 403: outside the device's scope
    CONFLICT = "conflict"  # 409: mutation id reused with other content
    REJECTED = "rejected"  # the server consumed changes it could not accept
    PROTOCOL = "protocol"  # 400/422, or a newer protocol
    ENROLLMENT = "enrollment"  # enrollment code unknown, used or expired
    RATE_LIMITED = "rate_limited"  # 429
    TLS = "tls"  # certificate not trusted
    ADDRESS = "address"  # not a server address, or plain http:// to another computer


class SyncError(Exception):
    def __init__(self, kind: SyncErrorKind, detail: str = "", status: int | None = None) -> None:
        self.kind = kind
        self.detail = detail
        self.status = status
        super().__init__(f"{kind.value}: {detail}" if detail else kind.value)


class ProtocolError(ValueError):
    """A message does not follow the wire format; ``where`` names the part."""

    def __init__(self, where: str, problem: str) -> None:
        self.where = where
        self.problem = problem
        super().__init__(f"{where}: {problem}")


# --- checks ---------------------------------------------------------------------------------


def _req(d: Mapping[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if type(d) is not dict and not isinstance(d, Mapping):
        raise ProtocolError(where, "expected an object")
    if key not in d:
        raise ProtocolError(f"{where}.{key}", "missing")
    value = d[key]
    if type(value) is kind:  # the usual case, told at once (a bool is not of type int)
        return value
    if isinstance(value, bool) and kind is int:
        raise ProtocolError(f"{where}.{key}", "expected an integer")
    if not isinstance(value, kind):
        raise ProtocolError(f"{where}.{key}", f"wrong type {type(value).__name__}")
    return value


_IDENT = re.compile(r"[\w\-:.]{1,64}", re.ASCII).fullmatch
# names already found to be identifiers: field names, kinds, provinces repeat in every
# record of every message, so each is matched once (bounded: a flood of new names only
# stops the remembering, never the check)
_NAMES: set[str] = set()
_MAX_NAMES = 4096


def _ident(value: str, where: str) -> str:
    if _IDENT(value) is None:
        raise ProtocolError(where, "not an identifier")
    return value


def _name(value: str, where: str) -> str:
    """:func:`_ident` for names that repeat (kinds, provinces, field names)."""
    if value in _NAMES:
        return value
    _ident(value, where)
    if len(_NAMES) < _MAX_NAMES:
        _NAMES.add(value)
    return value


def _names(names: Mapping[str, Any], where: str) -> None:
    """Every key of ``names`` is an identifier."""
    if not _NAMES.issuperset(names):
        for name in names:
            _name(name, f"{where}.{name}")


def _protocol(d: Mapping[str, Any], where: str) -> int:
    protocol: int = _req(d, "protocol", int, where)
    if protocol not in PROTOCOLS:
        raise ProtocolError(f"{where}.protocol", f"unsupported version {protocol}")
    return protocol


def _check_text(value: str, where: str) -> str:
    """Text that can be stored: no lone surrogates (JSON's "\\ud800" is not UTF-8)."""
    if value.isascii():
        return value
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ProtocolError(where, "not valid text") from None
    return value


def _check_fields(fields: Any, where: str) -> dict[str, Any]:
    """The envelope of a record's fields: an object of at most MAX_FIELDS identifiers.

    The values are not judged here: each record kind's schema (``fieldapp.domain.wire``)
    judges them change by change on the server, and record by record on the laptop, so that
    one bad value is refused alone and never takes a whole batch or page with it."""
    if not isinstance(fields, dict):
        raise ProtocolError(where, "expected an object")
    if len(fields) > MAX_FIELDS:
        raise ProtocolError(where, "too many fields")
    _names(fields, where)
    return dict(fields)


def _check_versions(versions: Any, where: str) -> dict[str, int]:
    if not isinstance(versions, dict) or len(versions) > MAX_FIELDS:
        raise ProtocolError(where, "expected an object of versions")
    _names(versions, where)
    for name, v in versions.items():
        # type(v) is int: neither a bool nor a float
        if type(v) is not int or not 0 <= v <= MAX_INT:
            raise ProtocolError(f"{where}.{name}", "expected a version number")
    return dict(versions)


def _stamp(value: Any, where: str) -> int:
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_INT:
        raise ProtocolError(where, "from 0 to 2**63-1")
    return value


def _optional_text(value: Any, where: str) -> str | None:
    if value is not None and (not isinstance(value, str) or len(value) > 120):
        raise ProtocolError(where, "text of at most 120 characters")
    return value


# --- messages -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One local edit as pushed: the fields it wrote (stored shape) and, per field, the
    server version the author's copy was at (0: never seen from the server)."""

    mutation_id: int
    kind: str
    record_id: str
    op: str  # "create" | "update"
    fields: dict[str, Any]
    base: dict[str, int]
    hlc: int
    author: str | None = None
    # sent again after the server was restored from a backup: applied field by field
    # only where the server holds no later write (by hlc), and never a conflict
    replay: bool = False

    def to_json(self) -> dict[str, Any]:
        out = {"mutation_id": self.mutation_id, "kind": self.kind,
               "record_id": self.record_id, "op": self.op, "fields": self.fields,
               "base": self.base, "hlc": self.hlc, "author": self.author}
        if self.replay:
            out["replay"] = True
        return out

    @classmethod
    def from_json(cls, d: Any, where: str = "change") -> Change:
        mid = _req(d, "mutation_id", int, where)
        if not 1 <= mid <= MAX_INT:
            raise ProtocolError(f"{where}.mutation_id", "from 1 to 2**63-1")
        op = _req(d, "op", str, where)
        if op not in ("create", "update"):
            raise ProtocolError(f"{where}.op", "create or update")
        author = d.get("author")
        if author is not None and (not isinstance(author, str) or len(author) > 120):
            raise ProtocolError(f"{where}.author", "text of at most 120 characters")
        if author is not None:
            _check_text(author, f"{where}.author")
        hlc = _req(d, "hlc", int, where)
        if not 0 <= hlc <= MAX_INT:
            raise ProtocolError(f"{where}.hlc", "from 0 to 2**63-1")
        replay = d.get("replay", False)
        if not isinstance(replay, bool):
            raise ProtocolError(f"{where}.replay", "true or false")
        return cls(mid, _name(_req(d, "kind", str, where), f"{where}.kind"),
                   _ident(_req(d, "record_id", str, where), f"{where}.record_id"), op,
                   _check_fields(_req(d, "fields", dict, where), f"{where}.fields"),
                   _check_versions(d.get("base", {}), f"{where}.base"), hlc, author, replay)


@dataclass(frozen=True)
class PushRequest:
    changes: tuple[Change, ...]
    epoch: str | None = None  # the epoch the device last saw
    protocol: int = PROTOCOL_VERSION

    def to_json(self) -> dict[str, Any]:
        return {"protocol": self.protocol, "epoch": self.epoch,
                "changes": [c.to_json() for c in self.changes]}

    @classmethod
    def from_json(cls, d: Any) -> PushRequest:
        protocol = _protocol(d, "push")
        raw = _req(d, "changes", list, "push")
        if len(raw) > MAX_BATCH:
            raise ProtocolError("push.changes", f"at most {MAX_BATCH} changes")
        changes = tuple(Change.from_json(c, f"push.changes[{i}]") for i, c in enumerate(raw))
        ids = [c.mutation_id for c in changes]
        if ids != sorted(ids) or len(set(ids)) != len(ids):
            raise ProtocolError("push.changes", "mutation ids must increase")
        epoch = d.get("epoch")
        if epoch is not None and not isinstance(epoch, str):
            raise ProtocolError("push.epoch", "text")
        return cls(changes, epoch, protocol)


@dataclass(frozen=True)
class Outcome:
    """What became of one pushed change."""

    mutation_id: int
    status: str  # "applied" | "duplicate" | "rejected"
    code: str | None = None  # why it was rejected
    errors: tuple[tuple[str, str], ...] = ()  # (field, error code)
    conflicts: tuple[str, ...] = ()  # fields whose other value was kept in a conflict record

    def to_json(self) -> dict[str, Any]:
        return {"mutation_id": self.mutation_id, "status": self.status, "code": self.code,
                "errors": [list(e) for e in self.errors], "conflicts": list(self.conflicts)}

    @classmethod
    def from_json(cls, d: Any) -> Outcome:
        status = _req(d, "status", str, "outcome")
        if status not in ("applied", "duplicate", "rejected"):
            raise ProtocolError("outcome.status", "unknown")
        return cls(_req(d, "mutation_id", int, "outcome"), status, d.get("code"),
                   tuple((str(f), str(c)) for f, c in d.get("errors", [])),
                   tuple(str(f) for f in d.get("conflicts", [])))


@dataclass(frozen=True)
class PushResponse:
    last_mutation_id: int
    epoch: str
    outcomes: tuple[Outcome, ...]
    protocol: int = PROTOCOL_VERSION  # the request's

    def to_json(self) -> dict[str, Any]:
        return {"protocol": self.protocol, "last_mutation_id": self.last_mutation_id,
                "epoch": self.epoch, "outcomes": [o.to_json() for o in self.outcomes]}

    @classmethod
    def from_json(cls, d: Any) -> PushResponse:
        return cls(_req(d, "last_mutation_id", int, "push_response"),
                   _req(d, "epoch", str, "push_response"),
                   tuple(Outcome.from_json(o) for o in _req(d, "outcomes", list,
                                                            "push_response")))


@dataclass(frozen=True)
class RecordState:
    """A record as the server holds it after ``version``: every field's value and the
    version it was last written at (the pull sends current state, not history).

    ``versions`` may leave out the fields written at the record's own ``version`` (protocol
    2 does, which takes most of the weight off a pull): :meth:`field_version` reads
    either form."""

    province: str
    version: int  # the record's latest version in its province
    kind: str
    record_id: str
    fields: dict[str, Any]
    versions: dict[str, int]
    hlc: int = 0
    device_id: str | None = None
    created_by: str | None = None  # user ids (protocol 3); None when unknown
    updated_by: str | None = None

    def field_version(self, name: str) -> int:
        """The version the field ``name`` was last written at."""
        return self.versions.get(name, self.version)

    def to_json(self, protocol: int = PROTOCOL_VERSION) -> dict[str, Any]:
        version = self.version
        versions = (self.versions if protocol < 2
                    else {n: v for n, v in self.versions.items() if v != version})
        out = {"province": self.province, "version": version, "kind": self.kind,
               "record_id": self.record_id, "fields": self.fields, "versions": versions,
               "hlc": self.hlc, "device_id": self.device_id}
        if protocol >= 3:
            out["created_by"], out["updated_by"] = self.created_by, self.updated_by
        return out

    @classmethod
    def from_json(cls, d: Any) -> RecordState:
        where = "record"
        if not isinstance(d, dict):
            raise ProtocolError(where, "expected an object")
        return cls(_name(_req(d, "province", str, where), "record.province"),
                   _req(d, "version", int, where),
                   _name(_req(d, "kind", str, where), "record.kind"),
                   _ident(_req(d, "record_id", str, where), "record.record_id"),
                   _check_fields(_req(d, "fields", dict, where), "record.fields"),
                   _check_versions(_req(d, "versions", dict, where), "record.versions"),
                   _stamp(d.get("hlc"), "record.hlc"),
                   _optional_text(d.get("device_id"), "record.device_id"),
                   _optional_text(d.get("created_by"), "record.created_by"),
                   _optional_text(d.get("updated_by"), "record.updated_by"))


Cursor = dict[str, int]  # province → last version received
_COMPACT = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode


def encode_cursor(cursor: Mapping[str, int]) -> str:
    raw = json.dumps(dict(sorted(cursor.items())), separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode("ascii")


def decode_cursor(text: str | None) -> Cursor:
    if not text:
        return {}
    try:
        value = json.loads(base64.urlsafe_b64decode(text.encode("ascii")))
    except (ValueError, binascii.Error, UnicodeError, RecursionError):
        raise ProtocolError("pull.cursor", "unreadable") from None
    return _check_versions(value, "pull.cursor")


@dataclass(frozen=True)
class PullRequest:
    cursor: str | None = None
    limit: int = 500
    protocol: int = PROTOCOL_VERSION

    def to_json(self) -> dict[str, Any]:
        return {"protocol": self.protocol, "cursor": self.cursor, "limit": self.limit}

    @classmethod
    def from_json(cls, d: Any) -> PullRequest:
        protocol = _protocol(d, "pull")
        limit = _req(d, "limit", int, "pull")
        if not 1 <= limit <= MAX_PAGE:
            raise ProtocolError("pull.limit", f"from 1 to {MAX_PAGE}")
        cursor = d.get("cursor")
        if cursor is not None and not isinstance(cursor, str):
            raise ProtocolError("pull.cursor", "text")
        decode_cursor(cursor)
        return cls(cursor, limit, protocol)


@dataclass(frozen=True)
class PullResponse:
    records: tuple[RecordState, ...]
    cursor: str
    has_more: bool
    last_mutation_id: int
    epoch: str
    scope_counts: dict[str, int] = field(default_factory=dict)  # records per province
    protocol: int = PROTOCOL_VERSION  # the request's: the form of the records' versions

    def to_json(self) -> dict[str, Any]:
        protocol = self.protocol
        return {"protocol": protocol, "records": [r.to_json(protocol) for r in self.records],
                "cursor": self.cursor, "has_more": self.has_more,
                "last_mutation_id": self.last_mutation_id, "epoch": self.epoch,
                "scope_counts": self.scope_counts}

    @staticmethod
    def json_text(records: Sequence[str], cursor: str, has_more: bool, last_mutation_id: int,
                  epoch: str, scope_counts: Mapping[str, int],
                  protocol: int = PROTOCOL_VERSION) -> str:
        """The JSON of an answer whose records are JSON already (``RecordState.to_json``,
        written as ``json.dumps(..., ensure_ascii=False, separators=(",", ":"))``): the
        text :meth:`to_json` makes, without reading the records again."""
        dump = _COMPACT
        return (f'{{"protocol":{dump(protocol)},"records":[{",".join(records)}],'
                f'"cursor":{dump(cursor)},"has_more":{dump(has_more)},'
                f'"last_mutation_id":{dump(last_mutation_id)},"epoch":{dump(epoch)},'
                f'"scope_counts":{dump(dict(scope_counts))}}}')

    @classmethod
    def from_json(cls, d: Any) -> PullResponse:
        where = "pull_response"
        cursor = _req(d, "cursor", str, where)
        decode_cursor(cursor)
        return cls(tuple(RecordState.from_json(r) for r in _req(d, "records", list, where)),
                   cursor, bool(_req(d, "has_more", bool, where)),
                   _req(d, "last_mutation_id", int, where), _req(d, "epoch", str, where),
                   _check_versions(d.get("scope_counts", {}), "pull_response.scope_counts"))


# --- the merge rule -------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldWrite:
    """The current value of one field on the server and who wrote it."""

    value: Any
    version: int
    hlc: int = 0
    device_id: str | None = None
    author: str | None = None


@dataclass(frozen=True)
class MergeResult:
    fields: dict[str, Any]  # the fields the change writes
    overwritten: dict[str, FieldWrite]  # concurrent values that lose: keep as conflicts


def merge_change(current: Mapping[str, FieldWrite], change: Change,
                 device_id: str | None = None) -> MergeResult:
    """Apply a change field by field in server order.

    A field whose current version is above the change's base for that field, written by
    another device, was written concurrently: the change, later in server order, decides
    the current value, and the other value is returned in ``overwritten`` to be kept as a
    conflict record (unless both wrote the same value). A device's own earlier write is not
    concurrent (its edits are ordered by its mutation ids). Fields the change does not
    touch keep their values, so edits to different fields of one record merge.
    """
    overwritten = {}
    for name, value in change.fields.items():
        now = current.get(name)
        if now is None or now.value == value:
            continue
        if device_id is not None and now.device_id == device_id:
            continue
        if now.version > change.base.get(name, 0):
            overwritten[name] = now
    return MergeResult(dict(change.fields), overwritten)


# --- the clock ------------------------------------------------------------------------------


def hlc_pack(wall_ms: int, counter: int) -> int:
    return wall_ms << _COUNTER_BITS | counter


def hlc_unpack(stamp: int) -> tuple[int, int]:
    return stamp >> _COUNTER_BITS, stamp & _COUNTER_MASK


class HybridClock:
    """A hybrid logical clock (Kulkarni et al.): never goes backwards, follows wall time.

    Stamps are integers (milliseconds << 16 | counter) that sort in causal order on one device
    and roughly in wall-clock order across devices.
    """

    def __init__(self, last: int = 0, wall_ms: Callable[[], int] | None = None) -> None:
        self.last = last
        self._wall_ms = wall_ms or (lambda: time.time_ns() // 1_000_000)

    def tick(self) -> int:
        """Stamp for a local event."""
        wall = self._wall_ms()
        last_wall, counter = hlc_unpack(self.last)
        if wall > last_wall:
            self.last = hlc_pack(wall, 0)
        elif counter < _COUNTER_MASK:
            self.last = hlc_pack(last_wall, counter + 1)
        else:
            self.last = hlc_pack(last_wall + 1, 0)
        return self.last

    def observe(self, remote: int) -> int:
        """Merge a stamp received from elsewhere; returns the new local stamp."""
        wall = self._wall_ms()
        l_wall, l_count = hlc_unpack(self.last)
        r_wall, r_count = hlc_unpack(remote)
        top = max(wall, l_wall, r_wall)
        if top == l_wall == r_wall:
            counter = max(l_count, r_count) + 1
        elif top == l_wall:
            counter = l_count + 1
        elif top == r_wall:
            counter = r_count + 1
        else:
            counter = 0
        if counter > _COUNTER_MASK:
            top, counter = top + 1, 0
        self.last = hlc_pack(top, counter)
        return self.last
