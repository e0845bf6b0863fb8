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
import threading
import time
import zlib
from typing import Any

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.middleware.gzip import GZipMiddleware

from sync.protocol import PROTOCOL_VERSION, ProtocolError, PullRequest, PushRequest
from sync.server.service import Service, ServiceError

log = logging.getLogger("fieldapp.server")

MAX_BODY = 8 * 1024 * 1024  # bytes after decompression
MAX_WIRE_BODY = 4 * 1024 * 1024  # bytes as received


class EnrollBody(BaseModel):
    code: str = Field(min_length=4, max_length=64)
    device_name: str = Field(default="", max_length=80)


class RateLimiter:
    """A token bucket per device, in this instance's memory: ``rate`` requests per second
    with bursts of ``burst``. Several instances each apply it (documented)."""

    def __init__(self, rate: float, burst: int) -> None:
        self.rate, self.burst = rate, burst
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(key, (float(self.burst), now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            if tokens < 1:
                self._buckets[key] = (tokens, now)
                return False
            self._buckets[key] = (tokens - 1, now)
            if len(self._buckets) > 100_000:
                self._buckets.clear()
            return True


def _error(status: int, code: str, detail: str = "", **extra: Any) -> JSONResponse:
    return JSONResponse({"error": code, "detail": detail, **extra}, status_code=status)


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    return header[7:].strip() if header.lower().startswith("bearer ") else None


async def _json_body(request: Request) -> Any:
    length = request.headers.get("content-length")
    if length is not None and int(length) > MAX_WIRE_BODY:
        raise ServiceError(413, "too_large")
    raw = b""
    async for chunk in request.stream():
        raw += chunk
        if len(raw) > MAX_WIRE_BODY:
            raise ServiceError(413, "too_large")
    if request.headers.get("content-encoding", "").lower() == "gzip":
        try:
            d = zlib.decompressobj(16 + zlib.MAX_WBITS)
            raw = d.decompress(raw, MAX_BODY + 1)
        except zlib.error:
            raise ServiceError(400, "bad_gzip") from None
        if len(raw) > MAX_BODY:
            raise ServiceError(413, "too_large")
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise ServiceError(400, "bad_json") from None


def create_app(service: Service, rate: float = 20.0, burst: int = 60) -> FastAPI:
    app = FastAPI(title="fieldapp sync server", version=str(PROTOCOL_VERSION),
                  description="Sync of encrypted field devices with the central server. "
                              "See docs/sync-protocol.md.")
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    limiter = RateLimiter(rate, burst)

    @app.exception_handler(ServiceError)
    async def service_error(request: Request, exc: ServiceError) -> JSONResponse:
        if exc.status >= 500:
            log.error("%s %s -> %s %s", request.method, request.url.path, exc.status, exc.code)
        return _error(exc.status, exc.code, exc.detail, **exc.extra)

    @app.exception_handler(ProtocolError)
    async def protocol_error(request: Request, exc: ProtocolError) -> JSONResponse:
        return _error(422, "bad_request", f"{exc.where}: {exc.problem}")

    def limited(request: Request) -> None:
        key = _bearer(request) or (request.client.host if request.client else "?")
        if not limiter.allow(key[:16]):
            raise ServiceError(429, "rate_limited")

    @app.get("/health")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/v1/enroll")
    async def enroll(request: Request) -> dict[str, Any]:
        limited(request)
        try:
            body = EnrollBody.model_validate(await _json_body(request))
        except ValueError as e:
            raise ServiceError(422, "bad_request", str(e)[:200]) from None
        return await run_in_threadpool(service.enroll, body.code, body.device_name)

    @app.post("/v1/push")
    async def push(request: Request) -> Response:
        limited(request)
        token = _bearer(request)
        body = PushRequest.from_json(await _json_body(request))
        result = await run_in_threadpool(service.push, token, body)
        return JSONResponse(result.to_json())

    @app.post("/v1/pull")
    async def pull(request: Request) -> Response:
        limited(request)
        token = _bearer(request)
        body = PullRequest.from_json(await _json_body(request))
        result = await run_in_threadpool(service.pull, token, body)
        return JSONResponse(result.to_json())

    @app.get("/v1/status")
    async def status(request: Request) -> dict[str, Any]:
        limited(request)
        return await run_in_threadpool(service.status, _bearer(request))

    return app


def app_from_env() -> FastAPI:
    """For ``fieldapp-server serve --workers N``: each worker process builds its own app from
    the environment (FIELDAPP_SERVER_DB, FIELDAPP_SERVER_RATE); they share nothing but the
    database, as several instances behind a load balancer do."""
    import os

    from sync.server.storage import Database

    service = Service(Database(os.environ["FIELDAPP_SERVER_DB"]))
    return create_app(service, rate=float(os.environ.get("FIELDAPP_SERVER_RATE", "20")))
