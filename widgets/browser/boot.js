// Starts the calculator (the Python worker) as soon as the page's first bytes
// have arrived: the build inlines this file in the page's <head>, right after
// the calculator's files (odr-runtime) and before the stylesheets, which a
// script further down would wait for; the worker finds its files in its name.
// worksheet/calculator.js takes the worker over from window.odrCalculator,
// sends it the worksheet (odr-spec, further down the page) and reads the
// messages it has already sent.
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
    // The worker's name carries its files: the name is there the moment the worker runs,
    // while a message would wait until this page's thread is free to pass it on, which,
    // while the page loads, can be a tenth of a second later.
    calculator.worker = new Worker(runtime.worker, { type: "module", name: JSON.stringify(files) });
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
})();
