/*
 * Negotiation kit page (docs/kit/): copy, print and download the documents, the call log,
 * and the reader's opt-in storage. An ES module loaded after the calculators' widget script.
 *
 * The widget (assets/calculator/widget.js) computes: it sends the form to the Pyodide worker and
 * replaces the result block with the HTML Python returns (calculators/negotiation_kit/html.py renders the letters,
 * scripts and checklist). This script only handles what is specific to the kit:
 *
 * - Copy / Print / Download on each document ([data-kit-action] buttons, event delegation, so
 *   they keep working when the result is replaced). Text comes from the document's
 *   <pre class="kit-plain">, written by Python. Printing copies the chosen document into
 *   #kit-print-root (a direct child of <body>) and html.kit-printing hides everything else.
 * - The call log: an editable table. Its CSV is written by Python, not here: the rows (plain
 *   strings) go to the page's runtime through the widget ("calc-request", see widget.js), and
 *   calculators.negotiation_kit.call_log_csv answers through the site's one CSV writer
 *   (calculators/csv_export.py: BOM, CRLF, formula-like cells neutralised); this script only
 *   saves the text. Before the runtime is up the download waits for it; where it cannot run,
 *   the log says so and the print view remains.
 * - Storage: nothing is written unless the reader ticks "remember"; then the form and the call
 *   log are kept in localStorage under one key; "forget everything" removes it, resets the form
 *   to its empty start (the example shows again, marked) and empties the call log.
 * - ?bank=<id> (from a bank page) preselects that bank in the first card row.
 *
 * Nothing here makes a network request. Shared helpers (file download, CSS escaping, form
 * values) come from assets/calculator/common.js, as in widget.js; the build publishes this file
 * with a hashed name beside it (macros/runtime.py).
 */

import { cssEscape, formValues, saveText } from "../assets/calculator/common.js";

const KEY = "card-debt-kit.v1";
const root = document.querySelector('[data-calculator="negotiation_kit"]');
const panel = document.getElementById("kit-storage");
const remember = document.getElementById("kit-remember");
const forgetButton = document.getElementById("kit-forget");
const statusBox = panel ? panel.querySelector(".kit-status") : null;
const calllog = document.getElementById("kit-calllog");

function msg(key) {
  return (panel && panel.getAttribute("data-msg-" + key)) || "";
}

function say(text) {
  if (statusBox) statusBox.textContent = text;
}

/* ---- storage (opt-in) ----------------------------------------------------------------- */

function store() {
  try {
    const s = window.localStorage;
    const probe = KEY + ".probe";
    s.setItem(probe, "1");
    s.removeItem(probe);
    return s;
  } catch (e) {
    return null;
  }
}

function form() {
  return root ? root.querySelector("form.calc-form") : null;
}

function serializeForm() {
  return formValues(form());
}

function logRows() {
  if (!calllog) return [];
  return Array.prototype.map.call(calllog.querySelectorAll("tbody tr.kit-log-row"), (tr) => {
    const row = {};
    tr.querySelectorAll("[data-col]").forEach((el) => { row[el.getAttribute("data-col")] = el.value; });
    return row;
  });
}

function save() {
  if (!remember || !remember.checked) return;
  const s = store();
  if (!s) return;
  try {
    s.setItem(KEY, JSON.stringify({ v: 1, form: serializeForm(), log: logRows() }));
  } catch (e) { /* quota: keep going without saving */ }
}

let saveTimer = null;
function saveSoon() {
  if (!remember || !remember.checked) return;
  window.clearTimeout(saveTimer);
  saveTimer = window.setTimeout(save, 300);
}

function listRows(list) {
  return list.querySelectorAll(".calc-rows > .calc-row");
}

/** Make the card list have n rows, using the widget's own add/remove buttons. */
function setRowCount(list, n) {
  const add = list.querySelector(':scope > [data-action="add-row"]');
  let guard = 60;
  while (listRows(list).length < n && add && guard-- > 0) {
    const before = listRows(list).length;
    add.click();
    if (listRows(list).length === before) break;
  }
  while (listRows(list).length > n && listRows(list).length > 1 && guard-- > 0) {
    const rows = listRows(list);
    const remove = rows[rows.length - 1].querySelector('[data-action="remove-row"]');
    if (!remove) break;
    remove.disabled = false;
    remove.click();
  }
}

