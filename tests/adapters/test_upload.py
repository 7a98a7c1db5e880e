"""The uploaders against a real WebDAV server (wsgidav), a scripted HTTP fake and real folders."""

from __future__ import annotations

import base64
import contextlib
import logging
import os
import socket
import stat
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from supportdesk.adapters.upload import FolderUploader, WebDavUploader
from supportdesk.domain.errors import UploadError, ValidationError
from supportdesk.domain.ports import Uploader
from tests.servers.webdav import HOST, Seen, WebDavServer, running_webdav

NAME = "售后服务手册_2026年11月.docx"
DOCX = b"PK\x03\x04 not really a docx \r\n\x00\xff"


@pytest.fixture
def dav(tmp_path: Path) -> Iterator[WebDavServer]:
    with running_webdav(tmp_path / "dav") as server:
        yield server


class Waits(list[float]):
    """Stands in for time.sleep: records the back-off instead of sleeping."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def uploader(server: WebDavServer, waits: Waits, **kwargs: Any) -> WebDavUploader:
    params: dict[str, Any] = {"user": server.user, "password": server.password, "wait": waits}
    params.update(kwargs)
    return WebDavUploader(server.url, **params)


def puts(server: WebDavServer) -> list[Seen]:
    return [seen for seen in server.requests if seen.method == "PUT"]


# --- WebDAV against wsgidav --------------------------------------------------------------------


def test_both_uploaders_are_the_port(tmp_path: Path) -> None:
    ports: list[Uploader] = [FolderUploader(tmp_path), WebDavUploader("http://dms.example/")]
    assert [p.describe() for p in ports] == [str(tmp_path), "http://dms.example/"]


def test_chinese_name_round_trips(dav: WebDavServer) -> None:
    up = uploader(dav, Waits())
    where = up.put(NAME, DOCX)
    assert where == dav.url + quote(NAME)  # percent-encoded UTF-8, as sent
    assert up.last_attempts == 1
    # Basic sent up front: one PUT, no 401 challenge first.
    assert dav.requests == [Seen("PUT", f"/{NAME}", 201)]
    assert dav.get(NAME) == DOCX
    assert (dav.root / NAME).read_bytes() == DOCX


def test_same_name_again_replaces(dav: WebDavServer) -> None:
    up = uploader(dav, Waits())
    up.put(NAME, b"first run")
    up.put(NAME, b"second run, the month re-exported")
    assert [p.status for p in puts(dav)] == [201, 204]  # created, then replaced
    assert [p.name for p in dav.root.iterdir()] == [NAME]
    assert dav.get(NAME) == b"second run, the month re-exported"


@pytest.mark.parametrize("typed", ["售后/手册", quote("售后/手册") + "/"])
def test_base_url_in_chinese_typed_either_way(dav: WebDavServer, typed: str) -> None:
    (dav.root / "售后" / "手册").mkdir(parents=True)
    up = WebDavUploader(dav.url + typed, dav.user, dav.password)
    assert up.describe() == dav.url + "售后/手册/"
    assert up.put(NAME, DOCX) == dav.url + quote(f"售后/手册/{NAME}")
    assert (dav.root / "售后" / "手册" / NAME).read_bytes() == DOCX


def test_https_with_a_trusted_ca(tmp_path: Path) -> None:
    with running_webdav(tmp_path / "dav", tls=True) as server:
        trusting = uploader(server, Waits(), ssl_context=server.client_context)
        assert trusting.put(NAME, DOCX).startswith("https://")
        assert server.get(NAME) == DOCX
        # Default verification: a certificate we do not trust stays untrusted, so no retry.
        waits = Waits()
        with pytest.raises(UploadError) as caught:
            uploader(server, waits).put(NAME, DOCX)
        assert caught.value.reason == "unreachable"
        assert waits == []


def test_missing_collection_is_refused_not_retried(dav: WebDavServer) -> None:
    waits = Waits()
    up = WebDavUploader(dav.url + "no-such-folder/", dav.user, dav.password, wait=waits)
    with pytest.raises(UploadError) as caught:
        up.put(NAME, DOCX)
    assert (caught.value.reason, caught.value.params["status"]) == ("refused", 409)
    assert (up.last_attempts, waits) == (1, [])
    assert not (dav.root / "no-such-folder").exists()


def test_wrong_password_is_auth_not_retried_and_never_shown(
    dav: WebDavServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    secret = "Wr0ng-口令-hunter2"
    token = base64.b64encode(f"{dav.user}:{secret}".encode()).decode()
    waits = Waits()
    up = uploader(dav, waits, password=secret)
    with pytest.raises(UploadError) as caught:
        up.put(NAME, DOCX)
    error = caught.value
    assert (error.code, error.reason, error.params["status"]) == ("upload_failed", "auth", 401)
    assert error.params["target"] == dav.url + quote(NAME)
    assert (up.last_attempts, waits) == (1, [])
    assert puts(dav) == [Seen("PUT", f"/{NAME}", 401)]
    assert not (dav.root / NAME).exists()
    shown = [str(error), repr(error), repr(error.args), repr(error.params), repr(up)]
    shown += [caplog.text, up.describe()]
    for text in shown:
        assert secret not in text
        assert token not in text
    assert error.__cause__ is None  # nothing chained that could carry the request


def test_no_credentials_is_auth(dav: WebDavServer) -> None:
    with pytest.raises(UploadError) as caught:
        WebDavUploader(dav.url, wait=Waits()).put(NAME, DOCX)
    assert caught.value.reason == "auth"


def test_server_down_is_retried_then_unreachable(dav: WebDavServer) -> None:
    dav.stop()
    waits = Waits()
    up = uploader(dav, waits, attempts=3)
    with pytest.raises(UploadError) as caught:
        up.put(NAME, DOCX)
    assert (caught.value.reason, caught.value.params["status"]) == ("unreachable", None)
    assert up.last_attempts == 3
    assert waits == [2.0, 4.0]  # back-off, doubling
    dav.start()  # back, same port: the next run goes through
    assert up.put(NAME, DOCX) == dav.url + quote(NAME)
    assert up.last_attempts == 1


def test_server_back_before_the_last_attempt(dav: WebDavServer) -> None:
    dav.stop()
    waits = Waits()

    def restart(seconds: float) -> None:
        waits(seconds)
        dav.start()

    up = uploader(dav, Waits(), wait=restart)
    up.put(NAME, DOCX)
    assert (up.last_attempts, waits) == (2, [2.0])
    assert (dav.root / NAME).read_bytes() == DOCX


def test_no_answer_is_a_timeout_and_retried() -> None:
    # Listening but never accepting: the kernel completes the handshake, nobody answers.
    with socket.socket() as silent:
        silent.bind((HOST, 0))
        silent.listen(8)
        port = silent.getsockname()[1]
        waits = Waits()
        up = WebDavUploader(f"http://{HOST}:{port}/", "u", "p", timeout=0.2, wait=waits)
        with pytest.raises(UploadError) as caught:
            up.put(NAME, DOCX)
    assert caught.value.reason == "timeout"
    assert (up.last_attempts, waits) == (3, [2.0, 4.0])


# --- WebDAV against a scripted fake: statuses wsgidav cannot produce on demand ------------------


class Scripted:
    """Answers PUTs with the given statuses in turn, then 201; records every body."""

    def __init__(self, statuses: list[int]) -> None:
        self.statuses = list(statuses)
        self.bodies: list[bytes] = []
        self.lock = threading.Lock()
        self.url = ""


@contextlib.contextmanager
def scripted(statuses: list[int]) -> Iterator[Scripted]:
    script = Scripted(statuses)

    class Handler(BaseHTTPRequestHandler):
        def do_PUT(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            with script.lock:
                script.bodies.append(body)
                status = script.statuses.pop(0) if script.statuses else 201
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass  # quiet: the test reads `bodies`

    server = ThreadingHTTPServer((HOST, 0), Handler)
    script.url = f"http://{HOST}:{server.server_address[1]}/dms/"
    # A short poll: shutdown() waits for the loop to look up (0.5 s by default).
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield script
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_503_twice_then_success() -> None:
    with scripted([503, 503]) as fake:
        waits = Waits()
        up = WebDavUploader(fake.url, "u", "p", wait=waits)
        assert up.put(NAME, DOCX) == fake.url + quote(NAME)
    assert up.last_attempts == 3
    assert waits == [2.0, 4.0]
    assert fake.bodies == [DOCX] * 3


@pytest.mark.parametrize(
    ("statuses", "reason", "tries"),
    [
        ([503] * 5, "http", 3),  # still down after the last attempt
        ([423] * 5, "http", 3),  # locked: someone has the file open
        ([500, 502, 504], "http", 3),
        ([403], "refused", 1),
        ([405], "refused", 1),
        ([413], "refused", 1),
        ([401], "auth", 1),
        ([301], "http", 1),  # a PUT is never redirected: the credentials stay with the host
    ],
)
def test_status_reasons_and_retries(statuses: list[int], reason: str, tries: int) -> None:
    with scripted(statuses) as fake:
        waits = Waits()
        up = WebDavUploader(fake.url, "u", "p", attempts=3, wait=waits)
        with pytest.raises(UploadError) as caught:
            up.put(NAME, DOCX)
    assert caught.value.reason == reason
    assert caught.value.params["status"] == statuses[tries - 1]
    assert up.last_attempts == tries == len(fake.bodies)
    assert waits == [2.0, 4.0][: tries - 1]


def test_one_attempt_means_no_retry() -> None:
    with scripted([503]) as fake:
        waits = Waits()
        up = WebDavUploader(fake.url, attempts=1, wait=waits)
        with pytest.raises(UploadError):
            up.put(NAME, DOCX)
    assert (up.last_attempts, waits) == (1, [])


# --- construction --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "ftp://dms.example/",
        "file:///srv/dms/",
        "dms.example/docs",
        "http:///docs/",
        "http://dms.example:99999/",
        "http://dms.example/docs?token=1",
        "http://dms.example/docs#part",
        "http://robot:Pa55-secret@dms.example/docs/",  # credentials belong in the vault
    ],
)
def test_bad_url_is_refused_at_construction(url: str) -> None:
    with pytest.raises(ValidationError) as caught:
        WebDavUploader(url)
    assert (caught.value.field, caught.value.code) == ("faq.upload.url", "bad_url")
    assert "Pa55-secret" not in f"{caught.value} {caught.value.params}"


@pytest.mark.parametrize("name", ["", ".", "..", "a/b.docx", "a\\b.docx", "a\nb.docx"])
def test_bad_name_is_refused(tmp_path: Path, name: str) -> None:
    for up in (FolderUploader(tmp_path), WebDavUploader("http://dms.example/")):
        with pytest.raises(ValidationError) as caught:
            up.put(name, DOCX)
        assert caught.value.field == "faq.upload.name"
    assert list(tmp_path.iterdir()) == []


def test_describe_and_repr_show_no_credentials() -> None:
    up = WebDavUploader("https://dms.example/文档", "robot", "Pa55-secret")
    assert up.describe() == "https://dms.example/文档/"
    assert "Pa55-secret" not in repr(up)


# --- the folder (a Windows share) ----------------------------------------------------------------


def test_folder_writes_and_replaces(tmp_path: Path) -> None:
    up = FolderUploader(tmp_path)
    assert up.put(NAME, b"first") == str(tmp_path / NAME)
    assert up.put(NAME, DOCX) == str(tmp_path / NAME)
    assert up.last_attempts == 1
    assert [p.name for p in tmp_path.iterdir()] == [NAME]  # one file, no temp left
    assert (tmp_path / NAME).read_bytes() == DOCX  # bytes as given: no newline translation


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_folder_file_is_readable_by_colleagues(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        FolderUploader(tmp_path).put(NAME, DOCX)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / NAME).stat().st_mode) == 0o644  # not mkstemp's 0o600


def test_missing_folder_is_unreachable_and_not_created(tmp_path: Path) -> None:
    share = tmp_path / "typo" / "share"
    with pytest.raises(UploadError) as caught:
        FolderUploader(share).put(NAME, DOCX)
    assert caught.value.reason == "unreachable"
    assert caught.value.params["target"] == str(share)
    assert not (tmp_path / "typo").exists()


def test_crash_mid_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    up = FolderUploader(tmp_path)
    up.put(NAME, b"last month's good copy")

    def crash(fd: int) -> None:
        raise OSError(5, "Input/output error")  # the share dropped while writing

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(UploadError) as caught:
        up.put(NAME, DOCX)
    assert caught.value.reason == "unreachable"
    assert [p.name for p in tmp_path.iterdir()] == [NAME]  # the temp file is gone
    assert (tmp_path / NAME).read_bytes() == b"last month's good copy"


def test_interrupted_write_leaves_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupt(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        FolderUploader(tmp_path).put(NAME, DOCX)
    assert list(tmp_path.iterdir()) == []


def test_file_in_use_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / NAME).write_bytes(b"open in Word")

    def sharing_violation(src: Any, dst: Any) -> None:
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", sharing_violation)
    with pytest.raises(UploadError) as caught:
        FolderUploader(tmp_path).put(NAME, DOCX)
    assert caught.value.reason == "refused"
    assert [p.name for p in tmp_path.iterdir()] == [NAME]
    assert (tmp_path / NAME).read_bytes() == b"open in Word"


def test_a_folder_in_the_way_is_refused(tmp_path: Path) -> None:
    (tmp_path / NAME).mkdir()
    with pytest.raises(UploadError) as caught:
        FolderUploader(tmp_path).put(NAME, DOCX)
    assert caught.value.reason == "refused"
    assert [p.name for p in tmp_path.iterdir()] == [NAME]


def test_no_right_to_write_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # What a read-only share does: faked, since the tests run as root, which ignores modes.
    real_open = os.open

    def denied(path: Any, flags: int, mode: int = 0o777) -> int:
        if flags & os.O_CREAT:
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, mode)

    monkeypatch.setattr(os, "open", denied)
    with pytest.raises(UploadError) as caught:
        FolderUploader(tmp_path).put(NAME, DOCX)
    assert caught.value.reason == "refused"
    assert list(tmp_path.iterdir()) == []
