"""`cchc check FILE [--html PAGE] [--json] [--lang vi|en]`: one article's figures shown in their
sentences, then its checks; exit status 3 when a check fails.

The terminal report lists each sentence that holds figures, with the numbers highlighted
(ANSI colour on a terminal, **stars** otherwise) and one line of labels per figure. The HTML
page is self-contained (inline CSS, no scripts, no external resources): the checks at the top,
then the article text with figures, units, officials and documents marked; each figure shows a
small tag (kind · aspect · subject, and the checks it is in), each failed check's message stands
under its sentence, all labels are in hover tooltips, and the figures table gives the offsets. Every piece of the article is HTML-escaped.
"""
from __future__ import annotations

import html
import json
import os
import re
import sys
from pathlib import Path

from .ingest import printable

BOLD_YELLOW, BOLD_RED, RESET = "\x1b[1;33m", "\x1b[1;31m", "\x1b[0m"
# control characters (escape sequences included) in an article must not drive the terminal
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class ReportError(Exception):
    """FILE cannot be read as an article or a record."""


# --------------------------------------------------------------------------- input

def _first_record(path: Path) -> dict | None:
    """The first record of a records.jsonl, or None when `path` holds articles instead."""
    if path.suffix.lower() != ".jsonl" or not path.is_file():
        return None
    with open(path, encoding="utf-8", errors="replace") as fh:
        line = next((line for line in fh if line.strip()), "")
    try:
        obj = json.loads(line)
    except json.JSONDecodeError:
        return None
    is_record = isinstance(obj, dict) and "schema_version" in obj and isinstance(obj.get("figures"), list)
    return obj if is_record else None


def load_record(path: str) -> dict:
    """The record for FILE: the first record of a records.jsonl, else the first article of any
    input `cchc extract` reads, extracted now."""
    from .extract import extract_article
    from .ingest import InputError, iter_articles

    if Path(path).is_dir():
        from .ingest import iter_input_files

        files = [f for f in iter_input_files([path]) if isinstance(f, str)]
        if len(files) > 1:
            shown = ", ".join(printable(f) for f in files[:10]) + (", ..." if len(files) > 10 else "")
            raise ReportError(f"{path} holds {len(files)} input files; `cchc check` reads one "
                              f"article: name one of them ({shown})")
    record = _first_record(Path(path))
    if record is None:
        item = next(iter(iter_articles([path])), None)
        if item is None:
            raise ReportError(f"{path}: no article found")
        if isinstance(item, InputError):
            raise ReportError(f"{item.source}: {item.message}")
        record = extract_article(item)
    if record.get("text") is None:
        raise ReportError(f"{path}: the record has no text (extracted with --no-text)")
    return record


# --------------------------------------------------------------------------- labels

def format_value(figure: dict) -> str:
    def num(x) -> str:
        return str(int(x)) if float(x).is_integer() else str(x)

    value = num(figure["value"])
    if figure.get("denominator") is not None:
        value += f"/{num(figure['denominator'])}"
    return value + (" %" if figure.get("kind") == "percent" else "")


def unit_label(unit: dict) -> str:
    return f"{unit.get('type')} {unit.get('name')}"


def _subject(figure: dict, units: dict) -> str | None:
    subject = figure.get("subject") or {}
    unit = units.get(subject.get("unit"))
    if unit:
        code = f", {unit['code']}" if unit.get("code") else ""
        return f"{unit_label(unit)} ({unit['id']}{code})"
    if subject.get("aggregate"):
        return f"{subject.get('text') or subject['aggregate']} (aggregate)"
    return subject.get("text")


def _period(figure: dict) -> str | None:
    period = figure.get("period")
    if not period:
        return None
    if not (period.get("start") or period.get("end")):
        return period.get("text")
    return f"{period.get('text')} ({period.get('start') or '?'} – {period.get('end') or '?'})"


def figure_labels(figure: dict, units: dict) -> list[tuple[str, str]]:
    """(name, value) pairs describing a figure; missing ones are left out."""
    obj = figure.get("object")
    if figure.get("noun"):
        obj = f"{obj} ({figure['noun']})"
    labels = [("kind", figure.get("kind")), ("value", format_value(figure)),
              ("aspect", figure.get("aspect")), ("object", obj), ("approx", figure.get("approx")),
              ("change", "yes" if figure.get("change") else None),
              ("subject", _subject(figure, units)), ("period", _period(figure))]
    return [(k, v) for k, v in labels if v]


def flagged_figures(record: dict) -> set[str]:
    return {fid for check in record.get("checks") or [] for fid in check.get("figures") or []}


