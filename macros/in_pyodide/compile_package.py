"""The calculators package, as unpacked in site-packages, compiled to /tmp/package-pyc.zip.

Sourceless unchecked hash-based ``.pyc`` files, stored (compressed in transit); the page's worker
unpacks this zip instead of the ``.py`` one. Result: the number of modules, as JSON.
"""
import importlib._bootstrap_external as ext, importlib.util, json, os, zipfile
import calculators
folder = os.path.dirname(calculators.__file__)
dest = zipfile.ZipFile("/tmp/package-pyc.zip", "w")
count = 0
for name in sorted(os.listdir(folder)):
    if not name.endswith(".py"):
        continue
    with open(os.path.join(folder, name), "rb") as f:
        data = f.read()
    code = compile(data, "calculators/" + name, "exec", dont_inherit=True, optimize=0)
    out = zipfile.ZipInfo("calculators/" + name[:-3] + ".pyc", date_time=(1980, 1, 1, 0, 0, 0))
    out.create_system = 3
    out.external_attr = 0o100644 << 16
    out.compress_type = zipfile.ZIP_STORED  # compressed as a whole in transit
    dest.writestr(out, ext._code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False))
    count += 1
dest.close()
json.dumps(count)
