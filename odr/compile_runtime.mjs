// Byte-compiles the Python the browser runs, with Pyodide itself (same Python
// version as the browser), so the browser never compiles source at start-up,
// and splits it by when the calculator needs it.
//
//   node odr/compile_runtime.mjs OUT_DIR WIDGETS_DIR SCENARIOS_JSON FONT_FILES WHEEL...
//
// FONT_FILES (comma-separated) is the PDF's Unicode font, for the scenario that needs it.
//
// SCENARIOS_JSON is a list of {spec, answers, today}: real worksheet calls.
// The script runs them in Pyodide and records the modules imported: first by
// Pyodide's start-up, `import widgets.worker` and every `evaluate` (what the
// calculator needs to be ready), then by every `documents` (the PDF).
// Writes into OUT_DIR, every Python file as .pyc:
//   stdlib.zip       the standard library modules the calculator needs to be
//                    ready (loaded with stdLibURL), and _odr_archives (below)
//   widgets.zip      the `widgets` package
//   pdf.zip          what `documents` needs beyond that: the wheels' modules
//                    (fpdf2 and what it imports) and more standard library;
//                    loaded when a person first asks for a document
//   stdlib-rest.zip  the rest of the standard library   } fetched only if an
//   pdf-rest.zip     the rest of the wheels' packages    } import needs them
//   manifest.json    the modules recorded, and the modules of each archive
// _odr_archives mounts an archive (a zip on sys.path) and fetches an archive
// not mounted yet the first time an import needs one of its modules, so a
// code path no scenario took still works (online).
import { loadPyodide } from "pyodide";
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { basename, join, resolve } from "node:path";

const [outDir, widgetsDir, scenariosFile, fontFiles, ...wheels] = process.argv.slice(2);
const py = await loadPyodide();
mkdirSync(outDir, { recursive: true });

py.FS.mkdirTree("/build/widgets");
for (const name of readdirSync(widgetsDir).filter((n) => n.endsWith(".py"))) {
  py.FS.writeFile(`/build/widgets/${name}`, readFileSync(join(widgetsDir, name)));
}
wheels.forEach((wheel, index) => py.FS.writeFile(`/build/wheel${index}.whl`, readFileSync(resolve(wheel))));
py.FS.writeFile("/build/scenarios.json", readFileSync(resolve(scenariosFile)));
py.FS.mkdirTree("/build/fonts"); // the PDF's Unicode font, for the scenario that needs it (unicode_font)
for (const file of fontFiles.split(",")) {
  py.FS.writeFile(`/build/fonts/${basename(file)}`, readFileSync(file));
}

const ARCHIVES_MODULE = `
"""The calculator's Python archives (odr/compile_runtime.mjs): zips mounted on
sys.path, and a finder that fetches an archive not mounted yet the first time
an import needs one of its modules."""

import importlib.machinery
import sys

MODULES = __MODULES__
"""{archive role: the modules it holds}."""


def mount(role, filename):
    """Put the archive written at \`filename\` on sys.path, also under the packages already imported."""
    _finder.urls.pop(role, None)
    if filename in sys.path:
        return
    entries = [filename]
    sys.path.append(filename)
    packages = {name.rpartition(".")[0] for name in MODULES.get(role, ())}
    for name in packages & set(sys.modules):
        path = getattr(sys.modules[name], "__path__", None)
        if path is not None:
            entries.append(f"{filename}/{name.replace('.', '/')}")
            path.append(entries[-1])
    for entry in entries:  # a lookup made before the file existed must not stick
        sys.path_importer_cache.pop(entry, None)


class _Finder:
    def __init__(self):
        self.urls = {}
        """{archive role: URL}: the archives that can be fetched, not mounted yet."""

    def find_spec(self, fullname, path=None, target=None):
        for role, url in list(self.urls.items()):
            if fullname in MODULES.get(role, ()):
                mount(role, fetch_file(url, f"/lib/odr-{role}.zip"))
                parent = sys.modules.get(fullname.rpartition(".")[0])
                return importlib.machinery.PathFinder.find_spec(fullname, getattr(parent, "__path__", None))
        return None


def fetch_file(url, filename):
    """Save the file at \`url\` as \`filename\` (a synchronous request: allowed in a worker, and an
    import cannot wait); also how widgets/worker.py fetches the PDF's font."""
    from js import XMLHttpRequest  # only here: nothing of JavaScript is held otherwise

    request = XMLHttpRequest.new()
    request.open("GET", url, False)
    request.responseType = "arraybuffer"
    request.send()
    if request.status != 200:
        raise ImportError(f"{url}: HTTP {request.status}")
    with open(filename, "wb") as file:
        file.write(request.response.to_bytes())
    return filename


def fetch_when_needed(urls):
    """From now on, fetch the archives in {role: URL} when an import needs them."""
    _finder.urls.update(urls)
    if _finder not in sys.meta_path:
        sys.meta_path.append(_finder)


_finder = _Finder()
`;

