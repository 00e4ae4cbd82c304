/*
 * Calculator widgets: the main-thread side (an ES module, loaded only on calculator pages).
 *
 * Generic: it knows nothing about any one calculator. Python renders the form, the result and
 * every message (calculators/render.py); this script serialises the form, sends it to the module
 * worker (worker.js, which runs the same Python in Pyodide), and swaps in the HTML that comes
 * back. The page stays usable without it: the result for the default inputs is in the HTML.
 *
 * Contract (tests rely on it): the root [data-calculator] carries data-state =
 * static | loading | ready | error; inputs are named by field; outputs carry data-output/data-value.
 * After each live result the root also carries data-python-ms (time in Python, in the worker) and
 * data-roundtrip-ms (form sent -> new result in the page), for benchmarks.
 *
 * Before anything is downloaded, small synchronous checks decide by feature (never by user
 * agent) whether this browser can run the pinned Pyodide: WebAssembly exception handling, BigInt
 * across the WebAssembly boundary, module workers (class static blocks are probed by the worker
 * script itself, which fails to parse without them). The widget falls back to the server-rendered
 * result, with a short message, when a check fails, the worker errors, it is not ready in time,
 * or the previous start in this tab seems to have crashed it (a sessionStorage marker written
 * before the start and cleared after).
 *
 * Inputs go into the URL fragment (#field=value&...) so a link reproduces the result; the fragment
 * is never sent to a server. data-fragment="off" on the root turns this off for that widget.
 *
 * Test hooks (query string, comma-separated, e.g. ?calc-test=no-eh,wechat): no-eh, no-bigint,
 * no-worker (a feature check fails), worker-error (the worker fails while starting), timeout
 * (ready timeout of 1 ms), savedata (behave as with navigator.connection.saveData), wechat (the
 * WeChat wording of the fallback message), bad-stdlib (the precompiled standard library's URL
 * points nowhere, so the worker must retry with Pyodide's own). They only make the widget fall
 * back, wait or start more slowly, so they are harmless on the live site.
 *
 * A page script may ask the widget's Python for a file built from data outside the form (the
 * kit's call log, docs/kit/kit.js): it dispatches a "calc-request" CustomEvent on the widget
 * root with detail = {request: <JSON string for calculators.web.handle>, reply(responseText or
 * null)}. The widget sets detail.taken, starts the runtime if it was waiting for the reader
 * (save-data), waits for it while it loads, and replies null when Python cannot run here.
 *
 * Syntax is kept to what Chrome 61+/Safari 11+ parse (no ?. ?? or class fields), so that old
 * engines run the checks and show the message instead of failing to parse.
 */

import { cssEscape, formValues, saveText } from "./common.js";

const MARKER = "calc-runtime-starting";
const READY_TIMEOUT_MS = 60000;
const ANNOUNCE_DELAY_MS = 600;
const TEST_FLAGS = (new URLSearchParams(window.location.search).get("calc-test") || "").split(",");
const test = (flag) => TEST_FLAGS.indexOf(flag) >= 0;

// A module with a tag and try/throw/catch_all (legacy exception handling, as Pyodide uses).
const EH_MODULE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0,
  13, 3, 1, 0, 0, 10, 10, 1, 8, 0, 6, 64, 8, 0, 25, 11, 11]);
// (func (export "f") (param i64) (result i64) local.get 0)
const I64_MODULE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 6, 1, 96, 1, 126, 1, 126,
  3, 2, 1, 0, 7, 5, 1, 1, 102, 0, 0, 10, 6, 1, 4, 0, 32, 0, 11]);

function storage(op, value) {
  try {
    if (op === "get") return window.sessionStorage.getItem(MARKER);
    if (op === "set") window.sessionStorage.setItem(MARKER, value);
    if (op === "clear") window.sessionStorage.removeItem(MARKER);
  } catch (e) { /* storage may be disabled: no crash detection then */ }
  return null;
}