def _summary(record: dict) -> str:
    keys = ("figures", "units", "officials", "documents", "checks")
    counts = [(len(record.get(key) or []), key) for key in keys]
    return " · ".join(f"{n} {key if n != 1 else key[:-1]}" for n, key in counts)


# --------------------------------------------------------------------------- terminal

def _highlight(text: str, start: int, figures: list[dict], flagged: set[str], color: bool) -> str:
    """`text` (which starts at offset `start` of the article) with the figures marked, on one line."""
    out, at = [], 0
    for f in sorted(figures, key=lambda f: f["span"][0]):
        s, e = f["span"][0] - start, f["span"][1] - start
        if s < at:
            continue  # overlaps the previous figure
        if color:
            mark = BOLD_RED if f["id"] in flagged else BOLD_YELLOW
            out += [text[at:s], mark, text[s:e], RESET]
        else:
            out += [text[at:s], "**", text[s:e], "**"]
        at = e
    out.append(text[at:])
    return " ".join("".join(out).split())


def _by_sentence(figures: list[dict]) -> list[tuple[tuple[int, int], list[dict]]]:
    groups: dict[tuple[int, int], list[dict]] = {}
    for f in figures:
        sentence = tuple(f.get("sentence") or f["span"])
        groups.setdefault(sentence, []).append(f)
    return sorted(groups.items())


def terminal_report(record: dict, color: bool = False) -> str:
    text = _CONTROL.sub(" ", record["text"])  # one character for one: offsets stay valid
    units = {u["id"]: u for u in record.get("units") or []}
    flagged = flagged_figures(record)
    lines = [_CONTROL.sub(" ", f"{record['doc_id']}  {record.get('title') or ''}").rstrip(),
             printable(f"published {record.get('published') or 'unknown'} · {record.get('source')}"),
             _summary(record), "", "Figures"]
    for (start, end), figures in _by_sentence(record.get("figures") or []):
        lines.append("  " + _highlight(text[start:end], start, figures, flagged, color))
        for f in figures:
            mark = "!" if f["id"] in flagged else " "
            labels = "  ".join(f"{k}: {v}" for k, v in figure_labels(f, units))
            lines.append(f"   {mark}{f['id']:<4} {labels}")
        lines.append("")
    if not record.get("figures"):
        lines += ["  (none)", ""]
    lines.append(f"Checks ({len(record.get('checks') or [])})")
    for check in record.get("checks") or []:
        lines.append(f"  ! {check.get('kind')} [{', '.join(check.get('figures') or [])}]: {check.get('message')}")
    if not record.get("checks"):
        lines.append("  none: no inconsistency found between the figures")
    return "\n".join(lines)


# --------------------------------------------------------------------------- HTML

CSS = """
body { font: 16px/1.6 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
h1 { font-size: 1.5rem; margin-bottom: .2rem; } .meta { color: #666; margin-top: 0; }
#checks { background: #fff4f4; border-left: 4px solid #c00; padding: .5rem 1rem; }
#checks.clean { background: #f3fbf3; border-color: #393; }
.article { white-space: pre-wrap; border-top: 1px solid #ddd; padding-top: 1rem; }
mark { background: none; color: inherit; border-radius: 3px; padding: 0 1px; }
mark.document { border-bottom: 2px dotted #888; }
mark.unit { background: #cfe6ff; } mark.official { background: #d4f5cf; }
mark.figure { background: #ffe08a; font-weight: 600; } mark.flagged { outline: 2px solid #c00; }
mark:hover { filter: brightness(.85); cursor: help; }
.legend mark { margin-right: .5rem; }
table { border-collapse: collapse; font-size: .9rem; margin-top: 1rem; }
td, th { border: 1px solid #ddd; padding: 2px 6px; text-align: left; vertical-align: top; }
mark.tagged::after { content: attr(data-tag); font: 600 .68rem/1 system-ui, sans-serif; color: #6b4e00;
  background: #fff7d6; border: 1px solid #e6c65c; border-radius: 3px; padding: 1px 3px; margin-left: 2px;
  vertical-align: super; white-space: nowrap; }
mark.flagged.tagged::after { color: #900; background: #fff0f0; border-color: #c00; }
.check-note::before { content: attr(data-note); display: block; white-space: normal; margin: .2rem 0 .6rem;
  padding: .2rem .5rem; border-left: 3px solid #c00; background: #fff4f4; color: #900; font-size: .9rem; }
.scroll { overflow-x: auto; }
@media (max-width: 600px) { body { margin: .5rem auto; font-size: 15px; } mark.tagged::after { white-space: normal; } }
@media print { mark.tagged::after, .check-note::before { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
"""


