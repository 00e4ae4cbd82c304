"""Import fallback for a trimmed standard library (added by macros/stdlib_pyc.py at build time
as ``sitecustomize``, which Python's site module imports at start-up).

Standard-library modules the calculators never import were left out of this zip. The first time
one is imported anyway, this finder fetches the stock python_stdlib.zip from Pyodide's runtime
folder (one synchronous same-site request, allowed in a worker), mounts it after this zip and
imports from it. Anywhere else (no XMLHttpRequest), the import fails as it would have.
"""

import sys

STDLIB_NAMES = ()  # replaced at build time by the stock zip's top-level names
_NAMES = frozenset(STDLIB_NAMES)
_FULL = "/lib/python%d%d-full.zip" % sys.version_info[:2]
_TRIMMED = "/lib/python%d%d.zip" % sys.version_info[:2]


class StdlibFallbackFinder:
    state = "unused"  # unused | loaded | failed

    @classmethod
    def _load(cls):
        try:
            import pyodide_js
            from js import XMLHttpRequest

            request = XMLHttpRequest.new()
            request.open("GET", str(pyodide_js._api.config.indexURL) + "python_stdlib.zip", False)
            request.responseType = "arraybuffer"
            request.send()
            if request.status != 200:
                raise OSError(request.status)
            with open(_FULL, "wb") as out:
                out.write(request.response.to_bytes())
        except Exception:
            cls.state = "failed"
            return
        sys.path.append(_FULL)
        for module in list(sys.modules.values()):
            path = getattr(module, "__path__", None)
            if isinstance(path, list) and path and str(path[0]).startswith(_TRIMMED + "/"):
                path.append(_FULL + str(path[0])[len(_TRIMMED) :])
        cls.state = "loaded"

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if fullname.partition(".")[0] not in _NAMES or cls.state == "failed":
            return None
        if cls.state == "unused":
            cls._load()
            if cls.state != "loaded":
                return None
        from importlib.machinery import PathFinder

        if path is None:
            return PathFinder.find_spec(fullname, None, target)
        # A submodule of a package this zip has: look in the same package inside the stock zip,
        # and remember that place in the package's __path__ for its other submodules.
        extra = [_FULL + str(p)[len(_TRIMMED) :] for p in path if str(p).startswith(_TRIMMED + "/")]
        package_path = getattr(sys.modules.get(fullname.rpartition(".")[0]), "__path__", None)
        if isinstance(package_path, list):
            package_path.extend(e for e in extra if e not in package_path)
        return PathFinder.find_spec(fullname, [*path, *extra], target)

    @classmethod
    def invalidate_caches(cls):
        pass


def _install():
    from importlib.machinery import PathFinder

    position = sys.meta_path.index(PathFinder) + 1 if PathFinder in sys.meta_path else len(sys.meta_path)
    sys.meta_path.insert(position, StdlibFallbackFinder)


_install()
