"""A TCP proxy on loopback that adds a fixed delay to every chunk, each way, as a WAN would.

Data read from one side at time t is written to the other at t + `one_way_delay`, in order,
without any limit on bandwidth: each direction of each connection keeps a queue of (due time,
chunk), and one selector thread per proxy reads whatever arrives and writes whatever is due.
Nothing sleeps per read, so a burst of chunks is delayed once, not once per chunk, and many
connections go side by side. An end of stream is delayed like data (a half close is passed on
as shutdown(SHUT_WR)); a reset or error on either side closes both at once.

The TCP handshake itself is not delayed (the client's connect completes against the proxy's
listening socket), only the bytes after it.

Only the standard library is imported here, like the other test servers.
"""

from __future__ import annotations

import contextlib
import selectors
import socket
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field

_CHUNK = 65536
_CONNECT_TIMEOUT = 5.0
_STOP_TIMEOUT = 5.0
_BACKLOG = 128


def _nodelay(sock: socket.socket) -> None:
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


@dataclass
class _Direction:
    """One way of one connection: bytes read from `src`, due for `dst` later."""

    src: socket.socket
    dst: socket.socket
    queue: deque[tuple[float, bytes | None]] = field(default_factory=deque)  # None: EOF
    pending: bytes = b""  # a due chunk `dst` did not take whole yet
    reading: bool = True
    done: bool = False  # the end of stream was passed on

    def read(self, delay: float) -> None:
        try:
            data = self.src.recv(_CHUNK)
        except (BlockingIOError, InterruptedError):
            return
        due = time.monotonic() + delay
        if data:
            self.queue.append((due, data))
        else:
            self.queue.append((due, None))
            self.reading = False

    def flush(self, now: float) -> None:
        """Write what is due, in order, as far as `dst` takes it without blocking."""
        while True:
            if self.pending:
                try:
                    sent = self.dst.send(self.pending)
                except (BlockingIOError, InterruptedError):
                    sent = 0
                self.pending = self.pending[sent:]
                if self.pending:
                    return
            if not self.queue or self.queue[0][0] > now:
                return
            _due, data = self.queue.popleft()
            if data is None:
                self.dst.shutdown(socket.SHUT_WR)
                self.done = True
                return
            self.pending = data

    def next_due(self) -> float | None:
        """When this direction next has something to write (None: nothing, or blocked)."""
        if self.pending or not self.queue:
            return None
        return self.queue[0][0]


class _Link:
    """A client connection and its connection to the target."""

    def __init__(self, client: socket.socket, server: socket.socket) -> None:
        self.client, self.server = client, server
        self.up = _Direction(client, server)
        self.down = _Direction(server, client)

    @property
    def directions(self) -> tuple[_Direction, _Direction]:
        return self.up, self.down

    @property
    def finished(self) -> bool:
        return self.up.done and self.down.done

    def masks(self) -> dict[socket.socket, int]:
        want = {self.client: 0, self.server: 0}
        for d in self.directions:
            if d.reading:
                want[d.src] |= selectors.EVENT_READ
            if d.pending:
                want[d.dst] |= selectors.EVENT_WRITE
        return want

    def close(self) -> None:
        for sock in (self.client, self.server):
            with contextlib.suppress(OSError):
                sock.close()


