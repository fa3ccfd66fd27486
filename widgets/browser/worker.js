// The calculator: a module Web Worker that runs the Python worksheet engine
// (widgets/) in Pyodide, so typing never waits for Python.
//
// Started by boot.js, with its files (the `files` of the page's odr-runtime) as
// its name: it starts Python as soon as it runs.
// Messages in:  {type: "spec", spec} (the worksheet, once the page's modules run),
//               {type: "evaluate" | "documents", id, answers, today}
// Messages out: {type: "ready", start: "fresh" | "restored"} | {type: "failed", reason: "load" | "memory" | "stopped", detail}
//               {type: "result", id, result}
// Every file comes from the site's own origin; nothing is sent anywhere.
//
// Start-up: the Python archives are byte-compiled and hold only what the
// calculator imports (odr/compile_runtime.mjs); the PDF's archive comes when a
// document is first asked for. After the first start, Python's memory is kept
// in this browser (the origin private file system) as a Pyodide memory
// snapshot, taken right after `import widgets.worker`, before the worksheet or
// any answer reached Python: it holds code only, never anything a person
// typed. Later visits restore it instead of starting Python again.

let python = null;
let archives = null;
let pdfReady = null;

const ARCHIVE_PATH = (role) => `/lib/odr-${role}.zip`;

async function start(runtime) {
  const widgets = fetchBytes(runtime.widgets);
  // Pyodide's engine (the largest script) is fetched now, alongside its loader, not after it:
  // loadPyodide imports the same address later and gets this same module.
  import(`${runtime.pyodide_index}pyodide.asm.mjs`).catch(() => {}); // a failure shows in loadPyodide
  const [{ loadPyodide }, saved] = await Promise.all([import(runtime.pyodide_module), savedSnapshotFile(runtime)]);
  const [loaded, restored] = await loadPython(loadPyodide, runtime, saved && readSnapshot(saved));
  let snapshot = null;
  python = loaded;
  self.pyodide = python; // as in Pyodide's web-worker example: reachable from DevTools and the benchmark
  python.FS.writeFile(ARCHIVE_PATH("widgets"), await widgets);
  archives = python.pyimport("_odr_archives");
  if (!restored) {
    archives.mount("widgets", ARCHIVE_PATH("widgets"));
    python.runPython("import widgets.worker");
    snapshot = canSnapshot() ? python.makeMemorySnapshot() : null;
  }
  const urls = python.toPy({ pdf: runtime.pdf, stdlib_rest: runtime.stdlib_rest, pdf_rest: runtime.pdf_rest });
  archives.fetch_when_needed(urls);
  urls.destroy();
  const bridge = python.pyimport("widgets.worker");
  bridge.set_font_urls(JSON.stringify({ regular: runtime.font_regular, bold: runtime.font_bold }));
  bridge.set_spec(JSON.stringify(await specReceived));
  bridge.destroy();
  return { snapshot, restored };
}

/**
 * [Pyodide, restored]: from the saved snapshot when there is a good one, else started afresh.
 * `saved` is the snapshot being read (a promise): Pyodide fetches and compiles its
 * WebAssembly meanwhile, and waits for the snapshot only when it needs it.
 */
async function loadPython(loadPyodide, runtime, saved) {
  const options = { indexURL: runtime.pyodide_index, stdLibURL: runtime.stdlib };
  if (saved) {
    saved.catch(() => {}); // not an unhandled rejection: its failure is handled below, when Pyodide awaits it
    try {
      return [await loadPyodide({ ...options, _loadSnapshot: saved }), true];
    } catch (error) {
      await forgetSnapshot(runtime);
    }
  }
  return [await loadPyodide({ ...options, _makeSnapshot: canSnapshot() }), false];
}

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`${url}: ${response.status}`);
  }
  return new Uint8Array(await response.arrayBuffer());
}

async function mountPdf(runtime) {
  python.FS.writeFile(ARCHIVE_PATH("pdf"), await fetchBytes(runtime.pdf));
  archives.mount("pdf", ARCHIVE_PATH("pdf"));
}

async function call(type, answers, today, runtime) {
  if (type === "documents") {
    pdfReady = pdfReady || mountPdf(runtime);
    await pdfReady;
  }
  const bridge = python.pyimport("widgets.worker");
  try {
    return JSON.parse(bridge[type](JSON.stringify(answers), today));
  } finally {
    bridge.destroy();
  }
}

