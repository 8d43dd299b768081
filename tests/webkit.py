"""A local web site for the fetch tests: a threaded HTTP server on 127.0.0.1 serving fixture pages and feeds.

Routes are plain data (path -> handler) so each test can add what it needs; the server records when each
request arrived and which headers it carried.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Route = Callable[["Handler"], None]


def page(outlet: str, title: str, published: str, paragraphs: list[str], canonical: str | None = None) -> str:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | {outlet}</title>
<meta property="og:site_name" content="{outlet}">
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{published}T08:00:00+00:00">
{link}
</head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1>
{body}
</article>
<footer>Share this article. Sign up to our newsletter.</footer>
</body></html>"""


def rss(title: str, items: list[dict[str, str]]) -> str:
    parts = []
    for it in items:
        fields = "".join(f"<{k}>{v}</{k}>" for k, v in it.items())
        parts.append(f"<item>{fields}</item>")
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f'<link>http://example.invalid/</link><description>news</description>{"".join(parts)}</channel></rss>')


class Handler(BaseHTTPRequestHandler):
    server: "Site"  # type: ignore[assignment]

    def log_message(self, *args: Any) -> None:  # quiet
        pass

    def do_GET(self) -> None:  # noqa: N802
        path = self.path.split("?")[0]
        self.server.hits.append((path, time.monotonic(), dict(self.headers)))
        route = self.server.routes.get(path)
        if route is None:
            self.send(404, "text/html", b"<html><body>Not found</body></html>")
            return
        try:
            route(self)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def send(self, status: int, ctype: str, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)


class Site(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.routes: dict[str, Route] = {}
        self.hits: list[tuple[str, float, dict[str, str]]] = []
        # a short poll: shutdown() waits up to one poll interval (the default half second, per test)
        self.thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def html(self, path: str, text: str) -> None:
        self.routes[path] = lambda h: h.send(200, "text/html; charset=utf-8", text.encode("utf-8"))

    def text(self, path: str, text: str, ctype: str = "text/plain") -> None:
        self.routes[path] = lambda h: h.send(200, ctype, text.encode("utf-8"))

    def redirect(self, path: str, to: str, status: int = 301) -> None:
        self.routes[path] = lambda h: h.send(status, "text/html", b"", {"Location": to})

    def paths_hit(self) -> list[str]:
        return [p for p, _t, _h in self.hits]

    def __enter__(self) -> "Site":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()
