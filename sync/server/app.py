"""The HTTP face of the server (FastAPI): strict input, clear 4xx errors, size limits,
per-device rate limiting, gzip both ways, and logs without personal data or tokens.

Endpoints (all JSON; the OpenAPI description is at /openapi.json):
    POST /v1/enroll   {code, device_name}          → device id, token, scope, epoch
    POST /v1/push     PushRequest (Bearer token)   → PushResponse
    POST /v1/pull     PullRequest (Bearer token)   → PullResponse
    GET  /v1/status   (Bearer token)               → device id, scope, last mutation, epoch
    GET  /health                                    → ok
"""

from __future__ import annotations

import json
import logging
import os
import re
import threading
import time
import zlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync.protocol import PROTOCOL_VERSION, ProtocolError, PullRequest, PushRequest
from sync.server.accounts import Device, ServiceError, token_hash
from sync.server.openapi import install_openapi
from sync.server.service import Service
from sync.server.storage import POOL_SIZE

log = logging.getLogger("fieldapp.server")

MAX_BODY = 8 * 1024 * 1024  # bytes after decompression
MAX_WIRE_BODY = 4 * 1024 * 1024  # bytes as received
MAX_ENROLL_BODY = 16 * 1024  # an enrollment is a code and a device name
MAX_CODE = 64
GZIP_MINIMUM = 1024  # bytes: smaller answers go as they are
# zlib's fast levels (1-3) compress a page of 500 records in half the time of level 6 and
# 4x faster than level 9 (Starlette's default), to within ~20 % of their size (a page of
# encounters: 36 KB at 3, 30 KB at 6, 29 KB at 9; 315 KB as JSON): under load the server's
# time is what the devices wait for
GZIP_LEVEL = 3
_CONTROL = re.compile("[\x00-\x1f\x7f]")
# as Starlette's JSONResponse writes an answer
_ANSWER = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode


class RateLimiter:
    """A token bucket per key, in this instance's memory: ``rate`` requests per second with
    bursts of ``burst``. Several instances each apply it (documented)."""

    def __init__(self, rate: float, burst: int) -> None:
        self.rate, self.burst = rate, burst
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def _tokens(self, key: str, now: float) -> float:
        tokens, last = self._buckets.get(key, (float(self.burst), now))
        return min(self.burst, tokens + (now - last) * self.rate)

    def allow(self, key: str) -> bool:
        """Take one token; False when the bucket is empty."""
        now = time.monotonic()
        with self._lock:
            tokens = self._tokens(key, now)
            if tokens < 1:
                self._buckets[key] = (tokens, now)
                return False
            self._buckets[key] = (tokens - 1, now)
            if len(self._buckets) > 100_000:
                self._buckets.clear()
            return True

    def exhausted(self, key: str) -> bool:
        """True when the next :meth:`allow` would fail (takes nothing)."""
        with self._lock:
            return self._tokens(key, time.monotonic()) < 1


