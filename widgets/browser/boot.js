// Starts the calculator (the Python worker) as soon as the page's first bytes
// have arrived: the build inlines this file in the page's <head>, right after
// the calculator's files (odr-runtime) and before the stylesheets, which a
// script further down would wait for. worksheet/calculator.js takes the worker
// over from window.odrCalculator, sends it the worksheet (odr-spec, further
// down the page) and reads the messages it has already sent.
(function startEarly() {
  var calculator = { worker: null, early: [], failed: null };
  window.odrCalculator = calculator;
  if (typeof WebAssembly !== "object") {
    calculator.failed = "no_wasm";
    return;
  }
  if (typeof Worker !== "function") {
    calculator.failed = "no_worker";
    return;
  }
  var runtime = JSON.parse(document.getElementById("odr-runtime").textContent);
  var files = {};
  Object.keys(runtime.files).forEach(function (key) {
    // Absolute addresses: the worker resolves addresses against its own.
    files[key] = new URL(runtime.files[key], window.location.href).href;
  });
  try {
    calculator.worker = new Worker(runtime.worker, { type: "module" });
  } catch (error) {
    calculator.failed = "no_worker";
    return;
  }
  calculator.worker.onmessage = function (event) {
    calculator.early.push(event.data);
  };
  calculator.worker.onerror = function () {
    calculator.early.push({ type: "failed", reason: "load" });
  };
  calculator.worker.postMessage({ type: "start", runtime: files });
})();