class Proxy:
    """A running proxy: connect to (`address`, `port`) to reach the target with the delay."""

    def __init__(self, target_host: str, target_port: int, one_way_delay: float) -> None:
        self.target = (target_host, target_port)
        self.one_way_delay = one_way_delay
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(_BACKLOG)
        self._listener.setblocking(False)
        self.address: str = "127.0.0.1"
        self.port: int = int(self._listener.getsockname()[1])
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._stopping = threading.Event()
        self._selector = selectors.DefaultSelector()
        self._links: list[_Link] = []
        self._registered: dict[socket.socket, int] = {}
        self.connections = 0  # accepted so far
        self.error: BaseException | None = None  # what ended the proxy's thread, if anything
        self._thread = threading.Thread(
            target=self._serve, name=f"latency-proxy-{self.port}", daemon=True
        )

    @property
    def open_connections(self) -> int:
        return len(self._links)

    def start(self) -> None:
        self._selector.register(self._listener, selectors.EVENT_READ, None)
        self._selector.register(self._wake_r, selectors.EVENT_READ, None)
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        with contextlib.suppress(OSError):
            self._wake_w.send(b"x")
        if self._thread.is_alive():
            self._thread.join(_STOP_TIMEOUT)
        if self._thread.is_alive():
            raise RuntimeError(f"latency proxy on port {self.port} did not stop")
        self._close_all()

    # -- the selector thread --------------------------------------------------------------

    def _serve(self) -> None:
        try:
            while not self._stopping.is_set():
                events = self._selector.select(self._timeout())
                for key, mask in events:
                    sock = key.fileobj
                    if sock is self._listener:
                        self._accept()
                    elif sock is self._wake_r:
                        with contextlib.suppress(OSError):
                            self._wake_r.recv(_CHUNK)
                    else:
                        assert isinstance(sock, socket.socket)
                        assert isinstance(key.data, _Link)
                        self._ready(key.data, sock, mask)
                self._flush_due()
        except BaseException as error:  # noqa: BLE001 - kept for the test to see
            self.error = error

    def _timeout(self) -> float | None:
        dues = [
            due
            for link in self._links
            for d in link.directions
            if (due := d.next_due()) is not None
        ]
        return None if not dues else max(0.0, min(dues) - time.monotonic())

    def _accept(self) -> None:
        while True:
            try:
                client, _peer = self._listener.accept()
            except (BlockingIOError, InterruptedError):
                return
            self.connections += 1
            try:
                server = socket.create_connection(self.target, _CONNECT_TIMEOUT)
            except OSError:
                client.close()
                continue
            for sock in (client, server):
                _nodelay(sock)
                sock.setblocking(False)
            link = _Link(client, server)
            self._links.append(link)
            self._register(link)

    def _ready(self, link: _Link, sock: socket.socket, mask: int) -> None:
        if link not in self._links:  # closed earlier in this round
            return
        try:
            for d in link.directions:
                if mask & selectors.EVENT_READ and d.src is sock and d.reading:
                    d.read(self.one_way_delay)
                if mask & selectors.EVENT_WRITE and d.dst is sock:
                    d.flush(time.monotonic())
        except OSError:
            self._drop(link)
            return
        self._after(link)

    def _flush_due(self) -> None:
        now = time.monotonic()
        for link in list(self._links):
            try:
                for d in link.directions:
                    d.flush(now)
            except OSError:
                self._drop(link)
                continue
            self._after(link)

    def _after(self, link: _Link) -> None:
        if link.finished:
            self._drop(link)
        else:
            self._register(link)

    def _register(self, link: _Link) -> None:
        for sock, mask in link.masks().items():
            had = self._registered.get(sock, 0)
            if mask == had:
                continue
            if had == 0:
                self._selector.register(sock, mask, link)
            elif mask == 0:
                self._selector.unregister(sock)
            else:
                self._selector.modify(sock, mask, link)
            if mask:
                self._registered[sock] = mask
            else:
                self._registered.pop(sock, None)

    def _drop(self, link: _Link) -> None:
        for sock in (link.client, link.server):
            if self._registered.pop(sock, 0):
                with contextlib.suppress(KeyError, ValueError, OSError):
                    self._selector.unregister(sock)
        link.close()
        with contextlib.suppress(ValueError):
            self._links.remove(link)

    def _close_all(self) -> None:
        for link in list(self._links):
            self._drop(link)
        self._selector.close()
        for sock in (self._listener, self._wake_r, self._wake_w):
            with contextlib.suppress(OSError):
                sock.close()


@contextlib.contextmanager
def running_latency_proxy(
    target_host: str, target_port: int, one_way_delay: float = 0.025
) -> Iterator[Proxy]:
    """A proxy on 127.0.0.1 in front of (`target_host`, `target_port`): every chunk waits
    `one_way_delay` seconds each way, so a round trip takes twice that."""
    proxy = Proxy(target_host, target_port, one_way_delay)
    try:
        proxy.start()
        yield proxy
    finally:
        proxy.stop()
    if proxy.error is not None:
        raise RuntimeError(f"latency proxy on port {proxy.port} failed") from proxy.error