/** "" when this browser can run the runtime, else a short reason. Synchronous, tiny. */
function featureProblem() {
  if (test("no-eh")) return "no-eh";
  if (test("no-bigint")) return "no-bigint";
  if (test("no-worker")) return "no-worker";
  if (typeof WebAssembly !== "object" || typeof WebAssembly.validate !== "function") return "no-wasm";
  try {
    if (!WebAssembly.validate(EH_MODULE)) return "no-eh";
  } catch (e) { return "no-eh"; }
  if (typeof BigInt !== "function") return "no-bigint";
  try {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(I64_MODULE));
    const big = BigInt("9007199254740993");
    if (instance.exports.f(big) !== big) return "no-bigint";
  } catch (e) { return "no-bigint"; }
  if (typeof Worker !== "function") return "no-worker";
  return "";
}

function saveData() {
  if (test("savedata")) return true;
  const c = navigator.connection;
  return !!(c && c.saveData);
}

/** The runtime's URLs from a widget root's data-* attributes. */
function runtimeUrls(el) {
  const url = (attr) => new URL(el.getAttribute("data-" + attr), document.baseURI).href;
  let stdlib = el.hasAttribute("data-stdlib") ? url("stdlib") : "";
  if (test("bad-stdlib")) stdlib = url("stdlib") + ".missing";
  return { worker: url("worker"), runtime: url("runtime"), stdlib: stdlib, package: url("package") };
}

/* ---------------------------------------------------------------------------------------------
 * The runtime: one module worker per page, shared by the page's widgets.
 */
const runtime = {
  worker: null,
  state: "idle", // idle | loading | ready | failed
  waiting: [], // {resolve, reject} for start()
  callbacks: {},
  nextId: 1,
  timer: null,
  // Resolves when the worker is ready. config: the runtime's URLs and warm, the page's own
  // request: the worker runs it once before it says "ready", and its answer is the first result.
  start(config) {
    if (this.state === "ready") return Promise.resolve();
    if (this.state === "failed") return Promise.reject(new Error(this.reason || "failed"));
    const promise = new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
    if (this.state === "loading") return promise;
    this.state = "loading";
    storage("set", String(Date.now()));
    const timeout = test("timeout") ? 1 : READY_TIMEOUT_MS;
    this.timer = window.setTimeout(() => this.fail("timeout"), timeout);
    try {
      this.worker = new Worker(config.worker, { type: "module" });
    } catch (e) {
      this.fail("worker-construct");
      return promise;
    }
    this.worker.onerror = (event) => {
      if (event && event.preventDefault) event.preventDefault();
      this.fail("worker-error");
    };
    this.worker.onmessageerror = () => this.fail("worker-message");
    this.worker.onmessage = (event) => this.receive(event.data || {});
    this.worker.postMessage({
      type: "init",
      runtime: config.runtime,
      stdlib: config.stdlib,
      package: config.package,
      warm: config.warm,
      fail: test("worker-error"),
    });
    return promise;
  },
  receive(msg) {
    if (msg.type === "ready") {
      window.clearTimeout(this.timer);
      storage("clear");
      this.state = "ready";
      this.waiting.splice(0).forEach((w) => w.resolve());
    } else if (msg.type === "error") {
      this.fail("worker-init: " + msg.message);
    } else if (msg.type === "result") {
      const cb = this.callbacks[msg.id];
      delete this.callbacks[msg.id];
      if (cb) cb(msg.response, msg.ms);
    }
  },
  fail(reason) {
    if (this.state === "failed" || this.state === "ready") return;
    window.clearTimeout(this.timer);
    this.state = "failed";
    this.reason = reason;
    storage("clear");
    if (this.worker) this.worker.terminate();
    this.worker = null;
    this.waiting.splice(0).forEach((w) => w.reject(new Error(reason)));
  },
  reset() {
    // After a failure the reader may ask to try again.
    if (this.state === "failed") this.state = "idle";
  },
  compute(request, callback) {
    const id = this.nextId++;
    this.callbacks[id] = callback;
    this.worker.postMessage({ type: "compute", id: id, request: request });
  },
};

