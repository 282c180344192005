// cchc review: the page. Every text from the archive is put in the DOM with textContent,
// never as HTML. Offsets in records are Python str indices (code points); the page converts
// between them and the UTF-16 indices of JavaScript strings.
"use strict";

const TOKEN = document.querySelector('meta[name="cchc-token"]').content;
const FACET_NAMES = ["unit", "province", "aspect", "index", "year", "period", "check", "checks", "duplicates", "reviewed"];
const PER_PAGE = 50;
const state = { enums: null, list: null, article: null, current: -1, selection: null, listQuery: "" };

const $ = (sel) => document.querySelector(sel);
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "text") node.textContent = v;
    else if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(node.dataset, v);
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
}
function status(msg, isError = false) {
  const s = $("#status");
  s.textContent = msg;
  s.className = isError ? "error" : "";
}

async function api(path, options = {}) {
  const resp = await fetch(path, options);
  const body = await resp.json().catch(() => ({}));
  if (!resp.ok) throw new Error(body.error || `HTTP ${resp.status}`);
  return body;
}
function post(docId, correction) {
  return api(`/api/articles/${encodeURIComponent(docId)}/corrections`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-CCHC-Token": TOKEN },
    body: JSON.stringify(correction),
  });
}

// ------------------------------------------------------------------ routing

function route() {
  const hash = location.hash || "#/";
  if (hash.startsWith("#/a/")) {
    showArticle(decodeURIComponent(hash.slice(4)));
  } else {
    const query = hash.indexOf("?") >= 0 ? hash.slice(hash.indexOf("?") + 1) : "";
    showList(new URLSearchParams(query));
  }
}
window.addEventListener("hashchange", route);

// ------------------------------------------------------------------ list

function filterParams() {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData($("#filters"))) if (v) params.set(k, v);
  return params;
}

async function showList(params) {
  $("#article-view").hidden = true;
  $("#list-view").hidden = false;
  const page = Number(params.get("page") || 1);
  params.set("per_page", PER_PAGE);
  state.listQuery = params.toString();
  try {
    const data = await api(`/api/articles?${params}`);
    state.list = data;
    renderFilters(params, data.facets);
    renderArticles(data, page);
    status("");
  } catch (e) { status(e.message, true); }
}

function renderFilters(params, facets) {
  $("#filters").elements.q.value = params.get("q") || "";
  for (const name of FACET_NAMES) {
    const select = $("#filters").elements[name];
    const chosen = params.get(name) || "";
    select.replaceChildren(el("option", { value: "", text: "any" }));
    const values = facets[name] || [];
    if (chosen && !values.some((f) => String(f.value) === chosen)) values.unshift({ value: chosen, count: 0 });
    for (const f of values) {
      const opt = el("option", { value: String(f.value), text: `${f.value} (${f.count})` });
      if (String(f.value) === chosen) opt.selected = true;
      select.append(opt);
    }
  }
}

function renderArticles(data, page) {
  const tbody = $("#articles tbody");
  tbody.replaceChildren();
  for (const a of data.articles) {
    const link = el("a", { href: `#/a/${encodeURIComponent(a.doc_id)}`, text: a.title || a.doc_id });
    tbody.append(el("tr", { dataset: { docId: a.doc_id } },
      el("td", { class: "title" }, link, el("br"), el("small", { text: a.doc_id + (a.duplicate_of ? ` · duplicate of ${a.duplicate_of}` : "") })),
      el("td", { text: a.published || "" }),
      el("td", { text: a.units || "" }),
      el("td", { class: "num", text: String(a.n_figures) }),
      el("td", { class: "num", text: String(a.n_checks) }),
      el("td", { text: a.reviewed ? "✓" : "" })));
  }
  const pages = Math.max(1, Math.ceil(data.total / data.per_page));
  $("#list-summary").textContent = `${data.total} article${data.total === 1 ? "" : "s"}`;
  $("#page-info").textContent = `page ${page} of ${pages}`;
  $("#prev-page").disabled = page <= 1;
  $("#next-page").disabled = page >= pages;
}

