"""Warm-up run inside Pyodide before recording sys.modules, and again on the precompiled zip.

Its result (the last expression, a JSON string) must be identical on both starts. It exercises
what a reader can: every calculator on its defaults (``calculators.render.form_defaults``), on
nothing, and on junk in every field, through ``calculators.run`` and the JSON bridge
``calculators.web.handle`` in both languages.
"""

import importlib
import json
import sys

importlib.invalidate_caches()  # what a page does after unpacking a package (3.14 imports importlib.metadata)
import calculators
from calculators.render import form_defaults  # the flat form a reader's browser sends

out = []


def _try(label, fn):
    try:
        value = fn()
    except Exception as exc:  # recorded, so a difference between the two starts shows
        value = "EXC " + type(exc).__name__
    out.append([label, value if isinstance(value, (str, int, float, bool, type(None))) else repr(value)])


for _mod in ("calculators.web", "calculators.render", "calculators.fmt"):
    _try("import " + _mod, lambda _mod=_mod: __import__(_mod) and None)
_web = sys.modules.get("calculators.web")
_handle = getattr(_web, "handle", None)
_junk = [
    "",
    "abc",
    "1e999",
    "NaN",
    "-1",
    "１２３",
    "1,000",
    "¥5,000元",
    "0.75%",
    "9" * 400,
    None,
    True,
    [],
    {},
    [1, {"a": None}],
    {"x": [None]},
    1e308,
    -0.0,
    2**70,
]
for name in calculators.NAMES:
    try:
        defaults = form_defaults(name)
    except Exception as exc:
        out.append([name, "form_defaults " + type(exc).__name__])
        continue
    forms = [defaults, {}] + [{key: j for key in defaults} for j in _junk]
    for k, form in enumerate(forms):
        _try("%s run %d" % (name, k), lambda name=name, form=form: repr(calculators.run(name, form)))
        if callable(_handle):
            for lang in ("zh", "en"):
                _try(
                    "%s handle %d %s" % (name, k, lang),
                    lambda name=name, lang=lang, form=form: _handle(
                        json.dumps(
                            {
                                "calculator": name,
                                "lang": lang,
                                "form": {key: (v if isinstance(v, str) else json.dumps(v)) for key, v in form.items()},
                            }
                        )
                    ),
                )
json.dumps(out, sort_keys=True, default=str)