// A start still running when the page goes away is not a crash: clear the marker then.
window.addEventListener("pagehide", () => {
  if (runtime.state === "loading") storage("clear");
});

/* ---------------------------------------------------------------------------------------------
 * One widget.
 */
function Widget(root) {
  this.root = root;
  this.name = root.getAttribute("data-calculator");
  this.lang = root.getAttribute("data-lang") || "zh";
  this.form = root.querySelector("form.calc-form");
  this.result = root.querySelector(".calc-result");
  this.status = root.querySelector(".calc-status-text");
  this.spinner = root.querySelector(".calc-spinner");
  this.live = root.querySelector(".calc-live");
  this.staleNote = root.querySelector(".calc-stale-note");
  this.initialForm = this.form.cloneNode(true);
  this.initialResult = this.result.innerHTML;
  this.initialKey = this.result.getAttribute("data-result-key") || "";
  this.answered = false; // no answer from Python shown yet: the result is the server's
  this.csv = "";
  this.inFlight = false;
  this.pending = false;
  this.dirty = false; // the form differs from what the shown result was computed for
  this.touched = false; // the reader (or a shared link) changed the inputs: keep them in the URL
  this.announceTimer = null;
  // data-fragment="off": never put this widget's inputs into the URL (e.g. personal details).
  this.useFragment = root.getAttribute("data-fragment") !== "off";
}

Widget.prototype.msg = function (key) {
  return this.root.getAttribute("data-msg-" + key) || "";
};

Widget.prototype.setState = function (state) {
  this.root.setAttribute("data-state", state);
};

Widget.prototype.setStatus = function (text, busy) {
  this.status.textContent = text;
  this.status.parentNode.classList.toggle("calc-status-active", !!text);
  this.spinner.hidden = !busy;
  this.root.classList.toggle("calc-busy", !!busy);
};

Widget.prototype.serialize = function () {
  return formValues(this.form);
};

Widget.prototype.request = function () {
  return JSON.stringify({ calculator: this.name, lang: this.lang, form: this.serialize() });
};

Widget.prototype.init = function () {
  const self = this;
  this.root.querySelectorAll('[data-action="print"]').forEach((b) => { b.hidden = false; });
  this.root.addEventListener("click", (event) => self.onClick(event));
  this.root.addEventListener("calc-request", (event) => self.onRequest(event));
  // Listen on the root: the form element is replaced when falling back to the example inputs.
  const inForm = (event) => event.target.closest && event.target.closest("form.calc-form");
  this.root.addEventListener("submit", (event) => { event.preventDefault(); self.schedule(); });
  this.root.addEventListener("input", (event) => { if (inForm(event)) self.schedule(); });
  this.root.addEventListener("change", (event) => { if (inForm(event)) self.schedule(); });
  window.addEventListener("hashchange", () => {
    if (self.applyFragment()) self.schedule();
  });

  if (this.applyFragment()) {
    this.touched = true;
    this.markStale();
  }

  if (CRASHED_BEFORE) return this.fallback("crashed-before", true);
  if (PROBLEM) return this.fallback(PROBLEM, false);

  if (saveData() && !this.dirty) {
    this.setStatus(this.msg("savedata"), false);
    const startOnce = (event) => {
      if (!inForm(event)) return;
      self.root.removeEventListener("focusin", startOnce);
      self.root.removeEventListener("input", startOnce);
      self.start();
    };
    this.root.addEventListener("focusin", startOnce);
    this.root.addEventListener("input", startOnce);
    return undefined;
  }
  return this.start();
};

