// The calculator: a module Web Worker that runs the Python worksheet engine
// (widgets/) in Pyodide, so typing never waits for Python.
//
// Messages in:  {type: "start", runtime, spec}
//               {type: "evaluate" | "documents", id, answers, today}
// Messages out: {type: "ready"} | {type: "failed", reason, detail}
//               {type: "result", id, result}
// Every file comes from the site's own origin; nothing is sent anywhere.

let python = null;
let pdfReady = null;

async function start(runtime, spec) {
  const { loadPyodide } = await import(runtime.pyodide_module);
  python = await loadPyodide({ indexURL: runtime.pyodide_index, stdLibURL: runtime.stdlib });
  await unpack(runtime.widgets);
  python.runPython("import widgets.worker");
  python.pyimport("widgets.worker").set_spec(JSON.stringify(spec));
}

async function unpack(url) {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`${url}: ${response.status}`);
  }
  python.unpackArchive(await response.arrayBuffer(), "zip", { extractDir: "/lib/python3.14/site-packages" });
}

async function call(type, answers, today, runtime) {
  if (type === "documents") {
    pdfReady = pdfReady || unpack(runtime.pdf);
    await pdfReady;
  }
  const bridge = python.pyimport("widgets.worker");
  try {
    return JSON.parse(bridge[type](JSON.stringify(answers), today));
  } finally {
    bridge.destroy();
  }
}

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

let runtimeConfig = null;
let queue = Promise.resolve();

self.onmessage = (event) => {
  const message = event.data;
  if (message.type === "start") {
    runtimeConfig = message.runtime;
    queue = start(message.runtime, message.spec).then(() => {
      started = true;
      self.postMessage({ type: "ready" });
    }, failed);
    return;
  }
  queue = queue.then(async () => {
    try {
      const result = await call(message.type, message.answers, message.today, runtimeConfig);
      self.postMessage({ type: "result", id: message.id, result });
    } catch (error) {
      self.postMessage({ type: "result", id: message.id, error: String(error) });
    }
  });
};
