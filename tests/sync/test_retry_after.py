"""A server that says "Retry-After" is waited for: never sooner, never for ever."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from sync.client import MAX_RETRY_AFTER, HttpClient, retry_after


class Busy(BaseHTTPRequestHandler):
    """Answers 429 with Retry-After twice, then 200 (a real HTTP server on loopback)."""

    answers: list[tuple[int, str | None]] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        status, wait = self.answers.pop(0) if self.answers else (200, None)
        body = b'{"error": "rate_limited"}' if status == 429 else b'{"ok": true}'
        self.send_response(status)
        if wait is not None:
            self.send_header("Retry-After", wait)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def busy_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Busy)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_the_client_waits_at_least_what_the_server_asks(busy_server):
    soon = format_datetime(datetime.now(UTC) + timedelta(seconds=20), usegmt=True)
    Busy.answers = [(429, "7"), (429, soon), (429, "100000")]
    waits: list[float] = []
    client = HttpClient(busy_server, sleep=waits.append, backoff=0.01)
    assert client._call("GET", "/v1/status") == {"ok": True}
    assert waits[0] >= 7 and 15 <= waits[1] <= 20 and waits[2] == MAX_RETRY_AFTER


@pytest.mark.parametrize("value, seconds", [
    (None, 0), ("", 0), ("12", 12), (" 3 ", 3), ("-5", 0), ("soon", 0), ("nan", 0),
    ("Wed, 21 Oct 2015 07:28:00 GMT", 0),  # a date in the past: at once
])
def test_retry_after_values(value, seconds):
    assert retry_after(value) == seconds