Widget.prototype.start = function () {
  const self = this;
  this.setState("loading");
  this.setStatus(this.msg(this.dirty ? "loading-stale" : "loading"), true);
  const config = runtimeUrls(this.root);
  config.warm = this.request();
  return runtime.start(config).then(() => {
    self.setState("ready");
    self.setStatus(self.msg("ready"), false);
    self.root.querySelectorAll('[data-action="share"], [data-action="csv"], [data-action="add-row"], [data-action="remove-row"]')
      .forEach((b) => { b.hidden = false; });
    self.updateRowButtons();
    self.send();
  }, (err) => {
    // The browser passed the checks, so a failed start may be temporary (network, memory):
    // offer to try again.
    self.fallback(err && err.message, true);
  });
};

Widget.prototype.fallback = function (reason, retry) {
  this.setState("error");
  this.root.setAttribute("data-fallback-reason", reason || "");
  this.setStatus("", false);
  // Show the figures for the example inputs next to the example inputs, never mismatched.
  if (this.dirty) {
    const fresh = this.initialForm.cloneNode(true);
    this.form.parentNode.replaceChild(fresh, this.form);
    this.form = fresh;
    this.result.innerHTML = this.initialResult;
    this.result.setAttribute("data-result-key", this.initialKey);
    this.dirty = false;
    this.touched = false;
  }
  this.root.classList.remove("calc-stale");
  this.staleNote.hidden = true;
  this.root.querySelectorAll('[data-action="share"], [data-action="csv"], [data-action="add-row"], [data-action="remove-row"]')
    .forEach((b) => { b.hidden = true; });
  const box = this.root.querySelector(".calc-fallback");
  const wechat = test("wechat") || /MicroMessenger/i.test(navigator.userAgent); // wording only
  box.querySelector('[data-variant="default"]').hidden = wechat;
  box.querySelector('[data-variant="wechat"]').hidden = !wechat;
  box.querySelector('[data-action="retry"]').hidden = !retry;
  box.hidden = false;
};

Widget.prototype.retry = function () {
  storage("clear");
  runtime.reset();
  this.root.querySelector(".calc-fallback").hidden = true;
  this.root.removeAttribute("data-fallback-reason");
  this.start();
};

/** A page script's request (see the header): answered by this page's Python, or null. */
Widget.prototype.onRequest = function (event) {
  const detail = event.detail || {};
  if (typeof detail.request !== "string" || typeof detail.reply !== "function") return;
  detail.taken = true;
  if (this.root.getAttribute("data-state") === "error") {
    detail.reply(null);
    return;
  }
  if (runtime.state === "idle") this.start();
  runtime.start({}).then(() => {
    runtime.compute(detail.request, (responseText) => detail.reply(responseText));
  }, () => detail.reply(null));
};

Widget.prototype.markStale = function () {
  this.dirty = true;
  this.root.classList.add("calc-stale");
};

/* Latest input wins; at most one request in flight. */
Widget.prototype.schedule = function () {
  this.touched = true;
  this.markStale();
  if (runtime.state !== "ready") return;
  if (this.inFlight) {
    this.pending = true;
    return;
  }
  this.send();
};

Widget.prototype.send = function () {
  const self = this;
  this.inFlight = true;
  this.pending = false;
  const requestedFor = this.serialize();
  const sent = performance.now();
  runtime.compute(this.request(), (responseText, pythonMs) => {
    self.inFlight = false;
    if (self.pending) { // newer input arrived: skip this answer, compute the latest
      self.send();
      return;
    }
    let response;
    try {
      response = JSON.parse(responseText);
    } catch (e) {
      response = { ok: false, errors: [] };
    }
    self.apply(response, requestedFor);
    // For benchmarks: time in Python, and from sending the form to the new result in the page.
    self.root.setAttribute("data-python-ms", (pythonMs || 0).toFixed(1));
    self.root.setAttribute("data-roundtrip-ms", (performance.now() - sent).toFixed(1));
  });
};

