"""A local web site for the web-input tests: fixed routes served from 127.0.0.1 in a thread.

Every request is logged (path and headers); routes can answer 304 to a matching If-None-Match,
stall longer than a client's timeout, or fail. The server serves at most MAX_REQUESTS requests
and stops when its `with` block ends, so a test can never leave it running.
"""
from __future__ import annotations

import html
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MAX_REQUESTS = 500


@dataclass
class Route:
    body: bytes | str = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    etag: str | None = None
    delay: float = 0.0  # seconds before answering (a timeout test)

    def payload(self) -> bytes:
        return self.body.encode("utf-8") if isinstance(self.body, str) else self.body


@dataclass
class Site:
    routes: dict[str, Route] = field(default_factory=dict)
    log: list[tuple[str, dict]] = field(default_factory=list)
    port: int = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def paths(self) -> list[str]:
        return [path for path, _ in self.log]

    def __enter__(self) -> "Site":
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                site.log.append((self.path, dict(self.headers)))
                if len(site.log) > MAX_REQUESTS:
                    threading.Thread(target=self.server.shutdown, daemon=True).start()
                route = site.routes.get(self.path, Route("<html><body>not found</body></html>", status=404))
                if route.delay:
                    time.sleep(route.delay)
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    self.send_response(304)
                    self.send_header("ETag", route.etag)
                    self.end_headers()
                    return
                body = route.payload()
                try:
                    self.send_response(route.status)
                    self.send_header("Content-Type", route.content_type)
                    self.send_header("Content-Length", str(len(body)))
                    if route.etag:
                        self.send_header("ETag", route.etag)
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                                       daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


NAV = ("<nav><ul><li><a href='/'>Trang chủ</a></li><li><a href='/thoi-su'>Thời sự</a></li>"
       "<li><a href='/kinh-te'>Kinh tế</a></li><li><a href='/xa-hoi'>Xã hội</a></li>"
       "<li><a href='/lien-he'>Liên hệ quảng cáo</a></li></ul></nav>")
FOOTER = ("<footer><p>Cơ quan chủ quản: Ủy ban nhân dân tỉnh. Giấy phép số 123/GP-BTTTT do Bộ Thông "
          "tin và Truyền thông cấp. Địa chỉ tòa soạn: số 1 đường Trần Phú. Bản quyền thuộc về tòa "
          "soạn; ghi rõ nguồn khi phát hành lại thông tin từ website này.</p></footer>")


def article_page(title: str, paragraphs: list[str], published: str = "2024-05-06",
                 author: str | None = "Minh Anh") -> str:
    """A news page: metadata in <head>, navigation, the article, related links and a footer."""
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    author_meta = f"<meta name='author' content='{author}'>" if author else ""
    title = html.escape(title)
    return (f"<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'><title>{title}</title>"
            f"<meta property='og:title' content='{title}'>"
            f"<meta property='article:published_time' content='{published}T08:00:00+07:00'>"
            f"{author_meta}</head><body><header>{NAV}</header><main><article><h1>{title}</h1>"
            f"{body}</article><aside><h3>Tin liên quan</h3><ul><li><a href='/a'>Bài khác một</a></li>"
            f"<li><a href='/b'>Bài khác hai</a></li></ul></aside></main>{FOOTER}</body></html>")


def rss(items: list[str], base: str) -> str:
    entries = "".join(f"<item><title>Tin {i}</title><link>{base}{path}</link></item>"
                      for i, path in enumerate(items))
    return (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Tin</title>"
            f"<link>{base}/</link>{entries}</channel></rss>")


def sitemap(paths: list[str], base: str, index: bool = False) -> str:
    tag, item = ("sitemapindex", "sitemap") if index else ("urlset", "url")
    entries = "".join(f"<{item}><loc>{base}{p}</loc></{item}>" for p in paths)
    return (f"<?xml version='1.0' encoding='UTF-8'?><{tag} xmlns='http://www.sitemaps.org/schemas/"
            f"sitemap/0.9'>{entries}</{tag}>")