function goList(extra = {}) {
  const params = filterParams();
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  location.hash = `#/?${params}`;
}
$("#filters").addEventListener("change", () => goList());
$("#filters").addEventListener("submit", (e) => { e.preventDefault(); goList(); });
$("#clear-filters").addEventListener("click", () => { location.hash = "#/"; });
$("#prev-page").addEventListener("click", () => goList({ page: (state.list ? state.list.page : 1) - 1 }));
$("#next-page").addEventListener("click", () => goList({ page: (state.list ? state.list.page : 1) + 1 }));

// ------------------------------------------------------------------ offsets

function codePointIndex(text) {
  // u16[i] is the UTF-16 index of code point i (and u16[n] the length)
  const u16 = [];
  let i = 0;
  for (const ch of text) { u16.push(i); i += ch.length; }
  u16.push(i);
  return u16;
}

function pointToOffset(node, offset) {
  // (DOM node, offset) of a selection boundary -> code point offset in the article text
  let seg = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
  if (node.nodeType !== Node.TEXT_NODE) {
    const child = node.childNodes[offset];
    const start = child && child.closest ? child.closest("[data-s]") : null;
    if (start) return Number(start.dataset.s);
    seg = node;
  }
  seg = seg.closest("[data-s]");
  if (!seg) return null;
  return Number(seg.dataset.s) + Array.from(node.textContent.slice(0, offset)).length;
}

// ------------------------------------------------------------------ article

async function showArticle(docId) {
  $("#list-view").hidden = true;
  $("#article-view").hidden = false;
  try {
    const view = await api(`/api/articles/${encodeURIComponent(docId)}`);
    renderArticle(view);
    status("");
  } catch (e) { status(e.message, true); }
}

function facts(record) {
  const out = [];
  for (const f of record.figures || []) out.push({ kind: "figure", id: f.id, spans: [f.span], fact: f });
  for (const u of record.units || []) out.push({ kind: "unit", id: u.id, spans: u.mentions || [], fact: u });
  for (const o of record.officials || []) out.push({ kind: "official", id: o.id, spans: o.mentions || [], fact: o });
  for (const d of record.documents || []) out.push({ kind: "document", id: d.id, spans: [d.span], fact: d });
  return out;
}

function renderText(view) {
  const record = view.record;
  const text = record.text || "";
  const u16 = codePointIndex(text);
  const n = u16.length - 1;
  const corrected = new Set(view.corrected);
  const all = facts(record);
  const bounds = new Set([0, n]);
  for (const f of all) for (const [s, e] of f.spans) { bounds.add(s); bounds.add(e); }
  // a check is shown under the sentence of its first figure
  const figById = Object.fromEntries((record.figures || []).map((f) => [f.id, f]));
  const checksAt = {};
  for (const c of record.checks || []) {
    const first = (c.figures || []).map((id) => figById[id]).find((f) => f && f.sentence);
    const at = first ? first.sentence[1] : n;
    bounds.add(at);
    (checksAt[at] = checksAt[at] || []).push(c);
  }
  const cuts = [...bounds].filter((b) => b >= 0 && b <= n).sort((a, b) => a - b);
  const box = $("#text");
  box.replaceChildren();
  for (let i = 0; i < cuts.length; i++) {
    const s = cuts[i], e = cuts[i + 1];
    if (e !== undefined && e > s) {
      const covering = all.filter((f) => f.spans.some(([a, b]) => a <= s && e <= b));
      const seg = el("span", { dataset: { s: String(s) }, text: text.slice(u16[s], u16[e]) });
      for (const f of covering) {
        seg.classList.add(f.kind === "figure" ? "fig" : f.kind);
        if (f.kind === "figure") {
          seg.dataset.fig = f.id;
          if (corrected.has(`figure:${f.id}`)) seg.classList.add("corrected");
        }
      }
      box.append(seg);
      for (const f of covering) {
        if (f.kind === "figure" && f.fact.span[1] === e) {
          const label = [f.fact.aspect, f.fact.kind, f.fact.target ? "target" : ""].filter(Boolean).join(" · ");
          box.append(el("span", { class: "chip", "aria-hidden": "true", text: `${f.id} ${label}` }));
        }
      }
    }
    for (const c of checksAt[cuts[i]] || []) {
      box.append(el("span", { class: "check", text: `⚠ ${c.kind}: ${c.message}` }));
    }
  }
}

