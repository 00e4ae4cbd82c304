// Build-time driver (macros/stdlib_pyc.py): node driver.mjs ARGS.json; prints @@REPORT@@{json}.
// Starts the pinned Pyodide with the stock standard library, records what the warm-up imports,
// writes the precompiled zips, then starts again on them and checks the warm-up gives the same.
import fs from "node:fs";
const args = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const { loadPyodide } = await import(args.pyodideMjs);
const sitePackages = "/lib/python3.14/site-packages";

async function start(extra, packageZip) {
  const t0 = performance.now();
  const py = await loadPyodide({ indexURL: args.indexURL, ...extra });
  const loadMs = performance.now() - t0;
  const dir = py.runPython("import site, sys; [p for p in sys.path if p.endswith('site-packages')][0]");
  py.unpackArchive(new Uint8Array(fs.readFileSync(packageZip)), "zip", { extractDir: dir || sitePackages });
  const t1 = performance.now();
  const warm = py.runPython(args.warmup);
  return { py, loadMs, warmupMs: performance.now() - t1, warm };
}

const report = {};
const plain = await start({}, args.packageZip);
report.plain = { loadMs: plain.loadMs, warmupMs: plain.warmupMs };
const modules = JSON.parse(plain.py.runPython(args.origins));
report.modules = modules.filter((m) => m.endsWith(".py"));
globalThis._q_args = JSON.stringify({ mode: args.mode, modules: report.modules, fallback: args.fallback });
Object.assign(report, JSON.parse(plain.py.runPython(args.compile)));
fs.writeFileSync(args.out, plain.py.FS.readFile("/tmp/stdlib-pyc.zip"));
report.packageCompiled = JSON.parse(plain.py.runPython(args.compilePackage));
fs.writeFileSync(args.packageOut, plain.py.FS.readFile("/tmp/package-pyc.zip"));

const pyc = await start({ stdLibURL: args.out }, args.packageOut);
report.pyc = { loadMs: pyc.loadMs, warmupMs: pyc.warmupMs };
report.same = pyc.warm === plain.warm;
if (!report.same) { report.plainWarm = plain.warm.slice(0, 2000); report.pycWarm = pyc.warm.slice(0, 2000); }
const after = JSON.parse(pyc.py.runPython(args.origins));
report.fromPyc = after.filter((m) => m.endsWith(".pyc")).length;
report.fromSource = after.filter((m) => m.endsWith(".py")).length;
report.packageOrigins = JSON.parse(pyc.py.runPython(args.packageOrigins));
report.version = pyc.py.version;
process.stdout.write("\n@@REPORT@@" + JSON.stringify(report) + "\n");
process.exit(0);
