/*
 * Module worker that runs the calculators' Python in the self-hosted Pyodide.
 *
 * Started by widget.js (new Worker(url, {type: "module"})) on calculator pages only. Messages:
 *   in:  {type: "init", runtime: <Pyodide folder URL>, stdlib: <standard-library zip URL or "">,
 *         package: <calculators zip URL>, warm: <the page's own request, a JSON string>}
 *        {type: "compute", id, request: <JSON string>}
 *   out: {type: "ready"} | {type: "error", message}
 *        | {type: "result", id, response: <JSON string>, ms: <time spent in Python>}
 * Only strings cross into Python (calculators.web.handle), so no JsNull or float reaches it.
 *
 * Warm-up: before "ready", one call on the page's own inputs imports the renderer and the
 * calculator; its answer is kept and given to the first "compute" of the same request, which
 * the widget sends right after "ready". The first few calls after that were still several times
 * slower than later ones (30-85 ms against 5-10 ms, measured for issue 14), so after the first
 * result the worker spends its idle time on a few more calls with the page's inputs varied, one
 * per task: a reader's edit waits for at most one of them, and the first real edit is fast.
 *
 * Feature probes by parsing: the pinned Pyodide needs class static blocks, and this script
 * uses one; import.meta only parses in a module worker. An engine lacking either fails to parse
 * this file, the page gets an "error" event and keeps its server-rendered result.
 */
class StaticBlockProbe {
  static { StaticBlockProbe.ok = true; }
}
const SELF_URL = import.meta.url;

let handle = null;
let starting = null;
let warmRequest = null;
let warmResponse = null; // the answer to warmRequest, for the first compute of the same request
let warming = null; // the idle-time warm-up requests still to run, or null before the first result

// When Python could not answer: the widget shows its own data-msg-internal (written by render.py).
const INTERNAL = JSON.stringify({ ok: false });

async function init(msg) {
  if (msg.fail) throw new Error("forced failure (calc-test=worker-error)");
  if (!StaticBlockProbe.ok) throw new Error("class static blocks unsupported");
  const indexURL = new URL(msg.runtime, SELF_URL).href;
  const packageBytes = fetch(new URL(msg.package, SELF_URL).href).then((response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status} for the calculators package`);
    return response.arrayBuffer();
  });
  const { loadPyodide } = await import(`${indexURL}pyodide.mjs`);
  const packageBuffer = await packageBytes;

  async function start(stdLibURL) {
    const options = {
      indexURL,
      packageBaseUrl: indexURL, // never the public CDN that pyodide.mjs names as its default
      packages: [],
      stdout: () => {},
      stderr: (line) => console.warn(line),
    };
    if (stdLibURL) options.stdLibURL = stdLibURL;
    const pyodide = await loadPyodide(options);
    pyodide.unpackArchive(packageBuffer.slice(0), "zip", { extractDir: "/home/pyodide/site" });
    const sys = pyodide.pyimport("sys");
    sys.path.insert(0, "/home/pyodide/site");
    sys.destroy();
    return pyodide.pyimport("calculators.web");
  }

  // The standard library precompiled at build time (macros/stdlib_pyc.py), when there is one;
  // if that start fails for any reason, start once more with Pyodide's own standard library.
  const stock = `${indexURL}python_stdlib.zip`;
  const precompiled = msg.stdlib ? new URL(msg.stdlib, SELF_URL).href : null;
  let web;
  if (precompiled && precompiled !== stock) {
    try {
      web = await start(precompiled);
    } catch (err) {
      console.warn("precompiled standard library failed; plain start", err);
    }
  }
  if (!web) web = await start(null);
  handle = web.handle;
  // The first call imports the renderer and the calculator: do it before saying "ready".
  if (typeof msg.warm === "string") {
    warmResponse = handle(msg.warm);
    warmRequest = msg.warm;
  }
}

// Variations of the page's own request: each field with one digit more and one digit less.
function warmVariants(request, limit = 12) {
  let parsed;
  try {
    parsed = JSON.parse(request);
  } catch (err) {
    return [];
  }
  const form = parsed && parsed.form && typeof parsed.form === "object" ? parsed.form : {};
  const out = [request, request];
  for (const key of Object.keys(form)) {
    const value = form[key];
    if (typeof value !== "string") continue;
    for (const changed of [value + "1", value.slice(0, -1)]) {
      out.push(JSON.stringify({ ...parsed, form: { ...form, [key]: changed } }));
    }
  }
  return out.slice(0, limit);
}

function warmStep() {
  if (!warming || warming.length === 0) return;
  try {
    handle(warming.shift());
  } catch (err) {
    warming = [];
  }
  setTimeout(warmStep, 0); // lets a waiting "compute" message run first
}

self.onmessage = (event) => {
  const msg = event.data || {};
  if (msg.type === "init") {
    if (!starting) {
      starting = init(msg).then(
        () => self.postMessage({ type: "ready" }),
        (err) => self.postMessage({ type: "error", message: String((err && err.message) || err) }),
      );
    }
  } else if (msg.type === "compute") {
    let response = INTERNAL;
    const started = performance.now();
    try {
      if (warmResponse !== null && msg.request === warmRequest) response = warmResponse;
      else if (handle) response = handle(msg.request);
    } catch (err) {
      console.warn(err);
    }
    warmResponse = null; // used once: later computes of the same request run again
    self.postMessage({ type: "result", id: msg.id, response, ms: performance.now() - started });
    if (warming === null && handle && warmRequest) {
      warming = warmVariants(warmRequest);
      setTimeout(warmStep, 0);
    }
  }
};