Widget.prototype.apply = function (response, form) {
  this.clearErrors();
  if (response.ok) {
    // The first answer is usually the server-rendered result itself (same Python, same inputs):
    // Python's fingerprints say so, and redrawing it would only cost a phone a layout.
    const alreadyShown = !this.answered && !!response.key && response.key === this.initialKey;
    if (!alreadyShown) this.result.innerHTML = response.html;
    // Set on every answer (same value or not): the moment the result is live, for benchmarks.
    this.result.setAttribute("data-result-key", response.key || "");
    this.answered = true;
    this.csv = response.csv || "";
    // The calendar file, when the calculator gives one (Python decides; this only carries it).
    this.ics = response.ics || "";
    this.root.querySelectorAll('[data-action="ics"]').forEach((b) => { b.hidden = !this.ics; });
    this.dirty = false;
    this.root.classList.remove("calc-stale");
    this.staleNote.hidden = true;
    this.writeFragment(form);
    this.announce(response.announce || "");
    return;
  }
  this.staleNote.hidden = false;
  // No errors at all (the worker could not answer): the form-level message Python wrote.
  const errors = response.errors && response.errors.length ? response.errors : [{ field: null, internal: true }];
  const first = [];
  for (let i = 0; i < errors.length; i++) {
    const message = errors[i].internal ? this.msg("internal")
      : (errors[i].message && (errors[i].message[this.lang] || errors[i].message.zh)) || "";
    this.showError(errors[i].field, message);
    if (first.length < 1) first.push(message);
  }
  this.announce(this.msg("invalid") + first.join(" "));
};

Widget.prototype.errorSlot = function (field) {
  if (field) {
    const control = this.form.querySelector('[name="' + cssEscape(field) + '"]');
    if (control) {
      const box = control.closest(".calc-field");
      return { slot: box && box.querySelector(".calc-error"), control: control };
    }
    // A whole row ("debts.1") or a whole list ("debts").
    const parts = field.split(".");
    const list = this.form.querySelector('[data-list="' + cssEscape(parts[0]) + '"]');
    if (list) {
      if (parts.length > 1) {
        const row = list.querySelectorAll(".calc-row")[Number(parts[1])];
        if (row) {
          const rowControl = row.querySelector("input, select");
          const rowBox = rowControl && rowControl.closest(".calc-field");
          if (rowBox) return { slot: rowBox.querySelector(".calc-error"), control: rowControl };
        }
      }
      return { slot: list.querySelector(":scope > .calc-error"), control: null };
    }
  }
  return { slot: this.form.querySelector(".calc-form-error"), control: null };
};

Widget.prototype.showError = function (field, message) {
  const target = this.errorSlot(field);
  if (target.slot) {
    target.slot.textContent = target.slot.hidden ? message : target.slot.textContent + " " + message;
    target.slot.hidden = false;
  }
  if (target.control) target.control.setAttribute("aria-invalid", "true");
};

Widget.prototype.clearErrors = function () {
  this.form.querySelectorAll(".calc-error").forEach((el) => {
    el.hidden = true;
    el.textContent = "";
  });
  this.form.querySelectorAll('[aria-invalid="true"]').forEach((el) => el.removeAttribute("aria-invalid"));
};

Widget.prototype.announce = function (text) {
  const live = this.live;
  window.clearTimeout(this.announceTimer);
  // Wait until typing pauses, so a screen reader hears one sentence, not one per keystroke.
  this.announceTimer = window.setTimeout(() => { live.textContent = text; }, ANNOUNCE_DELAY_MS);
};

/* ---- URL fragment: the inputs, never sent to a server ---------------------------------- */

Widget.prototype.writeFragment = function (form) {
  // Only once the inputs are the reader's own: a heading anchor (#how-it-is-calculated) stays.
  if (!this.useFragment || !this.touched) return;
  const params = new URLSearchParams();
  Object.keys(form).forEach((k) => params.append(k, form[k]));
  const url = window.location.pathname + window.location.search + "#" + params.toString();
  try {
    window.history.replaceState(window.history.state, "", url);
  } catch (e) { /* some embedded browsers refuse: sharing then uses the page URL */ }
};

