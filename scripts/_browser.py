"""Shared by scripts/bench.py and scripts/audit.py: building the site, launching Debian's Chromium.

Never ``playwright install``: Playwright drives ``/usr/bin/chromium`` (``CHROMIUM`` overrides it).
"""

from __future__ import annotations

import contextlib
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Quiet, reproducible Chromium: no first-run UI, no background traffic to hosts it cannot reach.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def build_site(
    dest: Path, *, strict: bool = True, cwd: Path = ROOT, env: dict | None = None, measure: bool = False
) -> dict:
    """``mkdocs build`` into ``dest``; returns {"seconds", "peak_mb", "returncode", "output"}.

    With ``measure``, runs under GNU time for the peak resident memory of the largest process.
    """
    cmd = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(dest)]
    if strict:
        cmd.insert(4, "--strict")
    run_env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    peak = None
    with tempfile.NamedTemporaryFile("r", suffix=".time") as timing:
        if measure and Path("/usr/bin/time").exists():
            cmd = ["/usr/bin/time", "-f", "%M", "-o", timing.name, *cmd]
        start = time.perf_counter()
        proc = subprocess.run(cmd, cwd=cwd, env=run_env, capture_output=True, text=True)
        seconds = time.perf_counter() - start
        if measure:
            text = Path(timing.name).read_text().strip().splitlines()
            peak = int(text[-1]) / 1024 if text and text[-1].isdigit() else None
    return {
        "seconds": seconds,
        "peak_mb": peak,
        "returncode": proc.returncode,
        "output": (proc.stdout + proc.stderr)[-4000:],
    }


def chromium_version() -> str:
    try:
        out = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    match = re.search(r"(\d+\.\d+\.\d+\.\d+)", out)
    return match.group(1) if match else out.strip()


def pyodide_version() -> str:
    pkg = ROOT / "node_modules" / "pyodide" / "package.json"
    return json.loads(pkg.read_text())["version"] if pkg.exists() else "missing"


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} × {cpu}{mem}, {platform.system()} {platform.release()}"


def run_meta() -> dict:
    """What every benchmark and audit report opens with: when, on what machine, with which browser and Pyodide."""
    import datetime

    return {
        "date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "machine": machine(),
        "chromium": chromium_version(),
        "pyodide": pyodide_version(),
    }


def site_pages(site: Path) -> dict:
    """URLs (site-relative, ending in /) of the pages the benchmarks and audits use, and the runtime."""
    calculators = sorted(p.parent.name for p in (site / "calculators").glob("*/index.html"))
    banks = sorted(p.parent.name for p in (site / "banks").glob("*/index.html"))
    html = (site / "calculators" / calculators[0] / "index.html").read_text(encoding="utf-8") if calculators else ""
    runtime = re.search(r'data-runtime="([^"]+)"', html)
    package = re.search(r'data-package="([^"]+)"', html)
    stdlib = re.search(r'data-stdlib="([^"]+)"', html)
    worker = re.search(r'data-worker="([^"]+)"', html)
    base = f"/calculators/{calculators[0]}/" if calculators else "/"

    def resolve(rel: str) -> str:
        return os.path.normpath(os.path.join(base, rel)) + ("/" if rel.endswith("/") else "")

    return {
        "calculators": calculators,
        "banks": banks,
        "runtime": resolve(runtime.group(1)) if runtime else None,
        "package": resolve(package.group(1)) if package else None,
        "stdlib": resolve(stdlib.group(1)) if stdlib else None,
        "worker": resolve(worker.group(1)) if worker else None,
    }


def own_cpu_cgroup() -> str:
    """This process's cgroup (v1 ``cpu`` controller, else v2), e.g. ``/`` or ``/bench``."""
    try:
        for line in Path("/proc/self/cgroup").read_text().splitlines():
            _, controllers, path = line.split(":", 2)
            if "cpu" in controllers.split(","):
                return path
        for line in Path("/proc/self/cgroup").read_text().splitlines():
            if line.startswith("0::"):
                return line[3:]
    except OSError:
        pass
    return "/"


@contextlib.contextmanager
def cpu_limited_chromium(fraction_of_machine: float):
    """A Chromium wrapper whose processes share ``fraction_of_machine`` of all CPUs (cgroup v1 or v2).

    Yields ``(executable, description)``; the executable is CHROMIUM itself (and the description says
    so) when no writable cgroup is available.
    """
    cpus = os.cpu_count() or 1
    quota_us = int(100_000 * cpus * fraction_of_machine)
    own = own_cpu_cgroup()
    candidates = [Path("/sys/fs/cgroup/cpu") / own.lstrip("/"), Path("/sys/fs/cgroup/cpu"), Path("/sys/fs/cgroup")]
    group = None
    for base in candidates:
        try:
            if (base / "cpu.cfs_quota_us").exists() or (base / "cgroup.procs").exists() and base.name == "cpu":
                group = base / f"site-bench-{os.getpid()}"
                group.mkdir(exist_ok=True)
                (group / "cpu.cfs_period_us").write_text("100000")
                (group / "cpu.cfs_quota_us").write_text(str(quota_us))
                break
            if (base / "cgroup.subtree_control").exists():
                group = base / f"site-bench-{os.getpid()}"
                group.mkdir(exist_ok=True)
                (group / "cpu.max").write_text(f"{quota_us} 100000")
                break
        except OSError:
            group = None
            continue
    if group is None:
        yield CHROMIUM, "not available (no writable cgroup): CPU not limited"
        return
    with tempfile.TemporaryDirectory(prefix="chromium-cpu-") as tmp:
        wrapper = Path(tmp) / "chromium"
        wrapper.write_text(f'#!/bin/sh\necho $$ > {group}/cgroup.procs\nexec {CHROMIUM} "$@"\n')
        wrapper.chmod(0o755)
        try:
            yield (
                str(wrapper),
                (
                    f"cgroup CPU quota {quota_us / 100_000:.2f} CPU for all browser processes "
                    f"({fraction_of_machine:.0%} of this {cpus}-CPU machine)"
                ),
            )
        finally:
            for _ in range(50):
                try:
                    group.rmdir()
                    break
                except OSError:
                    time.sleep(0.1)
