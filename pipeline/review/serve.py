"""`cchc review OUTDIR [--host H] [--port P] [--export-gold FILE]`: run the app, or write gold."""
from __future__ import annotations

import sys

LOCALHOST = "127.0.0.1"


def cmd_review(args) -> int:
    from ..corrections import CorrectionsError
    from .store import ArchiveError

    try:
        if args.export_gold:
            return _export_gold(args)
        return _serve(args)
    except (ArchiveError, CorrectionsError) as e:
        print(f"cchc review: {e}", file=sys.stderr)
        return 1


def _export_gold(args) -> int:
    from .gold import export_gold

    try:
        n, n_stale = export_gold(args.outdir, args.export_gold)
    except OSError as e:
        print(f"cchc review: cannot write {args.export_gold}: {e.strerror or e}", file=sys.stderr)
        return 1
    note = f"; {n_stale} corrections no longer apply" if n_stale else ""
    print(f"cchc review: {n} reviewed article{'s' * (n != 1)} -> {args.export_gold} (gold){note}",
          file=sys.stderr)
    return 0


def _serve(args) -> int:
    from werkzeug.serving import make_server

    from ..corrections import describe_stale
    from .app import create_app

    host = args.host or LOCALHOST
    if args.host and args.host not in (LOCALHOST, "localhost", "::1"):
        print(f"cchc review: WARNING: listening on {host}: anyone who can reach this address can "
              "read the archive (writes still need the page's token)", file=sys.stderr)
    app = create_app(args.outdir, local_only=host in (LOCALHOST, "localhost", "::1"))
    try:
        server = make_server(host, args.port, app, threaded=True)
    except OSError as e:
        print(f"cchc review: cannot listen on {host}:{args.port}: {e.strerror or e}", file=sys.stderr)
        return 1
    stale = app.config["CCHC_ARCHIVE"].stale
    if stale:
        print(f"cchc review: {len(stale)} correction{'s' * (len(stale) != 1)} no longer apply to the "
              "records (each article's page lists its own):", file=sys.stderr)
        print(describe_stale(stale[:20]), file=sys.stderr)
    shown = f"[{host}]" if ":" in host else host
    print(f"cchc review: http://{shown}:{server.server_port}/  (Ctrl-C to stop)", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
