"""Uploaders for the document management system (R2.2): a folder (a Windows share) or WebDAV.

Both replace a file of the same name, so re-running a month's export leaves one file. Every
failure is an UploadError whose target is a path or a URL without credentials; the password
lives only in the Authorization header, never in a message, a log line or a repr.
"""

from __future__ import annotations

import base64
import contextlib
import errno
import logging
import mimetypes
import os
import secrets
import ssl
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from http.client import HTTPException
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from supportdesk.domain.errors import UploadError, ValidationError

log = logging.getLogger(__name__)

# "Try again later": a restarting or overloaded server, or a file locked by someone editing it.
_RETRY_STATUS = {408, 423, 425, 429}
_OK_STATUS = {200, 201, 204}
# A full disk or a read-only share will not change by itself: the user must act.
_REFUSED_ERRNO = {errno.ENOSPC, errno.EROFS, getattr(errno, "EDQUOT", errno.ENOSPC)}
_O_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation


def _check_name(name: str) -> None:
    """One plain file name: anything else could land outside the target folder."""
    bad = (
        not name
        or name in (".", "..")
        or "/" in name
        or "\\" in name
        or any(ord(c) < 32 for c in name)
    )
    if bad:
        raise ValidationError("faq.upload.name", "bad_name", value=name)


class FolderUploader:
    """Writes into an existing folder, typically a mounted or UNC Windows share."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.last_attempts = 0  # how many tries the last `put` took (one: no retry here)

    def __repr__(self) -> str:
        return f"FolderUploader({str(self.folder)!r})"

    def describe(self) -> str:
        return str(self.folder)

    def put(self, name: str, data: bytes) -> str:
        _check_name(name)
        target = self.folder / name
        self.last_attempts = 1
        # Never mkdir: a mistyped or unmounted share must fail, not fill a stray local folder.
        if not self.folder.is_dir():
            raise UploadError("unreachable", target=str(self.folder))
        # Same folder, so os.replace is a rename on one file system: readers see the old file
        # or the new one, never half of one, even if we crash mid-write.
        temp = self.folder / f".{name}.{secrets.token_hex(4)}.tmp"
        try:
            # os.open with 0o666 honours the umask, unlike mkstemp's 0o600: colleagues on
            # the share must be able to read the result.
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY, 0o666)
        except OSError as exc:
            raise UploadError(_folder_reason(exc), target=str(target)) from None
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temp, target)
        except BaseException as exc:
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)
            if isinstance(exc, OSError):
                raise UploadError(_folder_reason(exc), target=str(target)) from None
            raise
        _sync_dir(self.folder)
        return str(target)


def _folder_reason(exc: OSError) -> str:
    if isinstance(exc, TimeoutError):
        return "timeout"
    if isinstance(exc, PermissionError | IsADirectoryError) or exc.errno in _REFUSED_ERRNO:
        # Also Windows' sharing violation: the old file is open in Word.
        return "refused"
    return "unreachable"  # the share went away, a network error


def _sync_dir(folder: Path) -> None:
    """Make the rename itself durable where the OS allows it (POSIX); best effort."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some network file systems refuse fsync on a directory; the file is written
    finally:
        os.close(fd)