py.globals.set("ARCHIVES_MODULE", ARCHIVES_MODULE);
py.runPython(`
import importlib.util, io, json, marshal, os, sys, traceback, zipfile

HEADER = importlib.util.MAGIC_NUMBER + bytes(12)  # flags 0, no source mtime or size: the zip holds no .py
STAMP = (1980, 1, 1, 0, 0, 0)
STDLIB = "/lib/python314.zip"
SITE = "/build/site"


def compiled(name, data):
    """(archive name, bytes): .py files become .pyc; anything else is kept as is."""
    if not name.endswith(".py"):
        return name, data
    try:
        code = compile(data, name, "exec", dont_inherit=True)
    except SyntaxError:
        return name, data
    return name + "c", HEADER + marshal.dumps(code)


def write_zip(path, members):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in sorted(members):
            info = zipfile.ZipInfo(name, date_time=STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)


def read_zip(path, keep=lambda name: True):
    with zipfile.ZipFile(path) as source:
        return {info.filename: source.read(info) for info in source.infolist()
                if not info.is_dir() and keep(info.filename)}


def is_package_file(name):
    return ".dist-info/" not in name and ".data/" not in name and not name.endswith((".pyi", ".typed"))


def record(scenarios):
    """(ready, documents): the modules imported by Pyodide's start-up, widgets.worker and every
    \`evaluate\`; then also by every \`documents\`."""
    sys.path[0:0] = ["/build", SITE]
    import widgets.worker as bridge
    from widgets import fonts

    for call in ("evaluate", "documents"):
        for scenario in scenarios:
            bridge.set_spec(json.dumps(scenario["spec"]))
            fonts.use_fonts((lambda weight: "/build/fonts/" + fonts.FILES[weight]) if scenario.get("unicode_font") else None)
            try:
                getattr(bridge, call)(json.dumps(scenario["answers"]), scenario["today"])
            except Exception:
                traceback.print_exc()
        fonts.use_fonts(None)
        if call == "evaluate":
            ready = dict(sys.modules)
    return ready, dict(sys.modules)


def used_files(modules, prefix):
    """The archive names ("json/decoder.py") of the recorded modules that come from \`prefix\`."""
    found = set()
    for module in modules.values():
        origin = getattr(getattr(module, "__spec__", None), "origin", None) or ""
        if origin.startswith(prefix + "/"):
            found.add(origin[len(prefix) + 1:])
    return found


def pick(files, used, keep_data=False):
    """The used modules of \`files\` (with the data files of their packages when keep_data)."""
    packages = {name.rsplit("/", 1)[0] for name in used if "/" in name}
    return {name: data for name, data in files.items()
            if name in used or (keep_data and not name.endswith(".py") and name.rsplit("/", 1)[0] in packages)}


def module_names(files):
    names = set()
    for name in files:
        if name.endswith(".py"):
            name = name[:-3].removesuffix("/__init__")
            names.add(name.replace("/", "."))
    return sorted(names)


stdlib = read_zip(STDLIB)
wheel_files = {}
for wheel in sorted(name for name in os.listdir("/build") if name.endswith(".whl")):
    wheel_files.update(read_zip("/build/" + wheel, is_package_file))
for name, data in wheel_files.items():
    os.makedirs(os.path.dirname(f"{SITE}/{name}"), exist_ok=True)
    with open(f"{SITE}/{name}", "wb") as file:
        file.write(data)

ready, documents = record(json.load(open("/build/scenarios.json")))
archives = {"stdlib": pick(stdlib, used_files(ready, STDLIB))}
archives["pdf"] = {**{name: data for name, data in pick(stdlib, used_files(documents, STDLIB)).items()
                      if name not in archives["stdlib"]},
                   **pick(wheel_files, used_files(documents, SITE), keep_data=True)}
archives["stdlib_rest"] = {name: data for name, data in stdlib.items()
                           if name not in archives["stdlib"] and name not in archives["pdf"]}
archives["pdf_rest"] = {name: data for name, data in wheel_files.items() if name not in archives["pdf"]}
modules = {role: module_names(files) for role, files in archives.items() if role != "stdlib"}
archives["stdlib"]["_odr_archives.py"] = ARCHIVES_MODULE.replace(
    "__MODULES__", "{" + ", ".join(f"{role!r}: frozenset({names!r})" for role, names in modules.items()) + "}").encode()
archives["widgets"] = {"widgets/" + name: open("/build/widgets/" + name, "rb").read()
                       for name in os.listdir("/build/widgets")}

for role, files in archives.items():
    write_zip(f"/build/{role.replace('_', '-')}.zip", [compiled(name, data) for name, data in files.items()])
with open("/build/manifest.json", "w") as file:
    json.dump({"recorded": {"ready": sorted(ready), "documents": sorted(set(documents) - set(ready))},
               "archives": {role: module_names(files) for role, files in archives.items()}}, file, indent=1)
`);

for (const name of ["stdlib.zip", "stdlib-rest.zip", "widgets.zip", "pdf.zip", "pdf-rest.zip", "manifest.json"]) {
  writeFileSync(join(outDir, name), py.FS.readFile(`/build/${name}`));
}
