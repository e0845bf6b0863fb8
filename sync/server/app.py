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
import re
import threading
import time
import zlib
from typing import Any

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from starlette.middleware.gzip import GZipMiddleware

from sync.protocol import PROTOCOL_VERSION, ProtocolError, PullRequest, PushRequest
from sync.server.openapi import install_openapi
from sync.server.service import Device, Service, ServiceError

log = logging.getLogger("fieldapp.server")

MAX_BODY = 8 * 1024 * 1024  # bytes after decompression
MAX_WIRE_BODY = 4 * 1024 * 1024  # bytes as received
MAX_ENROLL_BODY = 16 * 1024  # an enrollment is a code and a device name
MAX_CODE = 64
_CONTROL = re.compile("[\x00-\x1f\x7f]")


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


def _error(status: int, code: str, detail: str = "", **extra: Any) -> JSONResponse:
    return JSONResponse({"error": code, "detail": detail, **extra}, status_code=status)


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    return header[7:].strip() if header.lower().startswith("bearer ") else None


def _address(request: Request) -> str:
    return request.client.host if request.client else "?"


async def _json_body(request: Request, max_wire: int = MAX_WIRE_BODY,
                     max_inflated: int = MAX_BODY) -> Any:
    """The body as JSON, read only after the caller has authenticated the request: at most
    ``max_wire`` bytes received and ``max_inflated`` after gzip. NaN and Infinity (which
    some JSON writers emit) are read, so that the change holding one is refused alone by the
    record schema, as any number where none is allowed."""
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
    raw = b"".join(chunks)
    if request.headers.get("content-encoding", "").lower() == "gzip":
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


def create_app(service: Service, rate: float = 20.0, burst: int = 60,
               guesses_per_minute: float = 10.0) -> FastAPI:
    """``rate``/``burst``: requests per second of one device (or, before it is known, of one
    client address). ``guesses_per_minute``: failed credentials (unknown tokens, wrong
    enrollment codes) one client address may make; past it every request from that address
    gets 429 until the bucket refills. Failed enrollments of all addresses together are
    held to ten times that, against guessing from many addresses."""
    app = FastAPI(title="fieldapp sync server", version=str(PROTOCOL_VERSION),
                  description="Sync of encrypted field devices with the central server. "
                              "See docs/sync-protocol.md.")
    app.add_middleware(GZipMiddleware, minimum_size=1024)
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

    async def authenticated(request: Request) -> Device:
        """The device of the request's token, checked before a byte of the body is read;
        rate-limited per device, failures per client address."""
        address = not_guessing(request)
        try:
            device = await run_in_threadpool(service.device_of, _bearer(request))
        except ServiceError as e:
            if e.status == 401:
                guesses.allow(address)
            raise
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

    @app.post("/v1/push")
    async def push(request: Request) -> Response:
        await authenticated(request)
        body = PushRequest.from_json(await _json_body(request))
        result = await run_in_threadpool(service.push, _bearer(request), body)
        return JSONResponse(result.to_json())

    @app.post("/v1/pull")
    async def pull(request: Request) -> Response:
        await authenticated(request)
        body = PullRequest.from_json(await _json_body(request))
        result = await run_in_threadpool(service.pull, _bearer(request), body)
        return JSONResponse(result.to_json())

    @app.get("/v1/status")
    async def status(request: Request) -> dict[str, Any]:
        await authenticated(request)
        return await run_in_threadpool(service.status, _bearer(request))

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
