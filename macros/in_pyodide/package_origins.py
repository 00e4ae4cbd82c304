"""Where the imported ``calculators`` modules came from (JSON list of origins)."""

import json
import sys

json.dumps(
    sorted(
        str(getattr(getattr(m, "__spec__", None), "origin", ""))
        for n, m in list(sys.modules.items())
        if n == "calculators" or n.startswith("calculators.")
    )
)
