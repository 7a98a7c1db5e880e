"""A real WebDAV server (wsgidav on cheroot) on a free loopback port for the upload tests: Basic
auth only, a folder of the test's own as its root, optional HTTPS with a throwaway CA, a log of
the requests it answered, and a stop and restart on the same port ("the document system was
down, now it is back").

    with running_webdav(tmp_path / "dav") as server:
        WebDavUploader(server.url, server.user, server.password).put("a.docx", data)
        server.get("a.docx"); (server.root / "a.docx").read_bytes()
        server.requests[-1]                 # Seen(method="PUT", path="/a.docx", status=201)
        server.stop(); ...; server.start()  # same port
"""

from __future__ import annotations

import base64
import contextlib
import socket
import ssl
import tempfile
import threading
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from cheroot import wsgi
from cheroot.ssl.builtin import BuiltinSSLAdapter
from wsgidav.fs_dav_provider import FilesystemProvider
from wsgidav.wsgidav_app import WsgiDAVApp

from tests.servers.smtp import ThrowawayCa, make_ca

HOST = "127.0.0.1"
PASSWORD = "口令-s3cret!"  # non-ASCII: Basic credentials must go out as UTF-8

_StartResponse = Callable[..., Any]


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True)
class Seen:
    method: str
    path: str  # percent-decoded, as the server understood it
    status: int


class WebDavServer:
    """Use through `running_webdav`. `start`/`stop` may be called again: always the same port."""

    def __init__(self, root: Path, user: str, password: str, ca: ThrowawayCa | None = None) -> None:
        self.root = root
        self.user = user
        self.password = password
        self.ca = ca
        self.host = HOST
        self.port = free_port()
        self.url = f"{'https' if ca else 'http'}://{HOST}:{self.port}/"
        self._lock = threading.Lock()
        self._seen: list[Seen] = []
        self._app = WsgiDAVApp(
            {
                "provider_mapping": {"/": FilesystemProvider(str(root))},
                "simple_dc": {"user_mapping": {"*": {user: {"password": password}}}},
                # Basic only: what the adapter sends, and what most DMS front ends accept.
                "http_authenticator": {
                    "domain_controller": None,  # wsgidav's SimpleDomainController
                    "accept_basic": True,
                    "accept_digest": False,
                    "default_to_digest": False,
                },
                "dir_browser": {"enable": False},
                "verbose": 1,
                # Library mode: leave the root logger alone (wsgidav would add a handler).
                "logging": {"enable": False},
            }
        )
        self._server: wsgi.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def requests(self) -> list[Seen]:
        with self._lock:
            return list(self._seen)

    @property
    def client_context(self) -> ssl.SSLContext | None:
        """Trusts this server's certificate (with `tls`), and nothing else."""
        return self.ca.client_context() if self.ca else None

    @property
    def running(self) -> bool:
        return self._server is not None

    def url_of(self, name: str) -> str:
        return self.url + quote(name, safe="/")

    def get(self, name: str) -> bytes:
        """The file's bytes over HTTP, with this server's credentials."""
        token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode("ascii")
        request = urllib.request.Request(
            self.url_of(name), headers={"Authorization": f"Basic {token}"}
        )
        # No ProxyHandler from the environment: http_proxy would send loopback calls astray.
        opener = urllib.request.build_opener(
            urllib.request.ProxyHandler({}),
            urllib.request.HTTPSHandler(context=self.client_context),
        )
        with opener.open(request, timeout=10) as response:
            return bytes(response.read())

    def _record(self, environ: dict[str, Any], start_response: _StartResponse) -> Iterable[bytes]:
        # PATH_INFO is WSGI's latin-1 view of the decoded bytes (wsgidav rewrites it in place,
        # so read it first): back to UTF-8.
        path = environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8", "replace")
        method = environ["REQUEST_METHOD"]

        def recording(status: str, headers: list[tuple[str, str]], *args: Any) -> Any:
            seen = Seen(method, path, int(status[:3]))
            with self._lock:
                self._seen.append(seen)
            return start_response(status, headers, *args)

        result: Iterable[bytes] = self._app(environ, recording)
        return result

    def start(self) -> None:
        if self._server is not None:
            return
        # A new cheroot server each time: a stopped one has stopped its thread pool. cheroot
        # sets SO_REUSEADDR, so the port is free again despite TIME_WAIT.
        server = wsgi.Server((self.host, self.port), self._record, numthreads=4)
        server.shutdown_timeout = 2
        server.expiration_interval = 0.05  # how often serve() looks up: a quick stop()
        if self.ca is not None:
            server.ssl_adapter = BuiltinSSLAdapter(str(self.ca.cert_file), str(self.ca.key_file))
        server.prepare()  # bound and listening when start() returns
        thread = threading.Thread(target=server.serve, name="wsgidav", daemon=True)
        thread.start()
        self._server, self._thread = server, thread

    def stop(self) -> None:
        """Close the listening socket and the worker threads; connecting is then refused."""
        if self._server is not None:
            self._server.stop()
            self._server = None
        if self._thread is not None:
            self._thread.join(10)
            self._thread = None


@contextlib.contextmanager
def running_webdav(
    root: Path, user: str = "dav", password: str = PASSWORD, *, tls: bool = False
) -> Iterator[WebDavServer]:
    """A started server serving `root` (created if missing) to `user` with Basic auth; with
    `tls`, HTTPS with a throwaway CA (`server.client_context` trusts it)."""
    root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sd-dav-") as folder:
        server = WebDavServer(root, user, password, make_ca(Path(folder)) if tls else None)
        server.start()
        try:
            yield server
        finally:
            server.stop()