function fieldText(f, name, record) {
  const v = f[name];
  if (name === "subject") {
    const units = Object.fromEntries((record.units || []).map((u) => [u.id, u]));
    const u = v && units[v.unit];
    return u ? `${u.type} ${u.name}` : (v && (v.aggregate || v.text)) || "";
  }
  if (name === "period") return v ? v.text : "";
  if (name === "target") return v ? "yes" : "";
  if (name === "value") return f.denominator != null ? `${v}/${f.denominator}` : String(v);
  return v == null ? "" : String(v);
}

function renderFigures(view) {
  const record = view.record;
  const accepted = new Set(view.accepted);
  const corrected = new Set(view.corrected);
  const tbody = $("#figures tbody");
  tbody.replaceChildren();
  (record.figures || []).forEach((f, i) => {
    const row = el("tr", { dataset: { fig: f.id } });
    if (accepted.has(`figure:${f.id}`)) row.classList.add("accepted");
    if (corrected.has(`figure:${f.id}`)) row.classList.add("corrected");
    row.append(el("td", { text: f.id }), el("td", { class: "surface", text: f.surface || "" }));
    const cells = ["value", "kind", "aspect", "object", "approx", "subject", "period", "index", "target"]
      .map((name) => el("td", { class: `col-${name}`, text: fieldText(f, name, record) }));
    row.append(el("td", { class: "actions" },
      el("button", { type: "button", title: "accept", text: "✓", onclick: () => act({ action: "accept", kind: "figure", fact_id: f.id }) }),
      el("button", { type: "button", title: "edit labels", class: "edit", text: "edit", onclick: () => openEditor(f) }),
      el("button", { type: "button", title: "delete (false positive)", class: "delete", text: "✗", onclick: () => act({ action: "delete", kind: "figure", fact_id: f.id }) })), ...cells);
    row.addEventListener("click", (e) => { if (e.target.tagName !== "BUTTON") focusFact(i); });
    tbody.append(row);
  });
}

function renderFactList(id, kind, items, describe) {
  const ul = $(`#${id}`);
  ul.replaceChildren();
  for (const item of items || []) {
    ul.append(el("li", {},
      el("span", { text: describe(item) + " " }),
      el("button", { type: "button", class: "delete", title: `delete this ${kind}`, text: "✗",
        onclick: () => act({ action: "delete", kind, fact_id: item.id }) })));
  }
}

function renderArticle(view) {
  state.article = view;
  state.current = -1;
  const r = view.record;
  $("#article-title").textContent = r.title || r.doc_id;
  $("#article-meta").textContent = [r.doc_id, r.published, (r.authors || []).join(", "), r.source].filter(Boolean).join(" · ");
  $("#reviewed-state").textContent = view.reviewed ? "✓ reviewed" : "not reviewed";
  $("#reviewed-state").className = view.reviewed ? "yes" : "";
  $("#mark-reviewed").textContent = view.reviewed ? "Mark not reviewed" : "Mark reviewed";
  $("#prev-article").disabled = !view.previous;
  $("#next-article").disabled = !view.next;
  const stale = $("#stale");
  stale.hidden = !view.stale.length;
  stale.replaceChildren(el("strong", { text: `${view.stale.length} correction(s) no longer apply:` }),
    ...view.stale.map((s) => el("div", { text: `${s.correction.action} ${s.correction.fact_id || ""} ${s.correction.field || ""}: ${s.reason}` })));
  renderText(view);
  renderFigures(view);
  renderFactList("units", "unit", r.units, (u) => `${u.id} ${u.type} ${u.name}${u.province ? ", " + u.province : ""}${u.code ? " (" + u.code + ")" : ""}`);
  renderFactList("officials", "official", r.officials, (o) => `${o.id} ${o.name}${(o.roles || []).length ? " — " + o.roles.map((x) => [x.title, x.org].filter(Boolean).join(" ")).join("; ") : ""}`);
  renderFactList("documents", "document", r.documents, (d) => `${d.id} ${d.type} ${d.number || ""}${d.date ? " (" + d.date + ")" : ""}`);
  $("#history").replaceChildren(...view.corrections.map((c) =>
    el("li", { text: `${c.time} ${c.action} ${c.kind || ""} ${c.fact_id || ""} ${c.field || ""} ${c.after === undefined ? "" : JSON.stringify(c.after)}` })));
  $("#editor").hidden = true;
  clearSelection();
}