// ---------------------------------------------------------------- the snapshot
// The snapshot is kept in the origin private file system (one file per
// runtime version). It is Pyodide's whole memory (about 30 MB), more than half
// of it zeros, so the file holds only its non-zero 4 KB pages (about 13 MB).
// It is read while Pyodide's own files load (readSnapshot).

const PAGE = 4096;
const SNAPSHOT_MAGIC = 0x5344524f; // "ORDS"
const SNAPSHOT_FOLDER = "odr-calculator-snapshot";

function canSnapshot() {
  return typeof navigator === "object" && navigator.storage && typeof navigator.storage.getDirectory === "function"
    && typeof FileSystemFileHandle === "function" && "createSyncAccessHandle" in FileSystemFileHandle.prototype;
}

/** The snapshot's file name: one per runtime (its files have content-hashed names). */
function snapshotName(runtime) {
  const names = [runtime.pyodide_module, runtime.stdlib, runtime.widgets].map((url) => url.split("/").slice(-2).join("-"));
  return names.join("+").replace(/[^\w.+-]/g, "_");
}

async function snapshotFolder() {
  return (await navigator.storage.getDirectory()).getDirectoryHandle(SNAPSHOT_FOLDER, { create: true });
}

/** The saved snapshot's file, or null when there is none (or no such storage here). */
async function savedSnapshotFile(runtime) {
  if (!canSnapshot()) {
    return null;
  }
  try {
    return await (await snapshotFolder()).getFileHandle(snapshotName(runtime));
  } catch (error) {
    return null; // none yet (NotFoundError): start afresh
  }
}

/**
 * The snapshot in `file`, unpacked. Read straight into place with a synchronous access
 * handle (no copy of the packed file, no trip through the browser's blob reader); when
 * another tab of the site holds the file open, read as a Blob instead.
 */
async function readSnapshot(file) {
  let handle = null;
  try {
    handle = await file.createSyncAccessHandle();
  } catch (error) {
    return readPacked(bytesReader(new Uint8Array(await (await file.getFile()).arrayBuffer())));
  }
  try {
    return readPacked(handle);
  } finally {
    handle.close();
  }
}

/** Unpack from an open handle: each run of consecutive pages is one read, into its place in memory. */
function readPacked(handle) {
  const [magic, length, count] = readWords(handle, 0, 3);
  if (magic !== SNAPSHOT_MAGIC) {
    throw new Error("not a calculator snapshot");
  }
  const pages = readWords(handle, 12, count);
  const bytes = new Uint8Array(length);
  let offset = 4 * (3 + count);
  for (let first = 0; first < count;) {
    let last = first;
    while (last + 1 < count && pages[last + 1] === pages[last] + 1) {
      last++;
    }
    const start = pages[first] * PAGE;
    const end = Math.min((pages[last] + 1) * PAGE, length);
    if (handle.read(bytes.subarray(start, end), { at: offset }) !== end - start) {
      throw new Error("the calculator snapshot is cut short");
    }
    offset += (last - first + 1) * PAGE;
    first = last + 1;
  }
  return bytes;
}

function readWords(handle, at, count) {
  const words = new Uint32Array(count);
  if (handle.read(words, { at }) !== words.byteLength) {
    throw new Error("the calculator snapshot is cut short");
  }
  return words;
}

/** [magic, length, page count, page numbers...] then the non-zero pages, PAGE bytes each. */
function packSnapshot(bytes) {
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >>> 2);
  const pages = [];
  for (let page = 0; page * PAGE < bytes.length; page++) {
    const end = Math.min((page + 1) * PAGE, bytes.length) >>> 2;
    for (let word = (page * PAGE) >>> 2; word < end; word++) {
      if (words[word] !== 0) {
        pages.push(page);
        break;
      }
    }
  }
  const header = Uint32Array.of(SNAPSHOT_MAGIC, bytes.length, pages.length, ...pages);
  const packed = new Uint8Array(header.byteLength + pages.length * PAGE);
  packed.set(new Uint8Array(header.buffer));
  pages.forEach((page, index) => packed.set(bytes.subarray(page * PAGE, (page + 1) * PAGE),
                                            header.byteLength + index * PAGE));
  return packed;
}