/** Fill the form from a flat {name: value} map and let the widget recompute. */
function fillForm(values) {
  const f = form();
  if (!f) return;
  const x = window.scrollX;
  const y = window.scrollY;
  f.querySelectorAll("[data-list]").forEach((list) => {
    const prefix = list.getAttribute("data-list") + ".";
    let needed = 0;
    Object.keys(values).forEach((k) => {
      if (k.indexOf(prefix) === 0) needed = Math.max(needed, parseInt(k.slice(prefix.length), 10) + 1 || 0);
    });
    if (needed > 0) setRowCount(list, needed);
  });
  let last = null;
  Object.keys(values).forEach((name) => {
    const el = f.querySelector('[name="' + cssEscape(name) + '"]');
    if (el && typeof values[name] === "string" && el.value !== values[name]) {
      el.value = values[name];
      last = el;
    }
  });
  if (document.activeElement && f.contains(document.activeElement)) document.activeElement.blur();
  window.scrollTo(x, y);
  if (last) last.dispatchEvent(new Event("input", { bubbles: true }));
}

function fillLog(rows) {
  if (!calllog) return;
  const body = calllog.querySelector("tbody");
  body.innerHTML = "";
  (rows && rows.length ? rows : [{}]).forEach((r) => addLogRow(r));
}

const initialForm = serializeForm();

function forget() {
  const s = store();
  if (s) {
    try {
      s.removeItem(KEY);
    } catch (e) { /* nothing stored */ }
  }
  if (remember) remember.checked = false;
  fillForm(initialForm);
  fillLog([]);
  if (window.location.hash) {
    try {
      window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
    } catch (e) { /* ignore */ }
  }
  say(msg("forgotten"));
}

function initStorage() {
  if (!panel) return;
  const s = store();
  forgetButton.disabled = false;
  if (!s) {
    remember.disabled = true;
    say(msg("no-storage"));
    return;
  }
  remember.disabled = false;
  let saved;
  try {
    saved = JSON.parse(s.getItem(KEY) || "null");
  } catch (e) {
    saved = null;
  }
  if (saved && saved.v === 1) {
    remember.checked = true;
    if (saved.form) fillForm(saved.form);
    fillLog(saved.log || []);
    say(msg("restored"));
  }
  remember.addEventListener("change", () => {
    if (remember.checked) {
      save();
      say(msg("saved"));
    } else {
      try {
        s.removeItem(KEY);
      } catch (e) { /* ignore */ }
      say(msg("forgotten"));
    }
  });
}

/* ---- ?bank=<id> from a bank page ------------------------------------------------------ */

function preselectBank() {
  let bank = "";
  try {
    bank = new URLSearchParams(window.location.search).get("bank") || "";
  } catch (e) {
    return;
  }
  const f = form();
  if (!bank || !f) return;
  const select = f.querySelector('select[name="cards.0.bank"]');
  if (select && Array.prototype.some.call(select.options, (o) => o.value === bank) && select.value !== bank) {
    select.value = bank;
    select.dispatchEvent(new Event("change", { bubbles: true }));
  }
}

/* ---- documents: copy, print, download ------------------------------------------------- */

function docById(id) {
  if (id === "calllog") return calllog;
  return document.querySelector('.kit-doc[data-doc="' + cssEscape(id) + '"]');
}

function docText(doc) {
  const plain = doc.querySelector("pre.kit-plain");
  return plain ? plain.textContent : doc.innerText;
}

function copyText(text) {
  const done = () => say(msg("copied"));
  const failed = () => say(msg("copy-failed"));
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(text).then(done, () => legacyCopy(text) ? done() : failed());
  } else if (legacyCopy(text)) {
    done();
  } else {
    failed();
  }
}

function legacyCopy(text) {
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  let ok;
  try {
    ok = document.execCommand("copy");
  } catch (e) {
    ok = false;
  }
  document.body.removeChild(area);
  return ok;
}

function download(filename, text) {
  // A BOM first, so Excel and old Notepad read the Chinese as UTF-8.
  saveText("\ufeff" + text, filename, "text/plain;charset=utf-8");
}

function printRoot() {
  let box = document.getElementById("kit-print-root");
  if (!box) {
    box = document.createElement("div");
    box.id = "kit-print-root";
    document.body.appendChild(box);
  }
  return box;
}

/** A static copy of the call log for printing: the typed values as text, plus blank rows. */
function printableLog() {
  const clone = calllog.cloneNode(true);
  clone.removeAttribute("id");
  clone.querySelectorAll(".kit-doc-tools, template, .kit-log-remove").forEach((el) => el.remove());
  clone.querySelectorAll("thead th:last-child, tbody td:last-child").forEach((el) => el.remove());
  clone.querySelectorAll("[data-col]").forEach((el) => {
    const td = el.parentNode;
    td.textContent = el.value;
  });
  const body = clone.querySelector("tbody");
  const cols = clone.querySelectorAll("thead th").length;
  for (let i = 0; i < 5; i++) {
    const tr = document.createElement("tr");
    for (let j = 0; j < cols; j++) tr.appendChild(document.createElement("td"));
    body.appendChild(tr);
  }
  return clone;
}

