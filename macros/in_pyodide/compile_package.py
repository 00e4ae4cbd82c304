"""The calculators package, as unpacked in site-packages, compiled to /tmp/package-pyc.zip.

Sourceless unchecked hash-based ``.pyc`` files, stored (compressed in transit); the page's worker
unpacks this zip instead of the ``.py`` one. Result: the number of modules, as JSON.
"""

import importlib._bootstrap_external as ext
import importlib.util
import json
import os
import zipfile

import calculators

folder = os.path.dirname(calculators.__file__)
dest = zipfile.ZipFile("/tmp/package-pyc.zip", "w")
count = 0
for root, dirs, files in os.walk(folder):  # sub-packages (negotiation_kit/) too
    dirs[:] = sorted(d for d in dirs if d != "__pycache__")
    for name in sorted(files):
        path = os.path.join(root, name)
        rel = "calculators/" + os.path.relpath(path, folder).replace(os.sep, "/")
        if name.endswith((".pyc", ".pyo")):
            continue
        with open(path, "rb") as f:
            data = f.read()
        if name.endswith(".py"):
            code = compile(data, rel, "exec", dont_inherit=True, optimize=0)
            out = zipfile.ZipInfo(rel[:-3] + ".pyc", date_time=(1980, 1, 1, 0, 0, 0))
            data = ext._code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False)
            count += 1
        else:
            out = zipfile.ZipInfo(rel, date_time=(1980, 1, 1, 0, 0, 0))  # data files as they are
        out.create_system = 3
        out.external_attr = 0o100644 << 16
        out.compress_type = zipfile.ZIP_STORED  # compressed as a whole in transit
        dest.writestr(out, data)
dest.close()
json.dumps(count)
