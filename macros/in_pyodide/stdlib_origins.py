"""Which standard-library modules are imported, as zip member names (JSON list)."""

import json
import sys

prefix = "/lib/python%d%d.zip/" % sys.version_info[:2]
origins = sorted({getattr(getattr(m, "__spec__", None), "origin", None) or "" for m in list(sys.modules.values())})
json.dumps([o[len(prefix) :] for o in origins if o.startswith(prefix)])
