"""Compile the recorded standard-library modules (or all) into a new zip at /tmp/stdlib-pyc.zip.

Input: the JSON string ``js._q_args`` (mode, module names, the fallback's source). Members are
written in the stock zip's order with fixed timestamps and attributes (a byte-identical zip on
every build), and STORED, not deflated: the whole file is then compressed in transit (brotli or
gzip, precompressed at build time), which is about 30 % smaller than deflating member by member.
Result: JSON with the counts and the bytecode magic number.
"""

import importlib._bootstrap_external as ext
import importlib.util
import json
import sys
import zipfile

from js import _q_args

args = json.loads(_q_args)
mode, wanted = args["mode"], set(args["modules"])
source = zipfile.ZipFile("/lib/python%d%d.zip" % sys.version_info[:2])
prefix = "/lib/python%d%d.zip/" % sys.version_info[:2]
dest = zipfile.ZipFile("/tmp/stdlib-pyc.zip", "w")
compiled = kept = 0
for info in source.infolist():
    name = info.filename
    data = source.read(name)
    is_py = name.endswith(".py")
    use = is_py and (mode == "full" or name in wanted)
    if is_py and not use and mode == "trimmed":
        continue
    if not is_py and mode == "trimmed":
        continue  # data files, and directory entries (an empty one would shadow a package as a namespace)
    if use:
        code = compile(data, prefix + name, "exec", dont_inherit=True, optimize=0)
        data = ext._code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False)
        name = name[:-3] + ".pyc"
        compiled += 1
    elif is_py:
        kept += 1
    out = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    out.create_system = 3
    out.external_attr = (0o40755 << 16 | 0x10) if name.endswith("/") else (0o100644 << 16)
    out.compress_type = zipfile.ZIP_STORED  # compressed as a whole in transit (brotli/gzip), see above
    dest.writestr(out, data)
if mode == "trimmed":
    names = sorted(
        {
            i.filename.split("/")[0].removesuffix(".py")
            for i in source.infolist()
            if i.filename.endswith(".py") or "/" in i.filename
        }
    )
    fallback = args["fallback"].replace("STDLIB_NAMES = ()", "STDLIB_NAMES = " + repr(tuple(names)), 1).encode()
    code = compile(fallback, prefix + "sitecustomize.py", "exec", dont_inherit=True, optimize=0)
    out = zipfile.ZipInfo("sitecustomize.pyc", date_time=(1980, 1, 1, 0, 0, 0))
    out.create_system = 3
    out.external_attr = 0o100644 << 16
    out.compress_type = zipfile.ZIP_STORED
    dest.writestr(out, ext._code_to_hash_pyc(code, importlib.util.source_hash(fallback), checked=False))
dest.close()
json.dumps({"compiled": compiled, "kept": kept, "magic": importlib.util.MAGIC_NUMBER.hex()})
