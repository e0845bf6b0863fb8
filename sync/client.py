"""The sync client: enrollment, push of the outbox in batches, paged pull, over HTTP(S) with
``requests``. Every call has a timeout; failures that may pass (network, 5xx, 429) are
retried with exponential backoff and jitter; everything is resumable at any point because
the server applies each mutation id once and the replica stores the pull cursor in the same
transaction as the page it applied.

The client knows the local database only through :class:`Replica` (implemented by
``fieldapp.store.replica``): sync imports neither Qt nor the store.
"""

from __future__ import annotations

import dataclasses
import email.utils
import gzip
import ipaddress
import json
import random
import re
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol
from urllib.parse import urlparse

import requests

from sync.protocol import (
    MAX_BATCH,
    PROTOCOL_VERSION,
    Change,
    PullRequest,
    PullResponse,
    PushRequest,
    PushResponse,
    RecordState,
    SyncError,
    SyncErrorKind,
)

USER_AGENT = "fieldapp-sync/1"


class Replica(Protocol):
    """What the client needs from the local store."""

    def sync_state(self) -> dict[str, Any]: ...  # url, token, epoch, cursor, device_id
    def save_enrollment(self, url: str, enrollment: dict[str, Any]) -> None: ...
    def pending_changes(self, limit: int, after: int = 0) -> list[Change]: ...
    def acknowledge(self, response: PushResponse) -> None: ...
    def apply_page(self, records: Sequence[RecordState], cursor: str, epoch: str) -> int: ...
    def quarantine_count(self) -> int: ...  # received records set aside (failed the schema)
    def rebase(self, epoch: str, server_last_mutation_id: int) -> None: ...
    def renumber_after_restore(self, server_last_mutation_id: int) -> None: ...
    def unregistered_members(self) -> list[dict[str, Any]]: ...
    def registered(self, member_id: str, user_id: str, role: str | None) -> None: ...
    def apply_members(self, answer: dict[str, Any]) -> list[str]: ...


def _is_loopback(host: str | None) -> bool:
    if host in ("localhost",):
        return True
    try:
        return ipaddress.ip_address(host or "").is_loopback
    except ValueError:
        return False