class WebDavUploader:
    """PUTs to a WebDAV collection with Basic auth (sent up front, not on a challenge).

    Connection errors, timeouts, 5xx, 423 (locked) and other "later" statuses are retried
    up to `attempts` times, waiting 2, 4, 8... seconds through `wait`; 401 and 403 are not.
    """

    def __init__(
        self,
        url: str,
        user: str = "",
        password: str = "",
        *,
        timeout: float = 30,
        attempts: int = 3,
        wait: Callable[[float], None] = time.sleep,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        parts = urlsplit(url.strip())
        # Shown in an error: never with whatever userinfo the URL carried.
        shown = urlunsplit((parts.scheme, parts.hostname or "", parts.path, "", ""))
        if (
            parts.scheme not in ("http", "https")
            or not parts.hostname
            # Credentials come from the vault; in the URL they would sit in the plain config.
            or parts.username is not None
            or parts.password is not None
            or parts.query
            or parts.fragment
        ):
            raise ValidationError("faq.upload.url", "bad_url", value=shown)
        try:
            parts.port  # noqa: B018 - parsing it is the check: "host:99999", "host:x"
        except ValueError:
            raise ValidationError("faq.upload.url", "bad_url", value=shown) from None
        if attempts < 1:
            raise ValueError("attempts must be at least 1")
        path = unquote(parts.path)
        path = path if path.endswith("/") else path + "/"
        netloc = parts.netloc
        self._shown = urlunsplit((parts.scheme, netloc, path, "", ""))
        # Percent-encode (UTF-8) once, accepting a URL typed either way: http.client sends
        # only ASCII on the request line.
        self._base = urlunsplit((parts.scheme, netloc, quote(path, safe="/"), "", ""))
        self._timeout = timeout
        self._attempts = attempts
        self._wait = wait
        self._authorization = (
            "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
            if user or password
            else None
        )
        # build_opener honours the system's proxy settings, which office networks rely on.
        # It does not follow a redirect of a PUT, so the header never goes to another host.
        self._opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=ssl_context))
        self.last_attempts = 0  # how many tries the last `put` took, for the export record

    def __repr__(self) -> str:
        return f"WebDavUploader({self._shown!r})"

    def describe(self) -> str:
        return self._shown

    def url_for(self, name: str) -> str:
        """Where `put(name, ...)` stores the file, percent-encoded as sent."""
        _check_name(name)
        return self._base + quote(name, safe="")

    def put(self, name: str, data: bytes) -> str:
        url = self.url_for(name)
        headers = {
            "Content-Type": mimetypes.guess_type(name)[0] or "application/octet-stream",
            "Overwrite": "T",  # WebDAV's own word for "replace"; a PUT replaces anyway
        }
        if self._authorization:
            headers["Authorization"] = self._authorization
        attempt = 0
        while True:
            attempt += 1
            self.last_attempts = attempt
            request = urllib.request.Request(url, data=data, headers=headers, method="PUT")
            failure, retry = self._try(request, url)
            if failure is None:
                return url
            if not retry or attempt >= self._attempts:
                log.info("upload to %s failed, attempt %d: %s", url, attempt, failure.reason)
                raise failure
            delay = float(2**attempt)
            log.info("upload to %s: %s, retry in %g s", url, failure.reason, delay)
            self._wait(delay)

    def _try(self, request: urllib.request.Request, url: str) -> tuple[UploadError | None, bool]:
        """(None, _) on success, else the error and whether another attempt may succeed."""
        try:
            with self._opener.open(request, timeout=self._timeout) as response:
                response.read()
                status = int(response.status)
        except urllib.error.HTTPError as exc:
            exc.close()  # it holds the response: unclosed, a ResourceWarning
            status = exc.code
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, TimeoutError):
                return UploadError("timeout", target=url), True
            if isinstance(reason, ssl.SSLCertVerificationError):
                # A certificate we do not trust stays untrusted: asking again changes nothing.
                return UploadError("unreachable", target=url), False
            return UploadError("unreachable", target=url), True
        except TimeoutError:  # while waiting for the answer, after the request was sent
            return UploadError("timeout", target=url), True
        except (OSError, HTTPException):  # reset, dropped, a garbled status line
            return UploadError("unreachable", target=url), True
        if status in _OK_STATUS:
            return None, False
        if status == 401:
            return UploadError("auth", target=url, status=status), False
        if status >= 500 or status in _RETRY_STATUS:
            return UploadError("http", target=url, status=status), True
        if 400 <= status < 500:
            # 403, 404, 405, 409 (no such collection), 413 (too large): the user must act.
            return UploadError("refused", target=url, status=status), False
        return UploadError("http", target=url, status=status), False  # 3xx, odd 2xx
