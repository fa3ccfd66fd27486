// Byte-compiles the Python the browser runs, with Pyodide itself (same Python
// version as the browser), so the browser never compiles source at start-up.
//
//   node odr/compile_runtime.mjs OUT_DIR WIDGETS_DIR WHEEL...
//
// Writes into OUT_DIR:
//   stdlib.zip   Pyodide's standard library as .pyc (loaded with stdLibURL)
//   widgets.zip  the `widgets` package as .pyc (needed for the calculator)
//   pdf.zip      the wheels' packages as .pyc (fpdf2 and what it needs; loaded
//                only when a person asks for the PDF)
import { loadPyodide } from "pyodide";
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";

const [outDir, widgetsDir, ...wheels] = process.argv.slice(2);
const py = await loadPyodide();
mkdirSync(outDir, { recursive: true });

py.FS.mkdirTree("/build/widgets");
for (const name of readdirSync(widgetsDir).filter((n) => n.endsWith(".py"))) {
  py.FS.writeFile(`/build/widgets/${name}`, readFileSync(join(widgetsDir, name)));
}
wheels.forEach((wheel, index) => py.FS.writeFile(`/build/wheel${index}.whl`, readFileSync(resolve(wheel))));

py.runPython(`
import importlib.util, io, marshal, os, zipfile

HEADER = importlib.util.MAGIC_NUMBER + bytes(12)  # flags 0, no source mtime or size: the zip holds no .py
STAMP = (1980, 1, 1, 0, 0, 0)


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
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name, data in sorted(members):
            info = zipfile.ZipInfo(name, date_time=STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)


def from_zip(path, keep=lambda name: True):
    with zipfile.ZipFile(path) as source:
        return [compiled(info.filename, source.read(info))
                for info in source.infolist() if not info.is_dir() and keep(info.filename)]


def is_package_file(name):
    return ".dist-info/" not in name and not name.endswith((".pyi", ".typed"))


write_zip("/build/stdlib.zip", from_zip("/lib/python314.zip"))
write_zip("/build/widgets.zip", [compiled("widgets/" + name, open("/build/widgets/" + name, "rb").read())
                                 for name in os.listdir("/build/widgets")])
pdf_members = []
for wheel in sorted(name for name in os.listdir("/build") if name.endswith(".whl")):
    pdf_members += from_zip("/build/" + wheel, is_package_file)
write_zip("/build/pdf.zip", pdf_members)
`);

for (const name of ["stdlib.zip", "widgets.zip", "pdf.zip"]) {
  writeFileSync(join(outDir, name), py.FS.readFile(`/build/${name}`));
}