/** A file's bytes, read as a Blob, behind the one method of an access handle that readPacked uses. */
function bytesReader(bytes) {
  return {
    read(view, { at }) {
      const part = bytes.subarray(at, at + view.byteLength);
      new Uint8Array(view.buffer, view.byteOffset, view.byteLength).set(part);
      return part.length;
    },
  };
}

/** Keep the snapshot for the next visit, replacing any older one; quietly gives up on failure. */
async function saveSnapshot(runtime, snapshot) {
  let handle = null;
  try {
    const folder = await snapshotFolder();
    const name = snapshotName(runtime);
    const packed = packSnapshot(snapshot);
    handle = await (await folder.getFileHandle(name, { create: true })).createSyncAccessHandle();
    handle.truncate(0);
    handle.write(packed, { at: 0 });
    handle.flush();
    for await (const other of folder.keys()) {
      if (other !== name) {
        await folder.removeEntry(other);
      }
    }
  } catch (error) {
    // no room, or no storage here: the next visit starts Python afresh
  } finally {
    if (handle) {
      handle.close();
    }
  }
}

async function forgetSnapshot(runtime) {
  try {
    await (await snapshotFolder()).removeEntry(snapshotName(runtime));
  } catch (error) {
    // nothing to forget
  }
}

// ---------------------------------------------------------------- messages

function reasonOf(error) {
  const text = String((error && error.message) || error);
  if (error instanceof RangeError || /memory/i.test(text)) {
    return "memory";
  }
  return "load";
}

// Pyodide reports a runtime file that fails to load as an unhandled rejection
// and never settles loadPyodide(): tell the page instead of waiting forever.
let started = false;
function failed(error) {
  if (!started) {
    started = true;
    self.postMessage({ type: "failed", reason: reasonOf(error), detail: String(error) });
  }
}
self.addEventListener("unhandledrejection", (event) => failed(event.reason));
self.addEventListener("error", (event) => failed(event.error || event.message));

// Pyodide also catches a failed WebAssembly start (its .wasm file could not be
// fetched, or there is too little memory), logs "wasm instantiation failed!"
// and never settles loadPyodide(): watch for that failure here.
for (const name of ["instantiateStreaming", "instantiate"]) {
  const original = WebAssembly[name];
  WebAssembly[name] = (...args) => original.apply(WebAssembly, args).catch((error) => {
    failed(error);
    throw error;
  });
}

/** Pyodide cannot go on after a fatal error (its memory is damaged: a snapshot changed on disk, say):
 * Pyodide marks the error that broke it, and says so in every call after it. */
function isFatal(error) {
  return Boolean(error && (error.pyodide_fatal_error || /already fatally failed/.test(String(error.message))));
}

/** The calculator is broken for good: forget the snapshot (the next visit starts Python afresh) and tell the page. */
async function broken(error) {
  snapshotToSave = null;
  await forgetSnapshot(runtimeConfig);
  self.postMessage({ type: "failed", reason: "stopped", detail: String(error) });
}

let runtimeConfig = null;
let receiveSpec = null;
const specReceived = new Promise((resolve) => {
  receiveSpec = resolve;
});
let queue = Promise.resolve();
let snapshotToSave = null;

/** Save the snapshot once the calculator is idle: after the first answer, or a moment after it is ready. */
function saveSnapshotWhenIdle() {
  if (snapshotToSave) {
    const snapshot = snapshotToSave;
    snapshotToSave = null;
    queue = queue.then(() => saveSnapshot(runtimeConfig, snapshot));
  }
}

self.onmessage = (event) => {
  const message = event.data;
  if (message.type === "spec") {
    receiveSpec(message.spec);
    return;
  }
  queue = queue.then(async () => {
    try {
      const result = await call(message.type, message.answers, message.today, runtimeConfig);
      self.postMessage({ type: "result", id: message.id, result });
    } catch (error) {
      self.postMessage({ type: "result", id: message.id, error: String(error) });
      if (isFatal(error)) {
        await broken(error);
      }
    }
    saveSnapshotWhenIdle();
  });
};

try {
  runtimeConfig = JSON.parse(self.name);
  queue = start(runtimeConfig).then(({ snapshot, restored }) => {
    started = true;
    self.postMessage({ type: "ready", start: restored ? "restored" : "fresh" });
    snapshotToSave = snapshot;
    setTimeout(saveSnapshotWhenIdle, 2000);
  }, failed);
} catch (error) {
  failed(error); // no file list for a name: not started by boot.js
}