async function act(correction) {
  const docId = state.article.record.doc_id;
  try {
    const result = await post(docId, correction);
    renderArticle(result.article);
    status(`saved: ${correction.action} ${correction.kind || ""} ${correction.fact_id || ""}`);
  } catch (e) { status(e.message, true); }
}

// ------------------------------------------------------------------ keyboard: facts

function focusFact(i) {
  const figures = state.article.record.figures || [];
  if (!figures.length) return;
  state.current = (i + figures.length) % figures.length;
  const id = figures[state.current].id;
  document.querySelectorAll(".current").forEach((n) => n.classList.remove("current"));
  const marks = document.querySelectorAll(`#text [data-fig="${CSS.escape(id)}"]`);
  marks.forEach((n) => n.classList.add("current"));
  const row = document.querySelector(`#figures tr[data-fig="${CSS.escape(id)}"]`);
  if (row) row.classList.add("current");
  if (marks[0]) marks[0].scrollIntoView({ block: "center" });
}

document.addEventListener("keydown", (e) => {
  if ($("#article-view").hidden || e.ctrlKey || e.metaKey || e.altKey) return;
  if (["INPUT", "SELECT", "TEXTAREA"].includes(document.activeElement.tagName)) return;
  const view = state.article;
  if (!view) return;
  if (e.key === "j") focusFact(state.current + 1);
  else if (e.key === "k") focusFact(state.current - 1);
  else if (e.key === "n" && view.next) location.hash = `#/a/${encodeURIComponent(view.next)}`;
  else if (e.key === "p" && view.previous) location.hash = `#/a/${encodeURIComponent(view.previous)}`;
  else if (e.key === "r") $("#mark-reviewed").click();
  else if (e.key === "e" && state.current >= 0) openEditor(view.record.figures[state.current]);
  else return;
  e.preventDefault();
});

$("#prev-article").addEventListener("click", () => { if (state.article.previous) location.hash = `#/a/${encodeURIComponent(state.article.previous)}`; });
$("#next-article").addEventListener("click", () => { if (state.article.next) location.hash = `#/a/${encodeURIComponent(state.article.next)}`; });
$("#mark-reviewed").addEventListener("click", () => act({ action: "reviewed", after: !state.article.reviewed }));
$("#back").addEventListener("click", (e) => { e.preventDefault(); location.hash = `#/?${state.listQuery}`; });

// ------------------------------------------------------------------ editing labels

function select(name, options, value) {
  const s = el("select", { name });
  for (const [v, label] of options) {
    const o = el("option", { value: v, text: label });
    if (v === value) o.selected = true;
    s.append(o);
  }
  return s;
}

function openEditor(f) {
  const record = state.article.record;
  const form = $("#editor");
  form.dataset.fig = f.id;
  $("#editor-id").textContent = f.id;
  $("#editor-surface").textContent = f.surface || "";
  const fields = $("#editor-fields");
  fields.replaceChildren();
  const add = (label, control) => fields.append(el("label", { text: label, for: `ed-${control.name}` }), control);
  for (const name of ["aspect", "object", "kind", "approx"]) {
    const c = select(name, state.enums[name].map((v) => [v, v]), f[name]);
    c.id = `ed-${name}`;
    add(name, c);
  }
  const subjectUnit = f.subject && f.subject.unit ? f.subject.unit : "";
  const subj = select("subject", [["", "(none)"], ...(record.units || []).map((u) => [u.id, `${u.id} ${u.type} ${u.name}`])], subjectUnit);
  subj.id = "ed-subject";
  add("subject unit", subj);
  const period = f.period || {};
  for (const [name, value, ph] of [["period_text", period.text || "", "as written, e.g. 6 tháng đầu năm 2024"],
    ["period_start", period.start || "", "YYYY-MM-DD"], ["period_end", period.end || "", "YYYY-MM-DD"],
    ["index", f.index || "", "PAR INDEX, SIPAS ..."]]) {
    add(name.replace("_", " "), el("input", { name, id: `ed-${name}`, value, placeholder: ph }));
  }
  const target = el("input", { type: "checkbox", name: "target", id: "ed-target" });
  target.checked = !!f.target;
  add("target (a goal)", target);
  form.hidden = false;
  form.elements.aspect.focus();
}