/** Fill the form from "#principal=10000&periods=12"; true when it changed the form. */
Widget.prototype.applyFragment = function () {
  if (!this.useFragment) return false;
  const hash = window.location.hash.slice(1);
  if (hash.indexOf("=") < 0) return false;
  let params;
  try {
    params = new URLSearchParams(hash);
  } catch (e) {
    return false;
  }
  const self = this;
  // Make room for list rows named in the fragment ("debts.3.balance" needs 4 rows).
  this.form.querySelectorAll("[data-list]").forEach((list) => {
    const prefix = list.getAttribute("data-list") + ".";
    let needed = -1;
    params.forEach((value, key) => {
      if (key.indexOf(prefix) === 0) {
        const n = parseInt(key.slice(prefix.length), 10);
        if (n >= 0 && n > needed) needed = n;
      }
    });
    if (needed < 0) return;
    const max = maxItems(list);
    const rows = () => list.querySelectorAll(".calc-rows > .calc-row");
    while (rows().length <= needed && rows().length < max) self.addRow(list);
    while (rows().length > needed + 1 && rows().length > 1) self.removeRow(rows()[rows().length - 1]);
  });
  let changed = false;
  params.forEach((value, key) => {
    const el = self.form.querySelector('[name="' + cssEscape(key) + '"]');
    if (el && el.value !== value) {
      el.value = value;
      changed = true;
    }
  });
  return changed;
};

/* ---- list rows ------------------------------------------------------------------------ */

/** Most rows a list takes: Python writes it (Field.max_items); no second default lives here. */
function maxItems(list) {
  return parseInt(list.getAttribute("data-max-items"), 10);
}

Widget.prototype.addRow = function (list) {
  const rowsBox = list.querySelector(".calc-rows");
  const count = rowsBox.querySelectorAll(":scope > .calc-row").length;
  const max = maxItems(list);
  if (count >= max) return null;
  const html = list.querySelector("template.calc-row-template").innerHTML
    .split("__i__").join(String(count))
    .split("__n__").join(String(count + 1));
  rowsBox.insertAdjacentHTML("beforeend", html);
  const row = rowsBox.lastElementChild;
  if (runtime.state === "ready") {
    row.querySelectorAll('[data-action="remove-row"]').forEach((b) => { b.hidden = false; });
  }
  this.updateRowButtons();
  return row;
};

Widget.prototype.removeRow = function (row) {
  const list = row.closest("[data-list]");
  row.parentNode.removeChild(row);
  this.renumber(list);
  this.updateRowButtons();
};

/** Rows are always named 0..n-1, so the fragment and the request stay simple. */
Widget.prototype.renumber = function (list) {
  const name = list.getAttribute("data-list");
  const prefix = list.getAttribute("data-id-prefix"); // render.field_id up to the row number
  const rows = list.querySelectorAll(".calc-rows > .calc-row");
  rows.forEach((row, i) => {
    row.setAttribute("data-row", String(i));
    row.querySelectorAll(".calc-row-num").forEach((el) => { el.textContent = String(i + 1); });
    const renameName = (v) => v.replace(new RegExp("^" + name + "\\.\\d+\\."), name + "." + i + ".");
    const renameId = (v) => v.split(" ").map((id) => id.replace(
      new RegExp("^" + prefix + "\\d+-"), prefix + i + "-")).join(" ");
    row.querySelectorAll("[name]").forEach((el) => el.setAttribute("name", renameName(el.getAttribute("name"))));
    row.querySelectorAll("[data-field]").forEach((el) => el.setAttribute("data-field", renameName(el.getAttribute("data-field"))));
    ["id", "for", "aria-describedby"].forEach((attr) => {
      row.querySelectorAll("[" + attr + "]").forEach((el) => el.setAttribute(attr, renameId(el.getAttribute(attr))));
    });
  });
};