@dataclass
class HttpClient:
    """One server. ``ca_bundle``: a CA file to trust (certificates are always verified)."""

    base_url: str
    token: str | None = None
    ca_bundle: str | None = None
    timeout: tuple[float, float] = (5.0, 60.0)
    retries: int = 5
    backoff: float = 0.5
    max_backoff: float = 30.0
    session: requests.Session = field(default_factory=requests.Session)
    sleep: Callable[[float], None] = time.sleep
    bytes_sent: int = 0
    bytes_received: int = 0
    # the protocol spoken: the newest, until a server says it does not know it yet
    protocol: int = PROTOCOL_VERSION

    def __post_init__(self) -> None:
        try:
            url = urlparse(self.base_url)
            host = url.hostname
        except ValueError:  # e.g. an unclosed [ in the host
            host = None
        if not host or url.scheme not in ("https", "http"):
            raise SyncError(SyncErrorKind.ADDRESS, "not_a_url")
        if url.scheme == "http" and not _is_loopback(host):
            raise SyncError(SyncErrorKind.ADDRESS, "plain_http")
        self.base_url = self.base_url.rstrip("/")
        self.session.headers["User-Agent"] = USER_AGENT

    def _call(self, method: str, path: str, body: Any = None) -> Any:
        """One request with retries; returns the decoded JSON or raises SyncError."""
        headers = {"Accept-Encoding": "gzip"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        data = None
        if body is not None:
            raw = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
            headers["Content-Type"] = "application/json"
            if len(raw) > 1024:
                raw = gzip.compress(raw, compresslevel=5)
                headers["Content-Encoding"] = "gzip"
            data = raw
        attempt = 0
        while True:
            wait_at_least = 0.0  # the server's Retry-After, when it said one
            try:
                response = self.session.request(
                    method, self.base_url + path, data=data, headers=headers,
                    timeout=self.timeout, verify=self.ca_bundle or True)
                self.bytes_sent += len(data or b"")
                # bytes on the wire (compressed), as bytes_sent counts them
                self.bytes_received += response.raw.tell() or len(response.content)
            except requests.exceptions.SSLError as e:
                raise SyncError(SyncErrorKind.TLS, type(e).__name__) from e
            except requests.RequestException as e:
                # refused, reset, timed out, or a body cut short (ChunkedEncodingError,
                # ContentDecodingError): the network failed, the request may be retried
                error = SyncError(SyncErrorKind.NETWORK, type(e).__name__)
            else:
                if response.status_code < 400:
                    try:
                        return response.json()
                    except ValueError:
                        error = SyncError(SyncErrorKind.SERVER, "not JSON", 502)
                else:
                    error = _error_of(response)
                    if error.kind not in (SyncErrorKind.SERVER, SyncErrorKind.RATE_LIMITED):
                        raise error
                    wait_at_least = retry_after(response.headers.get("Retry-After"))
            attempt += 1
            if attempt > self.retries:
                raise error
            delay = min(self.max_backoff, self.backoff * 2 ** (attempt - 1))
            # jitter spreads the retries; never sooner than the server asked
            self.sleep(max(delay * (0.5 + random.random()), wait_at_least))

    def enroll(self, code: str, device_name: str) -> dict[str, Any]:
        if not is_enrollment_code(code):
            # checked here, before anything is sent: a typo is not a failed guess
            raise SyncError(SyncErrorKind.ENROLLMENT, "bad_format")
        try:
            result: dict[str, Any] = self._call("POST", "/v1/enroll",
                                                {"code": code, "device_name": device_name})
        except SyncError as e:
            if e.status == 401:
                raise SyncError(SyncErrorKind.ENROLLMENT, e.detail, 401) from None
            raise
        return result

    def push(self, request: PushRequest) -> PushResponse:
        return PushResponse.from_json(self._spoken("push", request))

    def pull(self, request: PullRequest) -> PullResponse:
        return PullResponse.from_json(self._spoken("pull", request))

    def _spoken(self, what: str, request: PushRequest | PullRequest) -> Any:
        """POST the request in the newest protocol both sides speak: a server older than
        this laptop refuses the newer one (422 ``<what>.protocol: unsupported version``),
        and is spoken to in protocol 1 from then on."""
        while True:
            if request.protocol > self.protocol:
                request = dataclasses.replace(request, protocol=self.protocol)
            try:
                return self._call("POST", f"/v1/{what}", request.to_json())
            except SyncError as e:
                body = getattr(e, "body", None) or {}
                older = (e.status == 422 and request.protocol > 1
                         and str(body.get("detail", "")).startswith(
                             f"{what}.protocol: unsupported version"))
                if not older:
                    raise
                self.protocol = request.protocol - 1

    def status(self) -> dict[str, Any]:
        result: dict[str, Any] = self._call("GET", "/v1/status")
        return result

    def members(self) -> dict[str, Any]:
        result: dict[str, Any] = self._call("GET", "/v1/members")
        return result

    def join(self, code: str) -> dict[str, Any]:
        """A member joins this device with their own one-time code."""
        if not is_enrollment_code(code):
            raise SyncError(SyncErrorKind.ENROLLMENT, "bad_format")
        try:
            result: dict[str, Any] = self._call("POST", "/v1/members/join", {"code": code})
        except SyncError as e:
            body = getattr(e, "body", None) or {}
            if e.status == 401 and body.get("error") in ("bad_code", "expired_code"):
                raise SyncError(SyncErrorKind.ENROLLMENT, str(body["error"]), 401) from None
            raise
        return result

    def vouch(self, user_id: str, name: str, role: str, by: str) -> dict[str, Any]:
        result: dict[str, Any] = self._call("POST", "/v1/members/vouch", {
            "user_id": user_id, "name": name, "role": role, "by": by})
        return result


def is_enrollment_code(code: str) -> bool:
    """The form of the administrator's codes: 16 hexadecimal digits, usually written in four
    groups (``1A2B-3C4D-5E6F-7A8B``); dashes, spaces and case do not matter."""
    return re.fullmatch(r"[0-9A-Fa-f]{16}", re.sub(r"[\s\-]", "", code)) is not None


MAX_RETRY_AFTER = 300.0  # seconds: a longer wait is left to the next sync


def retry_after(value: str | None) -> float:
    """Seconds to wait from a ``Retry-After`` header (seconds, or an HTTP date); 0 when
    absent or unreadable, at most :data:`MAX_RETRY_AFTER`."""
    if not value:
        return 0.0
    try:
        seconds = float(value.strip())
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return 0.0
        if when.tzinfo is None:
            return 0.0
        seconds = (when - datetime.now(UTC)).total_seconds()
    if seconds != seconds:  # NaN
        return 0.0
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


def _error_of(response: requests.Response) -> SyncError:
    try:
        body = response.json()
        code = str(body.get("error", ""))
    except ValueError:
        body, code = {}, ""
    status = response.status_code
    kind = {401: SyncErrorKind.AUTH, 403: SyncErrorKind.FORBIDDEN, 409: SyncErrorKind.CONFLICT,
            429: SyncErrorKind.RATE_LIMITED}.get(status)
    if kind is None:
        kind = SyncErrorKind.SERVER if status >= 500 else SyncErrorKind.PROTOCOL
    error = SyncError(kind, code, status)
    error.body = body  # type: ignore[attr-defined]
    return error


@dataclass
class SyncReport:
    pushed: int = 0
    rejected: int = 0
    conflicts: int = 0
    pulled: int = 0
    quarantined: int = 0  # records received that failed the record schema, set aside
    rebased: bool = False
    problems: list[SyncError] = field(default_factory=list)
    removed_members: list[str] = field(default_factory=list)  # taken off it by the server


Progress = Callable[[str, int, int], None]  # (phase, done, total)


def enroll(replica: Replica, url: str, code: str, device_name: str = "",
           ca_bundle: str | None = None) -> dict[str, Any]:
    """Exchange a one-time code for a device token kept inside the encrypted vault."""
    client = HttpClient(url, ca_bundle=ca_bundle)
    enrollment = client.enroll(code, device_name)
    replica.save_enrollment(url, enrollment)
    return enrollment


def sync(replica: Replica, client: HttpClient | None = None, *, ca_bundle: str | None = None,
         progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
         page_size: int = 500) -> SyncReport:
    """Push everything pending, then pull until up to date. Safe to interrupt anywhere."""
    state = replica.sync_state()
    if not state.get("token"):
        raise SyncError(SyncErrorKind.AUTH, "not enrolled")
    client = client or HttpClient(state["url"], state["token"], ca_bundle=ca_bundle)
    report = SyncReport()
    set_aside = replica.quarantine_count()
    if state.get("restored") is not None:
        # the laptop was restored from a backup: the server may know later mutation ids
        replica.renumber_after_restore(int(client.status()["last_mutation_id"]))
        state = replica.sync_state()
    _sync_members(replica, client, report)
    with ThreadPoolExecutor(1, thread_name_prefix="fieldapp-sync") as network:
        for _ in range(2):  # a second round only when the pull found a restored server
            _push_all(replica, client, state, report, progress, cancelled, network)
            if not _pull_all(replica, client, report, progress, cancelled, page_size,
                             network):
                break
    report.quarantined = max(0, replica.quarantine_count() - set_aside)
    return report


def _sync_members(replica: Replica, client: HttpClient, report: SyncReport) -> None:
    """Before the changes: the members a centre head added on this laptop are made known to
    the server (it makes their users, or says why not: their changes are then refused as
    by an unknown author, and stay on the laptop), then what the server says of the
    device's members is kept (roles, members taken off it, the scope's users, the
    recovery key). A server from before members (404) is left at that."""
    for member in replica.unregistered_members():
        if not member.get("by"):
            continue  # added by a member the server does not know yet: next time
        try:
            answer = client.vouch(member["member_id"], member["name"],
                                  member["role"] or "field_worker", member["by"])
        except SyncError as e:
            if e.status == 404:
                return
            if e.status in (400, 403, 409):
                report.problems.append(e)
                continue
            raise
        replica.registered(member["member_id"], answer["user_id"], answer.get("role"))
    try:
        answer = client.members()
    except SyncError as e:
        if e.status == 404:
            return
        raise
    report.removed_members = replica.apply_members(answer)


def push(replica: Replica, client: HttpClient, *, progress: Progress | None = None,
         cancelled: Callable[[], bool] | None = None) -> SyncReport:
    """Only the push half of :func:`sync`: everything pending, acknowledged."""
    report = SyncReport()
    with ThreadPoolExecutor(1, thread_name_prefix="fieldapp-sync") as network:
        _push_all(replica, client, replica.sync_state(), report, progress, cancelled, network)
    return report


def _push_all(replica: Replica, client: HttpClient, state: dict[str, Any], report: SyncReport,
              progress: Progress | None, cancelled: Callable[[], bool] | None,
              network: ThreadPoolExecutor) -> None:
    total = int(state.get("pending", 0))
    for _ in range(3):  # at most two rebases after epoch changes
        try:
            _push_batches(replica, client, report, progress, cancelled, network, total)
            return
        except SyncError as e:
            body = getattr(e, "body", {}) or {}
            if e.kind is SyncErrorKind.CONFLICT and body.get("error") in ("epoch_changed",
                                                                           "gap"):
                # the server was restored from a backup (or lost our last batches):
                # renumber what we have after what it has, re-send what it lost
                replica.rebase(str(body["epoch"]), int(body["last_mutation_id"]))
                report.rebased = True
                continue
            raise
    raise SyncError(SyncErrorKind.SERVER, "the server keeps changing epoch")


def _push_batches(replica: Replica, client: HttpClient, report: SyncReport,
                  progress: Progress | None, cancelled: Callable[[], bool] | None,
                  network: ThreadPoolExecutor, total: int) -> None:
    """The outbox in batches, in order. A batch is sent only once the server has answered
    the one before (it takes a device's mutations in order, without gaps), but the laptop's
    work overlaps the server's: while the server applies a batch, the laptop reads the next
    one from its outbox and writes down the answer to the previous one. An answer not yet
    written down when the sync stops is harmless: its changes are sent again, and the
    server answers them as duplicates."""
    changes = replica.pending_changes(MAX_BATCH)
    epoch = replica.sync_state().get("epoch")
    while changes and not (cancelled and cancelled()):
        flight: Future[PushResponse] | None = network.submit(
            client.push, PushRequest(tuple(changes), epoch))
        reread = False
        while flight is not None:
            sent = changes[-1].mutation_id
            changes = replica.pending_changes(MAX_BATCH, after=sent)
            response = flight.result()
            flight = None
            epoch = response.epoch
            if response.last_mutation_id != sent:
                reread = True  # the server's count is not ours (a restore): read again
            elif changes and not (cancelled and cancelled()):
                flight = network.submit(client.push, PushRequest(tuple(changes), epoch))
            replica.acknowledge(response)
            report.pushed += sum(o.status == "applied" for o in response.outcomes)
            report.rejected += sum(o.status == "rejected" for o in response.outcomes)
            report.conflicts += sum(len(o.conflicts) for o in response.outcomes)
            if progress:
                progress("push", min(report.pushed + report.rejected, total), total)
        if reread:
            changes = replica.pending_changes(MAX_BATCH)


def _pull_all(replica: Replica, client: HttpClient, report: SyncReport,
              progress: Progress | None, cancelled: Callable[[], bool] | None,
              page_size: int, network: ThreadPoolExecutor) -> bool:
    """Pull until up to date; True when the server turned out restored (push again).

    The next page is asked for as soon as a page arrives (its cursor is in the answer), so
    the server reads it while the laptop writes this one; each page is still written with
    its own cursor in one local transaction, in order."""
    if cancelled and cancelled():
        return False
    state = replica.sync_state()
    epoch = state.get("epoch")
    flight = network.submit(client.pull, PullRequest(state.get("cursor"), page_size))
    while True:
        try:
            response = flight.result()
        except SyncError as e:
            body = getattr(e, "body", {}) or {}
            if e.kind is SyncErrorKind.CONFLICT and body.get("error") == "cursor_unknown":
                # the server was restored from a backup older than our cursor
                replica.rebase(str(body["epoch"]), int(body["last_mutation_id"]))
                report.rebased = True
                return True
            raise
        if epoch and response.epoch != epoch:
            replica.rebase(response.epoch, response.last_mutation_id)
            report.rebased = True
            return True
        more = response.has_more and not (cancelled and cancelled())
        if more:
            flight = network.submit(client.pull, PullRequest(response.cursor, page_size))
        report.pulled += replica.apply_page(response.records, response.cursor, response.epoch)
        epoch = response.epoch
        if progress:
            progress("pull", report.pulled, report.pulled + (page_size if response.has_more
                                                             else 0))
        if not more:
            return False