class ServerTiming:
    """Adds ``Server-Timing: app;dur=<ms>`` to every answer: the time from the request
    reaching the application to its answer's headers (body read, work, JSON, gzip), so
    that a client can tell the server's time from the network's and its own."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()

        async def timed(message: Message) -> None:
            if message["type"] == "http.response.start":
                ms = (time.perf_counter() - start) * 1000
                message = {**message, "headers": [*message.get("headers", ()),
                                                  (b"server-timing", b"app;dur=%.1f" % ms)]}
            await send(message)

        await self.app(scope, receive, timed)


def _error(status: int, code: str, detail: str = "", **extra: Any) -> JSONResponse:
    return JSONResponse({"error": code, "detail": detail, **extra}, status_code=status)


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    return header[7:].strip() if header.lower().startswith("bearer ") else None


def _address(request: Request) -> str:
    return request.client.host if request.client else "?"


async def _raw_body(request: Request, max_wire: int = MAX_WIRE_BODY) -> bytes:
    """The body as received, read only after the caller has authenticated the request: at
    most ``max_wire`` bytes."""
    length = request.headers.get("content-length")
    if length is not None and int(length) > max_wire:
        raise ServiceError(413, "too_large")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > max_wire:
            raise ServiceError(413, "too_large")
        chunks.append(chunk)
    return b"".join(chunks)


def _decode(raw: bytes, encoding: str, max_inflated: int = MAX_BODY) -> Any:
    """A body as JSON: at most ``max_inflated`` bytes after gzip. NaN and Infinity (which
    some JSON writers emit) are read, so that the change holding one is refused alone by the
    record schema, as any number where none is allowed."""
    if encoding.lower() == "gzip":
        try:
            d = zlib.decompressobj(16 + zlib.MAX_WBITS)
            raw = d.decompress(raw, max_inflated + 1)
        except zlib.error:
            raise ServiceError(400, "bad_gzip") from None
        if len(raw) > max_inflated:
            raise ServiceError(413, "too_large")
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise ServiceError(400, "bad_json") from None


async def _json_body(request: Request, max_wire: int = MAX_WIRE_BODY,
                     max_inflated: int = MAX_BODY) -> Any:
    raw = await _raw_body(request, max_wire)
    return _decode(raw, request.headers.get("content-encoding", ""), max_inflated)


def _answer(request: Request, body: bytes) -> Response:
    """A JSON answer, gzip-compressed here (in the worker thread that made it) when the
    client accepts it and it is worth it, as the GZip middleware would (which leaves an
    answer compressed already as it is)."""
    headers = {"Vary": "Accept-Encoding"}
    if len(body) >= GZIP_MINIMUM and "gzip" in request.headers.get("accept-encoding", ""):
        compressor = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
        body = compressor.compress(body) + compressor.flush()
        headers["Content-Encoding"] = "gzip"
    return Response(body, media_type="application/json", headers=headers)


class KnownTokens:
    """Tokens found valid in the last ``ttl`` seconds, by their hash: the check made before
    a body is read (so that no unknown token gets a body inflated and parsed) is not a
    database query for every request of a device that is syncing. The request itself still
    authenticates its device in its own transaction, so a revoked device is refused at
    once; only its body may still be read for ``ttl`` seconds. Failures are not kept."""

    def __init__(self, ttl: float = 10.0, size: int = 100_000) -> None:
        self.ttl, self.size = ttl, size
        self._devices: dict[str, tuple[Device, float]] = {}

    def get(self, token: str) -> Device | None:
        found = self._devices.get(token_hash(token))
        if found is None or found[1] < time.monotonic():
            return None
        return found[0]

    def add(self, token: str, device: Device) -> None:
        if len(self._devices) >= self.size:
            self._devices.clear()
        self._devices[token_hash(token)] = (device, time.monotonic() + self.ttl)


def create_app(service: Service, rate: float = 20.0, burst: int = 60,
               guesses_per_minute: float = 10.0) -> FastAPI:
    """``rate``/``burst``: requests per second of one device (or, before it is known, of one
    client address). ``guesses_per_minute``: failed credentials (unknown tokens, wrong
    enrollment codes) one client address may make; past it every request from that address
    gets 429 until the bucket refills. Failed enrollments of all addresses together are
    held to ten times that, against guessing from many addresses."""
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # worker threads: as many as there are database connections (PostgreSQL), so
        # that a request waits for its turn in the event loop, not in a thread that
        # waits for a connection while the others compete for the interpreter (SQLite:
        # anyio's 40, one connection each)
        threads = int(os.environ.get("FIELDAPP_SERVER_THREADS", "0")) or (
            POOL_SIZE if service.db.postgres else 40)
        anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        yield

    app = FastAPI(title="fieldapp sync server", version=str(PROTOCOL_VERSION),
                  description="Sync of encrypted field devices with the central server. "
                              "See docs/sync-protocol.md.", lifespan=lifespan)
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_MINIMUM, compresslevel=GZIP_LEVEL)
    app.add_middleware(ServerTiming)  # outermost: the time includes the gzip
    limiter = RateLimiter(rate, burst)
    guess_burst = max(1, int(guesses_per_minute))
    guesses = RateLimiter(guesses_per_minute / 60.0, guess_burst)
    all_guesses = RateLimiter(guesses_per_minute * 10 / 60.0, guess_burst * 10)

    @app.exception_handler(ServiceError)
    async def service_error(request: Request, exc: ServiceError) -> JSONResponse:
        if exc.status >= 500:
            log.error("%s %s -> %s %s", request.method, request.url.path, exc.status, exc.code)
        return _error(exc.status, exc.code, exc.detail, **exc.extra)

    @app.exception_handler(ProtocolError)
    async def protocol_error(request: Request, exc: ProtocolError) -> JSONResponse:
        return _error(422, "bad_request", f"{exc.where}: {exc.problem}")

    def not_guessing(request: Request) -> str:
        address = _address(request)
        if guesses.exhausted(address):
            raise ServiceError(429, "rate_limited", "too many failed attempts")
        return address

    known = KnownTokens()

    async def authenticated(request: Request) -> Device:
        """The device of the request's token, checked before a byte of the body is read;
        rate-limited per device, failures per client address."""
        address = not_guessing(request)
        token = _bearer(request)
        device = known.get(token) if token else None
        if device is None:
            try:
                device = await run_in_threadpool(service.device_of, token)
            except ServiceError as e:
                if e.status == 401:
                    guesses.allow(address)
                raise
            assert token is not None
            known.add(token, device)
        if not limiter.allow(f"device:{device.id}"):
            raise ServiceError(429, "rate_limited")
        return device

    @app.get("/health")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/v1/enroll")
    async def enroll(request: Request) -> dict[str, Any]:
        address = not_guessing(request)
        if all_guesses.exhausted("*") or not limiter.allow(f"address:{address}"):
            raise ServiceError(429, "rate_limited")
        body = await _json_body(request, MAX_ENROLL_BODY, MAX_ENROLL_BODY)
        if not isinstance(body, dict):
            raise ServiceError(422, "bad_request", "expected an object")
        code, name = body.get("code"), body.get("device_name", "")
        if not isinstance(name, str) or len(name) > 80 or _CONTROL.search(name):
            raise ServiceError(422, "bad_request", "device_name: text of at most 80 characters, "
                                                   "no control characters")
        try:
            if not isinstance(code, str) or not 1 <= len(code) <= MAX_CODE:
                raise ServiceError(401, "bad_code")  # never a valid code: a failed guess
            return await run_in_threadpool(service.enroll, code, name)
        except ServiceError as e:
            if e.status == 401:
                guesses.allow(address)
                all_guesses.allow("*")
            raise

    # the body is read here; its JSON is read, checked, answered and the answer compressed
    # in one worker thread, so that the event loop only moves bytes

    @app.post("/v1/push")
    async def push(request: Request) -> Response:
        await authenticated(request)
        raw = await _raw_body(request)
        encoding, token = request.headers.get("content-encoding", ""), _bearer(request)

        def work() -> Response:
            body = PushRequest.from_json(_decode(raw, encoding))
            return _answer(request, _ANSWER(service.push(token, body).to_json()).encode())

        return await run_in_threadpool(work)

    @app.post("/v1/pull")
    async def pull(request: Request) -> Response:
        await authenticated(request)
        raw = await _raw_body(request)
        encoding, token = request.headers.get("content-encoding", ""), _bearer(request)

        def work() -> Response:
            body = PullRequest.from_json(_decode(raw, encoding))
            return _answer(request, service.pull(token, body).json_text().encode())

        return await run_in_threadpool(work)

    @app.get("/v1/status")
    async def status(request: Request) -> dict[str, Any]:
        await authenticated(request)
        return await run_in_threadpool(service.status, _bearer(request))

    # --- the members of a laptop's vault ----------------------------------------------

    @app.get("/v1/members")
    async def members(request: Request) -> dict[str, Any]:
        await authenticated(request)
        return await run_in_threadpool(service.members, _bearer(request))

    @app.post("/v1/members/join")
    async def join(request: Request) -> dict[str, Any]:
        await authenticated(request)
        address = not_guessing(request)
        body = await _json_body(request, MAX_ENROLL_BODY, MAX_ENROLL_BODY)
        code = body.get("code") if isinstance(body, dict) else None
        try:
            if not isinstance(code, str) or not 1 <= len(code) <= MAX_CODE:
                raise ServiceError(401, "bad_code")
            return await run_in_threadpool(service.join, _bearer(request), code)
        except ServiceError as e:
            if e.status == 401:
                guesses.allow(address)
                all_guesses.allow("*")
            raise

    @app.post("/v1/members/vouch")
    async def vouch(request: Request) -> dict[str, Any]:
        await authenticated(request)
        body = await _json_body(request, MAX_ENROLL_BODY, MAX_ENROLL_BODY)
        if not isinstance(body, dict) or not all(
                isinstance(body.get(k), str) and len(body[k]) <= 120
                and not _CONTROL.search(body[k]) for k in ("user_id", "name", "role", "by")):
            raise ServiceError(422, "bad_request",
                               "user_id, name, role, by: texts of at most 120 characters")
        return await run_in_threadpool(service.vouch, _bearer(request), body["user_id"],
                                       body["name"], body["role"], body["by"])

    install_openapi(app)
    return app


def app_from_env() -> FastAPI:
    """For ``fieldapp-server serve --workers N``: each worker process builds its own app from
    the environment (FIELDAPP_SERVER_DB, FIELDAPP_SERVER_RATE, FIELDAPP_SERVER_GUESSES); they
    share nothing but the database, as several instances behind a load balancer do."""
    import os

    from sync.server.storage import Database

    service = Service(Database(os.environ["FIELDAPP_SERVER_DB"]))
    return create_app(service, rate=float(os.environ.get("FIELDAPP_SERVER_RATE", "20")),
                      guesses_per_minute=float(os.environ.get("FIELDAPP_SERVER_GUESSES",
                                                              "10")))