Widget.prototype.updateRowButtons = function () {
  this.form.querySelectorAll("[data-list]").forEach((list) => {
    const rows = list.querySelectorAll(".calc-rows > .calc-row");
    const min = parseInt(list.getAttribute("data-min-items"), 10) || 0;
    const max = maxItems(list);
    rows.forEach((row) => {
      row.querySelectorAll('[data-action="remove-row"]').forEach((b) => { b.disabled = rows.length <= min; });
    });
    list.querySelectorAll(':scope > [data-action="add-row"]').forEach((b) => { b.disabled = rows.length >= max; });
  });
};

/* ---- buttons -------------------------------------------------------------------------- */

Widget.prototype.onClick = function (event) {
  const button = event.target.closest("button[data-action]");
  if (!button || !this.root.contains(button)) return;
  const action = button.getAttribute("data-action");
  if (action === "add-row") {
    const row = this.addRow(button.closest("[data-list]"));
    if (row) {
      const first = row.querySelector("input, select");
      if (first) first.focus();
      this.schedule();
    }
  } else if (action === "remove-row") {
    const row = button.closest(".calc-row");
    const list = row.closest("[data-list]");
    this.removeRow(row);
    const add = list.querySelector(':scope > [data-action="add-row"]');
    if (add) add.focus();
    this.schedule();
  } else if (action === "csv") {
    this.downloadCsv(button.getAttribute("data-filename") || "schedule.csv");
  } else if (action === "ics") {
    if (this.ics) saveText(this.ics, button.getAttribute("data-filename") || "plan.ics", "text/calendar;charset=utf-8");
  } else if (action === "share") {
    this.share();
  } else if (action === "print") {
    printWidget(this.root);
  } else if (action === "retry") {
    this.retry();
  }
};

Widget.prototype.downloadCsv = function (filename) {
  if (!this.csv) return;
  // The text already starts with a BOM (U+FEFF), so Excel reads the Chinese headers as UTF-8.
  saveText(this.csv, filename, "text/csv;charset=utf-8");
};

Widget.prototype.share = function () {
  const self = this;
  const url = window.location.href;
  const done = () => self.setStatus(self.msg("copied"), false);
  const failed = () => self.setStatus(self.msg("copy-failed"), false);
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(url).then(done, failed);
  } else {
    failed();
  }
};

function printWidget(root) {
  document.documentElement.classList.add("calc-print-only");
  root.classList.add("calc-print-target");
  window.print();
  // afterprint (below) removes the classes; some browsers return from print() before printing.
}

/* Printing shows the schedule: open every <details>, then restore. */
let reopened = [];
window.addEventListener("beforeprint", () => {
  reopened = [];
  document.querySelectorAll(".calc details:not([open])").forEach((d) => {
    d.open = true;
    reopened.push(d);
  });
});
window.addEventListener("afterprint", () => {
  reopened.forEach((d) => { d.open = false; });
  reopened = [];
  document.documentElement.classList.remove("calc-print-only");
  document.querySelectorAll(".calc-print-target").forEach((el) => el.classList.remove("calc-print-target"));
});

/* ---------------------------------------------------------------------------------------------
 * Start. Decided once per page, before the first widget sets the crash marker: a start that
 * crashed the tab before (its marker is still in sessionStorage) or a browser that fails the
 * feature checks keeps the server-rendered results.
 */
const CRASHED_BEFORE = !!storage("get");
const PROBLEM = featureProblem();

// This script comes after the widgets' markup (macros/calculator_pages.py, the kit), so they are
// parsed even when it runs before the rest of the page: the first one starts the worker now.
document.querySelectorAll("[data-calculator][data-state]").forEach((root) => {
  new Widget(root).init();
});
