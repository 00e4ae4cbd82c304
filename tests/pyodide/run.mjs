// Run the calculator test suite inside Pyodide (Python 3.14, WebAssembly) under Node, offline:
// the same `calculators` package and `tests/calculators` the server tests, in the runtime the
// browser uses. Exits with pytest's exit code.
//
//   bash tests/pyodide/fetch_wheels.sh   # once: pytest, Hypothesis & deps into .cache/pyodide-wheels
//   node tests/pyodide/run.mjs [extra pytest args...]
//
// Pyodide comes from node_modules/pyodide (npm ci); micropip is not in the npm package, so the
// wheels are unpacked straight into site-packages. numpy-financial is absent here: the tests
// that compare with it skip themselves (pytest.importorskip).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const PYODIDE_DIR = path.join(ROOT, "node_modules", "pyodide");
const WHEELS_DIR = path.join(ROOT, ".cache", "pyodide-wheels");
const APP = "/app"; // where the repository's files go inside Pyodide's file system
// Copied into Pyodide (Python files only): the package, its tests, and the build macros some
// of those tests import (macros/ imports only the standard library at module level).
const TREES = ["calculators", "macros", path.join("tests", "calculators")];

function fail(message) {
  console.error(`tests/pyodide/run.mjs: ${message}`);
  process.exit(2);
}

if (!fs.existsSync(path.join(PYODIDE_DIR, "pyodide.mjs"))) {
  fail("node_modules/pyodide is missing: run `npm ci` first");
}
const wheels = fs.existsSync(WHEELS_DIR) ? fs.readdirSync(WHEELS_DIR).filter((f) => f.endsWith(".whl")).sort() : [];
for (const needed of ["pytest-", "hypothesis-", "pluggy-", "iniconfig-", "packaging-", "pygments-", "sortedcontainers-"]) {
  if (!wheels.some((w) => w.startsWith(needed))) {
    fail(`no ${needed}*.whl in ${WHEELS_DIR}: run \`bash tests/pyodide/fetch_wheels.sh\` first`);
  }
}

const { loadPyodide } = await import(pathToFileURL(path.join(PYODIDE_DIR, "pyodide.mjs")).href);
const started = Date.now();
const pyodide = await loadPyodide({ indexURL: PYODIDE_DIR + path.sep });
// Unbuffered byte streams, so pytest's progress dots stay on one line.
pyodide.setStdout({ write: (bytes) => (fs.writeSync(1, bytes), bytes.length) });
pyodide.setStderr({ write: (bytes) => (fs.writeSync(2, bytes), bytes.length) });

const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
for (const wheel of wheels) {
  // unpackArchive rejects a Node Buffer: hand it a plain Uint8Array.
  const bytes = new Uint8Array(fs.readFileSync(path.join(WHEELS_DIR, wheel)));
  pyodide.unpackArchive(bytes, "wheel", { extractDir: sitePackages });
}

function copyTree(relative) {
  const source = path.join(ROOT, relative);
  const target = path.posix.join(APP, relative.split(path.sep).join("/"));
  pyodide.FS.mkdirTree(target);
  for (const entry of fs.readdirSync(source, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (entry.name !== "__pycache__") copyTree(path.join(relative, entry.name));
    } else if (entry.name.endsWith(".py")) {
      pyodide.FS.writeFile(path.posix.join(target, entry.name), fs.readFileSync(path.join(source, entry.name)));
    }
  }
}
for (const tree of TREES) copyTree(tree);

const args = ["tests/calculators", "-q", "-p", "no:cacheprovider", ...process.argv.slice(2)];
pyodide.globals.set("PYTEST_ARGS", pyodide.toPy(args));
console.log(
  `Pyodide ${pyodide.version} (Python ${pyodide.runPython("import sys; sys.version.split()[0]")}), ` +
    `${wheels.length} wheels, ready in ${((Date.now() - started) / 1000).toFixed(1)} s; pytest ${args.join(" ")}`,
);
let code;
try {
  code = pyodide.runPython(`
import os, sys
os.chdir(${JSON.stringify(APP)})
sys.path.insert(0, ${JSON.stringify(APP)})
# No pytest.ini here: the server's one sets paths for the whole repository.
open("pytest.ini", "w").write("[pytest]\\n")
import pytest
int(pytest.main(list(PYTEST_ARGS)))
`);
} catch (err) {
  console.error(String(err));
  code = 3;
}
console.log(`tests/pyodide/run.mjs: pytest exited with ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(code);