def _esc(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _facts(record: dict) -> list[tuple[int, int, str, str, str]]:
    """(start, end, css class, fact id, tooltip) for every highlighted span."""
    units = {u["id"]: u for u in record.get("units") or []}
    flagged = flagged_figures(record)
    facts = []
    for f in record.get("figures") or []:
        tip = "\n".join([f"{f['id']}", *(f"{k}: {v}" for k, v in figure_labels(f, units))])
        css = "figure flagged" if f["id"] in flagged else "figure"
        facts.append((*f["span"], css, f["id"], tip))
    for u in record.get("units") or []:
        tip = "\n".join([f"{u['id']}: {unit_label(u)}", *(f"{k}: {u[k]}" for k in
                         ("code", "district", "province", "code_2025") if u.get(k))])
        facts += [(s, e, "unit", u["id"], tip) for s, e in u.get("mentions") or []]
    for o in record.get("officials") or []:
        roles = [", ".join(x for x in (r.get("title"), r.get("org_expanded") or r.get("org")) if x)
                 for r in o.get("roles") or []]
        tip = "\n".join([f"{o['id']}: {o.get('name')}", *roles])
        facts += [(s, e, "official", o["id"], tip) for s, e in o.get("mentions") or []]
    for n, d in enumerate(record.get("documents") or [], 1):
        tip = " · ".join(x for x in (d.get("type"), d.get("number"), d.get("date"), d.get("issuer")) if x)
        facts.append((*d["span"], "document", f"d{n}", tip))
    return facts


def highlighted_html(text: str, facts: list[tuple[int, int, str, str, str]],
                     tags: dict[str, str] | None = None, notes: dict[int, list[str]] | None = None) -> str:
    """`text`, escaped, with a <mark> around every stretch covered by facts. Facts may overlap:
    the text is cut at every fact boundary and each piece carries all the facts covering it.
    `tags` (fact id -> label) shows a fact's labels after its last piece and `notes` (offset ->
    messages) a check's message where its sentence ends, both as CSS generated content of
    attributes, so the page's text stays the article's text."""
    tags, notes = tags or {}, notes or {}
    cuts = sorted({0, len(text), *(x for s, e, *_ in facts for x in (s, e) if 0 <= x <= len(text)),
                   *(x for x in notes if 0 <= x <= len(text))})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [f for f in facts if f[0] <= a and b <= f[1]]
        if not covering:
            out.append(_esc(text[a:b]))
        else:
            classes = " ".join(dict.fromkeys(c for f in covering for c in f[2].split()))
            ids = " ".join(dict.fromkeys(f[3] for f in covering))
            anchor = next((f[3] for f in covering if f[0] == a and "figure" in f[2]), None)
            tip = "\n\n".join(dict.fromkeys(f[4] for f in covering))
            id_attr = f' id="{_esc(anchor)}"' if anchor else ""
            tag = " · ".join(tags[f[3]] for f in covering if f[1] == b and f[3] in tags)
            tag_attr = f' data-tag="{_esc(tag)}"' if tag else ""
            out.append(f'<mark{id_attr} class="{classes}{" tagged" if tag else ""}" data-facts="{_esc(ids)}"'
                       f'{tag_attr} title="{_esc(tip)}">{_esc(text[a:b])}</mark>')
        for message in notes.get(b, ()):
            out.append(f'<span class="check-note" data-note="{_esc(message)}"></span>')
    return "".join(out)


def _figure_tags(record: dict) -> dict[str, str]:
    """Each figure's visible label: kind · aspect · subject, and the checks it is part of."""
    units = {u["id"]: u for u in record.get("units") or []}
    checks_of: dict[str, list[str]] = {}
    for c in record.get("checks") or []:
        for fid in c.get("figures") or []:
            checks_of.setdefault(fid, []).append(c.get("kind") or "check")
    tags = {}
    for f in record.get("figures") or []:
        subject = f.get("subject") or {}
        unit = units.get(subject.get("unit"))
        parts = [f.get("kind"), f.get("aspect"), unit_label(unit) if unit else subject.get("text")]
        parts += [f"⚠ {kind}" for kind in checks_of.get(f["id"], [])]
        tags[f["id"]] = " · ".join(p for p in parts if p)
    return tags


def _check_notes(record: dict) -> dict[int, list[str]]:
    """Each check's message at the end of the sentence of its last figure."""
    sentence_end = {f["id"]: f["sentence"][1] for f in record.get("figures") or [] if f.get("sentence")}
    notes: dict[int, list[str]] = {}
    for c in record.get("checks") or []:
        ends = [sentence_end[fid] for fid in c.get("figures") or [] if fid in sentence_end]
        if ends:
            notes.setdefault(max(ends), []).append(f"⚠ {c.get('kind')}: {c.get('message')}")
    return notes


def _checks_html(record: dict) -> str:
    checks = record.get("checks") or []
    if not checks:
        return ('<section id="checks" class="clean"><h2>Checks</h2>'
                "<p>No inconsistency found between the figures.</p></section>")
    items = []
    for c in checks:
        links = ", ".join(f'<a href="#{_esc(fid)}">{_esc(fid)}</a>' for fid in c.get("figures") or [])
        items.append(f'<li class="check" data-kind="{_esc(c.get("kind"))}"><b>{_esc(c.get("kind"))}</b> '
                     f"({links}): {_esc(c.get('message'))}</li>")
    return f'<section id="checks"><h2>Checks ({len(checks)})</h2><ul>{"".join(items)}</ul></section>'


def _figures_table(record: dict) -> str:
    units = {u["id"]: u for u in record.get("units") or []}
    names = ["kind", "value", "aspect", "object", "approx", "subject", "period"]
    rows = []
    for f in record.get("figures") or []:
        labels = dict(figure_labels(f, units))
        cells = "".join(f"<td>{_esc(labels.get(k, ''))}</td>" for k in names)
        link = f'<a href="#{_esc(f["id"])}">{_esc(f["id"])}</a>'
        span = f"[{f['span'][0]}, {f['span'][1]})"
        rows.append(f"<tr><td>{link}</td><td>{_esc(f.get('surface'))}</td><td>{span}</td>{cells}</tr>")
    head = "".join(f"<th>{k}</th>" for k in ["id", "as written", "offsets", *names])
    return (f'<section id="figures"><h2>Figures</h2><div class="scroll"><table><tr>{head}</tr>'
            f'{"".join(rows)}</table></div></section>')


def html_report(record: dict) -> str:
    title = record.get("title") or record["doc_id"]
    meta = " · ".join(_esc(x) for x in (record["doc_id"], record.get("published"), record.get("source")) if x)
    legend = ('<p class="legend"><mark class="figure">figure</mark>'
              '<mark class="figure flagged">figure in a check</mark><mark class="unit">unit</mark>'
              '<mark class="official">official</mark>'
              '<mark class="document">document</mark> each figure shows kind · aspect · subject;'
              ' hover a highlight for all its labels</p>')
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="vi">', "<head>", '<meta charset="utf-8">',
        f"<title>cchc check: {_esc(title)}</title>", f"<style>{CSS}</style>", "</head>", "<body>",
        f"<h1>{_esc(title)}</h1>", f'<p class="meta">{meta} · {_esc(_summary(record))}</p>',
        _checks_html(record), legend,
        f'<div class="article">{highlighted_html(record["text"], _facts(record), _figure_tags(record), _check_notes(record))}</div>',
        _figures_table(record), "</body>", "</html>", ""])


