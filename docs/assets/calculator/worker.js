/*
 * Module worker that runs the calculators' Python in the self-hosted Pyodide.
 *
 * Started by widget.js (new Worker(url, {type: "module"})) on calculator pages only. Messages:
 *   in:  {type: "init", runtime: <Pyodide folder URL>, stdlib: <standard-library zip URL or "">,
 *         package: <calculators zip URL>, warm: <request>}
 *        {type: "compute", id, request: <JSON string>}
 *   out: {type: "ready"} | {type: "error", message}
 *        | {type: "result", id, response: <JSON string>, ms: <time spent in Python>}
 * Only strings cross into Python (calculators.web.handle), so no JsNull or float reaches it.
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

const INTERNAL = JSON.stringify({
  ok: false, html: "", csv: "", ics: "", announce: "",
  errors: [{
    field: null,
    code: "internal",
    message: {
      zh: "计算器内部出错，未能算出结果。请检查输入，或换一组数字再试。",
      en: "The calculator hit an internal error and could not produce a result. Check the inputs or try other numbers.",
    },
  }],
});

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
  if (typeof msg.warm === "string") handle(msg.warm);
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
      if (handle) response = handle(msg.request);
    } catch (err) {
      console.warn(err);
    }
    self.postMessage({ type: "result", id: msg.id, response, ms: performance.now() - started });
  }
};