function changedFields(f, form) {
  const el_ = form.elements;
  const out = [];
  for (const name of ["aspect", "object", "kind", "approx"]) if (el_[name].value !== f[name]) out.push([name, el_[name].value]);
  const unit = el_.subject.value || null;
  if (unit !== ((f.subject && f.subject.unit) || null)) {
    out.push(["subject", { unit, aggregate: unit ? null : (f.subject && f.subject.aggregate) || null, text: (f.subject && f.subject.text) || null }]);
  }
  const p = f.period || {};
  const text = el_.period_text.value.trim();
  if (text !== (p.text || "") || el_.period_start.value !== (p.start || "") || el_.period_end.value !== (p.end || "")) {
    out.push(["period", text ? { text, start: el_.period_start.value || null, end: el_.period_end.value || null } : null]);
  }
  const index = el_.index.value.trim() || null;
  if (index !== (f.index || null)) out.push(["index", index]);
  if (el_.target.checked !== !!f.target) out.push(["target", el_.target.checked]);
  return out;
}

$("#editor").addEventListener("submit", async (e) => {
  e.preventDefault();
  const form = $("#editor");
  const id = form.dataset.fig;
  const f = state.article.record.figures.find((x) => x.id === id);
  const changes = changedFields(f, form);
  if (!changes.length) { form.hidden = true; return; }
  for (const [field, after] of changes) {
    await act({ action: "set", kind: "figure", fact_id: id, field, after });
  }
});
$("#cancel-edit").addEventListener("click", () => { $("#editor").hidden = true; });

// ------------------------------------------------------------------ adding by selection

function clearSelection() {
  state.selection = null;
  $("#selection-box").hidden = true;
  $("#add-extra").replaceChildren();
  delete $("#add-extra").dataset.kind;
}

document.addEventListener("selectionchange", () => {
  const sel = document.getSelection();
  if (!state.article || $("#article-view").hidden || !sel.rangeCount || sel.isCollapsed) return;
  const range = sel.getRangeAt(0);
  const box = $("#text");
  if (!box.contains(range.startContainer) || !box.contains(range.endContainer)) return;
  let s = pointToOffset(range.startContainer, range.startOffset);
  let e = pointToOffset(range.endContainer, range.endOffset);
  if (s === null || e === null || e <= s) return;
  const chars = Array.from(state.article.record.text);
  while (s < e && /\s/.test(chars[s])) s++;
  while (e > s && /\s/.test(chars[e - 1])) e--;
  if (e <= s) return;
  state.selection = { span: [s, e], surface: chars.slice(s, e).join("") };
  $("#selection-text").textContent = state.selection.surface;
  $("#selection-box").hidden = false;
  $("#add-extra").replaceChildren();
  delete $("#add-extra").dataset.kind;
});

const ADD_FIELDS = {
  figure: [],
  unit: [["type", "xã, phường, huyện, tỉnh ..."], ["name", ""], ["province", ""]],
  official: [["name", ""], ["title", "Chủ tịch ..."], ["org", "UBND huyện ..."]],
  document: [["type", "Kế hoạch, Quyết định ..."], ["number", "249/KH-UBND"], ["issuer", ""]],
};

document.querySelectorAll("[data-add]").forEach((button) => button.addEventListener("click", () => {
  const kind = button.dataset.add;
  const sel = state.selection;
  if (!sel) return;
  const extra = $("#add-extra");
  if (kind === "figure" || extra.dataset.kind === kind) {
    const labels = {};
    for (const input of extra.querySelectorAll("input")) if (input.value.trim()) labels[input.name] = input.value.trim();
    act({ action: "add", kind, span: sel.span, surface: sel.surface, labels });
    return;
  }
  // first click: ask for the fields this kind needs, prefilled from the selection
  extra.dataset.kind = kind;
  extra.replaceChildren();
  for (const [name, ph] of ADD_FIELDS[kind]) {
    const input = el("input", { name, placeholder: ph, id: `add-${name}` });
    if (name === "name") input.value = sel.surface;
    extra.append(el("label", { for: `add-${name}`, text: name }), input);
  }
  extra.append(el("span"), el("button", { type: "button", text: `Save ${kind}`, onclick: () => button.click() }));
}));

// ------------------------------------------------------------------ start

(async function start() {
  try {
    state.enums = (await api("/api/meta")).enums;
  } catch (e) { status(e.message, true); return; }
  route();
})();
