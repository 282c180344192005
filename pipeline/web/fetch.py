"""One polite GET: robots.txt obeyed, a delay between requests to the same host, timeouts,
retries with exponential backoff, and conditional GET (If-None-Match / If-Modified-Since).

trafilatura's own `fetch_url` sends neither validators nor reports a 304, so the GET itself is
urllib3 (which trafilatura uses too); trafilatura reads what comes back.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import urllib3

from .config import FetchConfig

RETRY_STATUS = {429, 500, 502, 503, 504}


class FetchError(Exception):
    """A URL that gave no usable document; `kind` is the error class written to errors.jsonl."""

    def __init__(self, message: str, kind: str = "FetchError"):
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int  # 200, or 304 when the validators sent still hold
    body: bytes
    content_type: str
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    def text(self) -> str:
        """The body as text: the charset the server names, else UTF-8 (undecodable bytes
        replaced: trafilatura and the feed readers work on str)."""
        charset = "utf-8"
        for part in self.content_type.split(";")[1:]:
            name, _, value = part.strip().partition("=")
            if name.lower() == "charset" and value:
                charset = value.strip("\"'")
        try:
            return self.body.decode(charset, errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class Fetcher:
    """GETs for one run; counts its requests (`requests`) and keeps robots.txt per host."""

    def __init__(self, config: FetchConfig | None = None, sleep=time.sleep, clock=time.monotonic):
        self.config = config or FetchConfig()
        self.sleep, self.clock = sleep, clock
        timeout = urllib3.Timeout(connect=self.config.connect_timeout, read=self.config.read_timeout)
        retry = urllib3.Retry(total=None, connect=0, read=0, status=0, other=0, redirect=5)
        self.pool = urllib3.PoolManager(timeout=timeout, retries=retry)
        self.last_request: dict[str, float] = {}
        self.robots: dict[str, RobotFileParser] = {}
        self.requests = 0

    # ------------------------------------------------------------------ public

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        """The document at `url` (status 200), or status 304 if the validators still hold.
        Raises FetchError for a URL robots.txt disallows, an HTTP error or a network failure."""
        if self.config.obey_robots and not self.allowed(url):
            raise FetchError("robots.txt disallows this URL", "RobotsDisallowed")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        response = self._get_with_retries(url, headers)
        if response.status not in (200, 304):
            raise FetchError(f"HTTP {response.status}", "HTTPError")
        return response

    def allowed(self, url: str) -> bool:
        host = host_of(url)
        if host not in self.robots:
            self.robots[host] = self._read_robots(host)
        return self.robots[host].can_fetch(self.config.user_agent, url)

    def close(self) -> None:
        self.pool.clear()

    # ------------------------------------------------------------------ internals

    def _read_robots(self, host: str) -> RobotFileParser:
        """robots.txt of `host`. Missing (4xx): everything allowed; 401/403, a server error or
        no answer: nothing allowed, as the robots.txt conventions ask."""
        robots = RobotFileParser(f"{host}/robots.txt")
        try:
            response = self._get_with_retries(f"{host}/robots.txt", {})
        except FetchError:
            robots.disallow_all = True
            return robots
        if response.status in (401, 403) or response.status >= 500:
            robots.disallow_all = True
        elif response.status >= 400:
            robots.allow_all = True
        else:
            robots.parse(response.text().splitlines())
        return robots

    def _delay_for(self, host: str) -> float:
        delay = self.config.delay
        robots = self.robots.get(host)
        if robots is not None:
            delay = max(delay, float(robots.crawl_delay(self.config.user_agent) or 0))
        return delay

    def _wait_turn(self, host: str) -> None:
        last = self.last_request.get(host)
        if last is not None:
            wait = last + self._delay_for(host) - self.clock()
            if wait > 0:
                self.sleep(wait)
        self.last_request[host] = self.clock()

    def _get_with_retries(self, url: str, headers: dict) -> Response:
        attempts = 1 + max(0, self.config.retries)
        for attempt in range(attempts):
            if attempt:
                self.sleep(self.config.backoff * 2 ** (attempt - 1))
            try:
                response = self._get_once(url, headers)
            except FetchError as exc:
                if exc.kind not in ("Timeout", "ConnectionError") or attempt == attempts - 1:
                    raise
                continue
            if response.status not in RETRY_STATUS or attempt == attempts - 1:
                return response
        raise AssertionError("unreachable")

    def _get_once(self, url: str, headers: dict) -> Response:
        self._wait_turn(host_of(url))
        self.requests += 1
        try:
            raw = self.pool.request("GET", url, headers={"User-Agent": self.config.user_agent, **headers},
                                    preload_content=False)
        except urllib3.exceptions.MaxRetryError as exc:
            raise _network_error(exc.reason or exc) from None
        except urllib3.exceptions.HTTPError as exc:
            raise _network_error(exc) from None
        try:
            body = self._read_body(raw)
        except urllib3.exceptions.HTTPError as exc:
            raise _network_error(exc) from None
        finally:
            raw.release_conn()
        return Response(url=raw.geturl() or url, status=raw.status, body=body,
                        content_type=raw.headers.get("Content-Type", ""),
                        etag=raw.headers.get("ETag"), last_modified=raw.headers.get("Last-Modified"))

    def _read_body(self, raw) -> bytes:
        chunks, size = [], 0
        for chunk in raw.stream(65536):
            size += len(chunk)
            if size > self.config.max_bytes:
                raise FetchError(f"response is larger than {self.config.max_bytes:,} bytes", "InputTooLarge")
            chunks.append(chunk)
        return b"".join(chunks)


def _network_error(exc: BaseException) -> FetchError:
    if isinstance(exc, (urllib3.exceptions.TimeoutError, TimeoutError)):
        return FetchError("timed out", "Timeout")
    return FetchError(f"{type(exc).__name__}: {exc}", "ConnectionError")
