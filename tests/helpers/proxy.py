"""A faulty network for sync tests: a loopback HTTP/1.1 proxy between a client and a real
server that, request by request (seeded), passes it through or breaks it the ways a field
connection does:

``pass``      forward the request, relay the response
``reset``     reset the connection (SO_LINGER 0) before forwarding the request
``lost``      forward the request (the server applies it) and reset instead of answering:
              the "lost response"
``delay``     hold the request and/or the response back 0.3–1.5 s (beyond a short client
              timeout, so timeouts fire; the server may then see the retry first)
``truncate``  forward the request, relay only a prefix of the response, then close

Only 127.0.0.1, threads and plain sockets. Faults are bounded in number (``max_faults``,
then everything passes) and every socket operation has a timeout; :meth:`close` closes every
socket and joins every thread. Each request goes to the server on a fresh connection, so a
fault never leaves a half-used connection on the server side.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import random
import socket
import struct
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

ACTIONS = ("pass", "reset", "lost", "delay", "truncate")
DEFAULT_WEIGHTS = {"pass": 0.5, "reset": 0.1, "lost": 0.15, "delay": 0.15, "truncate": 0.1}
LOOPBACK = "127.0.0.1"


class _Closed(Exception):
    """The peer closed the connection before a whole message arrived."""


@dataclass
class Exchange:
    """One request through the proxy, what it did with it, and what the server said."""

    index: int
    method: str
    path: str
    action: str
    request_head: bytes = b""
    request_body: bytes = b""
    status: int | None = None  # the server's status (None: never forwarded or no answer)
    response_head: bytes = b""
    response_body: bytes = b""  # de-chunked, still compressed if the server compressed
    delivered: bool = False  # the client received the whole response
    detail: str = ""

    @staticmethod
    def _headers(head: bytes) -> dict[str, str]:
        lines = head.decode("latin-1").split("\r\n")[1:]
        return {k.strip().lower(): v.strip() for k, _, v in
                (line.partition(":") for line in lines if line)}

    @staticmethod
    def _decode(head: bytes, body: bytes) -> Any:
        if Exchange._headers(head).get("content-encoding", "").lower() == "gzip":
            body = gzip.decompress(body)
        return json.loads(body) if body else None

    def request_json(self) -> Any:
        return self._decode(self.request_head, self.request_body)

    def response_json(self) -> Any:
        return self._decode(self.response_head, self.response_body)

    def request_headers(self) -> dict[str, str]:
        return self._headers(self.request_head)

    def __repr__(self) -> str:
        extra = (" delivered" if self.delivered else "") + (f" {self.detail}" if self.detail
                                                             else "")
        return f"#{self.index} {self.method} {self.path} {self.action} -> {self.status}{extra}"


Plan = Callable[[int, str, str], str | None]  # (index, method, path) → an action or None


@dataclass
class FaultProxy:
    """Listens on 127.0.0.1 (a free port) and forwards to ``upstream_port`` on 127.0.0.1.

    ``plan`` decides an action per request (None: ask the seeded random choice with
    ``weights``). ``on_response`` is called with each exchange once the server's whole
    answer has been read, before the action decides whether the client gets it.
    """

    upstream_port: int
    seed: int = 0
    weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    plan: Plan | None = None
    max_faults: int = 1000
    delay: tuple[float, float] = (0.3, 1.5)
    io_timeout: float = 20.0
    max_connections: int = 5000
    record: bool = False
    truncate_in_body: bool = False  # cut responses after their head, within the body
    on_response: Callable[[Exchange], None] | None = None
    exchanges: list[Exchange] = field(default_factory=list)
    faults: int = 0

    def __post_init__(self) -> None:
        for name in self.weights:
            if name not in ACTIONS:
                raise ValueError(f"unknown action {name}")
        self._rng = random.Random(self.seed)
        self._lock = threading.Lock()
        self._sockets: set[socket.socket] = set()
        self._threads: list[threading.Thread] = []
        self._closing = threading.Event()
        self._count = 0
        self._connections = 0
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind((LOOPBACK, 0))
        self._listener.listen(64)
        self._listener.settimeout(0.2)
        self.port = int(self._listener.getsockname()[1])
        self._acceptor = threading.Thread(target=self._accept_loop, name="proxy-accept",
                                          daemon=True)
        self._acceptor.start()

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    def __enter__(self) -> FaultProxy:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- bookkeeping ---------------------------------------------------------------------

    def _track(self, sock: socket.socket) -> socket.socket:
        with self._lock:
            self._sockets.add(sock)
        return sock

    def _forget(self, sock: socket.socket | None, reset: bool = False) -> None:
        if sock is None:
            return
        with self._lock:
            self._sockets.discard(sock)
        with contextlib.suppress(OSError):
            if reset:  # RST instead of FIN: the peer sees "connection reset"
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            else:
                sock.shutdown(socket.SHUT_RDWR)
        sock.close()

    def _decide(self, method: str, path: str) -> tuple[int, str, float, float]:
        """(request index, action, delay before forwarding, delay before answering)."""
        with self._lock:
            index = self._count
            self._count += 1
            action = self.plan(index, method, path) if self.plan else None
            if action is None:
                if self.faults >= self.max_faults or self._closing.is_set():
                    action = "pass"
                else:
                    names = list(self.weights)
                    action = self._rng.choices(names, [self.weights[n] for n in names])[0]
            if action not in ACTIONS:
                raise ValueError(f"unknown action {action}")
            if action != "pass":
                self.faults += 1
            before = after = 0.0
            if action == "delay":
                total = self._rng.uniform(*self.delay)
                split = self._rng.choice((0.0, 0.5, 1.0))
                before, after = total * split, total * (1 - split)
            return index, action, before, after

    def counts(self) -> dict[str, int]:
        with self._lock:
            out = dict.fromkeys(ACTIONS, 0)
            for e in self.exchanges:
                out[e.action] += 1
            return out

    # --- threads -------------------------------------------------------------------------

    def _accept_loop(self) -> None:
        while not self._closing.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                self._connections += 1
                too_many = self._connections > self.max_connections
            if too_many or self._closing.is_set():
                self._forget(self._track(conn), reset=True)
                continue
            conn.settimeout(self.io_timeout)
            self._track(conn)
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True,
                                      name=f"proxy-conn-{self._connections}")
            with self._lock:
                self._threads.append(thread)
            thread.start()

    def _serve(self, client: socket.socket) -> None:
        upstream: socket.socket | None = None
        reset_client = False
        buffer = bytearray()
        ex: Exchange | None = None
        try:
            while not self._closing.is_set():
                try:
                    head, body = _read_message(client, buffer, request=True)
                except (_Closed, OSError, ValueError):
                    return
                method, path = _request_line(head)
                index, action, before, after = self._decide(method, path)
                ex = Exchange(index, method, path, action)
                if self.record:
                    ex.request_head, ex.request_body = head, body
                with self._lock:
                    self.exchanges.append(ex)
                if action == "reset":
                    reset_client = True
                    return
                if before and self._closing.wait(before):
                    return
                upstream = self._track(socket.create_connection(
                    (LOOPBACK, self.upstream_port), timeout=self.io_timeout))
                upstream.sendall(head + _dechunked_body_as_sent(head, body))
                try:
                    r_head, r_body = _read_message(upstream, bytearray(), request=False)
                except _Closed:
                    ex.detail = "server closed"
                    return
                finally:
                    self._forget(upstream)
                    upstream = None
                ex.status = _status(r_head)
                if self.record:
                    ex.response_head, ex.response_body = r_head, r_body
                if self.on_response is not None:
                    self.on_response(ex)
                if action == "lost":
                    reset_client = True
                    return
                if after and self._closing.wait(after):
                    return
                whole = _rechunked(r_head, r_body)
                if action == "truncate":
                    cut = self._cut(len(whole), len(r_head) if self.truncate_in_body and
                                    r_body else 0)
                    ex.detail = f"{cut}/{len(whole)} bytes"
                    client.sendall(whole[:cut])
                    return
                client.sendall(whole)
                ex.delivered = True
                if _headers(r_head).get("connection", "").lower() == "close" or \
                        _headers(head).get("connection", "").lower() == "close":
                    return
        except (OSError, ValueError) as e:  # the client gave up (timeout), or close()
            if ex is not None:
                ex.detail = ex.detail or type(e).__name__
        finally:
            self._forget(upstream)
            self._forget(client, reset=reset_client)

    def _cut(self, size: int, at_least: int = 0) -> int:
        with self._lock:
            return self._rng.randint(at_least + 1, max(at_least + 1, size - 1))

    def close(self) -> None:
        """Stop accepting, close every socket, join every thread."""
        self._closing.set()
        self._acceptor.join(10)
        self._listener.close()
        with self._lock:
            sockets = list(self._sockets)
        for sock in sockets:  # wakes the threads blocked on them; each closes its own
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        with self._lock:
            threads = list(self._threads)
        for thread in threads:
            thread.join(10)
        with self._lock:
            sockets = list(self._sockets)
        for sock in sockets:
            self._forget(sock, reset=True)
        alive = [t.name for t in threads if t.is_alive()] + (
            [self._acceptor.name] if self._acceptor.is_alive() else [])
        if alive:
            raise RuntimeError(f"proxy threads still running: {alive}")


# --- HTTP/1.1 framing -----------------------------------------------------------------------


def _headers(head: bytes) -> dict[str, str]:
    return Exchange._headers(head)


def _request_line(head: bytes) -> tuple[str, str]:
    parts = head.split(b"\r\n", 1)[0].decode("latin-1").split(" ")
    return (parts[0], parts[1]) if len(parts) >= 2 else ("?", "?")


def _status(head: bytes) -> int | None:
    parts = head.split(b"\r\n", 1)[0].split(b" ")
    try:
        return int(parts[1])
    except (IndexError, ValueError):
        return None


def _recv(sock: socket.socket, buffer: bytearray) -> None:
    chunk = sock.recv(65536)
    if not chunk:
        raise _Closed
    buffer += chunk


def _read_message(sock: socket.socket, buffer: bytearray, request: bool) -> tuple[bytes, bytes]:
    """One HTTP/1.1 message: (head with its blank line, body de-chunked). ``buffer`` keeps
    bytes read past the message (the next request on a kept-alive connection)."""
    while b"\r\n\r\n" not in buffer:
        if len(buffer) > 1 << 20:
            raise _Closed
        _recv(sock, buffer)
    end = buffer.index(b"\r\n\r\n") + 4
    head = bytes(buffer[:end])
    del buffer[:end]
    headers = _headers(head)
    if headers.get("transfer-encoding", "").lower() == "chunked":
        body = bytearray()
        while True:
            while b"\r\n" not in buffer:
                _recv(sock, buffer)
            line_end = buffer.index(b"\r\n")
            size = int(bytes(buffer[:line_end]).split(b";")[0], 16)
            del buffer[:line_end + 2]
            while len(buffer) < size + 2:
                _recv(sock, buffer)
            body += buffer[:size]
            del buffer[:size + 2]
            if size == 0:
                return head, bytes(body)
    if "content-length" in headers:
        length = int(headers["content-length"])
        while len(buffer) < length:
            _recv(sock, buffer)
        body = bytes(buffer[:length])
        del buffer[:length]
        return head, body
    if request:
        return head, b""
    # a response without length ends when the server closes
    while True:
        try:
            _recv(sock, buffer)
        except _Closed:
            body = bytes(buffer)
            buffer.clear()
            return head, body


def _dechunked_body_as_sent(head: bytes, body: bytes) -> bytes:
    """The request body as it goes on the wire again (chunked if it came chunked)."""
    if _headers(head).get("transfer-encoding", "").lower() == "chunked":
        return (f"{len(body):x}\r\n".encode() + body + b"\r\n0\r\n\r\n") if body else \
            b"0\r\n\r\n"
    return body


def _rechunked(head: bytes, body: bytes) -> bytes:
    return head + _dechunked_body_as_sent(head, body)


def wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> bool:
    """Poll ``condition`` until it holds or ``timeout`` passes (bounded)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()