# --------------------------------------------------------------------------- command

CHECK_FAILED = 3  # exit status of `cchc check` when the article has an inconsistency


def recheck(record: dict, lang: str) -> dict:
    """The record with its checks run again over its figures, messages in `lang`."""
    from .checks import run_checks

    return {**record, "checks": run_checks(record.get("figures") or [], record["text"], lang=lang,
                                           units=record.get("units") or ())}


def json_report(record: dict) -> str:
    """The record as one JSON document, without its text (the spans index the article)."""
    return json.dumps({k: v for k, v in record.items() if k != "text"}, ensure_ascii=False, indent=1)


def cmd_check(args) -> int:
    """Exit status: 0 when no check fails, 3 when one does, 1 when FILE cannot be read."""
    try:
        record = recheck(load_record(args.file), getattr(args, "lang", "vi") or "vi")
    except (ReportError, OSError) as e:
        print(printable(f"cchc check: {e}"), file=sys.stderr)
        return 1
    if getattr(args, "json", False):
        print(json_report(record))
    else:
        color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
        print(terminal_report(record, color=color))
    if args.html:
        try:
            Path(args.html).write_text(html_report(record), encoding="utf-8")
        except OSError as e:
            print(printable(f"cchc check: cannot write {args.html}: {e.strerror or e}"), file=sys.stderr)
            return 1
        print(printable(f"cchc check: wrote {args.html}"), file=sys.stderr)
    return CHECK_FAILED if record["checks"] else 0