function printDoc(id) {
  const doc = docById(id);
  if (!doc) return;
  const box = printRoot();
  box.innerHTML = "";
  if (id === "calllog") {
    box.appendChild(printableLog());
  } else {
    const copy = doc.cloneNode(true);
    copy.removeAttribute("id");
    box.appendChild(copy);
  }
  document.documentElement.classList.add("kit-printing");
  window.print();
  // afterprint clears it; some browsers return from print() before the dialog closes.
}

window.addEventListener("afterprint", () => {
  document.documentElement.classList.remove("kit-printing");
  const box = document.getElementById("kit-print-root");
  if (box) box.innerHTML = "";
});

/* ---- call log ------------------------------------------------------------------------- */

function addLogRow(values) {
  if (!calllog) return null;
  const tpl = calllog.querySelector("template.kit-log-template");
  const body = calllog.querySelector("tbody");
  body.insertAdjacentHTML("beforeend", tpl.innerHTML);
  const row = body.lastElementChild;
  if (values) {
    row.querySelectorAll("[data-col]").forEach((el) => {
      const v = values[el.getAttribute("data-col")];
      if (typeof v === "string") el.value = v;
    });
  }
  return row;
}

/** Banks and numbers of the current plan table (the result shown now). */
function currentBanks() {
  if (!root) return [];
  return Array.prototype.map.call(root.querySelectorAll(".kit-plans [data-bank]"), (plan) => {
    const phone = plan.querySelector('[data-output="phone"]');
    return {
      bank: plan.getAttribute("data-bank-name") || "",
      number: phone ? phone.getAttribute("data-value") : "",
    };
  });
}

function logSay(text) {
  const box = calllog ? calllog.querySelector(".kit-log-status") : null;
  if (box) box.textContent = text;
}

function logMsg(key) {
  return (calllog && calllog.getAttribute("data-msg-" + key)) || "";
}

function parseResponse(text) {
  try {
    return text ? JSON.parse(text) : null;
  } catch (e) {
    return null;
  }
}

/** Ask the page's Python for the call log CSV (calculators.negotiation_kit.call_log_csv) and save it. */
function downloadLogCsv(filename) {
  const lang = (root && root.getAttribute("data-lang")) || "zh";
  const waiting = window.setTimeout(() => logSay(logMsg("csv-wait")), 300);
  const detail = {
    request: JSON.stringify({ export: "call_log", lang: lang, rows: logRows() }),
    taken: false,
    reply: (text) => {
      window.clearTimeout(waiting);
      const response = parseResponse(text);
      if (response && response.ok && response.csv) {
        logSay("");
        saveText(response.csv, filename, "text/csv;charset=utf-8");
      } else {
        logSay(logMsg("csv-unavailable"));
      }
    },
  };
  if (root) root.dispatchEvent(new CustomEvent("calc-request", { detail: detail }));
  if (!detail.taken) {
    window.clearTimeout(waiting);
    logSay(logMsg("csv-unavailable"));
  }
}

/* ---- events --------------------------------------------------------------------------- */

document.addEventListener("click", (event) => {
  const button = event.target.closest && event.target.closest("[data-kit-action]");
  if (!button) return;
  const action = button.getAttribute("data-kit-action");
  const id = button.getAttribute("data-doc-id");
  if (action === "copy") {
    const doc = docById(id);
    if (doc) copyText(docText(doc));
  } else if (action === "print") {
    printDoc(id);
  } else if (action === "download") {
    const doc = docById(id);
    if (doc) download(button.getAttribute("data-filename") || id + ".txt", docText(doc));
  } else if (action === "forget") {
    forget();
  } else if (action === "log-add") {
    const row = addLogRow(null);
    if (row) row.querySelector("[data-col]").focus();
    saveSoon();
  } else if (action === "log-add-banks") {
    currentBanks().forEach((b) => addLogRow(b));
    saveSoon();
  } else if (action === "log-remove") {
    const tr = button.closest("tr");
    const body = tr.parentNode;
    tr.remove();
    if (!body.children.length) addLogRow(null);
    saveSoon();
  } else if (action === "log-csv") {
    downloadLogCsv(button.getAttribute("data-filename") || "call-log.csv");
  }
});

if (root) {
  root.addEventListener("input", saveSoon);
  root.addEventListener("change", saveSoon);
  root.addEventListener("click", (event) => {
    if (event.target.closest && event.target.closest('[data-action="add-row"], [data-action="remove-row"]')) saveSoon();
  });
}
if (calllog) {
  calllog.addEventListener("input", saveSoon);
}

initStorage();
if (!(remember && remember.checked)) preselectBank();
if (root) root.setAttribute("data-kit-ready", "true");
