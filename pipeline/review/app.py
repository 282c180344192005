"""The review web app (Flask): the page, its static assets and the JSON API under /api/.

    GET  /                                   the page (carries the per-run token)
    GET  /api/articles?unit=&province=&aspect=&index=&check=&year=&period=&checks=yes|no
                      &duplicates=yes|no&reviewed=yes|no&q=&page=1&per_page=50
                                             one page of articles, total, facet counts
    GET  /api/articles/<doc_id>              one article, corrections applied, and its review
    POST /api/articles/<doc_id>/corrections  one correction (header X-CCHC-Token: the token)
    GET  /api/meta                           the label vocabularies the page offers

Every article text reaches the page as JSON and is put in the DOM as text (never as HTML).
"""
from __future__ import annotations

import hmac
import secrets
from importlib import resources

from flask import Flask, abort, jsonify, request

from ..corrections import append_correction
from .actions import ActionError, build_correction, figure_enums
from .store import FACETS, FLAGS, Archive

TOKEN_HEADER = "X-CCHC-Token"
FILTERS = (*FACETS, "year", *FLAGS, "q")
_STATIC = resources.files("pipeline.review").joinpath("static")
_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


def _int_arg(name: str, default: int) -> int:
    try:
        return int(request.args.get(name, default))
    except ValueError:
        abort(400, description=f"{name} must be a whole number")


LOCAL_NAMES = frozenset({"127.0.0.1", "localhost", "[::1]"})


def _host_name(host: str) -> str:
    """The name in a Host header: "127.0.0.1:8765" -> "127.0.0.1", "[::1]:8765" -> "[::1]";
    anything not of the form NAME[:PORT] is returned whole (and matches no local name)."""
    end = host.find("]") + 1 if host.startswith("[") else len(host.split(":", 1)[0])
    name, rest = host[:end], host[end:]
    return name if rest == "" or (rest[:1] == ":" and rest[1:].isdigit()) else host


def create_app(outdir, token: str | None = None, local_only: bool = False) -> Flask:
    """The app over OUTDIR; `token` (default: a fresh random one) guards every POST.
    `local_only` refuses requests whose Host is not a loopback name (a page of another site
    whose name resolves to 127.0.0.1, DNS rebinding, cannot read the page and its token)."""
    archive = Archive(outdir)
    app = Flask(__name__, static_folder=None)
    app.url_map.merge_slashes = False  # "/api/articles//etc" is the doc_id "/etc", not a redirect
    app.config["CCHC_TOKEN"] = token or secrets.token_urlsafe(24)
    app.config["CCHC_ARCHIVE"] = archive
    app.json.ensure_ascii = False

    @app.before_request
    def _local_host():
        if local_only and _host_name(request.host) not in LOCAL_NAMES:
            abort(403, description="this server answers only to 127.0.0.1 and localhost")

    @app.after_request
    def _headers(resp):
        resp.headers["Content-Security-Policy"] = _CSP
        resp.headers["X-Content-Type-Options"] = "nosniff"
        resp.headers["Referrer-Policy"] = "no-referrer"
        resp.headers["Cache-Control"] = "no-store"
        return resp

    @app.errorhandler(400)
    @app.errorhandler(403)
    @app.errorhandler(404)
    @app.errorhandler(405)
    @app.errorhandler(415)
    def _error(e):
        return jsonify(error=e.description), e.code

    @app.get("/")
    def page():
        html = _STATIC.joinpath("index.html").read_text("utf-8")
        # the token is URL-safe base64: nothing in it needs escaping in an attribute
        html = html.replace("{{TOKEN}}", app.config["CCHC_TOKEN"])
        return html, 200, {"Content-Type": "text/html; charset=utf-8"}

    @app.get("/static/<name>")
    def static_file(name: str):
        # only the files shipped in the package, by exact name
        types = {"review.js": "text/javascript", "review.css": "text/css"}
        if name not in types:
            abort(404, description="no such file")
        return _STATIC.joinpath(name).read_bytes(), 200, {"Content-Type": f"{types[name]}; charset=utf-8"}

    @app.get("/api/meta")
    def meta():
        return jsonify(enums=figure_enums(), filters=list(FILTERS), articles=len(archive.offsets),
                       stale=[{"correction": c, "reason": r} for c, r in archive.stale])

    @app.get("/api/articles")
    def articles():
        filters = {k: request.args.get(k) for k in FILTERS if request.args.get(k)}
        if "year" in filters and not filters["year"].isdigit():
            abort(400, description="year must be a number")
        for flag in FLAGS:
            if filters.get(flag) not in (None, "yes", "no"):
                abort(400, description=f"{flag} must be yes or no")
        return jsonify(archive.list_articles(filters, _int_arg("page", 1), _int_arg("per_page", 50)))

    @app.get("/api/articles/<path:doc_id>")
    def article(doc_id: str):
        view = archive.article(doc_id)
        if view is None:
            abort(404, description="no such article")
        return jsonify(view)

    @app.post("/api/articles/<path:doc_id>/corrections")
    def correct(doc_id: str):
        sent = request.headers.get(TOKEN_HEADER, "")
        if not hmac.compare_digest(sent.encode(), app.config["CCHC_TOKEN"].encode()):
            abort(403, description=f"missing or wrong {TOKEN_HEADER}")
        if not request.is_json:
            abort(415, description="send the correction as application/json")
        view = archive.article(doc_id)
        if view is None:
            abort(404, description="no such article")
        try:
            correction = build_correction(view["record"], request.get_json(silent=True))
        except ActionError as e:
            abort(400, description=str(e))
        line = append_correction(archive.outdir, correction)
        if correction["action"] == "reviewed":
            archive.refresh_reviewed()
        return jsonify(correction=line, article=archive.article(doc_id)), 201

    return app
